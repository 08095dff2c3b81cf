"""``main.py simulate``: bots play the real game headless and leave a human's data.

Runs the real command through ``game.cli.main`` on the real content and reads the player
folders back the way a report would (the player's store), then checks the statements.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from game.cli import main
from telemetry.profile.engine import estimate_profile
from telemetry.profile.evidence import extract_evidence
from telemetry.xapi.decode import decode
from telemetry.xapi.statements import validate_statement
from telemetry.xapi.store import PlayerStore


def load_player(data_dir, code):
    store = PlayerStore.open(data_dir, code)
    try:
        return store.all_statements()
    finally:
        store.close()


def test_two_bots_leave_valid_player_folders(tmp_path):
    out = tmp_path / "sim"
    assert (
        main(["simulate", "--players", "2", "--seed", "1", "--out", str(out), "--minutes", "10"])
        == 0
    )
    summary = json.loads((out / "simulated_players.json").read_text(encoding="utf-8"))
    assert len(summary) == 2
    folders = sorted(p.name for p in (out / "players").iterdir() if p.is_dir())
    assert folders == sorted(s["code"] for s in summary)
    kinds: set[str] = set()
    completed = 0
    for entry in summary:
        statements = load_player(out, entry["code"])
        # everything the bot saw, plus the session end recorded when it signed out
        assert len(statements) >= entry["statements"] > 0
        assert decode(statements[-1]).verb == "completed"
        for st in statements:
            validate_statement(st)
        short = [decode(st) for st in statements]
        completed += sum(s.verb == "completed" and s.activity_type == "quest" for s in short)
        kinds |= {s.activity.split("/")[0] for s in short if s.verb == "selected"}
        assert extract_evidence(statements).choices, "the hub's free choice is recorded"
        stamps = [
            datetime.fromisoformat(st["timestamp"].replace("Z", "+00:00")) for st in statements
        ]
        span = (max(stamps) - min(stamps)).total_seconds() / 60
        assert 8.0 <= span <= 10.01, f"stamped in simulated minutes, not run time ({span:.2f} min)"
    assert completed >= 1, "a challenge was played to the end"
    assert "item" in kinds, "mentor activity items were answered"
    assert "pair" in kinds, "the odd-jobs board's 'which would you rather do?' pairs were answered"
    assert "reflect" in kinds


def test_strongly_social_bot_has_s_in_its_top_two(tmp_path):
    out = tmp_path / "sim"
    latent = "-0.5,-0.3,-0.2,2.5,0.0,-0.5"
    assert (
        main(
            [
                "simulate",
                "--players",
                "1",
                "--seed",
                "3",
                "--out",
                str(out),
                f"--latent={latent}",
                "--minutes",
                "20",
            ]
        )
        == 0
    )
    code = json.loads((out / "simulated_players.json").read_text(encoding="utf-8"))[0]["code"]
    profile = estimate_profile(load_player(out, code))
    assert "S" in profile.code[:2], profile.code


@pytest.mark.parametrize(
    "args, words",
    [
        (["--players", "0", "--seed", "1", "--out", "X"], "--players"),
        (["--players", "two", "--seed", "1", "--out", "X"], "--players"),
        (["--players", "2", "--out", "X"], "--seed"),
        (["--players", "2", "--seed", "1"], "--out"),
        (["--players", "2", "--seed", "1", "--out", "X", "--latent", "1,2,3"], "six numbers"),
        (["--players", "2", "--seed", "1", "--out", "X", "--latent", "1,2,3,4,5,x"], "six numbers"),
        (["--players", "2", "--seed", "1", "--out", "X", "--minutes", "-3"], "--minutes"),
        # issue 13 item 14: each of these was a traceback (MemoryError, numpy's ValueError)
        (["--players", "1000000000", "--seed", "1", "--out", "X"], "--players"),
        (["--players", "1" + "0" * 23, "--seed", "1", "--out", "X"], "--players"),
        (["--players", "1e23", "--seed", "1", "--out", "X"], "--players"),
        (["--players", "2", "--seed", "-1", "--out", "X"], "--seed"),
        (["--players", "2", "--seed", "9" * 400, "--out", "X"], "--seed"),
        # under two simulated minutes the bot never signs in: a summary of nobody
        (["--players", "2", "--seed", "1", "--out", "X", "--minutes", "0.1"], "--minutes"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(tmp_path, capsys, args, words):
    args = [str(tmp_path / a) if a == "X" else a for a in args]
    assert main(["simulate", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and len(err) < 200
    assert words in err
    assert not (tmp_path / "X").exists()
