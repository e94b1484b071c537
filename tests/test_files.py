"""Reading users' files: regular files only, bounded, every refusal one InputError naming it."""

from __future__ import annotations

import os

import pytest

from alignqa.errors import InputError
from alignqa.files import format_size, parse_size, read_regular_file


@pytest.mark.parametrize(("value", "size"), [
    (1, 1), (10_000_000, 10_000_000), ("10 MB", 10_000_000), ("512KiB", 524_288),
    ("1.5 kB", 1500), ("7", 7), (" 2 GiB ", 2 * 1024**3),
])
def test_parse_size(value, size):
    assert parse_size(value) == size


@pytest.mark.parametrize("value", [0, -3, "0 MB", "ten", "10 parsecs", "", True, "1e6"])
def test_parse_size_rejects(value):
    with pytest.raises(ValueError):
        parse_size(value)


def test_format_size():
    assert [format_size(n) for n in (12, 1500, 10_000_000, 3 * 10**9)] == [
        "12 bytes", "1.5 kB", "10.0 MB", "3.0 GB"]


def test_reads_a_regular_file_within_the_limit(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(b"x" * 100)
    assert read_regular_file(f, 100) == b"x" * 100
    with pytest.raises(InputError, match="100 bytes, over the 99 bytes size limit"):
        read_regular_file(f, 99)


@pytest.mark.parametrize(("make", "needle"), [
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: os.mkfifo(p), "is a FIFO"),
    (lambda p: p.symlink_to(p.parent / "missing"), "broken symbolic link"),
    (lambda p: p.symlink_to(p), "symbolic link loop"),
    (lambda p: None, "no such file"),
])
def test_refusals_name_the_file(tmp_path, make, needle):
    path = tmp_path / "doc.md"
    make(path)
    with pytest.raises(InputError, match=needle) as info:
        read_regular_file(path)
    assert info.value.path == str(path)


def test_character_device_is_refused():
    with pytest.raises(InputError, match="character device"):
        read_regular_file(os.devnull)
