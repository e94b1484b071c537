"""``untranslated`` takes a copied title that spells the document's file name for a command name."""

from __future__ import annotations

from check_cases import make_document

from alignqa.alignment import Alignment, Bead
from alignqa.checks.registry import REGISTRY, PairContext, all_checks


def _run(title: str, path: str) -> list:
    all_checks()
    check = REGISTRY["untranslated"]
    segs = [{"text": title, "kind": "heading"}]
    source = make_document("en", segs, f"en/common/{path}")
    target = make_document("de", segs, f"de/common/{path}")
    ctx = PairContext(source, target, Alignment([Bead((0,), (0,), 1.0)]),
                      options=check.make_options({}))
    return check.run(ctx)


def test_title_spelling_the_file_name_is_a_command() -> None:
    assert _run("docker ps", "docker-ps.md") == []


def test_copied_title_of_another_name_is_reported() -> None:
    found = _run("docker ps", "docker-container.md")
    assert [f.message for f in found] == [
        "The target is the source text unchanged; expected a translation into German"]
