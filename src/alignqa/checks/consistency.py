"""``consistency``: one source sentence translated differently across the corpus, or one translation
used for different source sentences (per target language).

Sentences are compared in ``text.comparable`` form, so case, width, spacing and punctuation do not
make two renderings differ. Only 1-1 beads count: in an m-n bead no sentence stands alone. The most
frequent rendering (the earliest on a tie) is taken as the reference; each other rendering is
reported once, at its first occurrence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..findings import Finding, Severity
from ..text.words import comparable, excerpt, word_count
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

Occurrence = tuple[PairContext, BeadView]


def _where(occ: Occurrence) -> str:
    ctx, view = occ
    return f"{ctx.target.name}:{view.target[0].line}"


def _variants(groups: dict[str, dict[str, list[Occurrence]]], min_words: int):
    """For each key with several distinct values: (reference value, its occurrences, others)."""
    for key, by_value in groups.items():
        if len(by_value) < 2 or word_count(key) < min_words:
            continue
        ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), _order(kv[1][0])))
        yield ranked[0], ranked[1:]


def _order(occ: Occurrence) -> tuple[str, int]:
    return occ[0].target.name, occ[1].index


@dataclass(frozen=True)
class ConsistencyOptions(CheckOptions):
    min_words: int = option(2, "fewest words a sentence needs to be compared", minimum=1)
    check_targets: bool = option(True, "also report one translation used for different sources")


@register("consistency", "warning",
          "A source sentence is translated differently, or a translation reused, in the corpus.",
          scope="corpus", options=ConsistencyOptions)
def consistency(check: Check, pairs: Sequence[PairContext]) -> Iterator[Finding]:
    if not pairs:
        return
    min_words = pairs[0].options.min_words
    by_source: dict[tuple, dict[str, dict[str, list[Occurrence]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    by_target: dict[tuple, dict[str, dict[str, list[Occurrence]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for ctx in pairs:
        langs = (ctx.source.lang, ctx.target.lang)  # locales: pt-BR apart from pt-PT
        for view in ctx.beads():
            if len(view.source) != 1 or len(view.target) != 1:
                continue
            src, tgt = comparable(view.source_text), comparable(view.target_text)
            if src and tgt:
                by_source[langs][src][tgt].append((ctx, view))
                by_target[langs][tgt][src].append((ctx, view))
    for groups in by_source.values():
        for (_, ref), others in _variants(groups, min_words):
            for _, occs in others:
                ctx, view = occs[0]
                yield ctx.finding(
                    check, view,
                    f"Same source translated differently: here '{excerpt(view.target_text)}', "
                    f"but '{excerpt(ref[0][1].target_text)}' in {len(ref)} other place(s) "
                    f"(first at {_where(ref[0])}); use one translation")
    if not pairs[0].options.check_targets:
        return
    for groups in by_target.values():
        for (_, ref), others in _variants(groups, min_words):
            for _, occs in others:
                ctx, view = occs[0]
                yield ctx.finding(
                    check, view,
                    f"Same translation for different sources: '{excerpt(view.target_text)}' "
                    f"also translates '{excerpt(ref[0][1].source_text)}' (at {_where(ref[0])}); "
                    "one of them may be mistranslated", severity=Severity.INFO)
