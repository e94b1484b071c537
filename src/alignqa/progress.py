"""Progress of a long run, on stderr: a check of a large corpus must not sit silent for minutes.

Nothing is printed for a run that ends within ``after`` seconds, so short runs and tests stay quiet;
then one line at most every ``every`` seconds. Plain lines, not a redrawn bar: CI logs keep them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(self, total: int, what: str, *, quiet: bool = False, after: float = 2.0,
                 every: float = 5.0, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.total, self.what, self.quiet = total, what, quiet
        self.after, self.every, self.clock = after, every, clock
        self.stream = stream
        self.done = 0
        self.started = clock()
        self.last: float | None = None

    def step(self, name: str = "") -> None:
        """One more item done (``name``: what it was, shown with the count)."""
        self.done += 1
        if self.quiet:
            return
        now = self.clock()
        if now - self.started < self.after or (self.last is not None and
                                               now - self.last < self.every):
            return
        self.last = now
        stream = self.stream or sys.stderr
        line = f"alignqa: {self.what} {self.done}/{self.total}"
        if name:
            line += f" ({name})"
        try:
            stream.write(line + f", {now - self.started:.0f} s\n")
            stream.flush()
        except (OSError, ValueError, AttributeError):
            self.quiet = True  # stderr is gone; the run itself need not fail for that
