"""ISO 639-1 language codes: the folder name of a corpus language decides its language."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from .errors import InputError

# Languages written without spaces between words: segmentation and length checks treat them apart.
CJK = frozenset({"zh", "ja", "ko"})


def validate_language(code: str, path: str | Path | None = None) -> str:
    """Return ``code`` normalised to lower case, or raise InputError when it is no ISO 639-1 code."""
    norm = code.strip().lower()
    if len(norm) != 2 or not norm.isalpha() or not _babel_knows(norm):
        raise InputError(f"unknown language code {code!r} (expected ISO 639-1, e.g. en, lv, id)", path)
    return norm


def language_name(code: str) -> str:
    """English name of a language, for messages and reports."""
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def _babel_knows(code: str) -> bool:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True
