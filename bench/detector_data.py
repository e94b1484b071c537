"""Data for training and benchmarking the mistranslation detector, with a token-vector store.

Everything here reads ``../shared/eval`` (WMT21 critical-error sets, FLORES-200 through
``plant_errors``); nothing is copied into the repository. Token vectors are the expensive part
(one encoder pass per text, ~10-50 texts/s on two cores), so they are kept in a SQLite store
under the alignqa cache directory, keyed by model and text: a second run encodes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from alignqa.detect.token_alignment import TokenVectors
from alignqa.embed import Embedder, default_cache_dir

WMT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "wmt21-ced"
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


class TokenStore:
    """Token offsets and vectors per text (float16 on disk), computed once with the embedder."""

    def __init__(self, embedder: Embedder, path: Path | None = None):
        self.embedder = embedder
        self.path = path or default_cache_dir() / "detector-tokens.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=120)
        self.db.execute("CREATE TABLE IF NOT EXISTS tok (key TEXT PRIMARY KEY, n INTEGER,"
                        " offsets BLOB, vectors BLOB)")
        backend = getattr(embedder, "backend_name", "torch")
        # Backends give slightly different vectors; today's torch path keeps its old keys.
        self.namespace = f"{embedder.model_id}\x00{embedder.prompt}\x00" + \
            ("" if backend == "torch" else f"{backend}\x00")

    def _key(self, text: str) -> str:
        return hashlib.sha256((self.namespace + text).encode("utf-8")).hexdigest()

    def missing(self, texts: Sequence[str]) -> list[str]:
        unique = list(dict.fromkeys(texts))
        have = set()
        for i in range(0, len(unique), 500):
            keys = [self._key(t) for t in unique[i:i + 500]]
            marks = ",".join("?" * len(keys))
            have.update(k for (k,) in self.db.execute(
                f"SELECT key FROM tok WHERE key IN ({marks})", keys))
        return [t for t in unique if self._key(t) not in have]

    def fill(self, texts: Sequence[str], batch: int = 64, label: str = "") -> None:
        todo = self.missing(texts)
        start = time.perf_counter()
        for i in range(0, len(todo), batch):
            chunk = todo[i:i + batch]
            rows = []
            for t, te in zip(chunk, self.embedder.token_embeddings(chunk), strict=True):
                offsets = np.asarray(te.offsets, dtype=np.int32).reshape(-1, 2)
                rows.append((self._key(t), len(offsets), offsets.tobytes(),
                             te.vectors.astype(np.float16).tobytes()))
            self.db.executemany("INSERT OR REPLACE INTO tok VALUES (?, ?, ?, ?)", rows)
            self.db.commit()
            done = i + len(chunk)
            rate = done / (time.perf_counter() - start)
            print(f"  {label} {done}/{len(todo)} texts encoded ({rate:.1f}/s)", file=sys.stderr,
                  flush=True)

    def get(self, texts: Sequence[str]) -> list[TokenVectors]:
        self.fill(texts)
        out = {}
        unique = list(dict.fromkeys(texts))
        for i in range(0, len(unique), 500):
            keys = {self._key(t): t for t in unique[i:i + 500]}
            marks = ",".join("?" * len(keys))
            for key, n, offsets, vectors in self.db.execute(
                    f"SELECT key, n, offsets, vectors FROM tok WHERE key IN ({marks})",
                    list(keys)):
                text = keys[key]
                out[text] = TokenVectors(
                    text, [tuple(o) for o in np.frombuffer(offsets, np.int32).reshape(n, 2)],
                    np.frombuffer(vectors, np.float16).reshape(n, -1).astype(np.float32))
        return [out[t] for t in texts]
