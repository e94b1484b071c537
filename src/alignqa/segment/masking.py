"""Parts of a document that are no translatable text: blanked out before segmentation.

Fenced code blocks, YAML front matter, HTML comments and alignqa's inline suppression directives
are replaced by spaces (newlines kept), so every later stage works on a text of the same length
and line structure as the document: offsets found in the masked text are offsets in the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..suppress import directive_spans

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT_RE = re.compile(r"<!--(?:.*?-->|[^\n]*)", re.DOTALL)
_FRONT_MATTER_END = ("---", "...")

Span = tuple[int, int]


@dataclass(frozen=True)
class MaskedText:
    """The document text with ``spans`` blanked out; ``spans`` sorted, disjoint."""

    text: str
    spans: tuple[Span, ...]

    def visible_pieces(self, start: int, end: int) -> list[Span]:
        """``[start, end)`` minus the masked spans inside it."""
        starts = [s for s, _ in self.spans]
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        pieces, pos = [], start
        for s, e in self.spans[i:]:
            if s >= end:
                break
            if e <= pos:
                continue
            if s > pos:
                pieces.append((pos, s))
            pos = max(pos, e)
        if pos < end:
            pieces.append((pos, end))
        return pieces


def mask_markdown(text: str) -> MaskedText:
    """Blank out code fences, front matter, HTML comments and suppression directives."""
    spans = _fence_spans(text) + _front_matter_span(text)
    partial = _blank(text, spans)
    # A comment opened but never closed is masked to the end of its line only: one stray
    # "<!--" must not swallow the rest of a document.
    spans += [m.span() for m in _COMMENT_RE.finditer(partial)]
    spans += _directive_spans(_blank(text, spans))
    merged = _merge(spans)
    return MaskedText(_blank(text, merged), tuple(merged))


def mask_directives(text: str) -> MaskedText:
    """Blank out suppression directives only (pre-split documents have no Markdown)."""
    spans = _merge(_directive_spans(text))
    return MaskedText(_blank(text, spans), tuple(spans))


def _directive_spans(text: str) -> list[Span]:
    # The directive pattern tries every position of the text; most documents have none.
    return directive_spans(text) if "alignqa" in text else []


def _fence_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    opener: str | None = None
    block_start = 0
    pos = 0
    for line in _lines(text):
        m = _FENCE_RE.match(line)
        if opener is None:
            if m:
                opener, block_start = m.group(1), pos
        elif m and m.group(1)[0] == opener[0] and len(m.group(1)) >= len(opener) \
                and not line[m.end():].strip():
            spans.append((block_start, pos + len(line.rstrip("\n"))))
            opener = None
        pos += len(line)
    if opener is not None:  # CommonMark: an unclosed fence runs to the end of the document
        spans.append((block_start, len(text)))
    return spans


def _front_matter_span(text: str) -> list[Span]:
    if not text.startswith("---\n"):
        return []
    pos = 4
    for line in _lines(text[4:]):
        if line.rstrip() in _FRONT_MATTER_END:
            return [(0, pos + len(line.rstrip("\n")))]
        pos += len(line)
    return []


def _lines(text: str) -> list[str]:
    """Lines with their newline kept; unlike str.splitlines, only a line feed ends a line."""
    return [line + "\n" for line in text.split("\n")[:-1]] + [text.rsplit("\n", 1)[-1]]


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        elif s < e:
            merged.append((s, e))
    return merged


def _blank(text: str, spans: list[Span]) -> str:
    if not spans:
        return text
    out, pos = [], 0
    for s, e in _merge(spans):
        out.append(text[pos:s])
        out.append(re.sub(r"[^\n]", " ", text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out)
