"""Left-out segments absorbed by the bead beside them (absorb.py)."""

from __future__ import annotations

import numpy as np

from alignqa.align import align
from alignqa.align.absorb import absorb_skips
from alignqa.align.aligner import _sides
from alignqa.align.options import AlignOptions
from alignqa.align.structure import Structure

from .fakes import BagOfWordsEmbedder, assert_complete, sentences

DIM = 8


def _unit(*parts: float) -> np.ndarray:
    v = np.zeros(DIM)
    v[:len(parts)] = parts
    return v / np.linalg.norm(v)


def _case(s1: np.ndarray, joined: np.ndarray, structure: Structure | None = None):
    """Source A, B1, B2 against target A', B': B1 was left out beside the bead B2 - B'. What
    the encoder makes of "B1 B2" is ``joined``."""
    source, target = ["A", "B1", "B2"], ["A2", "B"]
    x = np.stack([_unit(1), s1, _unit(0, 0, 1)]).astype(np.float32)
    y = np.stack([_unit(1), _unit(0, 1, 1)]).astype(np.float32)
    opts = AlignOptions()
    src, tgt = _sides(x, y, source, target, opts, (structure, None), None)
    src.unrelated_level = tgt.unrelated_level = 0.1
    asked: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        asked.append(list(texts))
        return np.stack([joined if t == "B1 B2" else _unit(*[0] * 7, 1) for t in texts])

    spans = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]
    return absorb_skips(src, tgt, source, target, spans, opts, encode), asked


def test_a_clause_the_other_side_renders_joins_its_bead():
    (spans, encoded), asked = _case(_unit(0, 1), joined=_unit(0, 1, 1))
    assert spans == [(0, 1, 0, 1), (1, 3, 1, 2)]
    # One call for the windows of both readings (with A before it, with B2 after it).
    assert asked == [["A B1", "B1 B2"]] and encoded == 2


def test_content_the_other_side_lacks_stays_out():
    # B1 is about something the target never says: nothing like B', and it dilutes "B1 B2".
    (spans, _), _ = _case(_unit(0, 0, 0, 1), joined=_unit(0, 0, 1, 1))
    assert spans == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 2)]


def test_a_segment_that_resembles_but_dilutes_stays_out():
    # B1 shares a little with B' but the joined text reads far less like it than B2 alone.
    (spans, _), _ = _case(_unit(0, 1, 0, 2), joined=_unit(0, 1, 1, 3))
    assert (1, 2, 1, 1) in spans


def test_a_unit_boundary_is_never_crossed():
    # B1 and B2 are two list items: B1 may belong to the other side's bead, but not to B2's.
    structure = Structure(np.array([0, 2, 2], dtype=np.int8), np.array([0.0, 1.0]))
    (spans, encoded), asked = _case(_unit(0, 1), joined=_unit(0, 1, 1), structure=structure)
    assert (1, 2, 1, 1) in spans and encoded == 0 and asked == []


def test_bead_shapes_bound_the_merge():
    options = AlignOptions(max_bead_side=1, max_bead_total=2)
    x = np.stack([_unit(1), _unit(0, 1)]).astype(np.float32)
    y = np.stack([_unit(0, 1)]).astype(np.float32)
    src, tgt = _sides(x, y, ["A", "B"], ["B"], options, None, None)
    spans = [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert absorb_skips(src, tgt, ["A", "B"], ["B"], spans, options,
                        lambda texts: np.zeros((len(texts), DIM))) == (spans, 0)


def test_on_real_alignments_the_option_changes_only_skips():
    s = sentences(10, seed=5)
    target = s[:4] + s[5:]  # sentence 4 omitted: content the target lacks stays a 1-0
    on = align(s, target, BagOfWordsEmbedder())
    off = align(s, target, BagOfWordsEmbedder(), absorb_skips=0)
    assert_complete(on.beads, len(s), len(target))
    assert ((4,), ()) in [(b.src, b.tgt) for b in on.beads]
    assert [(b.src, b.tgt) for b in on.beads] == [(b.src, b.tgt) for b in off.beads]


def test_a_fragment_left_out_joins_the_sentence_it_was_split_from():
    """One source sentence rendered as a long and a short target sentence; with skips cheap and
    the second look off, the search leaves the short one out, and absorbing puts it back."""
    source = sentences(12, seed=7, words=12)
    long_part = " ".join(source[5].split()[:11])
    short_part = source[5].split()[11]
    target = [*source[:5], long_part, short_part, *source[6:]]
    cheap = {"skip": 0.0, "merge_penalty": 0.08, "skip_context": 0.0}
    off = align(source, target, BagOfWordsEmbedder(), absorb_skips=0, **cheap)
    on = align(source, target, BagOfWordsEmbedder(), **cheap)
    assert ((), (6,)) in [(b.src, b.tgt) for b in off.beads]
    assert ((5,), (5, 6)) in [(b.src, b.tgt) for b in on.beads]
    assert_complete(on.beads, len(source), len(target))
