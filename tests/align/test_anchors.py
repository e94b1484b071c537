"""Lexical anchors: number keys, spelled-out numbers, bags and their window algebra (anchors.py)."""

from __future__ import annotations

import numpy as np
import pytest

from alignqa.align import AlignOptions
from alignqa.align.anchors import anchor_bags, anchor_keys
from alignqa.align.band import band_around_path
from alignqa.align.scores import band_values, compute_margins, explicit_values
from alignqa.align.side import Side
from alignqa.text.spelled_numbers import cjk_values, word_values

from .fakes import BagOfWordsEmbedder


def test_numbers_are_keyed_by_their_digits_whatever_the_notation():
    keys = [anchor_keys(t) for t in ("1'200 m, 3,5 km", "1.200 m, 3.5 km", "1 200 m ; 3,5 km")]
    assert all({"#1200", "#35"} <= set(k) for k in keys)
    # A space groups only three digits after one to three: a year and a count stay apart.
    assert {"#1988", "#400"} <= set(anchor_keys("1988 400 Leute"))


def test_words_are_no_anchors():
    assert anchor_keys("Kingspitz Engelhörner le la de") == []


def test_cjk_numerals_are_read_by_their_own_rules():
    assert cjk_values("共有五万九千三百名") == [59300]
    assert cjk_values("从二十岁以外") == [20]
    assert cjk_values("第三天，二〇二四年，十二个") == [3, 2024, 12]
    # A lone 一 is an article or "all"; a unit without a digit is a word (百姓, 万物).
    assert cjk_values("一切百姓与万物") == []


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("were fifty and nine thousand and three hundred.", "en", [59300]),
    ("twenty-two, two, three or four; the third day", "en", [22, 2, 3, 4, 3]),
    ("one another", "en", []),
    ("cinquante-neuf mille trois cents ; vingt et un", "fr", [59300, 21]),
    ("fimmtíu og níu þúsund þrjú hundruð", "is", [59300]),
    ("piecdesmit deviņi tūkstoši trīs simti", "lv", [59300]),
    ("lima puluh sembilan ribu tiga ratus", "id", [59300]),
])
def test_number_words_are_read_to_values(text, lang, values):
    assert word_values(text, lang) == values


def test_spelled_numbers_meet_digits_and_numerals_as_one_key():
    assert "#59300" in anchor_keys("共有五万九千三百名", "zh")
    assert "#59300" in anchor_keys("fifty and nine thousand and three hundred", "en")
    assert "#59300" in anchor_keys("59,300", "en")


def test_bags_keep_only_keys_both_documents_share():
    bags = anchor_bags(["Kingspitz 600", "1938"], ["la Kingspitz, 600 m", "rien"], 2)
    assert bags is not None
    src, tgt = bags
    assert src.bags.shape[1] == tgt.bags.shape[1] == 1  # only "#600"
    assert src.norms[1][1] == 0 and tgt.norms[1][1] == 0
    assert anchor_bags(["1938"], ["1939"], 2) is None


def test_band_values_with_anchors_equal_explicit_windows():
    """The prefix-sum shortcut for anchor cosines gives what summing each window's bags does."""
    rng = np.random.default_rng(5)
    names = [str(100 + k) for k in range(6)]
    source = [" ".join(rng.choice(names, size=int(rng.integers(0, 3)))) for _ in range(11)]
    target = [" ".join(rng.choice(names, size=int(rng.integers(0, 3)))) for _ in range(13)]
    bags = anchor_bags(source, target, 3)
    assert bags is not None

    def unit(n):
        v = rng.standard_normal((n, 16)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    x, y = unit(11), unit(13)
    cx, cy = x.astype(np.float64).mean(0), y.astype(np.float64).mean(0)
    src = Side(x, rng.integers(1, 80, 11).astype(float), cx, cy, 3, anchors=bags[0])
    tgt = Side(y, rng.integers(1, 80, 13).astype(float), cy, cx, 3, anchors=bags[1])
    options = AlignOptions(max_bead_side=3, max_bead_total=5, band_width=3, anchor_weight=0.5)
    band = band_around_path([(0, 0), (5, 4), (11, 13)], 11, 13, 3)
    compute_margins(src, tgt, band, options.margin_k)
    values = band_values(src, tgt, band, options)
    without = band_values(src, tgt, band, AlignOptions(max_bead_side=3, max_bead_total=5,
                                                       band_width=3))
    rows, cols = band.cell_coordinates()
    moved = 0
    for t, (a, b) in enumerate(values.shapes):
        ok = (rows >= a) & (cols >= b)
        if a == 0 or b == 0:
            continue
        want = explicit_values(src, tgt, rows[ok], cols[ok], a, b, options)
        np.testing.assert_allclose(values.values[ok, t], want, rtol=1e-4, atol=1e-5)
        moved += int((values.values[ok, t] != without.values[ok, t]).sum())
    assert moved > 0  # the anchors did change some values


def test_anchors_reward_shared_keys_penalise_disjoint_ones_and_ignore_their_absence():
    # Words under four letters are no anchors.
    source = ["ab cd 1'200 17", "ef gh", "1.200 3.400"]
    target = ["ab cd 1.200 17", "ef gh 3.400", "ij kl"]
    values = {}
    for weight in (0.0, 0.5):
        options = AlignOptions(anchor_weight=weight, refine_boundaries=0)
        bags = anchor_bags(source, target, options.max_bead_side)
        assert bags is not None
        embedder = BagOfWordsEmbedder()
        x, y = embedder.encode(source), embedder.encode(target)
        cx, cy = x.astype(np.float64).mean(0), y.astype(np.float64).mean(0)
        lengths = np.array([len(t) for t in source], dtype=float)
        src = Side(x, lengths, cx, cy, 4, anchors=bags[0])
        tgt = Side(y, np.array([len(t) for t in target], dtype=float), cy, cx, 4,
                   anchors=bags[1])
        band = band_around_path([(0, 0), (3, 3)], 3, 3, 3)
        compute_margins(src, tgt, band, options.margin_k)
        out = band_values(src, tgt, band, options)
        one = out.shapes.index((1, 1))
        values[weight] = {(i, j): float(out.values[band.offsets[i + 1] + j + 1, one])
                          for i in range(3) for j in range(3)}
    gain = {cell: values[0.5][cell] - values[0.0][cell] for cell in values[0.0]}
    assert gain[(0, 0)] == pytest.approx(0.5 * (1 - 0.2), abs=1e-5)  # all keys shared
    assert gain[(0, 1)] == pytest.approx(-0.5 * 0.2, abs=1e-5)  # both anchored, none shared
    assert gain[(1, 1)] == 0 and gain[(0, 2)] == 0  # a side without anchors: no evidence
    assert 0 < gain[(2, 1)] < gain[(0, 0)]  # 3.400 shared, 1.200 not
