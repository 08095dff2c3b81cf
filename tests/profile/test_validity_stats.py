"""Calibration figures of bench/validity.py (issue 17 item 5): ECE over every bin, bootstrap
intervals and a reliability diagram that is a real PNG."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.validity_stats import bootstrap_figures, calibration_bins, ece, reliability_png  # noqa: E402


def test_ece_counts_every_bin_even_small_ones():
    stated = np.array([0.95] * 5 + [0.55] * 100)
    hit = np.array([0.0] * 5 + [1.0] * 55 + [0.0] * 45)
    # 5 players said 95 % and were all wrong: 5/105 * 0.95, the big bin is exact
    assert abs(ece(stated, hit) - 5 / 105 * 0.95) < 1e-9
    assert [b["n"] for b in calibration_bins(stated, hit)] == [100, 5]


def test_bootstrap_interval_contains_the_estimate():
    rng = np.random.default_rng(0)
    latent = rng.normal(size=(80, 6))
    est = [
        {"mean": (x + rng.normal(0, 0.7, 6)).tolist(), "first_p": 0.5, "code_p": 0.1}
        for x in latent
    ]
    m = bootstrap_figures(latent, est, n_boot=200)
    for key in ("r", "top1", "first_in_top2", "ece_first"):
        point, lo, hi = m[key]
        assert lo <= point <= hi and hi - lo > 0


def test_reliability_png_loads(tmp_path):
    import pygame

    path = tmp_path / "rel.png"
    bins = [{"stated": 0.3, "observed": 0.2, "n": 10}, {"stated": 0.8, "observed": 0.9, "n": 40}]
    reliability_png(path, [("first", bins), ("code", bins)])
    image = pygame.image.load(str(path))
    assert image.get_size() == (2 * 280, 280)
    assert image.get_at((20 + int(0.8 * 239), 20 + 239 - int(0.9 * 239)))[:3] == (30, 90, 200)


def test_ece_floor_is_what_a_perfectly_calibrated_scorer_shows():
    """ECE has a noise floor: perfectly calibrated statements about 100 pupils still
    score about 0.07, so the bench reports the floor beside the ECE."""
    from bench.validity_stats import ece_floor

    rng = np.random.default_rng(3)
    stated = rng.uniform(0.2, 0.9, 100)
    hit = (rng.random(100) < stated).astype(float)  # calibrated by construction
    mean, lo, hi = ece_floor(stated, seed=1)
    assert lo <= ece(stated, hit) <= hi
    assert 0.04 < mean < 0.12
    big = rng.uniform(0.2, 0.9, 1600)
    assert ece_floor(big, seed=1)[0] < mean / 2  # it falls as 1/sqrt(n)


def test_detection_counts_careless_and_other_pupils_apart():
    from bench.validity_stats import detection

    flags = np.array([1, 1, 0, 0, 0, 1, 0, 0], dtype=float)
    careless = np.array([1, 1, 1, 0, 0, 0, 0, 0], dtype=bool)
    d = detection(flags, careless, n_boot=200)
    assert d["careless_flagged"][0] == round(2 / 3, 3) and d["others_flagged"][0] == 0.2
    assert d["n_careless"] == [3.0] and d["n_others"] == [5.0]
