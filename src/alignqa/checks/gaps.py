"""Text one side of an alignment has and the other lacks, cut into the units a reviewer counts.

``omission`` and ``addition`` share this. The aligner leaves a segment unpaired (a 1-0 or 0-1
bead); a reviewer thinks in *units* instead: a heading, a list item together with the code line or
indented paragraph that belongs to it (a tldr example is a description and its command), a table
row, a paragraph. One missing unit is one finding, however many segments it has.

A missing sentence inside a paragraph whose neighbour *is* paired may be no gap at all: the other
side joined two sentences into one (or split one into two) and the aligner paired only one of
them. When adding the sentence to its neighbour's side makes that neighbour's pair *more* similar
(cosine of the pipeline's embeddings) and the counterpart's length fits the joined text better
than the neighbour alone (against the document's median length ratio), its content is in the
neighbour's counterpart and nothing is reported. Structure alone decides elsewhere: a heading, a
list item or a code line is never merged into another unit.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..document import HEADING, LIST_ITEM, SENTENCE, TABLE_ROW, Document, Segment
from ..findings import Location
from .registry import BeadView, PairContext

_BLANK_LINE = re.compile(r"\n[ \t>]*\n")
_CODE_ONLY = re.compile(r"(`+)(?!`).*(?<!`)\1")


@dataclass
class Gap:
    """A run of consecutive unpaired segments of one side, inside one unit."""

    unit: int  # index of its unit in the side's units
    segments: list[int]  # indices into the side's segments
    beads: list[int]  # indices of the one-sided beads that hold them


def is_code_line(seg: Segment) -> bool:
    """A segment that is nothing but a code span (tldr's command lines)."""
    return _CODE_ONLY.fullmatch(seg.text.strip()) is not None


def _starts_paragraph(doc: Document, i: int) -> bool:
    return i == 0 or _BLANK_LINE.search(doc.text, doc.segments[i - 1].end,
                                        doc.segments[i].start) is not None


def _indented(doc: Document, seg: Segment) -> bool:
    line_start = doc.text.rfind("\n", 0, seg.start) + 1
    lead = doc.text[line_start:seg.start]
    return bool(lead) and lead.strip(" \t>") == "" and lead[:1] in " \t"


def units(doc: Document) -> list[list[int]]:
    """The document's segments grouped into units (lists of segment indices, in order)."""
    out: list[list[int]] = []
    for i, seg in enumerate(doc.segments):
        new = not out or seg.kind in (HEADING, LIST_ITEM, TABLE_ROW) or _starts_paragraph(doc, i)
        if new and out and seg.kind == SENTENCE:
            # A code line or an indented paragraph after a list item belongs to that item.
            head = doc.segments[out[-1][0]]
            if head.kind == LIST_ITEM and (is_code_line(seg) or _indented(doc, seg)):
                new = False
        if new:
            out.append([i])
        else:
            out[-1].append(i)
    return out


def unit_kind(doc: Document, unit: Sequence[int]) -> str:
    """What a reviewer calls the unit: heading, list item, table row, paragraph or sentence."""
    head = doc.segments[unit[0]]
    if head.kind == LIST_ITEM:
        code = any(is_code_line(doc.segments[k]) for k in unit[1:])
        return "list item and its code line" if code else "list item"
    if head.kind in (HEADING, TABLE_ROW):
        return head.kind.replace("-", " ")
    if is_code_line(head) and len(unit) == 1:
        return "code line"
    return "paragraph" if len(unit) > 1 else "sentence"


def piece_kind(doc: Document, gap: Gap, unit: Sequence[int]) -> str:
    """The kind of a gap: its unit's kind when it is the whole unit, else its first segment's."""
    if list(gap.segments) == list(unit):
        return unit_kind(doc, unit)
    first = doc.segments[gap.segments[0]]
    if is_code_line(first) and len(gap.segments) == 1:
        return "code line"
    return first.kind.replace("-", " ") if first.kind != SENTENCE else (
        "sentences" if len(gap.segments) > 1 else "sentence")


class Side:
    """One side of a pair seen from a gap check: ``source`` for omissions, ``target`` for
    additions; ``other`` is the side that lacks the text."""

    def __init__(self, ctx: PairContext, name: str) -> None:
        self.name = name
        self.label = "source" if name == "source" else "translation"
        self.doc = ctx.source if name == "source" else ctx.target
        self.views = list(ctx.beads())
        self.units = units(self.doc)
        self.unit_of = {k: u for u, unit in enumerate(self.units) for k in unit}
        # Segment index of this side -> the bead holding it.
        self.bead_of: dict[int, int] = {}
        for view in self.views:
            for k in self.segs(view.bead):
                self.bead_of[k] = view.index

    def segs(self, bead) -> tuple[int, ...]:
        return bead.src if self.name == "source" else bead.tgt

    def other_segs(self, bead) -> tuple[int, ...]:
        return bead.tgt if self.name == "source" else bead.src

    def unpaired(self, k: int) -> bool:
        bead = self.bead_of.get(k)
        return bead is not None and not self.other_segs(self.views[bead].bead)

    def gaps(self) -> list[Gap]:
        """Runs of unpaired segments, cut at unit boundaries."""
        out: list[Gap] = []
        for u, unit in enumerate(self.units):
            run: list[int] = []
            for k in [*unit, None]:
                if k is not None and self.unpaired(k):
                    run.append(k)
                elif run:
                    beads = sorted({self.bead_of[j] for j in run})
                    out.append(Gap(u, run, beads))
                    run = []
        return out

    @cached_property
    def usual_ratio(self) -> float:
        """Median length ratio (other side / this side, in characters) of the paired beads."""
        ratios = [len(v.target_text if self.name == "source" else v.source_text) /
                  max(len(v.source_text if self.name == "source" else v.target_text), 1)
                  for v in self.views if v.source and v.target]
        return max(statistics.median(ratios), 1e-3) if ratios else 1.0

    def text(self, segments: Sequence[int]) -> str:
        return " ".join(self.doc.segments[k].text for k in segments)

    def view(self, gap: Gap) -> BeadView:
        """A bead view spanning the gap's segments, for locating the finding."""
        first = self.views[gap.beads[0]]
        segs = [self.doc.segments[k] for k in gap.segments]
        return BeadView(first.index, first.bead, segs if self.name == "source" else [],
                        segs if self.name == "target" else [])


def merged_into_neighbour(side: Side, gap: Gap,
                          encode: Callable[[list[str]], Any] | None) -> bool:
    """True when the gap's sentences read as part of a paired neighbour in the same paragraph
    (never without an encoder to confirm it)."""
    doc = side.doc
    if encode is None:
        return False
    if any(doc.segments[k].kind != SENTENCE or is_code_line(doc.segments[k])
           for k in gap.segments):
        return False
    first, last = gap.segments[0], gap.segments[-1]
    candidates = []
    if first > 0 and not _starts_paragraph(doc, first):
        candidates.append((first - 1, "before"))
    if last + 1 < len(doc.segments) and not _starts_paragraph(doc, last + 1):
        candidates.append((last + 1, "after"))
    piece = side.text(gap.segments)
    for k, where in candidates:
        bead_index = side.bead_of.get(k)
        if bead_index is None or side.unpaired(k):
            continue
        view = side.views[bead_index]
        mine = side.text(side.segs(view.bead))
        theirs = view.target_text if side.name == "source" else view.source_text
        joined = f"{mine} {piece}" if where == "before" else f"{piece} {mine}"
        # Both signs must agree: the counterpart is long enough to hold the joined text (its
        # length ratio is nearer the document's usual one), and it means the joined text better.
        usual = side.usual_ratio
        if abs(math.log(max(len(theirs), 1) / max(len(joined), 1) / usual)) >= \
                abs(math.log(max(len(theirs), 1) / max(len(mine), 1) / usual)):
            continue
        v_mine, v_joined, v_theirs = encode([mine, joined, theirs])
        if float(v_joined @ v_theirs) > float(v_mine @ v_theirs):
            return True
    return False


def insertion_point(ctx: PairContext, gap: Gap) -> Location:
    """Where, in the translation, the text of a source gap is missing: at the start of the first
    target segment paired after it, else just after the last one paired before it."""
    target = ctx.target
    beads = ctx.alignment.beads
    after = [k for b in beads[gap.beads[-1] + 1:] for k in b.tgt]
    before = [k for b in beads[:gap.beads[0]] for k in b.tgt]
    if after:
        seg = target.segments[min(after)]
        offset = seg.start
    elif before:
        offset = target.segments[max(before)].end
    else:
        offset = 0
    line = target.text.count("\n", 0, offset) + 1
    column = offset - (target.text.rfind("\n", 0, offset) + 1) + 1
    return Location(path=target.name, line=line, column=column, end_line=line,
                    end_column=column, start=offset, end=offset)


def summary(side: Side, gaps: Sequence[Gap], has_content: Callable[[str], bool]) -> str:
    """'3 of 8 source list items with code, 1 of 4 source paragraphs': units of ``side`` whose
    every segment is in ``gaps``, and how many more are missing in part."""
    totals: dict[str, int] = {}
    whole: dict[str, int] = {}
    partly = 0
    for u, unit in enumerate(side.units):
        if not has_content(side.text(unit)):
            continue
        kind = _plural_kind(unit_kind(side.doc, unit))
        totals[kind] = totals.get(kind, 0) + 1
        missing = [k for g in gaps if g.unit == u for k in g.segments]
        if missing == list(unit):
            whole[kind] = whole.get(kind, 0) + 1
        elif missing:
            partly += 1
    text = ", ".join(f"{whole[k]} of {totals[k]} {side.label} {k}" for k in totals if whole.get(k))
    units_word = f"unit{'s' if partly > 1 else ''}"
    if partly and text:
        text += f" (and part of {partly} more {units_word})"
    elif partly:
        text = f"parts of {partly} {side.label} {units_word}"
    return text


def _plural_kind(kind: str) -> str:
    return {"list item and its code line": "list items with code",
            "list item": "list items", "heading": "headings", "table row": "table rows",
            "paragraph": "paragraphs", "sentence": "paragraphs", "code line": "code lines"}[kind]
