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

from alignqa.checks.mistranslation import mistranslation  # noqa: F401  (registers)
from alignqa.checks.registry import REGISTRY
from alignqa.detect.features import FEATURES, Params
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


@pytest.fixture
def weights(tmp_path) -> str:
    """A detector that only looks at numbers: p = 0.95 for a changed number (one missing, one
    extra: the signal is 2), p = 0.01 for a pair whose numbers agree."""
    coef = np.array([2.0 if f == "numbers" else 0.0 for f in FEATURES])
    params = Params(np.zeros(DIM, np.float32), [0.0, 3.0], [0.5, 0.9], 0.05, 6.0, 0.5, 0.05,
                    np.zeros(DIM, np.float32), 0.0)
    det = Detector(FEATURES, Linear(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -3.0),
                   np.zeros(len(FEATURES)), np.array([-3.0, 1.0, 5.0]),
                   np.array([0.01, 0.95, 0.99]), params)
    path = tmp_path / "weights.json"
    det.save(path)
    return str(path)


BEADS = [
    ["The fee is 15 euros per day.", "Maksa ir 50 eiro dienā."],
    ["Readers may borrow ten books.", "Lasītāji var aizņemties desmit grāmatas."],
    {"source": "Opening hours", "target": None},
]


def run(options: dict) -> list:
    check = REGISTRY["mistranslation"]
    ctx = make_pair("en", "lv", BEADS, check.make_options(options), embedder=WordHashEmbedder())
    return check.run(ctx)


def test_registered_with_documented_defaults() -> None:
    check = REGISTRY["mistranslation"]
    assert check.severity is Severity.ERROR
    assert check.defaults.numeric() == {"error-threshold": 0.5, "warning-threshold": 0.4}
    assert check.defaults.weights == ""


def test_score_above_error_threshold_is_an_error_with_spans(weights: str) -> None:
    [f] = run({"weights": weights})
    assert f.severity is Severity.ERROR
    assert f.bead == 0
    assert f.score == pytest.approx(0.95, abs=0.01)
    assert f.message.startswith("Possible mistranslation (p = 0.95): numbers differ")
    assert [f.source_text[a:b] for a, b in f.source_spans] == ["15"]
    assert [f.target_text[a:b] for a, b in f.target_spans] == ["50"]


def test_thresholds_decide_severity(weights: str) -> None:
    [f] = run({"weights": weights, "error_threshold": 0.99})
    assert f.severity is Severity.WARNING
    assert run({"weights": weights, "warning_threshold": 0.97, "error_threshold": 0.99}) == []


@pytest.mark.parametrize("options", [
    {"warning_threshold": 0.9, "error_threshold": 0.8},
    {"error_threshold": 1.5},
    {"warning_threshold": "high"},
])
def test_bad_thresholds_are_config_errors(weights: str, options: dict) -> None:
    with pytest.raises(ConfigError, match="mistranslation"):
        run({"weights": weights, **options})


def test_beads_missing_a_side_are_left_to_the_omission_check(weights: str) -> None:
    assert all(f.bead != 2 for f in run({"weights": weights, "warning_threshold": 0.0}))
