"""Abbreviation classes for languages Punkt has no model for, and the rules they drive."""

from __future__ import annotations

import pytest

from alignqa.segment.abbreviations import abbreviations_for


@pytest.mark.parametrize(("lang", "word", "kind"), [
    ("id", "bpk", "always"), ("id", "jl", "always"), ("id", "pt", "always"),
    ("id", "kab", "always"), ("id", "tgl", "numeric_only"), ("id", "no", "numeric_only"),
    ("id", "dll", "ending"), ("id", "dsb", "ending"),
    ("lv", "piem", "always"), ("lv", "t.i", "always"), ("lv", "g", "always"),
    ("lv", "gs", "always"), ("lv", "utt", "ending"), ("lv", "u.c", "ending"),
    ("lv", "nr", "numeric_only"),
    ("en", "etc", "ending"), ("en", "sec", "numeric_only"), ("en", "e.g", "always"),
    ("fr", "art", "numeric_only"), ("de", "usw", "ending"),
])
def test_class_of(lang: str, word: str, kind: str):
    abbrevs = abbreviations_for(lang)
    assert word in getattr(abbrevs, kind)
    others = {"always", "numeric_only", "ending"} - {kind}
    assert not any(word in getattr(abbrevs, other) for other in others)


def test_latvian_merges_the_moses_list():
    assert {"prof", "akad", "inž"} <= abbreviations_for("lv").always


def test_punkt_types_exclude_numeric_only_and_keep_ending():
    abbrevs = abbreviations_for("en")
    types = abbrevs.punkt_types({"no", "mr", "etc"})
    assert "no" not in types and {"mr", "etc"} <= types


def test_unknown_language_gets_empty_lists():
    abbrevs = abbreviations_for("sw")
    assert not (abbrevs.always or abbrevs.numeric_only or abbrevs.ending)
