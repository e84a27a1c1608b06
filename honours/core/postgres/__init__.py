"""The shared registry's backend on a PostgreSQL server (several offices, one roll).

Only this package speaks to PostgreSQL; SQLite stays the embedded default for one office.
"""
