"""The Sennrich & Volk scorer: exact on gold, and a partial case worked out by hand."""

from __future__ import annotations

import pytest

from alignqa.align import score_alignment, total_score
from alignqa.alignment import Bead

GOLD = [((0,), (0, 1)), ((1,), (2,)), ((), (3,)), ((2, 3), (4,)), ((4,), (5,)), ((5,), ())]


def test_gold_against_gold_is_perfect():
    s = score_alignment(GOLD, GOLD)
    assert (s.strict_precision, s.strict_recall, s.strict_f1) == (1.0, 1.0, 1.0)
    assert (s.lax_precision, s.lax_recall, s.lax_f1) == (1.0, 1.0, 1.0)
    # 0-1 and 1-0 beads are not counted.
    assert s.predicted == s.gold == 4


def test_partial_case_by_hand():
    predicted = [Bead((0,), (0,)), Bead((), (1,)), Bead((1,), (2,)), Bead((), (3,)),
                 Bead((2,), (4,)), Bead((3,), ()), Bead((4, 5), (5,))]
    s = score_alignment(predicted, GOLD)
    # Linked predictions: [0]:[0], [1]:[2], [2]:[4], [4,5]:[5]  -> 4; gold linked: 4.
    assert (s.predicted, s.gold) == (4, 4)
    # Strict: only [1]:[2] is a gold bead.
    assert s.strict_precision_hits == s.strict_recall_hits == 1
    # Lax precision: [0]:[0] (gold 0->{0,1}), [1]:[2], [2]:[4] (gold 2->{4}), [4,5]:[5]
    # (gold 4->{5}): all 4 hit.
    assert s.lax_precision_hits == 4
    # Lax recall: [0]:[0,1] (pred 0->{0}), [1]:[2], [2,3]:[4] (pred 2->{4}), [4]:[5]: all 4.
    assert s.lax_recall_hits == 4
    assert s.strict_f1 == pytest.approx(0.25)
    assert s.lax_f1 == pytest.approx(1.0)


def test_lax_miss_when_targets_do_not_overlap():
    s = score_alignment([((0,), (1,)), ((1,), (0,))], [((0,), (0,)), ((1,), (1,))])
    assert s.lax_precision_hits == 0 and s.lax_recall_hits == 0


def test_counts_add_up_over_documents_before_the_ratios():
    a = score_alignment([((0,), (0,))], [((0,), (0,))])
    b = score_alignment([((0,), (0,)), ((1,), (1,)), ((2,), (2,))],
                        [((0, 1), (0, 1)), ((2,), (2,))])
    t = total_score([a, b])
    assert (t.predicted, t.gold, t.strict_precision_hits) == (4, 3, 2)
    assert t.strict_precision == pytest.approx(2 / 4)
    assert t.strict_recall == pytest.approx(2 / 3)


def test_empty_prediction_scores_zero_without_dividing_by_zero():
    s = score_alignment([], GOLD)
    assert s.strict_f1 == 0.0 and s.lax_f1 == 0.0
