"""Fuzz what reads users' input (documents, glossaries, baselines, config, aligner options): any
input ends in a result or in one AlignQAError, never in another exception. Bounded (few examples,
no example database) so it runs in every test run."""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.fakes import BagOfWordsEmbedder, assert_complete
from alignqa.align import align
from alignqa.align.options import RANGES, AlignOptions
from alignqa.baseline import load_baseline
from alignqa.config import _TOP_TYPES, FORMAT_NAMES, config_from_mapping, load_config_file
from alignqa.document import decode_bytes, read_text
from alignqa.errors import AlignQAError, ConfigError
from alignqa.glossary import load_glossary
from alignqa.segment import segment_lines, segment_text

# FUZZ_EXAMPLES=2000 for a longer hunt; the default keeps the whole file to a few seconds.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")), deadline=None,
                database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])
_names = itertools.count()

# Text with what breaks parsers: markup, quotes, separators, controls, other scripts.
TEXT = st.text(alphabet=st.one_of(
    st.sampled_from(list("#-*|`>\"',\t\n\r 1.?!<>&;[]{}=\\\x00\u00a0\u2028\u202e")),
    st.characters(codec="utf-8", exclude_categories=("Cs",))), max_size=300)
SCALAR = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                   st.booleans(), st.text(max_size=12), st.none())
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=8), inner,
                                                                     max_size=3)), max_leaves=6)


def _file(tmp_path: Path, suffix: str, data: bytes) -> Path:
    path = tmp_path / f"f{next(_names)}{suffix}"  # a new name each time: readers cache by file
    path.write_bytes(data)
    return path


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8")),
                      TEXT.map(lambda t: t.encode("utf-16"))))
def test_document_reader(tmp_path, data):
    try:
        decoded = decode_bytes(data, "doc.md")
    except AlignQAError:
        decoded = None
    try:
        text = read_text(_file(tmp_path, ".md", data))
    except AlignQAError:
        return
    assert decoded is not None and "\x00" not in text and "\r" not in text


@FUZZ
@given(text=TEXT, lang=st.sampled_from(["en", "lv", "de", "ja", "th", "ar"]))
def test_segmenter(text, lang):
    for segments in (segment_text(text, lang), segment_lines(text)):
        for s in segments:
            assert text[s.start:s.end] == s.text and s.text.strip() == s.text
        assert [s.start for s in segments] == sorted(s.start for s in segments)
    assert all(s.text for s in segment_text(text, lang))
    # Presplit: one segment per line, blank lines included, so ids are 0-based line numbers.
    lines = segment_lines(text)
    assert [s.line for s in lines] == list(range(1, len(lines) + 1))


@FUZZ
@given(text=TEXT, suffix=st.sampled_from([".csv", ".tsv"]), with_header=st.booleans())
def test_glossary_table_reader(tmp_path, text, suffix, with_header):
    sep = "," if suffix == ".csv" else "\t"
    head = sep.join(["source", "target", "lang", "dnt", "note"]) + "\n" if with_header else ""
    try:
        glossary = load_glossary(_file(tmp_path, suffix, (head + text).encode("utf-8")))
    except AlignQAError:
        return
    assert glossary.entries and all(e.source and "\n" not in e.source for e in glossary.entries)


@FUZZ
@given(body=TEXT)
def test_glossary_tbx_reader(tmp_path, body):
    data = ('<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry>'
            f'<langSet xml:lang="en"><tig><term>{body}</term></tig></langSet>'
            '<langSet xml:lang="lv"><tig><term>x</term></tig></langSet>'
            "</termEntry></body></text></martif>")
    for raw in (data.encode("utf-8"), body.encode("utf-8")):
        with contextlib.suppress(AlignQAError):
            load_glossary(_file(tmp_path, ".tbx", raw))


@FUZZ
@given(value=VALUE)
def test_baseline_reader(tmp_path, value):
    doc = {"version": 1, "findings": value}
    for raw in (json.dumps(value), json.dumps(doc)):
        with contextlib.suppress(AlignQAError):
            load_baseline(_file(tmp_path, ".json", raw.encode("utf-8")))


OPTION = st.sampled_from(sorted(RANGES))


@FUZZ
@given(options=st.dictionaries(st.one_of(OPTION, st.text(max_size=6)), SCALAR, max_size=4),
       n=st.integers(1, 12), m=st.integers(1, 12))
def test_aligner_options(options, n, m):
    try:
        opts = AlignOptions.from_mapping(options)
    except ConfigError as exc:
        assert str(exc).count("\n") == 0
        return
    for name, (low, high) in RANGES.items():
        value = getattr(opts, name)
        assert low <= value <= high and math.isfinite(value)
    source = [f"word{i} common text {i}" for i in range(n)]
    target = [f"word{j} common text {j}" for j in range(m)]
    assert_complete(align(source, target, BagOfWordsEmbedder(), opts).beads, n, m)


KEYS = st.one_of(st.sampled_from(sorted(_TOP_TYPES)), st.text(max_size=8))


@FUZZ
@given(table=st.dictionaries(KEYS, VALUE, max_size=4))
def test_config_mapping(table):
    try:
        config = config_from_mapping(table)
    except ConfigError:
        return
    # What was accepted is usable downstream.
    assert config.max_file_size >= 1 and set(config.format) <= set(FORMAT_NAMES)
    AlignOptions.from_mapping(config.align)


@FUZZ
@given(text=TEXT)
def test_config_file(tmp_path, text):
    for raw in (text, f"[tool.alignqa]\n{text}", f"[align]\nskip = {text}"):
        path = tmp_path / f"c{next(_names)}" / "alignqa.toml"
        path.parent.mkdir()
        path.write_text(raw, encoding="utf-8", errors="replace")
        with contextlib.suppress(ConfigError):
            load_config_file(path)


def test_fuzz_strategies_reach_valid_inputs():
    """The fuzz must also exercise the success paths, or it proves little."""
    assert AlignOptions.from_mapping({"skip": -0.5, "margin_k": 4}).margin_k == 4
    assert tomllib.loads('max-file-size = "1 MB"') and config_from_mapping(
        {"max-file-size": "1 MB"}).max_file_size == 1_000_000


@pytest.mark.parametrize("name", sorted(RANGES))
def test_every_option_has_a_finite_range(name):
    low, high = RANGES[name]
    assert math.isfinite(low) and math.isfinite(high) and low <= getattr(AlignOptions(), name) <= high
