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
