"""`make bench`: the benchmark, kept beside the guide and not in its package."""
