"""Run the real CLI entry point in-process and capture exit code, stdout and stderr."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from alignqa.cli import main


@dataclass
class CliRun:
    code: int
    out: str
    err: str


def run_cli(args: list, capsys: pytest.CaptureFixture, _monkeypatch: object = None) -> CliRun:
    """``alignqa ARGS`` through ``main(argv)``: no sys.argv patching (the third parameter is
    accepted and ignored, for callers written before)."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return CliRun(code, captured.out, captured.err)
