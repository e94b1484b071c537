"""Why a pair scored high: the signals that pushed its log-odds up, in words, with spans.

A reason is named when setting its signals to their values on a typical clean pair lowers the
log-odds by at least ``MIN_CONTRIBUTION``; the strongest comes first. Spans come only from
reasons that are named, so that what is highlighted is what the message says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .features import PairSignals

if TYPE_CHECKING:
    from .model import Detector

MIN_CONTRIBUTION = 0.4
MAX_WORDS = 3
# A pair's rank in its document is named only from this many pairs on: "the lowest of the
# document's 4 pairs" holds for one pair of every small document, right or wrong.
RANK_MIN_PAIRS = 8

# Reason -> the signals it stands for.
GROUPS: dict[str, tuple[str, ...]] = {
    "similarity": ("cos_vs_length", "cos_doc_z", "margin", "short"),
    "rival": ("rival_gap",),
    "source_words": ("src_coverage", "src_worst"),
    "target_words": ("tgt_coverage", "tgt_worst"),
    "length": ("length_dev",),
    "numbers": ("numbers",),
    "negation": ("negation",),
    "copied": ("copied",),
    "risk": ("risk_src", "risk_drop"),
}


@dataclass(frozen=True)
class Reason:
    """One named cause of a score: a key (``GROUPS``), a sentence, and its weight in log-odds."""

    key: str
    text: str
    weight: float


def explain(sig: PairSignals, x: np.ndarray, detector: Detector
            ) -> tuple[list[Reason], list[tuple[int, int]], list[tuple[int, int]]]:
    """Reasons (strongest first), source spans and target spans for one scored pair."""
    weights = dict(zip(GROUPS, detector.contributions(x, list(GROUPS.values())), strict=True))
    named = [g for g, w in sorted(weights.items(), key=lambda kv: -kv[1])
             if w >= MIN_CONTRIBUTION and _applies(g, sig)]
    reasons: list[Reason] = []
    src_spans: list[tuple[int, int]] = []
    tgt_spans: list[tuple[int, int]] = []
    for g in named:
        text, s, t = _describe(g, sig)
        reasons.append(Reason(g, text, weights[g]))
        src_spans.extend(x for x in s if x not in src_spans)
        tgt_spans.extend(x for x in t if x not in tgt_spans)
    return reasons, sorted(src_spans), sorted(tgt_spans)


def _applies(group: str, sig: PairSignals) -> bool:
    """A reason must be true of this pair, not only weigh in the model's sum."""
    v = sig.values
    cov = sig.coverage
    return {
        "similarity": v["cos_vs_length"] < 0,
        "rival": sig.rival is not None,
        "source_words": bool(cov.src_gaps),
        "target_words": bool(cov.tgt_gaps),
        "length": v["length_dev"] > 0,
        "numbers": v["numbers"] > 0,
        "negation": v["negation"] > 0,
        "copied": v["copied"] > 0,
        # Positive log-odds: the source alone looks more likely than not to be mistranslated.
        "risk": v["risk_src"] > 0,
    }[group]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _quote(text: str, spans: list[tuple[int, int]]) -> str:
    return ", ".join(f"'{text[a:b]}'" for a, b in spans)


def _describe(group: str, sig: PairSignals) -> tuple[str, list[tuple[int, int]],
                                                     list[tuple[int, int]]]:
    v, cov = sig.values, sig.coverage
    src, tgt = sig.src_text, sig.tgt_text
    if group == "similarity":
        cos = sig.extra["cos"]
        expected = cos - v["cos_vs_length"]
        text = f"meaning similarity {cos:.3f} is below the {expected:.3f} usual for a pair of its length"
        if sig.doc_pairs >= RANK_MIN_PAIRS:
            rank = int(sig.extra["rank"])
            where = ("the lowest" if rank == 1 else f"the {_ordinal(rank)} lowest")
            text += (f" and {where} of the document's {sig.doc_pairs} pairs "
                     f"({-v['cos_doc_z']:.1f} standard deviations below their median)")
        return text, [], []
    if group == "rival":
        return ("the source or the target is closer to another pair of the document than to each "
                "other", [], [])
    if group == "source_words":
        spans = cov.src_gaps[:MAX_WORDS]
        return f"source words without a counterpart in the target: {_quote(src, spans)}", spans, []
    if group == "target_words":
        spans = cov.tgt_gaps[:MAX_WORDS]
        return f"target words without a counterpart in the source: {_quote(tgt, spans)}", [], spans
    if group == "length":
        return "the target's length is out of line with the document's other pairs", [], []
    if group == "numbers":
        missing, extra = sig.number_spans
        parts = []
        if missing:
            parts.append(f"{_quote(src, missing)} missing in the target")
        if extra:
            parts.append(f"{_quote(tgt, extra)} not in the source")
        return f"numbers differ: {'; '.join(parts)}", missing, extra
    if group == "negation":
        s_neg, t_neg = sig.negation_spans
        side = (f"the source negates ({_quote(src, s_neg)}), the target does not" if s_neg else
                f"the target negates ({_quote(tgt, t_neg)}), the source does not")
        return side, s_neg, t_neg
    if group == "copied":
        return "target content words are copied from the source untranslated", [], []
    return ("the source carries sensitive content (insults, profanity, slang) that translations "
            "often distort or drop", [], [])
