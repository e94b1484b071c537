"""Alignment precision, recall and F1 against a gold alignment (Sennrich & Volk 2011).

Beads are compared as (source ids, target ids). 0-x and x-0 beads are dropped from both sides
first. A predicted bead is a *strict* hit when it equals a gold bead, a *lax* hit when its target
ids overlap the gold targets of any of its source ids; recall swaps the roles of prediction and
gold. Counts add up over documents (``a + b``) before the ratios are taken, as the published
Text+Berg figures are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..alignment import Bead

BeadLike = Bead | tuple[Sequence[int], Sequence[int]]


@dataclass(frozen=True)
class AlignmentScore:
    """Hit counts of one or more documents; the ratios are properties."""

    predicted: int = 0
    gold: int = 0
    strict_precision_hits: int = 0
    strict_recall_hits: int = 0
    lax_precision_hits: int = 0
    lax_recall_hits: int = 0

    def __add__(self, other: AlignmentScore) -> AlignmentScore:
        return AlignmentScore(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict_precision_hits, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict_recall_hits, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def lax_precision(self) -> float:
        return _ratio(self.lax_precision_hits, self.predicted)

    @property
    def lax_recall(self) -> float:
        return _ratio(self.lax_recall_hits, self.gold)

    @property
    def lax_f1(self) -> float:
        return _f1(self.lax_precision, self.lax_recall)


def score_alignment(predicted: Iterable[BeadLike], gold: Iterable[BeadLike]) -> AlignmentScore:
    """Count strict and lax hits of one document's predicted beads against its gold beads."""
    pred = _linked(predicted)
    ref = _linked(gold)
    ref_set = set(ref)
    pred_set = set(pred)
    strict = sum(b in ref_set for b in pred)
    return AlignmentScore(
        predicted=len(pred),
        gold=len(ref),
        strict_precision_hits=strict,
        strict_recall_hits=sum(b in pred_set for b in ref),
        lax_precision_hits=_lax_hits(pred, _targets_of(ref)),
        lax_recall_hits=_lax_hits(ref, _targets_of(pred)),
    )


def total_score(scores: Iterable[AlignmentScore]) -> AlignmentScore:
    out = AlignmentScore()
    for s in scores:
        out = out + s
    return out


def _linked(beads: Iterable[BeadLike]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for b in beads:
        src, tgt = (b.src, b.tgt) if isinstance(b, Bead) else b
        if src and tgt:
            out.append((tuple(src), tuple(tgt)))
    return out


def _targets_of(beads: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> dict[int, set[int]]:
    """Map each source id to the target ids it is linked to."""
    links: dict[int, set[int]] = {}
    for src, tgt in beads:
        for s in src:
            links.setdefault(s, set()).update(tgt)
    return links


def _lax_hits(beads: list[tuple[tuple[int, ...], tuple[int, ...]]],
              other: dict[int, set[int]]) -> int:
    return sum(any(other.get(s, set()).intersection(tgt) for s in src) for src, tgt in beads)


def _fields(s: AlignmentScore) -> tuple[int, ...]:
    return (s.predicted, s.gold, s.strict_precision_hits, s.strict_recall_hits,
            s.lax_precision_hits, s.lax_recall_hits)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
