"""Benchmark the mistranslation detector against a raw-cosine baseline, in one run.

1. WMT21 critical-error detection, dev sets (en-de, en-cs, en-ja, en-zh; never used in training):
   MCC and F1 of the detector at its warning threshold (p >= 0.5) and at the threshold that would
   be best on dev itself, beside the raw cosine of the model's sentence embeddings at *its* best
   threshold on dev (an upper bound for any fixed cosine threshold, so the comparison flatters
   the baseline).
2. Planted errors in held-out FLORES-200 documents (``training/planting.py``, the held-out half of
   the articles and of the idiom table, seed 1): precision and recall per error type (the precision of
   a type counts the false alarms on clean pairs), overall at p >= 0.5 and p >= 0.8, recall at
   precision >= 0.80; the baseline at its best-F1 threshold.
3. Reliability of the calibrated probability (bins of p against the observed error rate).
4. Cost per sentence pair: the detector (token pass, signals, model) beside the encoder alone.
5. The ``mistranslation`` check's levels: recall, clean pairs flagged and precision at error and
   at warning level, on the set and at realistic error rates (5 % and 2 % of pairs wrong).
6. The seed documents (corpus/): every finding of the check.

    python -m bench.detect [--weights PATH] [--skip-wmt] [--wmt en-de,en-cs] [--skip-planted]
                           [--skip-seeds] [--skip-cost] [--backend NAME]

(from the repository root, with alignqa importable: installed, or ``PYTHONPATH=src``; the
held-out data comes from ``training/``, which defines both halves of the split). Reads
../shared/eval. The first run encodes ~13,000 texts (token vectors are stored in the alignqa
cache directory and reused; sentence vectors go to the embedder's cache); later runs take ~1 min.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, matthews_corrcoef

from alignqa.detect import load_detector, score_token_vectors
from alignqa.detect.token_alignment import word_weights_for
from alignqa.embed import load_embedder
from training import planting
from training.data import WMT_PAIRS, LabelledPair, load_wmt
from training.token_store import TokenStore

ROOT = Path(__file__).resolve().parents[1]
PLANT_SEED = 1
PLANT_RATE = 0.15
WARNING, ERROR = 0.5, 0.8


def detector_probs(pairs: list[LabelledPair], store: TokenStore, weigh, detector) -> np.ndarray:
    texts = [t for p in pairs for t in (p.src, p.tgt)]
    tv = dict(zip(texts, store.get(texts), strict=True))
    probs = np.zeros(len(pairs))
    for idx in documents(pairs).values():
        p0 = pairs[idx[0]]
        scores = score_token_vectors([tv[pairs[i].src] for i in idx],
                                     [tv[pairs[i].tgt] for i in idx], p0.src_lang, p0.tgt_lang,
                                     weigh, detector=detector, explain_from=WARNING)
        probs[idx] = [s.probability for s in scores]
    return probs


def documents(pairs: list[LabelledPair]) -> dict[tuple[str, str], list[int]]:
    """Pair indices per document pair: a planted document exists once per target language."""
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        members[(p.group, p.tgt_lang)].append(i)
    return members


def raw_cosine(pairs: list[LabelledPair], embedder) -> np.ndarray:
    s = embedder.encode([p.src for p in pairs])
    t = embedder.encode([p.tgt for p in pairs])
    return (s * t).sum(axis=1)


def best_threshold(score: np.ndarray, labels: np.ndarray, metric) -> tuple[float, float]:
    """The threshold on ``score`` (higher = error) that maximises ``metric``, and its value."""
    best = (-1.0, 0.0)
    for th in np.unique(np.quantile(score, np.linspace(0.01, 0.99, 197))):
        best = max(best, (metric(labels, score >= th), th))
    return best[1], best[0]


def mcc(y, p):
    return matthews_corrcoef(y, p)


def f1(y, p):
    return f1_score(y, p, zero_division=0)


def wmt_dev_sets(embedder, wmt_pairs=WMT_PAIRS):
    """Each WMT21 dev set: its name, pairs, labels and the raw cosine of every pair."""
    for pair in wmt_pairs:
        pairs = load_wmt(pair, "dev")
        yield pair, pairs, np.array([p.label for p in pairs]), raw_cosine(pairs, embedder)


def wmt_section(embedder, store, weigh, detector, wmt_pairs=WMT_PAIRS) -> None:
    print("\n## WMT21 critical-error detection, dev sets\n")
    print("| pair | n (ERR) | raw cosine MCC / F1 (best thr. on dev) | detector MCC / F1 at "
          "p>=0.5 | detector MCC / F1 (best thr. on dev) |")
    print("|---|---|---|---|---|")
    for pair, pairs, y, cos in wmt_dev_sets(embedder, wmt_pairs):
        th_b, _ = best_threshold(-cos, y, mcc)
        base = -cos >= th_b
        prob = detector_probs(pairs, store, weigh, detector)
        th_d, _ = best_threshold(prob, y, mcc)
        flag = prob >= WARNING
        best = prob >= th_d
        print(f"| {pair} | {len(y)} ({y.sum()}) | {mcc(y, base):.3f} / {f1(y, base):.3f} "
              f"(cos < {-th_b:.3f}) | **{mcc(y, flag):.3f}** / {f1(y, flag):.3f} | "
              f"{mcc(y, best):.3f} / {f1(y, best):.3f} (p >= {th_d:.2f}) |")
        _reliability_rows[f"WMT21 dev {pair}"] = (prob, y)
        check_rows(f"WMT21 dev {pair}", pairs, store, weigh, detector)


def planted_pairs() -> list[LabelledPair]:
    out = []
    for doc in planting.planted_corpus("heldout", seed=PLANT_SEED, rate=PLANT_RATE):
        out.extend(LabelledPair(p.src, p.tgt, p.label, "en", doc.lang, doc.name, p.kind,
                                p.heading) for p in doc.pairs)
    return out


def _pr(y: np.ndarray, flag: np.ndarray) -> tuple[float, float]:
    tp = int((flag & (y == 1)).sum())
    return tp / max(int(flag.sum()), 1), tp / max(int(y.sum()), 1)


def planted_section(embedder, store, weigh, detector) -> None:
    pairs = planted_pairs()
    y = np.array([p.label for p in pairs])
    kinds = np.array([p.kind for p in pairs])
    langs = np.array([p.tgt_lang for p in pairs])
    prob = detector_probs(pairs, store, weigh, detector)
    cos = raw_cosine(pairs, embedder)
    th_b, _ = best_threshold(-cos, y, f1)
    base = -cos >= th_b
    _reliability_rows["planted FLORES held-out"] = (prob, y)
    check_rows("planted FLORES held-out", pairs, store, weigh, detector)
    sentence_level = ~np.isin(kinds, ["literal", "idiom-ok"])
    check_rows("planted, without the idiom beads", [p for p, k in zip(pairs, sentence_level,
                                                                     strict=True) if k],
               store, weigh, detector)
    print(f"\n## Planted errors, held-out FLORES-200 documents ({len(set(p.group for p in pairs))} "
          f"documents in {len(documents(pairs))} document pairs, {len(y)} pairs, {y.sum()} with an "
          "error; en->lv/id/de/fr)\n")
    print("Precision of a type: planted pairs of that type flagged / (those + clean pairs "
          "flagged). Baseline: raw cosine at its best-F1 threshold on this set "
          f"(cos < {-th_b:.3f}).\n")
    print("| error type | n | raw cosine P / R | detector P / R at p>=0.5 | "
          "detector P / R at p>=0.8 |")
    print("|---|---|---|---|---|")
    clean = kinds == "clean"
    for kind in [*planting.ERROR_TYPES, "idiom-ok"]:
        m = kinds == kind
        if kind == "idiom-ok":
            # Clean idiomatic renderings: what matters is how often they are flagged.
            rates = [f"flagged {(f[m]).mean():.2f}" for f in (base, prob >= WARNING, prob >= ERROR)]
            print(f"| idiomatic rendering (clean) | {m.sum()} | {rates[0]} | {rates[1]} | "
                  f"{rates[2]} |")
            continue
        sel = m | clean
        cells = []
        for f in (base, prob >= WARNING, prob >= ERROR):
            p_, r_ = _pr(y[sel], f[sel])
            cells.append(f"{p_:.2f} / {r_:.2f}")
        print(f"| {kind} | {m.sum()} | {' | '.join(cells)} |")
    cells = []
    for f in (base, prob >= WARNING, prob >= ERROR):
        p_, r_ = _pr(y, f)
        cells.append(f"**{p_:.2f} / {r_:.2f}**")
    print(f"| all | {y.sum()} | {' | '.join(cells)} |")
    print()
    for name, score in (("raw cosine", -cos), ("detector", prob)):
        print(f"- {name}: recall at precision >= 0.80: {_recall_at_precision(score, y, 0.8):.2f}"
              f"; precision at recall >= 0.90: {_precision_at_recall(score, y, 0.9):.2f}")
    print("\nPer target language, detector at p >= 0.5 (P / R): " + ", ".join(
        f"{lang} {_pr(y[langs == lang], (prob >= WARNING)[langs == lang])[0]:.2f} / "
        f"{_pr(y[langs == lang], (prob >= WARNING)[langs == lang])[1]:.2f}"
        for lang in planting.LANGS))
    no_idiom = ~np.isin(kinds, ["literal", "idiom-ok"])
    p_, r_ = _pr(y[no_idiom], (prob >= WARNING)[no_idiom])
    print(f"\nWithout the idiom beads (sentence-level planted errors only), detector at p >= 0.5: "
          f"P {p_:.2f} / R {r_:.2f}; recall at precision >= 0.80: "
          f"{_recall_at_precision(prob[no_idiom], y[no_idiom], 0.8):.2f}")


def _recall_at_precision(score: np.ndarray, y: np.ndarray, precision: float) -> float:
    order = np.argsort(-score)
    tp = np.cumsum(y[order])
    prec = tp / np.arange(1, len(y) + 1)
    ok = prec >= precision
    return float(tp[ok].max() / y.sum()) if ok.any() else 0.0


def _precision_at_recall(score: np.ndarray, y: np.ndarray, recall: float) -> float:
    order = np.argsort(-score)
    tp = np.cumsum(y[order])
    rec = tp / y.sum()
    prec = tp / np.arange(1, len(y) + 1)
    ok = rec >= recall
    return float(prec[ok].max()) if ok.any() else 0.0


_reliability_rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
# What the check reports, per set: (severity per pair or None, label, planted error type).
_check_rows: dict[str, tuple[list, np.ndarray, np.ndarray]] = {}
PREVALENCES = (0.05, 0.02)


def check_levels(pairs: list[LabelledPair], store, weigh, detector) -> list:
    """The ``mistranslation`` check's severity for every pair (its defaults; numbers neutral)."""
    from alignqa.checks.mistranslation import LEFT_TO_OTHER_CHECKS, MistranslationOptions, level

    options = MistranslationOptions()
    texts = [t for p in pairs for t in (p.src, p.tgt)]
    tv = dict(zip(texts, store.get(texts), strict=True))
    out: list = [None] * len(pairs)
    for idx in documents(pairs).values():
        p0 = pairs[idx[0]]
        scores = score_token_vectors([tv[pairs[i].src] for i in idx],
                                     [tv[pairs[i].tgt] for i in idx], p0.src_lang, p0.tgt_lang,
                                     weigh, detector=detector,
                                     explain_from=options.warning_threshold,
                                     neutral=LEFT_TO_OTHER_CHECKS)
        for i, score in zip(idx, scores, strict=True):
            out[i] = level(score, options)
    return out


def _at_prevalence(tpr: float, fpr: float, rate: float) -> float:
    """Precision when errors are ``rate`` of all pairs, from the rates measured on each kind."""
    hit = rate * tpr
    return hit / (hit + (1 - rate) * fpr) if hit + fpr > 0 else float("nan")


def check_section() -> None:
    from alignqa.findings import Severity

    print("\n## The `mistranslation` check's levels (its defaults)\n")
    print("Planted `number` errors are left out of the errors: numbers are the `numbers` check's "
          "finding and the check neutralises that signal. Precision at a prevalence is computed "
          "from the rates on errors and on clean pairs, as if errors were that share of all "
          "pairs (real translations are mostly right).\n")
    rates = " | ".join(f"P at {r:.0%} errors" for r in PREVALENCES)
    print(f"| set | level | errors found (recall) | clean pairs flagged | P on the set | {rates} |")
    print("|---|---|---|---|---|" + "---|" * len(PREVALENCES))
    for name, (levels, y, kinds) in _check_rows.items():
        keep = kinds != "number"
        lv = [lvl for lvl, k in zip(levels, keep, strict=True) if k]
        yy = y[keep]
        for at in (Severity.ERROR, Severity.WARNING):
            flag = np.array([lvl is not None and lvl.rank >= at.rank for lvl in lv])
            tpr = float(flag[yy == 1].mean()) if (yy == 1).any() else float("nan")
            fpr = float(flag[yy == 0].mean())
            tp, fp = int((flag & (yy == 1)).sum()), int((flag & (yy == 0)).sum())
            at_rates = " | ".join(f"{_at_prevalence(tpr, fpr, r):.2f}" for r in PREVALENCES)
            print(f"| {name} | {at.value}{'+' if at is Severity.WARNING else ''} | {tp} "
                  f"({tpr:.2f}) | {fp} ({fpr:.4f}) | {tp / max(tp + fp, 1):.2f} | {at_rates} |")
    print("\n(`warning+`: warnings and errors together, i.e. everything the check reports.)")


def check_rows(name: str, pairs: list[LabelledPair], store, weigh, detector) -> None:
    _check_rows[name] = (check_levels(pairs, store, weigh, detector),
                         np.array([p.label for p in pairs]), np.array([p.kind for p in pairs]))


def reliability_section() -> None:
    print("\n## Reliability of the calibrated probability\n")
    print("Per bin of predicted p: pairs, mean predicted p, observed error rate.\n")
    edges = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    print("| set | " + " | ".join(f"{a:.1f}-{min(b, 1):.1f}" for a, b in
                                    itertools.pairwise(edges)) + " |")
    print("|---|" + "---|" * (len(edges) - 1))
    for name, (prob, y) in _reliability_rows.items():
        cells = []
        for a, b in itertools.pairwise(edges):
            m = (prob >= a) & (prob < b)
            cells.append(f"{m.sum()}: {prob[m].mean():.2f} / {y[m].mean():.2f}" if m.any() else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")


def cost_section(detector) -> None:
    from alignqa.detect import score_pairs

    pairs = planted_pairs()[:96]
    fresh = load_embedder(quiet=True, use_cache=False)
    src, tgt = [p.src for p in pairs], [p.tgt for p in pairs]
    t0 = time.perf_counter()
    fresh.encode(src + tgt)
    enc = time.perf_counter() - t0
    t0 = time.perf_counter()
    score_pairs(src, tgt, "en", pairs[0].tgt_lang, fresh, detector=detector)
    det = time.perf_counter() - t0
    tv_src = fresh.token_embeddings(src)
    tv_tgt = fresh.token_embeddings(tgt)
    weigh = word_weights_for(fresh)
    from alignqa.detect import TokenVectors

    t0 = time.perf_counter()
    score_token_vectors([TokenVectors(t.text, t.offsets, t.vectors) for t in tv_src],
                        [TokenVectors(t.text, t.offsets, t.vectors) for t in tv_tgt], "en",
                        pairs[0].tgt_lang, weigh, detector=detector)
    signals = time.perf_counter() - t0
    n = len(pairs)
    print("\n## Cost per sentence pair (2 shared CPU cores; the machine was not idle)\n")
    print("| stage | ms per pair |")
    print("|---|---|")
    print(f"| encoder: sentence vectors of both sides (what alignment already pays) | "
          f"{1000 * enc / n:.0f} |")
    print(f"| detector, total (token pass of both sides + signals + model) | {1000 * det / n:.0f} |")
    print(f"| detector without the token pass (signals + model) | {1000 * signals / n:.1f} |")


def seed_contexts(embedder, options):
    """Each seed translation (corpus/, en -> lv and id), aligned, as a check's pair context."""
    from alignqa.align import align_documents
    from alignqa.checks.registry import PairContext
    from alignqa.segment import load_document

    src = load_document(ROOT / "corpus" / "en" / "client-facing.md", "en")
    for lang in ("lv", "id"):
        tgt = load_document(ROOT / "corpus" / lang / "client-facing.md", lang)
        yield lang, PairContext(src, tgt, align_documents(src, tgt, embedder), options=options,
                                embedder=embedder)


def seeds_section(embedder) -> None:
    from alignqa.checks.mistranslation import mistranslation as _  # noqa: F401 (registers)
    from alignqa.checks.registry import REGISTRY

    check = REGISTRY["mistranslation"]
    print("\n## Seed documents (corpus/): every finding of the check\n")
    for lang, ctx in seed_contexts(embedder, check.defaults):
        findings = check.run(ctx)
        print(f"### en -> {lang}: {len(findings)} findings over {len(ctx.alignment.beads)} "
              f"beads\n")
        for f in findings:
            spans = [f.target_text[a:b] for a, b in f.target_spans]
            print(f"- [{f.severity.value}] line {f.line}: '{f.source_text[:70]}' -> "
                  f"'{f.target_text[:70]}'\n  {f.message}" + (f" (target spans {spans})"
                                                               if spans else ""))
        print()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", help="detector weights JSON (default: the shipped one)")
    ap.add_argument("--skip-wmt", action="store_true")
    ap.add_argument("--wmt", default=",".join(WMT_PAIRS),
                    help=f"WMT21 dev sets to run (default: {','.join(WMT_PAIRS)})")
    ap.add_argument("--skip-seeds", action="store_true")
    ap.add_argument("--skip-planted", action="store_true")
    ap.add_argument("--backend", help="encoder backend (default: alignqa's default)")
    ap.add_argument("--skip-cost", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    embedder = load_embedder(quiet=True, **({"backend": args.backend} if args.backend else {}))
    store = TokenStore(embedder)
    weigh = word_weights_for(embedder)
    detector = load_detector(args.weights)
    print(f"# Mistranslation detector benchmark\n\nmodel: {embedder.model_id} "
          f"(backend {getattr(embedder, 'backend_name', 'torch')}); detector trained "
          f"on {detector.meta.get('data')}")
    if not args.skip_wmt:
        wmt_section(embedder, store, weigh, detector, tuple(args.wmt.split(",")))
    if not args.skip_planted:
        planted_section(embedder, store, weigh, detector)
        reliability_section()
        check_section()
    if not args.skip_cost:
        cost_section(detector)
    if not args.skip_seeds:
        seeds_section(embedder)
    print(f"\n(bench ran {time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
