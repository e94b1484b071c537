"""Atomic file writes: a report is either the old one or the complete new one, never half of each.

The temporary file is created in the target's own directory because ``os.replace`` is only atomic
within one filesystem; the data is flushed to disk before the rename so that a crash right after
it cannot leave an empty file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories as needed.

    A new file gets the permissions a plain ``open`` would give (0666 less the umask); a replaced
    file keeps its own.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    # Not tempfile.mkstemp: it forces 0600, and undoing that means reading the umask, which is
    # process-wide state no library should toggle. O_EXCL with a random name is just as safe.
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` atomically; newlines are written as given (no platform translation).

    The text is encoded before anything touches the disk, so text that cannot be encoded leaves
    no trace.
    """
    atomic_write_bytes(path, text.encode(encoding))
