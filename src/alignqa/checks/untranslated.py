"""``untranslated``: the target repeats the source, mostly copies its words, or is written in the
source language.

Words are compared after dropping URLs, code, placeholders, numbers, identifiers ('SHA256', 'x86_64',
'getUserName') and do-not-translate terms, so a sentence that only carries those is never
"untranslated". A short run of capitalised words is taken for a name ('Microsoft Teams') unless it is
an English heading, where Title Case is the norm.

A segment copied from the source is no untranslated text either when it is code or a name the
source document itself marks as code: a command line written without backticks ('docker run -it
--rm image'), or a title that names a command of the page ('# git status' over examples in
`` `git status ...` ``, '# docker ps' in docker-ps.md, '# gh cs' over `` `gh codespace` ``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..glossary import load_glossary
from ..languages import language_name
from ..text.langid import DETECTORS, PY3LANGID, family, guess, identifiable, letters, supported
from ..text.markup import CODE, find_tokens, mask, mask_tokens
from ..text.words import comparable
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
# Languages whose headings are written in Title Case, so capitals there do not mark names.
_TITLE_CASE = {"en"}
# Longest heading taken for a command's name ('docker container remove').
_COMMAND_TITLE_WORDS = 4


def _words(text: str, skip: frozenset[str]) -> list[re.Match]:
    masked = mask(text, ((t.start, t.end) for t in find_tokens(text)))
    return [m for m in _WORD_RE.finditer(masked)
            if m.group().casefold() not in skip and not _is_identifier(m.group())]


_IDENTIFIER_RE = re.compile(r".*(?:\d|_|[a-z][A-Z])")
# A shell-like token: an option, or a word with path, assignment, pipe or call syntax inside.
_CODE_TOKEN_RE = re.compile(r"-{1,2}[\w?]|.*[/\\=$|<>{}\[\]()@:]|.+\.\w|.*(?:\d|_|[a-z][A-Z])")


def _is_identifier(word: str) -> bool:
    return _IDENTIFIER_RE.match(word) is not None


def code_words(doc_text: str) -> frozenset[str]:
    """Words written inside the code spans of a document: its commands, options and names."""
    return frozenset(m.group().casefold() for t in find_tokens(doc_text) if t.kind == CODE
                     for m in _WORD_RE.finditer(t.key))


def _is_code(text: str, names: frozenset[str]) -> bool:
    """Whether ``text`` is a command or code rather than prose: every token is code-like or a word
    the document uses in its code; or it starts in lower case, a third of its tokens are code-like,
    one of them an option or an operator, and it does not end like a sentence."""
    tokens = mask_tokens(text).split()
    if not tokens:
        return False
    # Prose punctuation around a word ('Note:', '(optional)') makes no code.
    bare = [t.strip("()[]\"'“”‘’«».,:;!?") or t for t in tokens]
    shaped = [_CODE_TOKEN_RE.match(t) is not None for t in bare]
    known = [t.casefold() in names for t in bare]
    if all(s or k for s, k in zip(shaped, known, strict=True)):
        return True
    return (sum(shaped) * 3 >= len(tokens) and text.rstrip()[-1:] not in ".!?"
            and tokens[0][:1].islower()
            and any(re.match(r"-{1,2}\w", t) or t in {"|", ">", ">>", "&&", "$"} for t in tokens))


def _names_command(ctx: PairContext, view: BeadView, names: frozenset[str]) -> bool:
    """Whether a copied heading names a command: its words are the document's file name
    ('# docker ps' in docker-ps.md), or it is in lower case and starts with a word the document
    uses in its code ('# gh cs' over `` `gh codespace` ``)."""
    if view.kind != "heading":
        return False
    words = view.target_text.split()
    if not words or len(words) > _COMMAND_TITLE_WORDS:
        return False
    if "-".join(words).casefold() == ctx.source.path.stem.casefold():
        return True
    return view.target_text == view.target_text.lower() and words[0].casefold() in names \
        and view.target_text.rstrip()[-1:] not in ".!?:"


def _looks_like_name(word: str) -> bool:
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def dnt_words(ctx: PairContext) -> frozenset[str]:
    """Words of do-not-translate terms: from the ``dnt`` option and from the glossary, if any."""
    terms = list(ctx.options.dnt)
    if ctx.glossary_path:
        glossary = load_glossary(ctx.glossary_path)
        terms += [e.source for e in glossary.entries_for(ctx.source_lang, ctx.target_lang)
                  if e.dnt]
    return frozenset(w.casefold() for term in terms for w in term.split())


@dataclass(frozen=True)
class UntranslatedOptions(CheckOptions):
    min_words: int = option(2, "fewest words a target equal to its source needs", minimum=1)
    max_name_words: int = option(3, "longest run of capitalised words taken as a name", minimum=0)
    max_overlap: float = option(0.8, "share of target words copied from the source that is reported",
                                minimum=0.0, maximum=1.0)
    overlap_min_words: int = option(4, "fewest target words for the copied-share test", minimum=1)
    min_similarity: float = option(0.9, "character similarity to the source that is reported",
                                   minimum=0.0, maximum=1.0)
    detector: str = option(PY3LANGID, "language identifier", choices=DETECTORS)
    min_letters: int = option(30, "fewest letters a target needs for language identification",
                              minimum=1)
    min_confidence: float = option(0.9, "lowest detector probability that is reported",
                                   minimum=0.0, maximum=1.0)
    dnt: tuple[str, ...] = option((), "do-not-translate terms (the glossary's dnt rows count too)")


@register("untranslated", "error",
          "The target is the source text, mostly copied from it, or in the source language.",
          options=UntranslatedOptions)
def untranslated(check: Check, ctx: PairContext) -> Iterator:
    if family(ctx.source_lang) == family(ctx.target_lang):
        return
    skip = dnt_words(ctx)
    code_names = code_words(ctx.source.text)
    for view in ctx.beads():
        # A command or code line is no untranslated text, whichever test would read it.
        if view.source and view.target and not _is_code(view.target_text, code_names):
            finding = (_copied(check, ctx, view, skip, code_names)
                       or _in_source_language(check, ctx, view))
            if finding is not None:
                yield finding


def _copied(check: Check, ctx: PairContext, view: BeadView, skip: frozenset[str],
            code_names: frozenset[str]):
    opts = ctx.options
    if _names_command(ctx, view, code_names):
        return None
    src = _words(view.source_text, skip)
    tgt = _words(view.target_text, skip)
    if not tgt:
        return None
    src_forms = [m.group().casefold() for m in src]
    tgt_forms = [m.group().casefold() for m in tgt]
    whole = [(0, len(view.target_text))]
    if src_forms == tgt_forms:
        # Acronyms are names ('VPN daemon.' has one word a translation would change).
        if sum(1 for m in tgt if not (len(m.group()) > 1 and m.group().isupper())) < opts.min_words:
            return None
        names = len(tgt) <= opts.max_name_words and all(
            _looks_like_name(m.group()) for m in tgt)
        title_case = view.kind == "heading" and ctx.source_lang in _TITLE_CASE
        if names and not title_case:
            return None
        return ctx.finding(check, view, "The target is the source text unchanged; expected a "
                           f"translation into {language_name(ctx.target_lang)}",
                           target_spans=whole)
    if len(tgt) < opts.overlap_min_words:
        return None
    known = set(src_forms)
    copied = [m for m in tgt if m.group().casefold() in known]
    share = len(copied) / len(tgt)
    if share >= opts.max_overlap:
        return ctx.finding(check, view, f"{len(copied)} of the target's {len(tgt)} words are "
                           f"copied from the source ({share:.0%}); expected a translation into "
                           f"{language_name(ctx.target_lang)}", score=share,
                           target_spans=[m.span() for m in copied])
    limit = opts.min_similarity
    matcher = SequenceMatcher(None, comparable(view.source_text), comparable(view.target_text),
                              autojunk=False)
    # The quick upper bounds spare the quadratic ratio() on the many clearly translated segments.
    if matcher.real_quick_ratio() < limit or matcher.quick_ratio() < limit:
        return None
    similarity = matcher.ratio()
    if similarity >= limit:
        return ctx.finding(check, view, f"The target is nearly the source text "
                           f"({similarity:.0%} alike); expected a translation into "
                           f"{language_name(ctx.target_lang)}", score=similarity,
                           target_spans=whole)
    return None


def _in_source_language(check: Check, ctx: PairContext, view: BeadView):
    opts = ctx.options
    detector = opts.detector
    if not supported(ctx.source_lang, detector):
        return None
    text = identifiable(view.target_text)
    if letters(text) < opts.min_letters:
        return None
    found = guess(text, ctx.target_lang, detector)
    if found is None or found.prob < opts.min_confidence:
        return None
    if family(found.lang) != family(ctx.source_lang):
        return None
    return ctx.finding(check, view, f"The target is written in {language_name(found.lang)}, the "
                       f"source language (p={found.prob:.2f} by {detector}); expected "
                       f"{language_name(ctx.target_lang)}", score=found.prob,
                       target_spans=[(0, len(view.target_text))])
