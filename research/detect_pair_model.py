"""Probe: can a learnt model over the frozen encoder's token vectors beat the shipped detector?

A small transformer (2 layers, width 128, ~0.3 M parameters) reads the last-layer token vectors
of the source and the target in one sequence, so that every token can attend to the other side,
with two alignment cues per token (best cosine on the other side, and whether that match is
mutual). It is trained on the detector's own training pairs (``train_detector.training_pairs``,
planted FLORES train half + Tatoeba + the WMT21 train sample) plus every idiom of the train
table (``training/tables/idioms-train-only.tsv`` and the train half of the benchmark's table),
once word by word and once idiomatic per language, WMT and planted rows weighted equally in
total, and compared with the shipped detector on the same held-out data:
WMT21 dev (MCC at the best threshold on dev, for both) and the held-out planted documents
(ROC AUC, recall at precision >= 0.80, recall per error type at the threshold that flags as many
pairs as there are errors).

This is the cross-encoder idea without fine-tuning the encoder; ``--finetune-cost`` measures
what fine-tuning the whole encoder as a cross-encoder would cost here instead (seconds per
training pair for one forward and backward pass over WMT21 en-de pairs). Not shipped: see
research/README.md for what it measured and why.

    python -m research.detect_pair_model [--epochs 6]   (~15 min on two cores)
    python -m research.detect_pair_model --finetune-cost
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict

import numpy as np
import torch
from sklearn.metrics import matthews_corrcoef, roc_auc_score
from torch import nn

from alignqa.detect import load_detector
from alignqa.detect.features import document_signals
from alignqa.detect.token_alignment import TokenVectors, word_weights_for
from alignqa.embed import load_embedder
from bench.detect import _recall_at_precision, planted_pairs
from training import planting
from training.data import WMT_PAIRS, LabelledPair, load_wmt
from training.token_store import TokenStore
from training.train_detector import training_pairs

IDIOM_SEED = 23
MAX_TOKENS = 96
BATCH = 64
SEED = 0


class PairModel(nn.Module):
    def __init__(self, dim_in: int = 384, dim: int = 128, heads: int = 4, layers: int = 2):
        super().__init__()
        self.project = nn.Linear(dim_in, dim)
        self.cues = nn.Linear(2, dim)
        self.side = nn.Embedding(2, dim)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.norm_in = nn.LayerNorm(dim)
        layer = nn.TransformerEncoderLayer(dim, heads, dim_feedforward=2 * dim, dropout=0.1,
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm_out = nn.LayerNorm(3 * dim)
        self.out = nn.Sequential(nn.Linear(3 * dim, dim), nn.GELU(), nn.Linear(dim, 1))

    def forward(self, tokens, cues, side, pad):
        h = self.norm_in(self.project(tokens) + self.cues(cues) + self.side(side))
        h = torch.cat([self.cls.expand(len(h), -1, -1), h], dim=1)
        h = self.encoder(h, src_key_padding_mask=torch.cat([pad[:, :1] & False, pad], dim=1))
        body = h[:, 1:]
        pooled = []
        for s in (0, 1):
            keep = ((side == s) & ~pad).unsqueeze(-1).float()
            pooled.append((body * keep).sum(1) / keep.sum(1).clamp(min=1.0))
        return self.out(self.norm_out(torch.cat([h[:, 0], *pooled], dim=1))).squeeze(-1)


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def pair_rows(src: TokenVectors, tgt: TokenVectors, center: np.ndarray):
    a = src.vectors[:MAX_TOKENS] - center
    b = tgt.vectors[:MAX_TOKENS] - center
    cues = np.zeros((len(a) + len(b), 2), np.float32)
    if len(a) and len(b):
        sim = unit(a) @ unit(b).T
        best_a, best_b = sim.argmax(axis=1), sim.argmax(axis=0)
        cues[:len(a), 0], cues[len(a):, 0] = sim.max(axis=1), sim.max(axis=0)
        cues[:len(a), 1] = best_b[best_a] == np.arange(len(a))
        cues[len(a):, 1] = best_a[best_b] == np.arange(len(b))
    side = np.r_[np.zeros(len(a), np.int64), np.ones(len(b), np.int64)]
    return np.concatenate([a, b]).astype(np.float32), cues, side


def collate(rows):
    width = max(1, max(len(r[0]) for r in rows))
    tokens = np.zeros((len(rows), width, rows[0][0].shape[1]), np.float32)
    cues = np.zeros((len(rows), width, 2), np.float32)
    side = np.zeros((len(rows), width), np.int64)
    pad = np.ones((len(rows), width), bool)
    for i, (v, c, s) in enumerate(rows):
        tokens[i, :len(v)], cues[i, :len(v)], side[i, :len(v)], pad[i, :len(v)] = v, c, s, False
    return tuple(torch.from_numpy(a) for a in (tokens, cues, side, pad))


def logits(model: PairModel, rows) -> np.ndarray:
    out = np.zeros(len(rows))
    order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
    model.eval()
    with torch.inference_mode():
        for i in range(0, len(order), BATCH):
            chunk = order[i:i + BATCH]
            out[chunk] = model(*collate([rows[j] for j in chunk])).numpy()
    return out


def idiom_pairs() -> list[LabelledPair]:
    """The train-half idiom beads alone (672 pairs), without the documents around them."""
    rows = planting.load_flores()
    docs = [d for lang in planting.LANGS for d in planting.documents(rows, lang, "train")]
    return [LabelledPair(p.src, p.tgt, p.label, "en", doc.lang, f"idioms-{doc.lang}", p.kind,
                         p.heading)
            for doc in planting.add_idiom_beads(docs, "train", seed=IDIOM_SEED)
            for p in doc.pairs if p.kind in ("literal", "idiom-ok")]


def prepare(pairs: list[LabelledPair], store: TokenStore, center: np.ndarray):
    texts = [t for p in pairs for t in (p.src, p.tgt)]
    tv = dict(zip(texts, store.get(texts), strict=True))
    return [pair_rows(tv[p.src], tv[p.tgt], center) for p in pairs], tv


def detector_logits(pairs: list[LabelledPair], tv: dict, weigh, det) -> np.ndarray:
    out = np.zeros(len(pairs))
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[p.group].append(i)
    for idx in groups.values():
        p0 = pairs[idx[0]]
        sigs = document_signals([tv[pairs[i].src] for i in idx], [tv[pairs[i].tgt] for i in idx],
                                p0.src_lang, p0.tgt_lang, det.params, weigh)
        out[idx] = det.logit(np.stack([s.vector() for s in sigs]))
    return out


def best_mcc(y: np.ndarray, score: np.ndarray) -> float:
    return max(matthews_corrcoef(y, score >= th)
               for th in np.unique(np.quantile(score, np.linspace(0.3, 0.98, 69))))


def train(rows, y: np.ndarray, weight: np.ndarray, epochs: int) -> PairModel:
    torch.manual_seed(SEED)
    model = PairModel(rows[0][0].shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    lengths = np.array([len(r[0]) for r in rows])
    steps = epochs * (len(rows) // BATCH + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1e-3, total_steps=steps)
    for epoch in range(epochs):
        model.train()
        rng = np.random.default_rng(SEED + epoch)
        # Batches of similar lengths (little padding), visited in random order.
        order = np.argsort(lengths + rng.random(len(rows)) * 20, kind="stable")
        batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
        random.Random(SEED + epoch).shuffle(batches)
        total = 0.0
        for b in batches:
            loss = nn.functional.binary_cross_entropy_with_logits(
                model(*collate([rows[i] for i in b])), torch.from_numpy(y[b]),
                weight=torch.from_numpy(weight[b]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        print(f"  epoch {epoch + 1}/{epochs}: loss {total / len(batches):.4f}", file=sys.stderr,
              flush=True)
    return model


def finetune_cost(embedder, steps: int = 3, batch: int = 16) -> None:
    """Time full forward + backward passes of the encoder over concatenated WMT21 pairs."""
    transformer = embedder.model[0]
    model, tokenizer = transformer.auto_model, transformer.tokenizer
    pairs = load_wmt("en-de", "train", limit=steps * batch, seed=SEED)
    model.train()
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
    times, tokens = [], 0
    for i in range(steps):
        chunk = pairs[i * batch:(i + 1) * batch]
        enc = tokenizer([p.src for p in chunk], [p.tgt for p in chunk], padding=True,
                        truncation=True, max_length=128, return_tensors="pt")
        tokens += int(enc["attention_mask"].sum())
        start = time.perf_counter()
        out = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
        loss = out.last_hidden_state[:, 0].pow(2).mean()  # any scalar: only the cost is measured
        opt.zero_grad()
        loss.backward()
        opt.step()
        times.append(time.perf_counter() - start)
    per_pair = float(np.median(times)) / batch
    rows = len(load_wmt("en-de", "train"))
    print(f"encoder fine-tuning as a cross-encoder: {params / 1e6:.0f} M parameters, "
          f"{tokens / (steps * batch):.0f} tokens per pair, {per_pair:.2f} s per pair per step "
          f"(median of {steps} batches of {batch}, {torch.get_num_threads()} threads); one epoch "
          f"over the {rows:,} WMT21 en-de training rows: {per_pair * rows / 60:.0f} min")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--finetune-cost", action="store_true",
                    help="only measure what fine-tuning the encoder itself would cost")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    embedder = load_embedder(quiet=True)
    if args.finetune_cost:
        finetune_cost(embedder)
        return
    store = TokenStore(embedder)
    weigh = word_weights_for(embedder)
    det = load_detector()
    center = det.params.token_center.astype(np.float32)
    pairs = training_pairs() + idiom_pairs()
    rows, _ = prepare(pairs, store, center)
    y = np.array([p.label for p in pairs], np.float32)
    is_wmt = np.array([p.group.startswith("wmt") for p in pairs])
    weight = (np.where(is_wmt, 0.5 / is_wmt.sum(), 0.5 / (~is_wmt).sum()) * len(pairs))
    model = train(rows, y, weight.astype(np.float32), args.epochs)
    params = sum(p.numel() for p in model.parameters())
    print(f"{len(pairs)} training pairs, {params:,} parameters, trained in "
          f"{time.perf_counter() - t0:.0f} s\n")

    print("| WMT21 dev | pair model MCC (best thr.) | AUC | shipped detector MCC (best thr.) | AUC |")
    print("|---|---|---|---|---|")
    for pair in WMT_PAIRS:
        dev = load_wmt(pair, "dev")
        dev_rows, tv = prepare(dev, store, center)
        yy = np.array([p.label for p in dev])
        head, base = logits(model, dev_rows), detector_logits(dev, tv, weigh, det)
        print(f"| {pair} | {best_mcc(yy, head):.3f} | {roc_auc_score(yy, head):.3f} | "
              f"{best_mcc(yy, base):.3f} | {roc_auc_score(yy, base):.3f} |")

    planted = planted_pairs()
    p_rows, tv = prepare(planted, store, center)
    yy = np.array([p.label for p in planted])
    kinds = np.array([p.kind for p in planted])
    print("\n| planted (held-out) | AUC | recall at P >= 0.80 | "
          + " | ".join(planting.ERROR_TYPES) + " | idiom-ok flagged | clean flagged |")
    print("|---|---|---|" + "---|" * (len(planting.ERROR_TYPES) + 2))
    for name, score in (("pair model", logits(model, p_rows)),
                        ("shipped detector", detector_logits(planted, tv, weigh, det))):
        th = np.quantile(score, 1 - yy.mean())
        per = [f"{(score[kinds == k] >= th).mean():.2f}"
               for k in (*planting.ERROR_TYPES, "idiom-ok", "clean")]
        print(f"| {name} | {roc_auc_score(yy, score):.3f} | "
              f"{_recall_at_precision(score, yy, 0.8):.2f} | " + " | ".join(per) + " |")
    print(f"\n{time.perf_counter() - t0:.0f} s in all", file=sys.stderr)


if __name__ == "__main__":
    main()
