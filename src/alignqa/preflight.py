"""Checks that run before the model: every input read and every output place tested first.

Loading the model and aligning a corpus takes seconds to minutes; an unreadable baseline, a broken
glossary or an output path that cannot be written must fail before that, and before anything is
written, so a failed run leaves the previous reports as they were.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .atomic import is_stream
from .errors import InputError


def validate_inputs(glossaries: Iterable[Path | None]) -> None:
    """Read every glossary the run will use (parsed strictly), so a broken one fails now."""
    from .glossary import load_glossary

    for path in sorted({g for g in glossaries if g is not None}):
        load_glossary(path)  # cached: the checks read it again for free


def validate_outputs(formats: Sequence[str], output: Path | None, *,
                     report_dir: Path | None) -> None:
    """Raise InputError/ConfigError now if any output of the run could not be written later.

    ``formats``/``output`` as for :func:`alignqa.report.formats.write_outputs`; ``report_dir`` is
    the HTML report's folder (None: no report). A baseline to write is checked with
    :func:`check_writable_file`.
    """
    from .report.formats import plan_outputs

    plan = plan_outputs(formats, output)
    if None in plan.values() and not stdout_open():
        raise InputError("stdout is closed; give --output FILE for the "
                         f"{', '.join(f for f, p in plan.items() if p is None)} output")
    for path in plan.values():
        if path is not None:
            check_writable_file(path)
    if report_dir is not None:
        check_writable_dir(report_dir)
        check_writable_dir(report_dir / "pairs")


def stdout_open() -> bool:
    stream = sys.stdout
    if stream is None or getattr(stream, "closed", False):
        return False  # started with descriptor 1 closed (`alignqa check ... >&-`)
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return True  # not backed by a descriptor, e.g. captured in a test
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def check_writable_file(path: Path) -> None:
    """``path`` can be replaced atomically (absent or a regular file, in a writable folder) or
    written through (a FIFO or a character device)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # the folder check below says which part of the path is wrong
    except OSError as exc:
        raise InputError(f"cannot write this output: {exc.strerror or exc}", path) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError("is a directory, expected an output file", path)
    if mode is not None and is_stream(mode):
        if not os.access(path, os.W_OK):
            raise InputError("cannot write this output: permission denied", path)
        return  # written through, not replaced (/dev/null, a FIFO)
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError("is neither a regular file, a FIFO nor a character device; alignqa "
                         "will not replace it", path)
    check_writable_dir(path.parent, output=path)


def check_writable_dir(folder: Path, *, output: Path | None = None) -> None:
    """``folder`` exists and takes new files, or can be created under its nearest ancestor.

    Errors name ``output`` (the file to be written there) when given, else ``folder``.
    """
    named = output or folder

    def fail(problem: str) -> InputError:
        return InputError(f"cannot write this output: {problem}", named)

    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if existing.is_symlink() and not existing.exists():
        raise fail(f"{existing} is a broken symbolic link")
    if not existing.is_dir():
        raise fail(f"{existing} is not a directory")
    if existing != folder:
        if not os.access(existing, os.W_OK | os.X_OK):
            raise fail(f"no permission to create folders in {existing}")
        return
    # Permissions alone do not tell (capabilities, read-only mounts, /proc): create and remove
    # an empty file, the way the atomic write will.
    try:
        fd, name = tempfile.mkstemp(prefix=".alignqa-probe-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise fail(f"{folder} does not accept new files ({exc.strerror or exc})") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
