"""The whole job of ``alignqa check`` as a library call: segment -> embed -> align -> check.

    from alignqa.config import load_config
    from alignqa.pipeline import run_check
    result = run_check(["corpus"], load_config(None, Path("corpus")))

Each stage is a function of its own, run in this order by :func:`run_check`: resolve the paths
asked for, discover the document pairs, segment every document, check each pair (align + pair
checks), run the corpus checks over all pairs, let checks review their own findings across the
run, filter the findings (config, suppressions, baseline). Writing reports is left to the caller
(``alignqa.report``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .alignment import Alignment
from .baseline import apply_baseline, load_baseline
from .checks.options import CheckOptions
from .checks.registry import Check, PairContext, all_checks
from .config import Config
from .corpus import DocumentPair, changed_files, discover, find_glossary, find_root
from .distributed import EmbedderSpec, map_ordered
from .document import Document
from .errors import InputError
from .files import DEFAULT_MAX_FILE_SIZE
from .findings import Finding, Severity, sort_key
from .globs import matches
from .layout import discover as discover_layout
from .preflight import validate_inputs
from .progress import Progress
from .results import PairResult, RunResult
from .suppress import apply_suppressions

# Corpus root -> the files asked for under it (None: the whole corpus).
Roots = dict[Path, set[Path] | None]
# A keyed pair's source Document, target Document and their key-based Alignment.
KeyedPair = tuple[Document, Document, Alignment]


def enabled_checks(config: Config) -> list[Check]:
    return [c for c in all_checks() if config.checks.get(c.id, {}).get("enabled", True)]


def check_options(check: Check, config: Config) -> CheckOptions:
    """The check's typed options: its defaults with the config's values over them."""
    return check.make_options({k: v for k, v in config.checks.get(check.id, {}).items()
                               if k not in ("enabled", "severity")})


def run_check(paths: Sequence[str | Path], config: Config, *, embedder=None,
              changed_since: str | None = None, quiet: bool = False,
              workers: int | None = None, scheduler: str | None = None) -> RunResult:
    """Check every document pair under ``paths`` (corpus roots, language folders or files).

    ``workers`` > 1 runs the document pairs in that many local processes, ``scheduler`` on a
    running Dask cluster (:mod:`alignqa.distributed`); the result is the same either way."""
    roots = resolve_paths(paths, config)
    changed = changed_files(changed_since, Path(paths[0]).resolve().parent) \
        if changed_since else None
    pairs, notices = discover_pairs(roots, config, changed)
    if not pairs:
        if changed is not None:
            return RunResult(pairs=[], notices=[*notices, "no changed document pairs to check"],
                             signature=signature(config, None))
        if config.files:
            raise InputError("no translations to check: no file matches a 'files' translation "
                             "pattern", config.path or Path(paths[0]))
        why = f" ({notices[0]}{f'; {len(notices) - 1} more notices' if notices[1:] else ''})" \
            if notices else ""
        raise InputError("no translations to check: every language folder beside the source "
                         f"'{config.source_lang}/' is empty or missing{why}", Path(paths[0]))
    # Every input is read before the model loads, so that bad input fails fast.
    glossaries = {root: find_glossary(root, config.resolve(config.glossary)) for root in roots}
    baseline_path = config.resolve(config.baseline)
    baseline = load_baseline(baseline_path) if baseline_path else None
    distributed = scheduler is not None or (workers or 1) > 1
    if embedder is not None and distributed:
        raise ValueError("workers/scheduler rebuild the embedder from the config; "
                         "do not pass one")
    checks = enabled_checks(config)
    _keep_models(config)
    # Results of unchanged pairs come from the result cache, before anything is segmented; the
    # bundled model's identity is known without building an embedder (a user's model: once it
    # has loaded, after the inputs are known to be good).
    store = _result_store(config, embedder, checks, glossaries)
    cached = store.load(pairs) if store else {}
    todo = [p for p in pairs if p not in cached]
    documents = segment_documents(todo, config, quiet=quiet, known=_documents_of(cached))
    keyed = pair_keyed_units(todo, config.max_file_size)
    validate_inputs(glossaries.values())
    if embedder is None:
        # Cheap for the bundled model: it loads on the first text not in the embedding cache.
        embedder = _load_embedder(config, quiet)
        if store is None and todo:
            store = _result_store(config, embedder, checks, glossaries)
            cached.update(store.load(todo) if store else {})
            todo = [p for p in todo if p not in cached]
    if not distributed and getattr(embedder, "cache", None) is not None and todo:
        # One encoder call over every segment of the pairs to check: sorted by length across
        # documents, batches pad least (docs/embeddings.md); the pairs then find them cached.
        every = [d for p in todo if not p.keyed
                 for d in (documents[p.source_path], documents[p.target_path])]
        every += [doc for p in todo if p.keyed for doc in keyed[p][:2]]
        embedder.encode(list(dict.fromkeys(s.text for d in every for s in d.segments)))
    options = {c.id: check_options(c, config) for c in checks}  # once per run, not per pair
    if distributed:
        spec = EmbedderSpec(config.model, _str_or_none(config.resolve(config.cache_dir)),
                            config.backend, config.threads)
        jobs = [(pair, documents.get(pair.source_path), documents.get(pair.target_path),
                 keyed.get(pair), config, glossaries[pair.root], spec, options) for pair in todo]
        fresh = map_ordered(_check_pair_job, jobs, workers=workers, scheduler=scheduler)
    else:
        progress = Progress(len(todo), "checking, pair", quiet=quiet)
        fresh = []
        for pair in todo:
            progress.step(str(pair.target_path))
            fresh.append(check_pair(pair, documents, embedder, checks, config,
                                    glossaries[pair.root], keyed.get(pair), options))
    if store is not None:
        # Stored before the corpus checks, reviews and filters change the findings.
        store.save(zip(todo, fresh, strict=True))
    checked = dict(zip(todo, fresh, strict=True))
    results = [cached[p] if p in cached else checked[p] for p in pairs]
    run_corpus_checks(results, checks, config, embedder, glossaries)
    review_findings(results, checks, config, embedder, glossaries)
    suppressed = filter_findings(results, config, baseline)
    return RunResult(pairs=results, notices=notices, signature=signature(config, embedder),
                     suppressed=suppressed)


def resolve_paths(paths: Sequence[str | Path], config: Config) -> Roots:
    """Each path given -> its corpus root, with the files asked for under that root."""
    if not paths:
        raise InputError("no path given")
    roots: Roots = {}
    # A configured layout is rooted at the config file's folder (or its base-path).
    layout_root = config.layout_root if config.files else None
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError("no such file or directory", p)
        root = layout_root or find_root(p, config.source_lang)
        if p.resolve() == root or (layout_root and layout_root.is_relative_to(p.resolve())):
            roots[root] = None
        elif roots.get(root, set()) is not None:
            files = {f.resolve() for f in p.rglob("*") if f.is_file()} if p.is_dir() \
                else {p.resolve()}
            roots[root] = (roots.get(root) or set()) | files
    return roots


def discover_pairs(roots: Roots, config: Config,
                   changed: set[Path] | None) -> tuple[list[DocumentPair], list[str]]:
    """The source/translation pairs under each root (only changed files when ``changed`` is set),
    and the notices of documents without a counterpart."""
    pairs: list[DocumentPair] = []
    notices: list[str] = []
    for root, only in sorted(roots.items(), key=lambda kv: str(kv[0])):
        if changed is not None:
            only = changed if only is None else only & changed
        layout = config.layout()
        corpus = discover_layout(root, layout, only, config.max_file_size) if layout else \
            discover(root, config.source_lang, config.include, config.exclude, only)
        pairs += corpus.pairs
        notices += corpus.notices
    return pairs, notices


def segment_documents(pairs: Sequence[DocumentPair], config: Config, *, quiet: bool = True,
                      known: dict[Path, Document] | None = None) -> dict[Path, Document]:
    """Every document of ``pairs``, read and segmented once (a source serves all its
    translations); ``known`` documents (from the result cache) are not segmented again."""
    documents: dict[Path, Document] = dict(known or {})
    progress = Progress(len(pairs), "segmenting, pair", quiet=quiet)
    for pair in pairs:
        if pair.keyed:
            continue
        for path, lang in ((pair.source_path, pair.source_lang),
                           (pair.target_path, pair.target_lang)):
            if path not in documents:
                # Imported here: a run the result cache serves never needs the segmenter.
                from .segment import load_document

                documents[path] = load_document(path, lang, max_size=config.max_file_size)
        progress.step(str(pair.target_path))
    return documents


def pair_keyed_units(pairs: Sequence[DocumentPair],
                     max_size: int = DEFAULT_MAX_FILE_SIZE) -> dict[DocumentPair, KeyedPair]:
    """Every keyed pair (PO, XLIFF, JSON, ...) read and paired by key: no aligner needed."""
    if not any(pair.keyed for pair in pairs):
        return {}
    from .units.pairing import pair_units

    loaded: dict = {}  # each file read once, however many translations share it
    return {pair: pair_units(pair, loaded, max_size) for pair in pairs if pair.keyed}


def check_pair(pair: DocumentPair, documents: dict[Path, Document], embedder,
               checks: Sequence[Check], config: Config, glossary: Path | None,
               keyed: KeyedPair | None = None,
               options: Mapping[str, CheckOptions] | None = None) -> PairResult:
    """Align one pair (unless ``keyed`` brings its units paired by key) and run the pair-scope
    checks on it; ``options``: each check's typed options, when the caller built them."""
    if keyed is not None:
        src, tgt, alignment = keyed
    else:
        from .align import align_documents

        src, tgt = documents[pair.source_path], documents[pair.target_path]
        alignment = align_documents(src, tgt, embedder, **config.align)
    alignment.model = embedder.model_id
    result = PairResult(source=src, target=tgt, alignment=alignment,
                        bead_scores=[b.score for b in alignment.beads], root=pair.root,
                        target_relpath=pair.target_relpath)
    for check in checks:
        if check.scope == "pair":
            typed = options[check.id] if options else check_options(check, config)
            result.findings += check.run(_context(result, typed, embedder, glossary))
    return result


def run_corpus_checks(results: Sequence[PairResult], checks: Sequence[Check], config: Config,
                      embedder, glossaries: dict[Path, Path | None]) -> None:
    """Run each corpus-scope check over every pair; a finding goes to the pair of its target."""
    by_target = {r.target.name: r for r in results}
    for check in checks:
        if check.scope != "corpus":
            continue
        contexts = _contexts(results, check_options(check, config), embedder, glossaries)
        for finding in check.run(contexts):
            owner = by_target.get(finding.target.path if finding.target else "")
            (owner or results[0]).findings.append(finding)


def review_findings(results: Sequence[PairResult], checks: Sequence[Check], config: Config,
                    embedder, glossaries: dict[Path, Path | None]) -> None:
    """Give each check with a corpus review its findings across the run; keep what it returns."""
    for check in checks:
        if check.review is None:
            continue
        contexts = _contexts(results, check_options(check, config), embedder, glossaries)
        own = [f for r in results for f in r.findings if f.check == check.id]
        kept = {id(f) for f in check.review(check, contexts, own)}
        for r in results:
            r.findings = [f for f in r.findings if f.check != check.id or id(f) in kept]


def _context(result: PairResult, options: CheckOptions, embedder,
             glossary: Path | None) -> PairContext:
    return PairContext(result.source, result.target, result.alignment, options=options,
                       embedder=embedder, glossary_path=glossary)


def _contexts(results: Sequence[PairResult], options: CheckOptions, embedder,
              glossaries: dict[Path, Path | None]) -> list[PairContext]:
    """One check's context for every pair of the run (its options built once)."""
    return [_context(r, options, embedder, glossaries.get(r.root) if r.root else None)
            for r in results]


def filter_findings(results: Sequence[PairResult], config: Config,
                    baseline: Any | None) -> int:
    """Apply severity overrides, per-file ignores, inline suppressions and the baseline, in that
    order; sort what is kept. Returns how many findings were silenced."""
    suppressed = 0
    for result in results:
        kept = _apply_config(result.findings, config, result)
        kept, _ = apply_suppressions(kept, {result.target.name: result.target.text})
        if baseline is not None:
            kept, _ = apply_baseline(kept, baseline)
        suppressed += len(result.findings) - len(kept)
        result.findings = sorted(kept, key=sort_key)
    return suppressed


def _load_embedder(config: Config, quiet: bool):
    from .embed import load_embedder

    return load_embedder(config.model, cache_dir=config.resolve(config.cache_dir), quiet=quiet,
                         backend=config.backend, threads=config.threads)


def _result_store(config: Config, embedder, checks: Sequence[Check],
                  glossaries: dict[Path, Path | None]) -> Any:
    """The result cache for this run (a :class:`~alignqa.result_cache.PairStore`), or None when
    it is off (config ``result-cache = false``, ``--no-cache``), when the embedder's identity is
    not known yet, or when the embedder has no embedding cache (whose folder the result cache
    shares: an embedder that caches nothing asks for a run that does not depend on earlier ones)."""
    if not config.result_cache:
        return None
    if embedder is not None:
        cache = getattr(embedder, "cache", None)
        if cache is None or not getattr(cache, "enabled", False):
            return None
        identity, folder = embedder.identity, Path(cache.path).parent
    elif config.model is None:
        from .embed import bundled_identity

        found = bundled_identity(config.resolve(config.cache_dir), config.backend)
        if found is None:
            return None
        identity, folder = found
    else:
        return None
    from .result_cache import PairStore, open_result_cache

    cache = open_result_cache(folder)
    return None if cache is None else PairStore(cache, config, identity,
                                                [c.id for c in checks], glossaries)


def _documents_of(cached: dict[DocumentPair, PairResult]) -> dict[Path, Document]:
    """The segmented documents of cached results, one object per file (a source shared by its
    translations, as segmenting would share it)."""
    documents: dict[Path, Document] = {}
    for pair, result in cached.items():
        if pair.keyed:
            continue
        result.source = documents.setdefault(pair.source_path, result.source)
        result.target = documents.setdefault(pair.target_path, result.target)
    return documents


def _check_pair_job(job: tuple) -> PairResult:
    """:func:`check_pair` in a worker process: the embedder is rebuilt there from its spec (a
    loaded model cannot travel), once per process."""
    pair, source, target, keyed, config, glossary, spec, options = job
    _keep_models(config)
    documents = {pair.source_path: source, pair.target_path: target}
    return check_pair(pair, documents, spec.get(), enabled_checks(config), config, glossary,
                      keyed, options)


def _keep_models(config: Config) -> None:
    """Derived models (py3langid's, decompressed) live with the converted encoder."""
    from .embed.paths import resolve_cache_dir
    from .text import langid

    langid.keep_model_in(resolve_cache_dir(config.resolve(config.cache_dir)) / "models")


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
    if not config.per_file_ignores or result.target_relpath is None:
        return False
    rel = str(result.target_relpath)
    return any(("*" in ids or finding.check in ids) and matches(rel, [pattern])
               for pattern, ids in config.per_file_ignores.items())


def signature(config: Config, embedder) -> dict[str, Any]:
    """What a run's outputs record about how it ran (sacrebleu's signature, as a dict)."""
    checks = enabled_checks(config)
    thresholds = {c.id: check_options(c, config).numeric() for c in checks}
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
