"""The result of aligning two documents: a monotone sequence of beads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bead:
    """Source segment indices paired with target segment indices (0-based, consecutive).

    An empty ``src`` is an addition (0-1), an empty ``tgt`` an omission (1-0). ``score`` is the
    aligner's relative similarity for the bead (higher is better; None for 0-x / x-0 beads).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float | None = None

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass
class Alignment:
    """Beads covering every source and every target segment exactly once, in order."""

    beads: list[Bead]
    model: str = ""
    encoder_calls: int = 0
    stats: dict[str, float] = field(default_factory=dict)
