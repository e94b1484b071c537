"""Run the ``omission`` and ``addition`` fixtures with the real model.

Both checks ask the embedder whether an unpaired sentence was merged into its neighbour, so their
cases run here with the session's shared embedder in each pair's extras, as the pipeline does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_cases import case_pairs
from test_fixtures import EXPECT_KEYS, FIXTURES, assert_findings_match, load_fixture

from alignqa.checks.registry import REGISTRY, all_checks

pytestmark = pytest.mark.model

all_checks()
CASES = [pytest.param(check_id, case, id=f"{check_id}: {case['name']}")
         for check_id in ("omission", "addition")
         for case in load_fixture(FIXTURES / f"{check_id}.yaml")[1]]


@pytest.mark.parametrize(("check_id", "case"), CASES)
def test_gap_case(check_id: str, case: dict, embedder) -> None:
    check = REGISTRY[check_id]
    options = {**check.defaults, **(case.get("options") or {})}
    findings = []
    for ctx in case_pairs(case, options):
        ctx.extras["embedder"] = embedder
        findings.extend(check.run(ctx))
    expected = case["expect"] or []
    for want in expected:
        assert set(want) <= EXPECT_KEYS, f"unknown keys {sorted(set(want) - EXPECT_KEYS)}"
        assert want.get("message"), "an expected finding needs a message substring"
    assert_findings_match(findings, expected)
    for f in findings:
        assert f.check == check_id
        assert Path(f.path).stem == f.target_lang, "gap findings point at the translation"
