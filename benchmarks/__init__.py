"""Slant's benchmarks (``make bench``): speed and memory at corpus scale; see ``__main__``."""
