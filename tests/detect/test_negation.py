"""Negation cues per language and the presence-mismatch rule."""

from __future__ import annotations

import pytest

from alignqa.detect.negation import negation_cues, negation_mismatch, supports


def cues(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in negation_cues(text, lang)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The drug is not safe.", ["not"]),
    ("en", "It doesn't work and never will.", ["doesn't", "never"]),
    ("en", "The mice are non-diabetic.", ["non"]),
    ("en", "The drug is safe.", []),
    ("de", "Das ist nicht sicher, es gibt keine Daten.", ["nicht", "keine"]),
    ("de", "Das Medikament ist sicher.", []),
    ("fr", "Ce n'est pas sûr.", ["n'"]),
    ("fr", "Ce n’est pas sûr.", ["n’"]),
    ("fr", "Personne ne vient.", ["ne"]),
    ("fr", "Il ne reste que deux places.", []),  # "ne ... que" means "only"
    ("id", "Obat ini tidak aman.", ["tidak"]),
    ("id", "Tak lama kemudian dia pergi.", []),  # "soon after"
    ("lv", "Zāles nav drošas, un tās nevar lietot.", ["nav", "nevar"]),
    ("lv", "Neatkarīga izmeklēšana notiks nedēļas beigās.", []),
    ("lv", "Nereti patērētāji izsaka savu viedokli.", ["Nereti"]),
    ("cs", "To není bezpečné.", ["není"]),
    ("cs", "To je nejlepší řešení.", []),  # "nej-" is the superlative
    ("zh", "这种药不安全。", ["不"]),
    ("zh", "这两种药不同。", []),
    ("ja", "この薬は安全ではない。", ["ない"]),
    ("ja", "患者は少ない。", []),
])
def test_cues(lang: str, text: str, expected: list[str]) -> None:
    assert cues(text, lang) == expected


def test_mismatch_is_about_presence_not_count() -> None:
    # Latvian negative concord puts two cues where English puts one.
    assert not negation_mismatch("Nobody came.", "en", "Neviens nenāca.", "lv")
    assert negation_mismatch("The drug is not safe.", "en", "Das Medikament ist sicher.", "de")
    assert negation_mismatch("The drug is safe.", "en", "Das Medikament ist nicht sicher.", "de")


def test_unknown_language_is_never_a_mismatch() -> None:
    assert not supports("xx")
    assert negation_cues("not", "xx") == []
    assert not negation_mismatch("It is not safe.", "en", "Se ei ole turvallinen.", "xx")
