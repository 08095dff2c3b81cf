"""Saves: atomic, versioned, migrated step by step, and never crash on bad files."""

import json

from game.save import SAVE_VERSION, ChallengeRecord, PlayerSave, SaveStore, migrate

V1_FIXTURE = {
    "version": 1,
    "code": "BLUE-FOX-42",
    "avatar_shape": "star",
    "avatar_colour": "#3A86FF",
    "location": {"scene": "district", "district": "workshop_yard"},
    "challenges": {
        "r_bike_repair": {"plays": 2, "best_score": 0.9, "last_score": 0.7, "difficulty": 2}
    },
    "saved_occupations": ["49-3091.00"],
    "next_step": "",
}


def test_round_trip(tmp_path):
    store = SaveStore(tmp_path)
    player = PlayerSave(
        code="BLUE-FOX-42", challenges={"x": ChallengeRecord(plays=1, best_score=0.5)}
    )
    store.save(player)
    loaded, problem = store.load("BLUE-FOX-42")
    assert problem is None and loaded == player
    assert store.last_player_code() == "BLUE-FOX-42"
    assert not list(tmp_path.rglob("*.tmp*")), "no temp files left behind"


def test_version_1_fixture_migrates(tmp_path):
    folder = tmp_path / "players" / "BLUE-FOX-42"
    folder.mkdir(parents=True)
    (folder / "save.json").write_text(json.dumps(V1_FIXTURE))
    player, problem = SaveStore(tmp_path).load("BLUE-FOX-42")
    assert problem is None
    assert player.place == {"scene": "district", "district": "workshop_yard"}
    assert player.challenges["r_bike_repair"].plays == 2
    assert player.mentor_items_asked == []


def test_migrate_refuses_newer_and_missing_versions():
    for data, words in (({"version": SAVE_VERSION + 1}, "newer"), ({}, "version")):
        try:
            migrate(dict(data))
        except ValueError as exc:
            assert words in str(exc)
        else:
            raise AssertionError("migrate accepted a bad version")


def test_damaged_save_gives_one_line_naming_the_file(tmp_path):
    folder = tmp_path / "players" / "BLUE-FOX-42"
    folder.mkdir(parents=True)
    (folder / "save.json").write_text('{"version": 2, "code": "BLUE-FO')
    player, problem = SaveStore(tmp_path).load("BLUE-FOX-42")
    assert player is None
    assert "save.json" in problem and "\n" not in problem


def test_a_save_from_a_far_newer_version_names_the_file_in_one_short_line(tmp_path):
    """Found by the save fuzzer with a fresh seed: a 400-digit version gave a line without
    the file's path (and would have printed the whole number)."""
    store = SaveStore(tmp_path)
    data = PlayerSave(code="BLUE-FOX-42").to_json()
    data["version"] = 10**400
    path = store.player_dir("BLUE-FOX-42") / "save.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    player, problem = store.load("BLUE-FOX-42")
    assert player is None and str(path) in problem and "\n" not in problem
    assert len(problem) < len(str(path)) + 100
