"""``unit-state``: a unit of a keyed file (PO, XLIFF, JSON, ...) that was not compared because it is
fuzzy, needs review, is untranslated or exists only in the translation.

Such units are never compared silently: the pairing leaves them out of the alignment, and this check
reports each one at the translation file and the unit's line (line 1 when the translation lacks the
unit). ``states`` picks the states reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding, Location
from ..units.model import FUZZY, NEEDS_REVIEW, NOT_IN_SOURCE, STATES, UNTRANSLATED, Text
from .options import CheckOptions, option
from .registry import Check, PairContext, register

_MESSAGES = {
    FUZZY: "Unit {key} is marked fuzzy: not compared until a translator confirms it",
    NEEDS_REVIEW: "Unit {key} needs review: not compared until it is translated or signed off",
    UNTRANSLATED: "Unit {key} is not translated",
    NOT_IN_SOURCE: "Unit {key} is in the translation but not in the source",
}


@dataclass(frozen=True)
class UnitStateOptions(CheckOptions):
    states: tuple[str, ...] = option(list(STATES), "unit states to report", choices=STATES)


@register("unit-state", "warning", "A unit is fuzzy, needs review, untranslated or not in the "
          "source; it is not compared.", options=UnitStateOptions)
def unit_state(check: Check, ctx: PairContext) -> Iterator[Finding]:
    wanted = set(ctx.options.states)
    for unit in ctx.target.skipped_units:
        if unit.state not in wanted:
            continue
        yield Finding(
            check=check.id, severity=check.severity,
            # Keys join context and id with U+0004 (gettext's msgctxt separator); show a slash.
            message=_MESSAGES[unit.state].format(key=repr(unit.key.replace("\x04", " / "))),
            source_lang=ctx.source.lang, target_lang=ctx.target.lang,
            source_text=unit.source.text if unit.source else "",
            target_text=unit.target.text if unit.target else "",
            source=_location(ctx.source.name, ctx.source.text, unit.source),
            # The translation file is where a reviewer acts, even for a unit it lacks.
            target=_location(ctx.target.name, ctx.target.text, unit.target)
            or Location(ctx.target.name, 1, 1, 1, 1, 0, 0),
        )


def _location(path: str, text: str, where: Text | None) -> Location | None:
    if where is None:
        return None
    end_line = where.line + text.count("\n", where.start, where.end)
    end_column = where.end - (text.rfind("\n", 0, where.end) + 1) + 1
    return Location(path, where.line, where.column, end_line, end_column, where.start, where.end)


