"""Number mismatches between the two sides, read with the ``numbers`` check's locale rules.

The detector does not parse numbers itself: it asks :mod:`alignqa.text.numbers` (the source
read in its own locale first, the target in either locale) and only turns the result into spans.
"""

from __future__ import annotations

from ..text.numbers import find_numbers, match_numbers


def number_mismatch(src: str, src_lang: str, tgt: str,
                    tgt_lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of source numbers missing from the target, and of target numbers not in the source."""
    source = find_numbers(src, (src_lang, tgt_lang), first_only=True)
    target = find_numbers(tgt, (tgt_lang, src_lang))
    missing, extra = match_numbers(source, target)
    return [(n.start, n.end) for n in missing], [(n.start, n.end) for n in extra]
