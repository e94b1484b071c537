"""Second pass: encode real concatenations only where the first path is unsure, and search again.

The first pass scores windows by the weighted sum of their parts' vectors, which is free but only
approximate. Beads that are not 1-1, or 1-1 with a low margin, are uncertain. The windows each
could become (its ranges grown or shrunk by one segment at either end) are encoded for real, and
in a region of ``refine_radius`` beads either side the multi-segment shapes are re-scored with
them. Off by default: on Text+Berg it buys +0.001-0.004 strict F1 for 1.1-1.3 extra encodings
per segment. ``refine_skips`` is the narrow variant: only the windows that would absorb an
unaligned segment, and the m-n beads chosen (~0.13 extra encodings per segment).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .options import AlignOptions
from .pyramid import SearchResult
from .scores import BandValues, bead_similarity, explicit_values
from .search import Span, best_path
from .side import Side
from .windows import Encode, encode_windows

Region = tuple[int, int, int, int]  # source [s0, s1), target [t0, t1)


def uncertain_beads(src: Side, tgt: Side, spans: Sequence[Span], options: AlignOptions
                    ) -> list[int]:
    """Indices of the beads that are not 1-1, or 1-1 with a margin below ``refine_below``."""
    out = []
    for k, (s0, s1, t0, t1) in enumerate(spans):
        if (s1 - s0, t1 - t0) != (1, 1) or bead_similarity(src, tgt, s0, 1, t0, 1) < options.refine_below:
            out.append(k)
    return out


def regions_around(spans: Sequence[Span], beads: Sequence[int], radius: int) -> list[Region]:
    """Merged rectangles covering each chosen bead and ``radius`` beads either side."""
    regions: list[Region] = []
    for k in beads:
        lo, hi = max(0, k - radius), min(len(spans) - 1, k + radius)
        r = (spans[lo][0], spans[hi][1], spans[lo][2], spans[hi][3])
        if regions and (r[0] < regions[-1][1] or r[2] < regions[-1][3]):
            p = regions[-1]
            regions[-1] = (p[0], max(p[1], r[1]), p[2], max(p[3], r[3]))
        else:
            regions.append(r)
    return regions


def candidate_windows(spans: Sequence[Span], beads: Sequence[int], side: int, size: int,
                      max_size: int) -> list[tuple[int, int]]:
    """(start, size) of the windows an uncertain bead could become: itself and its side grown
    or shrunk by one segment at either end, sizes 2..max_size inside [0, size)."""
    out: dict[tuple[int, int], None] = {}
    for k in beads:
        start, stop = spans[k][2 * side], spans[k][2 * side + 1]
        for a in (start - 1, start, start + 1):
            for b in (stop - 1, stop, stop + 1):
                if a >= 0 and b <= size and 2 <= b - a <= max_size:
                    out[(a, b - a)] = None
    return list(out)


def absorbing_windows(spans: Sequence[Span], side: int, max_size: int
                      ) -> tuple[list[tuple[int, int]], list[int]]:
    """The windows that would absorb each segment the path leaves unaligned on ``side``: the
    neighbouring bead's range on that side grown by the skipped segment (before and after),
    and every multi-segment range the path already chose. Returns (start, size) windows and the
    beads they concern.

    A skip next to a bead is where an approximate window could have lost a merge (Bible
    zh-en: most 1-0 beads sit inside gold 2-1 / 3-1 verses). Measured, the real windows score
    within a few hundredths of the approximation there, so this changes little
    (docs/aligner.md, step 7).
    """
    windows: dict[tuple[int, int], None] = {}
    beads: dict[int, None] = {}
    lo, hi = 2 * side, 2 * side + 1
    other_lo, other_hi = 2 * (1 - side), 2 * (1 - side) + 1
    for k, span in enumerate(spans):
        size = span[hi] - span[lo]
        if size >= 2 and span[other_hi] > span[other_lo]:
            windows[(span[lo], size)] = None
            beads[k] = None
        if size != 1 or span[other_hi] > span[other_lo]:
            continue
        for n in (k - 1, k + 1):
            if not 0 <= n < len(spans) or spans[n][other_hi] == spans[n][other_lo]:
                continue
            start = min(spans[n][lo], span[lo])
            stop = max(spans[n][hi], span[hi])
            if 2 <= stop - start <= max_size:
                windows[(start, stop - start)] = None
                beads.update({k: None, n: None})
    return list(windows), list(beads)


def refine_skips(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
                 first: SearchResult, options: AlignOptions, encode: Encode
                 ) -> tuple[list[Span], int]:
    """The path after real concatenations replace approximations for the windows that would
    absorb unaligned segments, and for the m-n beads chosen, one bead either side of each."""
    found = [absorbing_windows(first.spans, side, options.max_bead_side) for side in (0, 1)]
    beads = sorted(set(found[0][1]) | set(found[1][1]))
    wanted = [[w for w in found[side][0] if w not in part.exact]
              for side, part in enumerate((src, tgt))]
    return _encode_and_search(src, tgt, source, target, first, options, encode, beads, wanted,
                              radius=1)


def refine(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
           first: SearchResult, options: AlignOptions, encode: Encode) -> tuple[list[Span], int]:
    """The path after real concatenations replace approximations near uncertain beads.

    Returns the new spans and the number of windows encoded.
    """
    beads = uncertain_beads(src, tgt, first.spans, options)
    if not beads:
        return first.spans, 0
    wanted = [
        [w for w in candidate_windows(first.spans, beads, side, len(part), options.max_bead_side)
         if w not in part.exact]
        for side, part in enumerate((src, tgt))
    ]
    return _encode_and_search(src, tgt, source, target, first, options, encode, beads, wanted,
                              options.refine_radius)


def _encode_and_search(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
                       first: SearchResult, options: AlignOptions, encode: Encode,
                       beads: list[int], wanted: list[list[tuple[int, int]]], radius: int
                       ) -> tuple[list[Span], int]:
    if not beads:
        return first.spans, 0
    encoded = encode_windows(src, tgt, source, target, (wanted[0], wanted[1]), encode)
    if not encoded:
        return first.spans, 0
    _rescore(src, tgt, first.values, regions_around(first.spans, beads, radius), options)
    return best_path(first.values), encoded


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
