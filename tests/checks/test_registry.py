"""Every registered check is well-formed and has fixtures that exercise it both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_fixtures import FIXTURES, load_fixture

from alignqa.checks.registry import all_checks
from alignqa.findings import Severity

ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
OPTION_TYPES = (bool, int, float, str, list, dict, type(None))


def _ids() -> list[str]:
    return [c.id for c in all_checks()]


def test_builtin_checks_are_registered() -> None:
    expected = {"omission", "addition", "untranslated", "wrong-language", "numbers",
                "placeholders", "punctuation", "length-ratio", "glossary", "consistency"}
    assert expected <= set(_ids())


@pytest.mark.parametrize("check", all_checks(), ids=_ids())
def test_check_is_well_formed(check) -> None:
    assert ID_RE.fullmatch(check.id), f"{check.id!r}: ids are lower-case words joined by '-'"
    assert isinstance(check.severity, Severity)
    assert check.scope in ("pair", "corpus")
    assert check.description[0].isupper() and check.description.endswith("."), check.description
    assert 20 <= len(check.description) <= 100, "one line a reviewer reads in a table"
    for key, value in check.defaults.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), f"option {key!r}: snake_case keys"
        assert isinstance(value, OPTION_TYPES), f"option {key!r}: config-file types only"


@pytest.mark.parametrize("check", all_checks(), ids=_ids())
def test_every_check_has_fixtures(check) -> None:
    path = FIXTURES / f"{check.id}.yaml"
    assert path.exists(), f"missing fixture file {path.name}"
    _, cases = load_fixture(path)
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    assert any(c["expect"] for c in cases), "needs a positive case (expect findings)"
    assert any(c["expect"] == [] for c in cases), "needs a negative case (expect: [])"


def test_every_fixture_file_names_a_check() -> None:
    ids = set(_ids())
    for path in Path(FIXTURES).glob("*.yaml"):
        assert path.stem in ids, f"{path.name} names no registered check"
