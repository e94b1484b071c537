"""What one ``alignqa check`` run produced: every output format and the HTML report read this."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .alignment import Alignment
from .document import Document
from .findings import Finding, Severity, sort_key


@dataclass
class PairResult:
    """One source document, one translation, their alignment and what the checks found."""

    source: Document
    target: Document
    alignment: Alignment
    findings: list[Finding] = field(default_factory=list)
    # Per-bead relative similarity used by the report's distribution chart (same order as beads).
    bead_scores: list[float | None] = field(default_factory=list)
    # The corpus root the pair was found under, and the translation's path relative to it
    # ("lv/docs/x.md"): what per-file-ignores globs match.
    root: Path | None = None
    target_relpath: PurePosixPath | None = None

    @property
    def pair_id(self) -> str:
        """A short stable id usable in URLs and file names."""
        return f"{self.target.lang}--{self.source.path.name}".replace("/", "_")


@dataclass
class RunResult:
    pairs: list[PairResult]
    # Notices that are not findings: a translation without source, a source without translations.
    notices: list[str] = field(default_factory=list)
    # Run signature, as sacrebleu prints one: alignqa version, model, thresholds, options.
    signature: dict[str, Any] = field(default_factory=dict)
    # Findings silenced by the baseline or by inline suppressions, kept for counts.
    suppressed: int = 0

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for p in self.pairs for f in p.findings), key=sort_key)

    def counts_by_severity(self) -> dict[str, int]:
        c = Counter(f.severity.value for f in self.findings)
        return {s.value: c.get(s.value, 0) for s in sorted(Severity, key=lambda s: -s.rank)}

    def language_pairs(self) -> list[tuple[str, str]]:
        return sorted({(p.source.lang, p.target.lang) for p in self.pairs})
