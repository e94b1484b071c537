"""The whole job of ``alignqa check`` as a library call: segment -> embed -> align -> check.

    from alignqa.config import load_config
    from alignqa.pipeline import run_check
    result = run_check(["corpus"], load_config(None, Path("corpus")))

Writing reports is left to the caller (``alignqa.report``), so a library user decides what to write.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .align import align_documents
from .baseline import apply_baseline, load_baseline
from .checks.registry import Check, PairContext, all_checks
from .config import Config
from .corpus import DocumentPair, discover, find_root
from .distributed import EmbedderSpec, map_ordered
from .document import Document
from .errors import InputError
from .findings import Finding, Severity, sort_key
from .results import PairResult, RunResult
from .segment import load_document
from .suppress import apply_suppressions

GLOSSARY_NAMES = ("glossary.csv", "glossary.tsv", "glossary.tbx")


def enabled_checks(config: Config) -> list[Check]:
    return [c for c in all_checks() if config.checks.get(c.id, {}).get("enabled", True)]


def check_options(check: Check, config: Config, root: Path) -> dict[str, Any]:
    opts = {**check.defaults,
            **{k: v for k, v in config.checks.get(check.id, {}).items()
               if k not in ("enabled", "severity")}}
    if "glossary" in check.defaults:
        opts["glossary"] = _glossary_path(config, root)
    return opts


def _glossary_path(config: Config, root: Path) -> Path | None:
    if config.glossary:
        path = config.resolve(config.glossary)
        if path is None or not path.is_file():
            raise InputError("glossary file not found", path)
        return path
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


def run_check(paths: Sequence[str | Path], config: Config, *, embedder=None,
              changed_since: str | None = None, quiet: bool = False,
              workers: int | None = None, scheduler: str | None = None) -> RunResult:
    """Check every document pair under ``paths`` (corpus roots, language folders or files).

    ``workers`` > 1 runs the document pairs in that many local processes, ``scheduler`` on a
    running Dask cluster (:mod:`alignqa.distributed`); the result is the same either way."""
    if not paths:
        raise InputError("no path given")
    # Corpus root -> the files asked for (None: the whole corpus).
    roots: dict[Path, set[Path] | None] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError("no such file or directory", p)
        root = find_root(p, config.source_lang)
        if p.resolve() == root:
            roots[root] = None
        elif roots.get(root, set()) is not None:
            files = {f.resolve() for f in p.rglob("*") if f.is_file()} if p.is_dir() \
                else {p.resolve()}
            roots[root] = roots.get(root, set()) | files

    changed = changed_files(changed_since, Path(paths[0]).resolve().parent) \
        if changed_since else None

    pairs: list[DocumentPair] = []
    notices: list[str] = []
    for root, only in sorted(roots.items(), key=lambda kv: str(kv[0])):
        if changed is not None:
            only = changed if only is None else only & changed
        corpus = discover(root, config.source_lang, config.include, config.exclude, only)
        pairs += corpus.pairs
        notices += corpus.notices

    signature = _signature(config, None)
    if not pairs:
        if changed is not None:
            return RunResult(pairs=[], notices=[*notices, "no changed document pairs to check"],
                             signature=signature)
        raise InputError("no translations to check: every language folder beside the source "
                         f"'{config.source_lang}/' is empty or missing", Path(paths[0]))

    # Segment everything before loading the model so bad input fails fast.
    documents: dict[Path, Document] = {}
    for pair in pairs:
        for path, lang in ((pair.source_path, pair.source_lang),
                           (pair.target_path, pair.target_lang)):
            if path not in documents:
                documents[path] = load_document(path, lang)

    spec = EmbedderSpec(config.model, _str_or_none(config.resolve(config.cache_dir)),
                        config.backend, config.threads)
    if embedder is None:
        from .embed import load_embedder

        embedder = load_embedder(config.model, cache_dir=config.resolve(config.cache_dir),
                                 quiet=quiet, backend=config.backend, threads=config.threads)
    elif workers not in (None, 1) or scheduler:
        raise ValueError("workers/scheduler rebuild the embedder from the config; "
                         "do not pass one")

    checks = enabled_checks(config)
    results: list[PairResult] = []
    contexts: dict[str, list[PairContext]] = {c.id: [] for c in checks}
    local = workers in (None, 1) and not scheduler
    if local and getattr(embedder, "cache", None) is not None:
        # One encoder call over every segment of the run: sorted by length across documents,
        # batches pad least (docs/embeddings.md); the pairs then find their vectors cached.
        embedder.encode(list(dict.fromkeys(s.text for d in documents.values()
                                           for s in d.segments)))
    jobs = [(documents[p.source_path], documents[p.target_path], p.root, config,
             embedder if local else spec) for p in pairs]
    for result, pair_contexts in map_ordered(_check_pair, jobs, workers=workers,
                                             scheduler=scheduler):
        results.append(result)
        for check_id, ctx in pair_contexts:
            ctx.extras.setdefault("embedder", embedder)
            contexts[check_id].append(ctx)

    by_target = {r.target.name: r for r in results}
    for check in checks:
        if check.scope == "corpus":
            for finding in check.run(contexts[check.id]):
                owner = by_target.get(finding.target.path if finding.target else "")
                (owner or results[0]).findings.append(finding)

    suppressed = 0
    baseline = load_baseline(config.resolve(config.baseline)) if config.baseline else None
    for result in results:
        kept = _apply_config(result.findings, config, result)
        kept, _ = apply_suppressions(kept, {result.target.name: result.target.text})
        if baseline is not None:
            kept, _ = apply_baseline(kept, baseline)
        suppressed += len(result.findings) - len(kept)
        result.findings = sorted(kept, key=sort_key)

    return RunResult(pairs=results, notices=notices, signature=_signature(config, embedder),
                     suppressed=suppressed)


def _check_pair(job: tuple) -> tuple[PairResult, list[tuple[str, PairContext]]]:
    """Align one document pair and run the pair checks on it (in this or a worker process).

    The contexts come back for the corpus checks, without the embedder (it cannot travel)."""
    src, tgt, root, config, embedder = job
    shipped = isinstance(embedder, EmbedderSpec)
    if shipped:
        embedder = embedder.get()
    alignment = align_documents(src, tgt, embedder, **config.align)
    alignment.model = embedder.model_id
    result = PairResult(source=src, target=tgt, alignment=alignment,
                        bead_scores=[b.score for b in alignment.beads])
    contexts = []
    for check in enabled_checks(config):
        ctx = PairContext(src, tgt, alignment, options=check_options(check, config, root),
                          extras={"embedder": embedder})
        if check.scope == "pair":
            result.findings += check.run(ctx)
        if shipped:
            ctx.extras.pop("embedder")
        contexts.append((check.id, ctx))
    return result, contexts


def _str_or_none(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _apply_config(findings: list[Finding], config: Config, result: PairResult) -> list[Finding]:
    """Severity overrides and per-file ignores from the config."""
    out = []
    for f in findings:
        configured = config.checks.get(f.check, {}).get("severity")
        if configured:
            f.severity = Severity.parse(configured)
        if _ignored(f, config, result):
            continue
        out.append(f)
    return out


def _ignored(finding: Finding, config: Config, result: PairResult) -> bool:
    """Per-file ignores match the target path relative to the corpus root, e.g. ``lv/legal/*.md``."""
    if not config.per_file_ignores:
        return False
    parts = result.target.path.parts
    # Documents live at <root>/<lang>/<rel>: the last folder named after the language marks the root.
    idx = max((i for i, part in enumerate(parts[:-1]) if part == result.target.lang), default=0)
    rel = "/".join(parts[idx:])
    return any(fnmatch.fnmatch(rel, pattern) and ("*" in ids or finding.check in ids)
               for pattern, ids in config.per_file_ignores.items())


def _signature(config: Config, embedder) -> dict[str, Any]:
    checks = enabled_checks(config)
    thresholds = {c.id: {k: v for k, v in check_options(c, config, Path(".")).items()
                         if k != "glossary" and isinstance(v, int | float) and
                         not isinstance(v, bool)}
                  for c in checks}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch and epoch.isdigit()
            else dt.datetime.now(dt.UTC)).date().isoformat()
    return {
        "alignqa": __version__,
        "model": embedder.model_id if embedder is not None else (config.model or "bundled"),
        "source_lang": config.source_lang,
        "align": dict(sorted(config.align.items())),
        "fail_on": config.fail_on,
        "checks": [c.id for c in checks],
        "thresholds": {k: v for k, v in thresholds.items() if v},
        "date": date,
    }
