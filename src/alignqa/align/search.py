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
    # Python ints: numpy scalar indexing in this loop would cost more than the row arithmetic.
    lo, hi, offsets = band.lo.tolist(), band.hi.tolist(), band.offsets.tolist()
    total = np.full(band.cells, -np.inf)
    back = np.full(band.cells, -1, dtype=np.int8)
    # Shapes grouped by how many source segments they take: one group reads one earlier row.
    groups = []
    for a in sorted({a for a, _ in shapes if a > 0}):
        taking = [t for t, (sa, _) in enumerate(shapes) if sa == a]
        groups.append((a, np.array(taking), np.array([shapes[t][1] for t in taking])))
    widest = max(b for _, b in shapes)
    step = next((t for t, shape in enumerate(shapes) if shape == (0, 1)), None)
    # skip_prefix[c]: value of leaving target segments 0..c-1 unaligned.
    skips = (np.full(band.columns, values.skip) if values.target_skips is None
             else np.asarray(values.target_skips, dtype=np.float64))
    skip_prefix = np.concatenate(([0.0], np.cumsum(skips)))
    for i in range(n + 1):
        li, width, off = lo[i], hi[i] - lo[i] + 1, offsets[i]
        cands: list = []
        kinds: list = []
        for a, ts, bs in groups:
            p = i - a
            if p < 0:
                continue
            # prev[c] holds the earlier row's totals for columns li - widest .. hi[i].
            prev = np.full(width + widest, -np.inf)
            c0, c1 = max(lo[p], li - widest), min(hi[p], hi[i])
            if c0 <= c1:
                prev[c0 - li + widest: c1 - li + widest + 1] = \
                    total[offsets[p] + c0 - lo[p]: offsets[p] + c1 - lo[p] + 1]
            shifted = prev[(widest - bs)[:, None] + np.arange(width)]
            cands.append(shifted + vals[off: off + width, ts].T)
            kinds.append(ts)
        if cands:
            stacked = np.concatenate(cands)
            which = stacked.argmax(axis=0)
            best = stacked[which, np.arange(width)]
            arg = np.concatenate(kinds)[which].astype(np.int8)
            arg[~np.isfinite(best)] = -1
        else:
            best = np.full(width, -np.inf)
            arg = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0], arg[0] = 0.0, -1
        if step is not None:
            # total[j] = max_k<=j best[k] + skips of columns k..j-1: one running maximum.
            before = skip_prefix[li: li + width]
            shifted_row = best - before
            run = np.maximum.accumulate(shifted_row)
            from_left = run > shifted_row
            best = np.where(from_left, run + before, best)
            arg[from_left] = step
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
