"""BCP-47 locales wherever a language is named: validated by babel, spelled as given, with
language behaviour falling back to the base language."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.alignment import Alignment
from alignqa.checks.registry import PairContext, all_checks
from alignqa.document import Document
from alignqa.errors import InputError
from alignqa.glossary import GlossaryEntry
from alignqa.languages import base_language, language_name, validate_language
from alignqa.segment import segment_text


@pytest.mark.parametrize("given, tag, base", [
    ("pt-BR", "pt-BR", "pt"), ("pt_BR", "pt-BR", "pt"), ("pt_br", "pt-BR", "pt"),
    ("zh-Hans", "zh-Hans", "zh"), ("zh_TW", "zh-TW", "zh"), ("sr-Latn", "sr-Latn", "sr"),
    ("es-419", "es-419", "es"), ("EN", "en", "en"), ("fil", "fil", "fil"),
])
def test_locales_normalise_to_bcp47_and_fall_back(given, tag, base):
    assert validate_language(given) == tag
    assert base_language(tag) == base


@pytest.mark.parametrize("bad", ["pages", "xx", "english", "und", "pt-", "p"])
def test_not_a_locale(bad):
    with pytest.raises(InputError, match="unknown language code"):
        validate_language(bad)


def test_language_names_include_the_region():
    assert language_name("pt-BR") == "Portuguese (Brazil)"
    assert language_name("zh-Hans") == "Chinese (Simplified)"


def test_portuguese_rules_apply_to_brazilian_portuguese():
    text = "O Sr. Silva chegou às 10h. Ele saiu cedo."
    assert [s.text for s in segment_text(text, "pt-BR")] == \
        [s.text for s in segment_text(text, "pt")]


def test_checks_see_the_base_language_findings_the_locale():
    src = Document(path=Path("en.md"), lang="en", text="x")
    tgt = Document(path=Path("pt-BR.md"), lang="pt-BR", text="x")
    ctx = PairContext(src, tgt, Alignment(beads=[]))
    assert (ctx.source_lang, ctx.target_lang) == ("en", "pt")
    numbers = next(c for c in all_checks() if c.id == "numbers")
    assert ctx.finding(numbers, None, "m").target_lang == "pt-BR"


def test_glossary_rows_for_a_language_apply_to_its_locales():
    row = GlossaryEntry("file", ("arquivo",), lang="pt")
    only_br = GlossaryEntry("file", ("arquivo",), lang="pt-BR")
    assert row.applies("en", "pt-BR") and row.applies("en-US", "pt-PT")
    assert only_br.applies("en", "pt-BR") and not only_br.applies("en", "pt-PT")
