"""The ``segment`` stage: documents into located segments (headings, list items, table rows,
sentences) for the aligner."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..document import HEADING, SENTENCE, TABLE_ROW, Document, Segment, read_text
from ..errors import InputError
from ..files import DEFAULT_MAX_FILE_SIZE
from ..languages import CJK, base_language, validate_language
from .boundaries import sentence_spans
from .cjk import cjk_sentence_spans
from .markdown import Block, blocks, is_heading_like, is_short
from .masking import MaskedText, mask_directives, mask_markdown

_HAS_TEXT_RE = re.compile(r"[^\W_]")

Span = tuple[int, int]


def segment_text(text: str, lang: str) -> list[Segment]:
    """Split a Markdown or plain-text document into segments.

    Headings (``#`` lines, or short bare lines in a document without them), list items and
    table rows keep their own segments; paragraph text is split into sentences. Code blocks,
    HTML comments and suppression directives are left out, and ``text[s.start:s.end] == s.text``
    holds for every segment ``s``.
    """
    lang = _language(lang)
    masked = mask_markdown(text)
    locate = _Locator(text)
    segments: list[Segment] = []
    for block in blocks(masked.text, lang):
        kind = block.kind
        if block.bare and _is_bare_heading(masked.text, block, lang):
            kind = HEADING
        spans = sentences(masked.text, block.start, block.end, lang) if (
            kind != HEADING and block.split) else [(block.start, block.end)]
        marker = block.marker
        for start, end in _visible(masked, spans, "|" if kind == TABLE_ROW else ""):
            segments.append(locate.segment(start, end, kind, marker))
            marker = ""
    return segments


def segment_lines(text: str) -> list[Segment]:
    """Pre-split mode: line ``k`` (0-based) of the text is segment ``k``, always.

    Aligned line-by-line corpora (Text+Berg, the Bible, any ``.de``/``.fr`` pair) refer to
    segments by line number, so no line may be dropped or merged: a line holding only
    punctuation (``!``, ``» .``) is a segment, and a blank line is an empty one. Each segment is
    its line trimmed of surrounding whitespace, with suppression directives cut off its ends
    (a line holding only a directive is empty); Markdown is not interpreted. A final newline
    does not start another line.
    """
    masked = mask_directives(text)
    locate = _Locator(text)
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    segments: list[Segment] = []
    pos = 0
    for line in lines:
        start, end = _line_content(masked, pos, pos + len(line))
        segments.append(locate.segment(start, end, SENTENCE, ""))
        pos += len(line) + 1
    return segments


def _line_content(masked: MaskedText, start: int, end: int) -> Span:
    """The line's span from its first to its last visible non-space character (an empty span
    at the line's start when there is none)."""
    pieces = masked.visible_pieces(start, end) if masked.spans else [(start, end)]
    text = masked.text
    first = next((a for a, b in pieces if text[a:b].strip()), None)
    if first is None:
        return start, start
    last = max(b for a, b in pieces if text[a:b].strip())
    while text[first].isspace():
        first += 1
    while text[last - 1].isspace():
        last -= 1
    return first, last


def load_document(path: str | Path, lang: str, *, presplit: bool = False,
                  max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read, decode and segment one document; InputError names the file when it cannot be used.

    Files over ``max_size`` bytes are refused (config ``max-file-size``).
    """
    lang = validate_language(lang, path)
    from ..units.html import is_html, load_html_document  # units reads through this module

    if is_html(Path(path)) and not presplit:

        return load_html_document(Path(path), lang, max_size)
    text = read_text(path, max_size)
    segments = segment_lines(text) if presplit else segment_text(text, lang)
    if not any(s.text for s in segments):
        raise InputError("no text to align (only code, comments or markup)", path)
    return Document(path=Path(path), lang=lang, text=text, segments=segments)


def sentences(text: str, start: int, end: int, lang: str) -> list[Span]:
    """Sentence spans of ``text[start:end]`` by the rules of base language ``lang``."""
    if lang in CJK:
        return cjk_sentence_spans(text, start, end)
    return sentence_spans(text, start, end, lang)


def _is_bare_heading(text: str, block: Block, lang: str) -> bool:
    """A bare line is a heading when short and not ending like prose, or when it is a short
    question standing alone on its line ("Kas ir klienta saskarsme?")."""
    line = text[block.start:block.end]
    if is_heading_like(line, lang):
        return True
    return line.rstrip().endswith(("?", "？")) and is_short(line, lang) and len(
        sentences(text, block.start, block.end, lang)) == 1


def _visible(masked: MaskedText, spans: list[Span], edge: str = "") -> Iterator[Span]:
    """Each span minus masked text, trimmed of whitespace and ``edge`` characters; a masked
    comment inside a span splits it, since a segment's text is an exact slice of the document.
    Pieces without a letter or digit go."""
    text = masked.text
    for start, end in spans:
        pieces = masked.visible_pieces(start, end) if masked.spans else [(start, end)]
        for a, b in pieces:
            while a < b and (text[a].isspace() or text[a] in edge):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in edge):
                b -= 1
            if a < b and _HAS_TEXT_RE.search(text, a, b):
                yield a, b


class _Locator:
    """Line and column of offsets in one text."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def segment(self, start: int, end: int, kind: str, marker: str) -> Segment:
        line = bisect.bisect_right(self.line_starts, start)
        column = start - self.line_starts[line - 1] + 1
        return Segment(self.text[start:end], kind, line, column, start, end, marker)


@lru_cache(maxsize=256)
def _language(lang: str) -> str:
    # Segmentation rules are per language: pt-BR segments as pt.
    return base_language(validate_language(lang))
