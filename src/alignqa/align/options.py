"""The aligner's options: bead shapes, score weights and search limits, validated once."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import ConfigError

# The largest bead side anyone needs (the CLI's --max-bead cap too): memory and time grow with its
# square, and 100,000 took 3 GB before aligning anything.
MAX_BEAD_SIDE = 20
# Inclusive (low, high) of every option. Beyond these a run is pointless, not merely slow: a full
# grid under 32 x 32 cannot be reached by halving (the coarse-to-fine search would never stop), and
# a larger one than 4M cells is quadratic memory for no measured gain.
RANGES: dict[str, tuple[float, float]] = {
    "max_bead_side": (1, MAX_BEAD_SIDE),
    "max_bead_total": (2, 2 * MAX_BEAD_SIDE),
    "skip": (-10.0, 10.0),
    "merge_penalty": (0.0, 10.0),
    "length_weight": (0.0, 10.0),
    "margin_k": (1, 64),
    "band_width": (1, 256),
    "full_grid_cells": (32 * 32, 4_000_000),
    "refine_radius": (0, 16),
    "refine_below": (-10.0, 10.0),
    "refine_skips": (0, 1),
    "skip_evidence": (0.0, 10.0),
    "skip_context": (0.0, 10.0),
    "structure_penalty": (0.0, 10.0),
    "pair_facing_gaps": (0, 1),
    "refine_boundaries": (0.0, 10.0),
    "absorb_skips": (0, 1),
    "absorb_loss": (0.0, 2.0),
    "anchor_weight": (0.0, 10.0),
    "anchor_centre": (0.0, 1.0),
}


def _out_of_range(name: str, value: Any) -> str | None:
    """Why ``value`` is no valid ``name``, or None when it is."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value!r}"
    low, high = RANGES.get(name, (-math.inf, math.inf))
    if not low <= value <= high:
        return f"must be between {low} and {high}, got {value!r}"
    return None


@dataclass(frozen=True)
class AlignOptions:
    """Every knob of :func:`alignqa.align.align`; the score weights were tuned on Text+Berg dev,
    the skip values, ``refine_boundaries`` and the anchors on every set of ``bench/align.py``
    (docs/aligner.md).

    A bead joins ``a`` source and ``b`` target segments; ``a`` and ``b`` are at most
    ``max_bead_side`` and ``a + b`` at most ``max_bead_total``.
    """

    max_bead_side: int = 4
    max_bead_total: int = 5
    # Value of a 0-1 or 1-0 bead (a segment left unaligned), on the scale of the margin score.
    skip: float = -0.12
    # Lowers the value of leaving a segment unaligned by this times its best centred cosine
    # with any segment of the other side: content that is plainly there joins a bead.
    skip_evidence: float = 0.0
    # After the first search, lowers the skip value of each segment left out by this times how
    # far its centred cosine with the other side of the bead beside it rises above unrelated
    # pairs' level, and searches again (context.py; 0: off).
    skip_context: float = 0.3
    # Subtracted once per segment a bead has beyond a 1-1 (1-2 pays 1, 2-2 pays 2).
    merge_penalty: float = 0.08
    # Cost of each unit boundary (list item, example, heading, code line) a bead crosses and of
    # each kind mismatch at its ends; 0 ignores document structure.
    structure_penalty: float = 0.3
    # Weight of the Gale-Church style length prior (squared z of the character lengths).
    length_weight: float = 0.03
    # Neighbours averaged into the margin (LASER/Bertalign use k = 3 or 4).
    margin_k: int = 3
    # Half-width, in segments, of the band searched around the coarse path (never less than
    # max_bead_side + 2, so that the largest bead fits beside the path).
    band_width: int = 8
    # Largest grid (source x target segments) searched in full before coarse-to-fine kicks in.
    full_grid_cells: int = 250_000
    # Re-score with real concatenations around uncertain beads, this many beads either side
    # (0: off, the default: on Text+Berg it bought +0.004 dev / +0.001 test strict F1 for ~1.1-1.3
    # extra encoder calls per segment).
    refine_radius: int = 0
    # A 1-1 bead scoring below this margin counts as uncertain and gets refined too.
    refine_below: float = 0.05
    # Encode for real the windows that would absorb each segment the first path leaves
    # unaligned, and the m-n beads it chose, then search again (0: off, the default: on
    # Text+Berg and the Bible it changed strict F1 by -0.000 / +0.002 for 0.13 extra encoder
    # calls per segment). Used when refine_radius is 0.
    refine_skips: int = 0
    # Close calls between neighbouring beads (their boundary moved by one segment, or the two
    # merged, changes their summed value by less than this) are re-scored with real
    # concatenations and the path searched again (boundaries.py; 0: off). 0.05 is about the
    # approximation's own error (median |real - approximate| bead value 0.033, 90th
    # percentile 0.074, on Text+Berg, bible-small and FLORES); chosen on all nine sets of
    # bench/align.py (0.03 / 0.05 / 0.07 / 0.1: mean strict F1 0.9509 / 0.9515 / 0.9513 /
    # 0.9507, against 0.9468 off) for 0.01-0.05 extra encoder calls per segment.
    refine_boundaries: float = 0.05
    # A segment still left out joins the bead beside it when it resembles the bead's other side
    # above the unrelated level and the bead's real embedding with it added loses less than
    # absorb_loss of its centred cosine (absorb.py; 0: off). On every set of bench/align.py it
    # raised strict F1 or left it (the Bible 0.906 -> 0.910, lax 0.998 -> 0.999; Text+Berg test
    # 0.929 -> 0.931); absorb_loss 0.01 / 0.03 / 0.05 differ by 0.001-0.004.
    absorb_skips: int = 1
    absorb_loss: float = 0.03
    # Pair gaps that face each other one for one with the same kinds and no contradicting code
    # (facing.py): a free rendering the search left unpaired is no omission plus addition.
    pair_facing_gaps: int = 1
    # Weight of the number anchors (numbers both sides hold: digits, CJK numerals or number
    # words, read by value; anchors.py): a bead gains this times its windows' anchor cosine
    # above anchor_centre, where both windows have anchors (0: off, the default: with
    # refine_boundaries on, weight 0.3 gave the Bible 0.909 / 0.999 but Text+Berg test 0.927
    # and bible-small 0.884 / 0.996, against 0.906 / 0.998, 0.929 and 0.890 / 1.000 off).
    anchor_weight: float = 0.0
    anchor_centre: float = 0.2

    def __post_init__(self) -> None:
        problems = [f"{name} {problem}" for name, problem in
                    ((f.name, _out_of_range(f.name, getattr(self, f.name))) for f in fields(self))
                    if problem]
        if problems:
            raise ConfigError("; ".join(problems))

    @property
    def effective_band_width(self) -> int:
        return max(self.band_width, self.max_bead_side + 2)

    @property
    def bead_shapes(self) -> list[tuple[int, int]]:
        """Every (a, b) bead shape searched, 1-0 and 0-1 included."""
        shapes = [(1, 0), (0, 1)]
        for a in range(1, self.max_bead_side + 1):
            for b in range(1, self.max_bead_side + 1):
                if a + b <= self.max_bead_total:
                    shapes.append((a, b))
        return shapes

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> AlignOptions:
        """Build from keyword options (CLI or config), rejecting unknown names."""
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ConfigError(f"unknown aligner option(s): {', '.join(map(repr, unknown))} "
                              f"(known: {', '.join(sorted(known))})")
        default = cls()
        typed: dict[str, Any] = {}
        problems: list[str] = []
        for name, value in values.items():
            want = type(getattr(default, name))
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{name} must be a number, got {value!r}")
            elif want is int and not (math.isfinite(value) and float(value).is_integer()):
                problems.append(f"{name} must be an integer, got {value!r}")
            else:
                typed[name] = want(value)
                problems += [f"{name} {p}" for p in [_out_of_range(name, typed[name])] if p]
        if problems:
            raise ConfigError("; ".join(f"aligner option {p}" for p in problems))
        return replace(default, **typed)
