"""Extreme responding as a person parameter (issue 17 item 2): the threshold spread ``e``
squeezes every scale's thresholds towards their middle by exp(-e), beside acquiescence."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from game.sim.synthetic import SyntheticPlayer, simulate_statements
from telemetry.profile.engine import estimate_profile
from telemetry.profile.evidence import Evidence, Rating, extract_evidence
from telemetry.profile.params import model_from_doc, model_to_doc
from telemetry.profile.posterior import MODEL, NX, _design, _log_post, posterior_fit


def _pupil(i: int, spread: float) -> list[dict]:
    latent = np.random.default_rng(i).normal(size=6)
    player = SyntheticPlayer(latent, np.random.default_rng(100 + i), style=0.0, spread=spread)
    return simulate_statements(player, 20, np.random.default_rng(200 + i))


@pytest.fixture(scope="module")
def pairs():
    """16 pupils, each scored without and with extreme responding (spread 1.2: thresholds
    squeezed to 30 %), the same interests and the same play."""
    return [[estimate_profile(_pupil(i, s), n_draws=300) for s in (0.0, 1.2)] for i in range(16)]


def test_extreme_responder_has_the_same_profile_shape(pairs):
    rs, same = [], 0
    for plain, extreme in pairs:
        a, b = plain.mean - plain.mean.mean(), extreme.mean - extreme.mean.mean()
        rs.append(float(np.corrcoef(a, b)[0, 1]))
        same += int(plain.mean.argmax() == extreme.mean.argmax())
    assert np.mean(rs) >= 0.9 and same >= 12


def test_extreme_answers_do_not_stretch_the_profile(pairs):
    """Without the spread parameter the 1s and 5s read as stronger likes and dislikes: the
    six scores' range (Holland's differentiation) came out ~1.36 times the same pupil's
    without extremity (spread_prior_sd ~ 0); with it, ~1.05."""
    ratio = [np.ptp(e.mean) / np.ptp(p.mean) for p, e in pairs]
    assert float(np.median(ratio)) <= 1.2


def test_the_spread_is_estimated(pairs):
    assert np.mean([e.response_spread for _, e in pairs]) >= 0.4
    assert abs(np.mean([p.response_spread for p, _ in pairs])) <= 0.2
    mid = [estimate_profile(_pupil(i, -1.0), n_draws=100).response_spread for i in range(8)]
    assert np.mean(mid) <= -0.2  # a pupil who avoids the ends of the scale


def test_a_smaller_prior_leaves_less_to_the_spread():
    ev = extract_evidence(_pupil(3, 1.2))
    wide = posterior_fit(ev).spread
    narrow = posterior_fit(ev, model=replace(MODEL, spread_prior_sd=0.05)).spread
    assert abs(narrow) < 0.1 < wide


def test_gradient_and_hessian_match_finite_differences():
    ev = extract_evidence(_pupil(5, 0.7))
    d = _design(ev, MODEL)
    x = np.r_[np.random.default_rng(1).normal(size=6) * 0.5, 0.3, 3.2, 0.4]
    _, g, h = _log_post(x, d, MODEL, np.eye(6))
    eps = 1e-5
    for i in range(NX):
        dx = np.zeros(NX)
        dx[i] = eps
        vp, gp, _ = _log_post(x + dx, d, MODEL, np.eye(6))
        vm, gm, _ = _log_post(x - dx, d, MODEL, np.eye(6))
        assert abs((vp - vm) / (2 * eps) - g[i]) < 1e-5
        assert np.max(np.abs((gp - gm) / (2 * eps) - h[:, i])) < 1e-4


def test_parameter_file_carries_the_spread_prior():
    doc = model_to_doc(replace(MODEL, spread_prior_sd=0.3))
    assert model_from_doc(doc).spread_prior_sd == 0.3
    doc["spread_prior_sd"] = -1
    with pytest.raises(ValueError, match="spread_prior_sd"):
        model_from_doc(doc)


def test_a_wild_newton_trial_point_stays_finite():
    """A trial point far out (met while fitting a calibrated model on a simulated class)
    once overflowed exp(-e); the likelihood stays finite there and the prior rules."""
    ev = extract_evidence(_pupil(2, 0.0))
    d = _design(ev, MODEL)
    x = np.r_[np.zeros(6), 0.0, 3.2, -1000.0]
    val, g, _ = _log_post(x, d, MODEL, np.eye(6))
    assert np.isfinite(val) and np.all(np.isfinite(g))
    assert val < _log_post(np.r_[np.zeros(6), 0.0, 3.2, 0.0], d, MODEL, np.eye(6))[0]
    three = Evidence(
        ratings=[Rating("item", k, 3, f"{k}{i}", None) for k in "RIASEC" for i in (1, 2)]
    )
    wide = replace(MODEL, spread_prior_sd=3.0)
    assert np.isfinite(posterior_fit(three, model=wide).spread)
