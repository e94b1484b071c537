"""Why a pair scored high: the signals that pushed its log-odds up, in words, with spans.

A reason is named when its signals together add at least ``MIN_CONTRIBUTION`` to the log-odds
(relative to an average training pair); the strongest comes first. Spans come only from reasons
that are named, so that what is highlighted is what the message says.
"""

from __future__ import annotations

from .features import PairSignals, Params

MIN_CONTRIBUTION = 0.4
MAX_WORDS = 3

# Reason -> the signals whose contributions it sums.
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


def explain(sig: PairSignals, contrib: dict[str, float],
            params: Params) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    """Reasons (strongest first), source spans and target spans for one scored pair."""
    totals = {g: sum(contrib.get(f, 0.0) for f in fs) for g, fs in GROUPS.items()}
    named = [g for g, v in sorted(totals.items(), key=lambda kv: -kv[1])
             if v >= MIN_CONTRIBUTION and _applies(g, sig)]
    reasons: list[str] = []
    src_spans: list[tuple[int, int]] = []
    tgt_spans: list[tuple[int, int]] = []
    for g in named:
        text, s, t = _describe(g, sig, params)
        reasons.append(text)
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
        "risk": True,
    }[group]


def _quote(text: str, spans: list[tuple[int, int]]) -> str:
    return ", ".join(f"'{text[a:b]}'" for a, b in spans)


def _describe(group: str, sig: PairSignals,
              params: Params) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    v, cov = sig.values, sig.coverage
    src, tgt = sig.src_text, sig.tgt_text
    if group == "similarity":
        expected = sig.extra["cos"] - v["cos_vs_length"]
        text = (f"meaning similarity {sig.extra['cos']:.3f} is below the {expected:.3f} usual for a "
                f"pair of this length")
        if sig.doc_pairs > 1:
            text += (f", {-v['cos_doc_z']:.1f} spreads below the document's other "
                     f"{sig.doc_pairs - 1} pairs")
        return text, [], []
    if group == "rival":
        return (f"the pair matches pair {sig.rival + 1} of the document better than itself",
                [], [])
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
