"""Output formats: beads round trip, TMX read back with translate-toolkit, tsv, json, text."""

from __future__ import annotations

import json

import pytest
from translate.storage.tmx import tmxfile

from alignqa.align import FORMATS, parse_beads, render
from alignqa.alignment import Alignment, Bead
from alignqa.errors import InputError

SOURCE = ["Hello world.", "Second sentence.", "Third one & <more>.", "Dropped."]
TARGET = ["Sveika pasaule.", "Otrais", "teikums.", "Trešais & <vēl>.", "Pievienots."]
ALIGNMENT = Alignment(
    beads=[Bead((0,), (0,), 0.31), Bead((1,), (1, 2), 0.2), Bead((2,), (3,), 0.25),
           Bead((3,), ()), Bead((), (4,))],
    model="test-model", encoder_calls=9, stats={"search_seconds": 0.01})


def test_beads_round_trip():
    text = render(ALIGNMENT, SOURCE, TARGET, "beads", "en", "lv")
    assert text.splitlines() == ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]", "[3]:[]", "[]:[4]"]
    back = parse_beads(text)
    assert [(b.src, b.tgt) for b in back] == [(b.src, b.tgt) for b in ALIGNMENT.beads]


def test_parse_beads_accepts_gold_spacing_and_rejects_junk():
    assert parse_beads("[0]:[0,1]\n\n[ 1 , 2 ]:[]\n") == [Bead((0,), (0, 1)), Bead((1, 2), ())]
    with pytest.raises(InputError, match="line 2"):
        parse_beads("[0]:[0]\n0 -> 1\n", "gold.txt")


def test_tmx_parses_back_with_the_library():
    data = render(ALIGNMENT, SOURCE, TARGET, "tmx", "en", "lv")
    assert isinstance(data, bytes)
    store = tmxfile.parsestring(data)
    units = [(u.source, u.target) for u in store.units]
    # 1-0 and 0-1 beads have no pair to remember; multi-segment sides are joined by a space.
    assert units == [("Hello world.", "Sveika pasaule."), ("Second sentence.", "Otrais teikums."),
                     ("Third one & <more>.", "Trešais & <vēl>.")]
    assert b'<tmx version="1.4">' in data
    assert b'srclang="en"' in data and b'xml:lang="lv"' in data
    assert "[1]:[1, 2]" in store.units[1].getnotes()


def test_tsv_has_texts_side_by_side_with_scores():
    lines = render(ALIGNMENT, SOURCE, TARGET, "tsv", "en", "lv").splitlines()
    assert lines[0] == "source\ttarget\tscore"
    assert lines[2] == "Second sentence.\tOtrais teikums.\t0.2000"
    assert lines[4] == "Dropped.\t\t"
    assert all(line.count("\t") == 2 for line in lines)


def test_tsv_keeps_one_bead_per_line_when_texts_hold_tabs():
    alignment = Alignment(beads=[Bead((0,), (0,), 0.5)])
    out = render(alignment, ["a\tb\nc"], ["x"], "tsv", "en", "lv")
    assert out.splitlines()[1] == "a b c\tx\t0.5000"


def test_json_has_indices_texts_scores_and_types():
    data = json.loads(render(ALIGNMENT, SOURCE, TARGET, "json", "en", "lv"))
    assert data["source_lang"] == "en" and data["model"] == "test-model"
    first, merged, _, dropped, added = data["beads"]
    assert merged == {"source": [1], "target": [1, 2], "type": "1-2", "score": 0.2,
                      "source_text": "Second sentence.", "target_text": "Otrais teikums."}
    assert dropped["type"] == "1-0" and dropped["score"] is None and dropped["target_text"] == ""
    assert added["type"] == "0-1"
    assert first["score"] == 0.31


def test_text_is_readable():
    out = render(ALIGNMENT, SOURCE, TARGET, "text", "en", "lv")
    assert "[1]:[1, 2]  1-2  score +0.200" in out
    assert "  lv  Otrais teikums." in out


def test_every_format_renders_an_empty_alignment():
    empty = Alignment(beads=[])
    for fmt in FORMATS:
        assert render(empty, [], [], fmt, "en", "lv") is not None


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError, match="unknown alignment format"):
        render(ALIGNMENT, SOURCE, TARGET, "xml", "en", "lv")
