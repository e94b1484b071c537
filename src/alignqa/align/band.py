"""The part of the alignment grid the search visits: per source row, a range of target columns.

Grid point (i, j) means "the first i source and the first j target segments are aligned". Row i
holds columns ``lo[i]..hi[i]`` (inclusive); both bounds never decrease and consecutive rows
overlap, so every cell of the band can be reached by some monotone path from (0, 0) to (n, m).
Cells are stored row after row in one flat array (``offsets``), so memory is the band's area.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


@dataclass(frozen=True)
class Band:
    lo: np.ndarray  # (n + 1,) int64
    hi: np.ndarray  # (n + 1,) int64, inclusive

    @property
    def rows(self) -> int:
        return len(self.lo) - 1

    @property
    def columns(self) -> int:
        return int(self.hi[-1])

    @property
    def widths(self) -> np.ndarray:
        return self.hi - self.lo + 1

    @property
    def offsets(self) -> np.ndarray:
        out = np.zeros(len(self.lo) + 1, dtype=np.int64)
        np.cumsum(self.widths, out=out[1:])
        return out

    @property
    def cells(self) -> int:
        return int(self.widths.sum())

    def cell_coordinates(self, start_row: int = 0, stop_row: int | None = None
                         ) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell of rows [start_row, stop_row), in storage order."""
        stop = self.rows + 1 if stop_row is None else stop_row
        widths = self.widths[start_row:stop]
        rows = np.repeat(np.arange(start_row, stop, dtype=np.int64), widths)
        first = np.repeat(self.lo[start_row:stop] - np.cumsum(widths) + widths, widths)
        cols = first + np.arange(int(widths.sum()), dtype=np.int64)
        return rows, cols


def full_band(n: int, m: int) -> Band:
    return Band(lo=np.zeros(n + 1, dtype=np.int64), hi=np.full(n + 1, m, dtype=np.int64))


def band_around_path(points: Sequence[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """Rows and columns within ``width`` segments of a monotone path from (0, 0) to (n, m).

    The path's points may jump (a coarse path projected onto a finer grid); the rectangle
    spanned by each jump counts as visited.
    """
    first = np.full(n + 1, m, dtype=np.int64)
    last = np.zeros(n + 1, dtype=np.int64)
    pts = np.asarray(points, dtype=np.int64).reshape(-1, 2)
    if len(pts) == 0 or tuple(pts[0]) != (0, 0) or tuple(pts[-1]) != (n, m):
        raise ValueError("a band path must run from (0, 0) to (n, m)")
    for (i0, j0), (i1, j1) in itertools.pairwise(pts):
        first[i0:i1 + 1] = np.minimum(first[i0:i1 + 1], j0)
        last[i0:i1 + 1] = np.maximum(last[i0:i1 + 1], j1)
    lo = _window(first, width, np.min) - width
    hi = _window(last, width, np.max) + width
    # A later row may not start before an earlier one (the reverse running minimum), nor end
    # before it (the running maximum); this keeps consecutive rows overlapping.
    lo = np.minimum.accumulate(np.clip(lo, 0, m)[::-1])[::-1]
    hi = np.maximum.accumulate(np.clip(hi, 0, m))
    lo[0] = 0
    hi[-1] = m
    return Band(lo=lo.astype(np.int64), hi=hi.astype(np.int64))


def _window(values: np.ndarray, width: int, reduce) -> np.ndarray:
    """``reduce`` over each element's ``width`` neighbours either side, the ends repeated
    beyond the edges (what scipy.ndimage's filters do with mode="nearest"; importing scipy's
    ndimage cost a third of a second per run)."""
    padded = np.pad(values, width, mode="edge")
    return reduce(sliding_window_view(padded, 2 * width + 1), axis=1)
