"""CSV: one row per finding, for spreadsheets and pandas.

Cells that a spreadsheet would run as a formula (text starting with ``= + - @``, a tab or a carriage
return) get a leading apostrophe, as OWASP advises against CSV injection: a translation is untrusted
text and reviewers open these files in Excel or LibreOffice.
"""

from __future__ import annotations

import csv
import io

from ..results import RunResult
from .common import display_path, finite

COLUMNS = [
    "path", "line", "column", "end_line", "end_column", "severity", "check", "message", "score",
    "source_lang", "target_lang", "source_path", "source_line", "source_text", "target_text",
    "bead", "fingerprint",
]
_TEXT_COLUMNS = ("path", "message", "source_path", "source_text", "target_text")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(result: RunResult) -> str:
    # The standard library's writer with the dialect pandas' ``to_csv`` used here before (minimal
    # quoting, "\n" line ends, empty cells for missing values): the same bytes without importing
    # pandas, which cost more than rendering a run's findings.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in result.findings:
        primary = f.target or f.source
        writer.writerow([
            defuse(display_path(f.path)),
            _cell(f.line),
            _cell(f.column),
            _cell(primary.end_line if primary else None),
            _cell(primary.end_column if primary else None),
            f.severity.value,
            f.check,
            defuse(f.message),
            _cell(finite(f.score)),
            f.source_lang,
            f.target_lang,
            defuse(display_path(f.source.path)) if f.source else "",
            _cell(f.source.line if f.source else None),
            defuse(f.source_text),
            defuse(f.target_text),
            _cell(f.bead),
            f.fingerprint,
        ])
    return out.getvalue()


def _cell(value: int | float | None) -> str:
    """A number as pandas wrote it: shortest round-trip repr (``0.5``, ``1e-05``), no cell for
    a missing value."""
    return "" if value is None else repr(value)
