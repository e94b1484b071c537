"""Imperial quantities, and their metric values: a translation often converts them.

"6-foot-6" becomes "1,98 m", "80 degrees" "27 Grad", "40 miles" "64 Kilometer", "3 to 6 inches"
"7,5 bis 15 cm". The numbers differ and nothing is wrong. :func:`imperial_quantities` finds the
number-and-unit pairs of a text (English unit words and the common symbols, which other languages
borrow); :func:`converts_to` tells whether another number is one of the metric values a translator
would write for it, allowing for the rounding translators do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Unit -> metric values of one unit, in the metric units a translation would use (km and m for a
# mile: '5 miles' is '8 km' or '8000 m'). Degrees Fahrenheit are handled apart (an offset).
_UNITS: dict[str, tuple[float, ...]] = {
    "mile": (1.609344, 1609.344),
    "foot": (0.3048, 30.48),
    "inch": (2.54, 25.4, 0.0254),
    "yard": (0.9144,),
    "pound": (0.45359237, 453.59237),
    "ounce": (28.349523, 0.028349523),
    "gallon": (3.785411784,),
    "acre": (0.40468564, 4046.8564, 0.0040468564),
    "square mile": (2.589988,),
    "square foot": (0.09290304,),
    "mph": (1.609344,),
    "short ton": (0.90718474,),
}
_FAHRENHEIT = "fahrenheit"
_WORDS = [
    (r"square\s+miles?|sq\.?\s?mi\b", "square mile"),
    (r"square\s+f(?:oo|ee)t|sq\.?\s?ft\b", "square foot"),
    (r"miles?\s+(?:per|an)\s+hour|mph\b", "mph"),
    (r"miles?\b|mi\b", "mile"),
    (r"f(?:oo|ee)t\b|ft\b|′|'(?!\w)", "foot"),
    (r"inch(?:es)?\b|″|\"(?!\w)", "inch"),
    (r"yards?\b|yd\b", "yard"),
    (r"pounds?\b|lbs?\b", "pound"),
    (r"ounces?\b|oz\b", "ounce"),
    (r"gallons?\b|gal\b", "gallon"),
    (r"acres?\b", "acre"),
    (r"tons?\b", "short ton"),
    (r"(?:°|º|degrees?\s*)\s*F\b|degrees?\s+Fahrenheit|degrees?\b|°(?![CK])", _FAHRENHEIT),
]
_UNIT_RE = re.compile(r"[\s-]?(?:" + "|".join(f"(?P<u{i}>{w})" for i, (w, _) in enumerate(_WORDS))
                      + ")", re.IGNORECASE)
# Rounding a translator may do: 10 % of the value, or half a unit of the last digit written.
_TOLERANCE = 0.1


@dataclass(frozen=True)
class Quantity:
    """Numbers of a text, by index in the caller's list, that together measure one quantity."""

    numbers: tuple[int, ...]
    unit: str
    value: float  # in the unit (feet and inches: in inches)


def unit_after(text: str, end: int) -> tuple[str, int] | None:
    """The imperial unit written right after offset ``end`` of ``text``, and where it ends."""
    m = _UNIT_RE.match(text, end)
    if m is None:
        return None
    for i, (_, unit) in enumerate(_WORDS):
        if m[f"u{i}"] is not None:
            return unit, m.end()
    return None


def imperial_quantities(text: str, spans: list[tuple[int, int]],
                        values: list[Decimal | None]) -> list[Quantity]:
    """The imperial quantities among numbers at ``spans`` (with their ``values``) in ``text``.

    A number takes the unit written after it, or after the next number when only 'to', '-' or
    'and' stand between them ('3 to 6 inches'); feet followed by a number are feet and inches
    ('6-foot-6', '5 ft 11 in', "5'11\"").
    """
    found: list[Quantity] = []
    pending: list[int] = []  # numbers of a range waiting for its unit
    i = 0
    while i < len(spans):
        value = values[i]
        if value is None:
            pending, i = [], i + 1
            continue
        unit = unit_after(text, spans[i][1])
        if unit is None:
            nxt = i + 1 < len(spans) and re.fullmatch(
                r"\s*(?:-|–|to|and|or|bis)\s*", text[spans[i][1]:spans[i + 1][0]], re.I)
            pending = [*pending, i] if nxt else []
            i += 1
            continue
        name, unit_end = unit
        if name == "foot" and i + 1 < len(spans) and values[i + 1] is not None \
                and re.fullmatch(r"[\s-]?", text[unit_end:spans[i + 1][0]]):
            inches = float(value) * 12 + float(values[i + 1] or 0)
            found.append(Quantity((i, i + 1), "inch", inches))
            pending, i = [], i + 2
            continue
        for k in [*pending, i]:
            found.append(Quantity((k,), name, float(values[k] or 0)))
        pending, i = [], i + 1
    return found


def metric_values(quantity: Quantity) -> list[float]:
    if quantity.unit == _FAHRENHEIT:
        return [(quantity.value - 32) * 5 / 9]
    return [quantity.value * factor for factor in _UNITS[quantity.unit]]


def converts_to(quantity: Quantity, number: Decimal) -> bool:
    """Whether ``number`` is ``quantity`` in a metric unit, as a translator would round it."""
    got = float(number)
    for want in metric_values(quantity):
        if abs(got - want) <= max(_TOLERANCE * abs(want), 0.5 if got == int(got) else 0.05):
            return True
    return False
