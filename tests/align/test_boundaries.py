"""Close calls between neighbouring beads, settled with real concatenations (boundaries.py)."""

from __future__ import annotations

import numpy as np

from alignqa.align import align
from alignqa.align.band import full_band
from alignqa.align.boundaries import close_calls
from alignqa.align.scores import BandValues

from .fakes import BagOfWordsEmbedder, assert_complete, sentences


class ReadingEmbedder(BagOfWordsEmbedder):
    """The bag-of-words embedder, except that some texts are read as others: a real model reads
    the clauses of one sentence, joined, as that sentence, which no sum of the clauses' own
    vectors need show."""

    def __init__(self, readings: dict[str, str]):
        super().__init__()
        self.readings = readings

    def encode(self, texts):
        texts = list(texts)
        out = super().encode([self.readings.get(t, t) for t in texts])
        self.requests[-1] = texts  # what was asked for, not how it was read
        return out


def _clause_case():
    """Sentence 2 rendered as two clauses, the second of which shares as many words with
    sentence 3 as with its own sentence: the words alone cannot place it."""
    s = sentences(6, seed=41)
    own, next_ = s[2].split(), s[3].split()
    head = " ".join(own[:6])
    tail = " ".join(own[6:] + next_[:2])
    target = [s[0], s[1], head, tail, " ".join(next_[2:]), s[4], s[5]]
    return s, target, head, tail


def test_a_close_call_is_settled_by_the_real_concatenation():
    s, target, head, tail = _clause_case()
    embedder = ReadingEmbedder({f"{head} {tail}": s[2]})
    off = align(s, target, embedder, refine_boundaries=0)
    assert ((3,), (3, 4)) in [(b.src, b.tgt) for b in off.beads]  # the words decide first
    embedder = ReadingEmbedder({f"{head} {tail}": s[2]})
    result = align(s, target, embedder)
    assert_complete(result.beads, len(s), len(target))
    assert [(b.src, b.tgt) for b in result.beads][2:4] == [((2,), (2, 3)), ((3,), (4,))]
    # Only the two readings' windows were encoded: the clause with its own sentence's first
    # clause, and with the next sentence's rest.
    singles, windows = embedder.requests
    assert singles == s + target
    assert sorted(windows) == sorted([f"{head} {tail}", f"{tail} {target[4]}"])
    assert result.stats["windows_encoded"] == 2


def test_without_close_calls_nothing_more_is_encoded():
    s = sentences(8, seed=12)
    target = [s[0], s[1] + " " + s[2], *s[3:]]
    embedder = BagOfWordsEmbedder()
    result = align(s, target, embedder)
    assert embedder.requests == [s + target]
    assert result.stats["windows_encoded"] == 0


def _values(cells: dict[tuple[int, int, int], float], n: int, m: int) -> BandValues:
    """Band values of a full n x m grid: -inf but for the given (row, column, shape) cells."""
    band = full_band(n, m)
    shapes = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)]
    values = np.full((band.cells, len(shapes)), -np.inf, dtype=np.float32)
    for (i, j, t), v in cells.items():
        values[band.offsets[i] + j, t] = v
    return BandValues(band=band, shapes=shapes, values=values, skip=-0.5)


def test_close_calls_are_the_boundary_moves_and_merges_within_the_margin():
    # Path (0,0) -> (1,1) -> (2,3): a 1-1 then a 1-2. Moving the target boundary one segment
    # right gives a 1-2 then a 1-1, worth 0.03 less; merging them (a 2-3) is not a shape here.
    cells = {(1, 1, 2): 0.30, (2, 3, 3): 0.20, (1, 2, 3): 0.27, (2, 3, 2): 0.20}
    spans = [(0, 1, 0, 1), (1, 2, 1, 3)]
    values = _values(cells, 2, 3)
    found = set(close_calls(values, spans, 0.05))
    assert found == {(0, 1, 0, 1), (1, 2, 1, 3), (0, 1, 0, 2), (1, 2, 2, 3)}
    assert close_calls(values, spans, 0.02) == []


def test_a_skip_beside_a_bead_is_a_close_call_when_the_merge_nearly_wins():
    # A 1-1 then a 1-0 (worth -0.5); as one 2-1 bead they would be worth 0.01 less.
    cells = {(1, 1, 2): 0.40, (2, 1, 0): -0.5, (2, 1, 4): -0.11}
    spans = [(0, 1, 0, 1), (1, 2, 1, 1)]
    found = set(close_calls(_values(cells, 2, 1), spans, 0.05))
    assert (0, 2, 0, 1) in found
    assert close_calls(_values({**cells, (2, 1, 4): -0.2}, 2, 1), spans, 0.05) == []
