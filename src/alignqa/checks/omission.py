"""``omission``: source text with no counterpart in the target (1-0 beads), one finding per unit.

A unit is what a reviewer counts (``gaps.py``): a list item with its code line is one missing
example, not two findings. The finding points at the translation, where the text is missing, so a
pull-request annotation lands in the translation's diff; the source location travels with it. A
sentence the translation merged into its neighbour is no omission. When two or more units are
missing, one document-level ``info`` finding sums them up ("3 of 8 list items ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Location, Severity
from ..text.markup import has_content
from ..text.words import excerpt
from .gaps import Side, insertion_point, merged_into_neighbour, piece_kind, summary
from .options import CheckOptions, option
from .registry import Check, PairContext, register


@dataclass(frozen=True)
class OmissionOptions(CheckOptions):
    min_words: int = option(1, "fewest words a missing segment needs to be reported", minimum=1)


@register("omission", "error", "A source segment has no counterpart in the target.",
          options=OmissionOptions)
def omission(check: Check, ctx: PairContext) -> Iterator:
    min_words = ctx.options.min_words
    side = Side(ctx, "source")
    reported = []
    for gap in side.gaps():
        text = side.text(gap.segments)
        # Tables rules, lone tags and emphasis markers are layout, not content to translate.
        if not has_content(text) or len(text.split()) < min_words:
            continue
        if merged_into_neighbour(side, gap, encoder(ctx)):
            continue
        reported.append(gap)
        what = piece_kind(side.doc, gap, side.units[gap.unit])
        where = insertion_point(ctx, gap)
        finding = ctx.finding(check, side.view(gap), f"Source {what} not translated: "
                              f"'{excerpt(text)}' has no counterpart in the target (source line "
                              f"{side.doc.segments[gap.segments[0]].line}; missing here)")
        finding.target = where
        yield finding
    if len(reported) >= 2:
        counts = summary(side, reported, has_content)
        yield _document_finding(check, ctx, side, reported,
                                f"In all, {counts} have no counterpart in the translation")


def _document_finding(check: Check, ctx: PairContext, side: Side, gaps: list, message: str):
    finding = ctx.finding(check, None, message, severity=Severity.INFO)
    # The missing texts make the fingerprint specific to this document's gaps.
    finding.source_text = " | ".join(excerpt(side.text(g.segments)) for g in gaps)
    finding.target = Location(path=ctx.target.name, line=1, column=1, end_line=1, end_column=1,
                              start=0, end=0)
    return finding


def encoder(ctx: PairContext):
    """``encode`` of the run's embedder, called only when the merge test needs it (most gaps
    need no embedding); without one every gap is reported, none is taken for a merge."""
    if ctx.embedder is None:
        return None
    return ctx.embedder.encode
