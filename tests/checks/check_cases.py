"""Build documents, alignments and contexts from the plain data of a check fixture case.

A segment is a string, or ``{text: ..., kind: heading, paragraph: true}`` (``paragraph``: a blank
line before it, so it starts a new paragraph; ``after``: text on its line after it that is no
segment, as a segmenter leaves a lone '».'). A bead is ``{source: ..., target: ...}``
where each side is a segment, a list of segments, or null (an omission or an addition). A document
is the bead's segments joined by newlines, one segment a line, so offsets and lines are real.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alignqa.alignment import Alignment, Bead
from alignqa.checks.options import CheckOptions
from alignqa.checks.registry import PairContext
from alignqa.document import SENTENCE, Document, Segment
from alignqa.units.model import Skipped, Text


def _segments(side: Any) -> list[dict]:
    if side is None:
        return []
    items = side if isinstance(side, list) else [side]
    return [s if isinstance(s, dict) else {"text": s} for s in items]


def make_document(lang: str, segments: list[dict], path: str) -> Document:
    """A document whose lines are ``segments``, with each segment's offsets, line and column."""
    lines, segs, offset = [], [], 0
    for spec in segments:
        if spec.get("paragraph") and lines:
            lines.append("")
            offset += 1
        text = spec["text"]
        segs.append(Segment(text=text, kind=spec.get("kind", SENTENCE), line=len(lines) + 1,
                            column=1, start=offset, end=offset + len(text)))
        line = text + spec.get("after", "")
        lines.append(line)
        offset += len(line) + 1
    return Document(path=Path(path), lang=lang, text="\n".join(lines) + "\n", segments=segs)


def make_pair(source_lang: str, target_lang: str, beads: list[dict], options: CheckOptions,
              index: int = 0, **context: Any) -> PairContext:
    """The pair of ``beads``; ``context`` fills PairContext's run fields (embedder, glossary_path)."""
    src_segs: list[dict] = []
    tgt_segs: list[dict] = []
    out: list[Bead] = []
    for bead in beads:
        if isinstance(bead, list):
            bead = {"source": bead[0], "target": bead[1]}
        s, t = _segments(bead.get("source")), _segments(bead.get("target"))
        out.append(Bead(tuple(range(len(src_segs), len(src_segs) + len(s))),
                        tuple(range(len(tgt_segs), len(tgt_segs) + len(t))),
                        None if not s or not t else 1.0))
        src_segs += s
        tgt_segs += t
    source = make_document(source_lang, src_segs, f"pair{index}/{source_lang}.md")
    target = make_document(target_lang, tgt_segs, f"pair{index}/{target_lang}.md")
    return PairContext(source, target, Alignment(out), options=options, **context)


def case_pairs(case: dict, options: CheckOptions, **context: Any) -> list[PairContext]:
    """The document pairs of a case: ``source``/``target`` (a 1-1 bead), ``beads`` or ``pairs``;
    ``units`` adds keyed units left out of the comparison (``{key, state, source, target}``)."""
    pairs = _case_pairs(case, options, **context)
    for unit in case.get("units", []):
        texts = {side: Text(unit[side], 1, 1, 0, len(unit[side])) if unit.get(side) else None
                 for side in ("source", "target")}
        pairs[0].target.skipped_units.append(Skipped(unit["key"], unit["state"], texts["source"],
                                                     texts["target"]))
    return pairs


def _case_pairs(case: dict, options: CheckOptions, **context: Any) -> list[PairContext]:
    sl, tl = case["source_lang"], case["target_lang"]
    if "pairs" in case:
        return [make_pair(p.get("source_lang", sl), p.get("target_lang", tl), p["beads"], options,
                          i, **context) for i, p in enumerate(case["pairs"])]
    if "beads" in case:
        return [make_pair(sl, tl, case["beads"], options, **context)]
    return [make_pair(sl, tl, [{"source": case["source"], "target": case["target"]}], options,
                      **context)]


def pair_index(path: str) -> int:
    """The index of the pair a finding's location belongs to (paths are ``pair<N>/<lang>.md``)."""
    return int(Path(path).parent.name.removeprefix("pair"))
