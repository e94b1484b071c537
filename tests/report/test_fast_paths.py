"""The report helpers' fast paths (text with nothing to escape) give what the general path gives."""

from __future__ import annotations

import random

from alignqa.report import common, junit


def _xml_safe_by_character(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        bad = (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (
            0xFFFE, 0xFFFF)
        out.append((f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") if bad else ch)
    return "".join(out)


def test_xml_safe_on_every_code_point():
    for code in range(0x110000):
        ch = chr(code)
        assert junit.xml_safe(f"a{ch}b") == _xml_safe_by_character(f"a{ch}b"), hex(code)


def test_printable_text_has_no_whitespace_but_the_space():
    # What the one-line fast path relies on: str.isprintable() admits no other whitespace.
    assert [c for c in map(chr, range(0x110000)) if c.isprintable() and c.isspace()] == [" "]


def test_flatten_fast_path_matches_the_general_one():
    rng = random.Random(7)
    alphabet = " a b  é\u0301日x.\u200b\t\n\u202e\x1b\u00a0\u3000"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert common._flatten(text) == common._flatten_any(text), repr(text)
        assert common.one_line(text) == common._flatten_any(text)[0], repr(text)
        assert common.printable(text) == "".join(common.printable(c) for c in text), repr(text)
