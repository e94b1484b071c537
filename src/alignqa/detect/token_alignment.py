"""Token-level cross-lingual coverage: which content words of one side have no counterpart.

The encoder's contextual token vectors of both sides are pooled into words (subword pieces that
touch), and each word is linked to its most similar word on the other side. A word is *covered*
when the link is mutual (each is the other's best match, as in SimAlign's argmax rule) or when its
best similarity comes close to the pair's mutual links. Words the model's own vocabulary calls
frequent (function words) weigh little, so coverage is about content. Uncovered content words
are what a reviewer should look at: they become the finding's highlighted spans.

Word vectors are centred on a fixed mean token vector before the cosine (contextual vectors share
a large common direction that otherwise makes every pair of words look alike); the mean comes
with the detector's weights, so it never depends on the text at hand.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

# A word's best match may fall this far below the pair's typical mutual link and still count.
COVER_SLACK = 0.15
# Words weighing less than this are not named in spans (they still count, lightly, in coverage).
SPAN_MIN_WEIGHT = 0.5


@dataclass(frozen=True)
class TokenVectors:
    """One text's tokens: character spans into ``text`` and contextual vectors (one row each)."""

    text: str
    offsets: list[tuple[int, int]]
    vectors: np.ndarray


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    weight: float


@dataclass
class Coverage:
    """How much of each side's content the other side covers, and what is left uncovered.

    ``*_coverage`` is the weighted share of content words that are covered (1.0 for a side with
    no content words); ``*_worst`` the lowest best-match similarity among content words after the
    hubness correction (1.0 when none); ``*_gaps`` the spans of uncovered content words, least
    covered first.
    """

    src_coverage: float
    tgt_coverage: float
    src_worst: float
    tgt_worst: float
    src_gaps: list[tuple[int, int]]
    tgt_gaps: list[tuple[int, int]]
    mutual_mean: float
    # Every word of each side with its best similarity to the other side (before CSLS).
    src_words: list[tuple[int, int, float]] = field(default_factory=list)
    tgt_words: list[tuple[int, int, float]] = field(default_factory=list)

    def best_match(self, side: str, span: tuple[int, int]) -> float | None:
        """The best similarity of the words overlapping ``span`` on ``side`` ("src"/"tgt")."""
        words = self.src_words if side == "src" else self.tgt_words
        hits = [b for s, e, b in words if s < span[1] and span[0] < e]
        return max(hits) if hits else None


def _is_cjk(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def group_words(tv: TokenVectors) -> list[tuple[int, int, list[int]]]:
    """Words as (start, end, token indices): touching pieces join, punctuation stands apart.

    CJK characters have no spaces between words, so each CJK token is a word of its own.
    """
    words: list[tuple[int, int, list[int]]] = []
    for i, (start, end) in enumerate(tv.offsets):
        piece = tv.text[start:end]
        if not any(ch.isalnum() for ch in piece):
            continue
        joins = (words and words[-1][1] == start and not _is_cjk(piece[0])
                 and not _is_cjk(tv.text[start - 1]))
        if joins:
            s, _, idx = words[-1]
            words[-1] = (s, end, [*idx, i])
        else:
            words.append((start, end, [i]))
    return words


# Words of one token count: row numbers in the word list, and their tokens (one row per word).
_MeanPlan = tuple[tuple[np.ndarray, np.ndarray], ...]


def _mean_plan(groups: list[list[int]]) -> _MeanPlan:
    by_size: dict[int, list[int]] = {}
    for w, idx in enumerate(groups):
        by_size.setdefault(len(idx), []).append(w)
    return tuple((np.array(words), np.array([groups[w] for w in words]))
                 for words in by_size.values())


def _word_means(vectors: np.ndarray, plan: _MeanPlan, n: int) -> np.ndarray:
    """Each word's mean token vector, as float32. Words of one size are averaged in one call (a
    mean per word was a third of the detector's time); ``mean(axis=1)`` of the stacked groups
    gives the very bits of each group's own ``mean(axis=0)``, in the vectors' own dtype, and a
    one-token word is its token (the mean of one value is that value)."""
    out = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for words, tokens in plan:
        out[words] = vectors[tokens[:, 0]] if tokens.shape[1] == 1 else \
            vectors[tokens].mean(axis=1)
    return out


def word_vectors(tv: TokenVectors, weigh: Callable[[str], float],
                 center: np.ndarray | None) -> tuple[list[Word], np.ndarray]:
    """The words of ``tv`` with their weights, and their centred, unit-length vectors."""
    words, plan = _weighted_words(tv.text, tuple(map(tuple, tv.offsets)), weigh)
    if not words:
        return [], np.zeros((0, tv.vectors.shape[1] if tv.vectors.ndim == 2 else 0), np.float32)
    vecs = _word_means(tv.vectors, plan, len(words))
    if center is not None:
        vecs = vecs - center
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return list(words), vecs


# A source document is compared once per target language, and the words of a text depend on
# its characters and token spans only: each is grouped and weighed once.
@lru_cache(maxsize=8192)
def _weighted_words(text: str, offsets: tuple[tuple[int, int], ...],
                    weigh: Callable[[str], float]) -> tuple[tuple[Word, ...], _MeanPlan]:
    groups = group_words(TokenVectors(text, list(offsets), np.zeros((0, 0))))
    return (tuple(Word(s, e, text[s:e], weigh(text[s:e])) for s, e, _ in groups),
            _mean_plan([idx for _, _, idx in groups]))


def coverage(src: TokenVectors, tgt: TokenVectors, weigh: Callable[[str], float],
             center: np.ndarray | None = None) -> Coverage:
    sw, sv = word_vectors(src, weigh, center)
    tw, tv = word_vectors(tgt, weigh, center)
    if not sw or not tw:
        # One side has no words at all: everything on the other side is uncovered.
        return Coverage(float(not sw), float(not tw), 1.0 if not sw else -1.0,
                        1.0 if not tw else -1.0, _spans(sw, range(len(sw))),
                        _spans(tw, range(len(tw))), 0.0)
    sim = sv @ tv.T
    # The same string on both sides (names, numbers, codes) is a counterpart whatever the vectors.
    same = np.array([w.text.casefold() for w in sw], dtype=object)[:, None] == \
        np.array([w.text.casefold() for w in tw], dtype=object)[None, :]
    sim = np.where(same, 1.0, sim)
    best_t = sim.argmax(axis=1)
    best_s = sim.argmax(axis=0)
    mutual = [(i, int(j)) for i, j in enumerate(best_t) if best_s[j] == i]
    mutual_mean = float(np.mean([sim[i, j] for i, j in mutual])) if mutual else 0.0
    floor = mutual_mean - COVER_SLACK
    src_linked = {i for i, _ in mutual}
    tgt_linked = {j for _, j in mutual}
    src_best = sim.max(axis=1)
    tgt_best = sim.max(axis=0)
    adj = _csls(sim)
    cov_s, worst_s, gaps_s = _side(sw, src_best, adj.max(axis=1), src_linked, floor)
    cov_t, worst_t, gaps_t = _side(tw, tgt_best, adj.max(axis=0), tgt_linked, floor)
    return Coverage(cov_s, cov_t, worst_s, worst_t, gaps_s, gaps_t, mutual_mean,
                    [(w.start, w.end, float(b)) for w, b in zip(sw, src_best, strict=True)],
                    [(w.start, w.end, float(b)) for w, b in zip(tw, tgt_best, strict=True)])


def _csls(sim: np.ndarray, k: int = 3) -> np.ndarray:
    """Similarities corrected for hubness (CSLS, Conneau et al. 2018), within the pair.

    A word that is fairly similar to everything (a hub) gets no credit for it: its score with a
    word is twice their cosine minus each one's mean similarity to its k nearest words opposite.
    """
    ks, kt = min(k, sim.shape[1]), min(k, sim.shape[0])
    r_src = -np.sort(-sim, axis=1)[:, :ks].mean(axis=1)
    r_tgt = -np.sort(-sim, axis=0)[:kt, :].mean(axis=0)
    return 2 * sim - r_src[:, None] - r_tgt[None, :]


def _side(words: Sequence[Word], best: np.ndarray, best_adjusted: np.ndarray, linked: set[int],
          floor: float) -> tuple[float, float, list[tuple[int, int]]]:
    weights = np.array([w.weight for w in words])
    covered = np.array([i in linked or best[i] >= floor for i in range(len(words))])
    total = weights.sum()
    share = float((weights * covered).sum() / total) if total > 0 else 1.0
    content = [i for i, w in enumerate(words) if w.weight >= SPAN_MIN_WEIGHT]
    worst = float(min(best_adjusted[i] for i in content)) if content else 1.0
    gaps = sorted((i for i in content if not covered[i]), key=lambda i: best_adjusted[i])
    return share, worst, _spans(words, gaps)


def _spans(words: Sequence[Word], idx: Sequence[int] | range) -> list[tuple[int, int]]:
    return [(words[i].start, words[i].end) for i in idx]


class WordWeights:
    """How much a word carries content, from the tokenizer's unigram log-probabilities.

    The self-information of a word (minus the sum of its pieces' log-probabilities under the
    model's own SentencePiece unigram vocabulary) is low for function words in every language
    the model knows ('the' 7.3, Latvian 'ir' 8.0, Indonesian 'dan' 7.7) and high for content
    words ('client' 12.1, 'penting' 11.6). It maps linearly onto a weight in [0, 1] between
    ``low`` and ``high``. Numbers weigh 0: the number rule compares them.
    """

    def __init__(self, scores: dict[str, float] | None, tokenize: Callable[[str], list[str]],
                 low: float = 9.0, high: float = 12.0):
        self.scores = scores
        self.tokenize = tokenize
        self.low, self.high = low, high
        self._cache: dict[str, float] = {}

    def __call__(self, word: str) -> float:
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = self._weight(word)
        return hit

    def information(self, word: str) -> float:
        if self.scores is None:
            # No unigram vocabulary (another tokenizer family): longer words carry more.
            return 4.0 + 1.5 * len(word)
        pieces = self.tokenize(word)
        return float(sum(-self.scores.get(p, -20.0) for p in pieces))

    def _weight(self, word: str) -> float:
        if not any(ch.isalpha() for ch in word):
            return 0.0
        info = self.information(word)
        return float(np.clip((info - self.low) / (self.high - self.low), 0.0, 1.0))


def word_weights_for(embedder: Any) -> WordWeights:
    """WordWeights from an embedder's tokenizer (one per model id, built on first use).

    An alignqa Embedder's own tokenizer needs no model load; anything else offering a
    transformers tokenizer as ``embedder.model.tokenizer`` works too.
    """
    text_tokenizer = getattr(embedder, "tokenizer", None)
    if hasattr(text_tokenizer, "pieces") and hasattr(text_tokenizer, "unigram_scores"):
        return _text_word_weights(embedder.model_id, text_tokenizer)
    return _word_weights(embedder.model_id, _tokenizer_of(embedder))


def _tokenizer_of(embedder: Any) -> Any:
    return getattr(getattr(embedder, "model", None), "tokenizer", None)


@lru_cache(maxsize=4)
def _text_word_weights(model_id: str, tokenizer: Any) -> WordWeights:
    return WordWeights(tokenizer.unigram_scores, tokenizer.pieces)


@lru_cache(maxsize=4)
def _word_weights(model_id: str, tokenizer: Any) -> WordWeights:
    scores = _unigram_scores(tokenizer)

    def tokenize(word: str) -> list[str]:
        ids = tokenizer(" " + word, add_special_tokens=False)["input_ids"]
        return [p for p in tokenizer.convert_ids_to_tokens(ids) if p != "▁"]

    return WordWeights(scores, tokenize)


def _unigram_scores(tokenizer: Any) -> dict[str, float] | None:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        return None
    model = json.loads(backend.to_str()).get("model", {})
    if model.get("type") != "Unigram":
        return None
    return {piece: float(score) for piece, score in model["vocab"]}
