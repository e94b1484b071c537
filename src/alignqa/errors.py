"""Errors a user can cause. The CLI maps every one of them to one line and exit status 2."""

from __future__ import annotations

from pathlib import Path


class AlignQAError(Exception):
    """A problem with the user's input: message is shown as is, with the path when one is known."""

    def __init__(self, message: str, path: str | Path | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(AlignQAError):
    """A document cannot be read, decoded or used (missing, binary, empty, unknown language)."""


class ConfigError(AlignQAError):
    """A configuration file or option is invalid (unknown key, wrong type, bad value)."""


class ModelError(AlignQAError):
    """An embedding model cannot be built or loaded."""
