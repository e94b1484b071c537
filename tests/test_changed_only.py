"""--changed-only: which documents changed since a git ref."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from alignqa.config import Config
from alignqa.corpus import changed_files
from alignqa.errors import InputError
from alignqa.pipeline import run_check


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for rel, text in {"corpus/en/a.md": "One sentence here.\n", "corpus/lv/a.md": "Viens teikums.\n",
                      "corpus/en/b.md": "Another one.\n", "corpus/lv/b.md": "Vēl viens.\n"}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "init")
    return tmp_path


def test_changed_files_sees_edits_and_new_files(repo):
    assert changed_files("HEAD", repo) == set()
    (repo / "corpus/lv/b.md").write_text("Vēl viens teikums.\n", encoding="utf-8")
    (repo / "corpus/lv/new.md").write_text("Jauns.\n", encoding="utf-8")
    assert changed_files("HEAD", repo / "corpus") == {(repo / "corpus/lv/b.md").resolve(),
                                                      (repo / "corpus/lv/new.md").resolve()}


def test_nothing_changed_means_nothing_to_check(repo):
    # No document changed: the run ends before loading any model, with a notice.
    result = run_check([repo / "corpus"], Config(), changed_since="HEAD")
    assert result.pairs == [] and "no changed document pairs" in result.notices[-1]


def test_unknown_ref_is_an_input_error(repo):
    with pytest.raises(InputError, match="no-such-ref"):
        changed_files("no-such-ref", repo)
