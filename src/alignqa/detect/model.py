"""The detector's model: standardised signals -> logistic regression -> calibrated probability.

Everything fitted lives in one JSON file (``detector-weights.json`` beside this module): feature
names, their means and scales, the coefficients, the isotonic calibration curve and the constants
the signals need (:class:`~alignqa.detect.features.Params`). No pickle: the file can be read,
diffed and reviewed, and loading it runs no code. ``bench/train_detector.py`` writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .features import FEATURES, Params

WEIGHTS_FILE = Path(__file__).with_name("detector-weights.json")
FORMAT = 1


@dataclass
class Detector:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    # Isotonic calibration: raw logit knots -> probability knots, linearly interpolated.
    calib_x: np.ndarray
    calib_y: np.ndarray
    params: Params
    meta: dict[str, Any] = field(default_factory=dict)

    def logit(self, x: np.ndarray) -> np.ndarray:
        """Uncalibrated log-odds for a ``(n, features)`` matrix."""
        return ((np.atleast_2d(x) - self.mean) / self.scale) @ self.coef + self.intercept

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probability that each pair has a critical error."""
        return calibrate(self.logit(x), self.calib_x, self.calib_y)

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        """How much each signal moves one pair's log-odds away from an average pair."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        return {f: float(c) for f, c in zip(self.features, z * self.coef, strict=True)}

    def to_json(self) -> dict[str, Any]:
        p = self.params
        return {
            "format": FORMAT,
            "features": list(self.features),
            "mean": _floats(self.mean),
            "scale": _floats(self.scale),
            "coef": _floats(self.coef),
            "intercept": round(float(self.intercept), 6),
            "calibration": {"logit": _floats(self.calib_x), "probability": _floats(self.calib_y)},
            "params": {
                "token_center": _floats(p.token_center),
                "length_knots": _floats(p.length_knots),
                "length_values": _floats(p.length_values),
                "doc_prior_sd": round(float(p.doc_prior_sd), 6),
                "doc_prior_weight": round(float(p.doc_prior_weight), 6),
                "neighbour_prior": round(float(p.neighbour_prior), 6),
                "rival_prior": round(float(p.rival_prior), 6),
                "risk_direction": _floats(p.risk_direction),
                "risk_bias": round(float(p.risk_bias), 6),
            },
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Detector:
        if data.get("format") != FORMAT:
            raise ModelError(f"detector weights have format {data.get('format')!r}, "
                             f"expected {FORMAT}")
        if tuple(data["features"]) != FEATURES:
            raise ModelError("detector weights were fitted for other signals; retrain them with "
                             "bench/train_detector.py")
        p = data["params"]
        params = Params(
            token_center=np.asarray(p["token_center"], np.float32),
            length_knots=list(p["length_knots"]), length_values=list(p["length_values"]),
            doc_prior_sd=p["doc_prior_sd"], doc_prior_weight=p["doc_prior_weight"],
            neighbour_prior=p["neighbour_prior"], rival_prior=p["rival_prior"],
            risk_direction=np.asarray(p["risk_direction"], np.float32),
            risk_bias=p["risk_bias"])
        return cls(tuple(data["features"]), np.asarray(data["mean"]), np.asarray(data["scale"]),
                   np.asarray(data["coef"]), float(data["intercept"]),
                   np.asarray(data["calibration"]["logit"]),
                   np.asarray(data["calibration"]["probability"]), params, data.get("meta", {}))

    def save(self, path: str | Path = WEIGHTS_FILE) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


def calibrate(logit: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Map raw log-odds through the isotonic curve (flat beyond its ends)."""
    return np.clip(np.interp(logit, xs, ys), 0.0, 1.0)


def fit_isotonic(logit: np.ndarray, label: np.ndarray,
                 max_knots: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Isotonic calibration knots from held-out log-odds and labels (at most ``max_knots``)."""
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit(logit, label)
    xs, ys = np.asarray(iso.X_thresholds_), np.asarray(iso.y_thresholds_)
    if len(xs) > max_knots:
        keep = np.unique(np.linspace(0, len(xs) - 1, max_knots).round().astype(int))
        xs, ys = xs[keep], ys[keep]
    return xs, ys


def _floats(values: Any) -> list[float]:
    return [round(float(v), 6) for v in np.asarray(values).ravel()]


@lru_cache(maxsize=4)
def load_detector(path: str | None = None) -> Detector:
    """The shipped detector (or one from ``path``); a missing or broken file is a ModelError."""
    target = Path(path) if path else WEIGHTS_FILE
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read detector weights: {exc}", target) from None
    try:
        return Detector.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"detector weights are malformed: {exc}", target) from None
