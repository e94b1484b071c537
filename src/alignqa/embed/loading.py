"""Load a sentence-transformers model quietly, turning every failure into one ModelError line."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ModelError

_OFFLINE_ENV = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


def looks_like_path(name: str) -> bool:
    """A name the user meant as a folder: absolute, ``~``, ``./`` or ``../`` (hub ids are a/b)."""
    return (os.path.isabs(name) or name.startswith(("~", "./", "../", ".\\", "..\\"))
            or os.path.exists(name))


def load_sentence_transformer(name_or_path: str, *, offline: bool = False) -> Any:
    """``SentenceTransformer(name_or_path)`` with progress bars and loader chatter silenced.

    ``offline`` pins the hub libraries offline before they are imported (they read the setting
    once, at import), and a local folder is always loaded with ``local_files_only``.
    """
    if offline:
        for var in _OFFLINE_ENV:
            os.environ[var] = "1"
    if looks_like_path(name_or_path):
        path = Path(name_or_path).expanduser()
        if not path.exists():
            raise ModelError("no such model folder", name_or_path)
        if not path.is_dir():
            raise ModelError("not a model folder (expected a sentence-transformers directory)",
                             name_or_path)
        name_or_path, local = str(path), True
    else:
        local = offline
    try:
        from sentence_transformers import SentenceTransformer

        with _quiet_loaders():
            return SentenceTransformer(name_or_path, local_files_only=local)
    except Exception as exc:  # any loader failure: missing files, bad JSON, hub unreachable
        raise ModelError(f"cannot load embedding model: {_first_line(exc)}", name_or_path) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].strip()


@contextmanager
def _quiet_loaders() -> Iterator[None]:
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    st_logger = logging.getLogger("sentence_transformers")
    st_level = st_logger.level
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    st_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        st_logger.setLevel(st_level)
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
