"""``placeholders``: what translation must copy unchanged must be in the target as often as in the
source: format placeholders ({name}, {0}, %s, %(x)d, %1$s), tags, Markdown link targets (the link
text is translated, its URL is not), code spans, URLs and e-mail addresses. Order may change.

Some placeholders carry translatable text (:mod:`alignqa.text.markup`): string literals in Jinja
expressions and the branches of ICU messages always do; the whole inside of a syntax does where the
``translatable`` option names it. Its default, ``double-brace``, is the convention of command-line
documentation in Markdown (tldr-pages: `` `cp {{path/to/file}}` `` -> `` `cp {{pfad/zu/datei}}` ``);
string resources whose ``{{name}}`` is a variable set it to ``[]``. Such a placeholder must still
recur, as often and inside the same code, but its inside is not compared. A code span in a sentence
that names one of the document's translatable placeholders ("write it into a file called
`path/to/file.wav`" above `` `cdparanoia 3 {{path/to/file.wav}}` ``) is translated with it: it
must recur as a code span, whatever it says.

A code span missing from the target whose code is there as plain text ('`gzip`' -> 'gzip'), or one
added around what the source writes as plain text, changes formatting, not content: a warning. So is
code mentioned in a sentence that the target only drops or only adds (a translation words its
sentences its own way); a command line, a placeholder or a changed code span is an error.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Severity
from ..text.markup import (
    CODE,
    DOLLAR_BRACE,
    DOUBLE_BRACE,
    INSIDE_TRANSLATABLE,
    KINDS,
    SINGLE_BRACE,
    Token,
    compare_key,
    find_tokens,
    has_content,
    mask_tokens,
)
from .options import CheckOptions, option
from .registry import Check, PairContext, register


def _show(tokens: list[Token]) -> str:
    return ", ".join(f"{t.kind} {t.text}" for t in tokens)


def unmatched(source: list[Token], target: list[Token],
              translatable: tuple[str, ...] = ()) -> tuple[list[Token], list[Token]]:
    """Tokens of the source the target lacks, and tokens of the target the source lacks
    (placeholders of a ``translatable`` syntax compared without their inside)."""
    def key(t: Token) -> tuple[str, str]:
        return t.kind, compare_key(t, translatable)

    need = Counter(key(t) for t in source)
    have = Counter(key(t) for t in target)
    missing: list[Token] = []
    extra: list[Token] = []
    for tokens, budget, out in ((source, have, missing), (target, need, extra)):
        left = Counter(budget)
        for t in tokens:
            if left[key(t)] > 0:
                left[key(t)] -= 1
            else:
                out.append(t)
    return missing, extra


@dataclass(frozen=True)
class PlaceholdersOptions(CheckOptions):
    kinds: tuple[str, ...] = option(KINDS, "kinds of protected text compared", choices=KINDS)
    translatable: tuple[str, ...] = option(
        (DOUBLE_BRACE,), "placeholder syntaxes whose inside is translated (only their number and "
        "place are compared)", choices=INSIDE_TRANSLATABLE)


@register("placeholders", "error",
          "Placeholders, tags, link targets, code, URLs or e-mails differ in the target.",
          options=PlaceholdersOptions)
def placeholders(check: Check, ctx: PairContext) -> Iterator:
    kinds = set(ctx.options.kinds)
    translatable = ctx.options.translatable
    names = placeholder_names(ctx.source.text, translatable)
    for view in ctx.beads():
        if not view.source or not view.target:
            continue
        source = [t for t in find_tokens(view.source_text) if t.kind in kinds]
        target = [t for t in find_tokens(view.target_text) if t.kind in kinds]
        missing, extra = _pair_named_spans(*unmatched(source, target, translatable), names)
        if not missing and not extra:
            continue
        if _formatting_only(view.source_text, view.target_text, missing, extra):
            parts = []
            if missing:
                parts.append(f"{_show(missing)} is in the target as plain text")
            if extra:
                parts.append(f"{_show(extra)} is plain text in the source")
            yield ctx.finding(check, view, f"Code formatting differs: {'; '.join(parts)}",
                              severity=Severity.WARNING,
                              source_spans=[(t.start, t.end) for t in missing],
                              target_spans=[(t.start, t.end) for t in extra])
            continue
        parts = []
        if missing:
            parts.append(f"missing in the target: {_show(missing)}")
        if extra:
            parts.append(f"not in the source: {_show(extra)}")
        mention = _mention_only(view.source_text, missing, extra)
        yield ctx.finding(check, view, f"Text that must stay unchanged differs: "
                          f"{'; '.join(parts)} "
                          + ("(code mentioned in prose, dropped or added with its sentence's "
                             "wording)" if mention else "(expected exactly as in the source)"),
                          severity=Severity.WARNING if mention else None,
                          source_spans=[(t.start, t.end) for t in missing],
                          target_spans=[(t.start, t.end) for t in extra])


_INSIDES = {DOUBLE_BRACE: re.compile(r"\{\{\s*(.+?)\s*\}\}"),
            DOLLAR_BRACE: re.compile(r"\$\{\s*([^{}]+?)\s*\}"),
            SINGLE_BRACE: re.compile(r"(?<![{$])\{\s*([^{}]+?)\s*\}(?!\})")}


def placeholder_names(text: str, translatable: tuple[str, ...]) -> frozenset[str]:
    """The insides of every placeholder of a ``translatable`` syntax in ``text``."""
    return frozenset(m.group(1) for syntax in translatable if syntax in _INSIDES
                     for m in _INSIDES[syntax].finditer(text))


def _pair_named_spans(missing: list[Token], extra: list[Token],
                      names: frozenset[str]) -> tuple[list[Token], list[Token]]:
    """Pair each missing code span that names a translatable placeholder with an added code span
    of the target, in order: that is the name, translated."""
    spare = [t for t in extra if t.kind == CODE]
    kept = []
    for t in missing:
        if t.kind == CODE and t.key.strip() in names and spare:
            taken = spare.pop(0)
            extra = [e for e in extra if e is not taken]
        else:
            kept.append(t)
    return kept, extra


def _mention_only(source: str, missing: list[Token], extra: list[Token]) -> bool:
    """Whether the difference is code mentioned in a sentence, only dropped or only added: a
    translation words a sentence its own way ('(run `jobs` to find the job number)' left out,
    'the `open` command'), unlike a command line or a placeholder, which must recur."""
    if (missing and extra) or any(t.kind != CODE for t in missing + extra):
        return False
    return has_content(mask_tokens(source))


def _formatting_only(source: str, target: str, missing: list[Token], extra: list[Token]) -> bool:
    """Whether every difference is code formatting: each missing code span is plain text in the
    target ('`gzip`' -> 'gzip'), each added one plain text in the source ('Aircrack-ng' ->
    '`aircrack-ng`')."""
    plain_target, plain_source = _plain_text(target), _plain_text(source)
    return all(t.kind == CODE and _as_plain_text(t, plain_target) for t in missing) \
        and all(t.kind == CODE and _as_plain_text(t, plain_source) for t in extra)


def _plain_text(text: str) -> str:
    return " ".join(mask_tokens(text).split()).casefold()


def _as_plain_text(token: Token, plain: str) -> bool:
    code = " ".join(token.key.split()).casefold()
    return bool(code) and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", plain) is not None
