"""Bead values over a band: relative similarity, length prior and shape penalty, per bead shape.

The similarity of a bead is a *margin*: the cosine of its two windows after subtracting each
document's mean embedding, minus the mean cosine of its segments with their ``k`` nearest
neighbours on the other side. Centring removes what every sentence of a document shares (its
language, its topic) and spreads the model's squeezed cosines; the margin makes a pair count only
when it stands out from the alternatives (Artetxe & Schwenk 2019's margin, as in LASER mining).

Window cosines come from single-pair cosines. For row blocks of the band, one matrix product
gives the weighted single-pair dot products ``G``; a 2-D prefix sum of ``G`` turns the dot
product of any two windows into four look-ups, and the per-side parts (norms, dots with the
centres) are precomputed in :class:`Side`. The cost is one pass of d-dimensional dot products
over the band, whatever the number of bead shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .anchors import anchor_cosines, block_prefix, window_cosines
from .band import Band
from .options import AlignOptions
from .side import Side

# Dense block budget (source x target singles) for one matrix product.
_BLOCK_CELLS = 1 << 16
# Rows a block may always take, so that per-block overhead stays small.
_MIN_BLOCK_ROWS = 16
# Gale & Church (1993): variance of target length per source character.
_LENGTH_VARIANCE = 6.8
# Random pairs whose cosines describe unrelated segments (see unrelated_level).
_UNRELATED_SAMPLE = 4096
_UNRELATED_CHUNK = 256
# Mutual nearest neighbours needed to trust their length ratio over the documents' totals.
_MIN_MUTUAL = 5


@dataclass
class BandValues:
    """Value of every bead shape ending at every band cell (-inf where the shape cannot end)."""

    band: Band
    shapes: list[tuple[int, int]]
    values: np.ndarray  # (cells, len(shapes)) float32
    skip: float  # the value of a 0-1 bead where target_skips does not say otherwise
    # Value of leaving each target segment unaligned (None: ``skip`` for every segment).
    target_skips: np.ndarray | None = None


def compute_margins(src: Side, tgt: Side, band: Band, k: int) -> None:
    """Set each segment's mean centred cosine with its k nearest neighbours inside the band,
    and the documents' length ratio as mutual nearest neighbours show it."""
    n, m = len(src), len(tgt)
    parts = list(_single_cosines(src, tgt, band))
    if not parts:
        src.set_margins(np.zeros(n))
        tgt.set_margins(np.zeros(m))
        return
    rows = np.concatenate([p[0] for p in parts])
    cols = np.concatenate([p[1] for p in parts])
    vals = np.concatenate([p[2] for p in parts])
    src.set_margins(_top_k_mean(rows, vals, n, k))
    tgt.set_margins(_top_k_mean(cols, vals, m, k))
    src.set_best(_top_k_mean(rows, vals, n, 1))
    tgt.set_best(_top_k_mean(cols, vals, m, 1))
    tgt.length_ratio = _length_ratio(src, tgt, rows, cols, vals)
    src.unrelated_level = tgt.unrelated_level = unrelated_level(src, tgt)


def unrelated_level(src: Side, tgt: Side, pairs: int = _UNRELATED_SAMPLE) -> float:
    """One robust standard deviation above the median centred cosine of random pairs (of every
    pair on a grid of at most ``pairs`` cells).

    Nearly every pair of segments drawn at random from two documents is unrelated, so the median
    and the scaled median absolute deviation of their cosines describe what unrelated pairs score,
    whatever the model or the languages (about 0.1 on prose with e5-small). The pairs come from
    the whole grid, not the band: a band holds a segment's neighbours, which in a book of similar
    verses are far more alike than unrelated text. The draw is seeded, so a rerun is identical.
    """
    n, m = len(src), len(tgt)
    if n * m <= pairs:  # a small grid: every pair, exactly
        rows, cols = np.divmod(np.arange(n * m), m)
    else:
        rng = np.random.default_rng(0)
        rows = rng.integers(0, n, size=pairs)
        cols = rng.integers(0, m, size=pairs)
    cs, ct = src.centre.astype(np.float32), tgt.centre.astype(np.float32)
    cos = np.empty(len(rows))
    # A few hundred pairs at a time: gathering all of them would hold two 4,096 x d copies.
    for k in range(0, len(rows), _UNRELATED_CHUNK):
        x = src.vectors[rows[k:k + _UNRELATED_CHUNK]]
        y = tgt.vectors[cols[k:k + _UNRELATED_CHUNK]]
        cos[k:k + _UNRELATED_CHUNK] = centred_cosine(
            np.einsum("ij,ij->i", x, y), x @ cs, x @ ct, y @ ct, y @ cs,
            src.centre_sq, tgt.centre_sq, src.centres_dot)
    median = float(np.median(cos))
    return median + 1.4826 * float(np.median(np.abs(cos - median)))


def _length_ratio(src: Side, tgt: Side, rows: np.ndarray, cols: np.ndarray,
                  vals: np.ndarray) -> float:
    """Target characters per source character: the median over mutual nearest neighbours.

    The ratio of the documents' totals is wrong exactly when it matters most, when one side has
    content the other lacks (10 segments against 1,000); pairs that are each other's best match
    are nearly all true translations, and their median ratio ignores the rest.
    """
    best_of_row = _argmax_by(rows, cols, vals, len(src))
    best_of_col = _argmax_by(cols, rows, vals, len(tgt))
    have = np.flatnonzero(best_of_row >= 0)
    mutual = have[best_of_col[best_of_row[have]] == have]
    ls = src.lengths[mutual] + 1.0
    lt = tgt.lengths[best_of_row[mutual]] + 1.0
    if len(mutual) >= _MIN_MUTUAL:
        return float(np.exp(np.median(np.log(lt / ls))))
    total = (tgt.lengths.sum() + 1.0) / (src.lengths.sum() + 1.0)
    return float(np.clip(total, 0.5, 2.0))


def band_values(src: Side, tgt: Side, band: Band, options: AlignOptions) -> BandValues:
    """Fill the value of every bead shape at every cell of ``band`` (margins must be set)."""
    shapes = options.bead_shapes
    out = np.full((band.cells, len(shapes)), -np.inf, dtype=np.float32)
    src_skips, tgt_skips = skip_values(src, options), skip_values(tgt, options)
    offsets = band.offsets
    for r0, r1 in _row_blocks(band, options.max_bead_side):
        rows, cols = band.cell_coordinates(r0, r1)
        block = _Block(src, tgt, band, r0, r1, options.max_bead_side)
        dest = out[offsets[r0]:offsets[r1]]
        for t, (a, b) in enumerate(shapes):
            ok = (rows >= a) & (cols >= b)
            if not ok.any():
                continue
            if a == 0:
                dest[ok, t] = tgt_skips[cols[ok] - 1]
                continue
            if b == 0:
                dest[ok, t] = src_skips[rows[ok] - 1]
                continue
            sim = block.cosines(rows[ok], cols[ok], a, b)
            dest[ok, t] = bead_value(src, tgt, rows[ok] - a, cols[ok] - b, a, b, sim, options,
                                     block.anchor_term(rows[ok], cols[ok], a, b, options))
    return BandValues(band=band, shapes=shapes, values=out, skip=options.skip,
                      target_skips=tgt_skips)


def skip_values(side: Side, options: AlignOptions) -> np.ndarray:
    """Value of leaving each segment unaligned: ``skip``, lowered by ``skip_evidence`` times
    how far the segment's best centred cosine on the other side rises above the side's usual
    neighbour level (the median of its segments' margins).

    A segment that matches some segment of the other side better than segments usually match
    their near neighbours has its content there: it is far more often part of an m-n bead
    (whose window scores a little under the 1-1 beside it) than a real omission. Junk, credits
    and real insertions match nothing better than usual and stay as cheap to leave out as
    before. Relative to the document's own level, so it carries across models and languages
    whose cosines sit at different heights.
    """
    if not options.skip_evidence or not len(side):
        return np.full(len(side), options.skip)
    above = np.maximum(side.best - float(np.median(side.margins)), 0.0)
    return options.skip - options.skip_evidence * above


def bead_value(src: Side, tgt: Side, s0: np.ndarray, t0: np.ndarray, a: int, b: int,
               cos: np.ndarray, options: AlignOptions, anchor: np.ndarray | None = None
               ) -> np.ndarray:
    """Search value of beads of shape (a, b) starting at (s0, t0) whose centred cosine is cos
    (``anchor``: the lexical anchors' term, already weighted; None: no anchors)."""
    margin = cos - 0.5 * (src.window_margins(s0, a) + tgt.window_margins(t0, b))
    value = (margin
             - options.length_weight * length_z2(src, tgt, s0, t0, a, b)
             - options.merge_penalty * (a + b - 2))
    if anchor is not None:
        value = value + anchor
    if options.structure_penalty and (src.structure is not None or tgt.structure is not None):
        value = value - options.structure_penalty * structure_cost(src, tgt, s0, t0, a, b)
    return value


def structure_cost(src: Side, tgt: Side, s0: np.ndarray, t0: np.ndarray, a: int, b: int
                   ) -> np.ndarray:
    """Unit boundaries crossed inside both windows, plus half a point for each end of the
    bead whose kinds differ (a heading against a sentence, a command against a description)."""
    cost = src.window_crossings(s0, a) + tgt.window_crossings(t0, b)
    ks, kt = src.kinds, tgt.kinds
    cost = cost + 0.5 * (ks[s0] != kt[t0]) + 0.5 * (ks[s0 + a - 1] != kt[t0 + b - 1])
    return cost


def length_z2(src: Side, tgt: Side, s0: np.ndarray, t0: np.ndarray, a: int, b: int) -> np.ndarray:
    """Squared Gale-Church z of the character lengths, against the documents' length ratio
    (capped: one badly matched bead should not outweigh its similarity many times over)."""
    ratio = tgt.length_ratio
    ls = src.window_lengths(s0, a)
    lt = tgt.window_lengths(t0, b)
    var = _LENGTH_VARIANCE * 0.5 * (ls + lt / ratio) + 1.0
    return np.minimum((lt - ratio * ls) ** 2 / (var * ratio), 25.0)


class _Block:
    """Weighted single-pair dot products of a row block, with their 2-D prefix sums."""

    def __init__(self, src: Side, tgt: Side, band: Band, r0: int, r1: int, k: int):
        self.src, self.tgt = src, tgt
        self.s0 = max(0, r0 - k)
        s1 = max(self.s0, r1 - 1)
        self.t0 = max(0, int(band.lo[r0]) - k)
        t1 = max(self.t0, int(band.hi[r1 - 1]))
        g = (src.vectors[self.s0:s1] @ tgt.vectors[self.t0:t1].T).astype(np.float64)
        g *= src.weights[self.s0:s1, None]
        g *= tgt.weights[None, self.t0:t1]
        self.prefix = np.zeros((s1 - self.s0 + 1, t1 - self.t0 + 1))
        np.cumsum(np.cumsum(g, axis=0), axis=1, out=self.prefix[1:, 1:])
        self.s1, self.t1 = s1, t1
        self.anchor_prefix: np.ndarray | None = None  # made on first use (margins need none)

    def anchor_term(self, rows: np.ndarray, cols: np.ndarray, a: int, b: int,
                    options: AlignOptions) -> np.ndarray | None:
        """``anchor_weight`` times the windows' anchor cosine above ``anchor_centre``, where
        both windows have anchors (0 elsewhere); None without anchors."""
        src, tgt = self.src.anchors, self.tgt.anchors
        if src is None or tgt is None or not options.anchor_weight:
            return None
        if self.anchor_prefix is None:
            self.anchor_prefix = block_prefix(src, tgt, self.s0, self.s1, self.t0, self.t1)
        cos, defined = anchor_cosines(src, tgt, self.anchor_prefix, self.s0, self.t0, rows, cols,
                                      a, b)
        return anchor_term(cos, defined, options)

    def cosines(self, rows: np.ndarray, cols: np.ndarray, a: int, b: int) -> np.ndarray:
        """Centred cosine of source window [row - a, row) and target window [col - b, col)."""
        src, tgt, p = self.src, self.tgt, self.prefix
        r1, r0 = rows - self.s0, rows - a - self.s0
        c1, c0 = cols - self.t0, cols - b - self.t0
        box = p[r1, c1] - p[r0, c1] - p[r1, c0] + p[r0, c0]
        s, t = rows - a, cols - b
        raw = box / (src.window_norms(s, a) * tgt.window_norms(t, b))
        own_s, other_s = src.window_centre_dots(s, a)
        own_t, other_t = tgt.window_centre_dots(t, b)
        return centred_cosine(raw, own_s, other_s, own_t, other_t, src.centre_sq, tgt.centre_sq,
                              src.centres_dot)


def anchor_term(cos: np.ndarray, defined: np.ndarray, options: AlignOptions) -> np.ndarray:
    """``anchor_weight`` times the anchor cosine above ``anchor_centre`` where both windows
    have anchors; 0 elsewhere (no shared name is no evidence against a pair)."""
    return np.where(defined, options.anchor_weight * (cos - options.anchor_centre), 0.0)


def centred_cosine(raw: np.ndarray, own_s: np.ndarray, other_s: np.ndarray, own_t: np.ndarray,
                   other_t: np.ndarray, src_centre_sq: float, tgt_centre_sq: float,
                   centres_dot: float) -> np.ndarray:
    """cos(u - cu, v - cv) for unit u, v, from <u, v>, <u, cu>, <u, cv>, <v, cv>, <v, cu> and
    the centres' own products, without forming u - cu or v - cv."""
    dot = raw - other_s - other_t + centres_dot
    norm_s = np.sqrt(np.maximum(1.0 - 2.0 * own_s + src_centre_sq, 1e-12))
    norm_t = np.sqrt(np.maximum(1.0 - 2.0 * own_t + tgt_centre_sq, 1e-12))
    return dot / (norm_s * norm_t)


def _single_cosines(src: Side, tgt: Side, band: Band):
    """Yield (source index, target index, centred cosine) of every 1-1 pair inside the band."""
    for r0, r1 in _row_blocks(band, 1):
        rows, cols = band.cell_coordinates(r0, r1)
        ok = (rows >= 1) & (cols >= 1)
        if not ok.any():
            continue
        block = _Block(src, tgt, band, r0, r1, 1)
        yield rows[ok] - 1, cols[ok] - 1, block.cosines(rows[ok], cols[ok], 1, 1)


def _row_blocks(band: Band, k: int):
    """Split the band's rows into blocks whose dense product is at most a few times the band
    cells it serves (and within the budget), so a narrow band costs what its area costs."""
    n = band.rows
    lo = band.lo.tolist()
    hi = band.hi.tolist()
    r0 = 0
    while r0 <= n:
        r1 = r0 + 1
        cells = hi[r0] - lo[r0] + 1
        while r1 <= n:
            cells += hi[r1] - lo[r1] + 1
            dense = (r1 + 1 - r0 + k) * (hi[r1] - lo[r0] + k)
            if dense > _BLOCK_CELLS or (r1 - r0 >= _MIN_BLOCK_ROWS and dense > 3 * cells):
                break
            r1 += 1
        yield r0, r1
        r0 = r1


def _argmax_by(index: np.ndarray, other: np.ndarray, values: np.ndarray, size: int
               ) -> np.ndarray:
    """For each index value, the ``other`` of its largest value (-1 where it has none)."""
    order = np.lexsort((-values, index))
    idx = index[order]
    first = np.ones(len(idx), dtype=bool)
    first[1:] = idx[1:] != idx[:-1]
    out = np.full(size, -1, dtype=np.int64)
    out[idx[first]] = other[order][first]
    return out


def _top_k_mean(index: np.ndarray, values: np.ndarray, size: int, k: int) -> np.ndarray:
    """Mean of the k largest values per index (fewer where fewer exist; 0 where none)."""
    order = np.lexsort((-values, index))
    idx, val = index[order], values[order]
    starts = np.searchsorted(idx, np.arange(size), side="left")
    rank = np.arange(len(idx)) - starts[idx]
    keep = rank < k
    sums = np.bincount(idx[keep], weights=val[keep], minlength=size)
    counts = np.bincount(idx[keep], minlength=size)
    return np.divide(sums, counts, out=np.zeros(size), where=counts > 0)


def bead_similarity(src: Side, tgt: Side, s0: int, a: int, t0: int, b: int) -> float:
    """The margin of one bead from its window vectors (real concatenations where known)."""
    u = src.centred(src.window_vector(s0, a))
    v = tgt.centred(tgt.window_vector(t0, b))
    margins = src.window_margins(np.array([s0]), a) + tgt.window_margins(np.array([t0]), b)
    return float(u @ v - 0.5 * margins[0])


def explicit_values(src: Side, tgt: Side, rows: np.ndarray, cols: np.ndarray, a: int, b: int,
                    options: AlignOptions) -> np.ndarray:
    """Values of shape (a, b) at the given cells from explicit window vectors (small sets)."""
    s0, t0 = rows - a, cols - b
    us, inv_s = np.unique(s0, return_inverse=True)
    ut, inv_t = np.unique(t0, return_inverse=True)
    u = np.stack([src.centred(src.window_vector(int(s), a)) for s in us])
    v = np.stack([tgt.centred(tgt.window_vector(int(t), b)) for t in ut])
    cos = np.einsum("ij,ij->i", u[inv_s], v[inv_t])
    anchor = None
    if options.anchor_weight and src.anchors is not None and tgt.anchors is not None:
        anchor = anchor_term(*window_cosines(src.anchors, tgt.anchors, s0, t0, a, b), options)
    return bead_value(src, tgt, s0, t0, a, b, cos, options, anchor)
