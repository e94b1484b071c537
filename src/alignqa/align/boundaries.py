"""Close calls between neighbouring beads, settled with real concatenations.

Where a translator splits a sentence at its clauses, the path's hardest decisions are at the
boundary between two beads: does the clause between them end the first bead or start the
second? The first path scores both readings by the weighted sum of the parts' vectors, and
when the two readings' values lie within ``refine_boundaries`` of each other that
approximation decides a coin toss. Only there are the multi-segment windows of both readings
(the two beads as chosen, and as they would be with the boundary moved one segment either way
on either side) encoded for real, their values recomputed from the real vectors, and the path
searched again. Everything else keeps its first-pass value, so a document without close
calls is searched once and encodes nothing more.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from .options import AlignOptions
from .pyramid import SearchResult
from .scores import BandValues, explicit_values
from .search import Span, best_path
from .side import Side
from .windows import Encode, encode_windows, span_windows


def close_calls(values: BandValues, spans: Sequence[Span], margin: float) -> list[Span]:
    """The beads of every close call: two neighbouring beads whose boundary, moved by one
    segment on one side, or removed (the two as one bead: a 1-0 beside a 1-1 is a 2-1 that
    lost), would lower their summed value by less than ``margin``; with the other readings'
    beads."""
    index = {shape: t for t, shape in enumerate(values.shapes)}
    band = values.band
    lo, hi, offsets = band.lo, band.hi, band.offsets
    skips = values.target_skips

    def value(span: Span) -> float:
        s0, s1, t0, t1 = span
        if (s1 - s0, t1 - t0) == (0, 1):
            return values.skip if skips is None else float(skips[t0])
        t = index.get((s1 - s0, t1 - t0))
        if t is None or not lo[s1] <= t1 <= hi[s1]:
            return -np.inf
        return float(values.values[offsets[s1] + t1 - lo[s1], t])

    out: dict[Span, None] = {}
    for first, second in itertools.pairwise(spans):
        chosen = value(first) + value(second)
        s0, s1, t0, t1 = first
        _, s2, _, t2 = second
        readings = [((s0, s1 + d, t0, t1), (s1 + d, s2, t1, t2)) for d in (-1, 1)
                    if s0 < s1 + d < s2 and t0 < t1 and t1 < t2]
        readings += [((s0, s1, t0, t1 + d), (s1, s2, t1 + d, t2)) for d in (-1, 1)
                     if t0 < t1 + d < t2 and s0 < s1 and s1 < s2]
        alternatives = [(a, b, value(a) + value(b)) for a, b in readings]
        merged = (s0, s2, t0, t2)
        alternatives.append((merged, merged, value(merged)))
        for a, b, alt in alternatives:
            if chosen - alt < margin:
                out.update(dict.fromkeys((first, second, a, b)))
    return list(out)


def refine_boundaries(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
                      first: SearchResult, options: AlignOptions, encode: Encode
                      ) -> tuple[list[Span], int]:
    """The path after the close calls' beads are re-scored with real concatenations; returns
    the spans and the number of windows encoded."""
    beads = close_calls(first.values, first.spans, options.refine_boundaries)
    if not beads:
        return first.spans, 0
    encoded = encode_windows(src, tgt, source, target, span_windows(beads), encode)
    _rescore_beads(src, tgt, first.values, beads, options)
    return best_path(first.values), encoded


def _rescore_beads(src: Side, tgt: Side, values: BandValues, beads: Sequence[Span],
                   options: AlignOptions) -> None:
    index = {shape: t for t, shape in enumerate(values.shapes)}
    band = values.band
    for s0, s1, t0, t1 in beads:
        a, b = s1 - s0, t1 - t0
        t = index.get((a, b))
        if t is None or a == 0 or b == 0 or (a == 1 and b == 1) \
                or not band.lo[s1] <= t1 <= band.hi[s1]:
            continue
        cell = band.offsets[s1] + t1 - band.lo[s1]
        values.values[cell, t] = explicit_values(src, tgt, np.array([s1]), np.array([t1]),
                                                 a, b, options)[0]
