"""Facing gaps are paired one for one only when kinds match and no code contradicts."""

from __future__ import annotations

from alignqa.align.facing import pair_facing_gaps
from alignqa.align.structure import structure_of
from alignqa.document import LIST_ITEM, SENTENCE, Segment

SOURCE = ["Encode a file:", "`base64 {{path/to/file}}`", "Decode a file:", "`base64 -d {{file}}`"]
TARGET = ["Kodiere den Inhalt einer Datei als Base64 und schreibe das Ergebnis:",
          "`base64 {{pfad/zu/datei}}`", "Dekodiere den Inhalt einer Datei:", "`base64 -d {{datei}}`"]


def _structure(texts: list[str], kinds: list[str]):
    segments = [Segment(t, k, line=i + 1, column=1, start=0, end=len(t))
                for i, (t, k) in enumerate(zip(texts, kinds, strict=True))]
    return structure_of(segments)


KINDS = [LIST_ITEM, SENTENCE, LIST_ITEM, SENTENCE]
STRUCTURE = (_structure(SOURCE, KINDS), _structure(TARGET, KINDS))


def test_a_description_left_unpaired_on_both_sides_is_paired():
    # The search paired the commands but not the first, freely translated description.
    spans = [(0, 0, 0, 1), (0, 1, 1, 1), (1, 2, 1, 2), (2, 3, 2, 3), (3, 4, 3, 4)]
    assert pair_facing_gaps(spans, SOURCE, TARGET, STRUCTURE) == [
        (0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3), (3, 4, 3, 4)]


def test_whole_examples_facing_each_other_pair_in_order():
    spans = [(0, 2, 0, 0), (2, 2, 0, 2), (2, 3, 2, 3), (3, 4, 3, 4)]
    assert pair_facing_gaps(spans, SOURCE, TARGET, STRUCTURE)[:2] == [(0, 1, 0, 1), (1, 2, 1, 2)]


def test_unequal_gaps_stay_gaps():
    spans = [(0, 2, 0, 0), (2, 2, 0, 1), (2, 3, 1, 2), (3, 4, 2, 4)]
    assert pair_facing_gaps(spans, SOURCE, TARGET, STRUCTURE)[:2] == spans[:2]


def test_a_kind_mismatch_or_a_different_command_stays_a_gap():
    # A description facing a command line is no pair.
    shifted = [(0, 1, 0, 0), (1, 1, 1, 2)]
    assert pair_facing_gaps(shifted, SOURCE, TARGET, STRUCTURE) == shifted
    # Nor is an example whose command changed: that is a real omission and addition.
    changed = [TARGET[0], "`base64 --wrap 0 {{pfad}}`", *TARGET[2:]]
    gaps = [(0, 2, 0, 0), (2, 2, 0, 2), (2, 3, 2, 3), (3, 4, 3, 4)]
    assert pair_facing_gaps(gaps, SOURCE, changed, STRUCTURE) == gaps
