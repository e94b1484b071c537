"""Probe: fine-tune the bundled encoder's upper layers as a cross-encoder, and measure it alone.

Not shipped (research/README.md). Trains LoRA updates of the layers above ``FROM_LAYER`` plus a
head (``research/cross_encoder.py``) and writes them, float16, ~2 MB, to
``cross-encoder.safetensors`` in the alignqa cache dir; then scores WMT21 dev and the held-out
planted documents beside raw cosine and the shipped detector. ``--cross-fit`` adds two half-data
models and reports their out-of-fold AUC per planted kind on the training pairs (the variant that
fed this score to the detector as a 16th signal was never merged; research/README.md has what it
measured).

Data (read from ../shared/eval, never copied): the planted FLORES-200 train half and Tatoeba
documents of ``training/train_detector.py``, *with* the train-only idiom beads
(``training/tables/idioms-train-only.tsv``), and WMT21 critical-error train rows (all en-de,
seeded samples of the others). Nothing of the benchmark's held-out documents, idioms or dev sets
is read.

Cost on two cores: the frozen lower layers run once per pair (~65 pairs/s, 6 min for the 22,598
training pairs; kept in the cache dir for reruns); one epoch over the trainable layers ~15 min.
Seeded: the same data gives the same file.

    python -m research.finetune_detector [--epochs 1] [--cross-fit] [--evaluate-only]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import random
import sys
import time

import numpy as np
import torch
from safetensors.torch import save_file
from sklearn.metrics import roc_auc_score
from torch import nn

from alignqa.embed import default_cache_dir, load_embedder
from research.cross_encoder import (
    ADAPTER_FILE,
    LORA_TARGETS,
    CrossEncoder,
    Head,
    cross_encoder_for,
    run_layers,
)
from training import planting, train_detector
from training.data import WMT_PAIRS, LabelledPair, load_wmt
from training.token_store import TokenStore

SEED = 0
FROM_LAYER = 6
RANK = 16
ALPHA = 32.0
HEAD_HIDDEN = 256
BATCH = 16
LR = 5e-4
PLANTED_WEIGHT = 1.0
WMT_LIMITS = {"en-de": None, "en-cs": 4000, "en-ja": 2500, "en-zh": 2500}


def training_pairs(contrastive: bool = False) -> list[LabelledPair]:
    """The detector's planted documents with idiom beads, and WMT21 rows.

    With ``contrastive``: no WMT21 rows (their labels mostly follow what the source says), and
    beside the planted documents their clean originals and both renderings of every train idiom,
    so that a source is seen rendered right and wrong and the source alone predicts nothing.
    """
    pairs = train_detector.training_pairs(wmt=False, idiom_beads=True)
    if not contrastive:
        for pair in WMT_PAIRS:
            pairs.extend(load_wmt(pair, "train", limit=WMT_LIMITS[pair],
                                  seed=train_detector.WMT_SEED))
        return pairs
    rows = planting.load_flores()
    originals = [d for k, lang in enumerate(("lv", "id"))
                 for d in planting.tatoeba_documents(lang, train_detector.TATOEBA_LIMIT,
                                                         seed=train_detector.TATOEBA_SEED + k)]
    originals += [d for lang in planting.LANGS
                  for d in planting.documents(rows, lang, "train")]
    seen = {(p.src, p.tgt) for p in pairs}
    for doc in originals:
        pairs.extend(LabelledPair(p.src, p.tgt, 0, "en", doc.lang, f"{doc.name}#clean")
                     for p in doc.pairs if (p.src, p.tgt) not in seen)
    for en, renderings in planting.idioms("train"):
        for lang, (idiomatic, literal) in renderings.items():
            pairs += [LabelledPair(en, idiomatic, 0, "en", lang, f"idiom-{lang}", "idiom-ok"),
                      LabelledPair(en, literal, 1, "en", lang, f"idiom-{lang}", "literal")]
    return pairs


def cross_logits(pairs: list[LabelledPair], embedder) -> np.ndarray:
    """The stored cross-encoder's log-odds per pair.

    Scores are kept per adapter version in the cache dir, so that reruns score nothing.
    """
    def key(p: LabelledPair) -> str:
        return hashlib.sha1(f"{p.src}\t{p.tgt}".encode()).hexdigest()

    adapter = hashlib.sha256(ADAPTER_FILE.read_bytes()).hexdigest()[:16]
    kept_path = default_cache_dir() / f"cross-encoder-logits-{adapter}.json"
    kept = json.loads(kept_path.read_text()) if kept_path.exists() else {}
    todo = [p for p in pairs if key(p) not in kept]
    if todo:
        start = time.perf_counter()
        scores = cross_encoder_for(embedder).logits([p.src for p in todo], [p.tgt for p in todo])
        kept.update({key(p): float(v) for p, v in zip(todo, scores, strict=True)})
        kept_path.write_text(json.dumps(kept))
        print(f"  cross-encoder: {len(todo)} pairs in {time.perf_counter() - start:.0f} s",
              file=sys.stderr, flush=True)
    return np.array([kept[key(p)] for p in pairs])


class LoRALinear(nn.Module):
    """A frozen linear map plus a trainable rank-``r`` update ``scale * B @ A`` (B starts at 0)."""

    def __init__(self, base: nn.Linear, rank: int, scale: float, gen: torch.Generator):
        super().__init__()
        self.base = base
        self.a = nn.Parameter(torch.randn(rank, base.in_features, generator=gen)
                              / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = scale

    def forward(self, x):
        return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale


def lower_states(ce: CrossEncoder, pairs: list[LabelledPair], batch: int = 32) -> list:
    """Per pair: hidden states below the trained layers, and the side of each token."""
    out: list = [None] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].src) + len(pairs[i].tgt))
    t0 = time.perf_counter()
    with torch.inference_mode():
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            h, side, pad = ce.lower([pairs[i].src for i in idx], [pairs[i].tgt for i in idx])
            for j, i in enumerate(idx):
                n = int((~pad[j]).sum())
                out[i] = (h[j, :n].clone(), side[j, :n].clone())
            if (k // batch) % 100 == 0:
                print(f"  lower layers: {k + len(idx)}/{len(pairs)} pairs, "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return out


def collate(states, idx):
    n = max(len(states[i][0]) for i in idx)
    h = torch.zeros(len(idx), n, states[idx[0]][0].shape[1])
    side = torch.zeros(len(idx), n, dtype=torch.long)
    pad = torch.ones(len(idx), n, dtype=torch.bool)
    for j, i in enumerate(idx):
        s, sd = states[i]
        h[j, :len(s)], side[j, :len(s)], pad[j, :len(s)] = s, sd, False
    return h, side, pad


def train(base_layers, states, y: torch.Tensor, weight: torch.Tensor, rows: list[int],
          epochs: int, seed: int):
    """LoRA-updated copies of ``base_layers`` and a head, trained on ``rows``."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    rng = random.Random(seed)
    layers = copy.deepcopy(base_layers)
    for p in layers.parameters():
        p.requires_grad_(False)
    params = []
    for layer in layers:
        for name in LORA_TARGETS:
            parent_name, _, leaf = name.rpartition(".")
            parent = layer.get_submodule(parent_name)
            lora = LoRALinear(getattr(parent, leaf), RANK, ALPHA / RANK, gen)
            setattr(parent, leaf, lora)
            params += [lora.a, lora.b]
    head = Head(states[rows[0]][0].shape[1], HEAD_HIDDEN)
    params += list(head.parameters())
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    pos = float(y[rows].mean())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos) / pos), reduction="none")
    steps = epochs * math.ceil(len(rows) / BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps, pct_start=0.1)
    layers.train()
    head.train()
    t0 = time.perf_counter()
    for epoch in range(epochs):
        # Length buckets waste less padding; the buckets are shuffled.
        order = sorted(rows, key=lambda i: (len(states[i][0]), rng.random()))
        chunks = [order[k:k + BATCH] for k in range(0, len(order), BATCH)]
        rng.shuffle(chunks)
        total = 0.0
        for n, idx in enumerate(chunks):
            h, side, pad = collate(states, idx)
            loss = (loss_fn(head(run_layers(layers, h, pad), side, pad), y[idx])
                    * weight[idx]).sum() / weight[idx].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
            if n % 200 == 0:
                print(f"  epoch {epoch} step {n}/{len(chunks)} loss {total / (n + 1):.4f} "
                      f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    layers.eval()
    head.eval()
    return layers, head


def score(layers, head, states, rows: list[int], batch: int = 64) -> np.ndarray:
    out = np.zeros(len(rows), np.float32)
    order = sorted(range(len(rows)), key=lambda j: len(states[rows[j]][0]))
    with torch.inference_mode():
        for k in range(0, len(order), batch):
            js = order[k:k + batch]
            h, side, pad = collate(states, [rows[j] for j in js])
            out[js] = head(run_layers(layers, h, pad), side, pad).numpy()
    return out


def adapter_tensors(layers, head) -> dict[str, torch.Tensor]:
    tensors = {}
    for i, layer in enumerate(layers):
        for name in LORA_TARGETS:
            lora = layer.get_submodule(name)
            tensors[f"upper.{i}.{name}.a"] = lora.a.detach().to(torch.float16).contiguous()
            tensors[f"upper.{i}.{name}.b"] = lora.b.detach().to(torch.float16).contiguous()
    for k, v in head.state_dict().items():
        tensors[f"head.{k}"] = v.detach().to(torch.float16).contiguous()
    return tensors


def cross_fit(base, states, y, weight, pairs, epochs: int) -> None:
    """Two models, each trained on half of the documents, score the other half: AUC per kind."""
    fold = np.array([int(hashlib.sha1(p.group.encode()).hexdigest(), 16) % 2 for p in pairs])
    oof = np.zeros(len(pairs), np.float32)
    for k in (0, 1):
        fit_rows = [int(i) for i in np.flatnonzero(fold != k)]
        held = [int(i) for i in np.flatnonzero(fold == k)]
        layers, head = train(base.upper, states, y, weight, fit_rows, epochs, SEED + 1 + k)
        oof[held] = score(layers, head, states, held)
    y_np = y.numpy()
    kinds = np.array([f"WMT21 {p.src_lang}-{p.tgt_lang}" if p.group.startswith("wmt")
                      else p.kind for p in pairs])
    clean = kinds == "clean"
    print("\nOut-of-fold ROC AUC on the training pairs (planted kinds against clean pairs):")
    for kind in sorted(set(kinds) - {"clean", "idiom-ok"}):
        m = kinds == kind
        m = m if kind.startswith("WMT") else m | clean
        print(f"- {kind}: {roc_auc_score(y_np[m], oof[m]):.3f}")
    lit, ok = kinds == "literal", kinds == "idiom-ok"
    print(f"- literal against idiomatic renderings of the same idioms: "
          f"{roc_auc_score(np.r_[y_np[lit], y_np[ok]], np.r_[oof[lit], oof[ok]]):.3f}")


def evaluate(embedder) -> None:
    """The stored cross-encoder alone, beside raw cosine and the shipped detector."""
    from alignqa.detect import load_detector
    from alignqa.detect.token_alignment import word_weights_for
    from bench.detect import (
        _recall_at_precision,
        best_threshold,
        detector_probs,
        mcc,
        planted_pairs,
        wmt_dev_sets,
    )

    store, weigh, det = TokenStore(embedder), word_weights_for(embedder), load_detector()
    print("\n## WMT21 dev: MCC (ROC AUC)\n")
    print("| pair | raw cosine, best thr. on dev | shipped detector, p >= 0.5 | cross-encoder, "
          "log-odds >= 0 | cross-encoder, best thr. on dev |")
    print("|---|---|---|---|---|")
    for pair, pairs, y, cos in wmt_dev_sets(embedder):
        prob = detector_probs(pairs, store, weigh, det)
        ce = cross_logits(pairs, embedder)
        best = best_threshold(ce, y, mcc)[1]
        best_c = best_threshold(-cos, y, mcc)[1]
        print(f"| {pair} | {best_c:.3f} | {mcc(y, prob >= 0.5):.3f} ({roc_auc_score(y, prob):.3f}) "
              f"| **{mcc(y, ce >= 0):.3f}** ({roc_auc_score(y, ce):.3f}) | {best:.3f} |")
    pairs = planted_pairs()
    y = np.array([p.label for p in pairs])
    kinds = np.array([p.kind for p in pairs])
    prob = detector_probs(pairs, store, weigh, det)
    ce = cross_logits(pairs, embedder)
    clean = kinds == "clean"
    print("\n## Planted errors, held-out FLORES documents: ROC AUC of each kind against clean "
          "pairs\n")
    print("| kind | n | shipped detector | cross-encoder |")
    print("|---|---|---|---|")
    for kind in [*planting.ERROR_TYPES]:
        m = (kinds == kind) | clean
        print(f"| {kind} | {(kinds == kind).sum()} | {roc_auc_score(y[m], prob[m]):.3f} | "
              f"{roc_auc_score(y[m], ce[m]):.3f} |")
    lit, ok = kinds == "literal", kinds == "idiom-ok"
    print(f"| literal against idiomatic | {lit.sum()} / {ok.sum()} | "
          f"{roc_auc_score(np.r_[y[lit], y[ok]], np.r_[prob[lit], prob[ok]]):.3f} | "
          f"{roc_auc_score(np.r_[y[lit], y[ok]], np.r_[ce[lit], ce[ok]]):.3f} |")
    print(f"| all: recall at precision >= 0.80 | {y.sum()} | "
          f"{_recall_at_precision(prob, y, 0.8):.2f} | {_recall_at_precision(ce, y, 0.8):.2f} |")
    seeds(embedder)


def seeds(embedder) -> None:
    """The cross-encoder's five highest scores on each seed document's beads."""
    from bench.detect import seed_contexts

    print("\n## Seed documents: the five highest cross-encoder log-odds\n")
    for lang, ctx in seed_contexts(embedder, {}):
        views = [v for v in ctx.beads() if v.source and v.target]
        s_txt, t_txt = [v.source_text for v in views], [v.target_text for v in views]
        ce = cross_encoder_for(embedder).logits(s_txt, t_txt)
        for k in np.argsort(-ce)[:5]:
            print(f"- {lang} {ce[k]:+.2f}: '{s_txt[k][:50]}' -> '{t_txt[k][:50]}'")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--planted-weight", type=float, default=PLANTED_WEIGHT,
                    help="weight of a planted pair against a WMT21 row in the loss")
    ap.add_argument("--cross-fit", action="store_true",
                    help="also train two half-data models and report out-of-fold AUC per kind")
    ap.add_argument("--contrastive", action="store_true",
                    help="planted data only, each source seen rendered right and wrong")
    ap.add_argument("--evaluate-only", action="store_true",
                    help="evaluate the stored adapter without training")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    embedder = load_embedder(quiet=True)
    if not args.evaluate_only:
        fit(embedder, args)
        print(f"trained and wrote {ADAPTER_FILE} ({ADAPTER_FILE.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - t0:.0f} s", flush=True)
    evaluate(embedder)
    print(f"\n({time.perf_counter() - t0:.0f} s in all)")


def fit(embedder, args) -> None:
    transformer = embedder.model[0]
    model, tokenizer = transformer.auto_model, transformer.tokenizer
    model.eval()
    base = CrossEncoder(model, tokenizer, FROM_LAYER, model.encoder.layer[FROM_LAYER:], None)
    pairs = training_pairs(args.contrastive)
    y = torch.tensor([p.label for p in pairs], dtype=torch.float32)
    is_wmt = np.array([p.group.startswith("wmt") for p in pairs])
    weight = torch.tensor(np.where(is_wmt, 1.0, args.planted_weight), dtype=torch.float32)
    print(f"{len(pairs)} training pairs ({int(y.sum())} errors)", flush=True)
    # The frozen layers' output depends only on the pairs and the model: kept for reruns.
    digest = hashlib.sha1("\n".join(f"{p.src}\t{p.tgt}" for p in pairs).encode()).hexdigest()
    saved = default_cache_dir() / f"cross-encoder-states-{FROM_LAYER}-{digest[:12]}.pt"
    if saved.exists():
        states = torch.load(saved)
    else:
        states = lower_states(base, pairs)
        torch.save([(h.to(torch.float16), s) for h, s in states], saved)
    states = [(h.float(), s) for h, s in states]
    if args.cross_fit:
        cross_fit(base, states, y, weight, pairs, args.epochs)
    layers, head = train(base.upper, states, y, weight, list(range(len(pairs))), args.epochs,
                         SEED)
    meta = {"model_id": embedder.model_id, "from_layer": str(FROM_LAYER),
            "scale": str(ALPHA / RANK), "rank": str(RANK), "head_hidden": str(HEAD_HIDDEN),
            "trained_by": "research/finetune_detector.py", "seed": str(SEED),
            "epochs": str(args.epochs), "planted_weight": str(args.planted_weight),
            "contrastive": str(args.contrastive),
            "pairs": str(len(pairs)), "errors": str(int(y.sum())),
            "wmt_limits": json.dumps(WMT_LIMITS)}
    save_file(adapter_tensors(layers, head), str(ADAPTER_FILE), metadata=meta)


if __name__ == "__main__":
    main()
