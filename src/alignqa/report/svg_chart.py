"""Server-side SVG histogram of bead similarity scores, with the flagged beads marked.

Built in Python so the report needs no chart library and renders identically offline. Flagged beads
are told apart by hatching and by triangles under the axis, not by colour alone. Only numbers and
fixed strings reach the SVG; the one caller-supplied string (the title) is escaped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from .palette import PALETTE

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 52
_STEPS = (0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0,
          50.0, 100.0)
MAX_BINS = 25


@dataclass(frozen=True)
class Bin:
    lo: float
    hi: float
    count: int
    flagged: int

    @property
    def label(self) -> str:
        return f"{_num(self.lo)}–{_num(self.hi)}"


@dataclass(frozen=True)
class Histogram:
    bins: list[Bin]
    unscored: int  # omissions and additions have no similarity
    svg: Markup


def _num(x: float) -> str:
    """Short, stable number text: 0.05 not 0.05000000000000001, -0 as 0."""
    return f"{round(x, 6) + 0.0:g}"


def _domain(scores: list[float]) -> tuple[float, float, float]:
    """(low, high, bin width): from 0 (or below, for negative scores) to the highest score rounded
    up to a tenth, in at most MAX_BINS bins. Bead scores are relative, so the axis follows the
    data instead of assuming [0, 1]: scores that all lie under 0.4 still get a readable chart."""
    lo = min(0.0, math.floor(min(scores) * 10) / 10) if scores else 0.0
    hi = max(lo + 0.1, math.ceil(max(scores) * 10) / 10) if scores else 1.0
    step = next((s for s in _STEPS if (hi - lo) / s <= MAX_BINS), None)
    if step is None:  # absurd ranges: fall back to an even split
        step = (hi - lo) / MAX_BINS
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step - 1e-9) * step
    return lo, hi, step


def bin_scores(scores: list[float | None], flagged: list[bool]) -> tuple[list[Bin], int]:
    """Count scores (and flagged scores) per bin; None scores are counted apart."""
    values = [s for s in scores if s is not None and math.isfinite(s)]
    lo, hi, step = _domain(values)
    n = max(1, round((hi - lo) / step))
    counts, flags = [0] * n, [0] * n
    unscored = 0
    for s, f in zip(scores, flagged, strict=True):
        if s is None or not math.isfinite(s):
            unscored += 1
            continue
        i = min(n - 1, max(0, math.floor((s - lo) / step + 1e-9)))
        counts[i] += 1
        flags[i] += f
    bins = [Bin(lo + i * step, lo + (i + 1) * step, counts[i], flags[i]) for i in range(n)]
    return bins, unscored


def similarity_histogram(scores: list[float | None], flagged: list[bool], *, uid: str,
                         title: str) -> Histogram:
    """Histogram of ``scores`` with flagged beads hatched and marked under the axis.

    ``uid`` keeps the SVG's internal ids (pattern, title) unique when a page holds several charts.
    """
    bins, unscored = bin_scores(scores, flagged)
    lo, hi = bins[0].lo, bins[-1].hi
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    ymax = max((b.count for b in bins), default=0) or 1
    base = TOP + plot_h

    def x(v: float) -> float:
        return LEFT + (v - lo) / (hi - lo) * plot_w

    def y(c: float) -> float:
        return base - c / ymax * plot_h

    c = PALETTE
    n_scored = sum(b.count for b in bins)
    n_flagged = sum(b.flagged for b in bins)
    uid = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in uid)
    desc = (f"Histogram of {n_scored} bead similarity scores from {_num(lo)} to {_num(hi)}; "
            f"{n_flagged} flagged beads shown hatched and marked by triangles under the axis.")
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>',
        f'<defs><pattern id="{uid}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{c["bar-flagged"]}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{c["bg"]}" stroke-width="2.5"/>'
        "</pattern></defs>",
    ]
    # Horizontal grid and y labels at 0, half and max.
    for v in sorted({0, ymax // 2, ymax} if ymax >= 2 else {0, ymax}):
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                   f'stroke="{c["rule"]}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="12" '
                   f'fill="{c["muted"]}">{v}</text>')
    for b in bins:
        if not b.count:
            continue
        x0, w = x(b.lo) + 1, x(b.hi) - x(b.lo) - 2
        plain = b.count - b.flagged
        tip = escape(f"similarity {b.label}: {b.count} beads, {b.flagged} flagged")
        out.append(f'<g><title>{tip}</title>')
        if plain:
            out.append(f'<rect x="{x0:.1f}" y="{y(plain):.1f}" width="{w:.1f}" '
                       f'height="{base - y(plain):.1f}" fill="{c["bar"]}"/>')
        if b.flagged:
            out.append(f'<rect x="{x0:.1f}" y="{y(b.count):.1f}" width="{w:.1f}" '
                       f'height="{y(plain) - y(b.count):.1f}" fill="url(#{uid}-hatch)" '
                       f'stroke="{c["bar-flagged"]}" stroke-width="1"/>')
        out.append("</g>")
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" '
               f'stroke="{c["text"]}" stroke-width="1"/>')
    # Rug: one triangle per flagged score, so a single flagged bead in a tall bin is still seen.
    seen: set[str] = set()
    for s, f in zip(scores, flagged, strict=True):
        if not f or s is None or not math.isfinite(s):
            continue
        px = f"{x(s):.1f}"
        if px in seen:
            continue
        seen.add(px)
        out.append(f'<path d="M{px} {base + 3} l-4 8 h8 z" fill="{c["bar-flagged"]}">'
                   f'<title>flagged bead, similarity {_num(round(s, 3))}</title></path>')
    ticks = max(1, math.ceil(len(bins) / 10))
    for i in range(0, len(bins) + 1, ticks):
        tick = lo + (hi - lo) * i / len(bins)
        out.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{base}" y2="{base + 14}" '
                   f'stroke="{c["muted"]}" stroke-width="1"/>')
        out.append(f'<text x="{x(tick):.1f}" y="{base + 27}" text-anchor="middle" font-size="12" '
                   f'fill="{c["muted"]}">{_num(tick)}</text>')
    out.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle" '
               f'font-size="12" fill="{c["text"]}">similarity (bead score)</text>')
    out.append("</svg>")
    return Histogram(bins=bins, unscored=unscored, svg=Markup("".join(out)))
