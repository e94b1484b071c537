"""The model's tokenizer on its own (the Rust ``tokenizers`` library): no torch, no model load.

Everything that only needs token ids, counts or spans (truncation warnings, token spans of cached
token vectors, the detector's word weights) uses this, so a run whose vectors are all cached
never has to load the encoder.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Encoded:
    """One text as the model sees it: ids of ``prompt + text`` (truncated) and which of them
    stand for the text itself, with their character spans into the text as given."""

    ids: list[int]
    keep: list[int]
    spans: list[tuple[int, int]]
    tokens: list[str]
    untruncated: int


class TextTokenizer:
    """A ``tokenizers.Tokenizer`` with the model's prompt and token limit."""

    def __init__(self, tokenizer: Any = None, *, prompt: str, max_tokens: int,
                 loader: Callable[[], Any] | None = None, path: Path | None = None):
        if tokenizer is None and loader is None:
            raise ValueError("TextTokenizer needs a tokenizer or a loader")
        self.path = path  # the tokenizer.json it came from, when it came from one
        self._loaded = tokenizer
        self._loader = loader
        self.prompt = prompt
        self.max_tokens = max_tokens

    @classmethod
    def from_file(cls, path: str | Path, *, prompt: str, max_tokens: int) -> TextTokenizer:
        """A tokenizer read from ``tokenizer.json`` on first use: parsing its 250k-piece
        vocabulary costs half a second that a run served by the result cache never needs."""

        def load() -> Any:
            from tokenizers import Tokenizer

            return Tokenizer.from_file(str(path))

        return cls(prompt=prompt, max_tokens=max_tokens, loader=load, path=Path(path))

    @property
    def _tok(self) -> Any:
        if self._loaded is None:
            assert self._loader is not None
            tokenizer = self._loader()
            # Counts must be untruncated and unpadded; encode() truncates as transformers does.
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._loaded = tokenizer
        return self._loaded

    @cached_property
    def pad_id(self) -> int:
        pad = self._tok.token_to_id("<pad>")
        return int(pad) if pad is not None else 0

    def encode(self, texts: list[str]) -> list[Encoded]:
        """Each text's ids (cut at ``max_tokens``, ``</s>`` kept last) and kept tokens."""
        skip = len(self.prompt)
        out = []
        for text, enc in zip(texts, self._tok.encode_batch([self.prompt + t for t in texts]),
                             strict=True):
            ids, offsets, special = list(enc.ids), list(enc.offsets), list(enc.special_tokens_mask)
            tokens = list(enc.tokens)
            untruncated = len(ids)
            if len(ids) > self.max_tokens:
                # What transformers' truncation does: cut the text part, keep the closing token.
                cut = self.max_tokens - 1
                ids = ids[:cut] + ids[-1:]
                offsets = offsets[:cut] + offsets[-1:]
                special = special[:cut] + special[-1:]
                tokens = tokens[:cut] + tokens[-1:]
            keep, spans = [], []
            for j, ((start, end), is_special) in enumerate(zip(offsets, special, strict=True)):
                if is_special or end <= skip:
                    continue
                start, end = max(start - skip, 0), end - skip
                # Metaspace tokens carry the space before a word; the word is what they stand for.
                while start < end and text[start].isspace():
                    start += 1
                if start < end:
                    keep.append(j)
                    spans.append((start, end))
            out.append(Encoded(ids, keep, spans, [tokens[j] for j in keep], untruncated))
        return out

    def pieces(self, word: str) -> list[str]:
        """The vocabulary pieces of ``word`` as it appears after a space (no bare ``▁``)."""
        enc = self._tok.encode(" " + word, add_special_tokens=False)
        return [p for p in enc.tokens if p != "▁"]

    @cached_property
    def unigram_scores(self) -> Mapping[str, float] | None:
        """Piece -> log-probability for a SentencePiece unigram vocabulary, else None.

        Read from the serialized tokenizer once, then kept beside ``tokenizer.json`` as a
        float64 array in vocabulary order (``.npy``): parsing the 250k-piece vocabulary again
        costs a quarter of a second per run, loading the array a millisecond."""
        scores = self._stored_scores()
        if scores is None:
            model = json.loads(self._tok.to_str()).get("model", {})
            if model.get("type") != "Unigram":
                return None
            scores = np.array([float(score) for _, score in model["vocab"]], dtype=np.float64)
            self._store_scores(scores)
        return UnigramScores(self._tok, scores)

    def _scores_path(self) -> Path | None:
        if self.path is None:
            return None
        try:
            st = self.path.stat()
        except OSError:
            return None
        # The tokenizer file's size and time in the name: a rebuilt tokenizer gets new scores.
        return self.path.with_name(f".{self.path.stem}.unigram-{st.st_size}-{st.st_mtime_ns}.npy")

    def _stored_scores(self) -> np.ndarray | None:
        path = self._scores_path()
        if path is None or not path.is_file():
            return None
        try:
            scores = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None
        ok = scores.dtype == np.float64 and scores.ndim == 1
        return scores if ok and len(scores) <= self._tok.get_vocab_size() else None

    def _store_scores(self, scores: np.ndarray) -> None:
        path = self._scores_path()
        if path is None:
            return
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                np.save(fh, scores, allow_pickle=False)
            os.replace(tmp, path)
        except OSError:  # a read-only model folder: the scores are simply parsed each run
            with contextlib.suppress(OSError):
                tmp.unlink()


class UnigramScores(Mapping[str, float]):
    """Piece -> score through the tokenizer's own vocabulary (the same ids ``tokenizer.json``
    lists the pieces in), without a 250k-entry Python dict."""

    def __init__(self, tokenizer: Any, scores: np.ndarray):
        self._tok = tokenizer
        self._scores = scores

    def __getitem__(self, piece: str) -> float:
        i = self._tok.token_to_id(piece)
        if i is None or not 0 <= i < len(self._scores):
            raise KeyError(piece)
        return float(self._scores[i])

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self._scores)):
            yield self._tok.id_to_token(i)

    def __len__(self) -> int:
        return len(self._scores)
