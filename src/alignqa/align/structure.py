"""Document structure the aligner respects: what each segment is, and where units end.

A heading pairs with a heading, a list item with a list item, a code line with a code line;
a bead should not run across two list items or two examples (a tldr example is a description
list item and its command line). Each segment gets a *kind*, and each gap between neighbouring
segments a *crossing* flag: 1 where joining the two would cross a unit boundary (the kinds
differ, or either is a structured line and they stand on different lines). Prose sentences
join freely, so documents without structure (``--presplit`` files, plain paragraphs) are
aligned exactly as without it. The search charges ``structure_penalty`` per crossing inside a
window and per kind mismatch between a bead's two sides: a soft cost that overwhelming evidence
can still beat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..document import HEADING, LIST_ITEM, TABLE_ROW, Segment

TEXT, HEADING_KIND, LIST_KIND, TABLE_KIND, CODE_KIND = range(5)
_KINDS = {HEADING: HEADING_KIND, LIST_ITEM: LIST_KIND, TABLE_ROW: TABLE_KIND}


@dataclass(frozen=True)
class Structure:
    kinds: np.ndarray  # (n,) int8: TEXT, HEADING_KIND, ...
    crossings: np.ndarray  # (n - 1,) float64: 1 where segments k and k + 1 are in different units


def structure_of(segments: Sequence[Segment]) -> Structure:
    kinds = np.array([segment_kind(s) for s in segments], dtype=np.int8)
    lines = np.array([s.line for s in segments], dtype=np.int64)
    structured = kinds != TEXT
    crossings = ((kinds[1:] != kinds[:-1])
                 | ((structured[1:] | structured[:-1]) & (lines[1:] != lines[:-1])))
    return Structure(kinds, crossings.astype(np.float64))


def segment_kind(segment: Segment) -> int:
    text = segment.text
    # A line that is all inline code is a command or code sample, whatever block it sits in.
    if len(text) >= 2 and text[0] == "`" and text[-1] == "`":
        return CODE_KIND
    return _KINDS.get(segment.kind, TEXT)
