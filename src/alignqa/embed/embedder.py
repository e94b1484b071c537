"""The embedder every later stage uses: sentence and token vectors from one cached pass."""

from __future__ import annotations

import json
import sys
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ModelError
from .backends import SentenceTransformerBackend
from .cache import EmbeddingCache, text_key
from .tokenizer import Encoded, TextTokenizer

# Encoding fewer new segments than this is quick enough that a progress bar would only flicker.
PROGRESS_MIN = 300
# Token vectors kept in memory, bounded by their bytes (a sentence's run from 1 kB to 400 kB):
# the run encodes every segment first and the detector then asks for each pair's token vectors,
# so a corpus of ~15,000 ordinary segments is served from memory, not read back from the cache.
MEMO_BYTES = 256 * 2**20
# Sentence vectors kept in memory: 1.5 kB each, so a whole corpus's (the run encodes every
# segment first, then each pair's aligner asks for its documents' vectors again).
VECTOR_MEMO_ENTRIES = 32768
# Tokenizations kept in memory (~2 kB each): the aligner, the detector and spans ask for the same
# texts' tokens after the run's first encoder call has tokenized every segment.
ENCODED_ENTRIES = 16384


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
    """A model (loaded on first need) with a prompt, an optional cache and counters.

    One forward pass gives a text's sentence vector and its token vectors; both are cached
    under the same key, so :meth:`encode` and :meth:`token_embeddings` never run the model twice
    for a text. The model itself loads lazily, on the first text that is not cached: a run whose
    vectors are all cached never loads it (nor imports torch, for the bundled model).

    ``encoder_calls`` counts the texts run through the model (cache misses) over the life of
    this object; ``token_calls`` the part of those that :meth:`token_embeddings` asked for;
    ``truncated`` counts texts cut at ``max_tokens``.
    """

    def __init__(self, model: Any = None, *, model_id: str, prompt: str = "",
                 cache: EmbeddingCache | None = None, quiet: bool = False, batch_size: int = 32,
                 source: dict[str, Any] | None = None, cache_salt: str = "",
                 location: str = "", backend: str = "torch",
                 loader: Callable[[], Any] | None = None,
                 st_loader: Callable[[], Any] | None = None,
                 tokenizer: TextTokenizer | None = None,
                 dim: int | None = None, max_tokens: int | None = None):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if model is None and (loader is None or tokenizer is None or not dim or not max_tokens):
            raise ValueError("a lazy Embedder needs loader, tokenizer, dim and max_tokens")
        self.model_id = model_id
        # Where the weights were loaded from (folder or hub id): for messages, not signatures.
        self.location = location or model_id
        self.prompt = prompt
        self.cache = cache
        self.quiet = quiet
        self.batch_size = batch_size
        self.backend_name = backend
        self.encoder_calls = 0
        self.token_calls = 0
        self.truncated = 0
        self._st = model
        self._st_loader = st_loader
        self._loader = loader
        self._backend: Any = None
        if model is not None and loader is None:
            self._backend = SentenceTransformerBackend(model, prompt=prompt,
                                                       batch_size=batch_size, name=backend)
        self.dim = int(dim) if dim else _dimension(model)
        self.max_tokens = int(max_tokens) if max_tokens else _max_tokens(model)
        self.tokenizer = tokenizer or _tokenizer_of(model, prompt, self.max_tokens, model_id)
        # source: portable facts about the model for signature(); cache_salt: local facts (file
        # sizes, mtimes) that must still change the cache keys when a local model is rebuilt.
        self._source = dict(source or {})
        self._cache_salt = cache_salt
        self._warned = False
        # Fresh results of this object, as the cache would return them (token vectors in
        # float16), so results do not depend on whether a cache is attached.
        self._memo: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._memo_bytes = 0
        # Sentence vectors of fresh results and cache hits: a run reads each row once.
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        # Tokenizations of the same texts: the aligner, the detector and spans all need them.
        self._encoded: OrderedDict[str, Encoded] = OrderedDict()
        # Everything that changes a vector for the same text: it prefixes every cache key.
        self._namespace = namespace(model_id, prompt, self.max_tokens, cache_salt, backend,
                                    self._source)

    @property
    def identity(self) -> str:
        """Everything that decides this embedder's vectors for a text (model, prompt, token
        limit, backend, weights' provenance): the embedding cache's key prefix, and part of
        the result cache's keys."""
        return self._namespace

    @property
    def loaded(self) -> bool:
        """Whether the encoder has been loaded (a fully cached run never loads it)."""
        return self._backend is not None

    @property
    def backend(self) -> Any:
        if self._backend is None:
            assert self._loader is not None
            self._backend = self._loader()
        return self._backend

    @property
    def model(self) -> Any:
        """The sentence-transformers model over the same weights, loaded on first use (for
        research scripts that reach into the transformer; the pipeline never needs it)."""
        if self._st is None:
            if self._st_loader is None:
                raise ModelError("this embedder has no sentence-transformers model",
                                 self.model_id)
            self._st = self._st_loader()
        return self._st

    def with_cache(self, cache: EmbeddingCache | None) -> Embedder:
        """A second embedder over the same (possibly not yet loaded) model, with its own cache
        and counters."""
        twin = Embedder(self._st, model_id=self.model_id, prompt=self.prompt, cache=cache,
                        quiet=self.quiet, batch_size=self.batch_size, source=self._source,
                        cache_salt=self._cache_salt, location=self.location,
                        backend=self.backend_name, loader=self._shared_backend,
                        st_loader=self._st_loader, tokenizer=self.tokenizer, dim=self.dim,
                        max_tokens=self.max_tokens)
        return twin

    def _shared_backend(self) -> Any:
        return self.backend

    def signature(self) -> dict[str, Any]:
        """What decides the vectors, for run signatures and reports (no machine paths)."""
        return {"model": self.model_id, "prompt": self.prompt, "dim": self.dim,
                "max_tokens": self.max_tokens, "backend": self.backend_name, **self._source}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), dim)`` float32, L2-normalized; cached texts are not encoded again."""
        texts = _as_texts(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self._rows(list(dict.fromkeys(texts)), tokens=False)
        return np.ascontiguousarray(np.stack([rows[t][0] for t in texts]), dtype=np.float32)

    def token_embeddings(self, texts: Sequence[str]) -> list[TokenEmbeddings]:
        """Per text: its tokens, their character spans in the text and their vectors."""
        texts = _as_texts(texts)
        if not texts:
            return []
        unique = list(dict.fromkeys(texts))
        encoded = self._tokenize(unique)
        rows = self._rows(unique, tokens=True, encoded=encoded)
        result = []
        for text in texts:
            enc = encoded[text]
            vectors = rows[text][1]
            result.append(TokenEmbeddings(text, list(enc.tokens), list(enc.spans),
                                          np.asarray(vectors, dtype=np.float32)))
        return result

    def _rows(self, unique: list[str], *, tokens: bool,
              encoded: dict[str, Encoded] | None = None
              ) -> dict[str, tuple[np.ndarray, np.ndarray | None]]:
        """Sentence and (when ``tokens``) token vectors of each text: memo, cache, then model."""
        rows: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
        for t in unique:
            hit = self._memo.get(t)
            if hit is not None:
                rows[t] = hit
            elif not tokens:
                vec = self._vectors.get(t)
                if vec is not None:
                    rows[t] = (vec, None)
        # Keys only serve the cache: without one, hashing every text would be work for nothing.
        keys = {t: text_key(self._namespace, t) for t in unique if t not in rows} \
            if self.cache is not None else {}
        if self.cache is not None and keys:
            found = self.cache.get_rows(list(keys.values()), self.dim, tokens=tokens)
            for t, key in keys.items():
                row = found.get(key)
                if row is None:
                    continue
                if tokens and (row[1] is None or encoded is None
                               or len(row[1]) != len(encoded[t].keep)):
                    continue  # a row written without token vectors (or for other tokens)
                rows[t] = row
                self._remember(t, row[0], row[1] if tokens else None)
        missing = [t for t in unique if t not in rows]
        if missing:
            fresh = self._run_model(missing, encoded, for_tokens=tokens)
            rows.update(fresh)
            if self.cache is not None:
                self.cache.put_many((keys[t], *fresh[t]) for t in missing)
        return rows

    def _run_model(self, texts: list[str], encoded: dict[str, Encoded] | None, *,
                   for_tokens: bool) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        if encoded is None or any(t not in encoded for t in texts):
            encoded = self._tokenize(texts)
        encs = [encoded[t] for t in texts]
        self._note_truncation(texts, encs)
        show = len(texts) >= PROGRESS_MIN and not self.quiet and _stderr_is_tty()
        outs = self.backend.embed(texts, encs, progress=show)
        self.encoder_calls += len(texts)
        if for_tokens:
            self.token_calls += len(texts)
        fresh = {}
        for text, enc, (sentence, states) in zip(texts, encs, outs, strict=True):
            if len(states) != len(enc.ids):
                raise ModelError(f"tokenizer gave {len(enc.ids)} tokens but the model returned "
                                 f"{len(states)} vectors", self.model_id)
            row = (np.asarray(sentence, dtype=np.float32).reshape(self.dim),
                   np.ascontiguousarray(states[enc.keep], dtype=np.float16))
            fresh[text] = row
            self._remember(text, *row)
        return fresh

    def _remember(self, text: str, vector: np.ndarray, tokens: np.ndarray | None) -> None:
        self._vectors[text] = vector
        if len(self._vectors) > VECTOR_MEMO_ENTRIES:
            self._vectors.popitem(last=False)
        if tokens is not None:
            old = self._memo.pop(text, None)
            if old is not None:
                self._memo_bytes -= old[1].nbytes
            self._memo[text] = (vector, tokens)
            self._memo_bytes += tokens.nbytes
            while self._memo_bytes > MEMO_BYTES and len(self._memo) > 1:
                self._memo_bytes -= self._memo.popitem(last=False)[1][1].nbytes

    def count_tokens(self, text: str) -> int:
        """Tokens the model would be fed for ``text``: prompt and special tokens included,
        before truncation; the text is truncated when this exceeds ``max_tokens``."""
        return self._tokenize([text])[text].untruncated

    def _tokenize(self, texts: list[str]) -> dict[str, Encoded]:
        out = {t: self._encoded[t] for t in texts if t in self._encoded}
        todo = [t for t in dict.fromkeys(texts) if t not in out]
        if todo:
            for text, enc in zip(todo, self.tokenizer.encode(todo), strict=True):
                out[text] = self._encoded[text] = enc
            while len(self._encoded) > ENCODED_ENTRIES:
                self._encoded.popitem(last=False)
        return out

    def _note_truncation(self, texts: list[str], encs: list[Encoded]) -> None:
        over = [(e.untruncated, t) for e, t in zip(encs, texts, strict=True)
                if e.untruncated > self.max_tokens]
        self.truncated += len(over)
        if over and not self._warned:
            self._warned = True
            longest, text = max(over, key=lambda pair: pair[0])
            warnings.warn(
                f"{len(over)} segment(s) exceed {self.model_id}'s {self.max_tokens} tokens and "
                f"were truncated (longest {longest} tokens: {text[:60]!r}...); later ones are "
                "counted in Embedder.truncated without a warning", UserWarning, stacklevel=5)

    def __repr__(self) -> str:
        return (f"Embedder({self.model_id!r}, backend={self.backend_name!r}, dim={self.dim}, "
                f"max_tokens={self.max_tokens})")


def namespace(model_id: str, prompt: str, max_tokens: int, salt: str, backend: str,
              source: dict[str, Any]) -> str:
    """The identity of an embedder's vectors: the embedding cache's key prefix
    (:attr:`Embedder.identity`)."""
    return json.dumps({"model": model_id, "prompt": prompt, "max_tokens": max_tokens,
                       "salt": salt, "backend": backend, **source}, sort_keys=True)


def _tokenizer_of(model: Any, prompt: str, max_tokens: int, model_id: str) -> TextTokenizer:
    hf = getattr(model, "tokenizer", None)
    backend = getattr(hf, "backend_tokenizer", None)
    if backend is None:
        raise ModelError("model has no fast tokenizer: token spans are unavailable", model_id)
    from tokenizers import Tokenizer

    return TextTokenizer(Tokenizer.from_str(backend.to_str()), prompt=prompt,
                         max_tokens=max_tokens)


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
