"""``glossary``: a source term found in the source must be rendered as the glossary says.

Terms match case-insensitively on word boundaries (CJK: anywhere, having no spaces). Words inflect,
so each word of a term may end differently: its last ``strip`` letters may change and up to
``extra`` letters may follow (``INFLECTION``). Latvian 'klients' then matches 'klientam', 'klientu';
Indonesian 'klien' matches 'kliennya'. Prefixing inflection (Indonesian 'me-', 'di-') is not
recognised: list such forms as alternatives ('simpan|menyimpan'). Words under four letters match
exactly, so 'AI' never matches 'AIDS'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..glossary import GlossaryEntry, load_glossary
from ..languages import language_name
from .registry import BeadView, Check, PairContext, register
from .text import is_cjk

# (strip, extra) per language: how many final letters of a term's word may change, and how many
# letters may follow what is kept. Fusional languages change endings; agglutinative ones add.
INFLECTION = {
    "lv": (2, 4), "lt": (2, 4), "et": (1, 5), "fi": (1, 6), "hu": (0, 6),
    "pl": (2, 4), "cs": (2, 4), "sk": (2, 4), "sl": (2, 4), "hr": (2, 4), "bs": (2, 4),
    "sr": (2, 4), "ru": (2, 4), "uk": (2, 4), "bg": (0, 4), "ro": (1, 4), "el": (2, 4),
    "id": (0, 4), "ms": (0, 4), "tr": (0, 6),
    "de": (0, 3), "nl": (0, 2), "sv": (0, 4), "da": (0, 3), "nb": (0, 3), "no": (0, 3),
    "en": (0, 2), "fr": (0, 2), "es": (0, 2), "pt": (0, 2), "it": (1, 1),
}
_DEFAULT_INFLECTION = (1, 3)
_MIN_STEM = 4


def _word_pattern(word: str, lang: str, inflect: bool) -> str:
    if any(is_cjk(c) for c in word):
        return re.escape(word)
    strip, extra = INFLECTION.get(lang, _DEFAULT_INFLECTION) if inflect else (0, 0)
    if len(word) < _MIN_STEM or not word[-1].isalpha():
        strip, extra = 0, 0
    strip = min(strip, len(word) - _MIN_STEM) if strip else 0
    stem = word[:len(word) - strip]
    tail = rf"\w{{0,{strip + extra}}}" if strip + extra else ""
    return rf"(?<!\w){re.escape(stem)}{tail}(?!\w)"


@lru_cache(maxsize=4096)
def term_regex(term: str, lang: str, inflect: bool = True) -> re.Pattern:
    """A pattern finding ``term`` in ``lang`` text, its words allowed to inflect."""
    parts = [_word_pattern(w, lang, inflect) for w in term.split()]
    return re.compile(r"[\s\u00a0]+".join(parts), re.IGNORECASE)


def find_term(term: str, text: str, lang: str, inflect: bool = True) -> list[tuple[int, int]]:
    return [m.span() for m in term_regex(term, lang, inflect).finditer(text)]


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


@register("glossary", "warning",
          "A glossary term is not rendered as the glossary requires.",
          defaults={"glossary": None, "inflection": True})
def glossary(check: Check, ctx: PairContext) -> Iterator:
    path = ctx.options.get("glossary")
    if not path:
        return
    inflect = bool(ctx.options.get("inflection", True))
    # Longest terms first: 'client-facing role' claims its words before 'client' can.
    entries = sorted(load_glossary(path).entries_for(ctx.source_lang, ctx.target_lang),
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
