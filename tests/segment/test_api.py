"""Public API: load_document, segment_lines, locations, and errors a user can cause."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from alignqa.document import SENTENCE, Document
from alignqa.errors import InputError
from alignqa.segment import load_document, segment_lines, segment_text


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_locations_are_exact_across_lines():
    text = "# Title\n\n  Indented first. Second one.\n- Item one. Item two.\n"
    segments = segment_text(text, "en")
    assert [(s.text, s.line, s.column, s.start, s.end) for s in segments] == [
        ("Title", 1, 3, 2, 7),
        ("Indented first.", 3, 3, 11, 26),
        ("Second one.", 3, 19, 27, 38),
        ("Item one.", 4, 3, 41, 50),
        ("Item two.", 4, 13, 51, 60),
    ]


def test_columns_count_characters_not_bytes():
    text = "Ēģļ. Ņū šķ.\n"
    segments = segment_text(text, "lv")
    assert [(s.text, s.column, s.start) for s in segments] == [("Ēģļ.", 1, 0), ("Ņū šķ.", 6, 5)]


def test_segment_lines_one_segment_per_line():
    text = "  First line. Still first.\n\n# not a heading\n- not a list\nlast"
    segments = segment_lines(text)
    assert [(s.text, s.kind, s.marker, s.line, s.column) for s in segments] == [
        ("First line. Still first.", SENTENCE, "", 1, 3),
        ("", SENTENCE, "", 2, 1),
        ("# not a heading", SENTENCE, "", 3, 1),
        ("- not a list", SENTENCE, "", 4, 1),
        ("last", SENTENCE, "", 5, 1),
    ]
    for s in segments:
        assert text[s.start:s.end] == s.text


def test_segment_lines_keeps_punctuation_only_and_blank_lines_at_their_line_numbers():
    # Text+Berg-style lines: ids in a gold file are line numbers, so none may be dropped.
    lines = ["Der Berg .", "!", "__ .", "» .", "", "   ", "...", "Ende ."]
    segments = segment_lines("\n".join(lines) + "\n")
    assert [s.text for s in segments] == [line.strip() for line in lines]
    assert [s.line for s in segments] == list(range(1, len(lines) + 1))


def test_segment_lines_final_newline_starts_no_segment_but_a_blank_last_line_does():
    assert [s.text for s in segment_lines("a\nb\n")] == ["a", "b"]
    assert [s.text for s in segment_lines("a\nb\n\n")] == ["a", "b", ""]


def test_segment_lines_cuts_suppression_directives_but_keeps_their_lines():
    text = "one  # alignqa: ignore[numbers]\n# alignqa: ignore\ntwo <!-- alignqa: ignore -->\n"
    assert [s.text for s in segment_lines(text)] == ["one", "", "two"]


def test_load_document_segments_and_validates(tmp_path: Path):
    path = write(tmp_path, "doc.md", "Kas tas ir?\nTas ir teikums. Vēl viens.\n")
    doc = load_document(path, "LV")
    assert isinstance(doc, Document)
    assert (doc.lang, doc.path) == ("lv", path)
    assert doc.text == "Kas tas ir?\nTas ir teikums. Vēl viens.\n"
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("heading", "Kas tas ir?"), (SENTENCE, "Tas ir teikums."), (SENTENCE, "Vēl viens."),
    ]


def test_load_document_presplit(tmp_path: Path):
    path = write(tmp_path, "doc.txt", "One. Two.\nThree\n")
    doc = load_document(path, "en", presplit=True)
    assert [s.text for s in doc.segments] == ["One. Two.", "Three"]


def test_load_document_presplit_rejects_a_file_of_only_directives(tmp_path: Path):
    path = write(tmp_path, "doc.txt", "<!-- alignqa: ignore -->\n\n")
    with pytest.raises(InputError, match="no text to align"):
        load_document(path, "en", presplit=True)


def test_load_document_offsets_index_the_normalised_text(tmp_path: Path):
    data = codecs.BOM_UTF8 + b"Title\r\nFirst one. Second one.\r\n"
    doc = load_document(write(tmp_path, "crlf.md", data), "en")
    assert doc.text == "Title\nFirst one. Second one.\n"
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("Title", 1, 1), ("First one.", 2, 1), ("Second one.", 2, 12),
    ]
    for s in doc.segments:
        assert doc.text[s.start:s.end] == s.text


def test_unknown_language_is_an_input_error_naming_the_file(tmp_path: Path):
    path = write(tmp_path, "doc.md", "Text.\n")
    with pytest.raises(InputError) as err:
        load_document(path, "xx")
    assert str(path) in str(err.value) and "xx" in str(err.value)


def test_segment_text_rejects_unknown_language():
    with pytest.raises(InputError, match="unknown language code"):
        segment_text("Text.", "english")


def test_missing_file_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "missing.md", "en")


def test_document_with_only_code_is_an_input_error(tmp_path: Path):
    path = write(tmp_path, "code.md", "```\nprint('hi')\n```\n<!-- note -->\n")
    with pytest.raises(InputError) as err:
        load_document(path, "en")
    assert str(path) in str(err.value) and "no text" in str(err.value)


def test_language_without_punkt_model_uses_fallback_with_own_abbreviations():
    # Indonesian has no Punkt model: English statistics plus the Indonesian abbreviation list.
    assert [s.text for s in segment_text("Kami ke Jl. Merdeka. Lalu pulang.", "id")] == [
        "Kami ke Jl. Merdeka.", "Lalu pulang.",
    ]


def test_segmentation_is_deterministic():
    text = "Mr. Smith came at 5 p.m. He left. Then what? Nothing… The end."
    first = segment_text(text, "en")
    assert all(segment_text(text, "en") == first for _ in range(3))
