"""A model-free embedder for the aligner's unit tests: a bag of seeded random word vectors.

Texts that share words get similar vectors and a concatenation's vector is close to the sum of
its parts', which is all the aligner assumes of a sentence encoder; cosines of unrelated texts
sit near 0 instead of the real model's squeezed 0.75-0.96, which centring makes no difference to.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence

import numpy as np


class BagOfWordsEmbedder:
    model_id = "bag-of-words-test"

    def __init__(self, dim: int = 96, max_tokens: int = 64):
        self.dim = dim
        self.max_tokens = max_tokens
        self.encoder_calls = 0
        self.requests: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        self.requests.append(texts)
        self.encoder_calls += len(set(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = text.lower().split()[: self.max_tokens - 2] or ["<empty>"]
            v = sum(_word_vector(w, self.dim) for w in words)
            out[i] = v / np.linalg.norm(v)
        return out

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + 2


@functools.lru_cache(maxsize=1 << 16)
def _word_vector(word: str, dim: int) -> np.ndarray:
    return np.random.default_rng(zlib.crc32(word.encode("utf-8"))).standard_normal(dim)


def sentences(count: int, seed: int = 0, words: int = 8) -> list[str]:
    """Distinct pseudo-sentences: each draws its own words from a large vocabulary."""
    rng = np.random.default_rng(seed)
    return [" ".join(f"w{k}" for k in rng.integers(0, 10**6, size=words)) for _ in range(count)]


def assert_complete(beads, n: int, m: int) -> None:
    """Every source and target segment appears exactly once, in order (a monotone alignment)."""
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n))
    assert tgt == list(range(m))
    assert all(b.src or b.tgt for b in beads)
