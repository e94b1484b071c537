"""A bounded key -> row table in a sqlite file that concurrent processes share: the embedding
cache and the result cache are both one.

WAL lets readers proceed while one writer commits, the busy timeout makes a second writer wait
instead of failing, and writes are short ``BEGIN IMMEDIATE`` transactions. Past ``max_entries``
the least recently used rows go; a hit refreshes its "last used" time at most every
``touch_seconds``, so warm runs seldom write. A file that cannot be used disables the store with
one warning: a cache never fails a run.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

_BATCH = 500  # keys per IN (...) query, under every sqlite's variable limit


class SqliteStore:
    """Rows of ``table`` by a ``key`` column, with a ``used`` column for eviction. Subclasses
    name the table and what it is (for the warning), their bound and schema version, and bring
    a file from any older version to theirs in :meth:`_migrate`."""

    table = ""
    kind = ""
    default_max_entries = 10_000
    schema_version = 1

    # Hits refresh their "last used" time at most every touch_seconds (default an hour), so
    # warm runs seldom write.
    def __init__(self, path: str | Path, *, max_entries: int | None = None,
                 timeout: float = 60.0, touch_seconds: float = 3600.0):
        max_entries = self.default_max_entries if max_entries is None else max_entries
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

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _setup_waiting(self, timeout: float) -> None:
        # Switching a new file to WAL while another process creates it can report "locked"
        # at once, without the busy handler; wait for the other process like any writer would.
        deadline = time.monotonic() + timeout
        delay = 0.01
        while True:
            try:
                assert self._db is not None
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._create(self._db)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    def _create(self, db: sqlite3.Connection) -> None:
        version = _version(db)
        if version == self.schema_version:
            return
        if version > self.schema_version:
            raise sqlite3.DatabaseError(f"unknown {self.kind} schema version {version}")
        with self._write():
            # Re-read under the write lock: another process may have migrated it meanwhile.
            version = _version(db)
            if version == self.schema_version:
                return
            self._migrate(db, version)
            db.execute(f"PRAGMA user_version={self.schema_version}")

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        """Create the table, or bring a file of ``version`` (0: new or unversioned) to
        :attr:`schema_version`; runs inside the write transaction."""
        raise NotImplementedError

    def _disable(self, exc: Exception) -> None:
        warnings.warn(f"{self.path}: {self.kind} unusable ({exc}); continuing without it",
                      RuntimeWarning, stacklevel=3)
        if self._db is not None:
            self._db.close()
        self._db = None

    def _write(self) -> _Transaction:
        assert self._db is not None
        return _Transaction(self._db)

    def _fetch(self, columns: str, keys: Sequence[bytes],
               load: Callable[..., Any | None]) -> dict[bytes, Any]:
        """``load(*columns)`` of the stored rows among ``keys``; rows it returns None for are
        left out (and not touched)."""
        if self._db is None or not keys:
            return {}
        found: dict[bytes, Any] = {}
        stale: list[bytes] = []
        now = _now_us()
        with self._lock:
            try:
                for chunk in _chunks(list(dict.fromkeys(keys)), _BATCH):
                    rows = self._db.execute(
                        f"SELECT key, used, {columns} FROM {self.table} WHERE key IN "
                        f"({_marks(chunk)})", chunk)
                    for key, used, *values in rows:
                        value = load(*values)
                        if value is None:
                            continue
                        found[key] = value
                        if now - used >= self._touch_us:
                            stale.append(key)
                if stale:
                    with self._write():
                        for chunk in _chunks(stale, _BATCH):
                            self._db.execute(f"UPDATE {self.table} SET used=? WHERE key IN "
                                             f"({_marks(chunk)})", [now, *chunk])
            except sqlite3.Error as exc:
                self._disable(exc)
                return {}
        return found

    def _store(self, columns: Sequence[str], rows: list[tuple]) -> None:
        """Insert or replace ``(key, *columns)`` rows, then evict beyond ``max_entries``."""
        if self._db is None or not rows:
            return
        now = _now_us()
        names = ", ".join(["key", *columns, "used"])
        marks = ", ".join("?" * (len(columns) + 2))
        with self._lock:
            try:
                with self._write():
                    self._db.executemany(f"INSERT OR REPLACE INTO {self.table} ({names}) "
                                         f"VALUES ({marks})", [(*row, now) for row in rows])
                    self._evict()
            except sqlite3.Error as exc:
                self._disable(exc)

    def _evict(self) -> None:
        assert self._db is not None
        count = self._db.execute(f"SELECT COUNT(*) FROM {self.table}").fetchone()[0]
        if count <= self.max_entries:
            return
        # Evict a tenth more than needed so a full store does not evict on every single write.
        excess = count - self.max_entries + self.max_entries // 10
        self._db.execute(f"DELETE FROM {self.table} WHERE key IN (SELECT key FROM {self.table} "
                         "ORDER BY used, key LIMIT ?)", (excess,))

    def __len__(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            return self._db.execute(f"SELECT COUNT(*) FROM {self.table}").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``: takes the write lock up front, so no upgrade deadlock."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _now_us() -> int:
    """Microseconds: fine enough that writes in one test run still order by recency."""
    return time.time_ns() // 1000


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _marks(chunk: list) -> str:
    return ",".join("?" * len(chunk))
