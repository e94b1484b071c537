"""Glossaries: required renderings and do-not-translate terms for the ``glossary`` check.

CSV (``.csv``) or TSV (``.tsv``, ``.tab``), UTF-8, with a header row naming the columns, any order:

- ``source`` (required): the source-language term.
- ``target``: the accepted rendering(s) in the target language, alternatives separated by ``|``.
- ``lang``: the target locale (``pt``, ``pt-BR``) the row is for; empty or ``*`` for every language.
- ``source_lang``: the source language the row is for; empty for any.
- ``dnt``: ``yes``/``true``/``1``/``x`` marks a do-not-translate term, which must appear unchanged.
  A row with neither ``target`` nor ``forbidden`` is do-not-translate too.
- ``forbidden``: renderings that must not be used, alternatives separated by ``|``.
- ``note``: shown to the reviewer with the finding.

Rows starting with ``#`` are comments. Rows for the same source term and languages are merged, their
targets being alternatives. TBX (``.tbx``) is read with translate-toolkit: ``<martif xml:lang>``
names the source language; each other ``langSet`` gives target terms, a term whose
administrativeStatus is deprecated is forbidden, and ``<descrip type="Translation needed">no``
marks do-not-translate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .document import decode_bytes
from .errors import InputError
from .files import missing_reason, read_regular_file
from .languages import base_language, validate_language

COLUMNS = ("source", "target", "lang", "source_lang", "dnt", "forbidden", "note")
_TRUE = {"1", "yes", "y", "true", "x", "dnt"}
_FALSE = {"", "0", "no", "n", "false"}


@dataclass(frozen=True)
class GlossaryEntry:
    source: str
    targets: tuple[str, ...] = ()
    lang: str | None = None  # target language; None: every language
    source_lang: str | None = None
    dnt: bool = False
    forbidden: tuple[str, ...] = ()
    note: str = ""
    line: int = 0

    def applies(self, source_lang: str, target_lang: str) -> bool:
        """A row for ``pt`` applies to ``pt-BR`` documents too; one for ``pt-BR`` only to those."""
        return (self.lang in (None, target_lang, base_language(target_lang))
                and self.source_lang in (None, source_lang, base_language(source_lang)))


@dataclass
class Glossary:
    path: Path
    entries: list[GlossaryEntry] = field(default_factory=list)

    def entries_for(self, source_lang: str, target_lang: str) -> list[GlossaryEntry]:
        return [e for e in self.entries if e.applies(source_lang, target_lang)]


def load_glossary(path: str | Path) -> Glossary:
    """Read a CSV, TSV or TBX glossary; InputError names the file and line of any problem."""
    p = Path(path)
    try:
        stat = p.stat()
    except FileNotFoundError:
        reason = missing_reason(p)
        raise InputError("no such glossary file" if reason == "no such file" else
                         f"glossary: {reason}", p) from None
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror or exc}", p) from None
    return _load(p.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, _mtime: int, _size: int) -> Glossary:
    """Cached per file version: every document pair of a run reads the same glossary."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".tab", ".tbx"):
        raise InputError(f"unknown glossary format {suffix or '(no extension)'!r} "
                         "(expected .csv, .tsv or .tbx)", path)
    data = read_regular_file(path, what="glossary file")
    entries = _read_tbx(data, path) if suffix == ".tbx" else _read_table(
        decode_bytes(data, path), "," if suffix == ".csv" else "\t", path)
    if not entries:
        raise InputError("glossary has no entries", path)
    return Glossary(path, _merge(entries, path))


def _read_table(text: str, delimiter: str, path: Path) -> list[GlossaryEntry]:
    header: list[str] | None = None
    entries = []
    for line, last, row in _rows(text, delimiter, path):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in row]
            _check_header(header, line, path)
            continue
        if len(row) > len(header):
            raise InputError(f"line {line}: {len(row)} fields but the header names "
                             f"{len(header)}", path)
        cells = {name: value.strip() for name, value in zip(header, row, strict=False)}
        broken = [name for name, value in cells.items() if name != "note" and "\n" in value]
        if broken:
            raise InputError(f"line {line}: the {broken[0]} field runs on to line {last}; a term "
                             "is one line (unterminated quote?)", path)
        entries.append(_entry(cells, line, path))
    if header is None:
        raise InputError("empty glossary: expected a header row such as 'source,lang,target,note'",
                         path)
    return entries


def _rows(text: str, delimiter: str, path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each row, parsed strictly: a stray or unterminated quote would
    otherwise swallow every later row into one cell and the check would quietly do nothing."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = str(exc)
            if "end of data" in problem:
                problem = "a quoted field is never closed (unterminated quote)"
            elif "field limit" in problem:
                problem = f"a field is longer than {csv.field_size_limit():,} characters"
            raise InputError(f"line {line}: {problem}", path) from None
        yield line, reader.line_num, row
        line = reader.line_num + 1


def _check_header(header: list[str], line: int, path: Path) -> None:
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise InputError(f"line {line}: unknown column(s) {', '.join(map(repr, unknown))} "
                         f"(expected {', '.join(COLUMNS)})", path)
    if "source" not in header:
        raise InputError(f"line {line}: the header needs a 'source' column", path)
    dupes = sorted({c for c in header if header.count(c) > 1})
    if dupes:
        raise InputError(f"line {line}: column(s) {', '.join(dupes)} named twice", path)


def _alternatives(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(v.split()) for v in value.split("|") if v.strip()))


def _language(value: str, what: str, line: int, path: Path) -> str | None:
    if value in ("", "*"):
        return None
    try:
        return validate_language(value)
    except InputError as exc:
        raise InputError(f"line {line}: {what}: {exc.message}", path) from None


def _entry(cells: dict[str, str], line: int, path: Path) -> GlossaryEntry:
    source = " ".join(cells.get("source", "").split())
    if not source:
        raise InputError(f"line {line}: empty source term", path)
    flag = cells.get("dnt", "").lower()
    if flag not in _TRUE | _FALSE:
        raise InputError(f"line {line}: dnt is {cells['dnt']!r}; expected yes/no, true/false, "
                         "1/0 or x", path)
    targets = _alternatives(cells.get("target", ""))
    forbidden = _alternatives(cells.get("forbidden", ""))
    dnt = flag in _TRUE
    if dnt and targets and targets != (source,):
        raise InputError(f"line {line}: {source!r} is marked do-not-translate but has a target "
                         f"{cells['target']!r}", path)
    return GlossaryEntry(
        source=source, targets=() if dnt else targets,
        lang=_language(cells.get("lang", ""), "lang", line, path),
        source_lang=_language(cells.get("source_lang", ""), "source_lang", line, path),
        dnt=dnt or (not targets and not forbidden), forbidden=forbidden,
        note=cells.get("note", ""), line=line)


def _merge(entries: list[GlossaryEntry], path: Path) -> list[GlossaryEntry]:
    """One entry per term and languages; a second row adds alternatives, never contradicts."""
    merged: dict[tuple, GlossaryEntry] = {}
    for e in entries:
        key = (e.source.casefold(), e.lang, e.source_lang)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            continue
        if first.dnt != e.dnt:
            raise InputError(f"line {e.line}: {e.source!r} is do-not-translate on one row and "
                             f"translated on the other (line {first.line})", path)
        merged[key] = replace(first, targets=tuple(dict.fromkeys(first.targets + e.targets)),
                              forbidden=tuple(dict.fromkeys(first.forbidden + e.forbidden)),
                              note="; ".join(n for n in (first.note, e.note) if n))
    return list(merged.values())


def _read_tbx(data: bytes, path: Path) -> list[GlossaryEntry]:
    from lxml import etree
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tbx import tbxfile

    try:
        store = tbxfile(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"line {exc.lineno}: not well-formed TBX: {exc.msg}", path) from None
    dtd = store.document.docinfo.internalDTD
    declared = sorted(e.name for e in dtd.iterentities()) if dtd is not None else []
    if declared:
        # translate-toolkit's parser resolves none of them (no XXE, no entity bombs); say so
        # rather than report the glossary as empty.
        raise InputError(f"line 1: the DOCTYPE declares XML entities ({', '.join(declared[:5])}), "
                         "which alignqa never expands; write the terms out", path)
    root_lang = getXMLlang(store.document.getroot())
    if not root_lang:
        raise InputError("line 1: <martif> has no xml:lang naming the source language", path)
    source_lang = _language(root_lang.split("-")[0].lower(), "xml:lang", 1, path)
    entries = []
    for unit in store.units:
        line = unit.xmlelement.sourceline or 0
        langs: dict[str, str] = {}
        for node in unit.getlanguageNodes():
            code = (getXMLlang(node) or "").split("-")[0].lower()
            langs.setdefault(code, getXMLlang(node))
        if source_lang not in langs:
            continue
        sources = [t.text for t in unit.get_target_terms(langs[source_lang]) if t.text]
        dnt = not unit.istranslatable()
        note = unit.getnotes()
        for code, raw in langs.items():
            if code == source_lang:
                continue
            lang = _language(code, "langSet xml:lang", line, path)
            terms = unit.get_target_terms(raw)
            targets = tuple(t.text for t in terms if t.text and not t.deprecated)
            forbidden = tuple(t.text for t in terms if t.text and t.deprecated)
            entries += [GlossaryEntry(s, targets, lang, source_lang, False, forbidden, note, line)
                        for s in sources if targets or forbidden]
        if dnt:
            entries += [GlossaryEntry(s, (), None, source_lang, True, (), note, line)
                        for s in sources]
    return entries
