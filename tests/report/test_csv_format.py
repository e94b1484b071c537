from __future__ import annotations

import io

import pandas as pd
from report_samples import sample_run

from alignqa.report import csv_format


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)


def test_one_row_per_finding_in_report_order():
    result = sample_run()
    frame = _read(csv_format.render(result))
    assert list(frame.columns) == csv_format.COLUMNS
    assert list(frame["fingerprint"]) == [f.fingerprint for f in result.findings]
    assert list(frame["line"]) == [str(f.line) for f in result.findings]


def test_newlines_and_quotes_survive_and_integers_stay_integers():
    frame = _read(csv_format.render(sample_run()))
    row = frame[frame["check"] == "length-ratio"].iloc[0]
    assert row["target_text"].endswith("[x](1)\nun vēl rinda.")
    assert row["end_line"] == "6"
    omission = frame[frame["check"] == "omission"].iloc[0]
    assert omission["target_text"] == "" and omission["score"] == ""


def test_formula_cells_are_defused():
    frame = _read(csv_format.render(sample_run()))
    cell = frame[frame["target_lang"] == "id"]["target_text"].iloc[1]
    assert cell == "'=HYPERLINK(\"http://evil\") hubungi dukungan."
    assert csv_format.defuse("-5 °C") == "'-5 °C" and csv_format.defuse("5 °C") == "5 °C"


def test_empty_run_is_a_header():
    from alignqa.results import RunResult

    assert csv_format.render(RunResult(pairs=[])) == ",".join(csv_format.COLUMNS) + "\n"


def _pandas_render(result) -> str:
    """The CSV as pandas' ``to_csv`` wrote it before the writer became the standard library's:
    the oracle the bytes must keep matching."""
    from alignqa.report.common import display_path, finite

    rows = []
    for f in result.findings:
        primary = f.target or f.source
        rows.append({
            "path": display_path(f.path), "line": f.line, "column": f.column,
            "end_line": primary.end_line if primary else None,
            "end_column": primary.end_column if primary else None,
            "severity": f.severity.value, "check": f.check, "message": f.message,
            "score": finite(f.score), "source_lang": f.source_lang, "target_lang": f.target_lang,
            "source_path": display_path(f.source.path) if f.source else "",
            "source_line": f.source.line if f.source else None, "source_text": f.source_text,
            "target_text": f.target_text, "bead": f.bead, "fingerprint": f.fingerprint,
        })
    frame = pd.DataFrame(rows, columns=csv_format.COLUMNS)
    for col in ("path", "message", "source_path", "source_text", "target_text"):
        frame[col] = frame[col].map(csv_format.defuse, na_action="ignore")
    for col in ("line", "column", "end_line", "end_column", "source_line", "bead"):
        frame[col] = frame[col].astype("Int64")
    return frame.to_csv(index=False, lineterminator="\n")


def test_same_bytes_as_pandas_to_csv():
    import dataclasses

    result = sample_run()
    assert csv_format.render(result) == _pandas_render(result)
    # Scores of every size, none at all, quotes, commas, line breaks and formula starts.
    tricky = ["a,b", 'say "hi"', "line\nbreak", "\r\nx", "=1+1", "-3", "@x", "\tx", "", " "]
    pair = result.pairs[0]
    base = pair.findings[0]
    pair.findings = [dataclasses.replace(base, score=score, message=text, target_text=text,
                                         source_text=text[::-1], bead=None if i % 2 else i)
                     for i, (score, text) in enumerate(zip(
                         [None, 0.5, 1e-05, 123456789.0, 0.1234, 1.0, -0.0, 1e16, 2.5e-10, None],
                         tricky, strict=True))]
    assert csv_format.render(result) == _pandas_render(result)
    for finding in pair.findings:
        finding.score = None
    assert csv_format.render(result) == _pandas_render(result)
