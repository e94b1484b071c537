"""The embedder every later stage uses: cached, normalized sentence vectors and token vectors."""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ModelError
from .cache import EmbeddingCache, text_key

# Encoding fewer new segments than this is quick enough that a progress bar would only flicker.
PROGRESS_MIN = 300


@dataclass(frozen=True)
class TokenEmbeddings:
    """Contextual vectors of one text's tokens, each with the span of the text it came from.

    ``offsets`` index the text as given (the prompt is not part of it); special tokens and tokens
    that stand for whitespace alone are left out. ``vectors`` are the encoder's last hidden states
    (float32, not normalized), one row per token.
    """

    text: str
    tokens: list[str]
    offsets: list[tuple[int, int]]
    vectors: np.ndarray


class Embedder:
    """A loaded sentence-transformers model with a prompt, an optional cache and counters.

    ``encoder_calls`` counts the texts :meth:`encode` actually ran through the model (cache
    misses) over the life of this object; ``token_calls`` counts texts given to
    :meth:`token_embeddings` (never cached); ``truncated`` counts texts cut at ``max_tokens``.
    """

    def __init__(self, model: Any, *, model_id: str, prompt: str = "",
                 cache: EmbeddingCache | None = None, quiet: bool = False, batch_size: int = 32,
                 source: dict[str, Any] | None = None, cache_salt: str = "",
                 location: str = ""):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.model = model
        self.model_id = model_id
        # Where the weights were loaded from (folder or hub id): for messages, not signatures.
        self.location = location or model_id
        self.prompt = prompt
        self.cache = cache
        self.quiet = quiet
        self.batch_size = batch_size
        self.encoder_calls = 0
        self.token_calls = 0
        self.truncated = 0
        # source: portable facts about the model for signature(); cache_salt: local facts (file
        # sizes, mtimes) that must still change the cache keys when a local model is rebuilt.
        self._source = dict(source or {})
        self._cache_salt = cache_salt
        self.dim = _dimension(model)
        self.max_tokens = _max_tokens(model)
        self._warned = False
        # Everything that changes a vector for the same text: it prefixes every cache key.
        self._namespace = json.dumps({"model": model_id, "prompt": prompt,
                                      "max_tokens": self.max_tokens, "salt": cache_salt,
                                      **self._source}, sort_keys=True)

    def with_cache(self, cache: EmbeddingCache | None) -> Embedder:
        """A second embedder over the same loaded model, with its own cache and counters."""
        return Embedder(self.model, model_id=self.model_id, prompt=self.prompt, cache=cache,
                        quiet=self.quiet, batch_size=self.batch_size, source=self._source,
                        cache_salt=self._cache_salt, location=self.location)

    def signature(self) -> dict[str, Any]:
        """What decides the vectors, for run signatures and reports (no machine paths)."""
        return {"model": self.model_id, "prompt": self.prompt, "dim": self.dim,
                "max_tokens": self.max_tokens, **self._source}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32, L2-normalized; cached texts are not encoded again."""
        texts = _as_texts(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        vectors: dict[str, np.ndarray] = {}
        keys: dict[str, bytes] = {}
        if self.cache is not None:
            keys = {t: text_key(self._namespace, t) for t in unique}
            found = self.cache.get_many(list(keys.values()), self.dim)
            vectors = {t: found[keys[t]] for t in unique if keys[t] in found}
        missing = [t for t in unique if t not in vectors]
        if missing:
            fresh = self._run_model(missing)
            vectors.update(zip(missing, fresh, strict=True))
            if self.cache is not None:
                self.cache.put_many((keys[t], v) for t, v in zip(missing, fresh, strict=True))
        return np.ascontiguousarray(np.stack([vectors[t] for t in texts]), dtype=np.float32)

    def _run_model(self, texts: list[str]) -> np.ndarray:
        self._check_lengths(texts)
        show = len(texts) >= PROGRESS_MIN and not self.quiet and _stderr_is_tty()
        out = self.model.encode(texts, prompt=self.prompt or None, batch_size=self.batch_size,
                                show_progress_bar=show, convert_to_numpy=True,
                                normalize_embeddings=True)
        self.encoder_calls += len(texts)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def token_embeddings(self, texts: Sequence[str]) -> list[TokenEmbeddings]:
        """Per text: its tokens, their character spans in the text and their vectors."""
        texts = _as_texts(texts)
        if not texts:
            return []
        tokenizer = self._tokenizer()
        self._check_lengths(texts)
        skip = len(self.prompt)
        enc = tokenizer([self.prompt + t for t in texts], return_offsets_mapping=True,
                        return_special_tokens_mask=True, truncation=True,
                        max_length=self.max_tokens)
        outs = self.model.encode(texts, prompt=self.prompt or None, batch_size=self.batch_size,
                                 output_value="token_embeddings", show_progress_bar=False)
        self.token_calls += len(texts)
        result = []
        for i, text in enumerate(texts):
            vectors = outs[i].detach().float().cpu().numpy()
            ids = enc["input_ids"][i]
            if len(ids) != len(vectors):
                raise ModelError(f"tokenizer gave {len(ids)} tokens but the model returned "
                                 f"{len(vectors)} vectors", self.model_id)
            keep, spans = [], []
            for j, ((start, end), special) in enumerate(
                    zip(enc["offset_mapping"][i], enc["special_tokens_mask"][i], strict=True)):
                if special or end <= skip:
                    continue
                start, end = max(start - skip, 0), end - skip
                # Metaspace tokens carry the space before a word; the word is what they stand for.
                while start < end and text[start].isspace():
                    start += 1
                if start < end:
                    keep.append(j)
                    spans.append((start, end))
            tokens = tokenizer.convert_ids_to_tokens([ids[j] for j in keep])
            result.append(TokenEmbeddings(text, list(tokens), spans,
                                          np.ascontiguousarray(vectors[keep], dtype=np.float32)))
        return result

    def count_tokens(self, text: str) -> int:
        """Tokens the model would be fed for ``text``: prompt and special tokens included,
        before truncation; the text is truncated when this exceeds ``max_tokens``."""
        return len(self._tokenizer()(self.prompt + text, verbose=False)["input_ids"])

    def _check_lengths(self, texts: list[str]) -> None:
        tokenizer = getattr(self.model, "tokenizer", None)
        if tokenizer is None:
            return
        enc = tokenizer([self.prompt + t for t in texts], verbose=False)
        counts = [len(ids) for ids in enc["input_ids"]]
        over = [(n, t) for n, t in zip(counts, texts, strict=True) if n > self.max_tokens]
        self.truncated += len(over)
        if over and not self._warned:
            self._warned = True
            longest, text = max(over, key=lambda pair: pair[0])
            warnings.warn(
                f"{len(over)} segment(s) exceed {self.model_id}'s {self.max_tokens} tokens and "
                f"were truncated (longest {longest} tokens: {text[:60]!r}...); later ones are "
                "counted in Embedder.truncated without a warning", UserWarning, stacklevel=4)

    def _tokenizer(self) -> Any:
        tokenizer = getattr(self.model, "tokenizer", None)
        if tokenizer is None or not getattr(tokenizer, "is_fast", False):
            raise ModelError("model has no fast tokenizer: token spans are unavailable",
                             self.model_id)
        return tokenizer

    def __repr__(self) -> str:
        return f"Embedder({self.model_id!r}, dim={self.dim}, max_tokens={self.max_tokens})"


def _stderr_is_tty() -> bool:
    return sys.stderr is not None and sys.stderr.isatty()


def _as_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("expected a sequence of texts, got a single string")
    out = list(texts)
    for t in out:
        if not isinstance(t, str):
            raise TypeError(f"expected str, got {type(t).__name__}")
    return out


def _dimension(model: Any) -> int:
    for name in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        method = getattr(model, name, None)
        if callable(method):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", FutureWarning)
                dim = method()
            if dim:
                return int(dim)
    return int(np.asarray(model.encode(["dimension"], convert_to_numpy=True)).shape[1])


def _max_tokens(model: Any) -> int:
    limit = getattr(model, "max_seq_length", None)
    if not limit:
        limit = getattr(getattr(model, "tokenizer", None), "model_max_length", None)
    # Tokenizers without a limit report a huge sentinel; 512 is what BERT-size encoders take.
    return int(limit) if limit and limit < 1_000_000 else 512
