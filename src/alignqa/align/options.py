"""The aligner's options: bead shapes, score weights and search limits, validated once."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class AlignOptions:
    """Every knob of :func:`alignqa.align.align`; the defaults were tuned on Text+Berg dev.

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

    def __post_init__(self) -> None:
        if self.max_bead_side < 1:
            raise ConfigError(f"max_bead_side must be at least 1, got {self.max_bead_side}")
        if self.max_bead_total < 2:
            raise ConfigError(f"max_bead_total must be at least 2, got {self.max_bead_total}")
        if self.margin_k < 1:
            raise ConfigError(f"margin_k must be at least 1, got {self.margin_k}")
        if self.band_width < 1:
            raise ConfigError(f"band_width must be at least 1, got {self.band_width}")
        if self.full_grid_cells < 1:
            raise ConfigError(f"full_grid_cells must be positive, got {self.full_grid_cells}")
        if self.refine_radius < 0:
            raise ConfigError(f"refine_radius must be 0 or more, got {self.refine_radius}")
        if min(self.length_weight, self.merge_penalty, self.skip_evidence,
               self.structure_penalty) < 0:
            raise ConfigError("length_weight, merge_penalty, skip_evidence and "
                              "structure_penalty must be 0 or more")

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
            raise ConfigError(f"unknown aligner option(s): {', '.join(unknown)} "
                              f"(known: {', '.join(sorted(known))})")
        default = cls()
        typed: dict[str, Any] = {}
        for name, value in values.items():
            want = type(getattr(default, name))
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"aligner option {name} must be a number, got {value!r}")
            if want is int and not float(value).is_integer():
                raise ConfigError(f"aligner option {name} must be an integer, got {value!r}")
            typed[name] = want(value)
        return replace(default, **typed)
