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

_EPS = 1e-9
WEIGHT_POWER = 1.0
MARGIN_MODE = 'mean'


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

    def __post_init__(self) -> None:
        n = len(self.vectors)
        # Length + 1 keeps empty or one-character segments from vanishing from a window.
        self.weights = (self.lengths + 1.0) ** WEIGHT_POWER
        self._len_prefix = _prefix(self.lengths)
        x = self.vectors.astype(np.float64)
        self._own_prefix = _prefix(self.weights * (x @ self.centre))
        self._other_prefix = _prefix(self.weights * (x @ self.other_centre))
        self.centre_sq = float(self.centre @ self.centre)
        self.centres_dot = float(self.centre @ self.other_centre)
        # norm2[a][s] = |sum_{k in [s, s+a)} w_k x_k|^2 grows by one segment per size.
        self.set_margins(np.zeros(n))
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
        self.margins = margins
        self._plain_prefix = _prefix(margins)
        self._margin_prefix = _prefix(margins * self.weights)
        self._weight_prefix = _prefix(self.weights)

    def window_lengths(self, starts: np.ndarray, size: int) -> np.ndarray:
        return self._len_prefix[starts + size] - self._len_prefix[starts]

    def window_margins(self, starts: np.ndarray, size: int) -> np.ndarray:
        if MARGIN_MODE == "weighted":
            return ((self._margin_prefix[starts + size] - self._margin_prefix[starts])
                    / (self._weight_prefix[starts + size] - self._weight_prefix[starts]))
        if MARGIN_MODE == "max":
            out = self.margins[starts].copy()
            for o in range(1, size):
                out = np.maximum(out, self.margins[starts + o])
            return out
        return (self._plain_prefix[starts + size] - self._plain_prefix[starts]) / size

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
