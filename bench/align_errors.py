"""Error analysis for bench/align.py: which gold bead shapes a method finds, and what it predicts
where it misses one (``--errors``).

For every gold bead with both sides that the prediction does not contain, the predicted beads
covering any of its segments are listed by shape, in order: ``2-1 -> 1-1 + 1-0`` is a 2-1 the
method split into a 1-1 and a left-out segment. Only documents with meaningful gold (in sync)
count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def shape(bead: Pair) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def tally(documents: Iterable[tuple[Sequence[Pair], Sequence[Pair]]]
          ) -> tuple[Counter, Counter, Counter, Counter, Counter]:
    """(gold per shape, gold found per shape, predicted per shape, predicted right per shape,
    missed gold shape -> covering predicted shapes) over (gold, predicted) documents."""
    gold_all: Counter = Counter()
    gold_found: Counter = Counter()
    pred_all: Counter = Counter()
    pred_right: Counter = Counter()
    confusions: Counter = Counter()
    for gold, predicted in documents:
        gold_set, pred_set = set(gold), set(predicted)
        owner: dict[tuple[int, int], int] = {}
        for k, (src, tgt) in enumerate(predicted):
            owner.update({(0, i): k for i in src})
            owner.update({(1, j): k for j in tgt})
        for g in gold:
            gold_all[shape(g)] += 1
            if g in pred_set:
                gold_found[shape(g)] += 1
            elif g[0] and g[1]:
                covering = sorted({owner[(0, i)] for i in g[0] if (0, i) in owner}
                                  | {owner[(1, j)] for j in g[1] if (1, j) in owner})
                confusions[(shape(g), " + ".join(shape(predicted[k]) for k in covering))] += 1
        for p in predicted:
            pred_all[shape(p)] += 1
            pred_right[shape(p)] += p in gold_set
    return gold_all, gold_found, pred_all, pred_right, confusions


def print_errors(method: str, set_name: str,
                 documents: Iterable[tuple[Sequence[Pair], Sequence[Pair]]], top: int = 10) -> None:
    gold_all, gold_found, pred_all, pred_right, confusions = tally(documents)
    print(f"\n#### Errors of {method} on {set_name}\n")
    print("| shape | gold found / gold | predicted right / predicted |")
    print("|---|---|---|")
    for s in sorted(set(gold_all) | set(pred_all), key=lambda s: -(gold_all[s] + pred_all[s])):
        print(f"| {s} | {gold_found[s]} / {gold_all[s]} | {pred_right[s]} / {pred_all[s]} |")
    print("\n| missed gold bead -> predicted beads covering it | count |\n|---|---|")
    for (g, p), count in confusions.most_common(top):
        print(f"| {g} -> {p} | {count} |")
