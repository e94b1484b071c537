"""The exit status a CI job gates on, as ruff, sqlfluff and vale set it.

0: no finding reaches the fail-on level (or ``--exit-zero``); 1: at least one does. Status 2 (usage,
input and environment errors) and 70 (internal errors) are the CLI's: it never gets as far as
findings then.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding, Severity

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


def exit_code(findings: Iterable[Finding], fail_on: Severity | str = Severity.ERROR,
              exit_zero: bool = False) -> int:
    if exit_zero:
        return EXIT_CLEAN
    level = fail_on if isinstance(fail_on, Severity) else Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity.rank >= level.rank for f in findings) else EXIT_CLEAN
