"""SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest.

One run; ``tool.driver.rules`` lists every known check (id, description, default level) so a
dashboard can show a rule without a finding; each result points at the translation (an omission
at the place the text is missing, its source as a related location) with a region whose columns
count Unicode code points (``columnKind: unicodeCodePoints``) and whose ``endColumn`` is
exclusive, as the spec defines it.
``partialFingerprints`` carries the finding fingerprint, which survives line moves, so code scanning
tracks one alert across commits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Location, Severity
from ..results import RunResult
from .common import (
    check_description,
    check_severity,
    display_path,
    excerpt,
    finite,
    known_checks,
    one_line,
    signature_string,
)

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/alignqa/"
FINGERPRINT_KEY = "alignqaFingerprint/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
EXCERPT_WIDTH = 200

_BRACKETS_RE = re.compile(r"(\\*)([\[\]])")


def escape_message(text: str) -> str:
    """Plain-text SARIF message: literal braces doubled (§3.11.5), brackets escaped (§3.11.6).

    Unescaped, ``{0}`` in a translation would be read as a placeholder and ``[x](1)`` as a link.
    """
    text = text.replace("{", "{{").replace("}", "}}")
    return _BRACKETS_RE.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), text)


def artifact_location(path: str, cwd: Path | None = None) -> dict[str, str]:
    """A relative percent-encoded URI under %SRCROOT% for a file under the working directory."""
    shown = display_path(path, cwd)
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


def physical_location(loc: Location, cwd: Path | None = None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}
    if loc.end_line >= loc.line:
        region["endLine"] = loc.end_line
        if loc.end_line > loc.line or loc.end_column >= loc.column:
            region["endColumn"] = max(loc.end_column, 1)
    return {"artifactLocation": artifact_location(loc.path, cwd), "region": region}


def _message(f: Finding) -> str:
    lines = [one_line(f.message)]
    if f.source_text:
        lines.append(f"Source ({f.source_lang}): "
                     + excerpt(f.source_text, f.source_spans, EXCERPT_WIDTH))
    if f.target_text:
        lines.append(f"Target ({f.target_lang}): "
                     + excerpt(f.target_text, f.target_spans, EXCERPT_WIDTH))
    return escape_message("\n".join(lines))


def _result(f: Finding, rule_index: dict[str, int], cwd: Path | None) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": rule_index[f.check],
        "level": LEVELS[f.severity],
        "message": {"text": _message(f)},
    }
    primary = f.target or f.source
    if primary is not None:
        res["locations"] = [{"physicalLocation": physical_location(primary, cwd)}]
    if f.target is not None and f.source is not None:
        res["relatedLocations"] = [{
            "id": 1,
            "message": {"text": f"Source ({f.source_lang})"},
            "physicalLocation": physical_location(f.source, cwd),
        }]
    res["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    props: dict[str, Any] = {
        "sourceLanguage": f.source_lang,
        "targetLanguage": f.target_lang,
        "sourceText": f.source_text,
        "targetText": f.target_text,
    }
    if finite(f.score) is not None:
        props["score"] = f.score
    if f.bead is not None:
        props["bead"] = f.bead
    res["properties"] = props
    return res


def sarif_log(result: RunResult, cwd: Path | None = None) -> dict[str, Any]:
    findings = result.findings
    checks = known_checks(findings)
    rules = []
    for check_id, check in checks.items():
        seen = [f for f in findings if f.check == check_id]
        description = check_description(check_id, check)
        rule: dict[str, Any] = {
            "id": check_id,
            "shortDescription": {"text": escape_message(description)},
            "fullDescription": {"text": escape_message(description)},
            "defaultConfiguration": {"level": LEVELS[check_severity(check, seen)]},
        }
        if check is not None:
            rule["properties"] = {"scope": check.scope, "tags": ["translation", check.scope]}
        rules.append(rule)
    rule_index = {check_id: i for i, check_id in enumerate(checks)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "alignqa",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index, cwd) for f in findings],
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [
                {"level": "note", "message": {"text": escape_message(one_line(n))}}
                for n in result.notices
            ],
        }],
        "properties": {
            "signature": result.signature,
            "signatureString": signature_string(result.signature),
            "suppressed": result.suppressed,
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: RunResult) -> str:
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2, allow_nan=False,
                      default=str) + "\n"
