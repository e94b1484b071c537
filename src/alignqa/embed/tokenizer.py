"""The model's tokenizer on its own (the Rust ``tokenizers`` library): no torch, no model load.

Everything that only needs token ids, counts or spans (truncation warnings, token spans of cached
token vectors, the detector's word weights) uses this, so a run whose vectors are all cached
never has to load the encoder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any


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
                 loader: Callable[[], Any] | None = None):
        if tokenizer is None and loader is None:
            raise ValueError("TextTokenizer needs a tokenizer or a loader")
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

        return cls(prompt=prompt, max_tokens=max_tokens, loader=load)

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
    def unigram_scores(self) -> dict[str, float] | None:
        """Piece -> log-probability for a SentencePiece unigram vocabulary, else None."""
        model = json.loads(self._tok.to_str()).get("model", {})
        if model.get("type") != "Unigram":
            return None
        return {piece: float(score) for piece, score in model["vocab"]}
