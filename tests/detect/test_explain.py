"""Reasons name what drove a score, in words, with the spans they talk about."""

from __future__ import annotations

import numpy as np

from alignqa.detect import score_token_vectors
from alignqa.detect.features import FEATURES, Params
from alignqa.detect.model import Detector, Linear
from alignqa.detect.token_alignment import TokenVectors

DIM = 8
N = len(FEATURES)


def detector(coef: dict[str, float], reference: dict[str, float] | None = None) -> Detector:
    w = np.array([coef.get(f, 0.0) for f in FEATURES])
    ref = np.array([(reference or {}).get(f, 0.0) for f in FEATURES])
    params = Params(np.zeros(DIM, np.float32), [0.0, 3.0], [0.5, 0.9], 0.05, 6.0, 0.5, 0.05,
                    np.zeros(DIM, np.float32), 0.0)
    return Detector(FEATURES, Linear(np.zeros(N), np.ones(N), w, -2.0), ref,
                    np.array([-4.0, 4.0]), np.array([0.0, 1.0]), params)


def tv(text: str, seed: int, spread: float = 0.01) -> TokenVectors:
    words = text.split()
    offsets, pos = [], 0
    for w in words:
        start = text.index(w, pos)
        offsets.append((start, start + len(w)))
        pos = start + len(w)
    rng = np.random.default_rng(seed)
    base = rng.normal(size=DIM)
    return TokenVectors(text, offsets,
                        (base + spread * rng.normal(size=(len(words), DIM))).astype(np.float32))


def one(_: str) -> float:
    return 1.0


def test_number_reason_names_and_marks_the_numbers() -> None:
    det = detector({"numbers": 3.0})
    src = tv("The dose is 25 mg for adults and children alike", 1)
    tgt = tv("Die Dosis beträgt 250 mg für Erwachsene und Kinder", 1)
    [score] = score_token_vectors([src], [tgt], "en", "de", one, detector=det)
    assert score.probability > 0.5
    assert [r.key for r in score.reasons] == ["numbers"]
    assert "'25' missing in the target" in score.reasons[0].text
    assert "'250' not in the source" in score.reasons[0].text
    assert [src.text[a:b] for a, b in score.source_spans] == ["25"]
    assert [tgt.text[a:b] for a, b in score.target_spans] == ["250"]


def test_negation_reason_marks_the_cue() -> None:
    det = detector({"negation": 5.0})
    # Unrelated vectors on the two sides: the source's 'not' finds no counterpart.
    src = tv("This medicine is not safe for young children at all", 2, spread=1.0)
    tgt = tv("Šīs zāles ir drošas maziem bērniem pilnīgi visos gadījumos", 20, spread=1.0)
    [score] = score_token_vectors([src], [tgt], "en", "lv", one, detector=det)
    assert score.reasons[0].text == "the source negates ('not'), the target does not"
    assert [src.text[a:b] for a, b in score.source_spans] == ["not"]
    assert score.target_spans == []


def test_signals_that_do_not_hold_are_not_named() -> None:
    # A heavy weight on negation names nothing when neither side negates.
    det = detector({"negation": 5.0})
    src = tv("This medicine is safe for young children in most cases", 3)
    tgt = tv("Šīs zāles ir drošas maziem bērniem vairumā gadījumu", 3)
    [score] = score_token_vectors([src], [tgt], "en", "lv", one, detector=det)
    assert score.reasons == [] and score.source_spans == [] and score.target_spans == []


def test_pairs_below_explain_from_get_no_reasons() -> None:
    det = detector({"numbers": 1.0})
    src = tv("The dose is 25 mg for adults and children alike", 1)
    tgt = tv("Die Dosis beträgt 250 mg für Erwachsene und Kinder", 1)
    [score] = score_token_vectors([src], [tgt], "en", "de", one, detector=det, explain_from=0.99)
    assert score.probability < 0.99 and score.reasons == []
