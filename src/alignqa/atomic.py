"""Atomic file writes: a report is either the old one or the complete new one, never half of each.

The temporary file is created in the target's own directory because ``os.replace`` is only atomic
within one filesystem; the data is flushed to disk before the rename so that a crash right after
it cannot leave an empty file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

_TMP_RE = re.compile(r"(\d+)\.[0-9a-f]{12}\.tmp")
_STALE_SECONDS = 24 * 3600


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories as needed.

    A new file gets the permissions a plain ``open`` would give (0666 less the umask); a replaced
    file keeps its own. A FIFO or a character device (``/dev/null``, ``-o >(jq .)``) is written
    through instead: replacing it would be wrong, and atomicity means nothing for a stream.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        st_mode = target.stat().st_mode
    except FileNotFoundError:
        st_mode = None
    if st_mode is not None and is_stream(st_mode):
        with open(target, "wb") as fh:
            fh.write(data)
        return
    mode = None if st_mode is None else st_mode & 0o7777
    # Not tempfile.mkstemp: it forces 0600, and undoing that means reading the umask, which is
    # process-wide state no library should toggle. O_EXCL with a random name is just as safe.
    remove_stale_temporaries(target)
    while True:
        tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
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


def is_stream(st_mode: int) -> bool:
    """A FIFO or character device: written through, never replaced."""
    return stat.S_ISFIFO(st_mode) or stat.S_ISCHR(st_mode)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporary files a killed writer of ``target`` left behind; return them.

    A temporary is stale when the process named in it is gone (or the file is a day old, in case
    the pid was reused); a live writer's file is left alone, so concurrent runs stay safe.
    """
    removed: list[Path] = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        match = _TMP_RE.fullmatch(entry.name[len(prefix):])
        if match is None:
            continue
        try:
            old = time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS
        except OSError:
            continue
        if old or not _alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":
        return True  # on Windows os.kill would terminate the process: rely on age alone there
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # someone else's process (EPERM): leave its file alone
    return True


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` atomically; newlines are written as given (no platform translation).

    The text is encoded before anything touches the disk, so text that cannot be encoded leaves
    no trace.
    """
    atomic_write_bytes(path, text.encode(encoding))
