"""``addition``: target text with no counterpart in the source (0-1 beads), one finding per unit.

Units and the merge test as in ``omission`` (``gaps.py``): a list item with its code line is one
added example, and a sentence the translation split off its neighbour is no addition. When two or
more units are added, one document-level ``info`` finding sums them up.
"""

from __future__ import annotations

from collections.abc import Iterator

from .gaps import Side, merged_into_neighbour, piece_kind, summary
from .markup import has_content
from .omission import _document_finding, encoder
from .registry import Check, PairContext, register
from .text import excerpt


@register("addition", "warning", "A target segment has no counterpart in the source.",
          defaults={"min_words": 1})
def addition(check: Check, ctx: PairContext) -> Iterator:
    min_words = int(ctx.options.get("min_words", 1))
    side = Side(ctx, "target")
    reported = []
    for gap in side.gaps():
        text = side.text(gap.segments)
        if not has_content(text) or len(text.split()) < min_words:
            continue
        if merged_into_neighbour(side, gap, encoder(ctx)):
            continue
        reported.append(gap)
        what = piece_kind(side.doc, gap, side.units[gap.unit])
        yield ctx.finding(check, side.view(gap), f"Target {what} added: '{excerpt(text)}' "
                          "translates nothing in the source (expected no text here, or its "
                          "source is missing)")
    if len(reported) >= 2:
        counts = summary(side, reported, has_content)
        finding = _document_finding(check, ctx, side, reported,
                                    f"In all, {counts} have no counterpart in the source")
        finding.target_text, finding.source_text = finding.source_text, ""
        yield finding
