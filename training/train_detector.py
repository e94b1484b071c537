"""Fit the mistranslation detector and write src/alignqa/detect/detector-weights.json.

Data (all read from ../shared/eval, never copied into the repository):

- FLORES-200 devtest, *train* half of the articles (``planting.py`` splits them by a salted
  hash of ``doc_id``), English -> lv, id, de, fr documents with seeded planted errors in ~30 % of
  the pairs (swap, negation, number, omission, word substitution); idiom beads are left out
  (``IDIOM_BEADS``, see docs/detector.md);
- Tatoeba en-lv and en-id (CC BY 2.0 FR): 1,600 short pairs each in pseudo-documents of 16, with
  the same planting, so that short segments are not all suspicious;
- WMT21 critical-error detection *train* sets (CC0): a seeded sample of 2,000 en-de and 700 each
  of en-cs, en-ja, en-zh rows, in pseudo-documents of 24 consecutive rows.

Nothing of the benchmark's held-out FLORES articles, held-out idioms or WMT dev sets is read.

Steps: token vectors for every text (one encoder pass each, stored in the alignqa cache dir and
reused); the constants the signals need (mean token vector, expected cosine per length, document
priors, the content-risk direction: a logistic regression on the pooled source vectors of the
WMT rows, cross-fitted so that the main model sees out-of-fold risk values); the signals;
gradient-boosted depth-2 trees over the standardised signals (``--model logistic`` for a
logistic regression instead); isotonic calibration on out-of-fold (document-grouped, 5-fold)
log-odds. Seeded throughout: the same cache gives the same file.

Run time: almost all of it is the first encoder pass over the ~16,700 texts; later runs read the
store (figures in training/README.md). Two runs over one store give byte-identical weights.

    python -m training.train_detector [--out PATH] [--model trees|logistic] [--no-wmt]

(from the repository root, with alignqa importable: installed, or ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import matthews_corrcoef, roc_auc_score
from sklearn.model_selection import GroupKFold

from alignqa.detect.features import FEATURES, Params, document_signals, pooled, word_count
from alignqa.detect.model import (
    WEIGHTS_FILE,
    Detector,
    Linear,
    Trees,
    fit_isotonic,
    trees_from_sklearn,
)
from alignqa.detect.token_alignment import WordWeights, word_weights_for
from alignqa.embed import load_embedder
from training import planting
from training.data import WMT_PAIRS, LabelledPair, load_wmt
from training.token_store import TokenStore

SEED = 20240601
FLORES_SEED = 11
FLORES_RATE = 0.3
WMT_LIMITS = {"en-de": 2000, "en-cs": 700, "en-ja": 700, "en-zh": 700}
WMT_SEED = 5
TATOEBA_LIMIT = 1600
TATOEBA_SEED = 17
# Idiom beads teach the model the opposite of what it can see: the embedding prefers word-by-word
# renderings to idiomatic ones (see docs/detector.md), so they are measured, not trained on.
IDIOM_BEADS = False
# WMT rows weigh this much against a planted pair (their labels mostly reflect source content).
WMT_WEIGHT = 1.0
DOC_PRIOR_WEIGHT = 6.0
C = 0.5
TREE_DEPTH = 2
TREES = 300
LEARNING_RATE = 0.1


def training_pairs(wmt: bool = True, idiom_beads: bool = IDIOM_BEADS) -> list[LabelledPair]:
    pairs = []
    for doc in planting.planted_corpus("train", seed=FLORES_SEED, rate=FLORES_RATE,
                                           idiom_beads=idiom_beads):
        pairs.extend(LabelledPair(p.src, p.tgt, p.label, "en", doc.lang, doc.name, p.kind,
                                  p.heading) for p in doc.pairs)
    for k, lang in enumerate(("lv", "id")):
        docs = planting.tatoeba_documents(lang, TATOEBA_LIMIT, seed=TATOEBA_SEED + k)
        for doc in planting.plant(docs, "train", seed=TATOEBA_SEED + k, rate=FLORES_RATE,
                                      idiom_beads=idiom_beads):
            pairs.extend(LabelledPair(p.src, p.tgt, p.label, "en", doc.lang, doc.name, p.kind,
                                      p.heading) for p in doc.pairs)
    for pair in WMT_PAIRS if wmt else ():
        pairs.extend(load_wmt(pair, "train", limit=WMT_LIMITS[pair], seed=WMT_SEED))
    return pairs


def by_group(pairs: list[LabelledPair]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[p.group].append(i)
    return dict(groups)


def length_curve(cos: np.ndarray, words: np.ndarray, bins: int = 10) -> tuple[list, list]:
    """Median cosine of clean pairs per length decile, at the median log length of the decile."""
    logw = np.log(np.maximum(words, 1))
    edges = np.unique(np.quantile(logw, np.linspace(0, 1, bins + 1)))
    knots, values = [], []
    for lo, hi in itertools.pairwise(edges):
        m = (logw >= lo) & (logw <= hi)
        if m.sum() >= 20:
            knots.append(float(np.median(logw[m])))
            values.append(float(np.median(cos[m])))
    # Longer pairs score higher on average; enforce it so that noise cannot invert the curve.
    values = list(np.maximum.accumulate(values))
    return knots, values


def fit_risk(vectors: np.ndarray, labels: np.ndarray, groups: np.ndarray,
             seed: int) -> tuple[np.ndarray, float, np.ndarray]:
    """The content-risk direction and, per row, its out-of-fold value."""
    model = LogisticRegression(C=1.0, max_iter=2000, random_state=seed)
    oof = np.zeros(len(labels))
    for tr, te in GroupKFold(n_splits=5).split(vectors, labels, groups):
        model.fit(vectors[tr], labels[tr])
        oof[te] = model.decision_function(vectors[te])
    model.fit(vectors, labels)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0]), oof


@dataclass
class Prepared:
    pairs: list[LabelledPair]
    x: np.ndarray
    labels: np.ndarray
    group_of: np.ndarray
    is_wmt: np.ndarray
    params: Params


def prepare(pairs: list[LabelledPair], store: TokenStore, weigh: WordWeights) -> Prepared:
    """Token vectors, fitted constants and the signal matrix of the training pairs."""
    rng = np.random.default_rng(SEED)
    texts = [t for p in pairs for t in (p.src, p.tgt)]
    tv = dict(zip(texts, store.get(texts), strict=True))
    src = [tv[p.src] for p in pairs]
    tgt = [tv[p.tgt] for p in pairs]
    labels = np.array([p.label for p in pairs])
    groups = by_group(pairs)
    group_of = np.array([p.group for p in pairs])
    is_wmt = np.array([p.group.startswith("wmt") for p in pairs])

    sample = rng.choice(len(texts), size=min(4000, len(texts)), replace=False)
    token_center = np.concatenate([tv[texts[i]].vectors for i in sample]).mean(axis=0)

    s_vec = np.stack([pooled(x) for x in src])
    t_vec = np.stack([pooled(x) for x in tgt])
    cos = (s_vec * t_vec).sum(axis=1)
    words = np.array([min(word_count(p.src), word_count(p.tgt)) for p in pairs])
    clean = labels == 0
    knots, values = length_curve(cos[clean], words[clean])

    if is_wmt.any():
        risk_dir, risk_bias, risk_oof = fit_risk(s_vec[is_wmt], labels[is_wmt],
                                                 group_of[is_wmt], SEED)
    else:
        risk_dir, risk_bias, risk_oof = np.zeros(s_vec.shape[1], np.float32), 0.0, np.zeros(0)
    params = Params(token_center=token_center, length_knots=knots, length_values=values,
                    doc_prior_sd=1.0, doc_prior_weight=DOC_PRIOR_WEIGHT, neighbour_prior=1.0,
                    rival_prior=0.0, risk_direction=risk_dir, risk_bias=risk_bias)
    _document_priors(params, pairs, groups, s_vec, t_vec, clean)

    x = np.zeros((len(pairs), len(FEATURES)))
    for members in groups.values():
        p0 = pairs[members[0]]
        sigs = document_signals([src[i] for i in members], [tgt[i] for i in members],
                                p0.src_lang, p0.tgt_lang, params, weigh)
        for i, sig in zip(members, sigs, strict=True):
            x[i] = sig.vector()
    # The main model must see risk values of rows the risk direction was not fitted on.
    r_src, r_drop = FEATURES.index("risk_src"), FEATURES.index("risk_drop")
    t_risk = t_vec[is_wmt] @ risk_dir + risk_bias
    x[is_wmt, r_src] = risk_oof
    x[is_wmt, r_drop] = np.abs(risk_oof - t_risk)
    return Prepared(pairs, x, labels, group_of, is_wmt, params)


def make_model(kind: str) -> Any:
    if kind == "logistic":
        return LogisticRegression(C=C, max_iter=5000, random_state=SEED)
    return GradientBoostingClassifier(max_depth=TREE_DEPTH, n_estimators=TREES,
                                      learning_rate=LEARNING_RATE, subsample=0.8,
                                      min_samples_leaf=20, random_state=SEED)


def fit(prep: Prepared, embedder_id: str, kind: str = "trees",
        wmt_weight: float | None = None) -> tuple[Detector, np.ndarray]:
    """The model, out-of-fold log-odds (document-grouped 5-fold) and isotonic calibration."""
    x, labels, group_of, is_wmt = prep.x, prep.labels, prep.group_of, prep.is_wmt
    weight = np.where(is_wmt, WMT_WEIGHT if wmt_weight is None else wmt_weight, 1.0)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    oof = np.zeros(len(labels))
    for tr, te in GroupKFold(n_splits=5).split(z, labels, group_of):
        model = make_model(kind).fit(z[tr], labels[tr], sample_weight=weight[tr])
        oof[te] = model.decision_function(z[te])
    final = make_model(kind).fit(z, labels, sample_weight=weight)
    model: Trees | Linear
    if kind == "logistic":
        model = Linear(mean, scale, final.coef_[0], float(final.intercept_[0]))
    else:
        # The trees split standardised signals; their thresholds are mapped back to raw ones.
        model = trees_from_sklearn(final, mean, scale)
    calib_x, calib_y = fit_isotonic(oof, labels)
    reference = np.median(x[labels == 0], axis=0)
    meta = {
        "trained_by": "training/train_detector.py",
        "seed": SEED,
        "model": embedder_id,
        "kind": kind,
        "data": {
            "planted": {"pairs": int((~is_wmt).sum()), "errors": int(labels[~is_wmt].sum()),
                        "sources": f"FLORES-200 devtest train half (seed {FLORES_SEED}) + "
                                   f"Tatoeba en-lv/en-id ({TATOEBA_LIMIT} each, seed "
                                   f"{TATOEBA_SEED})",
                        "rate": FLORES_RATE, "idiom_beads": IDIOM_BEADS},
            "wmt21_train": {"pairs": int(is_wmt.sum()), "errors": int(labels[is_wmt].sum()),
                            "limits": WMT_LIMITS, "seed": WMT_SEED},
        },
        "calibration": "isotonic on 5-fold document-grouped out-of-fold log-odds",
        "oof_auc": {name: round(float(roc_auc_score(labels[m], oof[m])), 4)
                    for name, m in (("all", np.ones_like(is_wmt)), ("planted", ~is_wmt),
                                    ("wmt", is_wmt)) if len(set(labels[m])) == 2},
    }
    det = Detector(FEATURES, model, reference, calib_x, calib_y, prep.params, meta)
    return det, oof


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    ap.add_argument("--model", choices=("trees", "logistic"), default="trees")
    ap.add_argument("--no-wmt", action="store_true",
                    help="planted FLORES data only (an ablation; no content-risk direction)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    embedder = load_embedder(quiet=True)
    pairs = training_pairs(wmt=not args.no_wmt)
    print(f"{len(pairs)} training pairs, {sum(p.label for p in pairs)} with an error",
          file=sys.stderr)
    prep = prepare(pairs, TokenStore(embedder), word_weights_for(embedder))
    det, _ = fit(prep, embedder.model_id, args.model)
    det.save(args.out)
    prob = det.predict_proba(prep.x)
    print(f"out-of-fold AUC {det.meta['oof_auc']}; in-sample MCC at 0.5: "
          f"{matthews_corrcoef(prep.labels, prob >= 0.5):.3f}", file=sys.stderr)
    if isinstance(det.model, Linear):
        for f, c in sorted(zip(FEATURES, det.model.coef, strict=True), key=lambda fc: -abs(fc[1])):
            print(f"  {f:15s} {c:+.3f}", file=sys.stderr)
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def _document_priors(params: Params, pairs: list[LabelledPair], groups: dict[str, list[int]],
                     s_vec: np.ndarray, t_vec: np.ndarray, clean: np.ndarray) -> None:
    """Spread of cos_vs_length inside clean documents and neighbour statistics (FLORES docs)."""
    spreads, knn, rivals = [], [], []
    for name, members in groups.items():
        if name.startswith("wmt") or len(members) < 4:
            continue
        m = np.array(members)
        keep = m[clean[m]]
        s, t = s_vec[m], t_vec[m]
        sim = s @ t.T
        cos = np.diag(sim)
        words = np.array([min(word_count(pairs[i].src), word_count(pairs[i].tgt)) for i in m])
        rel = (cos - params.expected_cos(words))[clean[m]]
        if len(keep) >= 4:
            spreads.append(1.4826 * np.median(np.abs(rel - np.median(rel))))
        off = sim.copy()
        np.fill_diagonal(off, -np.inf)
        k = min(3, len(m) - 1)
        knn.append(float(np.mean(-np.sort(-off, axis=1)[:, :k])))
        gap = cos - np.maximum(off.max(axis=1), off.max(axis=0))
        rivals.extend(gap[clean[m]].tolist())
    params.doc_prior_sd = float(np.median(spreads))
    params.neighbour_prior = float(np.mean(knn))
    params.rival_prior = float(np.median(rivals))


if __name__ == "__main__":
    main()
