"""Word grouping, coverage and spans on hand-made token vectors, and content-word weights."""

from __future__ import annotations

import numpy as np

from alignqa.detect.token_alignment import (
    TokenVectors,
    WordWeights,
    _csls,
    coverage,
    group_words,
)

DIM = 8


def tokens(text: str, pieces: list[str], vectors: list[np.ndarray]) -> TokenVectors:
    """TokenVectors for ``pieces`` found left to right in ``text``."""
    offsets, pos = [], 0
    for piece in pieces:
        start = text.index(piece, pos)
        offsets.append((start, start + len(piece)))
        pos = start + len(piece)
    return TokenVectors(text, offsets, np.array(vectors, dtype=np.float32))


def axis(i: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[i] = 1.0
    return v


def every_word_counts(word: str) -> float:
    return 1.0


def test_touching_pieces_form_one_word_and_punctuation_is_skipped() -> None:
    tv = tokens("Taustiņu izņemšana.", ["Tau", "st", "iņu", "iz", "ņem", "šana", "."],
                [axis(0)] * 7)
    words = [(s, e) for s, e, _ in group_words(tv)]
    assert [tv.text[s:e] for s, e in words] == ["Taustiņu", "izņemšana"]


def test_cjk_tokens_are_words_of_their_own() -> None:
    tv = tokens("药不安全", ["药", "不", "安全"], [axis(0)] * 3)
    assert [tv.text[s:e] for s, e, _ in group_words(tv)] == ["药", "不", "安全"]


def test_word_without_counterpart_is_a_gap() -> None:
    src = tokens("red house garden", ["red", "house", "garden"], [axis(0), axis(1), axis(2)])
    # The target renders "red house" but has an unrelated word where "garden" should be.
    tgt = tokens("sarkana māja suns", ["sarkana", "māja", "suns"], [axis(0), axis(1), axis(5)])
    cov = coverage(src, tgt, every_word_counts)
    assert [src.text[a:b] for a, b in cov.src_gaps] == ["garden"]
    assert [tgt.text[a:b] for a, b in cov.tgt_gaps] == ["suns"]
    assert cov.src_coverage < 1.0 and cov.tgt_coverage < 1.0
    assert cov.best_match("src", (0, 3)) == 1.0


def test_full_counterpart_has_full_coverage() -> None:
    src = tokens("red house", ["red", "house"], [axis(0), axis(1)])
    tgt = tokens("sarkana māja", ["sarkana", "māja"], [axis(0), axis(1)])
    cov = coverage(src, tgt, every_word_counts)
    assert cov.src_coverage == cov.tgt_coverage == 1.0
    assert cov.src_gaps == cov.tgt_gaps == []


def test_same_string_counts_as_counterpart_whatever_the_vectors() -> None:
    src = tokens("Riga harbour", ["Riga", "harbour"], [axis(0), axis(1)])
    tgt = tokens("Riga osta", ["Riga", "osta"], [axis(3), axis(1)])
    cov = coverage(src, tgt, every_word_counts)
    assert cov.src_gaps == [] and cov.tgt_gaps == []


def test_empty_side_leaves_the_other_uncovered() -> None:
    src = tokens("house", ["house"], [axis(0)])
    tgt = TokenVectors("...", [], np.zeros((0, DIM), np.float32))
    cov = coverage(src, tgt, every_word_counts)
    assert cov.src_coverage == 0.0 and cov.src_gaps == [(0, 5)]


def test_csls_takes_hubs_down() -> None:
    # Source word 0 is close to everything (a hub); word 1 to one target word only.
    sim = np.array([[0.9, 0.9, 0.9], [0.9, 0.1, 0.1]])
    adj = _csls(sim, k=2)
    assert adj[1, 0] > adj[0, 0]


def test_word_weights_follow_unigram_information() -> None:
    scores = {"▁the": -7.3, "▁client": -12.1, "▁pen": -11.0, "ting": -10.5}
    pieces = {"the": ["▁the"], "client": ["▁client"], "penting": ["▁pen", "ting"]}
    weigh = WordWeights(scores, lambda w: pieces[w])
    assert weigh("the") == 0.0
    assert weigh("client") == 1.0
    assert weigh("penting") == 1.0  # two rare pieces carry more than one frequent word
    assert weigh("2024") == 0.0  # numbers are the number rule's business


def test_word_weights_without_unigram_vocabulary_use_length() -> None:
    weigh = WordWeights(None, lambda w: [w])
    assert weigh("a") < weigh("organisation")
