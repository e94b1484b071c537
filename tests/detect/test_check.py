"""The ``mistranslation`` check's plumbing: thresholds, severities, options, messages.

A stand-in embedder (a fixed random vector per word) and a hand-written weights file keep these
tests fast and exact; tests/detect/test_mistranslation_fixtures.py runs the real model.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))

from check_cases import make_pair

from alignqa.checks.mistranslation import MistranslationOptions, level
from alignqa.checks.registry import REGISTRY
from alignqa.detect import PairScore, Reason
from alignqa.detect.features import FEATURES, PairSignals, Params
from alignqa.detect.model import Detector, Linear
from alignqa.detect.token_alignment import TokenVectors
from alignqa.errors import ConfigError
from alignqa.findings import Severity

DIM = 12


class WordHashEmbedder:
    """Token vectors: one fixed pseudo-random vector per lower-cased word (no model)."""

    model_id = "word-hash"
    model = None

    def token_embeddings(self, texts):
        out = []
        for text in texts:
            offsets, vecs, pos = [], [], 0
            for word in text.split():
                start = text.index(word, pos)
                pos = start + len(word)
                offsets.append((start, pos))
                seed = int(hashlib.sha256(word.lower().encode()).hexdigest()[:8], 16)
                vecs.append(np.random.default_rng(seed).normal(size=DIM))
            out.append(TokenVectors(text, offsets, np.array(vecs, dtype=np.float32)))
        return out


def write_weights(path: Path, signal: str) -> str:
    """A detector that only looks at one signal: p = 0.01 where it is 0, p >= 0.95 from 0.5 on."""
    coef = np.array([8.0 if f == signal else 0.0 for f in FEATURES])
    params = Params(np.zeros(DIM, np.float32), [0.0, 3.0], [0.5, 0.9], 0.05, 6.0, 0.5, 0.05,
                    np.zeros(DIM, np.float32), 0.0)
    det = Detector(FEATURES, Linear(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -3.0),
                   np.zeros(len(FEATURES)), np.array([-3.0, 1.0, 5.0]),
                   np.array([0.01, 0.95, 0.99]), params)
    det.save(path)
    return str(path)


@pytest.fixture
def weights(tmp_path) -> str:
    """Negation only: the dropped 'not' of bead 0 scores p >= 0.95."""
    return write_weights(tmp_path / "negation.json", "negation")


BEADS = [
    ["Dogs are not allowed in the park.", "Suņi parkā ir atļauti."],
    ["Readers may borrow ten books.", "Lasītāji var aizņemties desmit grāmatas."],
    {"source": "Opening hours", "target": None},
    ["The fee is 15 euros per day.", "Maksa ir 50 eiro dienā."],
]


def run(options: dict, beads: list = BEADS) -> list:
    check = REGISTRY["mistranslation"]
    ctx = make_pair("en", "lv", beads, check.make_options(options), embedder=WordHashEmbedder())
    return check.run(ctx)


def test_registered_with_documented_defaults() -> None:
    check = REGISTRY["mistranslation"]
    assert check.severity is Severity.ERROR
    assert check.defaults.numeric() == {"error-threshold": 0.5, "warning-threshold": 0.5,
                                        "error-min-pairs": 12, "established-after": 3}
    assert check.defaults.weights == ""


def test_a_dropped_negation_is_reported_with_its_cue(weights: str) -> None:
    [f] = run({"weights": weights})
    assert f.bead == 0
    assert f.score is not None and f.score >= 0.95
    assert f.message.startswith("Possible mistranslation (p = ")
    assert "the source negates ('not'), the target does not" in f.message
    assert [f.source_text[a:b] for a, b in f.source_spans] == ["not"]


def scored(p: float, doc_pairs: int = 26, words: int = 2, reasons: tuple[str, ...] = (),
           **values: float) -> PairScore:
    """A PairScore with the signals that decide the severity set by hand."""
    base = {f: 0.0 for f in FEATURES} | {"short": words ** -0.5} | values
    sig = PairSignals("source", "target", base, None, ([], []), ([], []), doc_pairs)
    return PairScore(p, [Reason(k, k, 1.0) for k in reasons], [], [], sig)


OPTIONS = MistranslationOptions()


@pytest.mark.parametrize(("score", "expected"), [
    # A short pair far below its document: evidence only when the document is large.
    (scored(0.6, 26, cos_vs_length=-0.09, cos_doc_z=-4.0), Severity.ERROR),
    (scored(0.6, 4, cos_vs_length=-0.09, cos_doc_z=-4.0), Severity.WARNING),
    (scored(0.6, 26, cos_vs_length=-0.09, cos_doc_z=-2.0), Severity.WARNING),
    # A long sentence far below the usual similarity: evidence in any document.
    (scored(0.6, 3, words=12, cos_vs_length=-0.12), Severity.ERROR),
    # Content crossed with another pair, or a negation without a counterpart.
    (scored(0.6, 3, reasons=("rival",), rival_gap=-0.15), Severity.ERROR),
    (scored(0.6, 3, reasons=("rival",), rival_gap=-0.02), Severity.WARNING),
    (scored(0.6, 3, reasons=("negation",), negation=0.8), Severity.ERROR),
    (scored(0.6, 3, reasons=("negation",), negation=0.3), Severity.WARNING),
    # A score without a concrete reason is a warning at most, however high.
    (scored(0.97, 26, reasons=("risk",)), Severity.WARNING),
    (scored(0.49, 26, cos_vs_length=-0.2, cos_doc_z=-6.0), None),
])
def test_level_needs_evidence_that_holds_at_realistic_error_rates(score: PairScore,
                                                                   expected) -> None:
    assert level(score, OPTIONS) is expected


def test_a_changed_number_alone_is_left_to_the_numbers_check(tmp_path) -> None:
    numbers_only = write_weights(tmp_path / "numbers.json", "numbers")
    assert run({"weights": numbers_only, "warning_threshold": 0.02}) == []


def test_thresholds_decide_severity(weights: str) -> None:
    [f] = run({"weights": weights, "error_threshold": 0.995})
    assert f.severity is Severity.WARNING
    assert run({"weights": weights, "warning_threshold": 0.995, "error_threshold": 0.999}) == []


@pytest.mark.parametrize("options", [
    {"warning_threshold": 0.9, "error_threshold": 0.8},
    {"error_threshold": 1.5},
    {"warning_threshold": "high"},
    {"established_after": 1},
])
def test_bad_thresholds_are_config_errors(weights: str, options: dict) -> None:
    with pytest.raises(ConfigError, match="mistranslation"):
        run({"weights": weights, **options})


def test_beads_missing_a_side_are_left_to_the_omission_check(weights: str) -> None:
    assert all(f.bead != 2 for f in run({"weights": weights, "warning_threshold": 0.0}))


def test_a_rendering_the_corpus_repeats_is_established(weights: str) -> None:
    check = REGISTRY["mistranslation"]
    options = check.make_options({"weights": weights})
    contexts = [make_pair("en", "lv", BEADS, options, i, embedder=WordHashEmbedder())
                for i in range(3)]
    findings = [f for ctx in contexts for f in check.run(ctx)]
    assert len(findings) == 3
    assert check.review(check, contexts, findings) == []
    # Twice is not yet a habit of the corpus.
    assert len(check.review(check, contexts[:2], findings[:2])) == 2
    off = check.make_options({"weights": weights, "established_after": 0})
    assert len(check.review(check, [make_pair("en", "lv", BEADS, off, i) for i in range(3)],
                            findings)) == 3


def test_an_established_rendering_against_the_glossary_stays(weights: str, tmp_path) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("source,target,lang\nallowed,aizliegts,lv\n", encoding="utf-8")
    check = REGISTRY["mistranslation"]
    options = check.make_options({"weights": weights})
    contexts = [make_pair("en", "lv", BEADS, options, i, embedder=WordHashEmbedder(),
                          glossary_path=glossary) for i in range(3)]
    findings = [f for ctx in contexts for f in check.run(ctx)]
    assert len(check.review(check, contexts, findings)) == 3


def test_the_pipeline_runs_the_review_over_the_whole_run(weights: str) -> None:
    from alignqa.config import Config
    from alignqa.pipeline import review_findings
    from alignqa.results import PairResult

    check = REGISTRY["mistranslation"]
    config = Config(checks={"mistranslation": {"weights": weights}})
    results = []
    for i in range(3):
        ctx = make_pair("en", "lv", BEADS, check.make_options({"weights": weights}), i,
                        embedder=WordHashEmbedder())
        results.append(PairResult(ctx.source, ctx.target, ctx.alignment,
                                  findings=check.run(ctx)))
    assert all(len(r.findings) == 1 for r in results)
    alone = results[0]
    review_findings([alone], [check], config, WordHashEmbedder(), {})
    assert len(alone.findings) == 1  # one pair alone establishes nothing
    review_findings(results, [check], config, WordHashEmbedder(), {})
    assert all(r.findings == [] for r in results)
