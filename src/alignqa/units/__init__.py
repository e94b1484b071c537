"""Keyed localization formats: files whose units pair by key or msgid, not by alignment.

``format_of(path)`` names a file's format ('' for documents the aligner pairs: Markdown, text,
HTML); ``bilingual_locales`` lists the translations a bilingual file holds; ``load_units`` reads
one side; ``pair_units`` (in :mod:`.pairing`) turns a pair into the Documents and Alignment every
check reads.
"""

from __future__ import annotations

from pathlib import Path

from ..document import read_file
from ..errors import InputError
from ..files import DEFAULT_MAX_FILE_SIZE
from ..languages import is_language, validate_language
from .model import Unit
from .stores import READERS, read_xcstrings, xcstrings_locales

BILINGUAL = frozenset({"po", "xliff", "xcstrings"})
_BY_SUFFIX = {
    ".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff", ".json": "json", ".arb": "json",
    ".yml": "yaml", ".yaml": "yaml", ".xml": "android", ".strings": "strings",
    ".xcstrings": "xcstrings", ".properties": "properties",
}
FORMATS = tuple(sorted(set(_BY_SUFFIX.values())))


def format_of(path: Path) -> str:
    """The keyed format of ``path`` by its extension, or '' for a document."""
    return _BY_SUFFIX.get(path.suffix.lower(), "")


def load_units(path: Path, fmt: str, locale_key: str = "",
               max_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[str, list[Unit]]:
    """(decoded text, units) of one file of at most ``max_size`` bytes; ``locale_key`` picks a
    String Catalog's locale."""
    data, text = read_file(path, max_size)
    if fmt == "xcstrings":
        return text, read_xcstrings(path, data, text, locale_key)
    units = READERS[fmt](path, data, text)
    keys = [u.key for u in units]
    if len(set(keys)) != len(keys):
        dup = next(k for k in keys if keys.count(k) > 1)
        raise InputError(f"key {dup!r} appears twice", path)
    return text, units


def bilingual_locales(path: Path, fmt: str, locale_map: dict[str, str],
                      max_size: int = DEFAULT_MAX_FILE_SIZE) -> list[str]:
    """The target locales of a bilingual file: a PO or XLIFF file holds one (its name, its
    header or its target-language), a String Catalog every locale it localizes."""
    data, text = read_file(path, max_size)
    if fmt == "xcstrings":
        return [_locale(t, locale_map, path) for t in xcstrings_locales(path, data)[1]]
    stem = path.stem
    if stem in locale_map or is_language(stem):
        return [_locale(stem, locale_map, path)]
    if fmt == "po":
        import re

        m = re.search(r'^"Language:\s*([^\\"]+)', text, re.MULTILINE)
        if m:
            return [_locale(m.group(1).strip(), locale_map, path)]
        if path.suffix == ".pot":
            return []
        raise InputError("cannot tell the PO file's language: name it <locale>.po or give it a "
                         "'Language:' header", path)
    if fmt == "xliff":
        import re

        found = re.search(rb"(?:target-language|trgLang)\s*=\s*[\"']([^\"']+)", data[:8192])
        if found:
            return [_locale(found.group(1).decode("ascii", "replace"), locale_map, path)]
        raise InputError("cannot tell the XLIFF file's target language (no target-language or "
                         "trgLang attribute)", path)
    raise InputError(f"{fmt} files are not bilingual: give the 'files' entry a 'translation' "
                     "pattern", path)


def _locale(token: str, locale_map: dict[str, str], path: Path) -> str:
    return locale_map.get(token) or validate_language(token, path)


__all__ = ["BILINGUAL", "FORMATS", "Unit", "bilingual_locales", "format_of", "load_units"]
