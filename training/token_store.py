"""Token offsets and vectors per text, computed once with the embedder and kept on disk.

Token vectors are the expensive part of training and benchmarking the detector (one encoder pass
per text, ~10-50 texts/s on two cores), so they are kept in a SQLite store under the alignqa cache
directory, keyed by model, prompt and text: a second run encodes nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from alignqa.detect.token_alignment import TokenVectors
from alignqa.embed import Embedder, default_cache_dir


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
