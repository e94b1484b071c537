"""Layouts by configuration: each layout on a small tree shaped like the real projects' trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.config import config_from_mapping
from alignqa.errors import ConfigError
from alignqa.layout import discover, guess_locale, locale_of


def tree(root: Path, files: list[str]) -> Path:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {path.stem}\n\nSome text.\n", encoding="utf-8")
    return root


def pairs_of(root: Path, config: dict) -> set[tuple[str, str, str]]:
    cfg = config_from_mapping(config, root / "alignqa.toml")
    corpus = discover(root, cfg.layout())
    return {(p.source_path.relative_to(root).as_posix(), p.target_lang,
             p.target_path.relative_to(root).as_posix()) for p in corpus.pairs}


def test_tldr_folder_suffix_layout(tmp_path):
    """tldr-pages: pages/ holds English, pages.<locale>/ the translations, pt_BR with '_'."""
    root = tree(tmp_path, ["pages/common/tar.md", "pages/linux/apt.md", "pages/common/..md",
                           "pages.de/common/tar.md", "pages.de/linux/apt.md",
                           "pages.pt_BR/common/tar.md", "pages.zh_TW/common/..md",
                           "pages.common/x.md"])
    found = pairs_of(root, {"files": [{
        "source": "pages/**/*.md",
        "translation": "pages.%locale_with_underscore%/**/%original_file_name%"}]})
    assert found == {
        ("pages/common/tar.md", "de", "pages.de/common/tar.md"),
        ("pages/linux/apt.md", "de", "pages.de/linux/apt.md"),
        ("pages/common/tar.md", "pt-BR", "pages.pt_BR/common/tar.md"),
        ("pages/common/..md", "zh-TW", "pages.zh_TW/common/..md"),
    }


def test_docusaurus_layout(tmp_path):
    root = tree(tmp_path, ["docs/intro.md", "docs/guides/setup.md",
                           "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
                           "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md",
                           "i18n/ja/docusaurus-plugin-content-docs/current/intro.md"])
    found = pairs_of(root, {"files": [{
        "source": "docs/**/*.md",
        "translation": "i18n/%two_letters_code%/docusaurus-plugin-content-docs/current/**/"
                       "%original_file_name%"}]})
    assert found == {
        ("docs/intro.md", "fr", "i18n/fr/docusaurus-plugin-content-docs/current/intro.md"),
        ("docs/guides/setup.md", "fr",
         "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md"),
        ("docs/intro.md", "ja", "i18n/ja/docusaurus-plugin-content-docs/current/intro.md"),
    }


def test_suffix_layout_keeps_translations_out_of_the_sources(tmp_path):
    """mkdocs-static-i18n / Hugo: docs/guide.md beside docs/guide.de.md."""
    root = tree(tmp_path, ["docs/index.md", "docs/index.de.md", "docs/user/setup.md",
                           "docs/user/setup.pt-BR.md", "docs/user/notes.md"])
    cfg = config_from_mapping({"files": [{
        "source": "docs/**/*.md", "translation": "docs/**/%file_name%.%locale%.md"}]},
        root / "alignqa.toml")
    corpus = discover(root, cfg.layout())
    assert {(p.source_path.name, p.target_lang, p.target_path.name) for p in corpus.pairs} == {
        ("index.md", "de", "index.de.md"), ("setup.md", "pt-BR", "setup.pt-BR.md")}
    # notes.md has no translation; index.de.md is not taken for a source.
    assert len(corpus.notices) == 1 and "docs/user/notes.md: source without any translation" \
        in corpus.notices[0]


def test_locale_named_files_and_a_locale_map(tmp_path):
    root = tree(tmp_path, ["locales/en.json", "locales/de.json", "locales/zh_CN.json",
                           "locales/README.json"])
    found = pairs_of(root, {"files": [{"source": "locales/%locale%.json",
                                       "translation": "locales/%locale%.json"}],
                            "locale-map": {"zh_CN": "zh-Hans"}})
    assert found == {("locales/en.json", "de", "locales/de.json"),
                     ("locales/en.json", "zh-Hans", "locales/zh_CN.json")}


def test_android_resource_folders(tmp_path):
    root = tree(tmp_path, ["app/res/values/strings.xml", "app/res/values-de/strings.xml",
                           "app/res/values-pt-rBR/strings.xml", "app/res/values-b+sr+Latn/strings.xml",
                           "app/res/values-night/strings.xml"])
    found = pairs_of(root, {"files": [{"source": "app/res/values/strings.xml",
                                       "translation": "app/res/values-%android_code%/strings.xml"}]})
    assert {t for _, t, _ in found} == {"de", "pt-BR", "sr-Latn"}


def test_bilingual_entry_pairs_each_file_with_itself(tmp_path):
    (tmp_path / "po").mkdir()
    for name, lang in (("de.po", ""), ("messages-pt.po", "pt_BR")):
        header = f'"Language: {lang}\\n"\n' if lang else ""
        (tmp_path / "po" / name).write_text(f'msgid ""\nmsgstr ""\n{header}\nmsgid "Hi"\n'
                                           'msgstr "Hallo"\n', encoding="utf-8")
    cfg = config_from_mapping({"files": [{"source": "po/*.po"}]}, tmp_path / "alignqa.toml")
    corpus = discover(tmp_path, cfg.layout())
    assert sorted((p.target_path.name, p.target_lang, p.format) for p in corpus.pairs) == [
        ("de.po", "de", "po"), ("messages-pt.po", "pt-BR", "po")]
    assert all(p.source_path == p.target_path for p in corpus.pairs)


@pytest.mark.parametrize("entry, needle", [
    ({"source": "docs/**/*.md", "translation": "docs/%lang%/**/%original_file_name%"},
     "unknown placeholder %lang%"),
    ({"source": "docs/**/*.md", "translation": "docs-de/**/%original_file_name%"},
     "no locale placeholder"),
    ({"translation": "docs/%locale%/x.md"}, "'source' is missing"),
    ({"source": "a", "target": "b"}, "unknown key 'target'"),
])
def test_bad_files_entries_name_the_config(tmp_path, entry, needle):
    with pytest.raises(ConfigError, match=needle) as info:
        config_from_mapping({"files": [entry]}, tmp_path / "alignqa.toml")
    assert "alignqa.toml" in str(info.value)


def test_locale_of_a_file_from_the_layout_and_without_one(tmp_path):
    root = tree(tmp_path, ["pages/common/tar.md", "pages.pt_BR/common/tar.md",
                           "site/docs/guide.fr.md"])
    cfg = config_from_mapping({"files": [{
        "source": "pages/**/*.md",
        "translation": "pages.%locale_with_underscore%/**/%original_file_name%"}]},
        root / "alignqa.toml")
    assert locale_of(root / "pages.pt_BR/common/tar.md", root, cfg.layout()) == "pt-BR"
    assert locale_of(root / "pages/common/tar.md", root, cfg.layout()) == "en"
    assert guess_locale(root / "pages.pt_BR/common/tar.md") == "pt-BR"
    assert guess_locale(root / "site/docs/guide.fr.md") == "fr"


def test_corpus_layout_takes_locale_folders(tmp_path):
    """The zero-config layout: corpus/<locale>/, spelled either way."""
    from alignqa.corpus import discover as discover_corpus

    root = tree(tmp_path, ["en/a.md", "pt_BR/a.md", "zh-Hant/a.md"])
    corpus = discover_corpus(root, "en", ["**/*.md"], [])
    assert [(p.target_lang, p.target_path.relative_to(root).as_posix()) for p in corpus.pairs] \
        == [("pt-BR", "pt_BR/a.md"), ("zh-Hant", "zh-Hant/a.md")]


def test_per_file_ignores_and_exclude_match_paths_from_the_root(tmp_path):
    root = tree(tmp_path, ["pages/common/a.md", "pages/drafts/b.md", "pages.de/common/a.md",
                           "pages.de/drafts/b.md"])
    cfg = config_from_mapping({"exclude": ["pages*/drafts/*"], "files": [{
        "source": "pages/**/*.md", "translation": "pages.%locale%/**/%original_file_name%"}]},
        root / "alignqa.toml")
    pairs = discover(root, cfg.layout()).pairs
    assert [p.target_relpath.as_posix() for p in pairs] == ["pages.de/common/a.md"]


def test_segment_finds_the_locale_in_a_nested_path(tmp_path, capsys, monkeypatch):
    from cli_helpers import run_cli

    page = tmp_path / "pages.pt_BR" / "common" / "tar.md"
    page.parent.mkdir(parents=True)
    page.write_text("# tar\n\n> Arquiva arquivos. Mais informações: <https://www.gnu.org>.\n",
                    encoding="utf-8")
    run = run_cli(["segment", page, "--format", "json"], capsys, monkeypatch)
    assert run.code == 0, run.err
    assert '"lang": "pt-BR"' in run.out


def test_corpus_layout_knows_keyed_formats(tmp_path):
    from alignqa.corpus import discover as discover_corpus

    root = tree(tmp_path, ["en/app.json", "de/app.json", "en/guide.md", "de/guide.md"])
    corpus = discover_corpus(root, "en", ["**/*.md", "**/*.json"], [])
    assert sorted((p.relpath.as_posix(), p.format) for p in corpus.pairs) == [
        ("app.json", "json"), ("guide.md", "")]


def test_crowdin_style_leading_slash(tmp_path):
    root = tree(tmp_path, ["docs/a.md", "docs/a.fr.md"])
    found = pairs_of(root, {"files": [{"source": "/docs/**/*.md",
                                       "translation": "./docs/**/%file_name%.%locale%.md"}]})
    assert found == {("docs/a.md", "fr", "docs/a.fr.md")}
