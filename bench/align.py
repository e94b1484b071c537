"""Benchmark the aligner: Text+Berg quality against baselines, encoding cost, search scaling.

    PYTHONPATH=src python bench/align.py                 # Text+Berg test0-6 + scaling
    PYTHONPATH=src python bench/align.py --split dev     # the tuning set
    PYTHONPATH=src python bench/align.py --skip-scaling --methods ours,bertalign

Quality: strict and lax precision / recall / F1 summed over the documents, scored as in
../shared/notes/anchors.md (``alignqa.align.evaluate``). Cost: texts sent to the encoder per
method (what a cold cache would encode), encoding and search seconds, and the peak memory the
method allocates (tracemalloc: numpy's arrays included, the loaded model not). Encoding seconds
are measured with the embedding cache warm, so the table also gives a cold estimate: a sample of
each method's texts encoded with the cache off, times its encoder calls.

Scaling: synthetic documents of 1k, 5k and 20k segments per side built from FLORES-200 (English
-> French) with merges, splits, insertions and deletions planted at known places. Each FLORES
sentence is encoded once; every occurrence gets its own small deterministic perturbation so that
repeats are not identical. Only the search is timed (vectors in hand), as its growth is the point.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from alignqa.align import AlignOptions, align, parse_beads, score_alignment
from alignqa.align.aligner import document_centre
from alignqa.align.baselines.bertalign import bertalign_align
from alignqa.align.baselines.cosine_dp import cosine_dp_align
from alignqa.align.baselines.gale_church import gale_church_align
from alignqa.align.evaluate import AlignmentScore
from alignqa.align.pyramid import search
from alignqa.align.scores import explicit_values
from alignqa.align.search import best_path
from alignqa.align.side import Side
from alignqa.alignment import Bead
from alignqa.embed import load_embedder

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
TEXTBERG = SHARED / "textberg"
FLORES = SHARED / "flores200" / "multiway_eng_lvs_ind_deu_fra.tsv"
METHODS = ("ours", "ours-refined", "ours-exact", "bertalign", "cosine-dp", "gale-church")
COLD_SAMPLE = 48


@dataclass
class Pair:
    name: str
    source: list[str]
    target: list[str]
    gold: list


@dataclass
class Run:
    method: str
    score: AlignmentScore = field(default_factory=AlignmentScore)
    texts: list[str] = field(default_factory=list)
    encode_s: float = 0.0
    search_s: float = 0.0
    peak_mb: float = 0.0


class CountingEmbedder:
    """Forwards to the real embedder and records every text a method asks to have encoded."""

    def __init__(self, inner):
        self.inner = inner
        self.model_id = inner.model_id
        self.max_tokens = inner.max_tokens
        self.requested: list[str] = []
        self.seconds = 0.0

    @property
    def encoder_calls(self) -> int:
        return len(self.requested)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        self.requested.extend(dict.fromkeys(texts))
        out = self.inner.encode(texts)
        self.seconds += time.perf_counter() - started
        return out

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


def read_lines(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def textberg(split: str) -> list[Pair]:
    names = ["dev"] if split == "dev" else [f"test{i}" for i in range(7)]
    return [Pair(n, read_lines(TEXTBERG / f"{n}.de"), read_lines(TEXTBERG / f"{n}.fr"),
                 parse_beads((TEXTBERG / f"{n}.defr").read_text(encoding="utf-8")))
            for n in names]


def run_method(method: str, pairs: list[Pair], embedder) -> Run:
    """Scores and seconds from an untraced pass, peak memory from a second, traced one
    (tracemalloc slows allocation-heavy code several times over)."""
    run = Run(method)
    for pair in pairs:
        counting = CountingEmbedder(embedder)
        started = time.perf_counter()
        beads = _align_with(method, pair, counting)
        total = time.perf_counter() - started
        run.score = run.score + score_alignment(beads, pair.gold)
        run.texts.extend(counting.requested)
        run.encode_s += counting.seconds
        run.search_s += total - counting.seconds
        tracemalloc.start()
        _align_with(method, pair, CountingEmbedder(embedder))
        run.peak_mb = max(run.peak_mb, tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return run


def _align_with(method: str, pair: Pair, embedder: CountingEmbedder) -> list:
    if method == "ours":
        return align(pair.source, pair.target, embedder).beads
    if method == "ours-refined":
        return align(pair.source, pair.target, embedder, refine_radius=1).beads
    if method == "ours-exact":
        return _ours_every_window_encoded(pair, embedder)
    if method == "bertalign":
        return bertalign_align(pair.source, pair.target, embedder.encode)
    if method == "cosine-dp":
        return cosine_dp_align(embedder.encode(pair.source), embedder.encode(pair.target))
    if method == "gale-church":
        return gale_church_align(pair.source, pair.target)
    raise ValueError(method)


def _ours_every_window_encoded(pair: Pair, embedder: CountingEmbedder) -> list:
    """Our scoring with every window of 2..max_bead_side segments encoded for real, as
    Bertalign and Vecalign do: the upper bound the approximation is measured against."""
    options = AlignOptions()
    n = len(pair.source)
    vectors = embedder.encode(pair.source + pair.target)
    cx, cy = document_centre(vectors[:n]), document_centre(vectors[n:])
    src = Side(vectors[:n], np.array([len(t) for t in pair.source], float), cx, cy,
               options.max_bead_side)
    tgt = Side(vectors[n:], np.array([len(t) for t in pair.target], float), cy, cx,
               options.max_bead_side)
    for side, texts in ((src, pair.source), (tgt, pair.target)):
        keys = [(s, size) for size in range(2, options.max_bead_side + 1)
                for s in range(len(texts) - size + 1)]
        encoded = embedder.encode([" ".join(texts[s:s + size]) for s, size in keys])
        side.exact.update(zip(keys, encoded.astype(np.float64), strict=True))
    values = search(src, tgt, options).values
    rows, cols = values.band.cell_coordinates()
    for t, (a, b) in enumerate(values.shapes):
        if a and b and a + b > 2:
            ok = (rows >= a) & (cols >= b)
            values.values[ok, t] = explicit_values(src, tgt, rows[ok], cols[ok], a, b, options)
    return [Bead(tuple(range(s0, s1)), tuple(range(t0, t1)))
            for s0, s1, t0, t1 in best_path(values)]


def cold_seconds_per_text(embedder, texts: list[str], rng: random.Random) -> float:
    """Seconds per text with the cache off, on a fixed random sample of a method's texts."""
    if not texts:
        return 0.0
    sample = rng.sample(sorted(set(texts)), min(COLD_SAMPLE, len(set(texts))))
    cold = embedder.with_cache(None)
    started = time.perf_counter()
    cold.encode(sample)
    return (time.perf_counter() - started) / len(sample)


def print_quality(runs: list[Run], embedder, split: str) -> None:
    rng = random.Random(0)
    print(f"\n## Text+Berg {split} (de-fr), model: {embedder.model_id}\n")
    print("| method | strict P | strict R | strict F1 | lax P | lax R | lax F1 | encoder calls "
          "| encode s (warm) | encode s (cold est.) | search s | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        s = r.score
        calls = len(r.texts)
        cold = calls * cold_seconds_per_text(embedder, r.texts, rng)
        print(f"| {r.method} | {s.strict_precision:.3f} | {s.strict_recall:.3f} | "
              f"{s.strict_f1:.3f} | {s.lax_precision:.3f} | {s.lax_recall:.3f} | {s.lax_f1:.3f} "
              f"| {calls} | {r.encode_s:.2f} | {cold:.0f} | {r.search_s:.2f} | {r.peak_mb:.1f} |")


# --- scaling -----------------------------------------------------------------------------------

def flores_pairs() -> list[tuple[str, str]]:
    with FLORES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["eng_Latn"], r["fra_Latn"]) for r in rows]


@dataclass
class Synthetic:
    source: np.ndarray
    target: np.ndarray
    source_lengths: np.ndarray
    target_lengths: np.ndarray
    gold: list


def synthetic(size: int, sentences: list[tuple[str, str]], vectors: tuple[np.ndarray, np.ndarray],
              seed: int) -> Synthetic:
    """About ``size`` segments per side: FLORES pairs in random order, with 1-2, 2-1, 1-0 and
    0-1 beads planted (the merged side's vector is the normalised sum, as a merged sentence's
    embedding roughly is) and a 3% perturbation on every vector so repeats differ."""
    rng = np.random.default_rng(seed)
    ex, fx = vectors
    src_v: list[np.ndarray] = []
    tgt_v: list[np.ndarray] = []
    src_l: list[int] = []
    tgt_l: list[int] = []
    gold = []
    shapes = ["1-1", "1-2", "2-1", "1-0", "0-1"]
    while len(src_v) < size:
        kind = shapes[rng.choice(len(shapes), p=[0.84, 0.06, 0.06, 0.02, 0.02])]
        p, q = (int(k) for k in rng.integers(0, len(sentences), size=2))
        s0, t0 = len(src_v), len(tgt_v)
        if kind == "1-2":
            src_v.append(_unit(ex[p] + ex[q]))
            src_l.append(len(sentences[p][0]) + len(sentences[q][0]) + 1)
        elif kind == "2-1":
            src_v += [ex[p], ex[q]]
            src_l += [len(sentences[p][0]), len(sentences[q][0])]
        elif kind != "0-1":
            src_v.append(ex[p])
            src_l.append(len(sentences[p][0]))
        if kind == "2-1":
            tgt_v.append(_unit(fx[p] + fx[q]))
            tgt_l.append(len(sentences[p][1]) + len(sentences[q][1]) + 1)
        elif kind == "1-2":
            tgt_v += [fx[p], fx[q]]
            tgt_l += [len(sentences[p][1]), len(sentences[q][1])]
        elif kind != "1-0":
            tgt_v.append(fx[p])
            tgt_l.append(len(sentences[p][1]))
        gold.append((tuple(range(s0, len(src_v))), tuple(range(t0, len(tgt_v)))))
    noise = 0.03

    def perturb(vs: list[np.ndarray]) -> np.ndarray:
        v = np.asarray(vs, dtype=np.float32)
        v = v + noise * rng.standard_normal(v.shape).astype(np.float32) / np.sqrt(v.shape[1])
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    return Synthetic(perturb(src_v), perturb(tgt_v), np.asarray(src_l, float),
                     np.asarray(tgt_l, float), gold)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def search_only(doc: Synthetic, options: AlignOptions, traced: bool = False):
    """The search result, its seconds and peak MB, sides built from vectors in hand.

    tracemalloc slows numpy-heavy code down several times, so seconds come from an untraced
    run and the peak from a traced one (``traced=True``; its seconds are not reported).
    """
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    cx, cy = document_centre(doc.source), document_centre(doc.target)
    src = Side(doc.source, doc.source_lengths, cx, cy, options.max_bead_side)
    tgt = Side(doc.target, doc.target_lengths, cy, cx, options.max_bead_side)
    result = search(src, tgt, options)
    seconds = time.perf_counter() - started
    peak = 0.0
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result, seconds, peak


def print_scaling(embedder, sizes: list[int]) -> None:
    pairs = flores_pairs()
    vectors = (embedder.encode([e for e, _ in pairs]), embedder.encode([f for _, f in pairs]))
    options = AlignOptions()
    print("\n## Search scaling (synthetic FLORES en-fr, vectors in hand)\n")
    print("| segments per side | band cells | levels | search s | s per 1k segments "
          "| peak MB | strict F1 | lax F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for size in sizes:
        doc = synthetic(size, pairs, vectors, seed=size)
        result, seconds, _ = search_only(doc, options)
        _, _, peak = search_only(doc, options, traced=True)
        beads = [(tuple(range(a, b)), tuple(range(c, d))) for a, b, c, d in result.spans]
        score = score_alignment(beads, doc.gold)
        print(f"| {len(doc.source)} x {len(doc.target)} | {result.band.cells} | {result.levels} "
              f"| {seconds:.2f} | "
              f"{1000 * seconds / len(doc.source):.3f} | {peak:.0f} | {score.strict_f1:.3f} | "
              f"{score.lax_f1:.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--backend", help="encoder backend (default: alignqa's default)")
    args = parser.parse_args(argv)
    if not TEXTBERG.is_dir():
        print(f"missing {TEXTBERG}", file=sys.stderr)
        return 2
    embedder = load_embedder(quiet=True, **({"backend": args.backend} if args.backend else {}))
    if not args.skip_quality:
        pairs = textberg(args.split)
        runs = []
        for method in args.methods.split(","):
            runs.append(run_method(method.strip(), pairs, embedder))
            print(f"  {method}: done", file=sys.stderr, flush=True)
        print_quality(runs, embedder, args.split)
    if not args.skip_scaling:
        print_scaling(embedder, [int(s) for s in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
