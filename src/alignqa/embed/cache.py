"""On-disk embedding cache: sqlite, one row per (model, backend, prompt, text) hash.

A row holds the text's sentence vector (float32, so a cached vector is bit-identical to the
fresh one) and, beside it under the same key, its token vectors (float16: the detector compares
them by cosine, where half precision changes nothing it can see, at half the size).

Shared by concurrent runs and bounded to ``max_entries`` rows, least recently used out first
(:mod:`alignqa.sqlite_store`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections.abc import Iterable, Sequence

import numpy as np

from ..sqlite_store import SqliteStore

# A row is ~1.5 KB of sentence vector plus ~0.8 KB per token (384 float16 values): ~25 KB for a
# 30-token sentence, so the default bound is ~2.5 GB at most.
DEFAULT_MAX_ENTRIES = 100_000
# 3: a rowid table. Versions 1-2 were WITHOUT ROWID, which sqlite advises against for rows
# this large (~25 KB): writing them cost twice the CPU, reading them 2.5 times (measured).
SCHEMA_VERSION = 3


def text_key(namespace: str, text: str) -> bytes:
    """The row key: a digest of the model namespace (model id, prompt...) and the exact text."""
    return hashlib.sha256(f"{namespace}\x00{text}".encode("utf-8", "surrogatepass")).digest()


class EmbeddingCache(SqliteStore):
    """Vectors by key. Unreadable database files disable the cache with one warning."""

    table = "vectors"
    kind = "embedding cache"

    default_max_entries = DEFAULT_MAX_ENTRIES
    schema_version = SCHEMA_VERSION

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        if version in (1, 2):
            # Rows are copied, not dropped: they stand for encoder time. Version 1 rows have no
            # token vectors; they stay valid without.
            rows = db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
            if rows:  # a large cache takes a while (8 GB: about two minutes)
                print(f"alignqa: upgrading the embedding cache {self.path} ({rows} rows; once)",
                      file=sys.stderr)
            db.execute("ALTER TABLE vectors RENAME TO vectors_old")
            db.execute("DROP INDEX IF EXISTS vectors_used")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, "
                   "used INTEGER NOT NULL, tok BLOB)")
        if version in (1, 2):
            tok = "tok" if version == 2 else "NULL"
            db.execute(f"INSERT INTO vectors (key, vec, used, tok) "
                       f"SELECT key, vec, used, {tok} FROM vectors_old")
            db.execute("DROP TABLE vectors_old")
        db.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors(used)")

    def get_many(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The cached sentence vectors among ``keys`` (missing and malformed rows are absent)."""
        return {k: vec for k, (vec, _) in self.get_rows(keys, dim, tokens=False).items()}

    def get_rows(self, keys: Sequence[bytes], dim: int, *, tokens: bool = True
                 ) -> dict[bytes, tuple[np.ndarray, np.ndarray | None]]:
        """Sentence vector and token vectors (float16, ``(n, dim)``; None when the row has
        none or ``tokens`` is false) of the cached rows among ``keys``."""

        def load(blob: bytes, tok: bytes | None) -> tuple[np.ndarray, np.ndarray | None] | None:
            if len(blob) != 4 * dim:
                return None
            toks = None
            if tok is not None and len(tok) % (2 * dim) == 0:
                toks = np.frombuffer(tok, dtype="<f2").reshape(-1, dim)
            return np.frombuffer(blob, dtype="<f4").astype(np.float32), toks

        return self._fetch("vec, tok" if tokens else "vec, NULL", keys, load)

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray] |
                                       tuple[bytes, np.ndarray, np.ndarray | None]]) -> None:
        """Store ``(key, vector)`` or ``(key, vector, token vectors)`` rows, then evict the
        least recently used rows beyond ``max_entries``."""
        rows = []
        for key, vec, *rest in items:
            toks = rest[0] if rest else None
            rows.append((key, np.asarray(vec, dtype="<f4").tobytes(),
                         None if toks is None else np.asarray(toks, dtype="<f2").tobytes()))
        self._store(("vec", "tok"), rows)
