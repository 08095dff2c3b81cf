"""Fuzz player saves and settings: a damaged file never raises, gives one line naming the
file, and a valid file still loads with everything in it."""

from __future__ import annotations

import json
from pathlib import Path

from game.save import ChallengeRecord, PlayerSave, SaveStore
from game.settings import Settings
from tests.fuzz.mutate import damaged, fuzz_tests

CODE = "FUZZ-CODE-11"


def real_save() -> PlayerSave:
    return PlayerSave(
        code=CODE,
        avatar_shape="star",
        place={"scene": "district", "district": "workshop_yard"},
        challenges={"r_bike_repair": ChallengeRecord(plays=2, best_score=0.8, last_score=0.5)},
        saved_occupations=["49-3091.00"],
        next_step="ask",
        mentor_items_asked=["R1"],
    )


def test_valid_save_round_trips(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.save(real_save())
    loaded, problem = store.load(CODE)
    assert problem is None and loaded == real_save()


def _damaged_save_gives_one_line(tmp_path: Path, data) -> None:
    store = SaveStore(tmp_path)
    path = store.player_dir(CODE) / "save.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damaged(data, real_save().to_json()))
    player, problem = store.load(CODE)
    if player is None:
        assert problem is not None and "\n" not in problem and str(path) in problem
    else:
        assert isinstance(player, PlayerSave) and player.code == CODE
        assert all(isinstance(r, ChallengeRecord) for r in player.challenges.values())
        assert isinstance(player.place, dict) and isinstance(player.saved_occupations, list)


test_damaged_save_gives_one_line, test_damaged_save_gives_one_line_fresh = fuzz_tests(
    _damaged_save_gives_one_line
)


def test_a_challenge_key_with_a_line_break_is_shown_on_one_line(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    path = store.player_dir(CODE) / "save.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = real_save().to_json()
    doc["challenges"]["bad\nkey"] = {"plays": "many"}
    path.write_text(json.dumps(doc))
    player, problem = store.load(CODE)
    assert player is None and problem is not None
    assert "\n" not in problem and "challenges.bad\\nkey" in problem and str(path) in problem


def real_settings() -> dict:
    values = {
        "language": "es",
        "text_scale": 1.5,
        "high_contrast": True,
        "music_volume": 0.2,
        "key_bindings": {"back": "escape"},
    }
    return {"version": 1, "values": values}


def test_valid_settings_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(real_settings()))
    settings, problem = Settings.load(path)
    assert problem is None
    assert (settings.language, settings.text_scale, settings.high_contrast) == ("es", 1.5, True)


def _damaged_settings_fall_back_with_one_line(tmp_path: Path, data) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(damaged(data, real_settings()))
    settings, problem = Settings.load(path)
    assert isinstance(settings, Settings)
    assert 1.0 <= settings.text_scale <= 2.0 and 0.0 <= settings.music_volume <= 1.0
    assert isinstance(settings.language, str) and isinstance(settings.key_bindings, dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in settings.key_bindings.items())
    if problem is not None:
        assert "\n" not in problem and str(path) in problem


(
    test_damaged_settings_fall_back_with_one_line,
    test_damaged_settings_fall_back_with_one_line_fresh,
) = fuzz_tests(_damaged_settings_fall_back_with_one_line)
