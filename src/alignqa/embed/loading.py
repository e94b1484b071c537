"""Load a sentence-transformers model quietly, turning every failure into one ModelError line."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

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
        return _load(str(path), name_or_path, local_only=True)
    # A hub id: the local Hugging Face cache first, so a cached model never needs the network.
    try:
        return _load(name_or_path, name_or_path, local_only=True)
    except ModelError as exc:
        if offline or _offline_requested():
            raise ModelError(f"{exc.message} (hub access is off)", name_or_path) from None
    host = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co").hostname or ""
    # The hub client retries a dead network for a minute and more; one probe answers at once.
    if not _reachable(host):
        raise ModelError(f"cannot load embedding model: not in the local cache and {host} "
                         "is unreachable", name_or_path)
    return _load(name_or_path, name_or_path, local_only=False)


def _load(target: str, shown: str, *, local_only: bool) -> Any:
    try:
        from sentence_transformers import SentenceTransformer

        with _quiet_loaders():
            return SentenceTransformer(target, local_files_only=local_only)
    except Exception as exc:  # any loader failure: missing files, bad JSON, hub errors
        raise ModelError(f"cannot load embedding model: {_first_line(exc)}", shown) from None


def _offline_requested() -> bool:
    return any(os.environ.get(var, "").strip().lower() in ("1", "true", "yes", "on")
               for var in _OFFLINE_ENV)


def _reachable(host: str, port: int = 443, timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


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
    hub_logger = logging.getLogger("huggingface_hub")
    hub_level = hub_logger.level
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    st_logger.setLevel(logging.ERROR)
    hub_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        hub_logger.setLevel(hub_level)
        st_logger.setLevel(st_level)
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
