"""py3langid's model, kept decompressed beside alignqa's converted models.

py3langid ships its model LZMA-compressed and decompresses all 68 MB of it in every process:
0.4-0.5 s of CPU, a tenth of everything a cold ``alignqa check`` spends besides the encoder.
The first run in a cache folder stores the arrays once as plain ``.npy`` files; later runs map
them (0.05 s). The folder is named after py3langid's version and its model file's size and
modification time, so an upgrade makes a new one; only arrays are stored (nothing that runs
code when loaded), a folder appears complete or not at all (written aside, then renamed), and
one that cannot be read is built again.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from array import array
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output", "typecodes")
_STALE_SECONDS = 3600


def load_identifier(folder: Path | None) -> Any:
    """py3langid's identifier (probabilities normalised), read from the decompressed copy in
    ``folder`` when there is one, else from py3langid's own file (then stored in ``folder``)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if folder is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    unpacked = folder / _unpacked_name(Path(MODEL_DIR) / MODEL_FILE)
    try:
        stored = {name: np.load(unpacked / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in _ARRAYS}
        return _identifier(LanguageIdentifier, stored)
    except (OSError, ValueError, EOFError):
        pass  # not there yet, or unreadable: built again below
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    with contextlib.suppress(OSError):  # a read-only cache only costs the decompression
        _store(identifier, unpacked)
    return identifier


def _unpacked_name(source: Path) -> str:
    try:
        release = version("py3langid")
    except PackageNotFoundError:
        release = "unknown"
    stat = os.stat(source)
    return f"py3langid-{release}-{stat.st_size}-{stat.st_mtime_ns}"


def _store(identifier: Any, unpacked: Path) -> None:
    arrays = {
        "ptc": np.asarray(identifier.nb_ptc), "pc": np.asarray(identifier.nb_pc),
        "classes": np.array(identifier.nb_classes, dtype=str),
        "nextmove": np.frombuffer(identifier.tk_nextmove, _dtype(identifier.tk_nextmove)),
        "row": np.frombuffer(identifier.tk_row, _dtype(identifier.tk_row)),
        "output": np.array(identifier.tk_output, dtype=np.int64),
        "typecodes": np.array([identifier.tk_nextmove.typecode, identifier.tk_row.typecode]),
    }
    unpacked.parent.mkdir(parents=True, exist_ok=True)
    for left in unpacked.parent.glob(f".{unpacked.name}.*.tmp"):
        # A writer killed mid-way leaves its folder; one writing now is minutes old at most.
        with contextlib.suppress(OSError):
            if time.time() - left.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(left)
    aside = unpacked.with_name(f".{unpacked.name}.{secrets.token_hex(6)}.tmp")
    try:
        aside.mkdir()
        for name, values in arrays.items():
            np.save(aside / f"{name}.npy", values, allow_pickle=False)
        if unpacked.exists():  # a broken one; a sound one would have been read
            shutil.rmtree(unpacked)
        os.replace(aside, unpacked)
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _dtype(values: array) -> str:
    return f"u{values.itemsize}"


def _identifier(cls: Any, stored: dict[str, np.ndarray]) -> Any:
    """The identifier py3langid's own loader builds, from the stored arrays (the tables the DFA
    walks stay ``array.array``, as py3langid indexes them from Python)."""
    nextmove_code, row_code = (str(c) for c in stored["typecodes"])
    nextmove, row = array(nextmove_code), array(row_code)
    if nextmove.itemsize != stored["nextmove"].itemsize or row.itemsize != stored["row"].itemsize:
        raise ValueError("stored with another machine's integer sizes")
    nextmove.frombytes(stored["nextmove"].tobytes())
    row.frombytes(stored["row"].tobytes())
    return cls(np.asarray(stored["ptc"]), np.asarray(stored["pc"]), stored["classes"].tolist(),
               nextmove, stored["output"].tolist(), norm_probs=True, tk_row=row)
