"""Models that cannot be loaded: one ModelError line naming the model, no traceback noise."""

from __future__ import annotations

import pytest

from alignqa.embed import load_embedder
from alignqa.errors import ModelError


def test_missing_folder(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError) as info:
        load_embedder(str(missing), cache_dir=tmp_path)
    assert str(info.value) == f"{missing}: no such model folder"


def test_file_instead_of_folder(tmp_path):
    weights = tmp_path / "model.bin"
    weights.write_bytes(b"\x00" * 16)
    with pytest.raises(ModelError, match="not a model folder"):
        load_embedder(str(weights), cache_dir=tmp_path)


def test_folder_that_is_not_a_model_gives_one_line(tmp_path):
    folder = tmp_path / "empty-model"
    folder.mkdir()
    (folder / "config.json").write_text("{not json")
    with pytest.raises(ModelError) as info:
        load_embedder(str(folder), cache_dir=tmp_path)
    message = str(info.value)
    assert message.startswith(f"{folder}: cannot load embedding model: ")
    assert "\n" not in message


def test_hub_name_not_cached_fails_at_once_when_offline(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError) as info:
        load_embedder("no-such-org/no-such-model", cache_dir=tmp_path)
    message = str(info.value)
    assert message.startswith("no-such-org/no-such-model: cannot load embedding model: ")
    assert message.endswith("(hub access is off)") and "\n" not in message
    assert capfd.readouterr().err == ""  # no log lines or progress bars on the way


def test_empty_name_is_rejected(tmp_path):
    with pytest.raises(ModelError, match="empty model name"):
        load_embedder("  ", cache_dir=tmp_path)
