"""What every machine format shares: display paths, one-line excerpts, the known checks, counts.

Document text is untrusted. Each format escapes it for its own syntax; the helpers here only make it
printable (no control characters, no line breaks) and short, which every format needs first.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.registry import REGISTRY, Check, all_checks
from ..findings import Finding, Severity
from ..results import PairResult, RunResult

_BUILTIN = "alignqa.checks.builtin"
SEVERITIES = tuple(sorted(Severity, key=lambda s: -s.rank))  # error, warning, info

# Invisible and format characters are shown escaped, except zero-width space, ZWNJ and ZWJ: Thai,
# Persian, Indic scripts and emoji need them.
_HIDDEN = ("Cc", "Cf", "Cs", "Co")
_JOINERS = "\u200b\u200c\u200d"
# Characters that break a line in some reader even though Python prints them inline.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_SPACES = re.compile(" {2,}")


def display_path(path: str | os.PathLike[str], cwd: Path | None = None) -> str:
    """POSIX path relative to ``cwd`` when the file lies under it, else the path as given.

    CI annotations and SARIF both resolve paths against the checkout, which is where alignqa runs.
    """
    if not str(path):
        return ""
    return _display_path(os.fspath(path), os.fspath(cwd) if cwd else os.getcwd())


@lru_cache(maxsize=8192)
def _display_path(path: str, cwd: str) -> str:
    # Memoised: every format names each document many times, and resolving is a syscall per
    # path component; a run's files and folders do not move while its reports are written.
    p = Path(path)
    if p.is_absolute():
        base = Path(cwd).resolve()
        try:
            return p.resolve().relative_to(base).as_posix()
        except ValueError:
            return p.as_posix()
    return PurePosixPath(*p.parts).as_posix() if p.parts else ""


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters made visible as ``\\xNN`` / ``\\uNNNN``.

    A translation can carry ANSI escapes or U+202E; printed raw they recolour a terminal or reorder
    what a reviewer reads. Tabs and line breaks become spaces: every format here is line-oriented.
    """
    if text.isprintable():  # nothing to escape: no control, format or line-break character
        return text
    out = []
    for ch in text:
        if ch == "\t" or ch in _LINE_BREAKS:
            out.append(" ")
        elif unicodedata.category(ch) in _HIDDEN and ch not in _JOINERS:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def one_line(text: str) -> str:
    """Printable, whitespace runs collapsed to one space, trimmed."""
    if text.isprintable():
        return _SPACES.sub(" ", text).strip(" ")
    return _flatten_any(text)[0]


def _flatten(text: str) -> tuple[str, list[int]]:
    """One-line printable text and, for each index of ``text``, its index in the result."""
    if text.isprintable():
        return _flatten_printable(text)
    return _flatten_any(text)


def _flatten_printable(text: str) -> tuple[str, list[int]]:
    """:func:`_flatten` of a text with nothing to escape (``str.isprintable``: no control,
    format or private-use character, no whitespace but the plain space), the common case,
    without a Unicode lookup per character."""
    flat = _SPACES.sub(" ", text).strip(" ")
    where: list[int] = []
    size = 0
    space = True
    for ch in text:
        where.append(size)
        if ch == " ":
            if not space:
                size += 1
            space = True
        else:
            size += 1
            space = False
    return flat, [min(i, len(flat)) for i in where]


def _flatten_any(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    size = 0
    where: list[int] = []
    space = True  # drop leading whitespace
    for ch in text:
        where.append(size)
        if ch.isspace() or ch in _LINE_BREAKS:
            if not space:
                out.append(" ")
                size += 1
            space = True
            continue
        piece = printable(ch)
        out.append(piece)
        size += len(piece)
        space = False
    flat = "".join(out)
    if flat.endswith(" "):
        flat = flat[:-1]
    return flat, [min(i, len(flat)) for i in where]


def excerpt(text: str, spans: Iterable[tuple[int, int]] = (), width: int = 60) -> str:
    """At most about ``width`` characters of ``text`` on one line, around the first span if any.

    Cuts fall on spaces where one is near and an ellipsis marks each cut, so a reviewer sees the
    words that triggered the finding rather than always the start of a long sentence.
    """
    width = max(width, 8)
    flat, where = _flatten(text)
    if len(flat) <= width:
        return flat
    first = min((s for s, _ in spans if 0 <= s < len(text)), default=None)
    focus = where[first] if first is not None else 0
    lo = max(0, min(focus - width // 3, len(flat) - width))
    hi = lo + width
    if lo > 0:
        cut = flat.find(" ", lo, min(lo + 12, focus + 1))
        lo = cut + 1 if cut != -1 else lo
    if hi < len(flat):
        cut = flat.rfind(" ", max(hi - 12, focus + 1), hi)
        hi = cut if cut > lo else hi
    return ("…" if lo > 0 else "") + flat[lo:hi].strip() + ("…" if hi < len(flat) else "")


def known_checks(findings: Iterable[Finding] = ()) -> dict[str, Check | None]:
    """Every registered check by id, plus ids that only occur in ``findings`` (mapped to None).

    A plugin check, or a result read back from JSON, may name a check this process never registered;
    it still needs a rule / test case of its own.
    """
    if importlib.util.find_spec(_BUILTIN) is not None:
        checks = all_checks()
    else:
        # Without the built-in checks installed, what is registered is all there is to list.
        checks = [REGISTRY[k] for k in sorted(REGISTRY)]
    out: dict[str, Check | None] = {c.id: c for c in checks}
    for f in findings:
        out.setdefault(f.check, None)
    return dict(sorted(out.items()))


def check_description(check_id: str, check: Check | None) -> str:
    return check.description if check else f"alignqa check {check_id}"


def check_severity(check: Check | None, findings: Iterable[Finding] = ()) -> Severity:
    """The registered default severity, else the highest one seen in findings."""
    if check:
        return check.severity
    seen = [f.severity for f in findings]
    return max(seen, key=lambda s: s.rank) if seen else Severity.WARNING


def finite(value: float | None) -> float | None:
    """None for NaN / infinity, which JSON and SARIF cannot carry."""
    return value if value is None or math.isfinite(value) else None


def fail_on(result: RunResult) -> Severity:
    """The run's gating level from its signature (``error`` when the run did not record one)."""
    try:
        return Severity.parse(str(result.signature.get("fail_on", "error")))
    except ValueError:
        return Severity.ERROR


@dataclass(frozen=True)
class Summary:
    documents: int
    sources: int
    translations: int
    language_pairs: list[tuple[str, str]]
    by_severity: dict[str, int]
    total: int
    suppressed: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "sources": self.sources,
            "translations": self.translations,
            "language_pairs": [list(p) for p in self.language_pairs],
            "findings": self.total,
            "by_severity": dict(self.by_severity),
            "suppressed": self.suppressed,
        }


def summarize(result: RunResult) -> Summary:
    sources = {str(p.source.path) for p in result.pairs}
    targets = {str(p.target.path) for p in result.pairs}
    counts = result.counts_by_severity()
    return Summary(
        documents=len(sources | targets),
        sources=len(sources),
        translations=len(targets),
        language_pairs=result.language_pairs(),
        by_severity=counts,
        total=sum(counts.values()),
        suppressed=result.suppressed,
    )


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def severity_counts_text(counts: dict[str, int]) -> str:
    """``1 error, 2 warnings, 0 info``."""
    return ", ".join(plural(counts.get(s.value, 0), s.value, "info" if s is Severity.INFO else None)
                     for s in SEVERITIES)


def pair_label(pair: PairResult, cwd: Path | None = None) -> str:
    """``en->lv corpus/lv/guide.md``: the language pair, then the translation's path."""
    return f"{pair.source.lang}->{pair.target.lang} {display_path(pair.target.path, cwd)}"


def flatten_signature(value: Any, prefix: str = "", list_sep: str = ",") -> list[tuple[str, str]]:
    """(key, text) rows of a signature value: nested keys dotted and sorted, lists joined."""
    if isinstance(value, dict):
        return [row for k in sorted(value, key=str)
                for row in flatten_signature(value[k], f"{prefix}.{k}" if prefix else str(k), list_sep)]
    if isinstance(value, list | tuple):
        return [(prefix, list_sep.join(map(str, value)))]
    return [(prefix, str(value))]


def signature_string(signature: dict[str, Any]) -> str:
    """sacrebleu-style ``key:value|key:value``, nested keys dotted, in a fixed order."""
    flat: list[tuple[str, str]] = []
    first = [k for k in ("alignqa", "model") if k in signature]
    for key in first + sorted(k for k in signature if k not in first):
        flat += flatten_signature(signature[key], key)
    return "|".join(f"{k}:{v}" for k, v in flat)


def by_severity(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)
