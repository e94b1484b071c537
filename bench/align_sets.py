"""The evaluation sets of bench/align.py, as files the command line reads, with their gold.

Every set is a list of :class:`Case`: two files on disk (written to a scratch folder when the
set is derived), their languages, whether they are one segment per line (``--presplit``), and
the gold beads in segment ids. Sets:

* ``textberg-dev``, ``textberg-test``: the Text+Berg gold (de-fr, OCR'd yearbook prose).
* ``bible``: the first 6,301 zh x 5,000 en lines of the Bible pair (verse gold, 1-n heavy), the
  setting of Bertalign's speed figure; ``bible-small``: its first 630 x 500 lines, where methods
  that encode every window can afford to run.
* ``flores-clauses-lv``: 1-n heavy, as literary translations are: other FLORES-200 articles
  (English -> Latvian), 40% of the target sentences cut at their clause boundaries (commas,
  semicolons, colons) into two or three pieces (1-2 and 1-3 beads), at seeded places.
* ``flores-de``, ``flores-lv``: FLORES-200 articles (English -> German / Latvian), several per
  document, with target sentences merged with their neighbour or split at a clause boundary at
  seeded places (known gold).
* ``tldr-de``, ``tldr-id``: tldr pages (Markdown, segmented as ``alignqa check`` segments them).
  Gold exists for pages *in sync* (same examples, same commands once placeholders are masked):
  the k-th line pairs with the k-th line. Every page is also checked for beads that join two
  examples, or an example's description with a command.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from alignqa.align import parse_beads
from alignqa.document import HEADING, LIST_ITEM
from alignqa.segment import load_document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
TEXTBERG = SHARED / "textberg"
BIBLE = SHARED / "bible-zh-en"
FLORES = SHARED / "flores200" / "multiway_eng_lvs_ind_deu_fra.tsv"
TLDR = SHARED / "tldr"
BIBLE_SLICES = {"bible": (6301, 5000), "bible-small": (630, 500)}
FLORES_COLUMNS = {"de": "deu_Latn", "lv": "lvs_Latn", "id": "ind_Latn", "fr": "fra_Latn"}
FLORES_ARTICLES_PER_DOC = 8
FLORES_DOCS = 12
TLDR_PAGES = 30
SET_NAMES = ("textberg-dev", "textberg-test", "bible", "bible-small", "flores-de", "flores-lv",
             "flores-clauses-lv", "tldr-de", "tldr-id")

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class Case:
    name: str
    source: Path
    target: Path
    source_lang: str
    target_lang: str
    presplit: bool
    gold: Gold
    # tldr only: per side, the example each segment belongs to (-1: page header) and whether it
    # is a command line; and whether the page is in sync (its gold is meaningful).
    units: tuple[list[int], list[int]] | None = None
    commands: tuple[list[bool], list[bool]] | None = None
    in_sync: bool = True
    segments: int = field(default=0)


def build(name: str, scratch: Path) -> list[Case]:
    scratch.mkdir(parents=True, exist_ok=True)
    if name.startswith("textberg-"):
        return _textberg(name.split("-", 1)[1])
    if name in BIBLE_SLICES:
        return _bible(name, *BIBLE_SLICES[name], scratch)
    if name.startswith("flores-clauses-"):
        return _flores(name.rsplit("-", 1)[1], scratch / name, clauses=True)
    if name.startswith("flores-"):
        return _flores(name.split("-", 1)[1], scratch / name)
    if name.startswith("tldr-"):
        return _tldr(name.split("-", 1)[1])
    raise ValueError(f"unknown set {name!r} (known: {', '.join(SET_NAMES)})")


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _textberg(split: str) -> list[Case]:
    names = ["dev"] if split == "dev" else [f"test{i}" for i in range(7)]
    out = []
    for n in names:
        gold = [(b.src, b.tgt) for b in parse_beads((TEXTBERG / f"{n}.defr").read_text("utf-8"))]
        out.append(Case(n, TEXTBERG / f"{n}.de", TEXTBERG / f"{n}.fr", "de", "fr", True, gold,
                        segments=len(_lines(TEXTBERG / f"{n}.de")) + len(_lines(TEXTBERG / f"{n}.fr"))))
    return out


def _bible(name: str, zh_lines: int, en_lines: int, scratch: Path) -> list[Case]:
    zh = scratch / f"{name}.zh"
    en = scratch / f"{name}.en"
    zh.write_text("\n".join(_lines(BIBLE / "zh.txt")[:zh_lines]) + "\n", encoding="utf-8")
    en.write_text("\n".join(_lines(BIBLE / "en.txt")[:en_lines]) + "\n", encoding="utf-8")
    gold = []
    for b in parse_beads((BIBLE / "gold.zhen").read_text("utf-8")):
        if all(i < zh_lines for i in b.src) and all(j < en_lines for j in b.tgt):
            gold.append((b.src, b.tgt))
    # Verses that straddle the cut are left out of the gold; the alignment runs to both ends.
    return [Case(name, zh, en, "zh", "en", True, gold, segments=zh_lines + en_lines)]


def _flores(lang: str, folder: Path, clauses: bool = False) -> list[Case]:
    """Documents of consecutive articles; with ``clauses``, the next articles after those of the
    plain sets, their target sentences cut into clauses instead of merged and split."""
    with FLORES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    articles: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        articles[r["doc_id"]].append(r)
    ids = list(articles)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    first = FLORES_DOCS if clauses else 0
    for d in range(FLORES_DOCS):
        chosen = ids[(first + d) * FLORES_ARTICLES_PER_DOC:(first + d + 1) * FLORES_ARTICLES_PER_DOC]
        pairs = [(r["eng_Latn"], r[FLORES_COLUMNS[lang]]) for a in chosen for r in articles[a]]
        if clauses:
            source, target, gold = seeded_clause_cuts(pairs, random.Random(f"clauses-{lang}-{d}"))
        else:
            source, target, gold = seeded_merges_and_splits(pairs, random.Random(f"{lang}-{d}"))
        src = folder / f"doc{d}.en"
        tgt = folder / f"doc{d}.{lang}"
        src.write_text("\n".join(source) + "\n", encoding="utf-8")
        tgt.write_text("\n".join(target) + "\n", encoding="utf-8")
        out.append(Case(f"doc{d}", src, tgt, "en", lang, True, gold,
                        segments=len(source) + len(target)))
    return out


def seeded_merges_and_splits(pairs: list[tuple[str, str]], rng: random.Random,
                             merge: float = 0.15, split: float = 0.1
                             ) -> tuple[list[str], list[str], Gold]:
    """Source sentences as they are; target sentences merged with the next one (a 2-1 bead)
    or split at the clause boundary nearest their middle (a 1-2 bead) at random places."""
    source: list[str] = []
    target: list[str] = []
    gold: Gold = []
    k = 0
    while k < len(pairs):
        s0, t0 = len(source), len(target)
        roll = rng.random()
        if roll < merge and k + 1 < len(pairs):
            source += [pairs[k][0], pairs[k + 1][0]]
            target.append(f"{pairs[k][1]} {pairs[k + 1][1]}")
            k += 2
        elif roll < merge + split and (halves := _split(pairs[k][1])):
            source.append(pairs[k][0])
            target += halves
            k += 1
        else:
            source.append(pairs[k][0])
            target.append(pairs[k][1])
            k += 1
        gold.append((tuple(range(s0, len(source))), tuple(range(t0, len(target)))))
    return source, target, gold


def seeded_clause_cuts(pairs: list[tuple[str, str]], rng: random.Random, share: float = 0.4
                       ) -> tuple[list[str], list[str], Gold]:
    """Source sentences as they are; a ``share`` of the target sentences, at random places, cut
    into their clauses (``_clauses``: two or three pieces, 1-2 and 1-3 beads)."""
    source: list[str] = []
    target: list[str] = []
    gold: Gold = []
    for s, t in pairs:
        pieces = (_clauses(t) if rng.random() < share else None) or [t]
        gold.append(((len(source),), tuple(range(len(target), len(target) + len(pieces)))))
        source.append(s)
        target += pieces
    return source, target, gold


def _clauses(sentence: str) -> list[str] | None:
    """The sentence cut after the commas, semicolons or colons a third and two thirds of the way
    through its list of such cuts (after the only one, if one); None if a piece would be under 8
    characters or the sentence is under 60."""
    cuts = [m.end() for m in re.finditer(r"[,;:] ", sentence)]
    if not cuts or len(sentence) < 60:
        return None
    chosen = sorted({cuts[len(cuts) // 3], cuts[(2 * len(cuts)) // 3]} if len(cuts) >= 2
                    else {cuts[0]})
    bounds = [0, *chosen, len(sentence)]
    pieces = [sentence[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return pieces if len(pieces) > 1 and all(len(p) >= 8 for p in pieces) else None


def _split(sentence: str) -> list[str] | None:
    """The sentence cut after the comma (else the space) nearest its middle; None if short."""
    if len(sentence) < 40:
        return None
    middle = len(sentence) // 2
    cuts = [m.end() for m in re.finditer(r"[,;:] ", sentence)] or \
        [m.end() for m in re.finditer(r" ", sentence)]
    cut = min(cuts, key=lambda c: abs(c - middle))
    if cut < 12 or len(sentence) - cut < 12:
        return None
    return [sentence[:cut].strip(), sentence[cut:].strip()]


_PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}")


def _tldr(lang: str) -> list[Case]:
    folder = TLDR / f"pages.{lang}" / "common"
    names = sorted(p.name for p in folder.glob("*.md")
                   if (TLDR / "pages" / "common" / p.name).exists())
    # A fixed spread over the alphabet, not the first pages only.
    step = max(len(names) // TLDR_PAGES, 1)
    out = []
    for name in names[::step][:TLDR_PAGES]:
        en_path, xx_path = TLDR / "pages" / "common" / name, folder / name
        en, xx = load_document(en_path, "en"), load_document(xx_path, lang)
        (units_en, cmd_en), (units_xx, cmd_xx) = _tldr_units(en), _tldr_units(xx)
        in_sync = _masked_commands(en) == _masked_commands(xx)
        gold = _tldr_gold(en, xx) if in_sync else []
        out.append(Case(name, en_path, xx_path, "en", lang, False, gold or [],
                        units=(units_en, units_xx), commands=(cmd_en, cmd_xx),
                        in_sync=in_sync and gold is not None,
                        segments=len(en.segments) + len(xx.segments)))
    return out


def is_command(text: str) -> bool:
    return len(text) >= 2 and text.startswith("`") and text.endswith("`")


def _tldr_units(doc) -> tuple[list[int], list[bool]]:
    """Per segment: the example it belongs to (-1 before the first) and whether it is a command."""
    units, commands, example = [], [], -1
    for s in doc.segments:
        if s.kind == LIST_ITEM and s.marker:
            example += 1
        units.append(example)
        commands.append(is_command(s.text))
    return units, commands


def _masked_commands(doc) -> list[str]:
    return [_PLACEHOLDER_RE.sub("{{}}", s.text) for s in doc.segments if is_command(s.text)]


def _tldr_gold(en, xx) -> Gold | None:
    """Line k of the page pairs with line k of its translation, once both are grouped into
    lines; None when the line structure differs (the page has no usable gold)."""
    def lines(doc):
        groups: dict[tuple[int, str], list[int]] = {}
        for i, s in enumerate(doc.segments):
            kind = "heading" if s.kind == HEADING else "command" if is_command(s.text) else (
                "example" if s.kind == LIST_ITEM else "text")
            groups.setdefault((s.line, kind), []).append(i)
        return list(groups.items())

    a, b = lines(en), lines(xx)
    if len(a) != len(b) or any(ka[1] != kb[1] for (ka, _), (kb, _) in zip(a, b, strict=True)):
        return None
    return [(tuple(ia), tuple(ib)) for (_, ia), (_, ib) in zip(a, b, strict=True)]
