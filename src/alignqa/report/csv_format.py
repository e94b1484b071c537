"""CSV: one row per finding, for spreadsheets and pandas.

Cells that a spreadsheet would run as a formula (text starting with ``= + - @``, a tab or a carriage
return) get a leading apostrophe, as OWASP advises against CSV injection: a translation is untrusted
text and reviewers open these files in Excel or LibreOffice.
"""

from __future__ import annotations

import pandas as pd

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
    rows = []
    for f in result.findings:
        primary = f.target or f.source
        rows.append({
            "path": display_path(f.path),
            "line": f.line,
            "column": f.column,
            "end_line": primary.end_line if primary else None,
            "end_column": primary.end_column if primary else None,
            "severity": f.severity.value,
            "check": f.check,
            "message": f.message,
            "score": finite(f.score),
            "source_lang": f.source_lang,
            "target_lang": f.target_lang,
            "source_path": display_path(f.source.path) if f.source else "",
            "source_line": f.source.line if f.source else None,
            "source_text": f.source_text,
            "target_text": f.target_text,
            "bead": f.bead,
            "fingerprint": f.fingerprint,
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for col in _TEXT_COLUMNS:
        frame[col] = frame[col].map(defuse, na_action="ignore")
    # Nullable integers: a missing line must not turn the whole column into floats ("12.0").
    for col in ("line", "column", "end_line", "end_column", "source_line", "bead"):
        frame[col] = frame[col].astype("Int64")
    return frame.to_csv(index=False, lineterminator="\n")
