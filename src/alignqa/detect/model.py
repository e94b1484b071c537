"""The detector's model: signals -> log-odds (boosted trees or logistic) -> calibrated probability.

Everything fitted lives in one JSON file (``detector-weights.json`` beside this module): feature
names, the model (small depth-limited regression trees of a gradient-boosting fit, or logistic
coefficients), a *reference* value per feature (the median over clean training pairs), the
isotonic calibration curve, and the constants the signals need
(:class:`~alignqa.detect.features.Params`). No pickle: the file can be read, diffed and reviewed,
and loading it runs no code. ``training/train_detector.py`` writes it.

Explanations are model-agnostic and exact for the model at hand: the contribution of a set of
signals is how far the log-odds fall when those signals are set to their reference values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .features import FEATURES, Params

WEIGHTS_FILE = Path(__file__).with_name("detector-weights.json")
FORMAT = 2


@dataclass
class Trees:
    """Regression trees of a gradient-boosting fit, as flat arrays (leaf: feature == -1)."""

    init: float
    learning_rate: float
    feature: list[np.ndarray]
    threshold: list[np.ndarray]
    left: list[np.ndarray]
    right: list[np.ndarray]
    value: list[np.ndarray]

    def __post_init__(self) -> None:
        # All trees padded into (trees, nodes) arrays: one vectorised walk for every tree and row.
        width = max(len(f) for f in self.feature)
        n = len(self.feature)
        self._feat = np.full((n, width), -1, np.int64)
        self._thr = np.zeros((n, width))
        self._left = np.zeros((n, width), np.int64)
        self._right = np.zeros((n, width), np.int64)
        self._value = np.zeros((n, width))
        for t, (f, th, lf, r, v) in enumerate(zip(self.feature, self.threshold, self.left,
                                                  self.right, self.value, strict=True)):
            k = len(f)
            self._feat[t, :k], self._thr[t, :k], self._value[t, :k] = f, th, v
            self._left[t, :k], self._right[t, :k] = lf, r
        self._depth = _depth(self.feature, self.left, self.right)

    def raw(self, x: np.ndarray) -> np.ndarray:
        # The trees were fitted on float32 inputs; compare in float32 to take the same branches.
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        trees = np.arange(self._feat.shape[0])[None, :]
        node = np.zeros((len(x), self._feat.shape[0]), np.int64)
        rows = np.arange(len(x))[:, None]
        for _ in range(self._depth):
            feat = self._feat[trees, node]
            inner = feat >= 0
            go_left = x[rows, np.maximum(feat, 0)] <= self._thr[trees, node]
            step = np.where(go_left, self._left[trees, node], self._right[trees, node])
            node = np.where(inner, step, node)
        return self.init + self.learning_rate * self._value[trees, node].sum(axis=1)


def _depth(features: list[np.ndarray], left: list[np.ndarray], right: list[np.ndarray]) -> int:
    deepest = 0
    for feat, lf, r in zip(features, left, right, strict=True):
        level, frontier = 0, [0]
        while any(feat[n] >= 0 for n in frontier):
            frontier = [c for n in frontier if feat[n] >= 0 for c in (lf[n], r[n])]
            level += 1
        deepest = max(deepest, level)
    return deepest


@dataclass
class Linear:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def raw(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept


@dataclass
class Detector:
    features: tuple[str, ...]
    model: Trees | Linear
    reference: np.ndarray
    # Isotonic calibration: raw log-odds knots -> probability knots, linearly interpolated.
    calib_x: np.ndarray
    calib_y: np.ndarray
    params: Params
    meta: dict[str, Any] = field(default_factory=dict)

    def logit(self, x: np.ndarray) -> np.ndarray:
        """Uncalibrated log-odds for a ``(n, features)`` matrix."""
        return self.model.raw(np.atleast_2d(np.asarray(x, dtype=np.float64)))

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probability that each pair has a critical error."""
        return calibrate(self.logit(x), self.calib_x, self.calib_y)

    def contribution(self, x: np.ndarray, names: Iterable[str]) -> float:
        """How far one pair's log-odds fall when ``names`` take their reference values."""
        return self.contributions(x, [list(names)])[0]

    def contributions(self, x: np.ndarray, groups: Sequence[Sequence[str]]) -> list[float]:
        """:meth:`contribution` for several groups of signals at once (one model evaluation)."""
        x = np.asarray(x, dtype=np.float64)
        rows = np.tile(x, (len(groups) + 1, 1))
        for r, names in enumerate(groups, start=1):
            for name in names:
                i = self.features.index(name)
                rows[r, i] = self.reference[i]
        out = self.logit(rows)
        return [float(out[0] - v) for v in out[1:]]

    def to_json(self) -> dict[str, Any]:
        p = self.params
        if isinstance(self.model, Trees):
            t = self.model
            model: dict[str, Any] = {
                "kind": "trees", "init": round(t.init, 8), "learning_rate": t.learning_rate,
                "trees": [{"feature": f.tolist(), "threshold": th.tolist(), "left": lf.tolist(),
                           "right": r.tolist(), "value": _floats(v)}
                          for f, th, lf, r, v in zip(t.feature, t.threshold, t.left, t.right,
                                                     t.value, strict=True)]}
        else:
            m = self.model
            model = {"kind": "logistic", "mean": _floats(m.mean), "scale": _floats(m.scale),
                     "coef": _floats(m.coef), "intercept": round(float(m.intercept), 8)}
        return {
            "format": FORMAT,
            "features": list(self.features),
            "model": model,
            "reference": _floats(self.reference),
            "calibration": {"logit": _floats(self.calib_x), "probability": _floats(self.calib_y)},
            "params": {
                "token_center": _floats(p.token_center),
                "length_knots": _floats(p.length_knots),
                "length_values": _floats(p.length_values),
                "doc_prior_sd": _float(p.doc_prior_sd),
                "doc_prior_weight": _float(p.doc_prior_weight),
                "neighbour_prior": _float(p.neighbour_prior),
                "rival_prior": _float(p.rival_prior),
                "risk_direction": _floats(p.risk_direction),
                "risk_bias": _float(p.risk_bias),
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
                             "python -m training.train_detector")
        p = data["params"]
        params = Params(
            token_center=np.asarray(p["token_center"], np.float32),
            length_knots=list(p["length_knots"]), length_values=list(p["length_values"]),
            doc_prior_sd=p["doc_prior_sd"], doc_prior_weight=p["doc_prior_weight"],
            neighbour_prior=p["neighbour_prior"], rival_prior=p["rival_prior"],
            risk_direction=np.asarray(p["risk_direction"], np.float32),
            risk_bias=p["risk_bias"])
        m = data["model"]
        model: Trees | Linear
        if m["kind"] == "trees":
            ts = m["trees"]
            model = Trees(float(m["init"]), float(m["learning_rate"]),
                          [np.asarray(t["feature"], np.int64) for t in ts],
                          [np.asarray(t["threshold"], np.float64) for t in ts],
                          [np.asarray(t["left"], np.int64) for t in ts],
                          [np.asarray(t["right"], np.int64) for t in ts],
                          [np.asarray(t["value"], np.float64) for t in ts])
        elif m["kind"] == "logistic":
            model = Linear(np.asarray(m["mean"]), np.asarray(m["scale"]), np.asarray(m["coef"]),
                           float(m["intercept"]))
        else:
            raise ModelError(f"unknown detector model kind {m['kind']!r}")
        return cls(tuple(data["features"]), model, np.asarray(data["reference"]),
                   np.asarray(data["calibration"]["logit"]),
                   np.asarray(data["calibration"]["probability"]), params, data.get("meta", {}))

    def save(self, path: str | Path = WEIGHTS_FILE) -> None:
        Path(path).write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n",
                              encoding="utf-8")


def trees_from_sklearn(gb: Any, mean: np.ndarray | None = None,
                       scale: np.ndarray | None = None) -> Trees:
    """Flatten a fitted binary ``sklearn.ensemble.GradientBoostingClassifier`` (log-loss).

    When the trees were fitted on standardised inputs ``(x - mean) / scale``, pass ``mean`` and
    ``scale``: the thresholds are mapped back so that the trees read raw signals.
    """
    prior = float(gb.init_.class_prior_[1])
    parts: tuple[list, list, list, list, list] = ([], [], [], [], [])
    for (est,) in gb.estimators_:
        t = est.tree_
        feature = np.where(t.children_left == -1, -1, t.feature).astype(np.int64)
        threshold = t.threshold.astype(np.float64)
        if mean is not None and scale is not None:
            inner = feature >= 0
            threshold[inner] = threshold[inner] * scale[feature[inner]] + mean[feature[inner]]
        for part, value in zip(parts, (feature, threshold, t.children_left.astype(np.int64),
                                       t.children_right.astype(np.int64),
                                       t.value[:, 0, 0].astype(np.float64)), strict=True):
            part.append(value)
    return Trees(float(np.log(prior / (1 - prior))), float(gb.learning_rate), *parts)


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


def _float(v: float) -> float:
    return round(float(v), 8)


def _floats(values: Any) -> list[float]:
    return [round(float(v), 8) for v in np.asarray(values).ravel()]


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
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelError(f"detector weights are malformed: {exc}", target) from None
