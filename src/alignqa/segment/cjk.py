"""Sentence boundaries for Chinese, Japanese and Korean.

Punkt never splits these: it needs whitespace after the period, and 。！？ are followed by none.
A sentence ends after a run of 。．！？!? and the closing quotes or brackets that follow it,
except between digits (３．５) and before the quotative と / って that continues a Japanese
sentence after a quotation (「行きます。」と言った). Korean also ends sentences with an ASCII
period before a space.
"""

from __future__ import annotations

import re

_END_RE = re.compile(
    r"(?:[。．！？!?｡]+|(?<![A-Za-z0-9.])\.(?=\s))"
    r"[」』）】〕〉》〗〙〛］｝”’\"')\]}»]*"
)
_QUOTATIVES = ("と", "って")

Span = tuple[int, int]


def cjk_sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Sentences of ``text[start:end]`` as trimmed absolute spans."""
    spans: list[Span] = []
    sentence_start = start
    for m in _END_RE.finditer(text, start, end):
        if m.group() == "．" and _between_digits(text, m.start(), m.end(), end):
            continue
        if text.startswith(_QUOTATIVES, m.end()) and m.end() < end:
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = m.end()
    spans.append((sentence_start, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def _between_digits(text: str, a: int, b: int, end: int) -> bool:
    return a > 0 and text[a - 1].isdigit() and b < end and text[b].isdigit()


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None
