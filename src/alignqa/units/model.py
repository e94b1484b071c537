"""Units of keyed localization files: what a PO entry, a JSON key or an Android ``<string>`` is
once read, with where its text stands in the file."""

from __future__ import annotations

from dataclasses import dataclass

TRANSLATED = "translated"
FUZZY = "fuzzy"
NEEDS_REVIEW = "needs-review"
UNTRANSLATED = "untranslated"
NOT_IN_SOURCE = "not-in-source"
STATES = (FUZZY, NEEDS_REVIEW, UNTRANSLATED, NOT_IN_SOURCE)

# CLDR plural categories: a form the source lacks pairs with the source's "other" form.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@dataclass(frozen=True)
class Text:
    """A unit's text on one side and where it stands: 1-based line and column, 0-based character
    offsets [start, end) into the decoded file text."""

    text: str
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Unit:
    """One unit. ``text`` is the file's own text for the unit (the translation in a bilingual
    file); ``source`` is the bilingual file's source text, None in a monolingual file.
    ``key`` is unique in its file (msgctxt + msgid, a JSON path, a resource name); plural forms
    and array items get ``[form]`` / ``[index]`` after it."""

    key: str
    text: Text
    source: Text | None = None
    state: str = TRANSLATED
    # For a plural form: the key of the unit it is a form of, and the form's category or index.
    plural_of: str = ""
    form: str = ""


@dataclass(frozen=True)
class Skipped:
    """A unit left out of the comparison, and why (its ``state``)."""

    key: str
    state: str
    source: Text | None
    target: Text | None
