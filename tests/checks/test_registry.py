"""Every registered check is well-formed, documented from the registry, and has fixtures that
exercise it both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_fixtures import FIXTURES, load_fixture

from alignqa.checks import builtin
from alignqa.checks.docs import blocks_in, render_blocks
from alignqa.checks.options import CheckOptions
from alignqa.checks.registry import all_checks
from alignqa.errors import ConfigError
from alignqa.findings import Severity

ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
ROOT = Path(__file__).resolve().parents[2]


def _ids() -> list[str]:
    return [c.id for c in all_checks()]


def test_every_builtin_module_registers_a_check() -> None:
    modules = {c.fn.__module__.rsplit(".", 1)[-1] for c in all_checks()}
    imported = {name for name in dir(builtin) if not name.startswith("_")}
    assert imported <= modules, f"modules imported by builtin that register nothing: {imported - modules}"


@pytest.mark.parametrize("check", all_checks(), ids=_ids())
def test_check_is_well_formed(check) -> None:
    assert ID_RE.fullmatch(check.id), f"{check.id!r}: ids are lower-case words joined by '-'"
    assert isinstance(check.severity, Severity)
    assert check.scope in ("pair", "corpus")
    assert check.description[0].isupper() and check.description.endswith("."), check.description
    assert 20 <= len(check.description) <= 100, "one line a reviewer reads in a table"
    assert issubclass(check.options, CheckOptions)


@pytest.mark.parametrize("check", all_checks(), ids=_ids())
def test_options_are_typed_documented_and_round_trip(check) -> None:
    defaults = check.defaults
    for info in check.options.describe():
        assert ID_RE.fullmatch(info.name), f"option {info.name!r}: kebab-case names"
        assert info.help and info.help[0].islower() and not info.help.endswith("."), info.help
    # Every default passes the option's own validation, written as a user would write it.
    as_config = {i.name: list(i.default) if isinstance(i.default, tuple) else i.default
                 for i in check.options.describe()}
    assert check.make_options(as_config) == defaults
    with pytest.raises(ConfigError, match=f"checks.{check.id}"):
        check.make_options({"no-such-option": 1})


@pytest.mark.parametrize("doc", ["README.md", "docs/checks.md"])
def test_generated_check_tables_are_current(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert blocks_in(text), f"{doc} has no generated checks block"
    assert render_blocks(text) == text, (
        f"{doc} is stale: run `python -m alignqa.checks.docs README.md docs/checks.md`")


def test_generated_summary_lists_every_check() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for check_id in _ids():
        assert f"| `{check_id}` |" in text


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
