"""``mistranslation``: the detector's calibrated probability that a pair's meaning differs.

Every 1-1 or m-n bead of the document pair is scored at once (the detector compares each pair with
the document's others). A pair at or above ``error_threshold`` is an error, at or above
``warning_threshold`` a warning; below both, nothing is reported. The message says which signals
drove the score and the spans mark the words they point at. The check needs the run's embedder
(``ctx.embedder``): it never loads a model behind the caller's back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..detect import PairScore, Reason, load_detector, score_pairs
from ..findings import Severity
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register


@dataclass(frozen=True)
class MistranslationOptions(CheckOptions):
    error_threshold: float = option(0.5, "detector probability at which a pair is an error",
                                    minimum=0.0, maximum=1.0)
    warning_threshold: float = option(0.4, "detector probability at which a pair is a warning",
                                      minimum=0.0, maximum=1.0)
    weights: str = option("", "detector weights file instead of the shipped one")

    rules = ((lambda o: o.warning_threshold <= o.error_threshold,
              "warning-threshold must not exceed error-threshold"),)


@register("mistranslation", "error",
          "Meaning differs between source and target (calibrated model score).",
          options=MistranslationOptions)
def mistranslation(check: Check, ctx: PairContext) -> Iterator:
    error_at, warning_at = ctx.options.error_threshold, ctx.options.warning_threshold
    views = [v for v in ctx.beads() if v.source and v.target]
    if not views:
        return
    if ctx.embedder is None:
        raise ValueError("the mistranslation check needs the run's embedder (PairContext.embedder)")
    detector = load_detector(ctx.options.weights or None)
    scores = score_pairs([v.source_text for v in views], [v.target_text for v in views],
                         ctx.source_lang, ctx.target_lang, ctx.embedder, detector=detector,
                         explain_from=warning_at)
    for view, score in zip(views, scores, strict=True):
        p = score.probability
        if p < warning_at:
            continue
        severity = Severity.ERROR if p >= error_at else Severity.WARNING
        reasons = "; ".join(_reason_text(r, score, views) for r in score.reasons) or \
            "no single signal stands out, but together they score the pair as likely wrong"
        yield ctx.finding(check, view, f"Possible mistranslation (p = {p:.2f}): {reasons}",
                          severity=severity, score=p, source_spans=score.source_spans,
                          target_spans=score.target_spans)


def _reason_text(reason: Reason, score: PairScore, views: list[BeadView]) -> str:
    """The detector's sentence, with a rival pair named by its line in the source file."""
    rival = score.signals.rival
    if reason.key != "rival" or rival is None:
        return reason.text
    return f"{reason.text} (source line {views[rival].source[0].line})"
