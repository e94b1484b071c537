"""Inputs that break naive aligners, on the model-free embedder (fast, deterministic)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from alignqa.align import AlignOptions, SegmentTruncatedWarning, align
from alignqa.errors import ConfigError

from .fakes import BagOfWordsEmbedder, assert_complete, sentences


def pairs(beads):
    return [(b.src, b.tgt) for b in beads]


@pytest.mark.parametrize(("n", "m"), [(0, 3), (3, 0), (0, 0)])
def test_an_empty_side_gives_only_insertions_or_deletions(n, m):
    embedder = BagOfWordsEmbedder()
    result = align(sentences(n), sentences(m, seed=1), embedder)
    assert_complete(result.beads, n, m)
    assert all(not b.src or not b.tgt for b in result.beads)
    assert all(b.score is None for b in result.beads)
    assert result.encoder_calls == 0 and embedder.requests == []


def test_one_to_many_and_many_to_one_are_found():
    s = sentences(6, seed=2)
    target = [s[0], s[1] + " " + s[2], s[3]]
    # Source segment 4 is split in two on the target side.
    half = s[4].split()
    target += [" ".join(half[:4]), " ".join(half[4:]), s[5]]
    result = align(s, target, BagOfWordsEmbedder())
    assert pairs(result.beads) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), (3, 4)),
                                   ((5,), (5,))]


@pytest.mark.parametrize("flip", [False, True])
def test_very_unequal_sides(flip):
    """10 sentences whose translations are scattered among 1,000 unrelated ones."""
    few = sentences(10, seed=3)
    many = sentences(1000, seed=4)
    places = [37, 120, 121, 300, 450, 451, 700, 800, 950, 999]
    for k, p in enumerate(places):
        many[p] = few[k]
    source, target = (many, few) if flip else (few, many)
    result = align(source, target, BagOfWordsEmbedder())
    assert_complete(result.beads, len(source), len(target))
    linked = [(b.src, b.tgt) for b in result.beads if b.src and b.tgt]
    want = [((p,), (k,)) if flip else ((k,), (p,)) for k, p in enumerate(places)]
    assert linked == want


def test_very_unequal_sides_coarse_to_fine():
    """The same, on a grid too large to search in full: the banded pyramid must find it."""
    few = sentences(20, seed=5)
    many = sentences(2000, seed=6)
    places = sorted(np.random.default_rng(7).choice(2000, size=20, replace=False).tolist())
    for k, p in enumerate(places):
        many[p] = few[k]
    result = align(few, many, BagOfWordsEmbedder(), full_grid_cells=5_000)
    assert result.stats["levels"] > 1
    assert result.stats["band_cells"] < 20 * 2000
    linked = [(b.src, b.tgt) for b in result.beads if b.src and b.tgt]
    assert linked == [((k,), (p,)) for k, p in enumerate(places)]


def test_identical_texts_align_on_the_diagonal():
    s = sentences(40, seed=8)
    s[10] = s[20]  # a repeated sentence must not pull the path off the diagonal
    result = align(s, list(s), BagOfWordsEmbedder())
    assert pairs(result.beads) == [((i,), (i,)) for i in range(40)]
    assert all(b.score is not None and b.score > 0 for b in result.beads)


def test_identical_long_texts_coarse_to_fine():
    s = sentences(600, seed=9)
    result = align(s, list(s), BagOfWordsEmbedder(), full_grid_cells=10_000)
    assert result.stats["levels"] > 1
    assert pairs(result.beads) == [((i,), (i,)) for i in range(600)]


def test_a_segment_longer_than_the_model_reads_is_warned_about_not_fatal():
    s = sentences(5, seed=10)
    long_one = " ".join(sentences(30, seed=11))  # 240 words, the fake model reads 64 tokens
    source = [*s[:2], long_one, *s[2:]]
    target = [*s[:2], long_one, *s[2:]]
    embedder = BagOfWordsEmbedder(max_tokens=64)
    with pytest.warns(SegmentTruncatedWarning, match=r"source 2; target 2"):
        result = align(source, target, embedder)
    assert pairs(result.beads) == [((i,), (i,)) for i in range(6)]


def test_no_warning_for_segments_within_the_limit():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        align(sentences(3), sentences(3), BagOfWordsEmbedder())


def test_reordered_paragraphs_still_give_a_complete_alignment():
    paragraphs = [sentences(5, seed=20 + k) for k in range(6)]
    source = [x for p in paragraphs for x in p]
    order = [3, 0, 5, 1, 4, 2]
    target = [x for k in order for x in paragraphs[k]]
    result = align(source, target, BagOfWordsEmbedder())
    assert_complete(result.beads, 30, 30)
    # A monotone alignment can keep at most the longest increasing run of paragraphs (0, 1, 2
    # or 0, 1, 4 here): three paragraphs of five sentences, aligned 1-1.
    exact = [b for b in result.beads if len(b.src) == len(b.tgt) == 1 and
             source[b.src[0]] == target[b.tgt[0]]]
    assert len(exact) >= 15
    # The paragraphs out of order are left out, not forced into beads beside their old place
    # (the second look at skips asks for their translation *there*, and it is not).
    assert all(b in exact for b in result.beads if b.src and b.tgt)


def test_encoder_calls_count_singles_and_refined_windows():
    s = sentences(8, seed=12)
    target = [s[0], s[1] + " " + s[2], *s[3:]]
    plain = BagOfWordsEmbedder()
    assert align(s, target, plain).stats["windows_encoded"] == 0
    assert plain.requests == [s + target]  # by default, one encoding per segment and no more
    embedder = BagOfWordsEmbedder()
    result = align(s, target, embedder, refine_radius=1)
    singles, windows = embedder.requests
    assert singles == s + target
    assert len(windows) == result.stats["windows_encoded"]
    assert result.encoder_calls == len(set(singles)) + len(set(windows))
    # Only windows around the uncertain 2-1 bead are encoded, not every window of the texts.
    assert 0 < result.stats["windows_encoded"] < 3 * (len(s) + len(target))
    assert pairs(align(s, target, BagOfWordsEmbedder()).beads) == pairs(result.beads)


def test_options_are_validated():
    with pytest.raises(ConfigError, match="unknown aligner option"):
        align(["a"], ["b"], BagOfWordsEmbedder(), max_beads=3)
    with pytest.raises(ConfigError, match="must be an integer"):
        align(["a"], ["b"], BagOfWordsEmbedder(), max_bead_side=2.5)
    with pytest.raises(ConfigError, match="band_width"):
        AlignOptions(band_width=0)
    # The band always leaves room for the largest bead.
    assert AlignOptions(max_bead_side=12, max_bead_total=13, band_width=4).effective_band_width == 14


def test_large_beads_on_request():
    s = sentences(12, seed=30)
    target = [s[0], " ".join(s[1:7]), *s[7:]]
    result = align(s, target, BagOfWordsEmbedder(), max_bead_side=6, max_bead_total=7)
    assert pairs(result.beads)[1] == ((1, 2, 3, 4, 5, 6), (1,))
    default = align(s, target, BagOfWordsEmbedder())
    assert_complete(default.beads, 12, 7)
    assert all(len(b.src) <= 4 for b in default.beads)


def test_refine_skips_encodes_only_the_windows_that_would_absorb_a_skip():
    s = sentences(8, seed=13)
    target = [s[0], s[1] + " " + s[2], *s[3:]]
    embedder = BagOfWordsEmbedder()
    result = align(s, target, embedder, refine_skips=1)
    assert_complete(result.beads, len(s), len(target))
    # The 2-1 bead's own window, and no window of the texts at large.
    assert 0 < result.stats["windows_encoded"] <= 4
    assert pairs(result.beads) == pairs(align(s, target, BagOfWordsEmbedder()).beads)
