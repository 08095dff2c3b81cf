"""``python main.py calibrate``: exports of a research class in, a parameter file out;
bad input is one line and exit code 2 (issue 17 item 7)."""

from __future__ import annotations

import json
import random

import pytest
from calib_sim import known_model, pupil_statements, simulate_class

from game.cli import main
from telemetry.xapi.identity import generate_player_code


def _export(folder, pupils, questionnaire: bool = True) -> list:
    from telemetry.report.json_export import make_export, write_export
    from telemetry.report.model import build_report

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4)
    paths = []
    for i, pupil in enumerate(pupils):
        code = generate_player_code(rng)
        st = pupil_statements(pupil, code, seed=i)
        if not questionnaire:
            st = [s for s in st if "questionnaire/" not in s["object"]["id"]]
        doc = make_export(build_report(st, {}, player_code=code), st, game_version="test")
        paths.append(write_export(folder / f"{code}.json", doc))
    return paths


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    pupils, _ = simulate_class(32, known_model(), seed=9)
    return _export(tmp_path_factory.mktemp("research") / "7B", pupils)[0].parent


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_calibrate_writes_a_versioned_file_and_prints_agreement(
    class_folder, tmp_path, capsys
) -> None:
    out = tmp_path / "params.json"
    assert main(["calibrate", str(class_folder), "--out", str(out), "--rounds", "1"]) == 0
    printed = capsys.readouterr().out
    doc = json.loads(out.read_text())
    assert doc["params_version"].startswith("calib-") and doc["fitted_from"]["pupils"] == 32
    assert doc["params_version"] in printed
    assert "built-in parameters: r " in printed and "calibrated (in sample): r " in printed
    assert "[" in printed.splitlines()[1]  # an interval
    from telemetry.profile.params import load_model

    assert load_model(out).params_version == doc["params_version"]


def test_unreadable_export_is_one_line(class_folder, tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["calibrate", str(class_folder), str(bad), "--out", str(tmp_path / "p.json")]) == 2
    assert str(bad) in _one_line(capsys)
    assert not (tmp_path / "p.json").exists()


def test_no_questionnaire_answers_is_one_line(tmp_path, capsys) -> None:
    pupils, _ = simulate_class(3, known_model(), seed=2)
    folder = _export(tmp_path / "plain", pupils, questionnaire=False)[0].parent
    assert main(["calibrate", str(folder), "--out", str(tmp_path / "p.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "calibrate: no questionnaire answers in any of the 3 export(s): "
        "calibration needs a class in research mode"
    )
    assert "Traceback" not in "\n".join(err)


def test_too_few_pupils_is_one_line(tmp_path, capsys) -> None:
    pupils, _ = simulate_class(4, known_model(), seed=2)
    folder = _export(tmp_path / "small", pupils)[0].parent
    assert main(["calibrate", str(folder), "--out", str(tmp_path / "p.json")]) == 2
    assert "calibration needs at least 30" in _one_line(capsys)


def test_missing_export_is_one_line(tmp_path, capsys) -> None:
    assert (
        main(["calibrate", str(tmp_path / "nowhere.json"), "--out", str(tmp_path / "p.json")]) == 2
    )
    assert "nowhere.json" in _one_line(capsys)


def test_exports_without_answers_are_left_out_in_one_line(class_folder, tmp_path, capsys) -> None:
    pupils, _ = simulate_class(2, known_model(), seed=2)
    plain = _export(tmp_path / "plain", pupils, questionnaire=False)
    out = tmp_path / "params.json"
    assert (
        main(["calibrate", str(class_folder), *map(str, plain), "--out", str(out), "--rounds", "1"])
        == 0
    )
    notes = [line for line in capsys.readouterr().err.splitlines() if "round" not in line]
    assert notes == [
        f"calibrate: 2 export(s) without questionnaire answers left out (not a "
        f"research-mode class, or the pupil left before it), e.g. {plain[0]}"
    ]
    assert json.loads(out.read_text())["fitted_from"]["pupils"] == 32
