"""Negation cues per language and the presence-mismatch rule."""

from __future__ import annotations

import pytest

from alignqa.detect.negation import mismatch_spans, negation_cues, negation_mismatch, polarity_cues, supports


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
    ("lv", "Nereti patērētāji izsaka savu viedokli.", []),  # "often": litotes, a weak cue
    ("de", "Es gibt keinerlei Beweise, keineswegs.", ["keinerlei", "keineswegs"]),
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


@pytest.mark.parametrize(("src", "src_lang", "tgt", "tgt_lang"), [
    # Negation carried by morphology on the other side.
    ("I'm not running for office again.", "en", "Es vairs nekandidēju.", "lv"),
    ("The result was unsatisfying.", "en", "Hasilnya tidak memuaskan.", "id"),
    ("The result was unsatisfying.", "en", "Das Ergebnis war unbefriedigend.", "de"),
    ("There is no evidence at all.", "en", "Es gibt keinerlei Beweise.", "de"),
    ("Entry is free for children.", "en", "Bērniem ieeja bez maksas.", "lv"),
    ("The method is harmless.", "en", "Metode ini tidak berbahaya.", "id"),
    # Litotes and double negation: a negation that says something positive.
    ("This is undoubtedly the best result.", "en", "Ini tidak diragukan lagi hasil terbaik.", "id"),
    ("I did okay.", "en", "Ich war nicht schlecht.", "de"),
    ("It is not unusual for consumers to complain.", "en", "Nereti patērētāji sūdzas.", "lv"),
    ("It is not impossible.", "en", "Es ist möglich.", "de"),
    ("Success is possible.", "en", "Keberhasilan bukan tidak mungkin.", "id"),
    # A verb of not doing or not showing, rendered with a negation (tldr).
    ("Suppress all output:", "en", "Jangan tampilkan luaran pesan apapun:", "id"),
    ("Skip the confirmation prompt:", "en", "Die Bestätigung nicht abfragen:", "de"),
])
def test_no_mismatch_where_the_polarity_agrees(src: str, src_lang: str, tgt: str,
                                               tgt_lang: str) -> None:
    assert not negation_mismatch(src, src_lang, tgt, tgt_lang)
    assert mismatch_spans(src, src_lang, tgt, tgt_lang) == ([], [])


@pytest.mark.parametrize(("src", "tgt", "tgt_lang", "cue"), [
    ("Photography with a flash is not allowed.", "Fotografieren mit Blitz ist erlaubt.", "de",
     "not"),
    ("The bank was not open on Sunday.", "Banka svētdien bija atvērta.", "lv", "not"),
    ("The vaccine is safe.", "Vaksin itu tidak aman.", "id", "tidak"),
])
def test_a_dropped_or_added_negation_is_still_a_mismatch(src: str, tgt: str, tgt_lang: str,
                                                          cue: str) -> None:
    src_spans, tgt_spans = mismatch_spans(src, "en", tgt, tgt_lang)
    assert [src[a:b] for a, b in src_spans] + [tgt[a:b] for a, b in tgt_spans] == [cue]


def test_negative_concord_is_not_litotes() -> None:
    # Latvian repeats the negation ("nobody did not come" means "nobody came").
    strong, _ = polarity_cues("Neviens nenāca.", "lv")
    assert strong
    assert not negation_mismatch("Nobody came.", "en", "Neviens nenāca.", "lv")
