"""Calibration on research classes (issue 17 item 7): the fit recovers parameters it was
told to fit (simulated classes with KNOWN parameters, tests/profile/calib_sim.py), the
questionnaire never counts as game evidence, and the parameter file round-trips and is
named by every profile scored with it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from calib_sim import ITEMS, known_model, pupil_statements, simulate_class

from telemetry.profile.calibrate import agreement, fit, pupil_from_statements
from telemetry.profile.engine import profile_from_evidence
from telemetry.profile.evidence import latest_answers
from telemetry.profile.params import load_model, model_to_doc, save_params
from telemetry.profile.posterior import MODEL


@pytest.fixture(scope="module")
def recovered():
    known = known_model()
    pupils, _ = simulate_class(500, known, seed=3)
    return known, fit(pupils, rounds=4, seed=1), pupils


def _r(a, b) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def test_item_thresholds_and_discriminations_recovered(recovered) -> None:
    known, fitted, _ = recovered
    k, f = known.item_table(), fitted.item_table()
    assert set(f) == set(ITEMS)
    # location (mean threshold) of each of the 48 items: the honest threshold figure
    assert _r([np.mean(k[i][1]) for i in ITEMS], [np.mean(f[i][1]) for i in ITEMS]) >= 0.9
    assert (
        _r(np.concatenate([k[i][1] for i in ITEMS]), np.concatenate([f[i][1] for i in ITEMS]))
        >= 0.95
    )
    assert _r([k[i][0] for i in ITEMS], [f[i][0] for i in ITEMS]) >= 0.8


def test_appeal_style_and_kind_thresholds_recovered(recovered) -> None:
    known, fitted, _ = recovered
    k, f = known.appeal_table(), fitted.appeal_table()
    assert len(f) == 24  # 6 districts and 18 challenges
    assert _r([k[o] for o in f], [f[o] for o in f]) >= 0.85
    assert abs(fitted.style_prior_sd - known.style_prior_sd) < 0.1
    # extreme responding (threshold spread): its prior's sd, from MODEL's 0.5 to the known 0.4
    assert abs(fitted.spread_prior_sd - known.spread_prior_sd) < 0.08
    assert np.max(np.abs(np.array(fitted.expect_b) - known.expect_b)) < 0.3
    assert abs(fitted.enjoy_a - known.enjoy_a) < 0.3


def test_calibrated_scorer_agrees_better_with_the_questionnaire(recovered) -> None:
    _, fitted, pupils = recovered
    before = agreement(pupils, MODEL, n_boot=200)
    after = agreement(pupils, fitted, n_boot=200)
    assert before["pupils"] == [500.0]
    assert after["r"][0] > before["r"][0]
    assert after["r"][1] <= after["r"][0] <= after["r"][2]


def test_questionnaire_is_never_game_evidence() -> None:
    pupils, _ = simulate_class(1, known_model(), seed=5)
    statements = pupil_statements(pupils[0], "BLUE-FOX-42")
    read = pupil_from_statements(statements)
    assert len(read.questionnaire.ratings) == 48
    # every game answer (the latest per question) and no questionnaire answer in it
    assert read.game.ratings == [
        replace(r, statement_id=g.statement_id)
        for r, g in zip(latest_answers(pupils[0].game.ratings), read.game.ratings, strict=True)
    ]
    assert not any(r.source.startswith("questionnaire") for r in read.game.ratings)
    assert {r.source for r in read.questionnaire.ratings} == set(ITEMS)


def test_too_few_pupils_is_a_value_error() -> None:
    pupils, _ = simulate_class(5, known_model(), seed=5)
    with pytest.raises(ValueError, match="at least 30"):
        fit(pupils, rounds=1)


def test_parameter_file_round_trips_and_profiles_name_it(tmp_path, recovered) -> None:
    _, fitted, pupils = recovered
    doc = model_to_doc(fitted, date="20260302", fitted_from={"pupils": 500})
    path = save_params(tmp_path / "params.json", doc)
    loaded = load_model(path)
    assert loaded.params_version == doc["params_version"]
    assert loaded.params_version.startswith("calib-20260302-")
    assert dict(loaded.appeal) == pytest.approx(dict(fitted.appeal), abs=1e-3)
    prof = profile_from_evidence(pupils[0].game, model=loaded, n_draws=200)
    assert prof.params_version == loaded.params_version
    assert prof.as_dict()["params_version"] == loaded.params_version
    assert profile_from_evidence(pupils[0].game, n_draws=200).params_version == "built-in-1"


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"format": "other"}, "not a Worktown scorer parameter file"),
        ({"items": {"R1": {"a": 1.0, "b": [1, 0, 2, 3]}}}, "items.R1.b must be increasing"),
        ({"appeal": {"x": "high"}}, "appeal.x must be a number"),
    ],
)
def test_bad_parameter_file_is_one_line(tmp_path, bad, message) -> None:
    doc = {**model_to_doc(MODEL), **bad}
    path = tmp_path / "p.json"
    import json

    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=message) as err:
        load_model(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
