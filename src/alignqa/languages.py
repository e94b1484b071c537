"""Locales: BCP-47 tags (``pt-BR``, ``zh-Hans``, ``sr-Latn``) or POSIX ones (``pt_BR``) name a
document's language wherever one is named: folder names, patterns, config, ``--lang``.

A tag is validated by babel and normalised to BCP-47 spelling with the subtags it was given
(``pt_br`` -> ``pt-BR``; ``zh_TW`` stays ``zh-TW``, not babel's ``zh_Hant_TW``), so reports show
the locale as given. Language-specific behaviour (segmentation rules, number formats, punctuation,
language identification) keys on :func:`base_language`, so ``pt-BR`` falls back to ``pt``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .errors import InputError

# Languages written without spaces between words: segmentation and length checks treat them apart.
CJK = frozenset({"zh", "ja", "ko"})

# language[-script][-region][-variant...], with '-' or '_' between subtags.
_TAG_RE = re.compile(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{1,8})*)$")


def validate_language(code: str, path: str | Path | None = None) -> str:
    """``code`` as a normalised BCP-47 tag, or InputError (naming ``path``) when it is none."""
    tag = _normalise(code.strip())
    if tag is None:
        raise InputError(f"unknown language code {code!r} (expected a BCP-47 or POSIX locale, "
                         "e.g. en, pt-BR, pt_BR, zh-Hans)", path)
    return tag


def is_language(code: str) -> bool:
    return _normalise(code.strip()) is not None


@lru_cache(maxsize=1024)
def base_language(tag: str) -> str:
    """The language a tag falls back to for language-specific behaviour: ``pt-BR`` -> ``pt``,
    ``iw`` -> ``he`` (babel's canonical language)."""
    locale = _babel(tag)
    return locale.language if locale is not None else tag.split("-")[0].split("_")[0].lower()


def language_name(code: str) -> str:
    """English name of a language or locale, for messages and reports."""
    locale = _babel(code)
    return (locale.get_display_name("en") if locale is not None else None) or code


@lru_cache(maxsize=1024)
def _normalise(code: str) -> str | None:
    m = _TAG_RE.match(code)
    if not m or code.lower() == "und" or _babel(code) is None:
        return None
    parts = [m.group(1).lower()]
    for sub in re.split(r"[-_]", m.group(2))[1:]:
        if len(sub) == 4 and sub.isalpha():
            parts.append(sub.title())  # script: Hans, Latn
        elif (len(sub) == 2 and sub.isalpha()) or (len(sub) == 3 and sub.isdigit()):
            parts.append(sub.upper())  # region: BR, 419
        else:
            parts.append(sub.lower())  # variant
    return "-".join(parts)


@lru_cache(maxsize=1024)
def _babel(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
