"""Documents and their segments: the unit every stage after segmentation works on."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

HEADING = "heading"
LIST_ITEM = "list-item"
TABLE_ROW = "table-row"
SENTENCE = "sentence"
SEGMENT_KINDS = (HEADING, LIST_ITEM, TABLE_ROW, SENTENCE)


@dataclass(frozen=True)
class Segment:
    """One sentence-like unit of a document, with where it stands in the file.

    ``start``/``end`` are character offsets into the decoded document text, ``line``/``column`` are
    1-based and point at ``start``. ``marker`` is the Markdown marker kept out of the text (``#``,
    ``-``, ``1.``), on the first segment of its line only.
    """

    text: str
    kind: str
    line: int
    column: int
    start: int
    end: int
    marker: str = ""


@dataclass
class Document:
    """A decoded document in one language, segmented."""

    path: Path
    lang: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    # Keyed formats only: units left out of the comparison (fuzzy, needs review, untranslated),
    # as alignqa.units.model.Skipped records; the unit-state check reports them.
    skipped_units: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.path)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str | Path) -> str:
    """Decode UTF-8, UTF-8 with BOM or UTF-16 with BOM; anything else is an InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}",
                                 path) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text document", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8, or UTF-16 with a BOM", path) from None


def read_text(path: str | Path) -> str:
    """Read a document's text with newlines normalised to ``\\n``; reject missing, binary, empty."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", p)
    if p.is_dir():
        raise InputError("is a directory, expected a file", p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", p) from None
    text = decode_bytes(data, p).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty document", p)
    return text
