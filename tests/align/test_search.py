"""The search machinery without a model: window algebra, band, dynamic programme, pyramid."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from alignqa.align import AlignOptions
from alignqa.align.band import Band, band_around_path, full_band
from alignqa.align.pyramid import search
from alignqa.align.scores import BandValues, band_values, compute_margins, explicit_values
from alignqa.align.search import best_path
from alignqa.align.side import Side


def _unit_rows(rng, n, d=16):
    v = rng.standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _sides(n, m, seed=0, k=3):
    rng = np.random.default_rng(seed)
    x, y = _unit_rows(rng, n), _unit_rows(rng, m)
    cx, cy = x.astype(np.float64).mean(0), y.astype(np.float64).mean(0)
    src = Side(x, rng.integers(1, 80, n).astype(float), cx, cy, k)
    tgt = Side(y, rng.integers(1, 80, m).astype(float), cy, cx, k)
    return src, tgt


def test_window_norms_are_the_norms_of_weighted_sums():
    src, _ = _sides(9, 4, k=4)
    for size in range(1, 5):
        for s in range(9 - size + 1):
            v = src.weights[s:s + size] @ src.vectors[s:s + size].astype(np.float64)
            assert src.window_norms(np.array([s]), size)[0] == pytest.approx(np.linalg.norm(v))


def test_band_values_equal_explicit_window_vectors():
    """The prefix-sum shortcut gives the same value as building every window vector."""
    src, tgt = _sides(11, 13, seed=1)
    options = AlignOptions(max_bead_side=3, max_bead_total=5, band_width=3)
    band = band_around_path([(0, 0), (5, 4), (11, 13)], 11, 13, 3)
    compute_margins(src, tgt, band, options.margin_k)
    values = band_values(src, tgt, band, options)
    rows, cols = band.cell_coordinates()
    for t, (a, b) in enumerate(values.shapes):
        ok = (rows >= a) & (cols >= b)
        if a == 0 or b == 0:
            assert np.all(values.values[ok, t] == np.float32(options.skip))
        else:
            want = explicit_values(src, tgt, rows[ok], cols[ok], a, b, options)
            np.testing.assert_allclose(values.values[ok, t], want, rtol=1e-5, atol=1e-5)
        assert np.all(np.isneginf(values.values[~ok, t]))


def test_margins_are_top_k_means_of_centred_cosines():
    src, tgt = _sides(6, 7, seed=2)
    compute_margins(src, tgt, full_band(6, 7), 2)
    xc = np.stack([src.centred(v.astype(np.float64)) for v in src.vectors])
    yc = np.stack([tgt.centred(v.astype(np.float64)) for v in tgt.vectors])
    cos = xc @ yc.T
    np.testing.assert_allclose(src.margins, np.sort(cos, axis=1)[:, -2:].mean(axis=1), atol=1e-6)
    np.testing.assert_allclose(tgt.margins, np.sort(cos, axis=0)[-2:].mean(axis=0), atol=1e-6)


def _brute_force(values: BandValues) -> float:
    """Best total over every monotone bead sequence that stays inside the band."""
    band, shapes = values.band, values.shapes
    offsets = band.offsets

    def value(i, j, t):
        if not band.lo[i] <= j <= band.hi[i]:
            return -np.inf
        return float(values.values[offsets[i] + j - band.lo[i], t])

    best = {(0, 0): 0.0}
    for i, j in itertools.product(range(band.rows + 1), range(band.columns + 1)):
        if (i, j) == (0, 0) or not band.lo[i] <= j <= band.hi[i]:
            continue
        options = [best[(i - a, j - b)] + value(i, j, t) for t, (a, b) in enumerate(shapes)
                   if (i - a, j - b) in best]
        finite = [o for o in options if np.isfinite(o)]
        if finite:
            best[(i, j)] = max(finite)
    return best[(band.rows, band.columns)]


def _path_total(values: BandValues, spans) -> float:
    band, offsets = values.band, values.band.offsets
    total = 0.0
    for s0, s1, t0, t1 in spans:
        t = values.shapes.index((s1 - s0, t1 - t0))
        total += float(values.values[offsets[s1] + t1 - band.lo[s1], t])
    return total


@pytest.mark.parametrize("seed", range(6))
def test_dynamic_programme_finds_the_brute_force_optimum(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    shapes = AlignOptions(max_bead_side=3, max_bead_total=4).bead_shapes
    band = full_band(n, m) if seed % 2 else band_around_path([(0, 0), (n, m)], n, m, 1)
    vals = rng.normal(0.0, 1.0, (band.cells, len(shapes))).astype(np.float32)
    rows, cols = band.cell_coordinates()
    for t, (a, b) in enumerate(shapes):
        vals[(rows < a) | (cols < b), t] = -np.inf
        if (a, b) == (0, 1):
            vals[cols >= 1, t] = -0.3  # a 0-1 bead has one value everywhere
    values = BandValues(band, shapes, vals, skip=-0.3)
    spans = best_path(values)
    assert spans[0][0] == 0 and spans[0][2] == 0
    assert spans[-1][1] == n and spans[-1][3] == m
    assert _path_total(values, spans) == pytest.approx(_brute_force(values), abs=1e-4)


@pytest.mark.parametrize("seed", range(6))
def test_dynamic_programme_with_a_skip_value_per_target_segment(seed):
    """Evidence-dependent skips: leaving target segment j out is worth target_skips[j]."""
    rng = np.random.default_rng(100 + seed)
    n, m = int(rng.integers(1, 6)), int(rng.integers(1, 7))
    shapes = AlignOptions(max_bead_side=3, max_bead_total=4).bead_shapes
    band = full_band(n, m) if seed % 2 else band_around_path([(0, 0), (n, m)], n, m, 1)
    vals = rng.normal(0.0, 1.0, (band.cells, len(shapes))).astype(np.float32)
    skips = rng.uniform(-1.5, 0.2, m).astype(np.float32)
    rows, cols = band.cell_coordinates()
    for t, (a, b) in enumerate(shapes):
        vals[(rows < a) | (cols < b), t] = -np.inf
        if (a, b) == (0, 1):
            vals[cols >= 1, t] = skips[cols[cols >= 1] - 1]
    values = BandValues(band, shapes, vals, skip=0.0, target_skips=skips.astype(np.float64))
    spans = best_path(values)
    assert _path_total(values, spans) == pytest.approx(_brute_force(values), abs=1e-4)


def test_skip_evidence_lowers_the_skip_value_of_segments_that_match_well():
    src, tgt = _sides(6, 7, seed=3)
    options = AlignOptions(skip=-0.1, skip_evidence=0.5, max_bead_side=3)
    band = full_band(6, 7)
    compute_margins(src, tgt, band, options.margin_k)
    values = band_values(src, tgt, band, options)
    assert values.target_skips is not None
    above = np.maximum(tgt.best - np.median(tgt.margins), 0.0)
    np.testing.assert_allclose(values.target_skips, -0.1 - 0.5 * above)
    assert (above > 0).any()


def test_band_around_a_path_contains_it_and_stays_connected():
    points = [(0, 0), (3, 1), (3, 9), (10, 12), (40, 13)]
    band = band_around_path(points, 40, 13, 2)
    assert isinstance(band, Band)
    assert np.all(np.diff(band.lo) >= 0) and np.all(np.diff(band.hi) >= 0)
    assert np.all(band.lo[1:] <= band.hi[:-1])
    for (i0, j0), (i1, j1) in itertools.pairwise(points):
        for i in range(i0, i1 + 1):
            assert band.lo[i] <= j0 and band.hi[i] >= j1
    assert band.lo[0] == 0 and band.hi[-1] == 13


def test_band_rejects_a_path_that_does_not_span_the_grid():
    with pytest.raises(ValueError):
        band_around_path([(0, 0), (3, 3)], 4, 4, 2)


def _parallel(n, seed=3, d=32):
    """Target = source with noise, one target per source segment."""
    rng = np.random.default_rng(seed)
    x = _unit_rows(rng, n, d)
    y = x + 0.2 * _unit_rows(rng, n, d)
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    lengths = rng.integers(40, 120, n).astype(float)
    return x, y.astype(np.float32), lengths


def test_coarse_to_fine_search_matches_the_full_search():
    x, y, lengths = _parallel(300)
    cx, cy = x.astype(np.float64).mean(0), y.astype(np.float64).mean(0)
    full = search(Side(x, lengths, cx, cy, 4), Side(y, lengths, cy, cx, 4), AlignOptions())
    coarse_opts = AlignOptions(full_grid_cells=2_000)
    coarse = search(Side(x, lengths, cx, cy, 4), Side(y, lengths, cy, cx, 4), coarse_opts)
    assert full.levels == 1 and coarse.levels > 1
    assert coarse.band.cells < 300 * 300 / 5
    assert coarse.spans == full.spans == [(i, i + 1, i, i + 1) for i in range(300)]
