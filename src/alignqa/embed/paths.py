"""Where alignqa keeps what it builds and caches: converted models and embeddings."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "ALIGNQA_CACHE"


def default_cache_dir() -> Path:
    """``$ALIGNQA_CACHE`` when set, else the platform's user cache directory for alignqa."""
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("alignqa", appauthor=False))


def resolve_cache_dir(cache_dir: str | Path | None) -> Path:
    """An explicit ``cache_dir`` (from the caller or the config file) wins over the default."""
    return Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
