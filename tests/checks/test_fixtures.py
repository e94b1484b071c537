"""Run every case of tests/checks/fixtures/<check-id>.yaml through its check.

A case names ``source_lang`` and ``target_lang``, gives ``source``/``target`` (one 1-1 bead), a list
of ``beads``, or a list of ``pairs`` (corpus checks), optional ``options`` and an optional inline
``glossary`` (CSV text, written to a file that becomes the run's glossary). ``expect`` is
``[]`` or a list of findings, each with a ``message`` substring (or list of substrings) and
optionally ``severity``, ``source_span``/``target_span`` (the text each span covers, in order),
``bead`` (index), ``pair`` (index), ``line`` (of the finding's primary location) and ``document``
(``source`` or ``target``: the document that location is in). Findings and expectations must
correspond one to one. Cases of MODEL_BACKED checks run with the session's shared model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from check_cases import case_pairs, pair_index

from alignqa.checks.registry import REGISTRY, all_checks
from alignqa.findings import Finding

FIXTURES = Path(__file__).parent / "fixtures"
CASE_KEYS = {"name", "source_lang", "target_lang", "source", "target", "beads", "pairs",
             "options", "glossary", "expect", "note", "units"}
EXPECT_KEYS = {"message", "severity", "source_span", "target_span", "bead", "pair", "line",
               "document"}


def load_fixture(path: Path) -> tuple[str, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"check", "cases"}, f"{path.name}: top-level keys are check and cases"
    assert data["check"] == path.stem, f"{path.name}: check id must match the file name"
    return data["check"], data["cases"]


# Checks whose fixtures need the embedding model: they run with the session's shared model.
MODEL_BACKED = {"mistranslation", "omission", "addition"}


def _fixture_cases(model: bool) -> list[Any]:
    all_checks()
    params = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        check_id, cases = load_fixture(path)
        if check_id not in REGISTRY:
            continue  # a fixture for a check not written yet fails test_every_check_has_fixtures
        if (check_id in MODEL_BACKED) != model:
            continue
        for case in cases:
            params.append(pytest.param(check_id, case, id=f"{check_id}: {case['name']}"))
    return params


def run_case(check_id: str, case: dict, tmp_path: Path, embedder: Any = None) -> list[Finding]:
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown case keys {sorted(unknown)}"
    check = REGISTRY[check_id]
    options = check.make_options(case.get("options"))
    glossary = None
    if "glossary" in case:
        glossary = tmp_path / "glossary.csv"
        glossary.write_text(case["glossary"], encoding="utf-8")
    pairs = case_pairs(case, options, glossary_path=glossary, embedder=embedder)
    if check.scope == "corpus":
        return check.run(pairs)
    return [f for ctx in pairs for f in check.run(ctx)]


def _span_texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def _matches(finding: Finding, want: dict) -> bool:
    messages = want.get("message", [])
    for part in [messages] if isinstance(messages, str) else messages:
        if part not in finding.message:
            return False
    if "severity" in want and finding.severity.value != want["severity"]:
        return False
    for side in ("source", "target"):
        key = f"{side}_span"
        if key in want:
            wanted = want[key] if isinstance(want[key], list) else [want[key]]
            got = _span_texts(getattr(finding, f"{side}_text"), getattr(finding, f"{side}_spans"))
            if got != wanted:
                return False
    if "bead" in want and finding.bead != want["bead"]:
        return False
    if "line" in want and finding.line != want["line"]:
        return False
    if "document" in want and \
            Path(finding.path).stem != getattr(finding, f"{want['document']}_lang"):
        return False
    return "pair" not in want or pair_index(finding.path) == want["pair"]


def _describe(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        spans = (_span_texts(f.source_text, f.source_spans),
                 _span_texts(f.target_text, f.target_spans))
        lines.append(f"  [{f.severity.value}] bead {f.bead} {f.path}: {f.message} spans={spans}")
    return "\n".join(lines) or "  (none)"


def assert_findings_match(findings: list[Finding], expected: list[dict]) -> None:
    """Every expected finding is found once, and nothing else was reported."""
    left = list(findings)
    for want in expected:
        hit = next((f for f in left if _matches(f, want)), None)
        assert hit is not None, f"no finding matches {want}; got:\n{_describe(findings)}"
        left.remove(hit)
    assert not left, f"unexpected findings:\n{_describe(left)}"


# What every finding of a check must hold, beyond its case's expectations.
INVARIANTS: dict[str, Any] = {
    "mistranslation": lambda f: f.score is not None and 0.0 <= f.score <= 1.0,
    # Gap findings point at the translation, where a pull request's annotation must land.
    "omission": lambda f: Path(f.path).stem == f.target_lang,
    "addition": lambda f: Path(f.path).stem == f.target_lang,
}


@pytest.mark.parametrize(("check_id", "case"), _fixture_cases(model=False))
def test_fixture_case(check_id: str, case: dict, tmp_path: Path) -> None:
    check_case(check_id, case, run_case(check_id, case, tmp_path))


@pytest.mark.parametrize(("check_id", "case"), _fixture_cases(model=True))
def test_model_fixture_case(check_id: str, case: dict, tmp_path: Path, embedder) -> None:
    check_case(check_id, case, run_case(check_id, case, tmp_path, embedder))


def check_case(check_id: str, case: dict, findings: list[Finding]) -> None:
    expected = case["expect"] or []
    for want in expected:
        assert set(want) <= EXPECT_KEYS, f"unknown keys {sorted(set(want) - EXPECT_KEYS)}"
        assert want.get("message"), "an expected finding needs a message substring"
    assert_findings_match(findings, expected)
    holds = INVARIANTS.get(check_id, lambda f: True)
    for f in findings:
        assert f.check == check_id
        assert holds(f), f"{check_id} invariant broken by {f}"
