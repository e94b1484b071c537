"""The tokenizer's unigram scores: stored beside tokenizer.json after the first parse, and the
same numbers for every piece as the vocabulary in the JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from alignqa.embed.tokenizer import TextTokenizer


def test_scores_match_the_json_vocabulary_and_are_stored_once(embedder, tmp_path):
    source = Path(embedder.location) / "tokenizer.json"
    copy = tmp_path / "tokenizer.json"
    shutil.copy(source, copy)
    first = TextTokenizer.from_file(copy, prompt="query: ", max_tokens=512)
    scores = first.unigram_scores
    stored = list(tmp_path.glob(".tokenizer.unigram-*.npy"))
    assert len(stored) == 1
    # The numbers as the tokenizer itself serializes them (what the detector always used).
    vocab = json.loads(first._tok.to_str())["model"]["vocab"]
    expected = {piece: float(score) for piece, score in vocab}
    assert len(scores) == len(vocab)
    assert all(scores.get(piece) == score for piece, score in expected.items())
    assert scores.get("no such piece at all \x00", -20.0) == -20.0
    # A second tokenizer reads the stored array: same mapping, no JSON parse.
    second = TextTokenizer.from_file(copy, prompt="query: ", max_tokens=512).unigram_scores
    assert all(second.get(piece) == score for piece, score in list(expected.items())[::97])
    # A rewritten tokenizer file is parsed again, not served stale scores.
    copy.write_bytes(copy.read_bytes() + b"\n")
    TextTokenizer.from_file(copy, prompt="query: ", max_tokens=512).unigram_scores  # noqa: B018
    assert len(list(tmp_path.glob(".tokenizer.unigram-*.npy"))) == 2
