"""Benchmark harness of Practice Atlas: `make bench` (benchmarks/run.py); see benchmarks/README.md."""
