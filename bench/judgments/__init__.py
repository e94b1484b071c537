"""A reviewer's verdicts on the findings of ``bench/false_alarms.py``, read back by the bench.

Each ``<set>.tsv`` here holds one judged finding a line: ``set``, ``page`` (the translation as
``<lang>/<path>``), ``check``, ``fingerprint``, ``verdict`` (``real`` or ``false``), ``reason``
(one line), then the source and target text (shortened; for the reader, not for matching).

A finding is matched by set, page, check and fingerprint: a hash of the check id and the
finding's source and target text with whitespace collapsed. Line numbers and messages are left
out, since they drift with unrelated changes; severity is left out, since whether a reviewer
would act on a finding does not depend on how loudly it is reported. A finding whose text
changes (a new segmentation, an edited check) no longer matches and counts as unjudged, which
the bench counts as false: a judgment can only ever lower the false-alarm figure for the exact
finding it names.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERDICTS = ("real", "false")
COLUMNS = ("set", "page", "check", "fingerprint", "verdict", "reason", "source", "target")
_SHOWN = 160  # characters of source and target kept in the file for the reader
_SPACE = re.compile(r"\s+")

Key = tuple[str, str, str, str]  # set, page, check, fingerprint


@dataclass(frozen=True)
class Judgment:
    verdict: str
    reason: str


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def fingerprint(check: str, source: str, target: str) -> str:
    """A stable name for a finding: its check and its text, whitespace collapsed."""
    raw = "\x1f".join((check, _flat(source), _flat(target)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def key(set_name: str, page: str, check: str, source: str, target: str) -> Key:
    return (set_name, page, check, fingerprint(check, source, target))


def load(folder: Path = HERE) -> dict[Key, Judgment]:
    """Every judgment in ``folder/*.tsv``; a malformed line or verdict is an error naming it."""
    out: dict[Key, Judgment] = {}
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            header = next(reader, None)
            if header is None or tuple(header[:len(COLUMNS)]) != COLUMNS:
                raise ValueError(f"{path}: first line must be the header {'/'.join(COLUMNS)}")
            for n, row in enumerate(reader, start=2):
                if not row or row[0].startswith("#"):
                    continue
                if len(row) < 6 or row[4] not in VERDICTS:
                    raise ValueError(f"{path}:{n}: expected {len(COLUMNS)} tab-separated "
                                     f"columns with a verdict of {' or '.join(VERDICTS)}")
                out[(row[0], row[1], row[2], row[3])] = Judgment(row[4], row[5])
    return out


def row(set_name: str, page: str, check: str, source: str, target: str, verdict: str = "",
        reason: str = "") -> list[str]:
    """A line of a judgments file for this finding (``verdict`` empty: for a reviewer to fill)."""
    return [set_name, page, check, fingerprint(check, source, target), verdict, _flat(reason),
            _flat(source)[:_SHOWN], _flat(target)[:_SHOWN]]


def write(path: Path, rows: Iterable[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        # Fields are flattened to one line without tabs, so nothing needs quoting or escaping.
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                            lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
