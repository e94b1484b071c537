"""Output formats of ``alignqa align``: text, json, tsv, beads and TMX 1.4.

``beads`` is the Text+Berg gold format (one bead per line, ``[0]:[0, 1]``, 0-based) and reads
back with :func:`parse_beads`. ``tmx`` is written with translate-toolkit's TMX store and holds
the beads that have text on both sides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from translate.storage.tmx import tmxfile

from .. import __version__
from ..alignment import Alignment, Bead
from ..errors import InputError

FORMATS = ("text", "json", "tsv", "beads", "tmx")

_BEAD_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def render(alignment: Alignment, source_texts: Sequence[str], target_texts: Sequence[str],
           fmt: str, source_lang: str, target_lang: str) -> str | bytes:
    """The alignment in one format: ``str`` for every format but ``tmx``, which is UTF-8 bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown alignment format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "beads":
        return "".join(f"{b}\n" for b in alignment.beads)
    if fmt == "tsv":
        return _tsv(alignment, source_texts, target_texts)
    if fmt == "json":
        return _json(alignment, source_texts, target_texts, source_lang, target_lang)
    if fmt == "tmx":
        return _tmx(alignment, source_texts, target_texts, source_lang, target_lang)
    return _text(alignment, source_texts, target_texts, source_lang, target_lang)


def parse_beads(text: str, path: str | None = None) -> list[Bead]:
    """Read the ``beads`` format back (blank lines ignored); a bad line is an InputError."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _BEAD_LINE.match(line)
        if not m:
            raise InputError(f"line {number}: expected a bead like [0]:[0, 1], got {line!r}", path)
        beads.append(Bead(_ids(m.group(1)), _ids(m.group(2))))
    return beads


def joined(texts: Sequence[str], ids: Sequence[int]) -> str:
    """The text of one side of a bead: its segments joined by a space."""
    return " ".join(texts[i] for i in ids)


def _ids(group: str) -> tuple[int, ...]:
    return tuple(int(x) for x in group.replace(",", " ").split())


def _score(bead: Bead) -> str:
    return "" if bead.score is None else f"{bead.score:.4f}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tsv(alignment: Alignment, src: Sequence[str], tgt: Sequence[str]) -> str:
    lines = ["source\ttarget\tscore"]
    for b in alignment.beads:
        lines.append(f"{_one_line(joined(src, b.src))}\t{_one_line(joined(tgt, b.tgt))}\t"
                     f"{_score(b)}")
    return "\n".join(lines) + "\n"


def _json(alignment: Alignment, src: Sequence[str], tgt: Sequence[str], source_lang: str,
          target_lang: str) -> str:
    data = {
        "source_lang": source_lang,
        "target_lang": target_lang,
        "model": alignment.model,
        "encoder_calls": alignment.encoder_calls,
        "stats": alignment.stats,
        "beads": [
            {"source": list(b.src), "target": list(b.tgt), "type": b.kind, "score": b.score,
             "source_text": joined(src, b.src), "target_text": joined(tgt, b.tgt)}
            for b in alignment.beads
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def tmx_store(source_lang: str, target_lang: str | None) -> tmxfile:
    """An empty TMX 1.4 store whose header names alignqa as the creation tool."""
    store = tmxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    header = store.document.getroot().find(store.namespaced("header"))
    if header is not None:
        header.set("creationtool", "alignqa")
        header.set("creationtoolversion", __version__)
    return store


def _tmx(alignment: Alignment, src: Sequence[str], tgt: Sequence[str], source_lang: str,
         target_lang: str) -> bytes:
    store = tmx_store(source_lang, target_lang)
    for b in alignment.beads:
        if not b.src or not b.tgt:
            continue
        unit = store.addsourceunit(joined(src, b.src))
        unit.settarget(joined(tgt, b.tgt), lang=target_lang)
        score = "" if b.score is None else f" score {b.score:.4f}"
        unit.addnote(f"bead {b} {b.kind}{score}")
    return bytes(store)


def _text(alignment: Alignment, src: Sequence[str], tgt: Sequence[str], source_lang: str,
          target_lang: str) -> str:
    width = max(len(source_lang), len(target_lang))
    blocks = []
    for b in alignment.beads:
        score = "" if b.score is None else f"  score {b.score:+.3f}"
        lines = [f"{b}  {b.kind}{score}"]
        if b.src:
            lines.append(f"  {source_lang:<{width}}  {joined(src, b.src)}")
        if b.tgt:
            lines.append(f"  {target_lang:<{width}}  {joined(tgt, b.tgt)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
