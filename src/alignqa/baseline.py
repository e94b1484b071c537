"""Baselines: known findings, recorded once and silenced afterwards, keyed by fingerprint.

A fingerprint hashes the check, the language pair and the normalised source and target text, so an
entry survives line moves but not an edit to either sentence: change the translation and the
finding comes back, which is the point. The file is JSON for humans too::

    {"version": 1, "tool": "alignqa", "findings": [
        {"fingerprint": "3f9a...", "check": "numbers", "path": "lv/guide.md",
         "source": "The fee is 3.5%...", "target": "Maksa ir 35%..."}]}

Only ``fingerprint`` is read back; the rest lets a reviewer see what a line of the file silences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .atomic import atomic_write_text
from .errors import InputError
from .files import DEFAULT_MAX_FILE_SIZE, read_regular_file
from .findings import Finding, sort_key

VERSION = 1
_FINGERPRINT_RE = re.compile(r"^[0-9a-f]{16}$")
_SHORT = 80


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHORT else flat[: _SHORT - 1].rstrip() + "…"


def write_baseline(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write every distinct fingerprint of ``findings`` to ``path`` atomically; return how many."""
    entries: dict[str, dict[str, str]] = {}
    for f in sorted(findings, key=sort_key):
        entries.setdefault(f.fingerprint, {
            "fingerprint": f.fingerprint,
            "check": f.check,
            "languages": f"{f.source_lang}-{f.target_lang}",
            "path": Path(f.path).as_posix() if f.path else "",
            "source": _short(f.source_text),
            "target": _short(f.target_text),
        })
    data = {
        "version": VERSION,
        "tool": "alignqa",
        "alignqa": __version__,
        "findings": [entries[k] for k in sorted(entries)],
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def load_baseline(path: str | Path) -> set[str]:
    """Fingerprints recorded in a baseline file; an InputError naming the file if it is unusable."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise InputError("baseline file not found (create it with --update-baseline)", p)
    try:
        raw = read_regular_file(p, 10 * DEFAULT_MAX_FILE_SIZE, what="JSON file").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read baseline: not UTF-8 ({exc.reason} at byte {exc.start})",
                         p) from None
    except InputError as exc:
        raise InputError(f"cannot read baseline: {exc.message}", p) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not valid JSON: {exc.msg} at line {exc.lineno} column "
                         f"{exc.colno}", p) from None
    except RecursionError:
        raise InputError("baseline is not valid JSON: arrays or objects nested too deeply",
                         p) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("baseline must be a JSON object with a 'findings' list", p)
    version = data.get("version")
    if version != VERSION:
        raise InputError(f"unsupported baseline version {version!r} (this alignqa reads "
                         f"version {VERSION}); write it again with --update-baseline", p)
    out: set[str] = set()
    for i, entry in enumerate(data["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not _FINGERPRINT_RE.match(fp):
            raise InputError(f"baseline entry {i + 1} has no valid 'fingerprint' (16 lowercase "
                             "hex digits)", p)
        out.add(fp)
    return out


def apply_baseline(findings: Iterable[Finding], fingerprints: set[str] | frozenset[str]
                   ) -> tuple[list[Finding], int]:
    """Findings whose fingerprint is not in the baseline, and how many were silenced."""
    kept: list[Finding] = []
    dropped = 0
    for f in findings:
        if f.fingerprint in fingerprints:
            dropped += 1
        else:
            kept.append(f)
    return kept, dropped
