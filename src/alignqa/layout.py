"""Layouts by configuration: ``files`` entries in the style of Crowdin and Transifex.

Each entry is a source pattern and a translation pattern relative to the config file's folder (the
repository root)::

    [[tool.alignqa.files]]
    source = "pages/**/*.md"
    translation = "pages.%locale_with_underscore%/**/%original_file_name%"

``**`` stands for any folders (the same ones on both sides), ``*`` for part of one name. The
placeholders (:data:`PLACEHOLDERS`) stand for the translation's locale in several spellings and for
the source file's name. An entry without ``translation`` names bilingual files, each of which is a
pair by itself (``po/*.po``, ``**/*.xlf``, ``*.xcstrings``). ``locale-map`` maps a locale as spelled
in a path to the locale it means (``pt_BR = "pt-BR"``, ``iw = "he"``).

Patterns are compiled to regular expressions and every file under the root is matched once, so a
layout is found without knowing its locales in advance; a path part that a locale placeholder
matches but that names no locale (``pages.common/``) is not a translation.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .corpus import Corpus, DocumentPair
from .errors import ConfigError, InputError
from .files import DEFAULT_MAX_FILE_SIZE
from .globs import matches
from .languages import is_language, validate_language
from .report.common import display_path

# Placeholder -> (what it stands for, regular expression of what it matches).
_TAG = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "%locale%": ("the locale, BCP-47 (pt-BR)", _TAG),
    "%locale_with_underscore%": ("the locale with '_' (pt_BR)", r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*"),
    "%two_letters_code%": ("the ISO 639-1 language (pt)", r"[a-z]{2}"),
    "%android_code%": ("Android's resource qualifier (pt-rBR)",
                       r"[a-z]{2,3}(?:-r[A-Z]{2})?|b\+[A-Za-z0-9+]+"),
    "%osx_locale%": ("Xcode's .lproj name (pt-BR, zh-Hans)", r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*"),
    "%original_file_name%": ("the source's file name (guide.md)", r"[^/]+"),
    "%file_name%": ("the source's file name without extension (guide)", r"[^/]+?"),
    "%file_extension%": ("the source's extension without the dot (md)", r"[^/.]+"),
}
_LOCALE_PLACEHOLDERS = ("%locale%", "%locale_with_underscore%", "%two_letters_code%",
                        "%android_code%", "%osx_locale%")
_NAME_GROUPS = {"%original_file_name%": "ofn", "%file_name%": "fn", "%file_extension%": "ext"}
_TOKEN_RE = re.compile(r"%[a-z_]+%|\*\*/|/\*\*\Z|\*\*|\*|\?|[^%*?/]+|/|%")
# Folders never searched for documents.
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


@dataclass(frozen=True)
class FileEntry:
    """One ``files`` entry: a source pattern and, unless bilingual, a translation pattern."""

    source: str
    translation: str | None = None


@dataclass
class Layout:
    entries: list[FileEntry]
    source_lang: str
    # Locale as spelled in a path -> the locale it means.
    locale_map: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)


def parse_entries(raw: list, path: Path | None) -> list[FileEntry]:
    """Validate the ``files`` config value: a list of tables with ``source`` and ``translation``."""
    entries = []
    for i, item in enumerate(raw):
        where = f"config key 'files' entry {i + 1}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where} must be a table with 'source' and 'translation'", path)
        unknown = set(item) - {"source", "translation"}
        if unknown:
            raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: source, "
                              "translation)", path)
        for key in ("source", "translation"):
            if key in item and not isinstance(item[key], str):
                raise ConfigError(f"{where}: '{key}' must be a string", path)
        if "source" not in item:
            raise ConfigError(f"{where}: 'source' is missing", path)
        for key in ("source", "translation"):
            if key in item:
                _check_pattern(item[key], f"{where}: '{key}'", path)
        if "translation" in item and not any(p in item["translation"] for p in
                                             _LOCALE_PLACEHOLDERS):
            raise ConfigError(f"{where}: 'translation' has no locale placeholder (one of "
                              f"{', '.join(_LOCALE_PLACEHOLDERS)})", path)
        entries.append(FileEntry(_relative(item["source"]),
                                 _relative(item.get("translation") or "") or None))
    return entries


def _relative(pattern: str) -> str:
    """Crowdin writes ``/docs/**/*.md`` and some users ``./docs/...``: both mean the root's docs/."""
    pattern = pattern.strip()
    while pattern.startswith(("./", "/")):
        pattern = pattern[2:] if pattern.startswith("./") else pattern[1:]
    return pattern.rstrip("/")


def parse_locale_map(raw: dict, path: Path | None) -> dict[str, str]:
    out = {}
    for token, locale in raw.items():
        if not isinstance(locale, str):
            raise ConfigError(f"config key 'locale-map' entry {token!r} must be a string", path)
        try:
            out[token] = validate_language(locale)
        except InputError as exc:
            raise ConfigError(f"config key 'locale-map' entry {token!r}: {exc.message}",
                              path) from None
    return out


def _check_pattern(pattern: str, where: str, path: Path | None) -> None:
    for token in re.findall(r"%[^%/]*%", pattern):
        if token not in PLACEHOLDERS:
            raise ConfigError(f"{where}: unknown placeholder {token} (known: "
                              f"{', '.join(PLACEHOLDERS)})", path)


# -- locale spellings -------------------------------------------------------------------------

def spell(locale: str, placeholder: str) -> str:
    """``locale`` (BCP-47) as ``placeholder`` writes it."""
    parts = locale.split("-")
    if placeholder == "%locale_with_underscore%":
        return "_".join(parts)
    if placeholder == "%two_letters_code%":
        return parts[0]
    if placeholder == "%android_code%":
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2 and len(parts[1]) == 2:
            return f"{parts[0]}-r{parts[1]}"
        return "b+" + "+".join(parts)
    return locale


def read_locale(token: str, placeholder: str, locale_map: dict[str, str]) -> str | None:
    """The locale a path part spells, or None when it names no locale."""
    if token in locale_map:
        return locale_map[token]
    if placeholder == "%android_code%":
        token = token[2:].replace("+", "-") if token.startswith("b+") else token.replace("-r", "-")
    return validate_language(token) if is_language(token) else None


# -- patterns -> regular expressions ----------------------------------------------------------

@dataclass
class _Compiled:
    regex: re.Pattern[str]
    locale_groups: dict[str, str]  # group name -> placeholder
    name_groups: set[str]          # of sub, ofn, fn, ext


def _compile(pattern: str, locale_map: dict[str, str], fixed: dict[str, str] | None = None
             ) -> _Compiled:
    """``pattern`` as a regex. ``fixed`` replaces placeholders by literal text (the source
    locale's spellings in a source pattern)."""
    out: list[str] = []
    locale_groups: dict[str, str] = {}
    names: set[str] = set()
    for token in _TOKEN_RE.findall(pattern):
        if fixed and token in fixed:
            out.append(re.escape(fixed[token]))
        elif token in _LOCALE_PLACEHOLDERS:
            group = "loc" + str(_LOCALE_PLACEHOLDERS.index(token))
            if group in locale_groups:
                out.append(f"(?P={group})")
            else:
                known = "|".join(re.escape(k) for k in sorted(locale_map, key=len, reverse=True))
                alternatives = f"{known}|{PLACEHOLDERS[token][1]}" if known else \
                    PLACEHOLDERS[token][1]
                out.append(f"(?P<{group}>{alternatives})")
                locale_groups[group] = token
        elif token in _NAME_GROUPS:
            group = _NAME_GROUPS[token]
            out.append(f"(?P={group})" if group in names else
                       f"(?P<{group}>{PLACEHOLDERS[token][1]})")
            names.add(group)
        elif token == "**/":
            out.append("(?P<sub>(?:[^/]+/)*)" if "sub" not in names else "(?P=sub)")
            names.add("sub")
        elif token in ("/**", "**"):
            out.append("(?P<sub>(?:/[^/]+)*)" if token == "/**" else "(?P<sub>.*)")
            names.add("sub")
        elif token == "*":
            out.append("[^/]*")
        elif token == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(token))
    return _Compiled(re.compile("".join(out) + r"\Z"), locale_groups, names)


def _source_keys(m: re.Match[str], rel: str) -> dict[str, str]:
    name = rel.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return {"sub": m.groupdict().get("sub") or "", "ofn": name, "fn": stem if dot else name,
            "ext": ext if dot else ""}


def _translation_locale(m: re.Match[str], compiled: _Compiled,
                        locale_map: dict[str, str]) -> str | None:
    found = {read_locale(m.group(g), p, locale_map) for g, p in compiled.locale_groups.items()}
    if None in found or len(found) != 1:
        return None
    return found.pop()


# -- discovery --------------------------------------------------------------------------------

def repository_files(root: Path) -> list[str]:
    """Every file under ``root`` as a POSIX path relative to it, hidden folders left out, sorted.
    Hidden files stay: tldr's page for ``..`` is ``..md``, and patterns decide what is wanted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        base = Path(folder).relative_to(root)
        found += [(base / f).as_posix() for f in files]
    return sorted(found)


def discover(root: Path, layout: Layout, only: set[Path] | None = None,
             max_size: int = DEFAULT_MAX_FILE_SIZE) -> Corpus:
    """Every source/translation pair of ``layout`` under ``root``; ``only`` restricts to pairs
    with one of these files (resolved paths); a bilingual file is read (for its locales) only
    when it is at most ``max_size`` bytes."""
    from .units import bilingual_locales, format_of

    source_locale = validate_language(layout.source_lang)
    corpus = Corpus(root=root, source_lang=source_locale)
    files = [f for f in repository_files(root) if not matches(f, layout.exclude)]
    seen: set[tuple[Path, Path, str]] = set()

    def wanted(*paths: Path) -> bool:
        return only is None or bool({p.resolve() for p in paths} & only)

    fixed = {p: spell(source_locale, p) for p in _LOCALE_PLACEHOLDERS}
    for entry in layout.entries:
        source_re = _compile(entry.source, layout.locale_map, fixed)
        if entry.translation is None:
            for rel in files:
                if not source_re.regex.match(rel) or not wanted(root / rel):
                    continue
                fmt = format_of(root / rel)
                if not fmt:
                    raise InputError("a 'files' entry without 'translation' names bilingual "
                                     "files (PO, XLIFF, .xcstrings); this is none", root / rel)
                for locale in bilingual_locales(root / rel, fmt, layout.locale_map, max_size):
                    if locale != source_locale:
                        corpus.pairs.append(DocumentPair(root, PurePosixPath(rel), source_locale,
                                                         locale, root / rel, root / rel, fmt))
            continue
        target_re = _compile(entry.translation, layout.locale_map)
        translations: list[tuple[str, str, tuple]] = []
        for rel in files:
            m = target_re.regex.match(rel)
            if m:
                found = _translation_locale(m, target_re, layout.locale_map)
                if found is not None and found != source_locale:
                    key = tuple(m.group(g) for g in sorted(target_re.name_groups))
                    translations.append((rel, found, key))
        taken = {rel for rel, _, _ in translations}
        sources: dict[tuple, str] = {}
        for rel in files:
            m = source_re.regex.match(rel)
            if m and rel not in taken:
                keys = _source_keys(m, rel)
                sources.setdefault(tuple(keys[g] for g in sorted(target_re.name_groups)), rel)
        translated: set[str] = set()
        for rel, locale, key in translations:
            src = sources.get(key)
            if not wanted(root / rel, *([root / src] if src else [])):
                continue
            if src is None:
                corpus.notices.append(f"{display_path(root / rel)}: translation without a source (no "
                                      f"file of '{entry.source}' matches it)")
                continue
            if (root / src, root / rel, locale) in seen:
                continue
            seen.add((root / src, root / rel, locale))
            translated.add(src)
            corpus.pairs.append(DocumentPair(root, PurePosixPath(src), source_locale, locale,
                                             root / src, root / rel, format_of(root / src)))
        for src in sorted(set(sources.values()) - translated):
            if wanted(root / src):
                corpus.notices.append(f"{display_path(root / src)}: source without any translation")
    return corpus


def locale_of(path: Path, root: Path, layout: Layout) -> str | None:
    """The locale ``path`` is in under ``layout``: the source locale for a source, the
    translation's for a translation, None when no pattern matches it."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    source_locale = validate_language(layout.source_lang)
    for entry in layout.entries:
        if entry.translation:
            m = (c := _compile(entry.translation, layout.locale_map)).regex.match(rel)
            if m and (locale := _translation_locale(m, c, layout.locale_map)):
                return locale
    fixed = {p: spell(source_locale, p) for p in _LOCALE_PLACEHOLDERS}
    if any(_compile(e.source, layout.locale_map, fixed).regex.match(rel) for e in layout.entries):
        return source_locale
    return None


def guess_locale(path: Path) -> str | None:
    """Without a layout: the nearest folder whose name, or whose last ``.``-separated part
    (``pages.de``), is a locale; else a locale suffix of the file name (``guide.de.md``)."""
    p = path.resolve()
    # Only the nearest folders: a locale-looking folder far up (a home directory) is no hint.
    for folder in list(p.parents)[:4]:
        name = folder.name
        for token in (name, name.rsplit(".", 1)[-1]):
            if token and is_language(token):
                return validate_language(token)
    parts = p.name.split(".")
    if len(parts) >= 3 and is_language(parts[-2]):
        return validate_language(parts[-2])
    return None
