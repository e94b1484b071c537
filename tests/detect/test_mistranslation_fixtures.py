"""Run tests/checks/fixtures/mistranslation.yaml through the check with the real model.

The generic fixture runner (tests/checks/test_fixtures.py) builds the cases; this one only adds
the session's shared embedder to each pair, as the pipeline does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))

from check_cases import case_pairs
from test_fixtures import EXPECT_KEYS, FIXTURES, assert_findings_match, load_fixture

import alignqa.checks.mistranslation  # noqa: F401  (registers the check)
from alignqa.checks.registry import REGISTRY

pytestmark = pytest.mark.model

_, CASES = load_fixture(FIXTURES / "mistranslation.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_mistranslation_case(case: dict, embedder) -> None:
    check = REGISTRY["mistranslation"]
    findings = []
    for ctx in case_pairs(case, check.make_options(case.get("options")), embedder=embedder):
        findings.extend(check.run(ctx))
    expected = case["expect"] or []
    for want in expected:
        assert set(want) <= EXPECT_KEYS
    assert_findings_match(findings, expected)
    for f in findings:
        assert f.check == "mistranslation"
        assert f.score is not None and 0.0 <= f.score <= 1.0
