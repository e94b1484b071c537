"""JUnit XML, as GitLab's test report and Jenkins' JUnit plugin read it.

One ``<testsuite>`` per document pair and one ``<testcase>`` per check. A check whose findings reach
the run's fail-on level fails with one ``<failure>`` listing them; findings below that level go to
the test case's ``<system-out>`` so the test stays green, as the exit status does. Checks the run
did not enable are ``<skipped>``.

GitLab keys a test case by ``classname`` + ``name`` and drops duplicates, and shows ``classname`` as
the suite; Jenkins splits ``classname`` at its last dot into package and class. So ``classname`` is
``alignqa.<src>-<tgt>.<path with '/' as '.' and '.' as '_'>``: unique per pair, and a readable tree.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..findings import Finding
from ..results import PairResult, RunResult
from .common import (
    by_severity,
    check_description,
    display_path,
    excerpt,
    fail_on,
    finite,
    known_checks,
    one_line,
    pair_label,
    plural,
    severity_counts_text,
)

EXCERPT_WIDTH = 160
# What xml_safe replaces: C0 controls but tab and line breaks, surrogates, U+FFFE and U+FFFF.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry at all, shown as ``\\xNN`` instead.

    lxml escapes ``< > &`` and quotes itself; NUL or ESC would make it refuse the whole document.
    """
    if _XML_UNSAFE.search(text) is None:  # the common case: nothing to replace
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE,
                                                                                      0xFFFF):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def classname(pair: PairResult, cwd: Path | None = None) -> str:
    path = display_path(pair.target.path, cwd).replace(".", "_").replace("/", ".")
    return f"alignqa.{pair.source.lang}-{pair.target.lang}.{path}"


def _finding_text(f: Finding) -> str:
    lines = [f"{f.line}:{f.column}: {f.severity.value} {f.check} {one_line(f.message)}"
             + (f" [{f.score:.2f}]" if finite(f.score) is not None else "")]
    if f.source_text:
        lines.append(f"  {f.source_lang}: {excerpt(f.source_text, f.source_spans, EXCERPT_WIDTH)}")
    if f.target_text:
        lines.append(f"  {f.target_lang}: {excerpt(f.target_text, f.target_spans, EXCERPT_WIDTH)}")
    lines.append(f"  fingerprint: {f.fingerprint}")
    return "\n".join(lines)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def render(result: RunResult) -> str:
    gate = fail_on(result)
    checks = known_checks(result.findings)
    enabled = result.signature.get("checks")
    enabled_ids = set(enabled) if isinstance(enabled, list | tuple) else set(checks)

    root = etree.Element("testsuites", name="alignqa")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for pair in result.pairs:
        suite = _sub(root, "testsuite", name=pair_label(pair), tests="0", failures="0",
                     errors="0", skipped="0", time="0")
        props = _sub(suite, "properties")
        for name, value in (("source", display_path(pair.source.path)),
                            ("target", display_path(pair.target.path)),
                            ("source_lang", pair.source.lang),
                            ("target_lang", pair.target.lang),
                            ("beads", str(len(pair.alignment.beads)))):
            _sub(props, "property", name=name, value=value)
        counts: dict[str, int] = {"tests": 0, "failures": 0, "skipped": 0}
        for check_id, check in checks.items():
            found = sorted((f for f in pair.findings if f.check == check_id),
                           key=lambda f: (f.line, f.column, f.source_text, f.target_text))
            case = _sub(suite, "testcase", classname=classname(pair), name=check_id,
                        file=display_path(pair.target.path), time="0")
            counts["tests"] += 1
            if check_id not in enabled_ids and not found:
                _sub(case, "skipped", message="check not enabled in this run")
                counts["skipped"] += 1
                continue
            failing = [f for f in found if f.severity.rank >= gate.rank]
            passing = [f for f in found if f.severity.rank < gate.rank]
            if failing:
                worst = max(failing, key=lambda f: f.severity.rank).severity.value
                message = (f"{plural(len(failing), 'finding')} "
                           f"({severity_counts_text(by_severity(failing))}): "
                           f"{check_description(check_id, check)}")
                _sub(case, "failure", "\n\n".join(map(_finding_text, failing)) + "\n",
                     message=message, type=worst)
                counts["failures"] += 1
            if passing:
                _sub(case, "system-out",
                     f"Below fail-on level {gate.value}:\n\n"
                     + "\n\n".join(map(_finding_text, passing)) + "\n")
        for key, count in counts.items():
            suite.set(key, str(count))
            totals[key] += count
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    root.set("time", "0")
    if result.notices:
        # Notices belong to no pair; a top-level comment would be lost by parsers, so they go
        # into a suite of their own that has no test cases.
        notes = _sub(root, "testsuite", name="alignqa notices", tests="0", failures="0",
                     errors="0", skipped="0", time="0")
        _sub(notes, "system-out", "\n".join(one_line(n) for n in result.notices) + "\n")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True).decode("utf-8")
