"""A keyed pair -> the source Document, the target Document and their Alignment.

Units pair by key (no embedding alignment). A unit's text is split into sentences inside the unit:
as many sentences on both sides pair one to one, otherwise the unit is one bead of all of them.
Units that are fuzzy, need review, are untranslated or exist only in the translation are not
compared; they are kept on the target Document for the ``unit-state`` check. A plural form the
source lacks (Polish ``few``) pairs with the source's ``other`` form; a form the translation lacks
(Japanese has only ``other``) is not reported when it has another form of the unit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..alignment import Alignment, Bead
from ..document import SENTENCE, Document, Segment
from ..errors import InputError
from ..files import DEFAULT_MAX_FILE_SIZE
from ..languages import base_language, validate_language
from ..segment.segmenter import sentences
from . import BILINGUAL, load_units, read_file
from .model import NOT_IN_SOURCE, PLURAL_CATEGORIES, TRANSLATED, UNTRANSLATED, Skipped, Text, Unit
from .stores import xcstrings_catalog


class KeyedFiles(Protocol):
    """What pairing needs of a pair (alignqa.corpus.DocumentPair has it)."""

    @property
    def source_path(self) -> Path: ...
    @property
    def target_path(self) -> Path: ...
    @property
    def source_lang(self) -> str: ...
    @property
    def target_lang(self) -> str: ...
    @property
    def format(self) -> str: ...


Loaded = dict[tuple[Path, str, str], tuple[str, list[Unit]]]


def pair_units(pair: KeyedFiles, loaded: Loaded | None = None,
               max_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[Document, Document, Alignment]:
    """``loaded`` memoises files read in one run: a source serves all its translations; files
    over ``max_size`` bytes are an InputError, as documents are."""
    memo: Loaded = {} if loaded is None else loaded

    def load(path: Path, fmt: str, locale_key: str = "") -> tuple[str, list[Unit]]:
        if (path, fmt, locale_key) not in memo:
            memo[(path, fmt, locale_key)] = load_units(path, fmt, locale_key, max_size)
        return memo[(path, fmt, locale_key)]

    fmt = pair.format
    locale_key = _catalog_locale(pair, max_size) if fmt == "xcstrings" else ""
    target_text, target_units = load(pair.target_path, fmt, locale_key)
    if fmt not in BILINGUAL:
        source_text, source_units = load(pair.source_path, fmt)
        return _build(pair, pair.source_path, source_text, target_text,
                      _pair_by_key(source_units, target_units))
    # A bilingual file holds both sides; the source Document is the same file.
    src, tgt, alignment = _build(pair, pair.target_path, target_text, target_text,
                                 [(u.key, u.source, u) for u in target_units])
    if pair.source_path != pair.target_path:  # a template (POT) beside its translations
        have = {u.key for u in target_units}
        tgt.skipped_units += [Skipped(u.key, UNTRANSLATED, None, None)
                              for u in load(pair.source_path, fmt)[1] if u.key not in have]
    return src, tgt, alignment


Row = tuple[str, Text | None, Unit | None]  # key, source text, translated unit


def _pair_by_key(sources: list[Unit], targets: list[Unit]) -> list[Row]:
    by_key = {u.key: u for u in targets}
    source_keys = {u.key for u in sources}
    translated_plurals = {u.plural_of for u in targets if u.plural_of}
    rows: list[Row] = []
    for s in sources:
        t = by_key.get(s.key)
        if t is None and s.plural_of and s.plural_of in translated_plurals:
            continue  # a form the target language does not have
        rows.append((s.key, s.text, t))
    others = {u.plural_of: u for u in sources if u.plural_of and u.form == "other"}
    for t in targets:
        if t.key in source_keys:
            continue
        if t.plural_of in others and t.form in PLURAL_CATEGORIES:
            rows.append((t.key, others[t.plural_of].text, t))  # Polish "few" against English "other"
        else:
            rows.append((t.key, None, t))
    return rows


def _build(pair: KeyedFiles, source_path: Path, source_text: str, target_text: str,
           rows: list[Row]) -> tuple[Document, Document, Alignment]:
    src_lang, tgt_lang = validate_language(pair.source_lang), validate_language(pair.target_lang)
    src_doc = Document(path=source_path, lang=src_lang, text=source_text)
    tgt_doc = Document(path=pair.target_path, lang=tgt_lang, text=target_text)
    beads: list[Bead] = []
    for key, source, unit in rows:
        state = (NOT_IN_SOURCE if source is None else UNTRANSLATED if unit is None
                 else unit.state)
        if state != TRANSLATED or source is None or unit is None or not source.text.strip():
            if source is None or source.text.strip():
                tgt_doc.skipped_units.append(Skipped(key, state, source,
                                                     unit.text if unit else None))
            continue
        s = _sentences(source, src_lang, source_text)
        t = _sentences(unit.text, tgt_lang, target_text)
        if not s or not t:
            continue
        s_idx = list(range(len(src_doc.segments), len(src_doc.segments) + len(s)))
        t_idx = list(range(len(tgt_doc.segments), len(tgt_doc.segments) + len(t)))
        src_doc.segments += s
        tgt_doc.segments += t
        if len(s) == len(t):
            beads += [Bead((a,), (b,)) for a, b in zip(s_idx, t_idx, strict=True)]
        else:
            beads.append(Bead(tuple(s_idx), tuple(t_idx)))
    return src_doc, tgt_doc, Alignment(beads=beads)


def _sentences(text: Text, lang: str, file_text: str) -> list[Segment]:
    """The unit's text as sentence segments, located in the file when it is spelled verbatim
    there; otherwise each sentence is placed at the unit."""
    value = text.text.strip()
    if not value:
        return []
    language = base_language(lang)
    spans = sentences(value, 0, len(value), language) or [(0, len(value))]
    verbatim = file_text[text.start:text.end] == text.text
    offset = text.start + text.text.find(value) if verbatim else None
    out = []
    for a, b in spans:
        if offset is None:
            out.append(Segment(value[a:b], SENTENCE, text.line, text.column, text.start, text.end))
            continue
        start = offset + a
        line = text.line + file_text.count("\n", text.start, start)
        line_start = file_text.rfind("\n", 0, start) + 1
        out.append(Segment(value[a:b], SENTENCE, line, start - line_start + 1, start, offset + b))
    return out


def _catalog_locale(pair: KeyedFiles, max_size: int) -> str:
    """The String Catalog's own spelling of the pair's target locale."""
    data, _ = read_file(pair.target_path, max_size)
    catalog = xcstrings_catalog(pair.target_path, data)
    for entry in catalog["strings"].values():
        for key in (entry.get("localizations") or {}) if isinstance(entry, dict) else ():
            if validate_language(key, pair.target_path) == pair.target_lang:
                return key
    raise InputError(f"no localization for {pair.target_lang}", pair.target_path)
