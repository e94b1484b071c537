"""Ordinal numbers written with a period ("am 1. Januar", "2024. gada 1. janvārī").

In these languages a number followed by a period is usually an ordinal inside the sentence.
Punkt already keeps it when a lower-case word follows; a capitalised month name or a German
noun after an article ("den 3. Platz") needs the rule here.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

ORDINAL_PERIOD_LANGUAGES = frozenset({
    "bs", "cs", "da", "de", "et", "fi", "fo", "hr", "hu", "is", "lv", "nb", "nn", "no", "pl",
    "sk", "sl", "sr", "tr",
})

# Words that put an ordinal after them: an article or a preposition fused with one.
_CUES = {
    "de": frozenset({"am", "im", "vom", "zum", "beim", "der", "die", "das", "dem", "den", "des"}),
    "da": frozenset({"den", "det", "d"}),
    "nb": frozenset({"den", "det"}),
    "no": frozenset({"den", "det"}),
}


@cache
def month_names(lang: str) -> frozenset[str]:
    """Lower-cased month names and abbreviations of ``lang`` from the CLDR data in babel."""
    try:
        months = Locale.parse(lang).months
    except (ValueError, UnknownLocaleError):
        return frozenset()
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names.update(n.lower().rstrip(".") for n in months[context][width].values())
    return frozenset(names)


def is_ordinal(lang: str, before: str, following: str) -> bool:
    """Whether ``<number>.`` between the word ``before`` and the word ``following`` (both
    stripped of punctuation) is an ordinal rather than a sentence end."""
    if lang not in ORDINAL_PERIOD_LANGUAGES:
        return False
    if following[:1].islower() or following.lower() in month_names(lang):
        return True
    return before.lower() in _CUES.get(lang, frozenset())
