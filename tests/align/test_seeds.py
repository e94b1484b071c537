"""The seed documents, on the bundled model: every heading and sentence paired as a reader would.

corpus/en, corpus/lv and corpus/id/client-facing.md hold the same headings, list items and
sentences in the same order; the expected beads below were written by reading the three files
side by side (26 segments each, see SEGMENTS), not by running the aligner.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from alignqa.align import SegmentTruncatedWarning, align, align_documents
from alignqa.segment import load_document, segment_lines

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# (English segment, its kind): what a reader pairs with the same line of the translation.
SEGMENTS = [
    ("What Is Client-Facing?", "heading"),
    ("A client-facing role is one in which", "sentence"),
    ("Client-facing functions are important", "sentence"),
    ("Many companies will try to automate", "sentence"),
    ("Key Takeaways", "heading"),
    ("Client-facing generally refers to", "list-item"),
    ("These roles can help in understanding", "list-item"),
    ("Client-facing roles include door greeters", "list-item"),
    ("Understanding Client-Facing", "heading"),
    ("Client-facing work can include", "sentence"),
    ("Both parties use this interaction", "sentence"),
    ("Different Types of Client-Facing Roles", "heading"),
    ("Customer service representatives", "sentence"),
    ("Professionals such as real estate", "sentence"),
    ("Real estate agents, for example", "sentence"),
    ("An insurance agent may sit down", "sentence"),
    ("An administrative assistant who greets", "sentence"),
    ("The way client-facing staff respond", "sentence"),
    ("A customer who believes", "sentence"),
    ("Companies may take special care", "sentence"),
    ("An unsatisfying experience", "sentence"),
    ("Special Considerations: Social Media", "heading"),
    ("Client-facing roles are changing", "sentence"),
    ("It is not unusual for consumers", "sentence"),
    ("An employee whose role is to respond", "sentence"),
    ("Not only will the customer receive", "sentence"),
]
EXPECTED_BEADS = [
    "[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]", "[6]:[6]", "[7]:[7]",
    "[8]:[8]", "[9]:[9]", "[10]:[10]", "[11]:[11]", "[12]:[12]", "[13]:[13]", "[14]:[14]",
    "[15]:[15]", "[16]:[16]", "[17]:[17]", "[18]:[18]", "[19]:[19]", "[20]:[20]", "[21]:[21]",
    "[22]:[22]", "[23]:[23]", "[24]:[24]", "[25]:[25]",
]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def english():
    doc = load_document(CORPUS / "en" / "client-facing.md", "en")
    assert [(s.text[:len(start)], s.kind) for s, (start, _) in zip(
        doc.segments, SEGMENTS, strict=True)] == SEGMENTS
    return doc


@pytest.mark.parametrize("lang", ["lv", "id"])
def test_seed_translation_aligns_segment_for_segment(english, lang, embedder):
    target = load_document(CORPUS / lang / "client-facing.md", lang)
    assert [s.kind for s in target.segments] == [kind for _, kind in SEGMENTS]
    result = align_documents(english, target, embedder)
    assert [str(b) for b in result.beads] == EXPECTED_BEADS
    assert all(b.score is not None for b in result.beads)
    assert result.model == embedder.model_id


def test_sentences_joined_in_the_translation_make_a_two_to_one_bead(english, embedder):
    lv = load_document(CORPUS / "lv" / "client-facing.md", "lv")
    lv_text = [s.text for s in lv.segments]
    # The Latvian translator wrote sentences 1 and 2, and 9 and 10, as one sentence each.
    joined = [lv_text[0], lv_text[1] + " " + lv_text[2], *lv_text[3:9],
              lv_text[9] + " " + lv_text[10], *lv_text[11:]]
    target = segment_lines("\n".join(joined))
    result = align([s.text for s in english.segments], [s.text for s in target], embedder)
    beads = [str(b) for b in result.beads]
    assert beads[:3] == ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]"]
    assert beads[7:10] == ["[8]:[7]", "[9, 10]:[8]", "[11]:[9]"]
    assert len(beads) == 24


def test_overlong_segment_is_truncated_with_a_warning(english, embedder):
    source = [s.text for s in english.segments[:6]]
    target = list(source)
    # ~4,800 characters: well past the model's 512 tokens.
    target[3] = source[3] = " ".join(s.text for s in english.segments) * 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with pytest.warns(SegmentTruncatedWarning, match="source 3; target 3"):
            result = align(source, target, embedder)
    assert [str(b) for b in result.beads] == [f"[{i}]:[{i}]" for i in range(6)]
