"""Ways to run the encoder: each turns texts into sentence vectors and token vectors in one pass.

``torch`` and ``torch-int8`` run the transformer with PyTorch (float32, or with its linear layers
dynamically quantized to int8); ``onnx`` and ``onnx-int8`` run an ONNX export of the same weights
with ONNX Runtime (:mod:`alignqa.embed.onnx_export`). All four take token ids from
:class:`~alignqa.embed.tokenizer.TextTokenizer` and pool the same way (mean over every token the
model saw, then L2 normalization, as the bundled model's sentence-transformers folder says), so
only the arithmetic of the forward pass differs between them. A user's sentence-transformers model
runs through :class:`SentenceTransformerBackend`, which keeps whatever pooling the model defines.

Texts are sorted by length and batched by a token budget, so a batch of short texts is wide and
one of long texts narrow: padding costs little and memory stays flat. The int8 backends quantize
activations with one scale per run, so a text's vector would depend on what it is batched with;
they run each text alone (measured no slower), so every backend gives a text the same vector
whatever else is encoded with it, in whatever process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .tokenizer import Encoded

BACKENDS = ("torch", "torch-int8", "onnx", "onnx-int8")
# Chosen by bench/throughput.py's side-by-side table under the accuracy conditions in
# docs/embeddings.md; the others stay selectable with --backend / `backend` in config.
DEFAULT_BACKEND = "onnx"
# Tokens per batch (padded length times rows) and the most rows in one batch (bench/throughput.py).
TOKEN_BUDGET = 256
MAX_BATCH = 32

# One pass over a batch: token ids and mask (rows, width) -> last hidden states (rows, width, dim).
Forward = Callable[[np.ndarray, np.ndarray], np.ndarray]


def length_batches(lengths: Sequence[int], budget: int = TOKEN_BUDGET,
                   max_rows: int = MAX_BATCH) -> Iterator[list[int]]:
    """Indices grouped into batches, longest first, each within ``budget`` padded tokens."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batch: list[int] = []
    for i in order:
        width = lengths[batch[0]] if batch else lengths[i]
        if batch and (len(batch) + 1 > max_rows or (len(batch) + 1) * width > budget):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


class PooledBackend:
    """Runs a :data:`Forward` over length batches, then mean-pools and normalizes."""

    def __init__(self, name: str, forward: Forward, pad_id: int, *,
                 per_text: bool = False, budget: int = TOKEN_BUDGET, max_rows: int = MAX_BATCH):
        self.name = name
        self._forward = forward
        self.pad_id = pad_id
        self.budget, self.max_rows = (1, 1) if per_text else (budget, max_rows)

    def embed(self, texts: list[str], encoded: list[Encoded], *,
              progress: bool = False) -> list[tuple[np.ndarray, np.ndarray]]:
        out: list[Any] = [None] * len(encoded)
        batches = list(length_batches([len(e.ids) for e in encoded], self.budget, self.max_rows))
        for batch in _progress(batches, progress):
            width = len(encoded[batch[0]].ids)
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encoded[i].ids)
                ids[row, :n] = encoded[i].ids
                mask[row, :n] = 1
            hidden = np.asarray(self._forward(ids, mask), dtype=np.float32)
            for row, i in enumerate(batch):
                states = hidden[row, :len(encoded[i].ids)]
                pooled = states.mean(axis=0)
                pooled /= max(float(np.linalg.norm(pooled)), 1e-12)
                out[i] = (pooled, np.ascontiguousarray(states))
        return out


class SentenceTransformerBackend:
    """Any sentence-transformers model: its own pooling, token vectors from the same pass."""

    def __init__(self, model: Any, *, prompt: str, batch_size: int, name: str = "torch"):
        self.model = model
        self.prompt = prompt
        self.batch_size = batch_size
        self.name = name

    def embed(self, texts: list[str], encoded: list[Encoded], *,
              progress: bool = False) -> list[tuple[np.ndarray, np.ndarray]]:
        outs = self.model.encode(texts, prompt=self.prompt or None, batch_size=self.batch_size,
                                 output_value=None, show_progress_bar=progress)
        result = []
        for out in outs:
            sentence = out["sentence_embedding"].detach().float().cpu().numpy()
            sentence = sentence / max(float(np.linalg.norm(sentence)), 1e-12)
            tokens = out["token_embeddings"].detach().float().cpu().numpy()
            # Embedder._run_model checks the token count against the tokenizer's, for every backend.
            result.append((sentence, tokens))
        return result


def load_backend(name: str, folder: Path, *, pad_id: int, threads: int | None) -> PooledBackend:
    """The backend ``name`` over a BERT-architecture model folder (the bundled model's)."""
    if name not in BACKENDS:
        raise ModelError(f"unknown backend {name!r} (choose one of {', '.join(BACKENDS)})")
    int8 = name.endswith("-int8")
    if name.startswith("torch"):
        forward = torch_forward(folder, int8=int8, threads=threads)
    else:
        from .onnx_export import ensure_onnx_model

        forward = onnx_forward(ensure_onnx_model(folder, int8=int8), threads=threads)
    return PooledBackend(name, forward, pad_id, per_text=int8)


def torch_transformer(folder: Path) -> Any:
    """The folder's transformer as a PyTorch module (eager attention, eval mode)."""
    from .loading import _quiet_loaders

    try:
        from transformers import AutoModel

        with _quiet_loaders():
            return AutoModel.from_pretrained(str(folder), local_files_only=True,
                                             attn_implementation="eager").eval()
    except Exception as exc:  # any loader failure names the folder
        raise ModelError(f"cannot load the transformer: {str(exc).splitlines()[0]}",
                         folder) from None


def quantize_int8(module: Any) -> Any:
    """``module`` with its linear layers dynamically quantized to int8 (torch-int8 backends)."""
    import warnings

    import torch
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch.ao.quantization announces its successor
        warnings.simplefilter("ignore")
        return quantize_dynamic(module, {torch.nn.Linear}, dtype=torch.qint8)


def torch_forward(folder: Path, *, int8: bool, threads: int | None) -> Forward:
    import torch

    if threads:
        torch.set_num_threads(threads)
    model = torch_transformer(folder)
    if int8:
        model = quantize_int8(model)

    def forward(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            out = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask))
        return out.last_hidden_state.numpy()

    return forward


def onnx_forward(path: Path, *, threads: int | None) -> Forward:
    try:
        import onnxruntime as ort
    except ImportError:
        raise ModelError("the onnx backends need the 'onnxruntime' package: "
                         "pip install onnxruntime") from None
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or 0  # 0: one per physical core
    options.inter_op_num_threads = 1
    # Spinning worker threads burn CPU while they wait; on a shared machine that is pure loss.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def forward(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    return forward


def threads_from_env() -> int | None:
    """``ALIGNQA_THREADS`` when set to a positive integer (the config key wins over it)."""
    raw = os.environ.get("ALIGNQA_THREADS", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


def _progress(batches: list[list[int]], show: bool) -> Any:
    if not show:
        return batches
    from tqdm.auto import tqdm

    return tqdm(batches, desc="Batches", file=sys.stderr)
