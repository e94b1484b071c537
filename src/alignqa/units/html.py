"""HTML documents, read with translate-toolkit's HTML store: its units are the text blocks
(headings, paragraphs, list items, cells, and translatable attributes such as ``alt``), each with
its line and column. Blocks are split into sentences and aligned like any document; inline markup
stays in the text, so the placeholders check compares tags."""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..document import HEADING, LIST_ITEM, SENTENCE, TABLE_ROW, Document, Segment
from ..errors import InputError
from ..files import DEFAULT_MAX_FILE_SIZE
from ..languages import base_language, validate_language
from ..segment.segmenter import sentences
from .locate import Locator

SUFFIXES = (".html", ".htm", ".xhtml")
_KINDS = {"title": HEADING, "h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING,
          "h5": HEADING, "h6": HEADING, "li": LIST_ITEM, "dt": LIST_ITEM, "td": TABLE_ROW,
          "th": TABLE_ROW}
_LOCATION = re.compile(r"\+(?P<path>[^:]*):(?P<line>\d+)-(?P<col>\d+)$")


def is_html(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def load_html_document(path: Path, lang: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    from translate.storage.html import htmlfile

    from . import read_file

    lang = validate_language(lang, path)
    data, text = read_file(path, max_size)
    try:
        store = htmlfile(io.BytesIO(data))
    except Exception as exc:  # the HTML parser's errors have no common base
        raise InputError(f"cannot parse as HTML: {' '.join(str(exc).split())}", path) from None
    locate = Locator(text)
    segments: list[Segment] = []
    language = base_language(lang)
    for unit in store.units:
        where = next((m for loc in unit.getlocations() if (m := _LOCATION.search(loc))), None)
        if where is None or where["path"].endswith("html[lang]"):
            continue
        element = where["path"].rsplit(".", 1)[-1].split("[", 1)[0]
        kind = _KINDS.get(element, SENTENCE)
        value = " ".join(str(unit.source).split())
        spans = [(0, len(value))] if kind == HEADING else (
            sentences(value, 0, len(value), language) or [(0, len(value))])
        line = int(where["line"])
        for a, b in spans:
            placed = locate.line_of(value[a:b], line)
            line = placed.line
            segments.append(Segment(value[a:b], kind, placed.line, placed.column, placed.start,
                                    placed.end))
    if not segments:
        raise InputError("no text to align (only markup)", path)
    return Document(path=path, lang=lang, text=text, segments=segments)
