"""The detector's training tables (training/tables/*.tsv) parse and keep the benchmark honest."""

import re

from training import planting


def test_idiom_tables_have_every_rendering_and_share_no_idiom() -> None:
    for table in (planting.IDIOMS, planting.TRAIN_IDIOMS):
        assert table
        for en, renderings in table:
            assert set(renderings) == set(planting.LANGS), en
            for lang, (idiomatic, literal) in renderings.items():
                assert idiomatic.strip() and literal.strip(), (en, lang)
                assert idiomatic != literal, (en, lang)
    # The benchmark's held-out idioms must never be seen in training.
    assert not {en for en, _ in planting.IDIOMS} & {en for en, _ in planting.TRAIN_IDIOMS}
    heldout = {en for en, _ in planting.idioms("heldout")}
    train = {en for en, _ in planting.idioms("train")}
    assert heldout and not heldout & train


def test_negation_rules_compile_and_remove_a_negation() -> None:
    assert set(planting.TARGET_NEGATION) == set(planting.LANGS)
    for rules in planting.TARGET_NEGATION.values():
        for pattern, _ in rules:
            re.compile(pattern)
    # A quoted replacement keeps its trailing space: "belum datang" -> "sudah datang".
    rules = dict(planting.TARGET_NEGATION["id"])
    assert re.sub(r"\bbelum\s+", rules[r"\bbelum\s+"], "Dia belum datang.") == "Dia sudah datang."
    fr = planting.TARGET_NEGATION["fr"]
    assert re.sub(fr[1][0], fr[1][1], "Il ne mange pas.") == "Il mange."
