from __future__ import annotations

import json
import math

from report_samples import sample_run

from alignqa.findings import Finding
from alignqa.report import json_format


def test_findings_round_trip_through_from_dict():
    result = sample_run()
    loaded = json_format.load_findings(json_format.render(result))
    expected = result.findings
    # NaN never equals itself and is written as null: compare it apart.
    for a, b in zip(loaded, expected, strict=True):
        if b.score is not None and math.isnan(b.score):
            assert a.score is None
            b = Finding(**{**b.__dict__, "score": None})
        assert a == b
        assert a.fingerprint == b.fingerprint


def test_report_has_signature_summary_and_notices():
    data = json.loads(json_format.render(sample_run()))
    assert data["signature"]["model"] == "test-model"
    assert data["signature_string"].startswith("alignqa:0.1.0|model:test-model|")
    assert "thresholds.length-ratio.max_ratio:2.5" in data["signature_string"]
    assert data["summary"] == {
        "documents": 3, "sources": 1, "translations": 2,
        "language_pairs": [["en", "id"], ["en", "lv"]], "findings": 6,
        "by_severity": {"error": 3, "warning": 2, "info": 1}, "suppressed": 2,
    }
    assert data["notices"] == ["lv/extra.md has no source <b>document</b> | 100%"]
    assert [p["target"] for p in data["pairs"]] == ["corpus/lv/fees.md", "corpus/id/fees.md"]
    assert all("fingerprint" in f for f in data["findings"])


def test_output_is_strict_json_and_deterministic():
    first = json_format.render(sample_run())
    assert first == json_format.render(sample_run())
    json.loads(first, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
