"""Reading a user's file: regular files only, bounded in size, every failure one InputError.

A FIFO or a device named as a document would block or never end, and a huge file would take minutes
and gigabytes to segment, so both are refused before a byte is read. The file is opened without
blocking and then inspected through its descriptor, so what is checked is what is read.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_FILE_SIZE = 10 * 1000 * 1000  # 10 MB: far beyond any real document, seconds to segment

_UNITS = {"": 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2,
          "gb": 1000**3, "gib": 1024**3}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


def parse_size(value: int | str) -> int:
    """Bytes from an integer or a string such as ``"10 MB"`` or ``"512KiB"``; ValueError if neither."""
    if isinstance(value, bool):
        raise ValueError(f"expected a size such as 10000000 or '10 MB', got {value!r}")
    if isinstance(value, int):
        size = value
    else:
        match = _SIZE_RE.match(value)
        unit = _UNITS.get(match.group(2).lower()) if match else None
        if match is None or unit is None:
            raise ValueError(f"expected a size such as 10000000 or '10 MB', got {value!r}")
        size = int(float(match.group(1)) * unit)
    if size < 1:
        raise ValueError(f"must be at least 1 byte, got {value!r}")
    return size


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("kB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def missing_reason(path: Path) -> str:
    """Why ``path`` cannot be opened although it was named: a dangling link says where it points."""
    try:
        if path.is_symlink():
            return f"broken symbolic link (points to {os.readlink(path)}, which does not exist)"
    except OSError:
        pass
    return "no such file"


def stat_named(path: Path) -> os.stat_result:
    """``os.stat(path)``, or an InputError saying why the named path cannot be used."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise InputError(missing_reason(path), path) from None
    except OSError as exc:
        raise InputError("symbolic link loop" if exc.errno == errno.ELOOP else
                         f"cannot read: {exc.strerror or exc}", path) from None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"


def read_regular_file(path: str | Path, max_size: int = DEFAULT_MAX_FILE_SIZE, *,
                      what: str = "file") -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_size`` bytes."""
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise InputError(missing_reason(p), p) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("symbolic link loop", p) from None
        if exc.errno == errno.EISDIR:
            raise InputError(f"is a directory, expected a {what}", p) from None
        raise InputError(f"cannot read: {exc.strerror or exc}", p) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"is a directory, expected a {what}", p)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"is {_kind(info.st_mode)}, not a regular {what}", p)
        if info.st_size > max_size:
            raise _too_big(p, info.st_size, max_size)
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = _read_at_most(fh, info.st_size, max_size + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", p) from None
    finally:
        os.close(fd)
    if len(data) > max_size:  # grew while being read
        raise _too_big(p, len(data), max_size)
    return data


def _read_at_most(fh, expected: int, limit: int) -> bytes:
    """Up to ``limit`` bytes; the buffer is sized by the file, not by the limit."""
    data = fh.read(min(expected, limit - 1) + 1)
    while len(data) < limit and len(data) > expected:  # grew while being read
        chunk = fh.read(min(1 << 20, limit - len(data)))
        if not chunk:
            break
        data += chunk
    return data


def _too_big(path: Path, size: int, limit: int) -> InputError:
    return InputError(f"{format_size(size)}, over the {format_size(limit)} size limit (raise "
                      "'max-file-size' in the config to read it)", path)
