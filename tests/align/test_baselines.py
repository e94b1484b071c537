"""The benchmark's reference aligners behave as their descriptions say."""

from __future__ import annotations

import numpy as np

from alignqa.align.baselines.bertalign import bertalign_align
from alignqa.align.baselines.cosine_dp import cosine_dp_align
from alignqa.align.baselines.gale_church import gale_church_align
from alignqa.align.baselines.links import beads_from_links
from alignqa.alignment import Bead

from .fakes import BagOfWordsEmbedder, assert_complete, sentences


def test_links_group_into_beads_and_unlinked_segments_become_skips():
    beads = beads_from_links([(0, 0), (1, 1), (2, 1), (4, 3), (4, 4)], 6, 5)
    assert beads == [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ()), Bead((), (2,)),
                     Bead((4,), (3, 4)), Bead((5,), ())]


def test_gale_church_merges_by_length():
    source = ["x" * 40, "x" * 100, "x" * 20, "x" * 60]
    target = ["y" * 42, "y" * 125, "y" * 63]
    beads = gale_church_align(source, target)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_cosine_dp_pairs_one_to_one_only():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 8))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    beads = cosine_dp_align(x, x[[0, 1, 3, 4]])
    assert_complete(beads, 5, 4)
    assert all(len(b.src) <= 1 and len(b.tgt) <= 1 for b in beads)
    assert [(b.src, b.tgt) for b in beads if b.src and b.tgt] == [
        ((0,), (0,)), ((1,), (1,)), ((3,), (2,)), ((4,), (3,))]


def test_bertalign_finds_merges_with_window_embeddings():
    s = sentences(10, seed=40)
    target = [s[0], s[1], s[2] + " " + s[3], *s[4:8], s[8] + " " + s[9]]
    embedder = BagOfWordsEmbedder()
    beads = bertalign_align(s, target, embedder.encode)
    assert [(b.src, b.tgt) for b in beads] == [
        ((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,)), ((6,), (5,)),
        ((7,), (6,)), ((8, 9), (7,))]
    # Every window of 1..4 sentences on both sides is encoded, as in the paper.
    assert sum(len(r) for r in embedder.requests) == sum(
        max(0, n - w + 1) for n in (10, 8) for w in range(1, 5))


def test_bertalign_with_an_empty_side():
    assert bertalign_align([], ["a"], BagOfWordsEmbedder().encode) == [Bead((), (0,))]
