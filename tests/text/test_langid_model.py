"""py3langid's model kept decompressed: the same answers, read back from arrays, rebuilt when
broken, and never required (a folder that cannot be written only costs time)."""

from __future__ import annotations

import os

import pytest

from alignqa.text import langid
from alignqa.text.langid_model import load_identifier

TEXTS = ["Extract an archive into a target directory:", "Ein Archiv in ein Zielverzeichnis entpacken:",
         "Ekstrak arsip ke direktori tujuan:", "Galvenās atziņas", "双方于2024年3月1日签署了合同。",
         "tar xf {{path/to/source.tar}}", ""]


@pytest.fixture(scope="module")
def plain():
    return load_identifier(None)


def test_stored_copy_answers_as_py3langid_does(tmp_path, plain):
    first = load_identifier(tmp_path)  # decompresses, then stores
    stored = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    assert len(stored) == 1 and stored[0].name.startswith("py3langid-")
    again = load_identifier(tmp_path)  # from the stored arrays
    assert type(again) is type(plain)
    for text in TEXTS:
        assert again.rank(text) == plain.rank(text) == first.rank(text)


def test_broken_copy_is_rebuilt(tmp_path, plain):
    load_identifier(tmp_path)
    (folder,) = tmp_path.iterdir()
    with open(folder / "nextmove.npy", "r+b") as fh:
        fh.truncate(1000)
    rebuilt = load_identifier(tmp_path)
    assert [rebuilt.rank(t) for t in TEXTS] == [plain.rank(t) for t in TEXTS]
    assert (folder / "nextmove.npy").stat().st_size > 1000
    assert load_identifier(tmp_path).rank(TEXTS[1]) == plain.rank(TEXTS[1])


def test_folder_that_cannot_be_written_still_identifies(tmp_path, plain):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert load_identifier(blocker / "models").rank(TEXTS[0]) == plain.rank(TEXTS[0])


def test_the_pipeline_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(langid, "_model_folder", None)
    langid._py3langid.cache_clear()
    try:
        langid.keep_model_in(tmp_path)
        assert langid.guess(TEXTS[1], "de").lang == "de"
        assert any(p.name.startswith("py3langid-") for p in tmp_path.iterdir())
    finally:
        langid._py3langid.cache_clear()


def test_a_killed_writers_folder_is_cleared(tmp_path, plain):
    load_identifier(tmp_path)
    (folder,) = tmp_path.iterdir()
    left = tmp_path / f".{folder.name}.0123456789ab.tmp"
    recent = tmp_path / f".{folder.name}.ba9876543210.tmp"
    for aside in (left, recent):
        aside.mkdir()
        (aside / "ptc.npy").write_bytes(b"partial")
    os.utime(left, (1, 1))  # written long ago: its writer is gone
    (folder / "row.npy").unlink()  # the next run rebuilds, and clears on the way
    assert load_identifier(tmp_path).rank(TEXTS[0]) == plain.rank(TEXTS[0])
    assert not left.exists() and recent.exists()  # a writer of this minute is left alone
