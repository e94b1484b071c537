"""The mistranslation detector: calibrated probability of a critical error per aligned pair.

``score_pairs(sources, targets, source_lang, target_lang, embedder)`` scores every pair of one
document pair at once (document-level statistics need all of them) and says, per pair, which
signals drove the score and which spans on each side to highlight. See docs/detector.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .explain import Reason, explain
from .features import FEATURES, PairSignals, document_signals
from .model import Detector, load_detector
from .token_alignment import TokenVectors, word_weights_for

__all__ = ["FEATURES", "Detector", "PairScore", "Reason", "TokenVectors", "load_detector",
           "score_pairs", "score_token_vectors"]


@dataclass
class PairScore:
    """The detector's verdict on one pair: probability, reasons (strongest first) and spans."""

    probability: float
    reasons: list[Reason]
    source_spans: list[tuple[int, int]]
    target_spans: list[tuple[int, int]]
    signals: PairSignals


def score_pairs(sources: Sequence[str], targets: Sequence[str], source_lang: str,
                target_lang: str, embedder: Any, *, detector: Detector | None = None,
                explain_from: float = 0.0, neutral: Sequence[str] = ()) -> list[PairScore]:
    """Score aligned pairs ``sources[i]`` / ``targets[i]`` of one document pair.

    One encoder pass per text (token vectors); pass every pair of the document, since each pair
    is judged against the others. Pairs scoring below ``explain_from`` get no reasons or spans.
    Signals named in ``neutral`` are set to their value on a typical clean pair before scoring:
    they neither raise the score nor appear among the reasons (a check that leaves numbers to
    the ``numbers`` check passes ``("numbers",)``).
    """
    if len(sources) != len(targets):
        raise ValueError("sources and targets must have the same length")
    if not sources:
        return []
    src = [_vectors(t) for t in embedder.token_embeddings(list(sources))]
    tgt = [_vectors(t) for t in embedder.token_embeddings(list(targets))]
    return score_token_vectors(src, tgt, source_lang, target_lang, word_weights_for(embedder),
                               detector=detector, explain_from=explain_from, neutral=neutral)


def score_token_vectors(src: Sequence[TokenVectors], tgt: Sequence[TokenVectors],
                        source_lang: str, target_lang: str, weigh: Callable[[str], float], *,
                        detector: Detector | None = None, explain_from: float = 0.0,
                        neutral: Sequence[str] = ()) -> list[PairScore]:
    """:func:`score_pairs` over token vectors already computed (training and benchmarks)."""
    det = detector or load_detector()
    signals = document_signals(src, tgt, source_lang, target_lang, det.params, weigh)
    if not signals:
        return []
    matrix = np.stack([s.vector() for s in signals])
    for name in neutral:
        i = det.features.index(name)
        matrix[:, i] = det.reference[i]
    probs = det.predict_proba(matrix)
    out = []
    for sig, p, x in zip(signals, probs, matrix, strict=True):
        # Explaining costs a few model evaluations; pairs nobody will read about skip it.
        if p >= explain_from:
            reasons, src_spans, tgt_spans = explain(sig, x, det)
        else:
            reasons, src_spans, tgt_spans = [], [], []
        out.append(PairScore(float(p), reasons, src_spans, tgt_spans, sig))
    return out


def _vectors(te: Any) -> TokenVectors:
    return TokenVectors(te.text, list(te.offsets), te.vectors)
