"""``alignqa align --presplit``: ids are 0-based line numbers, whatever the lines hold."""

from __future__ import annotations

import pytest

from alignqa.align import parse_beads
from tests.cli_helpers import run_cli

# German/French lines in the Text+Berg style: punctuation-only lines and a blank line sit
# between real sentences, and the gold file refers to every line by its number.
DE = ["Wir stiegen früh am Morgen auf .", "!", "Der Gipfel war in Wolken gehüllt .", "",
      "» .", "Am Abend erreichten wir die Hütte ."]
FR = ["Nous sommes montés tôt le matin .", "!", "Le sommet était enveloppé de nuages .", "",
      "» .", "Le soir , nous avons atteint la cabane ."]


@pytest.fixture
def shared_model(monkeypatch, embedder):
    import alignqa.embed

    monkeypatch.setattr(alignqa.embed, "load_embedder", lambda *a, **k: embedder)


@pytest.mark.model
def test_presplit_beads_refer_to_line_numbers(tmp_path, capsys, monkeypatch, shared_model):
    (tmp_path / "de").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "de" / "a.txt").write_text("\n".join(DE) + "\n", encoding="utf-8")
    (tmp_path / "fr" / "a.txt").write_text("\n".join(FR) + "\n", encoding="utf-8")
    run = run_cli(["align", tmp_path / "de" / "a.txt", tmp_path / "fr" / "a.txt", "--presplit",
                   "--format", "beads", "-q"], capsys, monkeypatch)
    assert run.code == 0, run.err
    beads = parse_beads(run.out)
    covered_src = sorted(i for b in beads for i in b.src)
    covered_tgt = sorted(j for b in beads for j in b.tgt)
    assert covered_src == list(range(len(DE)))
    assert covered_tgt == list(range(len(FR)))
    # The sentences pair with their own line numbers, around the punctuation and blank lines.
    pairs = {(b.src[0], b.tgt[0]) for b in beads if len(b.src) == 1 and len(b.tgt) == 1}
    assert {(0, 0), (2, 2), (5, 5)} <= pairs
