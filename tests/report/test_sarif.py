from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from report_samples import CHECKS, register_checks, sample_run

from alignqa.findings import Finding, Location, Severity
from alignqa.report import sarif
from alignqa.results import RunResult

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))
# RFC 3986 characters (unreserved, reserved and %): what a uri-reference may hold.
URI_RE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture
def log(monkeypatch) -> dict:
    register_checks(monkeypatch)
    return json.loads(sarif.render(sample_run()))


def test_validates_against_the_sarif_2_1_0_schema(log):
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_schema_validation_is_not_vacuous(log):
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    del broken["runs"][0]["tool"]["driver"]["name"]
    assert len(list(_validator().iter_errors(broken))) >= 2


def test_rules_come_from_the_check_registry(log):
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for check in CHECKS.values():
        assert rules[check.id]["defaultConfiguration"]["level"] == sarif.LEVELS[check.severity]
    # Braces and brackets in a description are escaped as SARIF messages require.
    assert rules["length-ratio"]["shortDescription"]["text"] == \
        "Length ratio is {{unusual}} \\[for\\] the pair."
    for result in log["runs"][0]["results"]:
        rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]


def test_results_locate_the_translation_and_carry_the_fingerprint(log):
    results = log["runs"][0]["results"]
    expected = sample_run().findings
    assert len(results) == len(expected)
    for res, f in zip(results, expected, strict=True):
        assert res["level"] == sarif.LEVELS[f.severity]
        assert res["partialFingerprints"] == {sarif.FINGERPRINT_KEY: f.fingerprint}
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        assert loc["region"]["startLine"] == f.line
    numbers = next(r for r in results if r["ruleId"] == "numbers"
                   and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 5)
    assert numbers["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 1, "endLine": 6, "endColumn": 14}
    assert numbers["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "corpus/en/fees.md"
    text = numbers["message"]["text"]
    assert "{{0}} \\[x\\](1)" in text and "\n" in text
    omission = next(r for r in results if r["ruleId"] == "omission")
    assert omission["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "corpus/en/fees.md"
    assert "relatedLocations" not in omission


def test_uris_are_relative_to_the_working_directory_and_encoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "corpus" / "lv" / "my file#1.md"
    loc = Location(str(doc), 2, 3, 2, 9, 10, 16)
    f = Finding("numbers", Severity.ERROR, "m", "en", "lv", "a", "b", target=loc)
    out = sarif.sarif_log(RunResult(pairs=[]))  # no pairs: still a valid log
    assert out["runs"][0]["results"] == []
    uri = sarif.artifact_location(f.target.path)["uri"]
    assert uri == "corpus/lv/my%20file%231.md" and URI_RE.match(uri)
    outside = sarif.artifact_location("/elsewhere/x.md")
    assert outside == {"uri": "file:///elsewhere/x.md"}


def test_notices_become_tool_notifications(log):
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes == [{"level": "note",
                      "message": {"text": "lv/extra.md has no source <b>document</b> | 100%"}}]
    assert log["runs"][0]["properties"]["suppressed"] == 2
