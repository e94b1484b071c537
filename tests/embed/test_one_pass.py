"""One forward pass per text, cached sentence + token vectors, lazy model load, backends."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import alignqa
from alignqa.embed import BACKENDS, EmbeddingCache, load_embedder
from alignqa.errors import ModelError

pytestmark = pytest.mark.model

SRC = str(Path(alignqa.__file__).resolve().parents[1])
REPO = Path(__file__).resolve().parents[2]
TEXTS = ["Galvenās atziņas no sarunas ar klientu.", "Key Takeaways",
         "Kontrak ditandatangani pada 1 Maret 2024.", "双方于2024年3月1日签署了合同。"]


def test_token_vectors_come_from_the_sentence_pass(embedder, tmp_path):
    run = embedder.with_cache(EmbeddingCache(tmp_path / "e.sqlite3"))
    run.encode(TEXTS)
    assert run.encoder_calls == len(TEXTS)
    tokens = run.token_embeddings(TEXTS)
    assert run.encoder_calls == len(TEXTS) and run.token_calls == 0  # no second pass
    # A new process, in effect: everything from the cache, the model never asked for.
    again = embedder.with_cache(EmbeddingCache(tmp_path / "e.sqlite3"))
    again_tokens = again.token_embeddings(TEXTS)
    assert np.array_equal(again.encode(TEXTS), run.encode(TEXTS))
    assert again.encoder_calls == 0 and not again.loaded
    for a, b in zip(tokens, again_tokens, strict=True):
        assert a.tokens == b.tokens and a.offsets == b.offsets
        assert np.array_equal(a.vectors, b.vectors)  # float16 in memory and on disk alike


def test_results_do_not_depend_on_the_cache_or_the_companions(embedder, tmp_path):
    cached = embedder.with_cache(EmbeddingCache(tmp_path / "e.sqlite3"))
    plain = embedder.with_cache(None)
    alone = np.stack([plain.with_cache(None).encode([t])[0] for t in TEXTS])
    together = cached.encode(TEXTS[::-1])[::-1]
    assert np.array_equal(alone, together)
    tv_alone = [plain.with_cache(None).token_embeddings([t])[0].vectors for t in TEXTS]
    tv_cached = [t.vectors for t in cached.token_embeddings(TEXTS)]
    assert all(np.array_equal(a, b) for a, b in zip(tv_alone, tv_cached, strict=True))


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "torch"])
def test_every_backend_agrees_with_torch_float32(embedder, backend):
    reference = load_embedder(quiet=True, use_cache=False, backend="torch").encode(TEXTS)
    other = load_embedder(quiet=True, use_cache=False, backend=backend)
    vectors = other.encode(TEXTS)
    assert other.signature()["backend"] == backend
    bound = 0.9999 if backend == "onnx" else 0.95
    assert np.sum(reference * vectors, axis=1).min() > bound
    tokens = other.token_embeddings(TEXTS[:1])[0]
    assert tokens.vectors.shape == (len(tokens.tokens), other.dim)


def test_cache_keys_separate_backends(embedder, tmp_path):
    a = load_embedder(quiet=True, use_cache=False, backend="onnx")
    b = load_embedder(quiet=True, use_cache=False, backend="onnx-int8")
    a.cache = b.cache = EmbeddingCache(tmp_path / "e.sqlite3")
    a.encode(TEXTS[:1])
    b.encode(TEXTS[:1])
    assert a.encoder_calls == b.encoder_calls == 1


def test_unknown_backend_is_one_model_error():
    with pytest.raises(ModelError, match="unknown backend 'cuda'"):
        load_embedder(quiet=True, backend="cuda")


def _link_models(embedder, cache: Path) -> None:
    """A cache folder that shares the session's converted model (and its ONNX export)."""
    embedder.encode(["Export the model first, if this backend needs an export."])
    folder = Path(embedder.location)
    (cache / "models").mkdir(parents=True)
    for path in folder.parent.glob(folder.name + "*"):
        os.symlink(path, cache / "models" / path.name)


def test_fully_cached_check_never_loads_the_model_nor_imports_torch(embedder, tmp_path):
    _link_models(embedder, tmp_path / "cache")
    script = textwrap.dedent("""
        import sys
        from pathlib import Path

        from alignqa.config import load_config
        from alignqa.pipeline import run_check

        corpus = Path(sys.argv[1])
        result = run_check([corpus], load_config(None, corpus), quiet=True)
        loaded = [m for m in ("torch", "onnxruntime", "transformers", "sentence_transformers")
                  if m in sys.modules]
        print(len(result.findings), ",".join(loaded) or "-")
    """)
    env = {**os.environ, "PYTHONPATH": SRC, "ALIGNQA_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(REPO / "corpus")], env=env,
                           capture_output=True, text=True, timeout=600) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], [r.stderr[-2000:] for r in runs]
    cold, warm = (r.stdout.split() for r in runs)
    assert cold[0] == warm[0]  # same findings
    assert cold[1] != "-"  # the first run did load a runtime...
    assert warm[1] == "-", warm  # ...the second found every vector in the cache


def test_onnx_export_keeps_its_weights_beside_the_graph(embedder, tmp_path):
    """Weights as external data (mapped, not parsed), written whole even over the remains of an
    interrupted export, and the vectors of the export in use."""
    from alignqa.embed.backends import PooledBackend, onnx_forward
    from alignqa.embed.onnx_export import WEIGHTS_FILE, ensure_onnx_model, onnx_folder

    model_folder = tmp_path / "models" / "e5"
    model_folder.parent.mkdir()
    os.symlink(embedder.location, model_folder)
    stale = onnx_folder(model_folder) / WEIGHTS_FILE
    stale.parent.mkdir()
    stale.write_bytes(b"\0" * 4096)  # what a killed export leaves: weights but no graph
    graph = ensure_onnx_model(model_folder, int8=False)
    weights = graph.parent / WEIGHTS_FILE
    default = load_embedder(quiet=True, use_cache=False, backend="onnx")
    expected = default.encode(TEXTS)  # exports the default one, if need be
    default_weights = onnx_folder(Path(default.location)) / WEIGHTS_FILE
    assert graph.stat().st_size < 1_000_000 < weights.stat().st_size
    # The weights alone, not the weights after the 4 KB left before.
    assert weights.stat().st_size == default_weights.stat().st_size
    encoded = embedder.tokenizer.encode(TEXTS)
    ours = PooledBackend("onnx", onnx_forward(graph, threads=1), embedder.tokenizer.pad_id)
    assert np.array_equal(np.stack([s for s, _ in ours.embed(TEXTS, encoded)]), expected)
