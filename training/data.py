"""Where the detector's data lives, and the labelled pairs of the WMT21 critical-error sets.

``EVAL`` is the one place that says where the evaluation data is: ``../shared/eval`` beside the
repository (the WMT21 critical-error sets here, FLORES-200 and Tatoeba through ``planting``).
Nothing of it is copied into the repository. ``TABLES`` holds the data written for this project
(idiom and negation tables), which is.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
TABLES = Path(__file__).resolve().parent / "tables"
WMT = EVAL / "wmt21-ced"
WMT_PAIRS = ("en-de", "en-cs", "en-ja", "en-zh")


@dataclass
class LabelledPair:
    src: str
    tgt: str
    label: int
    src_lang: str
    tgt_lang: str
    group: str  # the document (or pseudo-document) the pair belongs to
    kind: str = ""
    heading: bool = False


def load_wmt(pair: str, split: str, limit: int | None = None, seed: int = 0,
             group_size: int = 24) -> list[LabelledPair]:
    """WMT21 critical-error rows (ERR = 1), optionally a seeded sample of ``limit`` rows.

    The rows are independent comments; consecutive runs of ``group_size`` rows form
    pseudo-documents, so that document-relative signals see a realistic amount of context.
    """
    src_lang, tgt_lang = pair.split("-")
    path = WMT / f"{src_lang}{tgt_lang}_majority_{split}.tsv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return [LabelledPair(r[1], r[2], int(r[4] == "ERR"), src_lang, tgt_lang,
                         f"wmt-{pair}-{split}-{i // group_size}")
            for i, r in enumerate(rows)]
