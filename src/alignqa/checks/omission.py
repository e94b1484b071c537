"""``omission``: a source segment the aligner paired with nothing in the target (a 1-0 bead)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..text.markup import has_content
from ..text.words import excerpt
from .options import CheckOptions, option
from .registry import Check, PairContext, register


@dataclass(frozen=True)
class OmissionOptions(CheckOptions):
    min_words: int = option(1, "fewest words a missing segment needs to be reported", minimum=1)


@register("omission", "error", "A source segment has no counterpart in the target.",
          options=OmissionOptions)
def omission(check: Check, ctx: PairContext) -> Iterator:
    min_words = ctx.options.min_words
    for view in ctx.beads():
        if view.target or not view.source:
            continue
        text = view.source_text
        # Tables rules, lone tags and emphasis markers are layout, not content to translate.
        if not has_content(text) or len(text.split()) < min_words:
            continue
        what = view.kind.replace("-", " ")
        yield ctx.finding(check, view, f"Source {what} not translated: '{excerpt(text)}' has no "
                          "counterpart in the target")
