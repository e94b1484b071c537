"""``alignqa init`` proposes the layout it finds, and writes it only where asked."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from alignqa.config import load_config
from alignqa.init import propose
from alignqa.layout import discover
from cli_helpers import run_cli


def tree(root: Path, files: list[str]) -> Path:
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("# x\n\nText.\n", encoding="utf-8")
    return root


@pytest.fixture
def cli(capsys, monkeypatch):
    return lambda *args: run_cli(list(args), capsys, monkeypatch)


@pytest.mark.parametrize("files, source, translation", [
    (["pages/common/tar.md", "pages.de/common/tar.md", "pages.pt_BR/common/tar.md",
      "README.md"], "pages/**/*.md", "pages.%locale_with_underscore%/**/%original_file_name%"),
    (["docs/intro.md", "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
      "i18n/ja/docusaurus-plugin-content-docs/current/intro.md"],
     "docs/**/*.md", "i18n/%locale%/docusaurus-plugin-content-docs/current/**/%original_file_name%"),
    (["docs/index.md", "docs/index.de.md", "docs/a/b.md", "docs/a/b.fr.md"],
     "docs/**/*.md", "docs/**/%file_name%.%locale%.md"),
    (["src/locales/en.json", "src/locales/de.json", "src/locales/pt-BR.json"],
     "src/locales/en.json", "src/locales/%locale%.json"),
    (["app/res/values/strings.xml", "app/res/values-de/strings.xml",
      "app/res/values-pt-rBR/strings.xml"],
     "app/res/values/strings.xml", "app/res/values-%android_code%/strings.xml"),
    (["App/en.lproj/Localizable.strings", "App/de.lproj/Localizable.strings"],
     "App/en.lproj/Localizable.strings", "App/%osx_locale%.lproj/Localizable.strings"),
    (["content/en/guide.md", "content/de/guide.md", "content/fr/guide.md"],
     "content/en/**/*.md", "content/%locale%/**/%original_file_name%"),
])
def test_init_proposes_a_layout_that_discovers_the_pairs(tmp_path, files, source, translation):
    tree(tmp_path, files)
    proposal = propose(tmp_path)
    assert [(e.source, e.translation) for e in proposal.entries][:1] == [(source, translation)]
    (tmp_path / "alignqa.toml").write_text(proposal.toml("en"), encoding="utf-8")
    config = load_config(tmp_path / "alignqa.toml", tmp_path)
    translations = {f for f in files if f not in {str(p.source_path.relative_to(tmp_path))
                                                  for p in discover(tmp_path,
                                                                    config.layout()).pairs}}
    found = {p.target_path.relative_to(tmp_path).as_posix()
             for p in discover(tmp_path, config.layout()).pairs}
    assert found and found <= set(files) and found <= translations


def test_init_finds_bilingual_files(tmp_path):
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "de.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    (tmp_path / "po" / "app.pot").write_text('msgid "a"\nmsgstr ""\n', encoding="utf-8")
    assert [(e.source, e.translation) for e in propose(tmp_path).entries] == [("po/*.po", None)]


def test_init_prints_and_writes_only_when_asked(tmp_path, cli):
    tree(tmp_path, ["pages/a.md", "pages.de/a.md"])
    run = cli("init", tmp_path)
    assert run.code == 0 and "[[files]]" in run.out and not (tmp_path / "alignqa.toml").exists()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    run = cli("init", tmp_path, "--write", "pyproject.toml")
    assert run.code == 0, run.err
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["name"] == "x"
    assert data["tool"]["alignqa"]["files"] == [
        {"source": "pages/**/*.md", "translation": "pages.%locale%/**/%original_file_name%"}]
    again = cli("init", tmp_path, "--write", "pyproject.toml")
    assert again.code == 2 and "already has a [tool.alignqa] table" in again.err


def test_init_without_a_layout_says_so(tmp_path, cli):
    tree(tmp_path, ["notes.md"])
    run = cli("init", tmp_path)
    assert run.code == 2 and "found no translated files" in run.err
