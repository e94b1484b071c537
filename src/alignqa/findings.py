"""Findings: what a check reports, in the shape every output format reads."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """Ordered: ``Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True)
class Location:
    """Where a text stands in a file: 1-based line/column, 0-based character offsets [start, end)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


@dataclass
class Finding:
    """One problem a check found in one document pair (or one notice with no problem)."""

    check: str
    severity: Severity
    message: str
    source_lang: str
    target_lang: str
    source_text: str = ""
    target_text: str = ""
    source: Location | None = None
    target: Location | None = None
    score: float | None = None
    # Character spans inside source_text / target_text that drive the finding, for highlighting.
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    bead: int | None = None

    @property
    def fingerprint(self) -> str:
        """Stable across runs and line moves: check id + normalised source + normalised target."""
        key = "\x1f".join((self.check, self.source_lang, self.target_lang,
                           normalize_for_fingerprint(self.source_text),
                           normalize_for_fingerprint(self.target_text)))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def path(self) -> str:
        loc = self.target or self.source
        return loc.path if loc else ""

    @property
    def line(self) -> int:
        loc = self.target or self.source
        return loc.line if loc else 1

    @property
    def column(self) -> int:
        loc = self.target or self.source
        return loc.column if loc else 1

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["fingerprint"] = self.fingerprint
        data["source_spans"] = [list(s) for s in self.source_spans]
        data["target_spans"] = [list(s) for s in self.target_spans]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        data = dict(data)
        data.pop("fingerprint", None)
        data["severity"] = Severity.parse(data["severity"])
        for side in ("source", "target"):
            if data.get(side) is not None:
                data[side] = Location(**data[side])
        data["source_spans"] = [tuple(s) for s in data.get("source_spans", [])]
        data["target_spans"] = [tuple(s) for s in data.get("target_spans", [])]
        return cls(**data)


def normalize_for_fingerprint(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def sort_key(f: Finding) -> tuple:
    """Deterministic output order: file, line, column, check, then text."""
    return (f.path, f.line, f.column, f.check, f.source_text, f.target_text)
