"""Pair signals over a document, on hand-made token vectors with known geometry."""

from __future__ import annotations

import numpy as np
import pytest

from alignqa.detect.features import (
    FEATURES,
    Params,
    _robust_z,
    document_signals,
    pooled,
    word_count,
)
from alignqa.detect.token_alignment import TokenVectors

DIM = 16
RNG = np.random.default_rng(7)
TOPICS = RNG.normal(size=(8, DIM)).astype(np.float32)


def params(**kw) -> Params:
    base = dict(token_center=np.zeros(DIM, np.float32), length_knots=[0.0, 3.0],
                length_values=[0.5, 0.9], doc_prior_sd=0.05, doc_prior_weight=6.0,
                neighbour_prior=0.5, rival_prior=0.05,
                risk_direction=np.zeros(DIM, np.float32), risk_bias=0.0)
    base.update(kw)
    return Params(**base)


def sentence(text: str, topic: int, noise: float = 0.05) -> TokenVectors:
    """Every word of ``text`` a token whose vector is ``topic``'s direction plus a little noise."""
    words, offsets, pos = text.split(), [], 0
    for w in words:
        start = text.index(w, pos)
        offsets.append((start, start + len(w)))
        pos = start + len(w)
    vecs = TOPICS[topic] + noise * RNG.normal(size=(len(words), DIM))
    return TokenVectors(text, offsets, vecs.astype(np.float32))


def one(_: str) -> float:
    return 1.0


def doc(swap: bool = False):
    src = [sentence(f"source sentence number {w} about topic", i) for i, w in
           enumerate(["one", "two", "three", "four", "five"])]
    tgt = [sentence(f"target sentence number {w} about topic", i) for i, w in
           enumerate(["uno", "dos", "tres", "cuatro", "cinco"])]
    if swap:
        tgt[2] = sentence("target sentence from another place entirely", 6)
    return src, tgt


def test_vector_follows_feature_order() -> None:
    src, tgt = doc()
    sigs = document_signals(src, tgt, "en", "es", params(), one)
    assert len(sigs) == 5
    assert list(sigs[0].values) == list(FEATURES)
    assert sigs[0].vector().shape == (len(FEATURES),)


def test_wrong_target_stands_out_against_its_document() -> None:
    src, tgt = doc(swap=True)
    sigs = document_signals(src, tgt, "en", "es", params(), one)
    bad, good = sigs[2].values, [s.values for i, s in enumerate(sigs) if i != 2]
    assert bad["cos_doc_z"] < -3 < min(g["cos_doc_z"] for g in good)
    assert bad["margin"] < min(g["margin"] for g in good)
    assert bad["rival_gap"] < 0 < min(g["rival_gap"] for g in good)
    assert sigs[2].rival is not None and sigs[0].rival is None
    assert sigs[2].extra["rank"] == 1


def test_single_pair_uses_the_priors() -> None:
    src, tgt = doc()
    sig = document_signals(src[:1], tgt[:1], "en", "es", params(), one)[0]
    assert sig.values["rival_gap"] == 0.05
    assert sig.rival is None
    # Judged by the length curve alone: z = (cos - expected) / prior sd.
    assert sig.values["cos_doc_z"] == pytest.approx(sig.values["cos_vs_length"] / 0.05)


def test_rules_feed_their_signals() -> None:
    src = [sentence("The dose is 25 mg and it is not safe for children", 0)]
    tgt = [sentence("Die Dosis beträgt 250 mg und ist sicher für Kinder", 0)]
    sig = document_signals(src, tgt, "en", "de", params(), one)[0]
    assert sig.values["numbers"] == 2.0  # '25' missing, '250' extra
    assert sig.values["negation"] > 0
    assert [sig.src_text[a:b] for a, b in sig.negation_spans[0]] == ["not"]


def test_short_pairs_get_constant_coverage_signals() -> None:
    src, tgt = [sentence("Key Takeaways", 0)], [sentence("Taustiņu izņemšana", 5)]
    sig = document_signals(src, tgt, "en", "lv", params(), one)[0]
    assert (sig.values["src_coverage"], sig.values["tgt_worst"]) == (1.0, 1.0)
    assert sig.coverage.src_gaps == [] and sig.coverage.tgt_gaps == []


def test_copied_words_count_only_lower_case_content() -> None:
    src = [sentence("Quit sending warnings, retard, says Wikipedia", 0)]
    tgt = [sentence("Hör auf warnings zu senden, retard, sagt Wikipedia", 0)]
    sig = document_signals(src, tgt, "en", "de", params(), one)[0]
    # Of 'warnings', 'senden', 'retard', 'sagt', two are copied; the name 'Wikipedia' is left out.
    assert sig.values["copied"] == pytest.approx(2 / 4)


def test_robust_z_shrinks_small_documents_towards_the_prior() -> None:
    x = np.array([0.0, 0.01, -0.01, -0.2])
    few = _robust_z(x, prior_sd=0.05, prior_weight=6)
    many = _robust_z(np.concatenate([x, np.zeros(40)]), prior_sd=0.05, prior_weight=6)
    # Forty tight pairs make the outlier stand out more than three pairs and the prior can.
    assert few[3] < -3 and many[3] < few[3]
    # The outlier does not pull its own reference: the others' z barely move when it is added.
    assert abs(_robust_z(x[:3], 0.05, 6)[0] - few[0]) < 0.15


def test_word_count_counts_cjk_characters() -> None:
    assert word_count("Key Takeaways") == 2
    assert word_count("这种药对儿童不安全") >= 4


def test_pooled_is_unit_length() -> None:
    v = pooled(sentence("a b c", 1))
    assert np.linalg.norm(v) == pytest.approx(1.0, abs=1e-6)
