"""GitHub Actions: workflow-command annotations on stdout, and a Markdown job summary.

``::error file=F,line=L,col=C,endLine=E,title=T::message`` per finding (``warning`` and ``notice``
for lower severities). The runner reads commands line by line, so data is escaped as the Actions
toolkit does it (``%`` ``\\r`` ``\\n``; in properties also ``:`` and ``,``). GitHub shows only the
first 10 annotations of each kind per step, hence the job summary: when ``$GITHUB_STEP_SUMMARY``
names a file, a counts table and the table of every finding are appended to it (GitHub caps a step
summary at 1 MiB, so rows that would pass that are left out, and the summary says how many).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from pathlib import Path

from ..findings import Finding, Severity
from ..results import RunResult
from .common import SEVERITIES, display_path, excerpt, one_line, signature_string, summarize
from .text import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
SUMMARY_LIMIT = 1024 * 1024  # bytes GitHub accepts in one step's summary file
EXCERPT_WIDTH = 120

# Everything GitHub-flavoured Markdown gives a meaning to inside a table cell, except & < >,
# which become entities (a backslash before an entity would print the entity's name).
_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _flatten_breaks(text: str) -> str:
    # The runner splits lines on \n and \r only; other separators become spaces so that no
    # reader of the log sees a line start that the runner did not.
    return re.sub(r"[\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text)


def command(kind: str, message: str, **props: str | int) -> str:
    parts = ",".join(f"{k}={escape_property(_flatten_breaks(str(v)))}" for k, v in props.items())
    return f"::{kind}{' ' + parts if parts else ''}::{escape_data(_flatten_breaks(message))}"


def annotation(f: Finding, cwd: Path | None = None) -> str:
    props: dict[str, str | int] = {}
    if f.path:
        props["file"] = display_path(f.path, cwd)
        loc = f.target or f.source
        props["line"] = f.line
        # The toolkit forbids columns on an annotation spanning lines.
        if loc is None or loc.end_line <= loc.line:
            props["col"] = f.column
        if loc is not None:
            props["endLine"] = max(loc.end_line, loc.line)
    props["title"] = f"alignqa {f.check} ({f.source_lang}->{f.target_lang})"
    lines = [one_line(f.message)]
    if f.source_text:
        lines.append(f"{f.source_lang}: {excerpt(f.source_text, f.source_spans, EXCERPT_WIDTH)}")
    if f.target_text:
        lines.append(f"{f.target_lang}: {excerpt(f.target_text, f.target_spans, EXCERPT_WIDTH)}")
    return command(COMMANDS[f.severity], "\n".join(lines), **props)


def render(result: RunResult) -> str:
    lines = [annotation(f) for f in result.findings]
    lines += [command("notice", one_line(n), title="alignqa") for n in result.notices]
    lines.append(summary_line(result))  # plain log line: no untrusted text, no "::" start
    return "\n".join(lines) + "\n"


def md_cell(text: str) -> str:
    """Untrusted text made inert in a Markdown table cell: one line, no HTML, no Markdown."""
    return _MD_SPECIAL_RE.sub(r"\\\1", html.escape(one_line(text), quote=False))


def step_summary(result: RunResult, budget: int = SUMMARY_LIMIT) -> str:
    """The job summary Markdown, at most ``budget`` UTF-8 bytes (rows are dropped to fit)."""
    s = summarize(result)
    head = [f"## alignqa: {s.total} finding{'s' if s.total != 1 else ''}", "",
            "| severity | findings |", "| --- | ---: |"]
    head += [f"| {sev.value} | {s.by_severity.get(sev.value, 0)} |" for sev in SEVERITIES]
    if s.suppressed:
        head.append(f"| suppressed | {s.suppressed} |")
    pairs = ", ".join(f"{a}→{b}" for a, b in s.language_pairs) or "none"
    head += ["", f"Checked {s.translations} translation{'s' if s.translations != 1 else ''} of "
             f"{s.sources} source document{'s' if s.sources != 1 else ''} ({md_cell(pairs)}).", ""]
    for n in result.notices:
        head.append(f"- {md_cell(n)}")
    if result.notices:
        head.append("")
    tail = ["", f"<sub>{md_cell(signature_string(result.signature))}</sub>", ""]

    rows: list[str] = []
    if result.findings:
        rows = ["| severity | file | line | check | message | source | target |",
                "| --- | --- | ---: | --- | --- | --- | --- |"]
    used = sum(len(x.encode()) + 1 for x in head + tail + rows)
    shown = 0
    findings = result.findings
    for f in findings:
        row = (f"| {f.severity.value} | {md_cell(display_path(f.path))} | {f.line} | "
               f"{md_cell(f.check)} | {md_cell(f.message)} | "
               f"{md_cell(excerpt(f.source_text, f.source_spans, EXCERPT_WIDTH))} | "
               f"{md_cell(excerpt(f.target_text, f.target_spans, EXCERPT_WIDTH))} |")
        # Reserve room for the "left out" note that may follow.
        if used + len(row.encode()) + 1 + 200 > budget:
            break
        rows.append(row)
        used += len(row.encode()) + 1
        shown += 1
    if shown < len(findings):
        rows += ["", f"_{len(findings) - shown} more findings left out to stay within GitHub's "
                     "summary size limit; see the SARIF or JSON report._"]
    text = "\n".join(head + rows + tail) + "\n"
    if len(text.encode()) > budget:
        # Even the counts do not fit (the file is nearly full already): write nothing.
        return ""
    return text


def append_step_summary(result: RunResult, env: Mapping[str, str] | None = None) -> Path | None:
    """Append the job summary to ``$GITHUB_STEP_SUMMARY`` when it is set; return the file.

    GitHub expects appends (other steps' tools write to the same file), so this one file is not
    replaced atomically; the text is built first and written with a single ``write`` call.
    """
    name = (os.environ if env is None else env).get(SUMMARY_ENV)
    if not name:
        return None
    path = Path(name)
    try:
        existing = path.stat().st_size
    except FileNotFoundError:
        existing = 0
    text = step_summary(result, budget=SUMMARY_LIMIT - existing)
    if text:
        with open(path, "a", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return path
