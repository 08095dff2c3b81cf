"""Describe-in-words, erase for real, pseudonymous codes, xAPI export files."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC
from pathlib import Path

import pytest

from telemetry.classroom.erase import erase_everywhere
from telemetry.classroom.privacy import describe_player_data
from telemetry.report.xapi_export import export_statements, load_statements_file
from telemetry.xapi.identity import check_player_code, generate_player_code, is_valid_player_code
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.statements import validate_statement
from telemetry.xapi.store import PlayerLocked, player_dir

CODE = "BLUE-FOX-42"


def _play(data_dir: Path) -> list[dict]:
    rec = Recorder.open(data_dir, CODE)
    rec.start_session()
    rec.record("initialized", "quest", "challenge/r_bike_repair", extensions={"riasec": "R"})
    rec.record("completed", "quest", "challenge/r_bike_repair", name="Bike repair",
               success=True, score=0.8, duration_s=183.2, extensions={"riasec": "R"})  # fmt: skip
    rec.record("selected", "question", "reflect/r_bike_repair/enjoy", response="4")
    rec.record("accessed", "item", "occupation/49-3091.00", duration_s=40)
    rec.record("used", "item", "occupation/49-3091.00", extensions={"action": "save"})
    rec.end_session()
    statements = rec.statements()
    rec.close()
    return statements


def test_describe_in_plain_words(data_dir: Path) -> None:
    statements = _play(data_dir)
    for s in statements:  # fix the date so the sentence is predictable
        s["timestamp"] = "2026-11-25T19:22:01.123Z"
    folder = player_dir(data_dir, CODE)
    lines = describe_player_data(statements, "en", folder=folder, tz=UTC)
    text = "\n".join(lines)
    assert "On 25 Nov you played Bike repair for 3 minutes and rated it 4 of 5." in lines
    assert "Worktown keeps 7 records of what you did, from 1 session on 25 Nov." in lines
    assert "You read about 1 job and saved 1." in lines
    assert "You answered 1 question." in lines
    assert CODE in text and "no name" in text
    assert str(folder) in text and "store.json" in text
    assert all(isinstance(line, str) and "\n" not in line for line in lines)


def test_describe_nothing() -> None:
    assert describe_player_data([]) == ["Worktown has no records about you yet."]


def test_erase_removes_everything_for_real(data_dir: Path) -> None:
    _play(data_dir)
    folder = player_dir(data_dir, CODE)
    (folder / "save.json").write_text("{}")
    (folder / "settings.json").write_text("{}")
    (folder / "extra").mkdir()
    (folder / "extra" / "note.txt").write_text("x")
    other = Recorder.open(data_dir, "RED-OWL-77")
    other.record("used", "item", "hint/x")
    other.close()
    removed = erase_everywhere(data_dir, [CODE]).removed
    assert not folder.exists()
    assert {p.name for p in removed} >= {"store.json", "journal.jsonl", "save.json",
                                        "settings.json", "player.lock", "note.txt"}  # fmt: skip
    assert not list(data_dir.rglob(f"*{CODE}*"))
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert CODE.encode() not in path.read_bytes() or "RED-OWL-77" in str(path)
    assert player_dir(data_dir, "RED-OWL-77").exists()  # only that player
    assert erase_everywhere(data_dir, [CODE]).removed == []  # nothing left, nothing to do
    rec = Recorder.open(data_dir, CODE)  # a new start under the same code is empty
    try:
        assert rec.statements() == []
    finally:
        rec.close()


def test_erase_refused_while_open(data_dir: Path) -> None:
    rec = Recorder.open(data_dir, CODE)
    try:
        with pytest.raises(PlayerLocked):
            erase_everywhere(data_dir, [CODE])
        assert player_dir(data_dir, CODE).exists()
    finally:
        rec.close()
    erase_everywhere(data_dir, [CODE])
    assert not player_dir(data_dir, CODE).exists()


def test_generated_codes_are_readable_and_valid() -> None:
    rng = random.Random(7)
    codes = {generate_player_code(rng) for _ in range(500)}
    assert len(codes) > 450
    for code in codes:
        assert re.fullmatch(r"[A-Z]+-[A-Z]+-[2-9]{2}", code)
        assert is_valid_player_code(code) and check_player_code(code) == code
    assert generate_player_code(random.Random(1)) == generate_player_code(random.Random(1))


@pytest.mark.parametrize("code", ["", "ann@example.org", "../x", "a-b", "Ann Smith", "NUL",
                                  "X" * 33, None, 42])  # fmt: skip
def test_bad_codes(code: object) -> None:
    assert not is_valid_player_code(code)


def test_export_and_load_round_trip(data_dir: Path, tmp_path: Path) -> None:
    statements = _play(data_dir)
    out = tmp_path / "export.json"
    assert export_statements(statements + statements[:1], out) == len(statements)
    data = json.loads(out.read_text())
    assert isinstance(data, list) and [s["id"] for s in data] == [s["id"] for s in statements]
    loaded = load_statements_file(out)
    assert loaded == statements
    for s in loaded:
        validate_statement(s)


def test_export_refuses_invalid(tmp_path: Path, data_dir: Path) -> None:
    bad = _play(data_dir)[0]
    bad["verb"] = {"id": "urn:x"}
    with pytest.raises(ValueError, match=r"export\.json: statement 1: verb\.id"):
        export_statements([bad], tmp_path / "export.json")
    assert not (tmp_path / "export.json").exists()


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "file not found"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[{", "not JSON \\(line 1"),
        (b'"hello"', "expected a JSON array"),
        (b'[{"id": "x"}]', "statement 1: id"),
    ],
)
def test_load_errors_are_one_line(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ValueError, match=f"^{re.escape(str(path))}: {problem}") as info:
        load_statements_file(path)
    assert "\n" not in str(info.value)
