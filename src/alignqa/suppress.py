"""Inline suppression directives in translations.

Markdown / HTML (any line):
    ``<!-- alignqa: ignore[numbers, glossary] -->`` or ``<!-- alignqa: ignore -->``
Plain text (end of a line):
    ``# alignqa: ignore[numbers]`` preceded by whitespace, or alone on the line.

A directive silences findings of the named checks (all checks when no list is given) whose target
location covers that line. The segmenter keeps directives out of segment text, so no check sees
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .findings import Finding

ALL = "*"

DIRECTIVE_RE = re.compile(
    r"<!--\s*alignqa:\s*ignore(?:\[(?P<html>[^\]]*)\])?\s*-->"
    r"|(?:(?<=\s)|^)#\s*alignqa:\s*ignore(?:\[(?P<plain>[^\]]*)\])?[ \t]*$",
    re.MULTILINE,
)


def directive_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every directive in ``text`` (for the segmenter to blank out)."""
    return [m.span() for m in DIRECTIVE_RE.finditer(text)]


def suppressions(text: str) -> dict[int, frozenset[str]]:
    """Map 1-based line number -> check ids suppressed there (``ALL`` for every check)."""
    out: dict[int, set[str]] = {}
    for m in DIRECTIVE_RE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        ids = m.group("html") if m.group("html") is not None else m.group("plain")
        names = {ALL} if ids is None else {i.strip() for i in ids.split(",") if i.strip()} or {ALL}
        out.setdefault(line, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


def apply_suppressions(findings: Iterable[Finding], documents_text_by_path: Mapping[str, str]
                       ) -> tuple[list[Finding], int]:
    """Drop findings silenced by a directive on a line of their target location (line..end_line).

    ``documents_text_by_path`` maps ``Location.path`` to the document text. A finding without a
    target (an omission) is looked up at its source location instead, which only matters when the
    caller passes source texts too: directives belong in translations.
    """
    by_path: dict[str, dict[int, frozenset[str]]] = {}
    kept: list[Finding] = []
    dropped = 0
    for f in findings:
        loc = f.target or f.source
        text = documents_text_by_path.get(loc.path) if loc else None
        if loc is None or text is None:
            kept.append(f)
            continue
        if loc.path not in by_path:
            by_path[loc.path] = suppressions(text)
        table = by_path[loc.path]
        if any(ALL in ids or f.check in ids
               for line in range(loc.line, max(loc.end_line, loc.line) + 1)
               if (ids := table.get(line))):
            dropped += 1
        else:
            kept.append(f)
    return kept, dropped
