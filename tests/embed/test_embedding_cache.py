"""The sqlite embedding cache: round trip, bound, recency, damage, and two writers at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import alignqa
from alignqa.embed.cache import EmbeddingCache, text_key

SRC = str(Path(alignqa.__file__).resolve().parents[1])
DIM = 8


def _vec(i: int) -> np.ndarray:
    return np.random.default_rng(i).standard_normal(DIM).astype(np.float32)


def _keys(ids) -> list[bytes]:
    return [text_key("model|prompt", f"text {i}") for i in ids]


def test_round_trip_and_misses(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3")
    keys = _keys(range(3))
    cache.put_many(zip(keys, map(_vec, range(3)), strict=True))
    found = cache.get_many([*keys, *_keys([99])], DIM)
    assert set(found) == set(keys)
    for i, key in enumerate(keys):
        assert found[key].dtype == np.float32
        assert np.array_equal(found[key], _vec(i))
    assert cache.get_many(keys, DIM + 1) == {}  # a row of another size is a miss, not garbage


def test_keys_separate_models_prompts_and_texts():
    base = text_key("m1|query: ", "Hello")
    assert base != text_key("m2|query: ", "Hello")
    assert base != text_key("m1|", "Hello")
    assert base != text_key("m1|query: ", "Hello ")
    assert base == text_key("m1|query: ", "Hello")


def test_size_is_bounded_and_oldest_go_first(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3", max_entries=100)
    for batch in range(10):
        ids = range(batch * 25, batch * 25 + 25)
        cache.put_many(zip(_keys(ids), map(_vec, ids), strict=True))
        assert len(cache) <= 100
    assert len(cache.get_many(_keys(range(225, 250)), DIM)) == 25  # newest batch kept
    assert cache.get_many(_keys(range(25)), DIM) == {}  # oldest evicted


def test_hits_refresh_recency(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3", max_entries=10, touch_seconds=0)
    a, b, c = range(0, 5), range(5, 10), range(10, 15)
    for ids in (a, b):
        cache.put_many(zip(_keys(ids), map(_vec, ids), strict=True))
    assert len(cache.get_many(_keys(a), DIM)) == 5  # a is now more recent than b
    cache.put_many(zip(_keys(c), map(_vec, c), strict=True))
    assert cache.get_many(_keys(b), DIM) == {}
    assert len(cache.get_many(_keys(c), DIM)) == 5
    assert len(cache.get_many(_keys(a), DIM)) == 4  # 6 evicted: all of b, then a's oldest


def test_damaged_file_disables_cache_with_one_warning(tmp_path):
    path = tmp_path / "e.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.warns(RuntimeWarning, match="embedding cache unusable"):
        cache = EmbeddingCache(path)
    assert not cache.enabled
    cache.put_many([(text_key("m", "x"), _vec(0))])
    assert cache.get_many([text_key("m", "x")], DIM) == {}


def test_two_processes_write_and_read_concurrently(tmp_path):
    script = """
        import sys
        import numpy as np
        from alignqa.embed.cache import EmbeddingCache, text_key

        path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        cache = EmbeddingCache(path)
        vec = lambda i: np.random.default_rng(i).standard_normal(8).astype(np.float32)
        for start in range(first, last, 50):
            ids = range(start, min(start + 50, last))
            keys = [text_key("model|prompt", f"text {i}") for i in ids]
            cache.put_many(zip(keys, map(vec, ids)))
            found = cache.get_many(keys, 8)
            assert len(found) == len(keys), (start, len(found))
            assert all(np.array_equal(found[k], vec(i)) for k, i in zip(keys, ids))
        cache.close()
    """
    env = {**os.environ, "PYTHONPATH": SRC}
    path = str(tmp_path / "shared.sqlite3")
    # Overlapping ranges: both processes also rewrite the same 750 keys.
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), path, lo, hi],
                              env=env, stderr=subprocess.PIPE, text=True)
             for lo, hi in (("0", "1500"), ("750", "2250"))]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    cache = EmbeddingCache(path)
    assert len(cache) == 2250
    found = cache.get_many(_keys(range(2250)), DIM)
    assert all(np.array_equal(found[k], _vec(i)) for i, k in enumerate(_keys(range(2250))))


def test_token_vectors_ride_in_the_same_row_as_float16(tmp_path):
    cache = EmbeddingCache(tmp_path / "e.sqlite3")
    key = _keys([1])[0]
    tokens = np.random.default_rng(3).standard_normal((5, DIM)).astype(np.float32)
    cache.put_many([(key, _vec(1), tokens)])
    vec, toks = cache.get_rows([key], DIM)[key]
    assert np.array_equal(vec, _vec(1))
    assert toks.dtype == np.float16 and np.array_equal(toks, tokens.astype(np.float16))
    assert cache.get_rows([key], DIM, tokens=False)[key][1] is None
    assert len(cache) == 1  # one row: same key, same bound


def test_a_version_2_cache_keeps_its_rows_in_a_rowid_table(tmp_path):
    import sqlite3

    path = tmp_path / "e.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, "
               "used INTEGER NOT NULL, tok BLOB) WITHOUT ROWID")
    db.execute("CREATE INDEX vectors_used ON vectors(used)")
    tokens = np.arange(2 * DIM, dtype=np.float16).reshape(2, DIM)
    db.execute("INSERT INTO vectors VALUES (?, ?, 1, ?)",
               (_keys([7])[0], _vec(7).tobytes(), tokens.tobytes()))
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()
    cache = EmbeddingCache(path)
    vec, toks = cache.get_rows(_keys([7]), DIM)[_keys([7])[0]]
    assert np.array_equal(vec, _vec(7)) and np.array_equal(toks, tokens)
    cache.close()
    db = sqlite3.connect(path)
    ddl = db.execute("SELECT sql FROM sqlite_master WHERE name='vectors'").fetchone()[0]
    assert "WITHOUT ROWID" not in ddl.upper()
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    assert db.execute("SELECT name FROM sqlite_master WHERE name='vectors_used'").fetchone()


def test_a_version_1_cache_is_upgraded_in_place(tmp_path):
    import sqlite3

    path = tmp_path / "e.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, "
               "used INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("INSERT INTO vectors VALUES (?, ?, 1)", (_keys([7])[0], _vec(7).tobytes()))
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    cache = EmbeddingCache(path)
    vec, toks = cache.get_rows(_keys([7]), DIM)[_keys([7])[0]]
    assert np.array_equal(vec, _vec(7)) and toks is None  # kept, without token vectors
    cache.put_many([(_keys([8])[0], _vec(8), np.ones((2, DIM), np.float32))])
    assert cache.get_rows(_keys([8]), DIM)[_keys([8])[0]][1].shape == (2, DIM)
