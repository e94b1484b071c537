"""Align two segment lists: encode once, search coarse-to-fine, optionally refine.

1. Every segment is encoded once (the embedder's cache makes a rerun free).
2. A banded dynamic programme over bead shapes finds the best path, scoring windows from their
   parts' vectors (``side.py``, ``scores.py``); long documents are searched coarse-to-fine.
   Segments the path leaves out next to a bead whose other side they resemble more than
   unrelated pairs do are made dearer to leave out, and the path searched again (``context.py``).
3. Optionally (``refine_radius >= 1``), real concatenations are encoded for the windows near
   beads the first path is unsure of, and the path is searched again with them (``refine.py``).
4. Gaps that face each other one for one, of the same kinds, are paired (``facing.py``).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from ..alignment import Alignment, Bead
from ..document import Document
from .absorb import absorb_skips
from .anchors import anchor_bags
from .boundaries import refine_boundaries
from .facing import pair_facing_gaps
from .options import AlignOptions
from .pyramid import search
from .refine import refine, refine_skips
from .scores import bead_similarity
from .side import Side
from .structure import Structure, structure_of


class SegmentTruncatedWarning(UserWarning):
    """Some segments are longer than the model reads; only their beginning was compared."""


class SupportsEncode(Protocol):
    model_id: str
    encoder_calls: int
    max_tokens: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def align(source: Sequence[str], target: Sequence[str], embedder: SupportsEncode,
          options: AlignOptions | None = None, *,
          structure: tuple[Structure, Structure] | None = None,
          languages: tuple[str, str] | None = None, **overrides: Any) -> Alignment:
    """Align two lists of segment texts.

    ``options`` defaults to :class:`AlignOptions`; keyword ``overrides`` replace single fields
    (``align(s, t, e, max_bead_side=5)``). Bead scores are margins: the centred cosine of the two
    sides minus the usual level of such cosines for their segments (docs/aligner.md); about 0.1
    to 0.5 for a good pair, 0 or less for a pair no better than its neighbours, None for 1-0
    and 0-1 beads. ``structure`` (source, target) gives segment kinds and unit boundaries
    (``align_documents`` derives it from the documents); without it all text is prose.
    ``languages`` (source, target) lets the lexical anchors read numbers written in words.
    """
    opts = _resolve(options, overrides)
    source, target = list(source), list(target)
    model_id = str(getattr(embedder, "model_id", ""))
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        beads = [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
        return Alignment(beads=beads, model=model_id, encoder_calls=0,
                         stats={"encode_seconds": 0.0, "search_seconds": 0.0})
    _warn_truncated(source, target, embedder)
    calls_before = embedder.encoder_calls
    started = time.perf_counter()
    vectors = np.asarray(embedder.encode(source + target), dtype=np.float32)
    encode_seconds = time.perf_counter() - started
    src, tgt = _sides(vectors[:n], vectors[n:], source, target, opts, structure, languages)

    started = time.perf_counter()
    first = search(src, tgt, opts)
    search_seconds = time.perf_counter() - started
    spans, windows = first.spans, 0

    def encode_windows(texts: list[str]) -> np.ndarray:
        nonlocal encode_seconds
        t0 = time.perf_counter()
        out = embedder.encode(texts)
        encode_seconds += time.perf_counter() - t0
        return out

    if opts.refine_radius > 0 or opts.refine_skips > 0 or opts.refine_boundaries > 0:
        encode_before = encode_seconds
        started = time.perf_counter()
        second = (refine if opts.refine_radius > 0 else refine_skips if opts.refine_skips > 0
                  else refine_boundaries)
        spans, windows = second(src, tgt, source, target, first, opts, encode_windows)
        search_seconds += time.perf_counter() - started - (encode_seconds - encode_before)

    if opts.pair_facing_gaps:
        spans = pair_facing_gaps(spans, source, target, structure)
    if opts.absorb_skips:
        started = time.perf_counter()
        encode_before = encode_seconds
        spans, absorbed = absorb_skips(src, tgt, source, target, spans, opts, encode_windows)
        windows += absorbed
        search_seconds += time.perf_counter() - started - (encode_seconds - encode_before)
    beads = [_bead(src, tgt, span) for span in spans]
    stats = {
        "encode_seconds": round(encode_seconds, 4),
        "search_seconds": round(search_seconds, 4),
        "windows_encoded": float(windows),
        "band_cells": float(first.band.cells),
        "levels": float(first.levels),
    }
    return Alignment(beads=beads, model=model_id,
                     encoder_calls=embedder.encoder_calls - calls_before, stats=stats)


def align_documents(source: Document, target: Document, embedder: SupportsEncode,
                    options: AlignOptions | None = None, **overrides: Any) -> Alignment:
    """Align two segmented documents (their segments' texts, in order, and their structure:
    headings, list items and code lines pair with their own kind and beads keep to units)."""
    return align([s.text for s in source.segments], [s.text for s in target.segments], embedder,
                 options, structure=(structure_of(source.segments), structure_of(target.segments)),
                 languages=(source.lang, target.lang), **overrides)


def _resolve(options: AlignOptions | None, overrides: dict[str, Any]) -> AlignOptions:
    if not overrides:
        return options or AlignOptions()
    base = options or AlignOptions()
    merged = {f: getattr(base, f) for f in base.__dataclass_fields__}
    merged.update(overrides)
    return AlignOptions.from_mapping(merged)


def _sides(x: np.ndarray, y: np.ndarray, source: list[str], target: list[str],
           opts: AlignOptions, structure: tuple[Structure, Structure] | None,
           languages: tuple[str, str] | None) -> tuple[Side, Side]:
    cx, cy = document_centre(x), document_centre(y)
    src_structure, tgt_structure = structure or (None, None)
    bags = (anchor_bags(source, target, opts.max_bead_side, languages or (None, None))
            if opts.anchor_weight else None)
    src = Side(x, np.array([len(t) for t in source], dtype=np.float64), cx, cy,
               opts.max_bead_side, structure=src_structure, anchors=bags and bags[0])
    tgt = Side(y, np.array([len(t) for t in target], dtype=np.float64), cy, cx,
               opts.max_bead_side, structure=tgt_structure, anchors=bags and bags[1])
    return src, tgt


def document_centre(vectors: np.ndarray) -> np.ndarray:
    """The mean segment vector, shrunk by n / (n + 1) toward zero.

    Subtracting the plain mean from a one-segment document would leave nothing to compare
    (and from a two-segment one, two opposite vectors); the shrinkage keeps a short side's
    vectors pointing where they did while costing long documents nothing measurable.
    """
    n = len(vectors)
    return vectors.astype(np.float64).mean(axis=0) * (n / (n + 1.0))


def _bead(src: Side, tgt: Side, span: tuple[int, int, int, int]) -> Bead:
    s0, s1, t0, t1 = span
    score = None
    if s1 > s0 and t1 > t0:
        score = round(bead_similarity(src, tgt, s0, s1 - s0, t0, t1 - t0), 6)
    return Bead(tuple(range(s0, s1)), tuple(range(t0, t1)), score)


def _warn_truncated(source: list[str], target: list[str], embedder: SupportsEncode) -> None:
    """Warn, naming them, about segments the model will cut at its maximum length.

    A token covers at least one character (the prompt and special tokens add a few), so only
    segments nearly that long in characters need counting.
    """
    limit = int(getattr(embedder, "max_tokens", 0) or 0)
    if limit <= 0:
        return
    floor = max(limit - 16, 1)
    over = {
        side: [i for i, t in enumerate(texts) if len(t) >= floor
               and embedder.count_tokens(t) > limit]
        for side, texts in (("source", source), ("target", target))
    }
    if over["source"] or over["target"]:
        parts = [f"{side} {', '.join(str(i) for i in ids[:10])}{' ...' if len(ids) > 10 else ''}"
                 for side, ids in over.items() if ids]
        total = len(over["source"]) + len(over["target"])
        warnings.warn(f"{total} segment(s) longer than the model's {limit} tokens are compared "
                      f"by their first {limit} tokens only ({'; '.join(parts)}; 0-based)",
                      SegmentTruncatedWarning, stacklevel=3)
