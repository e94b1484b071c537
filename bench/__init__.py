"""Benchmarks of the pipeline's stages; each prints its figures (run ``python -m bench.<stage>``)."""
