"""Run the real CLI entry point in-process and capture exit code, stdout and stderr."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from alignqa.cli import main


@dataclass
class CliRun:
    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> CliRun:
    monkeypatch.setattr(sys, "argv", ["alignqa", *map(str, args)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return CliRun(code, captured.out, captured.err)
