"""The weights file: trees and logistic models, JSON round trip, calibration, explanations."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingClassifier

from alignqa.detect.features import FEATURES, Params
from alignqa.detect.model import (
    WEIGHTS_FILE,
    Detector,
    Linear,
    calibrate,
    fit_isotonic,
    load_detector,
    trees_from_sklearn,
)
from alignqa.errors import ModelError

N = len(FEATURES)


def params() -> Params:
    return Params(np.zeros(4, np.float32), [0.0, 2.0], [0.8, 0.9], 0.03, 6.0, 0.8, 0.05,
                  np.zeros(4, np.float32), 0.0)


def synthetic(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(600, N))
    y = (x[:, 0] - x[:, 1] * x[:, 2] + 0.5 * rng.normal(size=600) > 0).astype(int)
    return x, y


def test_exported_trees_reproduce_sklearn() -> None:
    x, y = synthetic()
    gb = GradientBoostingClassifier(max_depth=2, n_estimators=40, learning_rate=0.1,
                                    random_state=0).fit(x, y)
    trees = trees_from_sklearn(gb)
    np.testing.assert_allclose(trees.raw(x), gb.decision_function(x), rtol=1e-9, atol=1e-9)


def test_json_round_trip_keeps_predictions(tmp_path) -> None:
    x, y = synthetic(1)
    gb = GradientBoostingClassifier(max_depth=2, n_estimators=20, random_state=0).fit(x, y)
    xs, ys = fit_isotonic(gb.decision_function(x), y)
    det = Detector(FEATURES, trees_from_sklearn(gb), np.median(x, axis=0), xs, ys, params(),
                   {"note": "test"})
    path = tmp_path / "w.json"
    det.save(path)
    again = load_detector(str(path))
    np.testing.assert_allclose(again.predict_proba(x), det.predict_proba(x), atol=1e-5)
    assert again.meta == {"note": "test"}


def test_calibration_is_monotone_and_bounded() -> None:
    x, y = synthetic(2)
    xs, ys = fit_isotonic(x[:, 0], y)
    p = calibrate(np.linspace(-10, 10, 200), xs, ys)
    assert np.all(np.diff(p) >= 0)
    assert p.min() >= 0.0 and p.max() <= 1.0


def linear(coef: dict[str, float]) -> Detector:
    w = np.array([coef.get(f, 0.0) for f in FEATURES])
    return Detector(FEATURES, Linear(np.zeros(N), np.ones(N), w, 0.0), np.zeros(N),
                    np.array([-5.0, 5.0]), np.array([0.0, 1.0]), params())


def test_contribution_is_the_drop_to_the_reference() -> None:
    det = linear({"numbers": 2.0, "negation": 1.0})
    x = np.zeros(N)
    x[FEATURES.index("numbers")] = 1.0
    x[FEATURES.index("negation")] = 1.0
    assert det.contribution(x, ["numbers"]) == pytest.approx(2.0)
    assert det.contribution(x, ["numbers", "negation"]) == pytest.approx(3.0)
    assert det.contribution(x, ["copied"]) == 0.0


def test_shipped_weights_load_and_fit_the_signals() -> None:
    det = load_detector()
    assert det.features == FEATURES
    assert det.meta["trained_by"] == "training/train_detector.py"
    p = det.predict_proba(np.tile(det.reference, (1, 1)))
    assert 0.0 <= p[0] < 0.5  # a typical clean pair is not flagged
    size = WEIGHTS_FILE.stat().st_size
    assert size < 500_000, f"weights file grew to {size} bytes"


def test_broken_or_foreign_weights_are_model_errors(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read"):
        load_detector(str(bad))
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="other signals"):
        load_detector(str(other))
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    del data["model"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="malformed"):
        load_detector(str(broken))


def test_trees_fitted_on_standardised_signals_read_raw_ones() -> None:
    x, y = synthetic(3)
    x = x * 5.0 + 2.0
    mean, scale = x.mean(axis=0), x.std(axis=0)
    gb = GradientBoostingClassifier(max_depth=2, n_estimators=30, random_state=0)
    gb.fit((x - mean) / scale, y)
    trees = trees_from_sklearn(gb, mean, scale)
    agree = np.isclose(trees.raw(x), gb.decision_function((x - mean) / scale), atol=1e-9)
    # A value within float rounding of a threshold may take the other branch; nearly none do.
    assert agree.mean() > 0.99
