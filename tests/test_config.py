from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.config import Config, find_config, load_config
from alignqa.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file(tmp_path):
    cfg = load_config(None, tmp_path)
    assert cfg == Config()
    assert cfg.source_lang == "en" and cfg.fail_on == "error" and cfg.format == ["text"]


def test_pyproject_table_found_above_corpus(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n[tool.alignqa]\nsource-lang = 'de'\n"
          "fail-on = 'warning'\nformat = 'json'\n[tool.alignqa.align]\nmax-bead-side = 3\n"
          "[tool.alignqa.checks.numbers]\nseverity = 'warning'\n")
    (tmp_path / "corpus" / "de").mkdir(parents=True)
    cfg = load_config(None, tmp_path / "corpus")
    assert cfg.path == (tmp_path / "pyproject.toml").resolve()
    assert (cfg.source_lang, cfg.fail_on, cfg.format, cfg.align) == \
        ("de", "warning", ["json"], {"max_bead_side": 3})
    assert cfg.checks["numbers"] == {"severity": "warning"}


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.alignqa]\nsource-lang = 'fr'\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'other'\n")
    assert find_config(tmp_path / "sub") == (tmp_path / "pyproject.toml").resolve()


def test_alignqa_toml_wins_in_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.alignqa]\nsource-lang = 'fr'\n")
    write(tmp_path / "alignqa.toml", "source-lang = 'de'\n")
    assert load_config(None, tmp_path).source_lang == "de"


def test_explicit_config_and_relative_paths(tmp_path):
    cfg_file = write(tmp_path / "conf" / "qa.toml", "glossary = 'terms.csv'\n")
    cfg = load_config(cfg_file, tmp_path)
    assert cfg.resolve(cfg.glossary) == (tmp_path / "conf" / "terms.csv").resolve()


def test_check_option_types_follow_defaults(tmp_path):
    write(tmp_path / "alignqa.toml", "[checks.length-ratio]\nnot-an-option = 1\n")
    with pytest.raises(ConfigError, match="unknown option"):
        load_config(None, tmp_path)


def test_error_names_file(tmp_path):
    f = write(tmp_path / "alignqa.toml", "per-file-ignores = { 'lv/*.md' = ['bogus'] }\n")
    with pytest.raises(ConfigError) as info:
        load_config(None, tmp_path)
    assert str(f.resolve()) in str(info.value) and "bogus" in str(info.value)
