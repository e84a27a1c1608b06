"""Benchmarks of Honours at 1k, 10k and 100k honourees: `python -m benchmarks.run` (`make bench`).

Nothing here runs under `make test`; tests/test_bench_generator.py only checks that the
synthetic rolls look like real ones.
"""
