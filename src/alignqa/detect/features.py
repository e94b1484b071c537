"""Signals per aligned pair, computed over one document pair at a time.

Raw cosines of the bundled model are squeezed into 0.75-0.96 and move by 0.00-0.06 when an
error is planted, so no signal here is a raw cosine alone. Each is relative to something:

- to what pairs of that length score (short segments such as headings score lower; the expected
  cosine per length is fitted on clean training pairs and shipped with the weights);
- to the document's own pairs (a robust z-score, shrunk towards the training prior when the
  document has few pairs, so that one heading in a five-line file does not become an outlier
  by construction);
- to the nearest neighbours inside the document (a margin over the k nearest other segments, as
  in LASER mining but as a difference, which stays meaningful for any sign of the cosine; and
  whether another segment of the document matches better);
- to the other side, word by word (:mod:`.token_alignment`);
- to rules that embeddings are blind to: numbers and negation;
- to the *content risk* of each side: a direction of the embedding space, fitted on the WMT21
  critical-error training sources, along which profanity, insults and other sensitive content
  lie; a pair whose two sides differ along it lost or gained such content.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .negation import mismatch_spans
from .numbers import number_mismatch
from .token_alignment import Coverage, TokenVectors, coverage

FEATURES = (
    "cos_vs_length",      # pooled cosine minus the cosine expected at this length
    "cos_doc_z",          # the same, as a robust z-score among the document's pairs
    "margin",             # cosine minus the mean cosine of the k nearest other segments
    "rival_gap",          # cosine minus the best cosine with another segment of the document
    "short",              # 1 / sqrt(words): short segments behave differently
    "src_coverage",       # weighted share of source content words with a target counterpart
    "tgt_coverage",
    "src_worst",          # lowest best-match similarity of a source content word
    "tgt_worst",
    "length_dev",         # |log length ratio - the document's median log length ratio|
    "numbers",            # numbers that differ (0, 1, 2 = two or more)
    "negation",           # one side negates, the other not: how unmatched the cue word is
    "copied",             # share of target content words copied verbatim from the source
    "risk_src",           # content risk of the source
    "risk_drop",          # |content risk of source - content risk of target|
)


# At or below this many words, word-level coverage says nothing: two or three words always find
# their mutual best matches, whether the rendering is right or wrong ('Key Takeaways' against
# a wrong-sense 'Taustiņu izņemšana' links word for word). Such pairs get constant coverage
# signals, so the model judges them on their sentence-level similarity alone.
COVERAGE_MIN_WORDS = 5


@dataclass
class Params:
    """Fitted constants the signals need (they travel in the weights JSON)."""

    token_center: np.ndarray
    length_knots: list[float]          # log(words) knots of the expected-cosine curve
    length_values: list[float]         # expected cosine at each knot
    doc_prior_sd: float                # spread of cos_vs_length in a clean document
    doc_prior_weight: float            # pseudo-pairs the prior counts for in small documents
    neighbour_prior: float             # mean k-NN cosine used when a document has one pair
    rival_prior: float                 # rival_gap used when a document has one pair
    risk_direction: np.ndarray
    risk_bias: float

    def expected_cos(self, words: np.ndarray) -> np.ndarray:
        return np.interp(np.log(np.maximum(words, 1)), self.length_knots, self.length_values)


@dataclass
class PairSignals:
    """One pair's feature vector plus what explains it (spans per side, coverage details)."""

    src_text: str
    tgt_text: str
    values: dict[str, float]
    coverage: Coverage
    number_spans: tuple[list[tuple[int, int]], list[tuple[int, int]]]
    negation_spans: tuple[list[tuple[int, int]], list[tuple[int, int]]]
    doc_pairs: int
    rival: int | None = None  # index of a pair whose segments match better, if any
    extra: dict[str, float] = field(default_factory=dict)

    def vector(self) -> np.ndarray:
        return np.array([self.values[f] for f in FEATURES], dtype=np.float64)


def pooled(tv: TokenVectors) -> np.ndarray:
    """A sentence vector from token vectors: their mean, unit length (zeros for no tokens)."""
    if len(tv.vectors) == 0:
        return np.zeros(tv.vectors.shape[1] if tv.vectors.ndim == 2 else 1, np.float32)
    v = tv.vectors.mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-9)


def word_count(text: str) -> int:
    """Words, counting each CJK character as one (those scripts put no spaces between words)."""
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return max(1, len(text.split()) + cjk // 2)


def document_signals(src: Sequence[TokenVectors], tgt: Sequence[TokenVectors], src_lang: str,
                     tgt_lang: str, params: Params,
                     weigh: Callable[[str], float]) -> list[PairSignals]:
    """Signals for every pair of one document pair; ``src[i]`` is aligned with ``tgt[i]``."""
    n = len(src)
    if n != len(tgt):
        raise ValueError("src and tgt must have one entry per pair")
    if n == 0:
        return []
    s = np.stack([pooled(t) for t in src])
    t = np.stack([pooled(t) for t in tgt])
    sim = s @ t.T
    cos = np.diag(sim).astype(np.float64)
    words = np.array([min(word_count(a.text), word_count(b.text)) for a, b in zip(src, tgt,
                                                                                   strict=True)])
    vs_len = cos - params.expected_cos(words)
    z = _robust_z(vs_len, params.doc_prior_sd, params.doc_prior_weight)
    margin, rival_gap, rivals = _neighbours(sim, params)
    log_ratio = np.log([(len(b.text) + 1) / (len(a.text) + 1) for a, b in zip(src, tgt,
                                                                                strict=True)])
    length_dev = np.abs(log_ratio - np.median(log_ratio)) if n >= 3 else np.zeros(n)
    # 1 = the pair that falls furthest below its expected similarity in this document.
    rank = np.argsort(np.argsort(vs_len, kind="stable"), kind="stable") + 1
    risk_s = s @ params.risk_direction + params.risk_bias
    risk_t = t @ params.risk_direction + params.risk_bias
    out = []
    for i in range(n):
        cov = coverage(src[i], tgt[i], weigh, params.token_center)
        if words[i] < COVERAGE_MIN_WORDS:
            cov = replace(cov, src_coverage=1.0, tgt_coverage=1.0, src_worst=1.0, tgt_worst=1.0,
                          src_gaps=[], tgt_gaps=[])
        missing, extra = number_mismatch(src[i].text, src_lang, tgt[i].text, tgt_lang)
        neg = _negation(src[i].text, src_lang, tgt[i].text, tgt_lang)
        values = {
            "cos_vs_length": float(vs_len[i]),
            "cos_doc_z": float(z[i]),
            "margin": float(margin[i]),
            "rival_gap": float(rival_gap[i]),
            "short": float(1.0 / np.sqrt(words[i])),
            "src_coverage": cov.src_coverage,
            "tgt_coverage": cov.tgt_coverage,
            "src_worst": cov.src_worst,
            "tgt_worst": cov.tgt_worst,
            "length_dev": float(length_dev[i]),
            "numbers": float(min(len(missing) + len(extra), 2)),
            "negation": _negation_signal(neg, cov),
            "copied": _copied(src[i].text, tgt[i].text, weigh) if src_lang != tgt_lang else 0.0,
            "risk_src": float(risk_s[i]),
            "risk_drop": float(abs(risk_s[i] - risk_t[i])),
        }
        out.append(PairSignals(src[i].text, tgt[i].text, values, cov, (missing, extra), neg, n,
                               rivals[i],
                               {"cos": float(cos[i]), "rank": float(rank[i])}))
    return out


def _robust_z(x: np.ndarray, prior_sd: float, prior_weight: float) -> np.ndarray:
    """(x - centre) / spread, each pair against the *other* pairs of its document.

    The centre is the median of the others, the spread their MAD (as a standard deviation), both
    shrunk towards (0, prior_sd) with the weight of ``prior_weight`` pairs: ``x`` is already
    relative to the length curve, so a document of one pair is judged by the curve alone and a
    long document mostly by its own distribution.
    """
    n = len(x)
    k = n - 1
    med = np.zeros(n)
    mad_sd = np.full(n, float(prior_sd))
    # Row i of a block holds every value but x[i]; blocks bound the memory to ~1M values.
    rows = max(1, _ROBUST_Z_BLOCK // max(k, 1))
    for start in range(0, n if k else 0, rows):
        i = np.arange(start, min(start + rows, n))[:, None]
        j = np.arange(k)[None, :]
        others = x[j + (j >= i)]
        med[i[:, 0]] = np.median(others, axis=1)
        if k >= 3:
            mad_sd[i[:, 0]] = 1.4826 * np.median(np.abs(others - med[i]), axis=1)
    centre = k * med / (k + prior_weight)
    sd = np.sqrt((k * mad_sd ** 2 + prior_weight * prior_sd ** 2) / (k + prior_weight))
    return (x - centre) / np.maximum(sd, 1e-6)


_ROBUST_Z_BLOCK = 1 << 20


def _neighbours(sim: np.ndarray, params: Params,
                k: int = 3) -> tuple[np.ndarray, np.ndarray, list[int | None]]:
    n = len(sim)
    cos = np.diag(sim)
    if n == 1:
        return (cos - params.neighbour_prior, np.full(1, params.rival_prior), [None])
    kk = min(k, n - 1)
    off = sim.copy()
    np.fill_diagonal(off, -np.inf)
    row_knn = -np.sort(-off, axis=1)[:, :kk].mean(axis=1)  # source i vs other targets
    col_knn = -np.sort(-off, axis=0)[:kk, :].mean(axis=0)  # target i vs other sources
    margin = cos - (row_knn + col_knn) / 2
    best_row = off.max(axis=1)
    best_col = off.max(axis=0)
    rival_gap = cos - np.maximum(best_row, best_col)
    rivals: list[int | None] = []
    for i in range(n):
        if rival_gap[i] >= 0:
            rivals.append(None)
        elif best_row[i] >= best_col[i]:
            rivals.append(int(off[i].argmax()))
        else:
            rivals.append(int(off[:, i].argmax()))
    return margin, rival_gap, rivals


def _negation(src: str, src_lang: str, tgt: str,
              tgt_lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    # Only the negating side's cues: a weak cue opposite (a negative prefix, litotes) cancels.
    return mismatch_spans(src, src_lang, tgt, tgt_lang)


def _negation_signal(neg: tuple[list[tuple[int, int]], list[tuple[int, int]]],
                     cov: Coverage) -> float:
    """0 unless exactly one side negates; then 1 minus the cue word's best match opposite.

    A cue whose word does find a close counterpart ("not unusual" against Latvian "nereti",
    literally "not rarely") is less likely a dropped negation than one with nothing opposite.
    """
    src_neg, tgt_neg = neg
    if bool(src_neg) == bool(tgt_neg):
        return 0.0
    side, spans = ("src", src_neg) if src_neg else ("tgt", tgt_neg)
    best = [b for b in (cov.best_match(side, s) for s in spans) if b is not None]
    return float(np.clip(1.0 - min(best), 0.0, 1.0)) if best else 1.0


def _copied(src: str, tgt: str, weigh: Callable[[str], float]) -> float:
    """Share of the target's lower-case content words that occur verbatim in the source.

    Capitalised words are left out: names and brands stay the same in a good translation.
    """
    src_words = {w.strip(".,;:!?\"'()[]").casefold() for w in src.split()}
    content = [w for w in (x.strip(".,;:!?\"'()[]") for x in tgt.split())
               if len(w) >= 4 and w[:1].islower() and w.isalpha() and weigh(w) >= 0.5]
    if not content:
        return 0.0
    return sum(w.casefold() in src_words for w in content) / len(content)
