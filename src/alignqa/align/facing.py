"""Facing gaps: the same number of unpaired segments on both sides between the same two paired
neighbours, read as each other's translations.

The search leaves a segment unpaired when its pair scores below the skip value, which a free but
correct rendering can ("Encode a file:" -> "Kodiere den Inhalt einer Datei als Base64 und
schreibe das Ergebnis in die Standardausgabe:"). Reported as they stand, such a pair becomes a
false omission and a false addition at one spot. When the two gaps face each other one for one,
each pair has the same structural kind (a list item with a list item, a code line with a code
line), and no pair's protected text (code spans, URLs) contradicts the other side, the gaps are
paired in order. A pair that is truly wrong then reaches the ``mistranslation`` check as one
finding instead of two.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.markup import CODE, DOUBLE_BRACE, URL, compare_key, find_tokens
from .structure import Structure

Span = tuple[int, int, int, int]  # s0, s1, t0, t1
# tldr's {{...}} is translated inside code; other braces must match (placeholders check).
_TRANSLATABLE = (DOUBLE_BRACE,)


def pair_facing_gaps(spans: Sequence[Span], source: Sequence[str], target: Sequence[str],
                     structure: tuple[Structure, Structure] | None) -> list[Span]:
    """``spans`` with every run of facing gaps that pass the tests above made 1-1."""
    out: list[Span] = []
    run: list[Span] = []
    for span in [*spans, None]:
        if span is not None and (span[0] == span[1] or span[2] == span[3]):
            run.append(span)
            continue
        out += _paired(run, source, target, structure) or run
        run = []
        if span is not None:
            out.append(span)
    return out


def _paired(run: list[Span], source: Sequence[str], target: Sequence[str],
            structure: tuple[Structure, Structure] | None) -> list[Span] | None:
    src = [k for s0, s1, _, _ in run for k in range(s0, s1)]
    tgt = [k for _, _, t0, t1 in run for k in range(t0, t1)]
    if not src or len(src) != len(tgt):
        return None
    for i, j in zip(src, tgt, strict=True):
        if structure is not None and structure[0].kinds[i] != structure[1].kinds[j]:
            return None
        mine, theirs = _protected(source[i]), _protected(target[j])
        if mine and theirs and mine != theirs:
            return None
    return [(i, i + 1, j, j + 1) for i, j in zip(src, tgt, strict=True)]


def _protected(text: str) -> list[str]:
    return sorted(compare_key(t, _TRANSLATABLE) for t in find_tokens(text)
                  if t.kind in (CODE, URL))
