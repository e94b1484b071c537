"""The default output: one line per finding, as ruff prints them, then notices and a summary.

    corpus/lv/guide.md:12:5: error numbers 3.5 is missing from the translation [0.41]  en: "The
    fee is 3.5% of…" -> lv: "Maksa ir 35% no…"

(all on one line). Document text is made printable first: a translation can carry terminal escapes.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..results import RunResult
from .common import (
    display_path,
    excerpt,
    finite,
    one_line,
    plural,
    printable,
    severity_counts_text,
    summarize,
)

EXCERPT_WIDTH = 60


def finding_line(f: Finding, cwd: Path | None = None) -> str:
    path = printable(display_path(f.path, cwd)) or "-"  # a file name may hold a newline
    line = f"{path}:{f.line}:{f.column}: {f.severity.value} {f.check} {one_line(f.message)}"
    if finite(f.score) is not None:
        line += f" [{f.score:.2f}]"
    sides = []
    if f.source_text:
        sides.append(f'{f.source_lang}: "{excerpt(f.source_text, f.source_spans, EXCERPT_WIDTH)}"')
    if f.target_text:
        sides.append(f'{f.target_lang}: "{excerpt(f.target_text, f.target_spans, EXCERPT_WIDTH)}"')
    elif f.source_text:
        sides.append(f"{f.target_lang}: (nothing)")
    return line + ("  " + " -> ".join(sides) if sides else "")


def summary_line(result: RunResult) -> str:
    s = summarize(result)
    pairs = ", ".join(f"{a}->{b}" for a, b in s.language_pairs) or "none"
    head = f"Found {plural(s.total, 'finding')}" if s.total else "No findings"
    line = (f"{head} ({severity_counts_text(s.by_severity)}) in "
            f"{plural(s.translations, 'translation')} of {plural(s.sources, 'source document')}; "
            f"language pairs: {pairs}")
    if s.suppressed:
        line += f"; {s.suppressed} suppressed"
    return line + "."


def render(result: RunResult) -> str:
    lines = [finding_line(f) for f in result.findings]
    if result.notices:
        if lines:
            lines.append("")
        lines += [f"notice: {one_line(n)}" for n in result.notices]
    if lines:
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
