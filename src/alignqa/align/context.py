"""Second look at the segments the path leaves out: is the translation beside them?

A segment the first path leaves unaligned is either content the other side lacks (a caption, a
translator's addition) or part of a neighbouring m-n bead that lost to a 1-1 by a little (a
Chinese clause of a verse the English renders in one sentence, a sentence a translator split).
The skip value alone cannot tell them apart; the neighbourhood can. The segment is compared with
the other side of the nearest linked bead before and after it: when its centred cosine with one
of them rises above what unrelated pairs score (``Side.unrelated_level``), its content is
probably there, and leaving it out is made dearer by ``skip_context`` times the excess. The path
is then searched again over the same band values, so the segment joins a bead only where the
bead's own value allows it (structure, length and merge costs still apply).

The evidence is local: a paragraph that moved elsewhere does not resemble the beads around its
old place and is left out as before (the global variant, ``skip_evidence``, forced it into wrong
beads). Only the values of the segments left out change, so a path without skips is searched once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .options import AlignOptions
from .scores import BandValues
from .search import Span, best_path
from .side import Side


def context_evidence(src: Side, tgt: Side, spans: Sequence[Span]
                     ) -> tuple[dict[int, float], dict[int, float]]:
    """For each segment the path leaves out, per side: its highest centred cosine with the other
    side of the nearest linked bead before and after it (runs of skips are walked over)."""
    linked = [k for k, (s0, s1, t0, t1) in enumerate(spans) if s1 > s0 and t1 > t0]
    found: tuple[dict[int, float], dict[int, float]] = ({}, {})
    if not linked:
        return found
    # Index into ``linked`` of the first linked bead at or after each bead.
    after = np.searchsorted(np.asarray(linked), np.arange(len(spans)))
    for k, (s0, s1, t0, t1) in enumerate(spans):
        if (s1 - s0) + (t1 - t0) != 1:
            continue
        side, own, other = (0, src, tgt) if s1 > s0 else (1, tgt, src)
        seg = s0 if side == 0 else t0
        vector = own.centred(own.window_vector(seg, 1))
        best = -np.inf
        for n in (after[k] - 1, after[k]):
            if not 0 <= n < len(linked):
                continue
            b = spans[linked[n]]
            start, stop = (b[2], b[3]) if side == 0 else (b[0], b[1])
            best = max(best, float(vector @ other.centred(other.window_vector(start, stop - start))))
        found[side][seg] = best
    return found


def search_with_context(src: Side, tgt: Side, values: BandValues, spans: list[Span],
                        options: AlignOptions) -> list[Span]:
    """The path again, each left-out segment's skip value lowered by the evidence that its
    translation stands beside it; ``values`` is updated in place. Unchanged when no segment
    left out resembles its neighbours more than unrelated pairs do."""
    if not options.skip_context:
        return spans
    evidence = context_evidence(src, tgt, spans)
    lowered = [{seg: options.skip_context * (e - side.unrelated_level)
                for seg, e in found.items() if e > side.unrelated_level}
               for found, side in zip(evidence, (src, tgt), strict=True)]
    if not lowered[0] and not lowered[1]:
        return spans
    offsets = values.band.offsets
    if lowered[0]:
        column = values.shapes.index((1, 0))
        for seg, by in lowered[0].items():
            # Row seg + 1 holds every 1-0 bead that leaves source segment seg out.
            values.values[offsets[seg + 1]:offsets[seg + 2], column] -= by
    if lowered[1]:
        skips = (np.full(values.band.columns, values.skip) if values.target_skips is None
                 else np.array(values.target_skips, dtype=np.float64))
        for seg, by in lowered[1].items():
            skips[seg] -= by
        values.target_skips = skips
    return best_path(values)
