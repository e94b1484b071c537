"""Number mismatches use the numbers check's locale-aware reading."""

from __future__ import annotations

from alignqa.detect.numbers import number_mismatch


def test_locale_notations_match() -> None:
    assert number_mismatch("Inflation rose to 3.5% in 2024.", "en",
                           "Inflācija 2024. gadā pieauga līdz 3,5 %.", "lv") == ([], [])


def test_changed_number_gives_spans_on_both_sides() -> None:
    src, tgt = "The dose is 25 mg twice a day.", "Die Dosis beträgt 250 mg zweimal täglich."
    missing, extra = number_mismatch(src, "en", tgt, "de")
    assert [src[a:b] for a, b in missing] == ["25"]
    assert [tgt[a:b] for a, b in extra] == ["250"]
