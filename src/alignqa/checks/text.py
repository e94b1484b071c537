"""Small text helpers shared by the checks: excerpts for messages, words, comparable forms."""

from __future__ import annotations

import re
import unicodedata

from .markup import find_tokens, mask

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def excerpt(text: str, limit: int = 80) -> str:
    """``text`` on one line, shortened for a message at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def words(text: str) -> list[str]:
    """Words that hold a letter, protected tokens (URLs, code, placeholders) left out."""
    return _WORD_RE.findall(mask(text, ((t.start, t.end) for t in find_tokens(text))))


def comparable(text: str) -> str:
    """A form in which two renderings of the same sentence compare equal: case, width, spacing
    and punctuation removed (a typo in a comma is the punctuation check's business)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    return " ".join(text.split())


def is_cjk(char: str) -> bool:
    """Han, kana and Hangul: scripts written without spaces, dense in meaning per character."""
    name = unicodedata.name(char, "")
    return name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA",
                            "HANGUL"))
