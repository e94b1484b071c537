"""Number mismatches between the two sides, read with the ``numbers`` check's locale rules.

The detector does not parse numbers itself: it asks :mod:`alignqa.checks.numbers` (the source
read in its own locale, the target in either locale) and only turns the result into spans.
"""

from __future__ import annotations

from ..checks.numbers import _all_readings, _first_reading, find_numbers, match_numbers


def number_mismatch(src: str, src_lang: str, tgt: str,
                    tgt_lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of source numbers missing from the target, and of target numbers not in the source."""
    source = [_first_reading(n, src_lang) for n in find_numbers(src, (src_lang, tgt_lang))]
    target = [_all_readings(n, (tgt_lang, src_lang)) for n in find_numbers(tgt, (tgt_lang, src_lang))]
    missing, extra = match_numbers(source, target)
    return [(n.start, n.end) for n in missing], [(n.start, n.end) for n in extra]
