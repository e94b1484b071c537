"""Real embeddings of multi-segment windows, for the steps that check the search's sum-of-parts
approximation where it matters: refinement (``refine.py``), close calls (``boundaries.py``) and
absorbing left-out segments (``absorb.py``). Each asks for the windows it needs; they are encoded
in one call and kept in the sides' ``exact``, where ``Side.window_vector`` finds them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from .search import Span
from .side import Side

Encode = Callable[[list[str]], np.ndarray]
Window = tuple[int, int]  # (start, size)


def encode_windows(src: Side, tgt: Side, source: Sequence[str], target: Sequence[str],
                   wanted: tuple[Iterable[Window], Iterable[Window]], encode: Encode) -> int:
    """Encode the (source, target) windows of ``wanted`` that have two segments or more and are
    not known yet, in one call; returns how many texts that was."""
    sides, texts = (src, tgt), (source, target)
    keys = [[w for w in dict.fromkeys(windows) if w[1] >= 2 and w not in side.exact]
            for windows, side in zip(wanted, sides, strict=True)]
    batch = [" ".join(texts[i][s:s + size]) for i in (0, 1) for s, size in keys[i]]
    if batch:
        vectors = np.asarray(encode(batch), dtype=np.float64)
        for side, part, offset in ((src, keys[0], 0), (tgt, keys[1], len(keys[0]))):
            for key, v in zip(part, vectors[offset:offset + len(part)], strict=True):
                side.exact[key] = v
    return len(batch)


def span_windows(spans: Iterable[Span]) -> tuple[list[Window], list[Window]]:
    """The source and the target window of each bead span."""
    spans = list(spans)
    return ([(s0, s1 - s0) for s0, s1, _, _ in spans], [(t0, t1 - t0) for _, _, t0, t1 in spans])
