"""Line structure of a (masked) Markdown or plain-text document: which lines are headings, list
items, table rows or paragraph text, and where the text of each starts after its marker.

Punkt ignores line breaks, so a heading would glue onto the sentence after it; lines are
therefore classified first and only paragraph and list-item text is split into sentences.
A line without terminal punctuation that continues in lower case (or is longer than a heading)
is a wrapped line of the same paragraph and is joined with the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import HEADING, LIST_ITEM, SENTENCE, TABLE_ROW
from ..languages import CJK
from .ordinals import ORDINAL_PERIOD_LANGUAGES

_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING_RE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE_RE = re.compile(r" {0,3}>[ \t]?")
_BULLET_RE = re.compile(r"^([ \t]*)([-*+•])[ \t]+(?:(\[[ xX]\])[ \t]+)?")
_ORDERED_RE = re.compile(r"^([ \t]*)(\d{1,9}[.)])(?:[ \t]+|$)")
_HR_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+[ \t]*(?:[\"'(].*)?$")
_HTML_ONLY_RE = re.compile(r"^[ \t]*(?:</?[A-Za-z][^>]*>[ \t]*)+$")
_HAS_TEXT_RE = re.compile(r"[^\W_]")
_CLOSERS = "\"'”’»)]}」』）】"
# Punctuation that ends a sentence: a line ending in one is complete.
SENTENCE_END = ".!?…。！？।॥؟۔"
# Punctuation that marks a line as prose rather than a heading.
PROSE_END = SENTENCE_END + ":;,、，：；"
HEADING_MAX_WORDS = 10
HEADING_MAX_CHARS = 80
CJK_HEADING_MAX_CHARS = 30


@dataclass
class Block:
    """A run of document text with one kind: ``[start, end)`` holds the text after the marker
    (and, for a wrapped paragraph, the following lines). Headings and table rows are one segment
    each; other blocks are split into sentences. ``bare`` marks a one-line plain paragraph in a
    document without Markdown headings: the segmenter decides whether it is a heading."""

    start: int
    end: int
    kind: str
    marker: str = ""
    bare: bool = False
    joinable: bool = False

    @property
    def split(self) -> bool:
        return self.kind in (SENTENCE, LIST_ITEM)


def blocks(masked: str, lang: str) -> list[Block]:
    """The blocks of a masked document, in order."""
    lines = masked.split("\n")
    starts = _line_starts(lines)
    out: list[Block] = []
    has_headings = False
    in_table = False
    previous_blank = True
    for i, line in enumerate(lines):
        pos = starts[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            in_table = False
            previous_blank = True
            continue
        last = out[-1] if out and not previous_blank else None
        previous_blank = False

        if _SETEXT_RE.match(line) and last and last.bare and last.start >= starts[i - 1]:
            last.kind, last.bare, last.joinable = HEADING, False, False
            has_headings = True
            continue
        if "|" in line and _TABLE_DELIMITER_RE.match(line):
            in_table = True
            continue
        if _HR_RE.match(line) or not _HAS_TEXT_RE.search(line):
            _close(out)
            continue

        quote, body = _quote_prefix(line)
        content_pos = pos + len(line) - len(body)
        atx = _ATX_RE.match(body)
        if atx:
            start, end = _strip(masked, content_pos + atx.end(),
                                content_pos + len(_ATX_CLOSING_RE.sub("", body)))
            out.append(Block(start, end, HEADING, _join_markers(quote, atx.group(1))))
            has_headings = True
            continue
        # A table ends at a line without a pipe, blank or not.
        in_table = in_table and "|" in body
        if in_table or body.lstrip().startswith("|") or (
                "|" in body and "|" in following and _TABLE_DELIMITER_RE.match(following)):
            in_table = True
            out.append(_table_row(masked, content_pos, body, quote))
            continue

        item = _list_marker(body, lang)
        if item:
            marker, width = item
            start, end = _strip(masked, content_pos + width, content_pos + len(body))
            out.append(Block(start, end, LIST_ITEM, _join_markers(quote, marker),
                             joinable=not quote))
            continue
        if _LINK_DEFINITION_RE.match(body) or _HTML_ONLY_RE.match(body):
            _close(out)
            continue

        start, end = _strip(masked, content_pos, content_pos + len(body))
        if not quote and last is not None and last.joinable and _continues(
                masked[last.start:last.end], body, last.kind, lang):
            last.end, last.bare = end, False
            continue
        out.append(Block(start, end, SENTENCE, quote, bare=not quote, joinable=not quote))

    for b in out:
        b.bare = b.bare and not has_headings
    return out


def is_heading_like(text: str, lang: str) -> bool:
    """Short, and not ending the way prose does: a bare heading line."""
    core = text.rstrip(_CLOSERS + " \t")
    return bool(core) and core[-1] not in PROSE_END and is_short(text, lang)


def is_short(text: str, lang: str) -> bool:
    if lang in CJK:
        return len("".join(text.split())) <= CJK_HEADING_MAX_CHARS
    return len(text) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS


def ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS + " \t")
    return bool(core) and core[-1] in SENTENCE_END


def _continues(previous: str, line: str, kind: str, lang: str) -> bool:
    """Whether ``line`` continues the paragraph or list item ``previous`` (a wrapped line)."""
    if kind == LIST_ITEM and line[:2].isspace():
        return True  # an indented continuation of a list item, complete sentence or not
    last_line = previous.rsplit("\n", 1)[-1]
    if ends_sentence(last_line):
        return False
    first = line.lstrip()[:1]
    return first.islower() or not is_short(last_line, lang)


def _list_marker(body: str, lang: str) -> tuple[str, int] | None:
    """(marker, width of marker and spaces) of a list item line, or None."""
    m = _BULLET_RE.match(body)
    if m:
        marker = m.group(2) if not m.group(3) else f"{m.group(2)} {m.group(3)}"
        return marker, m.end()
    m = _ORDERED_RE.match(body)
    if not m:
        return None
    number = m.group(2)
    # "1999. That year...": a year starts a sentence, not a list. "2. janvārī": in languages
    # writing ordinals with a period, neither does a number before a lower-case word.
    if len(number) > 4 or (lang in ORDINAL_PERIOD_LANGUAGES and number.endswith(".")
                           and body[m.end():m.end() + 1].islower()):
        return None
    return number, m.end()


def _table_row(masked: str, pos: int, body: str, quote: str) -> Block:
    inner_start, inner_end = pos, pos + len(body.rstrip())
    stripped = body.lstrip()
    if stripped.startswith("|"):
        inner_start = pos + len(body) - len(stripped) + 1
    if masked[inner_end - 1] == "|" and masked[inner_end - 2:inner_end] != "\\|":
        inner_end -= 1
    start, end = _strip(masked, inner_start, max(inner_start, inner_end))
    return Block(start, end, TABLE_ROW, _join_markers(quote, "|"))


def _quote_prefix(line: str) -> tuple[str, str]:
    """('>' per quote level, the line after them)."""
    depth, pos = 0, 0
    while m := _QUOTE_RE.match(line, pos):
        depth, pos = depth + 1, m.end()
    return ">" * depth, line[pos:]


def _join_markers(*markers: str) -> str:
    return " ".join(m for m in markers if m)


def _close(out: list[Block]) -> None:
    if out:
        out[-1].joinable = False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts
