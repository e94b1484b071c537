"""Second pass: encode real concatenations only where the first path is unsure, and search again.

The first pass scores windows by the weighted sum of their parts' vectors, which is free but only
approximate. Beads that are not 1-1, or 1-1 with a low margin, mark a region (the bead and
``refine_radius`` beads either side); every window of 2..max_bead_side segments inside a region
is encoded for real and replaces its approximation in the values of the region's cells. On
Text+Berg that is a small fraction of the windows Bertalign or Vecalign encode at every position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .options import AlignOptions
from .pyramid import SearchResult
from .scores import BandValues, bead_similarity, explicit_values
from .search import Span, best_path
from .side import Side

Encode = Callable[[list[str]], np.ndarray]
Region = tuple[int, int, int, int]  # source [s0, s1), target [t0, t1)


def uncertain_regions(src: Side, tgt: Side, spans: Sequence[Span], options: AlignOptions
                      ) -> list[Region]:
    """Merged rectangles around the beads the first pass is least sure of."""
    radius = options.refine_radius
    marks = []
    for k, (s0, s1, t0, t1) in enumerate(spans):
        a, b = s1 - s0, t1 - t0
        if (a, b) != (1, 1) or bead_similarity(src, tgt, s0, 1, t0, 1) < options.refine_below:
            lo, hi = max(0, k - radius), min(len(spans) - 1, k + radius)
            marks.append((spans[lo][0], spans[hi][1], spans[lo][2], spans[hi][3]))
    regions: list[Region] = []
    for r in sorted(marks):
        if regions and (r[0] < regions[-1][1] or r[2] < regions[-1][3]):
            p = regions[-1]
            regions[-1] = (p[0], max(p[1], r[1]), p[2], max(p[3], r[3]))
        else:
            regions.append(r)
    return regions


def refine(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
           first: SearchResult, options: AlignOptions, encode: Encode) -> tuple[list[Span], int]:
    """The path after real concatenations replace approximations near uncertain beads.

    Returns the new spans and the number of windows encoded.
    """
    regions = uncertain_regions(src, tgt, first.spans, options)
    if not regions:
        return first.spans, 0
    budget = len(src) + len(tgt)
    wanted_src = _windows(regions, 0, 1, options.max_bead_side, src.exact)
    wanted_tgt = _windows(regions, 2, 3, options.max_bead_side, tgt.exact)
    # Beyond one extra encoding per segment, refinement would cost what encoding every window
    # costs; documents that unsure (reordered text) keep the approximation for the rest.
    wanted_src, wanted_tgt = wanted_src[:budget // 2], wanted_tgt[:budget - budget // 2]
    texts = ([" ".join(source[s:s + a]) for s, a in wanted_src]
             + [" ".join(target[t:t + b]) for t, b in wanted_tgt])
    if texts:
        vectors = np.asarray(encode(texts), dtype=np.float64)
        for key, v in zip(wanted_src, vectors[:len(wanted_src)], strict=True):
            src.exact[key] = v
        for key, v in zip(wanted_tgt, vectors[len(wanted_src):], strict=True):
            tgt.exact[key] = v
    _rescore(src, tgt, first.values, regions, options)
    return best_path(first.values), len(texts)


def _windows(regions: list[Region], lo: int, hi: int, max_size: int,
             known: dict[tuple[int, int], np.ndarray]) -> list[tuple[int, int]]:
    out: dict[tuple[int, int], None] = {}
    for r in regions:
        start, stop = r[lo], r[hi]
        for size in range(2, max_size + 1):
            for s in range(start, stop - size + 1):
                if (s, size) not in known:
                    out[(s, size)] = None
    return list(out)


def _rescore(src: Side, tgt: Side, values: BandValues, regions: list[Region],
             options: AlignOptions) -> None:
    """Recompute, from window vectors, the values of multi-segment shapes inside each region."""
    band, offsets = values.band, values.band.offsets
    for s0, s1, t0, t1 in regions:
        rows, cols = band.cell_coordinates(s0 + 1, s1 + 1)
        inside = (cols > t0) & (cols <= t1)
        flat = offsets[s0 + 1] + np.flatnonzero(inside)
        rows, cols = rows[inside], cols[inside]
        for t, (a, b) in enumerate(values.shapes):
            if a == 0 or b == 0 or (a == 1 and b == 1):
                continue
            ok = (rows - a >= s0) & (cols - b >= t0)
            if ok.any():
                values.values[flat[ok], t] = explicit_values(src, tgt, rows[ok], cols[ok], a, b,
                                                             options)
