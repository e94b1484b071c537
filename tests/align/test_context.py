"""The second look at left-out segments (align/context.py): evidence beside them, then re-search."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from alignqa.align import AlignOptions, align
from alignqa.align.band import full_band
from alignqa.align.context import context_evidence, search_with_context
from alignqa.align.scores import band_values, compute_margins, unrelated_level
from alignqa.align.side import Side

from .fakes import BagOfWordsEmbedder, assert_complete, sentences


def _sides(n: int, m: int, seed: int = 0) -> tuple[Side, Side]:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 16))
    y = rng.standard_normal((m, 16))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    y = (y / np.linalg.norm(y, axis=1, keepdims=True)).astype(np.float32)
    cx, cy = x.astype(np.float64).mean(0), y.astype(np.float64).mean(0)
    return (Side(x, rng.integers(5, 60, n).astype(float), cx, cy, 3),
            Side(y, rng.integers(5, 60, m).astype(float), cy, cx, 3))


def test_evidence_is_the_cosine_with_the_nearest_linked_beads_other_side():
    src, tgt = _sides(5, 6)
    # Target 2 and 3 left out in a run, between the beads [0, 2):[0, 2) and [2, 3):[4, 5).
    spans = [(0, 2, 0, 2), (2, 2, 2, 3), (2, 2, 3, 4), (2, 3, 4, 5), (3, 5, 5, 6)]
    found = context_evidence(src, tgt, spans)
    assert found[0] == {}
    for seg in (2, 3):
        own = tgt.centred(tgt.window_vector(seg, 1))
        before = own @ src.centred(src.window_vector(0, 2))
        after = own @ src.centred(src.window_vector(2, 1))
        assert found[1][seg] == pytest.approx(max(before, after))


def test_only_left_out_segments_with_evidence_get_a_dearer_skip():
    src, tgt = _sides(6, 7, seed=1)
    options = AlignOptions(skip=-0.1, skip_context=0.5, max_bead_side=3)
    band = full_band(6, 7)
    compute_margins(src, tgt, band, options.margin_k)
    values = band_values(src, tgt, band, options)
    spans = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2), (3, 3, 2, 3), (3, 6, 3, 7)]
    before = values.values.copy()
    src.unrelated_level = tgt.unrelated_level = -1.0  # every cosine counts as evidence here
    evidence = context_evidence(src, tgt, spans)
    path = search_with_context(src, tgt, values, spans, options)
    column = values.shapes.index((1, 0))
    offsets = band.offsets
    changed = np.flatnonzero((values.values != before).any(axis=1))
    rows = np.searchsorted(offsets, changed, side="right") - 1
    assert set(rows.tolist()) == {2}  # row 2: the 1-0 beads that leave source segment 1 out
    lowered = before[offsets[2]:offsets[3], column] - values.values[offsets[2]:offsets[3], column]
    np.testing.assert_allclose(lowered, 0.5 * (evidence[0][1] + 1.0), rtol=1e-5)
    assert values.target_skips is not None
    expected = np.full(7, -0.1)
    expected[2] -= 0.5 * (evidence[1][2] + 1.0)
    np.testing.assert_allclose(values.target_skips, expected)
    # The re-search is a whole monotone path over the same grid.
    assert path[0][0] == path[0][2] == 0 and (path[-1][1], path[-1][3]) == (6, 7)
    assert all(a[1] == b[0] and a[3] == b[2] for a, b in itertools.pairwise(path))


def test_without_evidence_the_first_path_stands():
    src, tgt = _sides(6, 7, seed=2)
    options = AlignOptions(max_bead_side=3)
    band = full_band(6, 7)
    compute_margins(src, tgt, band, options.margin_k)
    values = band_values(src, tgt, band, options)
    spans = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 4, 1, 4), (4, 6, 4, 7)]
    src.unrelated_level = tgt.unrelated_level = 2.0  # no cosine reaches it
    before = values.values.copy()
    assert search_with_context(src, tgt, values, spans, options) is spans
    assert np.array_equal(values.values, before)


def test_unrelated_level_sits_about_one_spread_above_random_pairs():
    src, tgt = _sides(300, 300, seed=3)
    level = unrelated_level(src, tgt)
    # Independent random 16-d directions: cosines spread about 1 / sqrt(16) around 0.
    assert 0.15 < level < 0.35
    assert unrelated_level(src, tgt) == level  # seeded: the same input gives the same value


def test_a_fragment_the_first_path_leaves_out_joins_the_sentence_it_was_split_from():
    """One source sentence rendered as a long and a short target sentence: with skips cheap the
    first path leaves the short one out; its words are in the source beside it, so the second
    look pairs it (1-2). A target sentence whose words are nowhere in the source stays out."""
    source = sentences(12, seed=7, words=12)
    long_part = " ".join(source[5].split()[:11])
    short_part = source[5].split()[11]
    inserted = sentences(1, seed=99, words=12)[0]
    target = [*source[:5], long_part, short_part, *source[6:9], inserted, *source[9:]]
    embedder = BagOfWordsEmbedder()
    cheap = {"skip": 0.0, "merge_penalty": 0.08, "absorb_skips": 0}  # the second look alone
    plain = align(source, target, embedder, skip_context=0.0, **cheap)
    looked = align(source, target, embedder, skip_context=1.0, **cheap)
    assert ((5,), (5,)) in [(b.src, b.tgt) for b in plain.beads]
    assert ((), (6,)) in [(b.src, b.tgt) for b in plain.beads]
    pairs = [(b.src, b.tgt) for b in looked.beads]
    assert ((5,), (5, 6)) in pairs
    assert ((), (10,)) in pairs
    assert_complete(looked.beads, len(source), len(target))


def test_unrelated_level_of_a_small_grid_uses_every_pair():
    src, tgt = _sides(7, 9, seed=4)
    cos = np.array([src.centred(src.window_vector(i, 1)) @ tgt.centred(tgt.window_vector(j, 1))
                    for i in range(7) for j in range(9)])
    median = np.median(cos)
    want = median + 1.4826 * np.median(np.abs(cos - median))
    assert unrelated_level(src, tgt) == pytest.approx(want, abs=1e-5)
