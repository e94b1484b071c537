"""Documents and their segments: the unit every stage after segmentation works on."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .files import DEFAULT_MAX_FILE_SIZE, read_regular_file

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
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}",
                                 path) from None
            if "\x00" in text:
                raise InputError("binary file (NUL characters), not a text document", path)
            return text
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            raise InputError(f"UTF-16 ({utf16}) without a byte-order mark; save it as UTF-8, or "
                             "UTF-16 with a BOM", path)
        raise InputError("binary file (NUL bytes), not a text document", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8, or UTF-16 with a BOM", path) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """The byte order when the NULs fall as in UTF-16 text of a Latin script, else None.

    Such text has a NUL as the high byte of nearly every character and almost never elsewhere.
    """
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "little-endian"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "big-endian"
    return None


def read_file(path: str | Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[bytes, str]:
    """(bytes, decoded text with newlines normalised to ``\\n``) of a regular file of at most
    ``max_size`` bytes; missing, special and binary files are an InputError naming the file."""
    p = Path(path)
    data = read_regular_file(p, max_size, what="file")
    return data, decode_bytes(data, p).replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """A document's text (:func:`read_file`); an empty document is an InputError too."""
    p = Path(path)
    _, text = read_file(p, max_size)
    if not text.strip():
        raise InputError("empty document", p)
    return text
