"""The bundled encoder fine-tuned as a cross-encoder: it reads a source and its translation together.

A probe, not shipped (research/README.md). Pooled sentence vectors
compare two texts encoded apart; a cross-encoder attends across the pair. The encoder's upper
layers carry low-rank (LoRA) updates and a small head scores the pair; only those factors and the
head are stored (``cross-encoder.safetensors`` in the alignqa cache dir, ~2 MB). The lower layers
are the embedder's own, so no second model is loaded. ``research/finetune_detector.py`` writes it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from safetensors import safe_open
from torch import nn

from alignqa.embed import default_cache_dir
from alignqa.errors import ModelError

ADAPTER_FILE = default_cache_dir() / "cross-encoder.safetensors"
MAX_LENGTH = 128
# The linear maps of one BERT layer that carry a low-rank update, by module path in the layer.
LORA_TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "intermediate.dense", "output.dense")


class Head(nn.Module):
    """The first token, and the mean of each side's tokens, to one log-odds value."""

    def __init__(self, dim: int, hidden: int = 256):
        super().__init__()
        self.norm = nn.LayerNorm(3 * dim)
        self.out = nn.Sequential(nn.Dropout(0.1), nn.Linear(3 * dim, hidden), nn.GELU(),
                                 nn.Linear(hidden, 1))

    def forward(self, h: torch.Tensor, side: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        pooled = [h[:, 0]]
        for s in (0, 1):
            keep = ((side == s) & ~pad).unsqueeze(-1).to(h.dtype)
            pooled.append((h * keep).sum(1) / keep.sum(1).clamp(min=1.0))
        return self.out(self.norm(torch.cat(pooled, dim=1))).squeeze(-1)


def run_layers(layers: Sequence[nn.Module], h: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
    """BERT layers over hidden states ``h``; ``pad`` is true at padding positions."""
    mask = pad[:, None, None, :].to(h.dtype) * torch.finfo(h.dtype).min
    for layer in layers:
        out = layer(h, attention_mask=mask)
        h = out[0] if isinstance(out, tuple) else out
    return h


def token_sides(input_ids: torch.Tensor, sep_id: int) -> torch.Tensor:
    """0 for the source's tokens, 1 for everything after the first separator."""
    is_sep = (input_ids == sep_id).long()
    return (is_sep.cumsum(-1) - is_sep > 0).long()


class CrossEncoder:
    """Scores aligned pairs: log-odds that the target does not say what the source says."""

    def __init__(self, model: Any, tokenizer: Any, from_layer: int, upper: nn.ModuleList,
                 head: Head):
        self.model, self.tokenizer = model, tokenizer
        self.from_layer, self.upper, self.head = from_layer, upper, head

    def logits(self, sources: Sequence[str], targets: Sequence[str],
               batch_size: int = 32) -> np.ndarray:
        out = np.zeros(len(sources), np.float32)
        # Pairs of similar length share a batch; each pair's score does not depend on its batch
        # beyond float rounding, and the order is fixed, so the same input gives the same output.
        order = sorted(range(len(sources)), key=lambda i: (len(sources[i]) + len(targets[i]), i))
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k:k + batch_size]
                h, side, pad = self.lower([sources[i] for i in idx], [targets[i] for i in idx])
                out[idx] = self.head(run_layers(self.upper, h, pad), side, pad).float().numpy()
        return out

    def lower(self, sources: Sequence[str], targets: Sequence[str]
              ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Hidden states below the fine-tuned layers, token sides and padding, for one batch."""
        enc = self.tokenizer(list(sources), list(targets), padding=True, truncation=True,
                             max_length=MAX_LENGTH, return_tensors="pt")
        pad = enc["attention_mask"] == 0
        h = self.model.embeddings(input_ids=enc["input_ids"])
        h = run_layers(self.model.encoder.layer[:self.from_layer], h, pad)
        return h, token_sides(enc["input_ids"], self.tokenizer.sep_token_id), pad


@functools.cache
def cross_encoder_for(embedder: Any) -> CrossEncoder:
    """The stored cross-encoder (``ADAPTER_FILE``) on ``embedder``'s model, built once."""
    try:
        with safe_open(str(ADAPTER_FILE), framework="pt") as fh:
            meta = dict(fh.metadata() or {})
            tensors = {k: fh.get_tensor(k) for k in fh.keys()}  # noqa: SIM118
    except (OSError, ValueError) as exc:
        raise ModelError(f"{ADAPTER_FILE}: cannot read the cross-encoder adapter ({exc}); "
                         f"run python -m research.finetune_detector") from exc
    if meta.get("model_id") != embedder.model_id:
        raise ModelError(f"{ADAPTER_FILE} was made for {meta.get('model_id')!r}, "
                         f"not {embedder.model_id!r}")
    transformer = embedder.model[0]
    model, tokenizer = transformer.auto_model, transformer.tokenizer
    from_layer, scale = int(meta["from_layer"]), float(meta["scale"])
    upper = copy.deepcopy(model.encoder.layer[from_layer:])
    with torch.no_grad():
        for i, layer in enumerate(upper):
            for name in LORA_TARGETS:
                linear = layer.get_submodule(name)
                a, b = tensors[f"upper.{i}.{name}.a"], tensors[f"upper.{i}.{name}.b"]
                linear.weight += scale * (b.float() @ a.float())
    head = Head(model.config.hidden_size, int(meta["head_hidden"]))
    head.load_state_dict({k[len("head."):]: v.float() for k, v in tensors.items()
                          if k.startswith("head.")})
    upper.eval()
    head.eval()
    return CrossEncoder(model, tokenizer, from_layer, upper, head)
