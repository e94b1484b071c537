"""``mistranslation``: the detector's calibrated probability that a pair's meaning differs.

Every 1-1 or m-n bead of the document pair is scored at once (the detector compares each pair with
the document's others). A pair at or above ``error_threshold`` is an error, at or above
``warning_threshold`` a warning; below both, nothing is reported. The message says which signals
drove the score and the spans mark the words they point at. The embedder is the pipeline's
(``ctx.extras["embedder"]``); a caller without one gets the bundled model.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..detect import PairScore, Reason, load_detector, score_pairs
from ..errors import ConfigError
from ..findings import Severity
from .registry import BeadView, Check, PairContext, register


@register("mistranslation", "error",
          "Meaning differs between source and target (calibrated model score).",
          defaults={"error_threshold": 0.5, "warning_threshold": 0.4, "weights": ""})
def mistranslation(check: Check, ctx: PairContext) -> Iterator:
    error_at, warning_at = _thresholds(ctx.options)
    views = [v for v in ctx.beads() if v.source and v.target]
    if not views:
        return
    embedder = ctx.extras.get("embedder") or _default_embedder()
    detector = load_detector(ctx.options.get("weights") or None)
    scores = score_pairs([v.source_text for v in views], [v.target_text for v in views],
                         ctx.source_lang, ctx.target_lang, embedder, detector=detector,
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


def _thresholds(options: dict[str, Any]) -> tuple[float, float]:
    try:
        error_at = float(options.get("error_threshold", 0.5))
        warning_at = float(options.get("warning_threshold", 0.4))
    except (TypeError, ValueError):
        raise ConfigError("mistranslation: error_threshold and warning_threshold must be "
                          "numbers in [0, 1]") from None
    if not (0.0 <= warning_at <= error_at <= 1.0):
        raise ConfigError("mistranslation: need 0 <= warning_threshold <= error_threshold <= 1 "
                          f"(got {warning_at} and {error_at})")
    return error_at, warning_at


@lru_cache(maxsize=1)
def _default_embedder() -> Any:
    from ..embed import load_embedder

    return load_embedder(quiet=True)
