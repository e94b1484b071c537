"""The zero-config corpus layout: ``<root>/<lang>/<relative path>``.

The source language folder holds the originals; every other language folder holds translations at the
same relative paths. A folder name is a locale (``lv``, ``pt-BR``) and decides its files' language.
Any other layout is configured with ``files`` patterns (:mod:`alignqa.layout`); both produce
:class:`DocumentPair` values with explicit paths.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import InputError
from .files import missing_reason
from .globs import matches
from .languages import validate_language
from .report.common import display_path
from .units import format_of


@dataclass(frozen=True)
class DocumentPair:
    """A source file and one translation of it. ``relpath`` names the document inside its layout
    (the source's path relative to its language folder or pattern base); ``format`` is empty for
    documents the aligner pairs (Markdown, text) and a keyed format's name (``po``, ``json``, ...)
    for files whose units pair by key. In a bilingual file (PO, XLIFF) both paths are the file."""

    root: Path
    relpath: PurePosixPath
    source_lang: str
    target_lang: str
    source_path: Path
    target_path: Path
    format: str = ""

    @property
    def target_relpath(self) -> PurePosixPath:
        """The translation's path relative to the root: what per-file-ignores globs match."""
        try:
            return PurePosixPath(self.target_path.relative_to(self.root).as_posix())
        except ValueError:
            return PurePosixPath(self.target_path.as_posix())

    @property
    def keyed(self) -> bool:
        return bool(self.format)


@dataclass
class Corpus:
    root: Path
    source_lang: str
    pairs: list[DocumentPair] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def find_root(path: Path, source_lang: str) -> Path:
    """The corpus root for a path given on the command line: the root itself, a language folder,
    or a file inside one. A language folder is never a root, even when it holds a folder named
    like the source language (``lv/en/``)."""
    p = _real(path)
    if p.is_dir() and (p / source_lang).is_dir() and not _is_language_folder(p, source_lang):
        return p
    for parent in (p, *p.parents):
        if (parent.parent / source_lang).is_dir() and parent.parent != parent:
            return parent.parent
    hint = next((f" (found '{c.name}/': language folders are lower case)"
                 for folder in (p, *p.parents)[:3] if folder.is_dir()
                 for c in _subfolders(folder) if c.name.lower() == source_lang), "")
    raise InputError(f"not a corpus: no '{source_lang}/' source folder here or above "
                     f"(expected <corpus>/<lang>/<file>){hint}", path)


def _real(path: Path) -> Path:
    """``path.resolve()`` that does not raise on a symlink loop (Python 3.11's does)."""
    return Path(os.path.realpath(path))


def _is_language_folder(folder: Path, source_lang: str) -> bool:
    if folder.parent == folder or not (folder.parent / source_lang).is_dir():
        return False
    try:
        validate_language(folder.name)
    except InputError:
        return False
    return True


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [c for c in folder.iterdir() if c.is_dir()]
    except OSError:
        return []


def _unlistable(exc: OSError) -> None:
    raise InputError(f"cannot list folder: {exc.strerror or exc}", exc.filename)


def _documents(folder: Path, include: list[str], exclude: list[str],
               skipped: list[str]) -> set[PurePosixPath]:
    """Relative paths of the regular files matching ``include``; matching special files, broken
    links and link loops are named in ``skipped``. An unreadable folder is an InputError: its
    documents would otherwise look missing."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(folder, onerror=_unlistable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            f = Path(dirpath) / name
            rel = f.relative_to(folder).as_posix()
            if name.startswith(".") or not matches(rel, include) or matches(rel, exclude):
                continue
            try:
                mode = f.stat().st_mode
            except FileNotFoundError:
                skipped.append(f"{f}: {missing_reason(f)}; skipped")
                continue
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    skipped.append(f"{f}: symbolic link loop; skipped")
                    continue
                raise InputError(f"cannot read: {exc.strerror or exc}", f) from None
            if not stat.S_ISREG(mode):
                skipped.append(f"{f}: not a regular file; skipped")
                continue
            found.add(PurePosixPath(rel))
    return found


def discover(root: Path, source_lang: str, include: list[str], exclude: list[str],
             only: set[Path] | None = None) -> Corpus:
    """Pair every translation with its source. ``only`` restricts to these files (resolved paths)."""
    src_dir = root / source_lang
    if not src_dir.is_dir():
        raise InputError(f"no source language folder '{source_lang}/'", root)
    folders = sorted(d.name for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith((".", "_")))
    # Folder name -> locale: a folder may be spelled pt_BR, its documents are pt-BR.
    locales = {name: validate_language(name, root / name) for name in folders}
    # The source folder first: with it misspelt, nothing else matters.
    for name in sorted(folders, key=lambda n: n != source_lang):
        language = re.split(r"[-_]", name, maxsplit=1)[0]
        if language != language.lower():
            raise InputError(f"language folder names are lower case (as in 'pt_BR'): rename it "
                             f"to '{language.lower()}{name[len(language):]}'", root / name)
    corpus = Corpus(root=root, source_lang=source_lang)
    sources = _documents(src_dir, include, exclude, corpus.notices)
    translated: set[PurePosixPath] = set()
    for folder in folders:
        if folder == source_lang:
            continue
        for rel in sorted(_documents(root / folder, include, exclude, corpus.notices)):
            pair = DocumentPair(root, rel, locales[source_lang], locales[folder], src_dir / rel,
                                root / folder / rel, format_of(Path(rel.name)))
            if only is not None and not ({_real(pair.source_path), _real(pair.target_path)}
                                         & only):
                continue
            if rel in sources:
                corpus.pairs.append(pair)
                translated.add(rel)
            else:
                corpus.notices.append(f"{display_path(root / folder / rel)}: translation without a source "
                                      f"({source_lang}/{rel} does not exist)")
    for rel in sorted(sources - translated):
        if only is not None and _real(src_dir / rel) not in only:
            continue
        corpus.notices.append(f"{display_path(src_dir / rel)}: source without any translation")
    return corpus


GLOSSARY_NAMES = ("glossary.csv", "glossary.tsv", "glossary.tbx")


def find_glossary(root: Path, configured: Path | None) -> Path | None:
    """The glossary of a corpus: the configured file (which must exist), else the first of
    ``GLOSSARY_NAMES`` at the corpus root."""
    if configured is not None:
        if not configured.is_file():
            raise InputError("glossary file not found", configured)
        return configured
    return next((root / n for n in GLOSSARY_NAMES if (root / n).is_file()), None)


def changed_files(ref: str, cwd: Path) -> set[Path]:
    """Files changed since ``ref`` (committed, staged, unstaged or untracked), resolved."""
    def git(*args: str) -> list[str]:
        try:
            out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                 check=True).stdout
        except FileNotFoundError:
            raise InputError("--changed-only needs git, which is not installed") from None
        except subprocess.CalledProcessError as exc:
            msg = (exc.stderr or "").strip().splitlines()
            raise InputError(f"--changed-only {ref}: git failed: {msg[-1] if msg else exc}",
                             cwd) from None
        return [line for line in out.splitlines() if line]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    names = git("diff", "--name-only", "--merge-base", ref)
    names += git("ls-files", "--others", "--exclude-standard", "--full-name")
    return {(top / n).resolve() for n in names}
