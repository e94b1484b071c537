"""The pre-commit hook and the documented GitHub workflow must match the real CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from alignqa.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _parses(argv: list[str]) -> dict:
    assert argv[:2] == ["alignqa", "check"]
    command = cli.commands["check"]
    ctx = command.make_context("check", argv[2:])
    return ctx.params


def test_pre_commit_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "alignqa" and hook["language"] == "python"
    assert hook["entry"] == "alignqa check" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("corpus/lv/guide.md") and not files.search("src/alignqa/cli.py")
    params = _parses(shlex.split(hook["entry"]) + hook["args"])
    assert [str(p) for p in params["paths"]] == ["corpus"]


def test_documented_workflow_runs_a_valid_command():
    doc = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["alignqa"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    run = next(s["run"] for s in steps if "alignqa check" in s.get("run", ""))
    argv = shlex.split(run.replace("${{ github.base_ref }}", "main"))
    params = _parses(argv)
    assert params["formats"] == ("github", "sarif")
    assert params["changed_only"] == "origin/main"
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action"))
    assert upload["with"]["sarif_file"] == str(params["output"])
    install = next(s["run"] for s in steps if "pip install torch" in s.get("run", ""))
    assert install.index("torch") < install.index("pip install alignqa")
