"""Reference aligners the benchmark compares against (not used by ``alignqa align``).

``gale_church``: sentence lengths only (nltk's implementation). ``cosine_dp``: 1-1 beads on raw
cosine, the naive embedding aligner. ``bertalign``: Liu & Zhu (2022)'s two-step method, written
from the paper's description, on the same embeddings as ours.
"""
