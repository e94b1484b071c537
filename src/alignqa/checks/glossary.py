"""``glossary``: a source term found in the source must be rendered as the glossary says.

Terms match case-insensitively on word boundaries (CJK: anywhere, having no spaces). Words inflect,
so each word of a term is cut to a stem, dropping the longest ending listed for its language in
``INFLECTION``, and any form that starts with the stem and adds at most ``extra`` letters matches:
Latvian 'klients' (stem 'klient') matches 'klientam', 'personīgais' matches 'personīgo'; Indonesian
'klien' matches 'kliennya'. Prefixing inflection (Indonesian 'me-', 'di-') is not recognised: list
such forms as alternatives ('simpan|menyimpan'). Words under four letters match exactly, so 'AI'
never matches 'AIDS', and no stem is cut below four letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..glossary import GlossaryEntry, load_glossary
from ..languages import language_name
from ..text.words import is_cjk
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

_VOWELS = tuple("aeiouyāēīōūąęėįųůаеиоуыэюяёьйαεηιουωάέήίόύώ")
_LV = ("ajam", "ajai", "ajos", "ajās", "iem", "ais", "ām", "ēm", "ie", "is", "us", "as", "es",
       "os", "ai", "ei", "ij", "s", "š", "a", "e", "i", "u", "o", "ā", "ē", "ī", "ū")
_LT = ("iams", "ams", "ems", "oms", "ais", "ių", "ės", "as", "is", "ys", "us", "ai", "ui",
       "ą", "ę", "į", "ų", "ė", "a", "e", "i", "o", "u", "y")
_ROMANCE = (("es", "e", "s", "a", "o", "i"), 2)
# Per language: endings a term's word may lose, and how many letters may follow its stem.
# Fusional languages swap endings (Latvian, Lithuanian, Slavic); agglutinative ones add suffixes.
INFLECTION: dict[str, tuple[tuple[str, ...], int]] = {
    "lv": (_LV, 4), "lt": (_LT, 4),
    "id": ((), 4), "ms": ((), 4), "tr": ((), 6), "hu": ((), 6), "fi": (_VOWELS, 6),
    "et": (_VOWELS, 5),
    "en": (("e",), 2), "de": (("en", "e"), 3), "nl": (("en", "e"), 2),
    "sv": (("a", "e"), 4), "da": (("e",), 3), "nb": (("e",), 3), "no": (("e",), 3),
    "fr": _ROMANCE, "es": _ROMANCE, "pt": _ROMANCE, "it": _ROMANCE, "ca": _ROMANCE,
    "ro": (_VOWELS, 4),
}
_DEFAULT_INFLECTION = (_VOWELS, 3)  # Slavic, Greek and the rest: a final vowel may change
_MIN_STEM = 4
# A word character other than CJK: 'Docker' is a whole word in 'Dockerをインストール'.
_W = r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"


def _stem(word: str, endings: tuple[str, ...]) -> str:
    lower = word.lower()
    cut = max((len(e) for e in endings
               if lower.endswith(e) and len(word) - len(e) >= _MIN_STEM), default=0)
    return word[:len(word) - cut]


def _word_pattern(word: str, lang: str, inflect: bool) -> str:
    if any(is_cjk(c) for c in word):
        return re.escape(word)
    if not inflect or len(word) < _MIN_STEM or not word[-1].isalpha():
        return rf"(?<!{_W}){re.escape(word)}(?!{_W})"
    endings, extra = INFLECTION.get(lang, _DEFAULT_INFLECTION)
    stem = _stem(word, endings)
    return rf"(?<!{_W}){re.escape(stem)}{_W}{{0,{extra}}}(?!{_W})"


@lru_cache(maxsize=4096)
def term_regex(term: str, lang: str, inflect: bool = True) -> re.Pattern:
    """A pattern finding ``term`` in ``lang`` text, its words allowed to inflect."""
    parts = [_word_pattern(w, lang, inflect) for w in term.split()]
    return re.compile(r"[\s\u00a0]+".join(parts), re.IGNORECASE)


def find_term(term: str, text: str, lang: str, inflect: bool = True) -> list[tuple[int, int]]:
    return [m.span() for m in term_regex(term, lang, inflect).finditer(text)]


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


@dataclass(frozen=True)
class GlossaryOptions(CheckOptions):
    inflection: bool = option(True, "accept inflected forms of a term (stemmed per language)")


@register("glossary", "warning",
          "A glossary term is not rendered as the glossary requires.",
          options=GlossaryOptions)
def glossary(check: Check, ctx: PairContext) -> Iterator:
    path = ctx.glossary_path
    if not path:
        return
    inflect = ctx.options.inflection
    # Longest terms first: 'client-facing role' claims its words before 'client' can.
    entries = sorted(load_glossary(path).entries_for(ctx.source.lang, ctx.target.lang),
                     key=lambda e: (-len(e.source), e.source.casefold()))
    for view in ctx.beads():
        if not view.source or not view.target:
            continue
        taken: list[tuple[int, int]] = []
        for entry in entries:
            spans = [s for s in find_term(entry.source, view.source_text, ctx.source_lang, inflect)
                     if not _overlaps(s, taken)]
            if spans:
                taken += spans
                yield from _judge(check, ctx, view, entry, spans, inflect)


def _quote(terms: tuple[str, ...]) -> str:
    return " or ".join(f"'{t}'" for t in terms)


def _judge(check: Check, ctx: PairContext, view: BeadView, entry: GlossaryEntry,
           spans: list[tuple[int, int]], inflect: bool) -> Iterator:
    tgt, lang = view.target_text, ctx.target_lang
    note = f" (note: {entry.note})" if entry.note else ""
    term = view.source_text[spans[0][0]:spans[0][1]]
    if entry.dnt:
        if not find_term(entry.source, tgt, lang, inflect):
            yield ctx.finding(check, view, f"Do-not-translate term '{entry.source}' is missing "
                              f"from the target; expected '{entry.source}' unchanged{note}",
                              source_spans=spans)
        return
    used = [(f, s) for f in entry.forbidden for s in find_term(f, tgt, lang, inflect)]
    if used:
        forms = tuple(dict.fromkeys(tgt[s:e] for _, (s, e) in used))
        expected = f"; use {_quote(entry.targets)}" if entry.targets else ""
        yield ctx.finding(check, view, f"'{term}' is rendered as {_quote(forms)}, which the "
                          f"glossary forbids{expected}{note}", source_spans=spans,
                          target_spans=[s for _, s in used])
        return
    if entry.targets and not any(find_term(t, tgt, lang, inflect) for t in entry.targets):
        yield ctx.finding(check, view, f"Glossary term '{term}' should be rendered in "
                          f"{language_name(lang)} as {_quote(entry.targets)}; not found in the "
                          f"target{note}", source_spans=spans)
