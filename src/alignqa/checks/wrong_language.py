"""``wrong-language``: the target is written in a language other than the target language.

Only segments with enough letters are judged (``min_letters``; a CJK character counts three), and
only when the detector knows the target language. Close varieties count as the target language
(``langid.family``). A target in the *source* language is left to the ``untranslated`` check, so one
problem is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..languages import language_name
from ..text.langid import DETECTORS, PY3LANGID, family, guess, identifiable, letters, supported
from .options import CheckOptions, option
from .registry import Check, PairContext, register


@dataclass(frozen=True)
class WrongLanguageOptions(CheckOptions):
    detector: str = option(PY3LANGID, "language identifier", choices=DETECTORS)
    min_letters: int = option(30, "fewest letters a target needs to be judged", minimum=1)
    min_confidence: float = option(0.9, "lowest detector probability that is reported",
                                   minimum=0.0, maximum=1.0)


@register("wrong-language", "error", "The target is not written in the target language.",
          options=WrongLanguageOptions)
def wrong_language(check: Check, ctx: PairContext) -> Iterator:
    detector = ctx.options.detector
    min_letters = ctx.options.min_letters
    min_confidence = ctx.options.min_confidence
    if not supported(ctx.target_lang, detector):
        return
    for view in ctx.beads():
        if not view.target:
            continue
        text = identifiable(view.target_text)
        if letters(text) < min_letters:
            continue
        found = guess(text, ctx.target_lang, detector)
        if found is None or found.prob < min_confidence:
            continue
        if family(found.lang) in (family(ctx.target_lang), family(ctx.source_lang)):
            continue
        yield ctx.finding(
            check, view,
            f"The target looks {language_name(found.lang)} ({found.lang}, p={found.prob:.2f}), "
            f"not {language_name(ctx.target_lang)} (p={found.expected_prob:.2f} by {detector})",
            score=found.prob)
