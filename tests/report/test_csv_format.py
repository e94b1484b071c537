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
