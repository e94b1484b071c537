"""``numbers``: the numbers of the source must recur in the target, whatever the locale's notation.

3.5 in English is 3,5 in Latvian, German or French; 1,000 is 1.000 in German and 1 000 in French
or Latvian; Arabic-Indic (١٢) and full-width (１２) digits are the same numbers as 12.
A target often keeps the source's notation (machine translation does), so a target number is read
both in the target's and in the source's locale. Ordinal dots (Latvian '2024.', German '1.') are
no part of the number. Numbers inside URLs, placeholders, tags and code spans are left to the
``placeholders`` check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..text.numbers import Number, Value, find_numbers, match_numbers
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register


def _show(numbers: list[Number]) -> str:
    return ", ".join(f"'{n.text}'" for n in numbers)


@dataclass(frozen=True)
class NumbersOptions(CheckOptions):
    ignore: tuple[float, ...] = option((), "numbers never reported")


@register("numbers", "error", "Numbers differ between source and target (locale-aware).",
          options=NumbersOptions)
def numbers(check: Check, ctx: PairContext) -> Iterator:
    ignore: set[Value] = {Decimal(str(v)).normalize() for v in ctx.options.ignore}
    for view in ctx.beads():
        if not view.source or not view.target:
            continue
        yield from _check_bead(check, ctx, view, ignore)


def _check_bead(check: Check, ctx: PairContext, view: BeadView, ignore: set[Value]) -> Iterator:
    source = find_numbers(view.source_text, (ctx.source_lang, ctx.target_lang), first_only=True)
    target = find_numbers(view.target_text, (ctx.target_lang, ctx.source_lang))
    source = [n for n in source if not n.values <= ignore]
    target = [n for n in target if not n.values <= ignore]
    missing, extra = match_numbers(source, target)
    if not missing and not extra:
        return
    parts = []
    if missing:
        parts.append(f"missing in the target: {_show(missing)}")
    if extra:
        parts.append(f"not in the source: {_show(extra)}")
    expected = ", ".join(n.text for n in source) or "no numbers"
    yield ctx.finding(check, view, f"Numbers differ: {'; '.join(parts)} (the source has "
                      f"{expected})", source_spans=[(n.start, n.end) for n in missing],
                      target_spans=[(n.start, n.end) for n in extra])

