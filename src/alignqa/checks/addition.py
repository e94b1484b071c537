"""``addition``: a target segment the aligner paired with nothing in the source (a 0-1 bead)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..text.markup import has_content
from ..text.words import excerpt
from .options import CheckOptions, option
from .registry import Check, PairContext, register


@dataclass(frozen=True)
class AdditionOptions(CheckOptions):
    min_words: int = option(1, "fewest words an added segment needs to be reported", minimum=1)


@register("addition", "warning", "A target segment has no counterpart in the source.",
          options=AdditionOptions)
def addition(check: Check, ctx: PairContext) -> Iterator:
    min_words = ctx.options.min_words
    for view in ctx.beads():
        if view.source or not view.target:
            continue
        text = view.target_text
        if not has_content(text) or len(text.split()) < min_words:
            continue
        what = view.kind.replace("-", " ")
        yield ctx.finding(check, view, f"Target {what} added: '{excerpt(text)}' translates "
                          "nothing in the source (expected no text here, or its source is missing)")
