"""``numbers``: the numbers of the source must recur in the target, whatever the locale's notation.

3.5 in English is 3,5 in Latvian, German or French; 1,000 is 1.000 in German and 1 000 in French
or Latvian; Arabic-Indic (١٢) and full-width (１２) digits are the same numbers as 12. A number may
be spelt out on one side ('Fifty-eight percent' -> '58 Prozent', 'seventh' -> '7.'), a range or a
time written another way ('1950-53' -> '1950 bis 1953', '10:00' -> '10 Uhr'), an imperial quantity
converted ('40 miles' -> '64 Kilometer'). Digits inside names (S3, EC2, SHA256, v2) are no
quantities. Numbers inside URLs, placeholders, tags and code spans are left to ``placeholders``.
The reading itself lives in :mod:`alignqa.text.numbers`.

Severity follows how sure the finding is: a number replaced by another (the source's is missing and
the target has one the source lacks) is an error; a number only missing or only added is a warning,
since translations legitimately drop or add some ('the two men' -> 'beide Männer', a date made
explicit); an imperial quantity whose metric value the target does not confirm is information.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..findings import Severity
from ..text.numbers import Number, Value, compare_numbers
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
    diff = compare_numbers(view.source_text, ctx.source_lang, view.target_text, ctx.target_lang)
    missing = [n for n in diff.missing if not n.values <= ignore]
    extra = [n for n in diff.extra if not n.values <= ignore]
    if not missing and not extra:
        return
    parts = []
    if missing:
        parts.append(f"missing in the target: {_show(missing)}")
    if extra:
        parts.append(f"not in the source: {_show(extra)}")
    expected = ", ".join(n.text for n in diff.source_numbers) or "no numbers"
    message = f"Numbers differ: {'; '.join(parts)} (the source has {expected})"
    if missing and extra and all(n in diff.unconfirmed_conversions for n in missing):
        severity = Severity.INFO
        message += "; an imperial quantity converted to metric? The values do not confirm it"
    else:
        severity = Severity.ERROR if missing and extra else Severity.WARNING
    yield ctx.finding(check, view, message, severity=severity,
                      source_spans=[(n.start, n.end) for n in missing],
                      target_spans=[(n.start, n.end) for n in extra])
