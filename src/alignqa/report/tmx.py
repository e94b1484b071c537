"""``--format tmx``: the aligned pairs of a run as TMX 1.4, for translation memories.

One ``<tu>`` per bead with text on both sides, in report order (target file, then bead), each
with a note naming the translation file and line and, for a flagged bead, the checks that flagged
it, so a memory import can leave those out. Written with translate-toolkit's TMX store.
"""

from __future__ import annotations

from ..align.formats import joined, tmx_store
from ..results import RunResult
from .common import display_path


def render(result: RunResult) -> str:
    pairs = sorted(result.pairs, key=lambda p: (str(p.target.path), p.target.lang))
    source_lang = pairs[0].source.lang if pairs else "en"
    store = tmx_store(source_lang, None)
    for pair in pairs:
        flagged: dict[int, set[str]] = {}
        for f in pair.findings:
            if f.bead is not None:
                flagged.setdefault(f.bead, set()).add(f.check)
        path = display_path(pair.target.path)
        source = [s.text for s in pair.source.segments]
        target = [s.text for s in pair.target.segments]
        for i, bead in enumerate(pair.alignment.beads):
            if not bead.src or not bead.tgt:
                continue
            first = pair.target.segments[bead.tgt[0]]
            unit = store.addsourceunit(joined(source, bead.src))
            unit.settarget(joined(target, bead.tgt), lang=pair.target.lang)
            unit.addnote(f"{path}:{first.line}")
            if i in flagged:
                unit.addnote("alignqa findings: " + ", ".join(sorted(flagged[i])))
    return bytes(store).decode("utf-8")
