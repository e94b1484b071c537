"""On-disk embedding cache: sqlite, one row per (model, backend, prompt, text) hash.

A row holds the text's sentence vector (float32, so a cached vector is bit-identical to the
fresh one) and, beside it under the same key, its token vectors (float16: the detector compares
them by cosine, where half precision changes nothing it can see, at half the size).

Shared by concurrent runs: WAL lets readers proceed while one writer commits, the busy timeout
makes a second writer wait instead of failing, and writes are short ``BEGIN IMMEDIATE``
transactions. The table is bounded: past ``max_entries`` the least recently used rows go.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

# A row is ~1.5 KB of sentence vector plus ~0.8 KB per token (384 float16 values): ~25 KB for a
# 30-token sentence, so the default bound is ~2.5 GB at most.
DEFAULT_MAX_ENTRIES = 100_000
SCHEMA_VERSION = 2
# Hits refresh their "last used" time at most this often, so warm runs seldom write.
TOUCH_SECONDS = 3600.0
_BATCH = 500  # keys per IN (...) query, under every sqlite's variable limit


def text_key(namespace: str, text: str) -> bytes:
    """The row key: a digest of the model namespace (model id, prompt...) and the exact text."""
    return hashlib.sha256(f"{namespace}\x00{text}".encode("utf-8", "surrogatepass")).digest()


class EmbeddingCache:
    """Vectors by key. Unreadable database files disable the cache with one warning."""

    def __init__(self, path: str | Path, *, max_entries: int = DEFAULT_MAX_ENTRIES,
                 timeout: float = 60.0, touch_seconds: float = TOUCH_SECONDS):
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.path = Path(path)
        self.max_entries = max_entries
        self._touch_us = int(touch_seconds * 1e6)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
            self._setup_waiting(timeout)
        except sqlite3.Error as exc:
            self._disable(exc)

    def _setup_waiting(self, timeout: float) -> None:
        # Switching a new file to WAL while another process creates it can report "locked"
        # at once, without the busy handler; wait for the other process like any writer would.
        deadline = time.monotonic() + timeout
        delay = 0.01
        while True:
            try:
                self._setup()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _setup(self) -> None:
        assert self._db is not None
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, 1, SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
        if version == SCHEMA_VERSION:
            return
        with self._write():
            # Re-read under the write lock: another process may have upgraded it meanwhile.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, "
                "used INTEGER NOT NULL, tok BLOB) WITHOUT ROWID")
            if version == 1:  # version 1 rows have no token vectors: they stay valid without
                self._db.execute("ALTER TABLE vectors ADD COLUMN tok BLOB")
            self._db.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors(used)")
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _write(self):
        return _Transaction(self._db)

    def _disable(self, exc: Exception) -> None:
        warnings.warn(f"{self.path}: embedding cache unusable ({exc}); continuing without it",
                      RuntimeWarning, stacklevel=3)
        if self._db is not None:
            self._db.close()
        self._db = None

    def get_many(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The cached sentence vectors among ``keys`` (missing and malformed rows are absent)."""
        return {k: vec for k, (vec, _) in self.get_rows(keys, dim, tokens=False).items()}

    def get_rows(self, keys: Sequence[bytes], dim: int, *, tokens: bool = True
                 ) -> dict[bytes, tuple[np.ndarray, np.ndarray | None]]:
        """Sentence vector and token vectors (float16, ``(n, dim)``; None when the row has
        none or ``tokens`` is false) of the cached rows among ``keys``."""
        if self._db is None or not keys:
            return {}
        found: dict[bytes, tuple[np.ndarray, np.ndarray | None]] = {}
        column = "tok" if tokens else "NULL"
        stale: list[bytes] = []
        now = _now_us()
        with self._lock:
            try:
                for chunk in _chunks(list(dict.fromkeys(keys)), _BATCH):
                    rows = self._db.execute(
                        f"SELECT key, vec, used, {column} FROM vectors WHERE key IN "
                        f"({_marks(chunk)})", chunk)
                    for key, blob, used, tok in rows:
                        if len(blob) == 4 * dim:
                            vec = np.frombuffer(blob, dtype="<f4").astype(np.float32)
                            toks = None
                            if tok is not None and len(tok) % (2 * dim) == 0:
                                toks = np.frombuffer(tok, dtype="<f2").reshape(-1, dim)
                            found[key] = (vec, toks)
                            if now - used >= self._touch_us:
                                stale.append(key)
                if stale:
                    with self._write():
                        for chunk in _chunks(stale, _BATCH):
                            self._db.execute(f"UPDATE vectors SET used=? WHERE key IN "
                                             f"({_marks(chunk)})", [now, *chunk])
            except sqlite3.Error as exc:
                self._disable(exc)
                return {}
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray] |
                                       tuple[bytes, np.ndarray, np.ndarray | None]]) -> None:
        """Store ``(key, vector)`` or ``(key, vector, token vectors)`` rows, then evict the
        least recently used rows beyond ``max_entries``."""
        if self._db is None:
            return
        rows = []
        for key, vec, *rest in items:
            toks = rest[0] if rest else None
            rows.append((key, np.asarray(vec, dtype="<f4").tobytes(),
                         None if toks is None else np.asarray(toks, dtype="<f2").tobytes()))
        if not rows:
            return
        now = _now_us()
        with self._lock:
            try:
                with self._write():
                    self._db.executemany("INSERT OR REPLACE INTO vectors (key, vec, used, tok) "
                                         "VALUES (?, ?, ?, ?)", [(k, v, now, t) for k, v, t in rows])
                    self._evict()
            except sqlite3.Error as exc:
                self._disable(exc)

    def _evict(self) -> None:
        assert self._db is not None
        count = self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
        if count <= self.max_entries:
            return
        # Evict a tenth more than needed so a full cache does not evict on every single write.
        excess = count - self.max_entries + self.max_entries // 10
        self._db.execute("DELETE FROM vectors WHERE key IN (SELECT key FROM vectors "
                         "ORDER BY used, key LIMIT ?)", (excess,))

    def __len__(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``: takes the write lock up front, so no upgrade deadlock."""

    def __init__(self, db: sqlite3.Connection | None):
        assert db is not None
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _now_us() -> int:
    """Microseconds: fine enough that writes in one test run still order by recency."""
    return time.time_ns() // 1000


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _marks(chunk: list) -> str:
    return ",".join("?" * len(chunk))
