"""Left-out segments absorbed by the bead beside them, when the real text says they belong.

After every search, a segment may still stand alone as a 1-0 or 0-1 bead although it is part of
its neighbour: a Chinese clause of a verse the English renders as one sentence, half of a
sentence a translator split. The search cannot see it: its merged window is scored by the sum of
its parts, and the merge costs ``merge_penalty``. Here the text decides. A left-out segment
joins a neighbouring bead when both of these hold:

* it resembles the bead's other side more than unrelated pairs of the two documents do (its
  centred cosine above ``Side.unrelated_level``, the level the second look at skips uses), and
* the bead's real embedding with the segment added is no less like the other side than without
  it, within ``absorb_loss``: content the other side lacks dilutes the concatenation, content
  it has does not.

Only left-out segments next to a linked bead are looked at, one encoder call covers every
window they need, and a merge never crosses a unit boundary (a list item, a tldr example) or
grows a bead past the configured shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .options import AlignOptions
from .search import Span
from .side import Side
from .windows import Encode, encode_windows, span_windows

# (skip index in spans, neighbour index, gain).
_Merge = tuple[int, int, float]


def absorb_skips(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
                 spans: Sequence[Span], options: AlignOptions, encode: Encode
                 ) -> tuple[list[Span], int]:
    """``spans`` with each absorbable left-out segment merged into its neighbour; returns the
    spans and the number of windows encoded."""
    candidates = [(k, nk, merged) for k, span in enumerate(spans) if _is_skip(span)
                  for nk, merged in _neighbours(spans, k, src, tgt, options)]
    if not candidates:
        return list(spans), 0
    encoded = encode_windows(src, tgt, source, target, span_windows(
        span for _, nk, merged in candidates for span in (spans[nk], merged)), encode)
    best: dict[int, _Merge] = {}
    for k, nk, merged in candidates:
        gain = _cosine(src, tgt, merged) - _cosine(src, tgt, spans[nk])
        if gain < -options.absorb_loss or not _resembles(src, tgt, spans[k], spans[nk]):
            continue
        if k not in best or gain > best[k][2]:
            best[k] = (k, nk, gain)
    return _apply(list(spans), best.values(), options), encoded


def _is_skip(span: Span) -> bool:
    s0, s1, t0, t1 = span
    return (s1 - s0) + (t1 - t0) == 1


def _neighbours(spans: Sequence[Span], k: int, src: Side, tgt: Side,
                options: AlignOptions) -> list[tuple[int, Span]]:
    """Each linked bead beside skip ``k`` with the skipped segment added, where that is a bead
    shape the search allows and stays inside one unit."""
    s0, s1, t0, t1 = spans[k]
    out = []
    for nk in (k - 1, k + 1):
        if not 0 <= nk < len(spans):
            continue
        n0, n1, m0, m1 = spans[nk]
        if n1 == n0 or m1 == m0:
            continue
        merged = (min(s0, n0), max(s1, n1), min(t0, m0), max(t1, m1))
        a, b = merged[1] - merged[0], merged[3] - merged[2]
        if max(a, b) > options.max_bead_side or a + b > options.max_bead_total:
            continue
        side, seg, start, stop = (src, s0, n0, n1) if s1 > s0 else (tgt, t0, m0, m1)
        gap = start - 1 if seg < start else stop - 1  # the gap between the segment and the bead
        if side.structure is not None and (side.structure.crossings[gap]
                                           or side.kinds[seg] != side.kinds[start]):
            continue
        out.append((nk, merged))
    return out


def _cosine(src: Side, tgt: Side, span: Span) -> float:
    s0, s1, t0, t1 = span
    return float(src.centred(src.window_vector(s0, s1 - s0))
                 @ tgt.centred(tgt.window_vector(t0, t1 - t0)))


def _resembles(src: Side, tgt: Side, skip: Span, bead: Span) -> bool:
    """Whether the skipped segment is more like the bead's other side than unrelated pairs."""
    s0, s1, t0, t1 = skip
    if s1 > s0:
        own = _cosine(src, tgt, (s0, s1, bead[2], bead[3]))
    else:
        own = _cosine(src, tgt, (bead[0], bead[1], t0, t1))
    return own > src.unrelated_level


def _apply(spans: list[Span], merges: Iterable[_Merge], options: AlignOptions) -> list[Span]:
    """Merge in order of the skips; a bead that already grew is checked against the shapes
    again."""
    dropped: set[int] = set()
    for k, nk, _ in sorted(merges, key=lambda m: m[0]):
        if nk in dropped:
            continue
        (s0, s1, t0, t1), (n0, n1, m0, m1) = spans[k], spans[nk]
        merged = (min(s0, n0), max(s1, n1), min(t0, m0), max(t1, m1))
        a, b = merged[1] - merged[0], merged[3] - merged[2]
        if max(a, b) > options.max_bead_side or a + b > options.max_bead_total:
            continue
        spans[nk] = merged
        dropped.add(k)
    return [span for k, span in enumerate(spans) if k not in dropped]
