"""Progress lines on long runs: silent for short ones, then at most one line per interval."""

from __future__ import annotations

import io

from alignqa.progress import Progress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_quiet_for_short_runs_then_throttled():
    clock, out = Clock(), io.StringIO()
    progress = Progress(10, "checking, pair", after=2.0, every=5.0, stream=out, clock=clock)
    for t in (0.5, 1.0, 2.5, 3.0, 6.0, 8.0, 9.0):
        clock.now = t
        progress.step(f"lv/{t}.md")
    assert out.getvalue().splitlines() == [
        "alignqa: checking, pair 3/10 (lv/2.5.md), 2 s",
        "alignqa: checking, pair 6/10 (lv/8.0.md), 8 s",
    ]


def test_quiet_prints_nothing():
    clock, out = Clock(), io.StringIO()
    progress = Progress(3, "x", quiet=True, after=0.0, stream=out, clock=clock)
    for t in (1.0, 10.0, 20.0):
        clock.now = t
        progress.step()
    assert out.getvalue() == "" and progress.done == 3
