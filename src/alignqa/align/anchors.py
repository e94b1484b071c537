"""Lexical anchors: the numbers a segment and its translation share, whatever their notation.

A number survives translation when little else does letter for letter ("600", "1938", "4.45"),
and a small sentence encoder reads numbers worst of all. Each segment becomes a sparse bag of
*anchor keys*, one per number it holds, keyed by value: digits with every separator dropped, so
"1'200", "1.200", "1,200" and "1 200" are one key and "3,5" and "3.5" another; number words
and CJK numerals by the value ``text/spelled_numbers.py`` reads ("五万九千三百" = "fifty and nine
thousand and three hundred" = "59,300").

Only keys found in both documents are kept (a number the other document never has says nothing
about any pair), each weighted by its inverse document frequency over the two documents'
segments. A window's bag is the sum of its segments' bags, so the anchor cosine of two windows
decomposes like the dense cosines do (``scores.py``): the pairwise bag dot products inside a
band block and a 2-D prefix sum, and window norms from neighbouring segments' cross terms
(``AnchorBags.norms``). Where either window has no anchor the cosine is undefined and the
search ignores it: no shared number is no evidence that two sentences differ.

Words shared verbatim (names, cognates: "Kingspitz", "Engelhörner", keyed by their first five
folded letters) were measured as anchors too and cost Text+Berg test 0.004-0.006 strict F1
(docs/aligner.md), so they are not keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..text.spelled_numbers import cjk_values, word_values

if TYPE_CHECKING:  # imported where bags are built: anchors are off by default, scipy costs 0.15 s
    from scipy import sparse

_EPS = 1e-12
# Digits with group or decimal separators inside; a plain space groups only 1-3 digits followed
# by groups of exactly three ("1 200"), so "1988 400" stays two numbers.
_NUMBER_RE = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,'’\u00a0\u202f]\d+)*")
_SEPARATORS = re.compile(r"\D")


def anchor_keys(text: str, lang: str | None = None) -> list[str]:
    """The anchor keys of one segment, each once, in order of first occurrence: its numbers in
    digits, then those written in CJK numerals or in number words of ``lang``, by value."""
    keys: dict[str, None] = {}
    for m in _NUMBER_RE.finditer(text):
        keys["#" + _SEPARATORS.sub("", _ascii_digits(m.group()))] = None
    for value in cjk_values(text) + (word_values(text, lang) if lang else []):
        keys[f"#{value}"] = None
    return list(keys)


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


@dataclass
class AnchorBags:
    """The anchor bags of one side: a sparse (segments x shared keys) matrix and window norms."""

    bags: sparse.csr_matrix
    # norms[a][s]: |sum of the bags of window [s, s + a)|; norms[0] is unused.
    norms: list[np.ndarray]

    @classmethod
    def build(cls, bags: sparse.csr_matrix, max_window: int) -> AnchorBags:
        n = bags.shape[0]
        sq = np.asarray(bags.multiply(bags).sum(axis=1)).ravel()
        pair = [np.zeros(0)] + [np.asarray(bags[:-o].multiply(bags[o:]).sum(axis=1)).ravel()
                                for o in range(1, min(max_window, n))]
        norms = [np.zeros(0), np.sqrt(sq)]
        norm2 = sq.copy()
        for a in range(2, min(max_window, n) + 1):
            count = n - a + 1
            norm2 = norm2[:count] + sq[a - 1:]
            for o in range(1, a):
                norm2 += 2.0 * pair[o][a - 1 - o:a - 1 - o + count]
            norms.append(np.sqrt(np.maximum(norm2, 0.0)))
        return cls(bags, norms)

    def window_norms(self, starts: np.ndarray, size: int) -> np.ndarray:
        return self.norms[size][starts]


def anchor_bags(source: Sequence[str], target: Sequence[str], max_window: int,
                languages: tuple[str | None, str | None] = (None, None)
                ) -> tuple[AnchorBags, AnchorBags] | None:
    """Both sides' anchor bags over the keys the two documents share (None when they share
    none, so documents without anchors cost nothing)."""
    keys = [[anchor_keys(t, lang) for t in texts]
            for texts, lang in zip((source, target), languages, strict=True)]
    df = [Counter(k for seg in side for k in seg) for side in keys]
    shared = sorted(set(df[0]) & set(df[1]))
    if not shared:
        return None
    index = {k: i for i, k in enumerate(shared)}
    total = len(source) + len(target)
    idf = np.array([np.log(total / (df[0][k] + df[1][k])) + 1.0 for k in shared])
    from scipy import sparse

    out = []
    for side in keys:
        rows, cols = [], []
        for r, seg in enumerate(side):
            for k in seg:
                if k in index:
                    rows.append(r)
                    cols.append(index[k])
        matrix = sparse.csr_matrix((idf[cols], (rows, cols)), shape=(len(side), len(shared)))
        out.append(AnchorBags.build(matrix, max_window))
    return out[0], out[1]


def anchor_cosines(src: AnchorBags, tgt: AnchorBags, prefix: np.ndarray, s0: int, t0: int,
                   rows: np.ndarray, cols: np.ndarray, a: int, b: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Anchor cosine of source windows [row - a, row) and target windows [col - b, col), and
    where it is defined (both windows have anchors); ``prefix`` is the 2-D prefix sum of the
    block's bag dot products whose first row and column are source s0 and target t0."""
    r1, r0 = rows - s0, rows - a - s0
    c1, c0 = cols - t0, cols - b - t0
    dot = prefix[r1, c1] - prefix[r0, c1] - prefix[r1, c0] + prefix[r0, c0]
    norm = src.window_norms(rows - a, a) * tgt.window_norms(cols - b, b)
    defined = norm > _EPS
    return np.where(defined, dot / np.maximum(norm, _EPS), 0.0), defined


def block_prefix(src: AnchorBags, tgt: AnchorBags, s0: int, s1: int, t0: int, t1: int
                 ) -> np.ndarray:
    """2-D prefix sum of the bag dot products of source [s0, s1) x target [t0, t1)."""
    dots = (src.bags[s0:s1] @ tgt.bags[t0:t1].T).toarray()
    prefix = np.zeros((s1 - s0 + 1, t1 - t0 + 1))
    np.cumsum(np.cumsum(dots, axis=0), axis=1, out=prefix[1:, 1:])
    return prefix


def window_cosines(src: AnchorBags, tgt: AnchorBags, s0: np.ndarray, t0: np.ndarray, a: int,
                   b: int) -> tuple[np.ndarray, np.ndarray]:
    """Anchor cosine of source windows [s0, s0 + a) and target windows [t0, t0 + b), one pair
    at a time (for the few beads re-scored after the search), and where it is defined."""
    dot = np.array([float((src.bags[s:s + a].sum(axis=0) @ tgt.bags[t:t + b].sum(axis=0).T)
                          .item()) for s, t in zip(s0.tolist(), t0.tolist(), strict=True)])
    norm = src.window_norms(s0, a) * tgt.window_norms(t0, b)
    defined = norm > _EPS
    return np.where(defined, dot / np.maximum(norm, _EPS), 0.0), defined
