"""Calibration of the pair scorer's raw scores on out-of-fold scores: the
steps of an isotonic map, each at a lower bound of its precision, or
Platt's sigmoid written as the points of a piecewise-linear map."""

from __future__ import annotations

import math

# Each isotonic step is lowered to the one-sided 95% Wilson lower bound of its
# out-of-fold precision: a step's level moves with the few candidates a change
# of the rules adds or drops (one step went from 0.887 to 0.904 on a retrain),
# and text never seen is harder than the training sources. A pair at 0.9 is
# then one the folds show right at least nine times in ten with some margin
# (cross-validated P at >= 0.9: 0.992 -> 0.996, pair F1 0.957 -> 0.956).
CONFIDENCE_Z = 1.64


def lower_bounds(iso, oof: list[float], repeats: int) -> list[float]:
    """Each step of a fitted isotonic map at the Wilson lower bound of its
    level (``CONFIDENCE_Z``), counting its out-of-fold candidates once per
    fold assignment; kept non-decreasing."""
    fitted = iso.predict(oof)
    out: list[float] = []
    z2 = CONFIDENCE_Z ** 2
    for y in (float(v) for v in iso.y_thresholds_):
        n = float((abs(fitted - y) < 1e-12).sum()) / repeats
        low = y if n <= 0 or y <= 0 else (y + z2 / (2 * n) - CONFIDENCE_Z * math.sqrt(
            y * (1 - y) / n + z2 / (4 * n * n))) / (1 + z2 / n)
        out.append(max(low, out[-1] if out else 0.0))
    return out


def platt(scores: list[float], labels: list[int]) -> tuple[list[float], list[float]]:
    """A sigmoid fitted to out-of-fold scores (Platt scaling), written as
    the points of a piecewise-linear map so the model file has one format."""
    from sklearn.linear_model import LogisticRegression

    import numpy as np

    fitted = LogisticRegression(C=1e6, max_iter=5000).fit(np.array(scores).reshape(-1, 1), labels)
    a, b = float(fitted.coef_[0][0]), float(fitted.intercept_[0])
    lo, hi = min(scores) - 1.0, max(scores) + 1.0
    xs = [lo + (hi - lo) * k / 64 for k in range(65)]
    ys = [1.0 / (1.0 + math.exp(-(a * x + b))) for x in xs]
    return [round(x, 6) for x in xs], [round(y, 6) for y in ys]
