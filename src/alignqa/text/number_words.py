"""Numbers written as words, in the languages num2words knows ("fifty-eight", "siebte", "ketujuh").

A translation writes a number as digits where the source spells it ("Fifty-eight percent" -> "58
Prozent", "in its seventh year" -> "zum 7. Mal") and the other way round. Rather than parse every
language's number words, the words of one value are generated with num2words (cardinal and, where
the language has them there, ordinal) and looked up in the other side's text. A one-word form also
matches its inflections ("siebte" -> "siebten", "astoņi" -> "astoņiem"): its last letter may be
replaced by up to three others. Languages num2words does not cover simply have no number words, so
the numbers check falls back to digits alone.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from num2words import num2words

from ..languages import base_language

# Spelt-out numbers beyond this are rare, and generating them for every big number is waste.
MAX_WORD_VALUE = 1_000_000
# Endings an inflected number word may add to the generated form.
_MAX_ENDING = 3
_SHORT = 4  # forms this short ('one', 'eins', 'tiga') keep their letters: 'ein' is an article
_WORD_RE = re.compile(r"[^\W\d_]+")


# What num2words raises for a language or a form it lacks.
NUM2WORDS_ERRORS = (NotImplementedError, KeyError, ValueError, TypeError, OverflowError,
                    AttributeError, IndexError)


def plain(text: str) -> str:
    """Casefolded, without diacritics and with hyphens as spaces: 'Fünfzig-eins' ~ 'funfzig eins'."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("-", " "))
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def word_forms(value: int, lang: str) -> tuple[str, ...]:
    """The plain forms (see :func:`plain`) of ``value`` written out in ``lang``: cardinal and
    ordinal, 'one hundred' also as 'hundred'. Empty when num2words lacks the language."""
    forms = []
    cardinal = None
    for to in ("cardinal", "ordinal"):
        try:
            forms.append(plain(str(num2words(value, lang=lang, to=to))))
            cardinal = forms[0] if to == "cardinal" else cardinal
        except NUM2WORDS_ERRORS:
            continue  # this language has no such form in num2words
    forms += _OTHER_ORDINALS.get(base_language(lang), {}).get(value, ())
    out = []
    for form in forms:
        out.append(" ".join(form.split()))
        words = form.split()
        if len(words) == 2 and value in (100, 1000):
            out.append(words[1])  # 'one hundred' is also 'a hundred', 'hundred'
        if form == cardinal and len(words) == 1:
            out += _collectives(form, value, lang)
    return tuple(dict.fromkeys(f for f in out if f))


# Ordinals num2words writes another way: French 'second(e)' beside 'deuxième' ('la Seconde Guerre
# mondiale' for 'World War 2'); Italian and Spanish 'secondo'/'segundo' are num2words' own.
_OTHER_ORDINALS: dict[str, dict[int, tuple[str, ...]]] = {"fr": {2: ("second",)}}
# Approximate collective numerals ('une vingtaine', 'a dozen', 'ein Dutzend'): the French suffix
# '-aine' on the cardinal of a round number, and the words for twelve that are no cardinal.
_COLLECTIVE_SUFFIX = {"fr": ("aine", frozenset({8, 10, 12, 15, 20, 30, 40, 50, 60, 100}))}
_DOZEN = {"en": "dozen", "de": "dutzend", "fr": "douzaine", "nl": "dozijn", "id": "lusin",
          "lv": "ducis", "es": "docena", "it": "dozzina", "pt": "duzia"}


def _collectives(cardinal: str, value: int, lang: str) -> list[str]:
    """Collective forms of a one-word cardinal: 'vingt' -> 'vingtaine', 'dix' -> 'dizaine'."""
    base = base_language(lang)
    out = [_DOZEN[base]] if value == 12 and base in _DOZEN else []
    suffix = _COLLECTIVE_SUFFIX.get(base)
    if suffix and value in suffix[1]:
        stem = cardinal[:-1] if cardinal.endswith(("e", "x")) else cardinal
        out.append(stem + ("z" if cardinal.endswith("x") else "") + suffix[0])
    return out


@lru_cache(maxsize=64)
def scale_words(lang: str) -> tuple[tuple[str, int], ...]:
    """Words for thousand, million, billion and trillion in ``lang`` ('Millionen', 'juta',
    'miljoni'), as (plain stem, value): '2 Millionen' is 2,000,000 too."""
    out = []
    for power in (3, 6, 9, 12):
        for times in (1, 5):  # singular and plural: 'eine Million', 'fünf Millionen'
            try:
                words = plain(str(num2words(times * 10 ** power, lang=lang))).split()
            except NUM2WORDS_ERRORS:
                return ()
            if len(words) >= 2:  # 'fünftausend' is one word: German has no scale word for it
                out.append((_stem(words[-1]), 10 ** power))
    return tuple(dict.fromkeys(out))


def _stem(word: str) -> str:
    """The form less its last letter, which inflection often replaces ('siebte' -> 'siebten')."""
    return word if len(word) <= _SHORT else word[:-1]


def _word_matches(form: str, word: str) -> bool:
    stem = _stem(form)
    if stem == form:  # a short form: itself, or with a short ending ('fours', 'une', 'tigaan')
        return word == form or (len(form) > 2 and word.startswith(form)
                                and len(word) - len(form) <= 2)
    return word.startswith(stem) and len(word) - len(stem) <= _MAX_ENDING


def written_in(value: Decimal, text: str, lang: str) -> bool:
    """Whether ``text`` (in ``lang``) writes ``value`` as a word or words."""
    if value != value.to_integral_value() or not 0 <= value <= MAX_WORD_VALUE:
        return False
    forms = word_forms(int(value), lang)
    if not forms:
        return False
    words = _WORD_RE.findall(plain(text))
    for form in forms:
        parts = form.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i:i + n - 1] == parts[:-1] and _word_matches(parts[-1], words[i + n - 1]):
                return True
    return False


def scale_after(text: str, lang: str) -> int | None:
    """The scale word ('million', 'Milliarden', 'ribu') that ``text`` starts with, as its value."""
    m = _WORD_RE.match(plain(text).lstrip())
    if m is None:
        return None
    word = m.group()
    hits = [(len(stem), value) for stem, value in scale_words(lang)
            if word.startswith(stem) and len(word) - len(stem) <= _MAX_ENDING]
    return max(hits)[1] if hits else None  # the longest stem: 'million' is no 'mille


# Roman numerals as centuries, monarchs and volumes are written ('XIe siècle', 'Louis XIV'): two
# letters or more, or one with an ordinal ending, so the English pronoun 'I' is none.
_ROMAN_RE = re.compile(r"\b(?P<n>[IVXLCDM]+)(?P<suffix>e|er|re|ème|eme|es|º|ª)?\b")
_CANONICAL_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_values(text: str) -> frozenset[Decimal]:
    """The values of the Roman numerals in ``text``."""
    out = set()
    for m in _ROMAN_RE.finditer(text):
        numeral = m["n"]
        if (len(numeral) < 2 and not m["suffix"]) or not _CANONICAL_ROMAN_RE.fullmatch(numeral):
            continue
        total = 0
        for a, b in zip(numeral, numeral[1:] + " ", strict=True):
            value = _ROMAN[a]
            total += -value if b != " " and _ROMAN[b] > value else value
        out.add(Decimal(total))
    return frozenset(out)
