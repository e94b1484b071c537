"""Benchmark the aligner on every evaluation set, through the command line a user runs.

    PYTHONPATH=src python bench/align.py                      # every set, every method, LOSO
    PYTHONPATH=src python bench/align.py --sets textberg-test --methods ours,bertalign
    PYTHONPATH=src python bench/align.py --methods 'ours;ours:skip_context=0'
    PYTHONPATH=src python bench/align.py --sets textberg-test,bible --methods ours --grid '' --errors
    # (methods are separated by ';' as soon as one carries options, else by ',')

Each method reads the same files the same way: ``ours`` is ``alignqa align SOURCE TARGET
[--presplit] --format beads`` run in-process (options through ``--config``), the baselines read
the documents with the same ``load_document`` call and return beads. Sets and their gold are in
``bench/align_sets.py``. Quality: strict and lax precision / recall / F1 summed over a set's
documents (``alignqa.align.evaluate``, as in ../shared/notes/anchors.md); on tldr also beads
that join two examples or a description with a command, and 1-0 / 0-1 beads on pages in sync
(each a false omission / addition downstream). Cost: texts each method sends to the encoder
(cache misses or not: what a cold cache would encode) per segment, and process CPU seconds
(user + sys) spent encoding and searching, with the embedding cache warm unless stated.

Leave-one-set-out (``--grid``): every combination of the grid's aligner options is run on every
set; for each set, the combination with the best mean strict F1 on the *other* sets is reported
on it, beside the best combination chosen on all sets and the defaults.

Scaling: synthetic documents of 1k, 5k and 20k segments per side built from FLORES-200 (English
-> French) with merges, splits, insertions and deletions planted at known places. Only the search
is timed (vectors in hand), as its growth is the point.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from align_errors import print_errors
from align_sets import FLORES, SET_NAMES, Case, build

import alignqa.embed
from alignqa.align import AlignOptions, parse_beads, score_alignment
from alignqa.align.aligner import document_centre
from alignqa.align.baselines.bertalign import bertalign_align
from alignqa.align.baselines.cosine_dp import cosine_dp_align
from alignqa.align.baselines.gale_church import gale_church_align
from alignqa.align.evaluate import AlignmentScore
from alignqa.align.pyramid import search
from alignqa.align.side import Side
from alignqa.cli import cli
from alignqa.embed import load_embedder
from alignqa.segment import load_document

METHODS = ("ours", "bertalign", "cosine-dp", "gale-church")
DEFAULT_SETS = SET_NAMES
# Methods that encode every window of up to 4 segments (about 4 encoder calls per segment) run
# only on the sets named by --window-sets; elsewhere the table says so. By default that is every
# set: from a cold embedding cache it is ~60,000 window encodings (the Bible slice alone 45,000,
# ~5-6 CPU minutes with the onnx backend), after that cache look-ups. Gale-Church (nltk)
# searches the full grid in Python.
WINDOW_METHODS = {"bertalign"}
DEFAULT_WINDOW_SETS = ",".join(SET_NAMES)
QUADRATIC_METHODS = {"gale-church"}
QUADRATIC_MAX_CELLS = 4_000_000
DEFAULT_GRID = ("skip=-0.12|-0.2;skip_context=0|0.3|1;merge_penalty=0.04|0.08;"
                "refine_boundaries=0|0.05|0.1;absorb_skips=0|1")


@dataclass
class Run:
    method: str
    set_name: str
    score: AlignmentScore = field(default_factory=AlignmentScore)
    calls: int = 0
    segments: int = 0
    encode_cpu: float = 0.0
    search_cpu: float = 0.0
    cross_example: int = 0
    description_command: int = 0
    skips_in_sync: int = 0
    # 1-0 / 0-1 beads predicted, and how many of them are gold beads (each wrong one is a
    # false omission or addition finding downstream).
    skips: int = 0
    skips_right: int = 0
    skipped: str = ""
    # (gold, predicted) beads of each in-sync document, for --errors.
    documents: list = field(default_factory=list)


class CountingEmbedder:
    """Forwards to the real embedder; records every text asked for and the CPU time spent."""

    def __init__(self, inner):
        self.inner = inner
        self.model_id = inner.model_id
        self.max_tokens = inner.max_tokens
        self.requested: list[str] = []
        self.cpu = 0.0

    @property
    def encoder_calls(self) -> int:
        return len(self.requested)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        started = time.process_time()
        self.requested.extend(dict.fromkeys(texts))
        out = self.inner.encode(texts)
        self.cpu += time.process_time() - started
        return out

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


def run_set(method: str, set_name: str, cases: list[Case], embedder, scratch: Path,
            window_sets: Sequence[str] = ()) -> Run:
    run = Run(method, set_name, segments=sum(c.segments for c in cases))
    base = method.split(":", 1)[0]
    if base in WINDOW_METHODS and set_name not in window_sets:
        run.skipped = f"not run (~{4 * run.segments} encoder calls)"
        return run
    if base in QUADRATIC_METHODS and max(c.segments for c in cases) ** 2 / 4 > QUADRATIC_MAX_CELLS:
        run.skipped = "not run (full grid in Python)"
        return run
    for case in cases:
        counting = CountingEmbedder(embedder)
        started = time.process_time()
        beads = align_case(method, case, counting, scratch)
        total = time.process_time() - started
        if case.in_sync:
            run.score = run.score + score_alignment(beads, case.gold)
            gold = {(tuple(a), tuple(b)) for a, b in case.gold}
            run.documents.append(([(tuple(a), tuple(b)) for a, b in case.gold],
                                  [(tuple(b.src), tuple(b.tgt)) for b in beads]))
            ours = [(tuple(b.src), tuple(b.tgt)) for b in beads if not (b.src and b.tgt)]
            run.skips += len(ours)
            run.skips_right += sum(b in gold for b in ours)
        run.calls += len(set(counting.requested))
        run.encode_cpu += counting.cpu
        run.search_cpu += total - counting.cpu
        if case.units is not None:
            _structure_errors(run, beads, case)
    return run


def align_case(method: str, case: Case, embedder: CountingEmbedder, scratch: Path) -> list:
    base, _, spec = method.partition(":")
    if base == "ours":
        return _ours_through_cli(case, embedder, spec, scratch)
    src = load_document(case.source, case.source_lang, presplit=case.presplit)
    tgt = load_document(case.target, case.target_lang, presplit=case.presplit)
    source, target = [s.text for s in src.segments], [s.text for s in tgt.segments]
    if base == "bertalign":
        return bertalign_align(source, target, embedder.encode)
    if base == "cosine-dp":
        return cosine_dp_align(embedder.encode(source), embedder.encode(target))
    if base == "gale-church":
        return gale_church_align(source, target)
    raise ValueError(method)


def parse_spec(spec: str) -> dict[str, float]:
    """``skip=-0.2,merge_penalty=0.05`` -> {"skip": -0.2, "merge_penalty": 0.05}."""
    out = {}
    for part in filter(None, spec.split(",")):
        key, _, value = part.partition("=")
        out[key.strip()] = float(value)
    return out


def _ours_through_cli(case: Case, embedder: CountingEmbedder, spec: str, scratch: Path) -> list:
    """``alignqa align`` as a user runs it, with the options in a config file."""
    config = scratch / "alignqa.toml"
    lines = ["[align]"] + [f"{k.replace('_', '-')} = {v!r}" for k, v in parse_spec(spec).items()]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = scratch / "beads.txt"
    argv = ["align", str(case.source), str(case.target), "--source-lang", case.source_lang,
            "--target-lang", case.target_lang, "--format", "beads", "-q", "-o", str(out),
            "--config", str(config)] + (["--presplit"] if case.presplit else [])
    original = alignqa.embed.load_embedder
    alignqa.embed.load_embedder = lambda *a, **k: embedder
    try:
        cli.main(args=argv, standalone_mode=False)
    finally:
        alignqa.embed.load_embedder = original
    return parse_beads(out.read_text(encoding="utf-8"))


def _structure_errors(run: Run, beads: list, case: Case) -> None:
    """tldr: beads whose side spans two examples, or joins a description with a command;
    on pages in sync, every 1-0 / 0-1 bead is an alignment error."""
    assert case.units is not None and case.commands is not None
    for b in beads:
        for ids, units, commands in ((b.src, case.units[0], case.commands[0]),
                                     (b.tgt, case.units[1], case.commands[1])):
            if len({units[i] for i in ids}) > 1:
                run.cross_example += 1
            if len({commands[i] for i in ids}) > 1:
                run.description_command += 1
        if case.in_sync and not (b.src and b.tgt):
            run.skips_in_sync += 1


def print_set(runs: list[Run], set_name: str, model_id: str) -> None:
    print(f"\n### {set_name} (model: {model_id})\n")
    structured = set_name.startswith("tldr")
    extra = " | joins 2 examples | description+command | 1-0/0-1 in sync" if structured else ""
    print("| method | strict P | strict R | strict F1 | lax P | lax R | lax F1 | encoder calls "
          f"| calls / segment | encode CPU s | search CPU s | 1-0/0-1 (in gold){extra} |")
    print("|---" * (12 + (3 if structured else 0)) + "|")
    for r in runs:
        if r.skipped:
            print(f"| {r.method} | {r.skipped} |" + " |" * (11 + (3 if structured else 0)))
            continue
        s = r.score
        more = (f" | {r.cross_example} | {r.description_command} | {r.skips_in_sync}"
                if structured else "")
        print(f"| {r.method} | {s.strict_precision:.3f} | {s.strict_recall:.3f} | "
              f"{s.strict_f1:.3f} | {s.lax_precision:.3f} | {s.lax_recall:.3f} | {s.lax_f1:.3f} "
              f"| {r.calls} | {r.calls / max(r.segments, 1):.2f} | {r.encode_cpu:.1f} "
              f"| {r.search_cpu:.1f} | {r.skips} ({r.skips_right}){more} |")


def print_side_by_side(runs: list[Run], sets: list[str]) -> None:
    print("\n### All sets, strict / lax F1\n")
    print("| method | " + " | ".join(sets) + " |")
    print("|---" * (len(sets) + 1) + "|")
    for method in dict.fromkeys(r.method for r in runs):
        cells = []
        for name in sets:
            r = next((x for x in runs if x.method == method and x.set_name == name), None)
            cells.append("-" if r is None or r.skipped else
                         f"{r.score.strict_f1:.3f} / {r.score.lax_f1:.3f}")
        print(f"| {method} | " + " | ".join(cells) + " |")


def grid_specs(grid: str) -> list[str]:
    """``skip=-0.1|-0.2;merge_penalty=0.04|0.08`` -> every combination as a method spec."""
    axes = []
    for axis in filter(None, grid.split(";")):
        key, _, values = axis.partition("=")
        axes.append([f"{key.strip()}={v.strip()}" for v in values.split("|")])
    return [",".join(combo) for combo in itertools.product(*axes)]


def leave_one_set_out(sets: dict[str, list[Case]], embedder, scratch: Path, grid: str) -> None:
    specs = grid_specs(grid)
    f1: dict[tuple[str, str], tuple[float, float]] = {}
    for spec in specs:
        for name, cases in sets.items():
            r = run_set(f"ours:{spec}", name, cases, embedder, scratch)
            f1[(spec, name)] = (r.score.strict_f1, r.score.lax_f1)
        print(f"  grid {spec}: done", file=sys.stderr, flush=True)
    names = list(sets)

    def mean_strict(spec: str, among: list[str]) -> float:
        return statistics.mean(f1[(spec, n)][0] for n in among)

    overall = max(specs, key=lambda s: mean_strict(s, names))
    print(f"\n### Leave-one-set-out over the grid `{grid}` (ours, strict / lax F1)\n")
    print("| held-out set | chosen on the other sets | held-out F1 | best on all sets "
          f"(`{overall}`) | best for this set alone |")
    print("|---|---|---|---|---|")
    for name in names:
        others = [n for n in names if n != name]
        chosen = max(specs, key=lambda s: mean_strict(s, others))
        alone = max(specs, key=lambda s: f1[(s, name)][0])
        c, o, a = f1[(chosen, name)], f1[(overall, name)], f1[(alone, name)]
        print(f"| {name} | `{chosen}` | {c[0]:.3f} / {c[1]:.3f} | {o[0]:.3f} / {o[1]:.3f} "
              f"| {a[0]:.3f} / {a[1]:.3f} (`{alone}`) |")


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
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS),
                        help=f"comma-separated, of: {', '.join(SET_NAMES)}")
    parser.add_argument("--methods", default=",".join(METHODS),
                        help="ours, ours:OPTION=VALUE,..., bertalign, cosine-dp, gale-church "
                             "(separated by ';' when any has options, else by ',')")
    parser.add_argument("--grid", default=DEFAULT_GRID,
                        help="leave-one-set-out grid of aligner options ('' to skip)")
    parser.add_argument("--window-sets", default=DEFAULT_WINDOW_SETS,
                        help="sets on which methods that encode every window run")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--backend", help="encoder backend (default: alignqa's default)")
    parser.add_argument("--errors", action="store_true",
                        help="per set and method: gold bead shapes found, and what covers a miss")
    args = parser.parse_args(argv)
    names = [s.strip() for s in args.sets.split(",") if s.strip()]
    scratch = Path(tempfile.mkdtemp(prefix="alignqa-bench-"))
    try:
        sets = {name: build(name, scratch / "sets") for name in names}
    except OSError as exc:
        print(f"cannot read an evaluation set: {exc}", file=sys.stderr)
        return 2
    embedder = load_embedder(quiet=True, **({"backend": args.backend} if args.backend else {}))
    started = time.process_time()
    runs = []
    methods = [m.strip() for m in args.methods.split(";" if ":" in args.methods else ",")]
    for name, cases in sets.items():
        for method in methods:
            runs.append(run_set(method, name, cases, embedder, scratch,
                                args.window_sets.split(",")))
            print(f"  {name} {method}: done", file=sys.stderr, flush=True)
        print_set([r for r in runs if r.set_name == name], name, embedder.model_id)
        if args.errors:
            for r in runs:
                if r.set_name == name and not r.skipped:
                    print_errors(r.method, name, r.documents)
    print_side_by_side(runs, names)
    if args.grid:
        leave_one_set_out({n: c for n, c in sets.items() if n != "bible-small"}, embedder,
                          scratch, args.grid)
    if not args.skip_scaling:
        print_scaling(embedder, [int(s) for s in args.sizes.split(",")])
    print(f"\nprocess CPU time (user + sys) of the whole run: {time.process_time() - started:.0f} s"
          " (2 cores shared with other jobs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
