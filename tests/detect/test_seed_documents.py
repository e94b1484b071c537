"""The seed documents: the wrong-sense Latvian heading is flagged, with the reason spelled out."""

from __future__ import annotations

from pathlib import Path

import pytest

import alignqa.checks.mistranslation  # noqa: F401  (registers the check)
from alignqa.align import align_documents
from alignqa.checks.registry import REGISTRY, PairContext
from alignqa.segment import load_document

pytestmark = pytest.mark.model

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def findings(lang: str, embedder) -> list:
    src = load_document(CORPUS / "en" / "client-facing.md", "en")
    tgt = load_document(CORPUS / lang / "client-facing.md", lang)
    check = REGISTRY["mistranslation"]
    ctx = PairContext(src, tgt, align_documents(src, tgt, embedder), options=check.defaults,
                      embedder=embedder)
    return check.run(ctx)


def test_latvian_key_takeaways_is_flagged(embedder) -> None:
    found = findings("lv", embedder)
    heading = [f for f in found if f.source_text == "Key Takeaways"]
    assert len(heading) == 1, [f.source_text for f in found]
    f = heading[0]
    assert f.target_text == "Taustiņu izņemšana"
    assert "meaning similarity" in f.message and "lowest of the document" in f.message
    assert f.score is not None and f.score >= REGISTRY["mistranslation"].defaults.warning_threshold
