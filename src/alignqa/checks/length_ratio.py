"""``length-ratio``: a target unusually long or short for its source, judged against the corpus.

The log of target/source length (characters, spaces and code not counted) is compared with the same language
pair's other segments. Its spread is not one number: as in Gale & Church (1993), a translation's
length is a sum of per-character contributions, so its variance grows with the source's length
``n`` and the log ratio's standard deviation shrinks as ``1/sqrt(n)``; a 30-character sentence that
becomes 20 or 55 characters is ordinary, a 300-character one is not. The score is therefore
``z = (log(t/s) - median) * sqrt(n) / k``, where ``k`` (the spread of a one-character source, so to
speak) is estimated robustly from the corpus: 1.4826 x the median absolute value of the scaled
residuals. With ``min_beads`` or more segments of the language pair the median and ``k`` are the
corpus's own; with fewer, the expected ratio comes from ``EXPECTED`` and ``k`` from
``fallback_spread`` (the log ratio's spread at ``REFERENCE_CHARS``). A length-independent
``STYLE_SPREAD`` is added in quadrature, so the spread is ``sqrt(k^2/n + STYLE_SPREAD^2)``.
``|z| >= max_z`` is reported. On the planted errors of ``bench/detect.py`` this catches 45 of 66
planted omissions (43 with a single spread for every length) and flags 1 of 1,596 clean pairs (3).
Segments whose source is shorter than ``min_chars`` (English-equivalent characters: length /
``EXPECTED``) are skipped.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..text.markup import mask_tokens
from .options import CheckOptions, option
from .registry import BeadView, Check, PairContext, register

# Target characters per English character, medians measured on FLORES-200 devtest (lv, id, de, fr;
# 1,012 professional translations) and on WMT21 critical-error data labelled correct (cs, ja, zh;
# 5,700-6,900 machine translations). Their 1.4826 x MAD spread was 0.11-0.14, 0.18-0.24 for ja/zh.
EXPECTED = {"en": 1.0, "lv": 1.044, "id": 1.109, "de": 1.188, "fr": 1.191, "cs": 0.967,
            "ja": 0.595, "zh": 0.383}
# The spread assumed for a language not in EXPECTED (its ratio assumed 1.0) is this much wider.
_UNKNOWN_WIDENING = 1.5
# The source length (English-equivalent characters, spaces not counted) at which ``fallback_spread``
# and _MIN_SCALE are the log ratio's spread: about the median FLORES sentence (21 words).
REFERENCE_CHARS = 100
_MIN_SCALE = 0.08  # a corpus of near-identical ratios must not make every small change an outlier
# The spread that does not shrink with length: a translator's style (a terser or a fuller rendering)
# holds over a whole paragraph, so a long bead's ratio varies by at least this much. Added in
# quadrature, it keeps merged multi-sentence beads from looking like outliers by length alone.
# Chosen among 0, 0.03, 0.05 and 0.07 on the planted omissions of bench/detect.py and the
# false alarms of bench/false_alarms.py: 0 flags the long merged beads, 0.05 and above lose planted
# omissions (45 -> 40 of 66). FLORES's own spread barely falls from 60 to 160 characters.
STYLE_SPREAD = 0.03


def length(text: str) -> int:
    """Characters of translated text: spaces are not counted, nor code spans, placeholders, URLs
    and tags, which are no translation (the ``placeholders`` check compares them) and whose length
    a translation may change on purpose (tldr's ``{{path/to/file}}`` -> ``{{pfad/zu/datei}}``)."""
    # str.split() splits at exactly the characters str.isspace() calls whitespace.
    return len("".join(mask_tokens(text).split()))


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
    max_z: float = option(3.5, "robust z-score of the log length ratio, scaled by the square root "
                          "of the source's length, above which it is reported", minimum=0.0)
    fallback_spread: float = option(0.2, "spread of the log ratio of a 100-character source, used "
                                    "with fewer beads", minimum=0.001)


@register("length-ratio", "warning",
          "The target is unusually long or short for its source in this language pair.",
          scope="corpus",
          options=LengthRatioOptions)
def length_ratio(check: Check, pairs: Sequence[PairContext]) -> Iterator[Finding]:
    if not pairs:
        return
    opts = pairs[0].options
    min_chars = opts.min_chars
    groups: dict[tuple[str, str], list[tuple[PairContext, BeadView, float, float]]] = defaultdict(list)
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
            groups[(ctx.source_lang, ctx.target_lang)].append(
                (ctx, view, math.log(t / s), weight(s, ctx.source_lang)))
    for (sl, tl), items in groups.items():
        yield from _judge(check, sl, tl, items, opts)


@dataclass(frozen=True)
class Model:
    """A language pair's expected log ratio and the spread of a one-character source."""

    centre: float
    scale: float
    basis: str  # where the figures come from, for the message

    def z(self, source_chars: float, target_chars: float, weight: float) -> float:
        spread = math.hypot(self.scale / weight, STYLE_SPREAD)
        return (math.log(target_chars / source_chars) - self.centre) / spread


def fit(sl: str, tl: str, logs: Sequence[float], weights: Sequence[float],
        opts: LengthRatioOptions) -> Model:
    """The model of a language pair from its segments' log ratios and sqrt(length) weights."""
    reference = math.sqrt(REFERENCE_CHARS)
    if len(logs) >= opts.min_beads:
        centre = statistics.median(logs)
        # Residuals scaled to a one-character source; their robust spread is the corpus's k.
        _, scale = robust_centre([(r - centre) * w for r, w in zip(logs, weights, strict=True)])
        return Model(centre, max(scale, _MIN_SCALE * reference),
                     f"median of {len(logs)} segments in this corpus")
    scale = opts.fallback_spread * reference
    if sl not in EXPECTED or tl not in EXPECTED:
        scale *= _UNKNOWN_WIDENING
    return Model(math.log(EXPECTED.get(tl, 1.0) / EXPECTED.get(sl, 1.0)), scale,
                 f"typical ratio; only {len(logs)} segments here, too few to measure the corpus")


def weight(source_chars: int, source_lang: str) -> float:
    """sqrt of the source's English-equivalent length: the log ratio's spread falls as 1/sqrt(n)."""
    return math.sqrt(source_chars / EXPECTED.get(source_lang, 1.0))


def _judge(check: Check, sl: str, tl: str, items: list, opts: LengthRatioOptions) -> Iterator[Finding]:
    model = fit(sl, tl, [r for _, _, r, _ in items], [w for _, _, _, w in items], opts)
    for ctx, view, _, w in items:
        s, t = length(view.source_text), length(view.target_text)
        z = model.z(s, t, w)
        if abs(z) < opts.max_z:
            continue
        hint = "added content or a merged segment" if z > 0 else "missing content"
        yield ctx.finding(
            check, view,
            f"The target is {'long' if z > 0 else 'short'}: {t / s:.2f}x the source's length "
            f"({t} vs {s} characters of text); {sl}->{tl} targets are about "
            f"{math.exp(model.centre):.2f}x ({model.basis}), z = {z:+.1f} for a source of this "
            f"length; look for {hint}", score=z)
