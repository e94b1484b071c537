"""ONNX export of a model folder's transformer, built once beside the folder, verified, atomic.

The export traces the PyTorch transformer (so it needs torch once, at build time; running it
later needs only onnxruntime). The attention mask is expanded outside the model's own mask
helpers, which trace shape-dependent branches into constants. Before a file is published
under its final name its hidden states are compared with PyTorch's on the bundled model's
verification sentences; ``onnx-int8`` is then produced from it by ONNX Runtime's dynamic
quantization and checked the same way, with a looser bound.

The float32 weights live beside the graph in ``model.onnx.data`` (ONNX external data): ONNX
Runtime maps that file instead of parsing and copying 470 MB out of the graph, which cut
opening a session from 0.8 s to 0.1 s of CPU with bit-identical outputs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

# Bump when the export changes, so existing exports are rebuilt (2: weights as external data).
ONNX_FORMAT = 2
# The float32 export's weights, beside ``model.onnx``; the graph names this file.
WEIGHTS_FILE = "model.onnx.data"
# Mean-pooled cosine against PyTorch float32 that an export must reach to be published.
MIN_COSINE = {False: 0.9999, True: 0.98}


def onnx_folder(model_folder: Path) -> Path:
    return model_folder.parent / f"{model_folder.name}-onnx{ONNX_FORMAT}"


def ensure_onnx_model(model_folder: Path, *, int8: bool) -> Path:
    """Path of ``model.onnx`` (or ``model-int8.onnx``) for ``model_folder``, exporting it first."""
    folder = onnx_folder(model_folder)
    final = folder / ("model-int8.onnx" if int8 else "model.onnx")
    if final.is_file():
        return final
    from .bundled import _exclusive

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _exclusive(folder / ".lock"):
            if final.is_file():
                return final  # another process exported it while we waited
            print(f"alignqa: exporting the encoder to ONNX in {folder} (first use only)",
                  file=sys.stderr)
            base = folder / "model.onnx"
            if not base.is_file():
                _publish(base, lambda tmp: _export(model_folder, tmp, folder / WEIGHTS_FILE),
                         model_folder, int8=False)
            if int8:
                _publish(final, lambda tmp: _quantize(base, tmp), model_folder, int8=True)
    except OSError as exc:
        raise ModelError(f"cannot write the ONNX export: {exc.strerror or exc}", final) from None
    return final


def _publish(final: Path, build: Any, model_folder: Path, *, int8: bool) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.tmp-", dir=final.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        build(tmp)
        _verify(tmp, model_folder, int8=int8)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def _export(model_folder: Path, dest: Path, weights: Path) -> None:
    """The graph into ``dest``, its weights into ``weights`` (a name the graph records, so the
    file is written under its final name: ``model.onnx``, published last, is what marks an
    export complete)."""
    import onnx
    import torch

    from .backends import torch_transformer

    model = torch_transformer(model_folder)

    class LastHiddenState(torch.nn.Module):
        def __init__(self, bert: Any):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.bert.embeddings(input_ids=input_ids,
                                          token_type_ids=torch.zeros_like(input_ids))
            additive = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * \
                torch.finfo(hidden.dtype).min
            for layer in self.bert.encoder.layer:
                out = layer(hidden, attention_mask=additive)
                hidden = out[0] if isinstance(out, tuple) else out
            return hidden

    ids = torch.tensor([[0, 100, 200, 2], [0, 100, 2, 1]])
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    axes = {0: "batch", 1: "tokens"}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(LastHiddenState(model), (ids, mask), str(dest),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "last_hidden_state": axes},
                          opset_version=17, dynamo=False)
    graph = onnx.load(str(dest))
    # onnx appends to an existing weights file: one left by an interrupted export must go.
    weights.unlink(missing_ok=True)
    onnx.save_model(graph, str(dest), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=weights.name, size_threshold=1024)
    os.chmod(weights, 0o666 & ~_umask())


def _quantize(source: Path, dest: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    # It suggests a pre-processing pass meant for static quantization: noise here.
    logging.getLogger().setLevel(logging.ERROR)
    quantize_dynamic(str(source), str(dest), weight_type=QuantType.QInt8, per_channel=True)


def _verify(path: Path, model_folder: Path, *, int8: bool) -> None:
    """Pooled vectors of the export against PyTorch float32 on the verification sentences."""
    from .backends import PooledBackend, onnx_forward, torch_forward
    from .bundled import PROMPT, VERIFY_SENTENCES
    from .tokenizer import TextTokenizer

    tok = TextTokenizer.from_file(model_folder / "tokenizer.json", prompt=PROMPT, max_tokens=512)
    texts = list(VERIFY_SENTENCES)
    encoded = tok.encode(texts)
    pad = tok.pad_id
    ref = PooledBackend("torch", torch_forward(model_folder, int8=False, threads=None), pad)
    new = PooledBackend("onnx", onnx_forward(path, threads=None), pad, per_text=int8)
    a = np.stack([s for s, _ in ref.embed(texts, encoded)])
    b = np.stack([s for s, _ in new.embed(texts, encoded)])
    cosine = float(np.sum(a * b, axis=1).min())
    if not cosine >= MIN_COSINE[int8]:
        raise ModelError(f"ONNX export disagrees with PyTorch (min cosine {cosine:.5f} < "
                         f"{MIN_COSINE[int8]})", path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
