"""Bertalign (Liu & Zhu 2022, DSH 38(2)), re-implemented from the paper's description.

Two steps over sentence embeddings of every sentence and of every concatenation of up to
``max_align - 1`` consecutive sentences, on both sides:

1. For each source sentence, its ``top_k`` most similar target sentences. A dynamic programme over
   these candidates finds the monotone chain of 1-1 pairs with the largest summed similarity.
2. Around that chain (``win`` target sentences either side of each source row), a second dynamic
   programme searches every m-n bead with ``m + n <= max_align`` plus 1-0 and 0-1 (worth ``skip``).
   A bead scores the cosine of its two concatenation embeddings, less the mean cosine of each side
   with the equally sized windows next to its partner ("modified cosine", the margin), times a
   length factor ``log2(1 + shorter / longer)`` on character lengths scaled by the documents'
   length ratio.

Written from the paper, not from its code; the details the paper leaves open (which neighbours
the margin takes, how the length ratio is scaled) are our reading and are listed in
docs/aligner.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ...alignment import Bead
from ..band import Band
from ..scores import BandValues
from ..search import best_path

Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class BertalignParams:
    max_align: int = 5
    top_k: int = 3
    win: int = 5
    skip: float = -0.1
    margin: bool = True
    len_penalty: bool = True


def bertalign_align(source: Sequence[str], target: Sequence[str], encode: Encode,
                    params: BertalignParams = BertalignParams()) -> list[Bead]:
    """Align two sentence lists the way Bertalign does; ``encode`` embeds texts (unit rows)."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    size = params.max_align - 1
    src = _Windows(source, size, encode)
    tgt = _Windows(target, size, encode)
    chain = _first_step(src.single(), tgt.single(), params.top_k)
    band = _search_band(chain, n, m, params.win)
    values = _second_step_values(src, tgt, band, params)
    return [Bead(tuple(range(s0, s1)), tuple(range(t0, t1)))
            for s0, s1, t0, t1 in best_path(values)]


class _Windows:
    """Embeddings of every window of 1..size consecutive sentences of one side."""

    def __init__(self, texts: Sequence[str], size: int, encode: Encode):
        self.n = len(texts)
        self.size = size
        self.lengths = np.array([len(t) for t in texts], dtype=np.float64)
        self.vectors: dict[int, np.ndarray] = {}
        for w in range(1, min(size, self.n) + 1):
            joined = [" ".join(texts[s:s + w]) for s in range(self.n - w + 1)]
            self.vectors[w] = np.asarray(encode(joined), dtype=np.float64)

    def single(self) -> np.ndarray:
        return self.vectors[1]

    def window(self, start: int, w: int) -> np.ndarray | None:
        if w not in self.vectors or start < 0 or start + w > self.n:
            return None
        return self.vectors[w][start]

    def length(self, start: int, w: int) -> float:
        return float(self.lengths[start:start + w].sum())


def _first_step(x: np.ndarray, y: np.ndarray, k: int) -> list[tuple[int, int]]:
    """The monotone chain of (source, target) pairs among each source's top-k targets with the
    largest summed cosine."""
    sim = x @ y.T
    n, m = sim.shape
    k = min(k, m)
    candidates = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    # ending[t]: best chain value that ends on target t, over the rows processed so far.
    ending = np.full(m, -np.inf)
    best_prev: dict[tuple[int, int], tuple[int, int] | None] = {}
    owner: list[tuple[int, int] | None] = [None] * m
    for i in range(n):
        row: dict[int, tuple[float, tuple[int, int] | None]] = {}
        for t in candidates[i]:
            t = int(t)
            before = ending[:t]
            if len(before) and np.isfinite(before.max()):
                p = int(before.argmax())
                row[t] = (float(before[p]) + float(sim[i, t]), owner[p])
            else:
                row[t] = (float(sim[i, t]), None)
        for t, (value, prev) in row.items():
            best_prev[(i, t)] = prev
            if value > ending[t]:
                ending[t] = value
                owner[t] = (i, t)
    end = owner[int(ending.argmax())]
    chain: list[tuple[int, int]] = []
    while end is not None:
        chain.append(end)
        end = best_prev[end]
    chain.reverse()
    return chain


def _search_band(chain: list[tuple[int, int]], n: int, m: int, win: int) -> Band:
    """Target columns within ``win`` of the first-step chain, interpolated between its pairs."""
    points = [(0, 0)] + [(i + 1, t + 1) for i, t in chain] + [(n, m)]
    centre = np.interp(np.arange(n + 1), [p[0] for p in points], [p[1] for p in points])
    lo = np.clip(np.floor(centre).astype(np.int64) - win, 0, m)
    hi = np.clip(np.ceil(centre).astype(np.int64) + win, 0, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    # Consecutive rows must overlap for a path to exist.
    lo[1:] = np.minimum(lo[1:], hi[:-1])
    return Band(lo=lo, hi=hi)


def _shapes(max_align: int) -> list[tuple[int, int]]:
    shapes = [(1, 0), (0, 1)]
    for a in range(1, max_align):
        for b in range(1, max_align):
            if a + b <= max_align:
                shapes.append((a, b))
    return shapes


def _second_step_values(src: _Windows, tgt: _Windows, band: Band,
                        params: BertalignParams) -> BandValues:
    shapes = _shapes(params.max_align)
    ratio = tgt.lengths.sum() / max(src.lengths.sum(), 1.0)
    values = np.full((band.cells, len(shapes)), -np.inf, dtype=np.float32)
    rows, cols = band.cell_coordinates()
    for t, (a, b) in enumerate(shapes):
        for c in np.flatnonzero((rows >= a) & (cols >= b)):
            i, j = int(rows[c]), int(cols[c])
            if a == 0 or b == 0:
                values[c, t] = params.skip
            else:
                values[c, t] = _bead_score(src, tgt, i - a, a, j - b, b, ratio, params)
    return BandValues(band=band, shapes=shapes, values=values, skip=params.skip)


def _bead_score(src: _Windows, tgt: _Windows, s: int, a: int, t: int, b: int, ratio: float,
                params: BertalignParams) -> float:
    u = src.window(s, a)
    v = tgt.window(t, b)
    assert u is not None and v is not None  # the band only holds beads that fit both sides
    score = float(u @ v)
    if params.margin:
        around_t = [w for w in (tgt.window(t - b, b), tgt.window(t + b, b)) if w is not None]
        around_s = [w for w in (src.window(s - a, a), src.window(s + a, a)) if w is not None]
        neighbours = [float(np.mean([u @ w for w in around_t]))] if around_t else []
        neighbours += [float(np.mean([w @ v for w in around_s]))] if around_s else []
        if neighbours:
            score -= float(np.mean(neighbours))
    if params.len_penalty:
        ls, lt = src.length(s, a) * ratio, tgt.length(t, b)
        score *= float(np.log2(1.0 + min(ls, lt) / max(ls, lt, 1e-9)))
    return score
