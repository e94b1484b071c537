"""``wrong-language``: the target is written in a language other than the target language.

Only segments with enough letters are judged (``min_letters``; a CJK character counts three), and
only when the detector knows the target language. Close varieties count as the target language
(``langid.family``). A target in the *source* language is left to the ``untranslated`` check, so one
problem is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..languages import language_name
from ..text.langid import PY3LANGID, family, guess, identifiable, letters, supported
from .registry import Check, PairContext, register


@register("wrong-language", "error", "The target is not written in the target language.",
          defaults={"detector": PY3LANGID, "min_letters": 30, "min_confidence": 0.9})
def wrong_language(check: Check, ctx: PairContext) -> Iterator:
    detector = ctx.options.get("detector", PY3LANGID)
    min_letters = int(ctx.options.get("min_letters", 30))
    min_confidence = float(ctx.options.get("min_confidence", 0.9))
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
