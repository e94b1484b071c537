"""Gale & Church (1993) length-based alignment, through ``nltk.translate.gale_church``."""

from __future__ import annotations

from collections.abc import Sequence

from nltk.translate.gale_church import align_blocks

from ...alignment import Bead
from .links import beads_from_links


def gale_church_align(source: Sequence[str], target: Sequence[str]) -> list[Bead]:
    """Align by character lengths; nltk returns sentence links, grouped here into beads."""
    if not source or not target:
        return beads_from_links([], len(source), len(target))
    links = align_blocks([max(len(s), 1) for s in source], [max(len(t), 1) for t in target])
    return beads_from_links(links, len(source), len(target))
