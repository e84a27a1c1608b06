"""What ties the registry to SQLite: the connection, the schema and its migrations,
opening a file, the FTS5 search index, backups and the health check."""
