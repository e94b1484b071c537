"""``alignqa init``: look at a repository, propose the ``files`` entries of its layout, write them.

Every file path is read for a part that spells a locale: a folder (``docs/de/``), a folder's
suffix (``pages.de/``, ``pages.pt_BR/``), Android's ``values-de/`` and Xcode's ``de.lproj/``, a file
stem (``locales/de.json``) or a name's suffix (``guide.de.md``). Replacing that part with its
placeholder gives a translation pattern; a pattern that several locales share, and whose source
(the same path in the source locale, or the unsuffixed folder or name) exists, becomes an entry.
Docusaurus' ``i18n/<locale>/docusaurus-plugin-content-docs/current/`` pairs with ``docs/``;
bilingual files (PO, XLIFF, String Catalogs) are entries of their own.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .languages import is_language, validate_language
from .layout import FileEntry, repository_files
from .units import BILINGUAL, format_of

DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt", ".mdx")
_DOCUSAURUS = "docusaurus-plugin-content-docs/current"


@dataclass
class Proposal:
    entries: list[FileEntry]
    locales: dict[str, set[str]]  # translation pattern -> locales found
    locale_map: dict[str, str]

    def toml(self, source_lang: str, table: str = "") -> str:
        """The proposal as TOML: top-level keys for alignqa.toml, ``[tool.alignqa]`` for
        pyproject.toml (``table="tool.alignqa"``)."""
        prefix = f"{table}." if table else ""
        lines = [f"[{table}]"] if table else []
        lines.append(f'source-lang = "{source_lang}"')
        for entry in self.entries:
            found = self.locales.get(entry.translation or entry.source, set())
            lines += ["", f"# {len(found)} locale(s): {', '.join(sorted(found))}" if found else
                      "# bilingual files: each holds its source and one translation",
                      f"[[{prefix}files]]", f"source = {_quote(entry.source)}"]
            if entry.translation:
                lines.append(f"translation = {_quote(entry.translation)}")
        if self.locale_map:
            lines += ["", f"[{prefix}locale-map]"]
            lines += [f"{_quote(k)} = {_quote(v)}" for k, v in sorted(self.locale_map.items())]
        return "\n".join(lines) + "\n"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def propose(root: Path, source_lang: str = "en") -> Proposal:
    source = validate_language(source_lang)
    files = [f for f in repository_files(root)
             if f.lower().endswith(DOCUMENT_SUFFIXES) or format_of(Path(f))]
    present = set(files)
    folders = {f.rsplit("/", 1)[0] for f in files if "/" in f}
    folders |= {p for f in folders for p in _parents(f)}
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)   # (source, translation) -> locales
    spelled: dict[str, str] = {}
    bilingual: set[str] = set()
    for rel in files:
        fmt = format_of(Path(rel))
        if fmt in BILINGUAL and _bilingual_here(rel, fmt, source):
            bilingual.add(_bilingual_pattern(rel, fmt))
            continue
        for src, translation, token in _candidates(rel, source, folders, present):
            locale = validate_language(token)
            if locale == source:
                continue
            groups[(src, translation)].add(locale)
            spelled[token] = locale
    entries, locales = [], {}
    taken: set[str] = set()
    for (src, translation), found in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if src in taken:
            continue  # a narrower reading of a layout already proposed
        taken.add(src)
        tokens = {t for t, loc in spelled.items() if loc in found}
        if any("_" in t for t in tokens):  # pages.pt_BR/: every locale spelled with '_'
            translation = translation.replace(_ANY_LOCALE, "%locale_with_underscore%")
        entries.append(FileEntry(src, translation))
        locales[translation] = found
    entries += [FileEntry(p) for p in sorted(bilingual)]
    # Spellings other than the canonical ones (pt_br), named so a reader sees what they mean.
    locale_map = {t: loc for t, loc in spelled.items() if t not in (loc, loc.replace("-", "_"))}
    return Proposal(entries, locales, locale_map)


def _parents(folder: str) -> list[str]:
    parts = folder.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


_ANY_LOCALE = "%locale%"  # the spelling is decided per entry, from every token it matched


def _candidates(rel: str, source: str, folders: set[str],
                present: set[str]) -> list[tuple[str, str, str]]:
    """(source pattern, translation pattern, locale token) readings of one path."""
    parts = rel.split("/")
    name = parts[-1]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    star = f"*.{ext}" if ext else "*"
    out = []
    for i, part in enumerate(parts[:-1]):
        head, rest = parts[:i], parts[i + 1:]
        tail = "/**/%original_file_name%"
        base = "/".join([*head, ""])
        # docs/de/..., i18n/de/docusaurus-plugin-content-docs/current/...
        if is_language(part):
            ph = _ANY_LOCALE
            inner = "/".join(rest[:-1])
            if head == ["i18n"] and inner.startswith(_DOCUSAURUS) and "docs" in folders:
                out.append((f"docs/**/{star}", f"i18n/{ph}/{_DOCUSAURUS}/**/%original_file_name%",
                            part))
            src_folder = f"{base}{_spell_like(source, part)}"
            if src_folder in folders:  # every ancestor of a file's folder is in folders too
                out.append((f"{src_folder}/**/{star}", f"{base}{ph}{tail}", part))
        # pages.de/..., pages_pt_BR/...
        for sep in (".", "-", "_"):
            stem, _, token = part.rpartition(sep)
            if stem and token and sep != "_" and is_language(token):
                ph = _ANY_LOCALE
                if f"{base}{stem}" in folders:
                    out.append((f"{base}{stem}/**/{star}", f"{base}{stem}{sep}{ph}{tail}", token))
        # Android values-de/, values-pt-rBR/; Xcode de.lproj/
        m = re.fullmatch(r"values-([a-z]{2,3}(?:-r[A-Z]{2})?)", part)
        if m and f"{base}values/{'/'.join(rest)}" in present:
            token = m.group(1).replace("-r", "-")
            out.append((f"{base}values/{'/'.join(rest)}",
                        f"{base}values-%android_code%/{'/'.join(rest)}", token))
        m = re.fullmatch(r"(.+)\.lproj", part)
        if m and is_language(m.group(1)):
            for src_name in (f"{_spell_like(source, m.group(1))}.lproj", "Base.lproj"):
                if f"{base}{src_name}/{'/'.join(rest)}" in present:
                    out.append((f"{base}{src_name}/{'/'.join(rest)}",
                                f"{base}%osx_locale%.lproj/{'/'.join(rest)}", m.group(1)))
                    break
    folder = "/".join([*parts[:-1], ""])
    stem = name[:-len(ext) - 1] if ext else name
    # locales/de.json
    if is_language(stem) and f"{folder}{_spell_like(source, stem)}.{ext}" in present:
        out.append((f"{folder}{_spell_like(source, stem)}.{ext}",
                    f"{folder}{_ANY_LOCALE}.{ext}", stem))
    # docs/guide.de.md
    pieces = name.split(".")
    if len(pieces) >= 3 and is_language(pieces[-2]) and \
            f"{folder}{'.'.join(pieces[:-2])}.{ext}" in present:
        top = parts[0] + "/" if len(parts) > 1 else ""
        out.append((f"{top}**/{star}", f"{top}**/%file_name%.{_ANY_LOCALE}."
                    f"{ext}", pieces[-2]))
    return out


def _spell_like(locale: str, token: str) -> str:
    return locale.replace("-", "_") if "_" in token else locale


def _bilingual_here(rel: str, fmt: str, source: str) -> bool:
    if fmt == "xcstrings":
        return True
    stem = Path(rel).stem
    return fmt in BILINGUAL and (Path(rel).suffix != ".pot") and not (
        is_language(stem) and validate_language(stem) == source)


def _bilingual_pattern(rel: str, fmt: str) -> str:
    folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
    return f"{folder}*{Path(rel).suffix}" if fmt != "xcstrings" else "**/*.xcstrings"


def write_proposal(root: Path, proposal: Proposal, source_lang: str, target: str) -> Path:
    """Write to ``alignqa.toml`` (new file) or append ``[tool.alignqa]`` to ``pyproject.toml``;
    refuse to replace an alignqa config that exists."""
    from .atomic import atomic_write_text

    if target == "pyproject.toml":
        path = root / "pyproject.toml"
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        try:
            data = tomllib.loads(old)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path) from None
        if "alignqa" in (data.get("tool") or {}):
            raise ConfigError("already has a [tool.alignqa] table; edit it instead", path)
        text = (old.rstrip("\n") + "\n\n" if old.strip() else "") + \
            proposal.toml(source_lang, "tool.alignqa")
    else:
        path = root / "alignqa.toml"
        if path.exists():
            raise ConfigError("already exists; edit it, or remove it to start again", path)
        text = proposal.toml(source_lang)
    atomic_write_text(path, text)
    return path
