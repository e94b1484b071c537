"""Where the cache lives: explicit argument, then $ALIGNQA_CACHE, then the platform default."""

from __future__ import annotations

from pathlib import Path

from alignqa.embed import default_cache_dir
from alignqa.embed.paths import resolve_cache_dir


def test_env_overrides_platform_default(monkeypatch, tmp_path):
    monkeypatch.delenv("ALIGNQA_CACHE", raising=False)
    platform_default = default_cache_dir()
    assert platform_default.name.lower() == "alignqa"
    monkeypatch.setenv("ALIGNQA_CACHE", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.setenv("ALIGNQA_CACHE", "  ")  # blank counts as unset
    assert default_cache_dir() == platform_default


def test_explicit_directory_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGNQA_CACHE", str(tmp_path / "env"))
    assert resolve_cache_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_cache_dir(None) == tmp_path / "env"
    assert resolve_cache_dir("~/x") == Path.home() / "x"
