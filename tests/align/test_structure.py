"""Document structure in the aligner: kinds, unit boundaries, and what the search charges."""

from __future__ import annotations

import numpy as np

from alignqa.align import align
from alignqa.align.structure import CODE_KIND, HEADING_KIND, LIST_KIND, TEXT, structure_of
from alignqa.segment import segment_lines, segment_text

from .fakes import BagOfWordsEmbedder, assert_complete

PAGE = """# tar

> Archiving utility. Often combined with gzip.

- Create an archive from files:

`tar cf {{target.tar}} {{file1 file2}}`

- Extract an archive:

`tar xf {{source.tar}}`
"""


def test_kinds_and_unit_crossings_of_a_markdown_page():
    segments = segment_text(PAGE, "en")
    structure = structure_of(segments)
    assert structure.kinds.tolist() == [HEADING_KIND, TEXT, TEXT, LIST_KIND, CODE_KIND,
                                        LIST_KIND, CODE_KIND]
    # The description's two sentences join freely; every other neighbour is another unit.
    assert structure.crossings.tolist() == [1, 0, 1, 1, 1, 1]


def test_presplit_lines_are_prose_unless_all_code():
    # Pre-split files have no Markdown: "# a" and "- b" are sentences and join freely.
    structure = structure_of(segment_lines("# a\n- b\nc\n`d`\n"))
    assert structure.kinds.tolist() == [TEXT, TEXT, TEXT, CODE_KIND]
    assert structure.crossings.tolist() == [0, 0, 1]


def _example(i: int, words: str) -> list[str]:
    return [f"- {words} step{i}:", f"`tool{i} --flag{i} {{{{file{i}}}}}`"]


def test_a_bead_does_not_join_a_description_with_the_next_example():
    # The target's second description is a loose translation (one shared word): it must still
    # pair with the second description, not join the first example's command.
    source = ["# tool", *_example(1, "alpha beta gamma delta"),
              *_example(2, "epsilon zeta eta theta iota kappa")]
    target = ["# tool", *_example(1, "alpha beta gamma delta"),
              "- kappa lambda mu nu step2:", "`tool2 --flag2 {{file2}}`"]
    src_segments = segment_text("\n\n".join(source) + "\n", "en")
    tgt_segments = segment_text("\n\n".join(target) + "\n", "de")
    structure = (structure_of(src_segments), structure_of(tgt_segments))
    texts = ([s.text for s in src_segments], [s.text for s in tgt_segments])
    embedder = BagOfWordsEmbedder()
    kept = align(*texts, embedder, structure=structure)
    assert_complete(kept.beads, len(texts[0]), len(texts[1]))
    units = [np.cumsum([s.kind == "list-item" for s in side]) for side in (src_segments,
                                                                             tgt_segments)]

    def crosses(bead) -> bool:
        return (len({units[0][i] for i in bead.src}) > 1
                or len({units[1][j] for j in bead.tgt}) > 1)

    assert not any(crosses(b) for b in kept.beads), [str(b) for b in kept.beads]
    assert [str(b) for b in kept.beads][-2:] == ["[3]:[3]", "[4]:[4]"]
