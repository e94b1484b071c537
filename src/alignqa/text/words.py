"""Small text helpers shared by the checks: excerpts for messages, words, comparable forms."""

from __future__ import annotations

import re
import unicodedata


def excerpt(text: str, limit: int = 80) -> str:
    """``text`` on one line, shortened for a message at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def word_count(text: str) -> int:
    """Words of ``text``; in CJK text, written without spaces, two characters count as a word."""
    count = 0
    for token in text.split():
        cjk = sum(1 for c in token if is_cjk(c))
        count += max(1, cjk // 2) if cjk else 1
    return count


# Neither str.isalnum nor str.isspace (\w is isalnum plus '_'; checked on every code point).
_NOT_ALNUM_RE = re.compile(r"[^\w\s]|_")


def comparable(text: str) -> str:
    """A form in which two renderings of the same sentence compare equal: case, width, spacing
    and punctuation removed (a typo in a comma is the punctuation check's business)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_ALNUM_RE.sub(" ", text).split())


# Han (with extensions and compatibility ideographs), kana and Hangul.
_CJK_RANGES = ((0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x3400, 0x4DBF),
               (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
               (0x20000, 0x3FFFF))


# The same ranges as one character class, to count a text's CJK characters in one scan.
CJK_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")


def is_cjk(char: str) -> bool:
    """Han, kana and Hangul: scripts written without spaces, dense in meaning per character."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)
