from __future__ import annotations

import pytest

from alignqa.findings import Finding, Severity
from alignqa.gating import exit_code


def f(sev: Severity) -> Finding:
    return Finding("x", sev, "m", "en", "lv")


@pytest.mark.parametrize("findings,fail_on,code", [
    ([], Severity.INFO, 0),
    ([f(Severity.WARNING)], Severity.ERROR, 0),
    ([f(Severity.WARNING), f(Severity.ERROR)], Severity.ERROR, 1),
    ([f(Severity.WARNING)], Severity.WARNING, 1),
    ([f(Severity.INFO)], Severity.WARNING, 0),
    ([f(Severity.INFO)], Severity.INFO, 1),
    ([f(Severity.ERROR)], "error", 1),
    ([f(Severity.INFO)], "Warning", 0),
])
def test_exit_code(findings, fail_on, code):
    assert exit_code(findings, fail_on, exit_zero=False) == code


def test_exit_zero_wins():
    assert exit_code([f(Severity.ERROR)], Severity.INFO, exit_zero=True) == 0


def test_accepts_a_generator():
    assert exit_code((x for x in [f(Severity.ERROR)]), Severity.ERROR, False) == 1


def test_unknown_level_is_rejected():
    with pytest.raises(ValueError, match="unknown severity"):
        exit_code([], "fatal", False)
