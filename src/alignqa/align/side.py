"""One side of an alignment as the search sees it: unit vectors, lengths and window algebra.

A window (consecutive segments ``[s, s + a)``) is scored without encoding its concatenation: mean
pooling makes the embedding of a concatenation close to the token-weighted sum of the parts'
embeddings, so ``normalize(sum(w_k x_k))`` with ``w_k`` the segment's length stands in for it.
Every cosine between such windows reduces to sums of single-pair cosines (see ``scores.py``);
the quantities here are the per-side parts of those sums, precomputed once in O(n * K).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .anchors import AnchorBags
from .structure import Structure

_EPS = 1e-9
# Window weights grow with the square root of a segment's length: plain length lets one long
# sentence drown its neighbours, equal weights let a one-word fragment count as much as a
# sentence (0.5 was best of 0, 0.5, 1, 1.5 on Text+Berg dev).
WEIGHT_POWER = 0.5


@dataclass
class Side:
    """Segments of one document: unit vectors, length weights, and the other side's centre."""

    vectors: np.ndarray  # (n, d) float32, unit rows
    lengths: np.ndarray  # (n,) float64, characters
    centre: np.ndarray  # (d,) float64, mean of this side's vectors
    other_centre: np.ndarray  # (d,) float64, mean of the other side's vectors
    max_window: int
    # Real embeddings of concatenations, keyed by (start, size); they replace the approximation.
    exact: dict[tuple[int, int], np.ndarray] = field(default_factory=dict)
    # Segment kinds and unit boundaries (None: plain text, nothing to respect).
    structure: Structure | None = None
    # Bags of the tokens both documents share verbatim (anchors.py; None: no such tokens).
    anchors: AnchorBags | None = None

    def __post_init__(self) -> None:
        n = len(self.vectors)
        if self.structure is not None and not (self.structure.kinds != 0).any():
            self.structure = None
        # Plain text is all one kind: a side without structure still compares kinds for free.
        self.kinds = self.structure.kinds if self.structure is not None \
            else np.zeros(n, dtype=np.int8)
        if self.structure is not None:
            self._cross_prefix = _prefix(np.concatenate(([0.0], self.structure.crossings)))
        # Length + 1 keeps an empty segment from vanishing from a window.
        self.weights = (self.lengths + 1.0) ** WEIGHT_POWER
        self._len_prefix = _prefix(self.lengths)
        x = self.vectors.astype(np.float64)
        self._own_prefix = _prefix(self.weights * (x @ self.centre))
        self._other_prefix = _prefix(self.weights * (x @ self.other_centre))
        self.centre_sq = float(self.centre @ self.centre)
        self.centres_dot = float(self.centre @ self.other_centre)
        # norm2[a][s] = |sum_{k in [s, s+a)} w_k x_k|^2 grows by one segment per size.
        self.set_margins(np.zeros(n))
        self.set_best(np.zeros(n))
        # On a target side: target characters per source character (see compute_margins).
        self.length_ratio = 1.0
        # Centred cosine above which a pair is more alike than unrelated pairs usually are
        # (set with the margins; see scores.unrelated_level).
        self.unrelated_level = 0.0
        self.norms: list[np.ndarray] = [np.zeros(0)]
        if n == 0:
            return
        sq = self.weights**2
        # pair[o][k] = w_k w_{k+o} <x_k, x_{k+o}>: the cross terms of windows up to max_window.
        pair = [np.zeros(0)] + [
            self.weights[:-o] * self.weights[o:] * np.einsum("ij,ij->i", x[:-o], x[o:])
            for o in range(1, min(self.max_window, n))
        ]
        norm2 = sq.copy()
        self.norms.append(np.sqrt(norm2))
        for a in range(2, min(self.max_window, n) + 1):
            count = n - a + 1
            # Window [s, s+a) adds segment s+a-1 to window [s, s+a-1).
            norm2 = norm2[:count] + sq[a - 1:]
            for o in range(1, a):
                norm2 += 2.0 * pair[o][a - 1 - o:a - 1 - o + count]
            self.norms.append(np.sqrt(np.maximum(norm2, _EPS)))

    def __len__(self) -> int:
        return len(self.vectors)

    def set_margins(self, margins: np.ndarray) -> None:
        """Mean cosine of each segment with its nearest neighbours on the other side."""
        self.margins = np.asarray(margins, dtype=np.float64)

    def set_best(self, best: np.ndarray) -> None:
        """Each segment's highest centred cosine with a segment of the other side."""
        self.best = np.asarray(best, dtype=np.float64)

    def window_crossings(self, starts: np.ndarray, size: int) -> np.ndarray:
        """Unit boundaries inside each window (0 for documents without structure)."""
        if self.structure is None:
            return np.zeros(len(starts))
        # _cross_prefix[k] counts crossings before segment k (gap k-1|k for gaps < k).
        return self._cross_prefix[starts + size] - self._cross_prefix[starts + 1]

    def window_lengths(self, starts: np.ndarray, size: int) -> np.ndarray:
        return self._len_prefix[starts + size] - self._len_prefix[starts]

    def window_margins(self, starts: np.ndarray, size: int) -> np.ndarray:
        """The largest neighbour cosine among the window's segments.

        Not the mean: a segment that resembles nothing (page furniture, OCR debris) has a low
        neighbour cosine, and averaging it in would *raise* the margin of any window that
        swallows it.
        """
        out = self.margins[starts]
        for o in range(1, size):
            out = np.maximum(out, self.margins[starts + o])
        return out

    def window_norms(self, starts: np.ndarray, size: int) -> np.ndarray:
        return self.norms[size][starts]

    def window_centre_dots(self, starts: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
        """<window, own centre> and <window, other centre> for unit window vectors."""
        norm = self.norms[size][starts]
        own = (self._own_prefix[starts + size] - self._own_prefix[starts]) / norm
        other = (self._other_prefix[starts + size] - self._other_prefix[starts]) / norm
        return own, other

    def window_vector(self, start: int, size: int) -> np.ndarray:
        """The unit vector of one window: its real embedding when known, else the weighted sum."""
        if size > 1 and (start, size) in self.exact:
            return self.exact[(start, size)]
        part = self.vectors[start:start + size].astype(np.float64)
        v = self.weights[start:start + size] @ part
        return v / max(float(np.linalg.norm(v)), _EPS)

    def centred(self, v: np.ndarray) -> np.ndarray:
        c = v - self.centre
        return c / max(float(np.linalg.norm(c)), _EPS)


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1)
    np.cumsum(values, out=out[1:])
    return out
