from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from alignqa.corpus import discover, find_root
from alignqa.errors import InputError


def touch(root: Path, *rels: str) -> None:
    for rel in rels:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Text.\n", encoding="utf-8")


def test_pairs_and_notices(tmp_path):
    touch(tmp_path, "en/a.md", "en/sub/b.md", "en/lonely.md", "lv/a.md", "lv/sub/b.md",
          "id/a.md", "id/orphan.md", "en/notes.docx", "glossary.csv")
    corpus = discover(tmp_path, "en", ["**/*.md"], [])
    assert [(str(p.relpath), p.target_lang) for p in corpus.pairs] == \
        [("a.md", "id"), ("a.md", "lv"), ("sub/b.md", "lv")]
    assert any("orphan.md: translation without a source" in n for n in corpus.notices)
    assert any("lonely.md: source without any translation" in n for n in corpus.notices)
    assert not any("notes.docx" in n for n in corpus.notices)


def test_exclude_and_only(tmp_path):
    touch(tmp_path, "en/a.md", "en/draft/b.md", "lv/a.md", "lv/draft/b.md")
    corpus = discover(tmp_path, "en", ["**/*.md"], ["draft/*"])
    assert [p.relpath for p in corpus.pairs] == [PurePosixPath("a.md")]
    only = {(tmp_path / "en" / "draft" / "b.md").resolve()}
    corpus = discover(tmp_path, "en", ["**/*.md"], [], only)
    assert [p.relpath for p in corpus.pairs] == [PurePosixPath("draft/b.md")]


def test_find_root_from_file_and_folder(tmp_path):
    touch(tmp_path, "en/x/a.md", "lv/x/a.md")
    assert find_root(tmp_path, "en") == tmp_path.resolve()
    assert find_root(tmp_path / "lv", "en") == tmp_path.resolve()
    assert find_root(tmp_path / "lv" / "x" / "a.md", "en") == tmp_path.resolve()
    with pytest.raises(InputError, match="not a corpus"):
        find_root(tmp_path / "lv", "de")


def test_unknown_language_folder_is_an_error(tmp_path):
    touch(tmp_path, "en/a.md", "latvian/a.md")
    with pytest.raises(InputError, match="unknown language code 'latvian'"):
        discover(tmp_path, "en", ["**/*.md"], [])


def test_patterns_follow_gitignore_rules(tmp_path):
    # '*' stays inside one folder, '**' crosses folders, a later '!pattern' takes a path back.
    touch(tmp_path, "en/a.md", "en/b.md", "en/guide/c.md", "en/guide/deep/d.md",
          *(f"lv/{rel}" for rel in ("a.md", "b.md", "guide/c.md", "guide/deep/d.md")))

    def found(include, exclude):
        return sorted(p.relpath.as_posix() for p in discover(tmp_path, "en", include, exclude).pairs)

    assert found(["guide/*.md"], []) == ["guide/c.md"]
    assert found(["**/*.md"], ["**/[b-z]*.md"]) == ["a.md"]
    assert found(["*.md"], ["guide/**", "!guide/c.md"]) == ["a.md", "b.md", "guide/c.md"]


def test_a_bad_pattern_is_a_config_error(tmp_path):
    from alignqa.config import config_from_mapping
    from alignqa.errors import ConfigError

    with pytest.raises(ConfigError, match=r"config key 'exclude'.*'!'"):
        config_from_mapping({"exclude": ["!"]}, tmp_path / "alignqa.toml")
