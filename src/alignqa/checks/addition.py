"""``addition``: target text with no counterpart in the source (0-1 beads), one finding per unit.

Units and the merge test as in ``omission`` (``gaps.py``): a list item with its code line is one
added example, and a sentence the translation split off its neighbour is no addition. When two or
more units are added, one document-level ``info`` finding sums them up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..text.markup import has_content
from ..text.words import excerpt
from .gaps import Side, merged_into_neighbour, piece_kind, summary
from .omission import _document_finding, encoder
from .options import CheckOptions, option
from .registry import Check, PairContext, register


@dataclass(frozen=True)
class AdditionOptions(CheckOptions):
    min_words: int = option(1, "fewest words an added segment needs to be reported", minimum=1)


@register("addition", "warning", "A target segment has no counterpart in the source.",
          options=AdditionOptions)
def addition(check: Check, ctx: PairContext) -> Iterator:
    min_words = ctx.options.min_words
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
