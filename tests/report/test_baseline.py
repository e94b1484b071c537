from __future__ import annotations

import dataclasses
import json

import pytest
from report_samples import sample_run

from alignqa.baseline import apply_baseline, load_baseline, write_baseline
from alignqa.errors import InputError


def test_round_trip_suppresses_everything(tmp_path):
    findings = sample_run().findings
    path = tmp_path / "alignqa-baseline.json"
    assert write_baseline(path, findings) == len({f.fingerprint for f in findings})
    fingerprints = load_baseline(path)
    assert fingerprints == {f.fingerprint for f in findings}
    kept, dropped = apply_baseline(findings, fingerprints)
    assert kept == [] and dropped == len(findings)


def test_changed_target_text_is_no_longer_suppressed(tmp_path):
    findings = sample_run().findings
    path = tmp_path / "b.json"
    write_baseline(path, findings)
    edited = dataclasses.replace(findings[2], target_text=findings[2].target_text + " (labots)")
    moved = dataclasses.replace(findings[3], target=dataclasses.replace(findings[3].target,
                                                                        line=40, end_line=40))
    kept, dropped = apply_baseline([edited, moved], load_baseline(path))
    assert kept == [edited] and dropped == 1  # a line move keeps the fingerprint


def test_file_is_sorted_readable_and_stable(tmp_path):
    findings = sample_run().findings
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(a, findings)
    write_baseline(b, list(reversed(findings)))
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text(encoding="utf-8"))
    assert data["version"] == 1
    prints = [e["fingerprint"] for e in data["findings"]]
    assert prints == sorted(prints)
    entry = next(e for e in data["findings"] if e["check"] == "numbers" and "3.5" in e["source"])
    assert entry["path"] == "corpus/lv/fees.md" and entry["languages"] == "en-lv"
    assert all(len(e["target"]) <= 80 for e in data["findings"])


@pytest.mark.parametrize("content,message", [
    ("{not json", "not valid JSON"),
    ("[]", "JSON object with a 'findings' list"),
    ('{"version": 2, "findings": []}', "unsupported baseline version 2"),
    ('{"version": 1, "findings": [{"check": "numbers"}]}', "entry 1 has no valid 'fingerprint'"),
    ('{"version": 1, "findings": [{"fingerprint": "XYZ"}]}', "entry 1 has no valid"),
])
def test_malformed_baseline_names_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as exc:
        load_baseline(path)
    assert exc.value.path == str(path)


def test_missing_baseline(tmp_path):
    with pytest.raises(InputError, match="not found") as exc:
        load_baseline(tmp_path / "nope.json")
    assert str(exc.value).startswith(str(tmp_path / "nope.json"))
    with pytest.raises(InputError, match="directory"):
        load_baseline(tmp_path)
