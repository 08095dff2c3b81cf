"""Class tools without a screen: passphrase hashing, create/erase, merge, handout and
summary files, and the command line's one-line errors."""

from __future__ import annotations

import json
import subprocess

import pytest

from telemetry.classroom.class_store import (
    SessionSettings,
    WrongPassphrase,
    list_classes,
    load_class,
    open_class,
)
from telemetry.classroom.classes import MIN_CELL, class_facts, class_summary, erase_class_players
from telemetry.classroom.merge import merge_folder
from telemetry.classroom.passphrase import hash_passphrase, verify_passphrase
from telemetry.report.json_export import make_export, write_export
from telemetry.report.model import build_report
from telemetry.xapi.reader import read_player_statements, write_player_folder
from tests.classroom.conftest import PASSPHRASE, simulated_class
from tests.helpers import run_main
from tests.report.pdftext import pdf_text


def test_passphrase_is_salted_slow_hash_and_checked():
    a, b = hash_passphrase("correct horse"), hash_passphrase("correct horse")
    assert a != b and a.startswith("scrypt$") and "correct" not in a
    assert verify_passphrase("correct horse", a) and verify_passphrase("correct horse", b)
    assert not verify_passphrase("correct horsE", a)
    assert not verify_passphrase("correct horse", "scrypt$garbage")
    with pytest.raises(ValueError):
        hash_passphrase("short")


def test_create_open_and_erase_for_real(tmp_path):
    info = simulated_class(tmp_path, 5, 3)
    assert list_classes(tmp_path) == ["7B-2026"]
    stored = json.loads((tmp_path / "classes" / "7B-2026" / "class.json").read_text())
    assert PASSPHRASE not in json.dumps(stored) and len({p["code"] for p in stored["players"]}) == 5
    with pytest.raises(WrongPassphrase):
        open_class(tmp_path, "7b-2026", "not the passphrase")
    info = open_class(tmp_path, "7b-2026", PASSPHRASE)
    gone = info.players[0]
    erase_class_players(tmp_path, info, [gone])
    assert not (tmp_path / "players" / gone).exists()
    assert gone not in load_class(tmp_path, "7B-2026").players
    erase_class_players(tmp_path, info, None)
    assert not (tmp_path / "classes" / "7B-2026").exists()
    assert not any((tmp_path / "players").iterdir())


def test_summary_suppresses_small_cells_and_exposes_no_pupil(tmp_path):
    info = simulated_class(tmp_path, 8, 7)
    facts = class_facts(tmp_path, info, [{"id": "self_interests", "theme": "self", "name": "x"}])
    model = class_summary(
        info,
        facts,
        {
            "competences": [
                {"id": "self_interests", "theme": "self", "name": "Knowing my interests"}
            ]
        },
    )
    text = json.dumps(model)
    assert model["played"] == 7 and model["average"] is not None
    assert not any(code in text for code in info.players)
    counts = (
        [r["count"] for r in model["first_letters"]]
        + [b["count"] for b in model["engagement"]["minute_bands"]]
        + [c["count"] for c in model["codes"]]
        + [v for c in model["cms"] for v in c["levels"].values()]
    )
    assert all(c is None or c == 0 or c >= MIN_CELL for c in counts)
    assert None in counts  # something was too small to show
    tiny = class_summary(info, facts[:2], {})
    assert tiny["average"] is None and all(r["count"] is None for r in tiny["first_letters"])


def test_handout_and_summary_files_via_cli(tmp_path):
    info = simulated_class(tmp_path / "data", 4, 3)
    out = tmp_path / "out"
    for action in ("handout", "summary"):
        done = _cli(
            "class",
            action,
            "--class",
            "7B-2026",
            "--data-dir",
            str(tmp_path / "data"),
            "--passphrase",
            PASSPHRASE,
            "--out",
            str(out),
        )
        assert done.returncode == 0, done.stderr
    data = (out / "7B-2026-codes.pdf").read_bytes()
    handout = "\n".join(pdf_text(data))
    assert b"/Title (Worktown player codes: 7B-2026)" in data  # the class on the document
    assert all(code in handout for code in info.players)
    assert "7B-2026" in (out / "7B-2026-codes.html").read_text()
    summary = "\n".join(pdf_text((out / "7B-2026-summary.pdf").read_bytes()))
    assert "7B-2026" in summary and "fewer than 3" in summary
    assert not any(code in summary for code in info.players)
    html = (out / "7B-2026-summary.html").read_text()
    assert "7B-2026" in html and "<script" not in html


def test_merge_adds_new_never_overwrites_and_skips_damaged(tmp_path):
    info = simulated_class(tmp_path / "here", 3, 2)
    code = info.players[0]
    mine = read_player_statements(tmp_path / "here", code)
    src = tmp_path / "gathered"
    # an older copy from another PC: the first half, one statement altered
    older = [dict(s) for s in mine[: len(mine) // 2]]
    older[0] = {**older[0], "verb": {**older[0]["verb"], "display": {"en-US": "OLD"}}}
    write_player_folder(src / "pc1", code, older)
    # a newer export of the second player, with one more statement than here
    other = info.players[1]
    theirs = read_player_statements(tmp_path / "here", other)
    extra = {
        **theirs[-1],
        "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "timestamp": "2030-01-01T00:00:00.000Z",
    }
    (src / "pc2").mkdir()
    write_export(
        src / "pc2" / f"{other}.json",
        make_export(build_report([*theirs, extra], {}, player_code=other), [*theirs, extra]),
    )
    (src / "pc3").mkdir()
    (src / "pc3" / "broken.json").write_text("{not json")
    result = merge_folder(src, tmp_path / "here", only=info.players)
    assert result.added == {other: 1}
    assert code in result.up_to_date
    assert len(result.skipped) == 1 and "broken.json" in result.skipped[0]
    assert read_player_statements(tmp_path / "here", code) == mine  # not overwritten
    assert len(read_player_statements(tmp_path / "here", other)) == len(theirs) + 1


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return run_main(*args, stdin=stdin, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ("class", "progress", "--class", "7B-2026", "--passphrase", "wrong passphrase"),
        ("class", "progress", "--class", "NO-SUCH", "--passphrase", PASSPHRASE),
        ("class", "create", "--class", "bad code!", "--players", "3", "--passphrase", PASSPHRASE),
        ("class", "create", "--class", "8C", "--players", "lots", "--passphrase", PASSPHRASE),
        (
            "class",
            "create",
            "--class",
            "8C",
            "--players",
            "3",
            "--districts",
            "Q",
            "--passphrase",
            PASSPHRASE,
        ),
        (
            "class",
            "summary",
            "--class",
            "7B-2026",
            "--format",
            "docx",
            "--out",
            "x",
            "--passphrase",
            PASSPHRASE,
        ),
        ("class", "erase", "--class", "7B-2026", "--all", "--passphrase", PASSPHRASE),
        ("class", "fly", "--class", "7B-2026"),
        ("lrs", "push", "--endpoint", "ftp://lrs.example"),
        ("lrs", "push", "--endpoint", "http://127.0.0.1:9/xAPI"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(tmp_path, args):
    simulated_class(tmp_path, 3, 1)
    done = _cli(*args, "--data-dir", str(tmp_path))
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert (tmp_path / "classes" / "7B-2026" / "class.json").exists()  # erase without --yes


def test_cli_create_then_progress_and_passphrase_on_stdin(tmp_path):
    done = _cli(
        "class",
        "create",
        "--class",
        "9A",
        "--players",
        "3",
        "--minutes",
        "30",
        "--districts",
        "R,S",
        "--data-dir",
        str(tmp_path),
        stdin=PASSPHRASE + "\n",
    )
    assert done.returncode == 0, done.stderr
    info = load_class(tmp_path, "9A")
    assert info.settings == SessionSettings(
        minutes=30, districts=["workshop_yard", "community_hub"]
    )
    assert all((tmp_path / "players" / c / "save.json").exists() for c in info.players)
    done = _cli("class", "progress", "--class", "9A", "--data-dir", str(tmp_path), stdin=PASSPHRASE)
    assert done.returncode == 0 and "0 of 3 have played" in done.stdout
