"""JSON: every finding (``Finding.to_dict``), the run signature, summary counts and notices.

The ``findings`` list reads back with :func:`load_findings`; the signature says, as sacrebleu's
does, which alignqa version, model and thresholds produced the numbers, so reports can be compared.
"""

from __future__ import annotations

import json
from typing import Any

from ..findings import Finding
from ..results import RunResult
from .common import display_path, finite, signature_string, summarize

FORMAT_VERSION = 1


def report_dict(result: RunResult) -> dict[str, Any]:
    findings = []
    for f in result.findings:
        data = f.to_dict()
        data["score"] = finite(f.score)
        findings.append(data)
    return {
        "format_version": FORMAT_VERSION,
        "signature": result.signature,
        "signature_string": signature_string(result.signature),
        "summary": summarize(result).to_dict(),
        "notices": list(result.notices),
        "pairs": [
            {
                "source": display_path(p.source.path),
                "target": display_path(p.target.path),
                "source_lang": p.source.lang,
                "target_lang": p.target.lang,
                "beads": len(p.alignment.beads),
                "findings": len(p.findings),
            }
            for p in result.pairs
        ],
        "findings": findings,
    }


def render(result: RunResult) -> str:
    # default=str: a signature may hold a Path. allow_nan=False: NaN is not JSON (scores are
    # cleaned above, so a NaN left in the signature is a bug worth failing on).
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2, allow_nan=False,
                      default=str) + "\n"


def load_findings(text: str) -> list[Finding]:
    """The findings of a report written by :func:`render`."""
    return [Finding.from_dict(d) for d in json.loads(text)["findings"]]
