"""Tricky cases per language, one YAML file each in fixtures/: exact segment texts and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from alignqa.document import SEGMENT_KINDS, SENTENCE
from alignqa.segment import segment_text

FIXTURES = Path(__file__).parent / "fixtures"
REQUIRED_LANGUAGES = {"en", "de", "fr", "es", "lv", "id", "ru", "zh", "ja"}


def _load() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["lang"] == path.stem, f"{path.name}: lang {data['lang']!r} != file name"
        cases += [(data["lang"], case) for case in data["cases"]]
    return cases


CASES = _load()


def _expected(entry: str | dict) -> tuple[str, str]:
    if isinstance(entry, str):
        return entry, SENTENCE
    assert entry["kind"] in SEGMENT_KINDS, entry
    return entry["text"], entry["kind"]


def test_every_required_language_has_fixtures():
    assert {lang for lang, _ in CASES} >= REQUIRED_LANGUAGES


@pytest.mark.parametrize(("lang", "case"), CASES,
                         ids=[f"{lang}: {case['name']}" for lang, case in CASES])
def test_fixture(lang: str, case: dict):
    segments = segment_text(case["text"], lang)
    assert [(s.text, s.kind) for s in segments] == [_expected(e) for e in case["segments"]]
    for s in segments:
        assert case["text"][s.start:s.end] == s.text
