"""Path patterns of the config (``include``, ``exclude``, ``per-file-ignores``), matched as
``.gitignore`` lines are: ``*`` stays inside one folder, ``**`` crosses folders, a pattern without
a ``/`` matches a name at any depth, a pattern matching a folder matches what is inside it, and a
later ``!pattern`` takes a path back.

Users already know these rules from git (and ruff's and black's path options follow them);
:mod:`fnmatch` lets ``*`` cross ``/``, so ``**/[b-z]*.md`` used to exclude every file whose path
merely contained such a name. Matching is pathspec's, compiled once per pattern list.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pathspec


class PatternError(ValueError):
    """A pattern that is not a valid glob (its text is in the message)."""


def matches(path: str, patterns: Iterable[str]) -> bool:
    """Whether the '/'-separated relative ``path`` matches any of ``patterns``."""
    return _spec(tuple(patterns)).match_file(path)


def validate(pattern: str) -> None:
    """Raise :class:`PatternError` naming ``pattern`` when it cannot be compiled."""
    _spec((pattern,))


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns)
    except ValueError as exc:  # pathspec's pattern errors are ValueErrors
        raise PatternError(str(exc)) from None
