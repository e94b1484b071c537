from __future__ import annotations

import os
import stat

import pytest

from alignqa import atomic
from alignqa.atomic import atomic_write_bytes, atomic_write_text


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "sub" / "r.txt"
    atomic_write_text(path, "one\n")
    atomic_write_text(path, "twō\r\n")
    assert path.read_bytes() == "twō\r\n".encode()
    atomic_write_bytes(path, b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"
    assert os.listdir(path.parent) == ["r.txt"]


def test_new_file_gets_umask_permissions_and_replace_keeps_them(tmp_path):
    path = tmp_path / "r.txt"
    atomic_write_text(path, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o640)
    atomic_write_text(path, "y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_failure_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "r.json"
    path.write_text("old", encoding="utf-8")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["r.json"]


def test_unencodable_text_writes_nothing(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "\udc80")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["r.txt"]


def test_temporaries_of_killed_writers_are_removed_live_ones_kept(tmp_path):
    target = tmp_path / "r.json"
    dead = tmp_path / ".r.json.4194305.0123456789ab.tmp"  # above Linux's largest pid
    live = tmp_path / f".r.json.{os.getppid()}.0123456789ab.tmp"  # a writer still running
    old = tmp_path / f".r.json.{os.getppid()}.ba9876543210.tmp"
    other = tmp_path / ".other.json.4194305.0123456789ab.tmp"  # another target's: not ours
    for path in (dead, live, old, other):
        path.write_bytes(b"half")
    os.utime(old, (1, 1))  # a day old: its pid may have been reused since
    atomic_write_text(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, live.name, other.name])


def test_temporary_names_carry_the_writer_pid(tmp_path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write_text(tmp_path / "r.txt", "x")
    assert seen[0].startswith(f".r.txt.{os.getpid()}.") and seen[0].endswith(".tmp")


def test_streams_are_written_through_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    atomic_write_text(fifo, "report\n")
    reader.join(timeout=30)
    assert got == ["report\n"] and stat.S_ISFIFO(fifo.stat().st_mode)
    atomic_write_text(os.devnull, "discarded")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
