"""Bad input: one line naming the file and the problem, exit status 2, no traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from cli_helpers import run_cli

GOOD_EN = "What Is Client-Facing?\nA client-facing role is one in which an employee works with clients.\n"
GOOD_LV = "Kas ir klienta saskarsme?\nUz klientu vērsta loma ir tāda, kurā darbinieks strādā ar klientiem.\n"


def make_corpus(root: Path, files: dict[str, bytes | str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return root


def assert_one_line_error(run, *needles: str) -> None:
    assert run.code == 2, (run.code, run.err)
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def cli(capsys):
    return lambda *args: run_cli(list(args), capsys)


def test_missing_path(cli, tmp_path):
    missing = tmp_path / "nope"
    assert_one_line_error(cli("check", missing), str(missing), "no such file")
    assert_one_line_error(cli("segment", missing / "a.md", "--lang", "en"), "a.md", "no such file")


def test_binary_file(cli, tmp_path):
    f = tmp_path / "en" / "doc.md"
    make_corpus(tmp_path, {"en/doc.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    assert_one_line_error(cli("segment", f), str(f), "binary")


def test_undecodable_text(cli, tmp_path):
    make_corpus(tmp_path, {"lv/doc.md": GOOD_LV.encode("cp1257")})
    f = tmp_path / "lv" / "doc.md"
    assert_one_line_error(cli("segment", f), str(f), "not valid UTF-8")


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + GOOD_LV.encode("utf-8"),
    GOOD_LV.encode("utf-16"),  # Python writes a BOM for plain utf-16
    codecs.BOM_UTF16_BE + GOOD_LV.encode("utf-16-be"),
])
def test_bom_encodings_are_accepted(cli, tmp_path, encoded):
    make_corpus(tmp_path, {"lv/doc.md": encoded})
    run = cli("segment", tmp_path / "lv" / "doc.md")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == "Kas ir klienta saskarsme?"


def test_empty_document(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN, "lv/doc.md": "  \n\n"})
    assert_one_line_error(cli("check", tmp_path, "--no-report"), str(tmp_path / "lv" / "doc.md"),
                          "empty document")


def test_unknown_language_folder(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN, "xq/doc.md": GOOD_LV})
    assert_one_line_error(cli("check", tmp_path, "--no-report"), "xq", "unknown language code")


def test_unknown_language_option(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN})
    assert_one_line_error(cli("segment", tmp_path / "en" / "doc.md", "--lang", "english"),
                          "unknown language code 'english'")


def test_language_not_inferable(cli, tmp_path):
    make_corpus(tmp_path, {"docs/doc.md": GOOD_EN})
    assert_one_line_error(cli("segment", tmp_path / "docs" / "doc.md"), "pass --lang")


def test_no_translations(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN})
    assert_one_line_error(cli("check", tmp_path, "--no-report"), "no translations")


def test_not_a_corpus(cli, tmp_path):
    make_corpus(tmp_path, {"stuff/doc.md": GOOD_EN})
    assert_one_line_error(cli("check", tmp_path, "--no-report"), "not a corpus")


@pytest.mark.parametrize(("toml", "needle"), [
    ("[tool.alignqa]\nfail-on = 'fatal'\n", "fail-on"),
    ("[tool.alignqa]\nsource-lang = 3\n", "source-lang"),
    ("[tool.alignqa]\ncolour = 'red'\n", "unknown config key 'colour'"),
    ("[tool.alignqa]\nformat = ['text', 'xml']\n", "unknown format 'xml'"),
    ("[tool.alignqa.checks.numbers]\nenabled = 'yes'\n", "checks.numbers.enabled"),
    ("[tool.alignqa.checks.nosuch]\nenabled = false\n", "unknown check 'nosuch'"),
    ("[tool.alignqa.align]\nmax-bead-side = 0\n", "max-bead-side"),
    ("[tool.alignqa.align]\nwidth = 3\n", "width"),
    ("[tool.alignqa\n", "invalid TOML"),
])
def test_bad_config(cli, tmp_path, toml, needle):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN, "lv/doc.md": GOOD_LV,
                           "pyproject.toml": toml})
    assert_one_line_error(cli("check", tmp_path, "--no-report"), "pyproject.toml", needle)


def test_missing_config_file(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN, "lv/doc.md": GOOD_LV})
    assert_one_line_error(cli("check", tmp_path, "--config", tmp_path / "none.toml"),
                          "none.toml", "not found")


def test_bad_model_is_one_line(cli, tmp_path):
    make_corpus(tmp_path, {"en/doc.md": GOOD_EN, "lv/doc.md": GOOD_LV})
    run = cli("align", tmp_path / "en" / "doc.md", tmp_path / "lv" / "doc.md",
              "--model", str(tmp_path / "no-such-model"))
    assert_one_line_error(run, "no-such-model")


def test_usage_error_exit_2(cli):
    run = cli("check")
    assert run.code == 2
    assert "Traceback" not in run.err
