"""Numbers in text, read in each locale's notation, and matched between two texts by value.

3.5 in English is 3,5 in Latvian, German or French; 1,000 is 1.000 in German and 1 000 in French
or Latvian; Arabic-Indic (١٢) and full-width (１２) digits are the same numbers as 12.
A target often keeps the source's notation (machine translation does), so a target number is read
both in the target's and in the source's locale. Ordinal dots (Latvian '2024.', German '1.') are
no part of the number. Numbers inside URLs, placeholders, tags and code spans are masked out: they
belong to the ``placeholders`` check.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

from ..languages import base_language
from . import number_words, units
from .markup import find_tokens, mask

_SPACES = " \u00a0\u202f\u2009"
# Digits joined by separators; a separator must sit between digits, so a trailing ordinal dot
# or a sentence's full stop never belongs to the number.
_NUMBER_RE = re.compile(r"\d+(?:[.,'’٫٬．，" + _SPACES + r"]\d+)*")
# Characters that are a decimal or group separator whatever the locale says.
_ALWAYS_DECIMAL = {"٫"}
_ALWAYS_GROUP = {"٬"}
_FULLWIDTH = {"．": ".", "，": ","}


# A clock time: hours, a separator (':' '.' French 'h', CJK 時/点), minutes; never part of a date
# or a longer number ('01.05.2024', '10:30:15'). The a.m./p.m. suffix is read in 12-hour locales.
_TIME_RE = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?P<sep>[:.]|\s?h\s?|時|点)(?P<m>[0-5]\d)(?![\d:])"
    r"(?![.,]\d)(?:\s?(?P<ampm>[aApP])\.?\s?[mM]\b\.?)?")
_HOUR_RE = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?[1-9])\s?(?P<ampm>[aApP])\.?\s?[mM]\b\.?")

Value = Decimal | tuple[str, int]  # a number, or ("time", minutes after midnight)


@dataclass(frozen=True)
class Number:
    text: str
    start: int
    end: int
    values: frozenset[Value]  # every reading that applies: a number, a time, or both ('12.00')


@lru_cache(maxsize=64)
def _twelve_hour(lang: str) -> bool:
    """Whether ``lang`` writes times on a 12-hour clock (CLDR's short time has an am/pm field)."""
    try:
        return "a" in Locale.parse(lang).time_formats["short"].pattern
    except (ValueError, UnknownLocaleError):
        return False


@lru_cache(maxsize=64)
def _symbols(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Decimal and group separators of a language (babel's CLDR data)."""
    try:
        locale = Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse("en")
    decimal = {get_decimal_symbol(locale)} | _ALWAYS_DECIMAL
    group = {get_group_symbol(locale)} | _ALWAYS_GROUP
    if group & set(_SPACES):
        # CLDR says no-break space; writers and machine translation use any space.
        group |= set(_SPACES)
    if "’" in group:
        group.add("'")
    return frozenset(decimal), frozenset(group)


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def read_number(text: str, lang: str) -> Decimal | None:
    """The value of ``text`` written in ``lang``'s notation, or None when it is not one number."""
    text = "".join(_FULLWIDTH.get(c, c) for c in _ascii_digits(text))
    decimal, group = _symbols(lang)
    parts = re.split(r"(\D)", text)
    digits, seps = parts[0::2], parts[1::2]
    if not seps:
        return Decimal(text)
    fraction = ""
    if seps[-1] in decimal:
        fraction = digits[-1]
        digits, seps = digits[:-1], seps[:-1]
    if seps:
        # Grouped: one group character throughout, 1-3 leading digits, then groups of exactly 3.
        if len(set(seps)) != 1 or seps[0] not in group or not 1 <= len(digits[0]) <= 3:
            return None
        if any(len(d) != 3 for d in digits[1:]):
            return None
    try:
        return Decimal("".join(digits) + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None


def _readings(text: str, langs: tuple[str, ...], first_only: bool) -> frozenset[Value]:
    values = []
    for lang in langs:
        value = read_number(text, lang)
        if value is not None:
            values.append(value.normalize())
            if first_only:
                break
    return frozenset(values)


def find_numbers(text: str, langs: tuple[str, ...], first_only: bool = False) -> list[Number]:
    """Numbers of ``text``, written in ``langs[0]``, read in each locale of ``langs`` that can
    (``first_only``: in the first that can; the source is read so, being authoritative).

    A run no language reads as one number ('2024 10', '1.2.3', '01.05.2024') is split at spaces,
    then into its digit runs: a version, a date or a list is a series of numbers.
    """
    return list(_numbers_of(text, tuple(langs), first_only))


# The numbers check and the detector read the same segments, and a source document is read
# once per target language: each text is parsed once.
@lru_cache(maxsize=8192)
def _numbers_of(text: str, langs: tuple[str, ...], first_only: bool) -> tuple[Number, ...]:
    masked = mask(text, ((t.start, t.end) for t in find_tokens(text)))
    found = _times(masked, langs, first_only)
    masked = mask(masked, ((n.start, n.end) for n in found))
    for m in _NUMBER_RE.finditer(masked):
        found.extend(_split(m.group(), m.start(), langs, first_only))
    return tuple(sorted(found, key=lambda n: n.start))


def _times(text: str, langs: tuple[str, ...], first_only: bool) -> list[Number]:
    """Clock times, each read as minutes after midnight (and as a number when it could be one,
    '12.00'); a bare '8 p.m.' is read as 20:00, 20 and 8, since a translation may say '20 Uhr'."""
    twelve = _twelve_hour(langs[0])
    found = []
    for m in _TIME_RE.finditer(text):
        hour, minute = int(_ascii_digits(m["h"])), int(_ascii_digits(m["m"]))
        ampm = m["ampm"] if twelve else None
        end = m.end() if ampm else m.end("m")
        values: set[Value] = {("time", _clock(hour, ampm) * 60 + minute)}
        if m["sep"] == ".":
            values |= _readings(m.group()[:m.end("m") - m.start()], langs, first_only)
        found.append(Number(text[m.start():end], m.start(), end, frozenset(values)))
    if twelve:
        for m in _HOUR_RE.finditer(text):
            if any(n.start <= m.start() < n.end for n in found):
                continue
            hour = int(_ascii_digits(m["h"]))
            clock = _clock(hour, m["ampm"])
            found.append(Number(m.group(), m.start(), m.end(), frozenset(
                {("time", clock * 60), Decimal(clock), Decimal(hour)})))
    return found


def _clock(hour: int, ampm: str | None) -> int:
    """The 24-hour clock hour of ``hour`` a.m./p.m. (12 a.m. is midnight, 12 p.m. noon)."""
    if ampm is None:
        return hour % 24
    return hour % 12 + (12 if ampm.lower() == "p" else 0)


def _split(text: str, offset: int, langs: tuple[str, ...], first_only: bool) -> Iterator[Number]:
    values = _readings(text, langs, first_only)
    if values:
        yield Number(text, offset, offset + len(text), values)
        return
    # Pure digit runs always read, so the recursion ends.
    pattern = r"[^ ]+" if " " in text else r"\d+"
    for m in re.finditer(pattern, text):
        yield from _split(m.group(), offset + m.start(), langs, first_only)


def match_numbers(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """Pair numbers of equal value; return (source numbers left unpaired, target numbers left)."""
    free = sorted(range(len(target)), key=lambda i: (len(target[i].values), i))
    missing: list[Number] = []
    for number in source:
        hit = next((i for i in free if number.values & target[i].values), None)
        if hit is None:
            missing.append(number)
        else:
            free.remove(hit)
    extra = [target[i] for i in sorted(free)]
    return missing, extra


# --- comparing the numbers of a source and its translation ----------------------------------------
#
# find_numbers/match_numbers above read digits only (the detector's feature uses them as they are);
# compare_numbers is what the numbers check reports from. It also knows what a faithful translation
# does to numbers: spell them out or write digits for words, write a range or a time another way,
# convert imperial units, and leave the digits of names alone.

_DECADE_RE = re.compile(r"['’]?s\b")
_LETTERS_THEN_DIGIT_RE = re.compile(r"[^\W\d_]+\d")
_RANGE_SEP_RE = re.compile(r"\.?\s?[-–—/]\s?")  # the dot: Latvian "1950.–53."


@dataclass(frozen=True)
class NumberDiff:
    """What differs: source numbers the target lacks, target numbers the source lacks, and of the
    missing ones those next to an imperial unit while the target has other numbers (probably
    converted, though the values did not confirm it)."""

    missing: list[Number]
    extra: list[Number]
    unconfirmed_conversions: list[Number]
    source_numbers: list[Number]  # every number read in the source, names' digits included

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)


def compare_numbers(source: str, source_lang: str, target: str, target_lang: str) -> NumberDiff:
    """The numbers of ``source`` and ``target`` that do not correspond, read as
    :func:`find_numbers` does and then allowing for number words, ranges, times, unit conversions
    and the digits of identifiers."""
    src = _enrich(source, find_numbers(source, (source_lang, target_lang), first_only=True),
                  source_lang)
    tgt = _enrich(target, find_numbers(target, (target_lang, source_lang)), target_lang)
    # Numbers are hashable and no two of one text share a start, so sets of them are exact.
    src_names = {n for n in src if _in_name(source, n)}
    tgt_names = {n for n in tgt if _in_name(target, n)}
    # Quantities pick their partners first, so a name's digits never take a quantity's.
    order = [n for n in src if n not in src_names] + [n for n in src if n in src_names]
    missing, extra = match_numbers(order, tgt)
    missing = sorted((n for n in missing if n not in src_names), key=lambda n: n.start)
    extra = [n for n in extra if n not in tgt_names]
    # A number spelt out on the other side ('58' for 'Fifty-eight', '7.' for 'seventh').
    missing = [n for n in missing if not _spelt_out(n, target, target_lang)]
    extra = [n for n in extra if not _spelt_out(n, source, source_lang)]
    # A series written another way: a value repeated ('802.11a, 802.11b' -> '802.11a, b') or the
    # inside of a consecutive run ('11th, 12th, 13th' -> 'XIe au XIIIe') once the rest is there.
    # A repeat is left out only where nothing took its place, so a changed repeat stays an error.
    missing, extra = (_drop_elided(src, missing, extra, _has_range(target, target_lang)),
                      _drop_elided(tgt, extra, missing, _has_range(source, source_lang)))
    src_q, tgt_q = _quantities(source, src), _quantities(target, tgt)
    missing, extra = _drop_conversions(src, src_q, missing, extra)
    extra, missing = _drop_conversions(tgt, tgt_q, extra, missing)
    # '80 km (50 mi)': a conversion the text itself gives may be left out on the other side.
    missing = _drop_restated(src, src_q, missing)
    extra = _drop_restated(tgt, tgt_q, extra)
    imperial = {src[i] for q in src_q for i in q.numbers}
    unconfirmed = [n for n in missing if extra and n in imperial]
    return NumberDiff(missing, extra, unconfirmed, src)


def _spelt_out(number: Number, other: str, lang: str) -> bool:
    """Whether ``other`` writes ``number`` in words or in Roman numerals ('XIIIe siècle')."""
    values = _decimals(number)
    romans = number_words.roman_values(other)
    return any(v in romans or number_words.written_in(v, other, lang) for v in values)


# A range in the other text: a dash between numbers or Roman numerals ('1000-1300', 'XIe–XIIIe'),
# or a range word ('du XIe au XIIIe siècle', '11. bis 13. Jahrhundert'). Languages not listed are
# read by their dashes alone.
_RANGE_DASH_RE = re.compile(r"(?:\d|\b[IVXLCDM]+\w{0,3})\.?\s?[-–—]\s?(?:\d|[IVXLCDM]+\b)")
_RANGE_WORDS = {
    "en": {"to", "through", "thru", "until", "till"}, "de": {"bis"}, "fr": {"à", "au", "aux"},
    "lv": {"līdz"}, "id": {"hingga", "sampai"}, "ms": {"hingga", "sampai"},
    "es": {"a", "al", "hasta"}, "it": {"a", "al", "fino"}, "pt": {"a", "ao", "até"},
    "nl": {"tot"}, "cs": {"až", "do"}, "pl": {"do"}, "sv": {"till"}, "da": {"til"},
    "nb": {"til"}, "zh": {"至", "到"}, "ja": {"から", "〜", "～"},
}
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def _has_range(text: str, lang: str) -> bool:
    """Whether ``text`` writes a range, so a listed series may be its inside ('11th, 12th, 13th'
    -> 'XIe au XIIIe')."""
    if _RANGE_DASH_RE.search(text):
        return True
    base = base_language(lang)
    words = _RANGE_WORDS.get(base, set())
    if base in ("zh", "ja"):  # written without spaces: the words are searched as substrings
        return any(w in text for w in words)
    return any(w.casefold() in words for w in _TOKEN_RE.findall(text))


def _drop_elided(numbers: list[Number], unpaired: list[Number], other_unpaired: list[Number],
                 other_has_range: bool) -> list[Number]:
    """``unpaired`` less the numbers a series lets a translation leave out: a repeat of a value
    that was paired (when the other side has nothing unpaired in its place), and a member of a run
    of consecutive integers whose two ends were paired, where the other side writes a range
    ('Chapters 1, 2 and 3' -> 'Kapitel 1 und 3' has lost one)."""
    paired = [n for n in numbers if n not in set(unpaired)]
    paired_values = {v for n in paired for v in _decimals(n)}
    values = {v for n in numbers for v in _decimals(n) if v == v.to_integral_value()}

    def inside_run(v: Decimal) -> bool:
        if v != v.to_integral_value():
            return False
        low = high = v
        while low - 1 in values:
            low -= 1
        while high + 1 in values:
            high += 1
        return (other_has_range and low < v < high and low in paired_values
                and high in paired_values)

    return [n for n in unpaired
            if not any((v in paired_values and not other_unpaired) or inside_run(v)
                       for v in _decimals(n))]


def _drop_restated(numbers: list[Number], quantities: list[units.Quantity], unpaired: list[Number]
                   ) -> list[Number]:
    """``unpaired`` without the imperial ``quantities`` whose metric value the text (its
    ``numbers``) also gives."""
    unpaired = list(unpaired)
    for q in quantities:
        members = [numbers[i] for i in q.numbers]
        others = [n for k, n in enumerate(numbers) if k not in q.numbers]
        if all(m in unpaired for m in members) and any(
                units.converts_to(q, v) for n in others for v in _decimals(n)):
            for m in members:
                unpaired.remove(m)
    return unpaired


def _decimals(number: Number) -> list[Decimal]:
    return [v for v in number.values if isinstance(v, Decimal)]


def _in_name(text: str, number: Number) -> bool:
    # A number followed by letters alone is a quantity ('10km', '4th'); one after a cased letter
    # or an underscore is part of a name ('EC2', 'K8S', 'x86_64'); CJK characters have no case,
    # so '2023年' stays a number.
    before = text[number.start - 1] if number.start else ""
    return (before.isupper() or before.islower() or before == "_"
            or _LETTERS_THEN_DIGIT_RE.match(text, number.end) is not None)  # '2to3'


def _enrich(text: str, numbers: list[Number], lang: str) -> list[Number]:
    """More readings of each number: the full year of a range's short end ('1950-53' -> 1953), a
    time as military time and, on the hour, as its hour ('10:00' -> 1000, 10), a decade's two
    digits ('1920s' -> 20), the value of a scale word ('2 Millionen')."""
    out = []
    for k, n in enumerate(numbers):
        values = set(n.values)
        prev = numbers[k - 1] if k else None
        if prev is not None and n.text.isdigit() and prev.text.isdigit() \
                and len(n.text) < len(prev.text) \
                and _RANGE_SEP_RE.fullmatch(text[prev.end:n.start]):
            full = int(prev.text[:len(prev.text) - len(n.text)] + n.text)
            if full > int(prev.text):
                values.add(Decimal(full))
        for v in n.values:
            if isinstance(v, tuple):
                hour, minute = divmod(v[1], 60)
                values.add(Decimal(hour * 100 + minute))  # '12:00' is '1200 GMT'
                if minute == 0:
                    values.add(Decimal(hour))
        if _DECADE_RE.match(text, n.end) and len(n.text) == 4 and n.text.endswith("0"):
            values.add(Decimal(n.text[2:]))  # 'the 1920s' is 'les années 20'
        scale = number_words.scale_after(text[n.end:n.end + 20], lang)
        if scale is not None:
            values |= {v * scale for v in _decimals(n)}
        out.append(Number(n.text, n.start, n.end, frozenset(values)) if values != n.values else n)
    return out


def _single_value(number: Number) -> Decimal | None:
    values = _decimals(number)
    return min(values) if values else None


def _drop_conversions(numbers: list[Number], quantities: list[units.Quantity], missing: list[Number],
                      extra: list[Number]) -> tuple[list[Number], list[Number]]:
    """Missing ``numbers`` that measure one of the text's imperial ``quantities``, paired with
    other-side numbers that are its metric value: both are dropped."""
    if not missing or not extra:
        return missing, extra
    missing, extra = list(missing), list(extra)
    for q in quantities:
        members = [numbers[i] for i in q.numbers]
        if not all(m in missing for m in members):
            continue
        hit = next((e for e in extra if any(units.converts_to(q, v) for v in _decimals(e))), None)
        if hit is not None:
            extra.remove(hit)
            for m in members:
                missing.remove(m)
    return missing, extra


def _quantities(text: str, numbers: list[Number]) -> list[units.Quantity]:
    return units.imperial_quantities(text, [(n.start, n.end) for n in numbers],
                                     [_single_value(n) for n in numbers])
