"""``length-ratio``: a target unusually long or short for its source, judged against the corpus.

The log of target/source length (characters, spaces not counted) is compared with the same language
pair's other segments: with ``min_beads`` or more, the robust z-score (distance from the median in
units of 1.4826 x the median absolute deviation) must stay under ``max_z``. With fewer, the expected
ratio comes from ``EXPECTED`` and the spread is ``fallback_spread``. Segments whose source is
shorter than ``min_chars`` (English-equivalent characters: length / ``EXPECTED``) are skipped.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..findings import Finding
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

# Target characters per English character, medians measured on FLORES-200 devtest (lv, id, de, fr;
# 1,012 professional translations) and on WMT21 critical-error data labelled correct (cs, ja, zh;
# 5,700-6,900 machine translations). Their 1.4826 x MAD spread was 0.11-0.14, 0.18-0.24 for ja/zh.
EXPECTED = {"en": 1.0, "lv": 1.044, "id": 1.109, "de": 1.188, "fr": 1.191, "cs": 0.967,
            "ja": 0.595, "zh": 0.383}
# The spread assumed for a language not in EXPECTED (its ratio assumed 1.0) is this much wider.
_UNKNOWN_WIDENING = 1.5
_MIN_SCALE = 0.08  # a corpus of near-identical ratios must not make every small change an outlier


def length(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def robust_centre(values: Sequence[float]) -> tuple[float, float]:
    """Median and 1.4826 x median absolute deviation (the normal-consistent robust spread)."""
    median = statistics.median(values)
    mad = statistics.median(abs(v - median) for v in values)
    return median, 1.4826 * mad


@dataclass(frozen=True)
class LengthRatioOptions(CheckOptions):
    min_chars: int = option(20, "shortest source (English-equivalent characters) that is judged",
                            minimum=0)
    min_beads: int = option(30, "beads of a language pair needed to use the corpus's own spread",
                            minimum=2)
    max_z: float = option(3.5, "robust z-score of the log length ratio above which it is reported",
                          minimum=0.0)
    fallback_spread: float = option(0.2, "spread of the log ratio used with fewer beads",
                                    minimum=0.001)


@register("length-ratio", "warning",
          "The target is unusually long or short for its source in this language pair.",
          scope="corpus",
          options=LengthRatioOptions)
def length_ratio(check: Check, pairs: Sequence[PairContext]) -> Iterator[Finding]:
    if not pairs:
        return
    opts = pairs[0].options
    min_chars = opts.min_chars
    groups: dict[tuple[str, str], list[tuple[PairContext, BeadView, float]]] = defaultdict(list)
    for ctx in pairs:
        for view in ctx.beads():
            if not view.source or not view.target:
                continue
            s, t = length(view.source_text), length(view.target_text)
            # A short source says little: 'OK' may well become 'Baiklah, saya mengerti.'. A long
            # source with a tiny target is a truncation, so only the source's length gates.
            # English-equivalent characters, or no Chinese source would ever count.
            if s / EXPECTED.get(ctx.source_lang, 1.0) < min_chars or t == 0:
                continue
            groups[(ctx.source_lang, ctx.target_lang)].append((ctx, view, math.log(t / s)))
    for (sl, tl), items in groups.items():
        yield from _judge(check, sl, tl, items, opts)


def _judge(check: Check, sl: str, tl: str, items: list, opts: LengthRatioOptions) -> Iterator[Finding]:
    logs = [r for _, _, r in items]
    if len(logs) >= opts.min_beads:
        centre, spread = robust_centre(logs)
        spread = max(spread, _MIN_SCALE)
        basis = f"median of {len(logs)} segments in this corpus"
    else:
        centre = math.log(EXPECTED.get(tl, 1.0) / EXPECTED.get(sl, 1.0))
        spread = opts.fallback_spread
        if sl not in EXPECTED or tl not in EXPECTED:
            spread *= _UNKNOWN_WIDENING
        basis = f"typical ratio; only {len(logs)} segments here, too few to measure the corpus"
    max_z = opts.max_z
    for ctx, view, r in items:
        z = (r - centre) / spread
        if abs(z) < max_z:
            continue
        s, t = length(view.source_text), length(view.target_text)
        hint = "added content or a merged segment" if z > 0 else "missing content"
        yield ctx.finding(
            check, view,
            f"The target is {'long' if z > 0 else 'short'}: {t / s:.2f}x the source's length "
            f"({t} vs {s} characters); {sl}->{tl} targets are about {math.exp(centre):.2f}x "
            f"({basis}), robust z = {z:+.1f}; look for {hint}", score=z)
