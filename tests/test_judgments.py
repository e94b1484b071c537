"""The benchmark's judgment files: stable names for findings, strict reading, a clean round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import judgments


def test_fingerprint_ignores_whitespace_but_not_text_or_check():
    a = judgments.fingerprint("numbers", "In 1989 he", "Pada tahun 1089")
    assert a == judgments.fingerprint("numbers", " In  1989\nhe ", "Pada tahun 1089")
    assert a != judgments.fingerprint("numbers", "In 1989 he", "Pada tahun 1989")
    assert a != judgments.fingerprint("mistranslation", "In 1989 he", "Pada tahun 1089")


def test_round_trip(tmp_path: Path):
    rows = [judgments.row("flores", "id/x.md", "numbers", "In 1989\the", "Pada tahun 1089",
                          "real", "a wrong\tyear")]
    judgments.write(tmp_path / "flores.tsv", rows)
    loaded = judgments.load(tmp_path)
    k = judgments.key("flores", "id/x.md", "numbers", "In 1989 he", "Pada tahun 1089")
    assert loaded == {k: judgments.Judgment("real", "a wrong year")}


def test_an_unfilled_verdict_is_an_error_naming_the_line(tmp_path: Path):
    judgments.write(tmp_path / "tldr.tsv", [judgments.row("tldr", "de/a.md", "omission", "x", "")])
    with pytest.raises(ValueError, match=r"tldr\.tsv:2: .*real or false"):
        judgments.load(tmp_path)


def test_the_shipped_judgments_read():
    loaded = judgments.load()
    assert loaded and {j.verdict for j in loaded.values()} <= set(judgments.VERDICTS)
