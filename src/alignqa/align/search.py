"""The best monotone path through a band: dynamic programming over bead shapes, row by row.

Time and memory are proportional to the band's area times the number of shapes; a band of fixed
width around a path makes both linear in document length. Each row is handled with whole-row
numpy operations; 0-1 beads (steps along a row) are resolved in one running maximum.
"""

from __future__ import annotations

import numpy as np

from .scores import BandValues

Span = tuple[int, int, int, int]  # source [s0, s1), target [t0, t1)


def best_path(values: BandValues) -> list[Span]:
    """The bead spans of the highest-value path from (0, 0) to (n, m), in order."""
    band, shapes, vals = values.band, values.shapes, values.values
    n = band.rows
    lo, hi, offsets = band.lo, band.hi, band.offsets
    total = np.full(band.cells, -np.inf)
    back = np.full(band.cells, -1, dtype=np.int8)
    vertical = [(t, a, b) for t, (a, b) in enumerate(shapes) if a > 0]
    step = [t for t, (a, b) in enumerate(shapes) if (a, b) == (0, 1)]
    for i in range(n + 1):
        li, hi_i, off = int(lo[i]), int(hi[i]), int(offsets[i])
        width = hi_i - li + 1
        best = np.full(width, -np.inf)
        arg = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for t, a, b in vertical:
            p = i - a
            if p < 0:
                continue
            lp, hp, offp = int(lo[p]), int(hi[p]), int(offsets[p])
            j0, j1 = max(li, lp + b), min(hi_i, hp + b)
            if j0 > j1:
                continue
            cand = total[offp + j0 - b - lp: offp + j1 - b - lp + 1] + vals[off + j0 - li: off + j1 - li + 1, t]
            seg = best[j0 - li: j1 - li + 1]
            better = cand > seg
            seg[better] = cand[better]
            arg[j0 - li: j1 - li + 1][better] = t
        if step:
            # total[j] = max_k<=j best[k] + (j - k) * skip: one running maximum over the row.
            skip = values.skip
            k = np.arange(width)
            shifted = best - k * skip
            run = np.maximum.accumulate(shifted)
            from_left = run > shifted
            best = np.where(from_left, run + k * skip, best)
            arg[from_left] = step[0]
        total[off: off + width] = best
        back[off: off + width] = arg
    return _trace(band, shapes, back)


def _trace(band, shapes, back: np.ndarray) -> list[Span]:
    lo, offsets = band.lo, band.offsets
    i, j = band.rows, band.columns
    spans: list[Span] = []
    while i > 0 or j > 0:
        t = int(back[offsets[i] + j - lo[i]])
        if t < 0:
            raise RuntimeError(f"no path reaches grid point ({i}, {j})")
        a, b = shapes[t]
        spans.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    spans.reverse()
    return spans
