"""Erase reaches every copy the game made (issue 13, item 6): player folder, export zip and
folder, code handout, class summary, per-player report, spill files, last-player note,
class file; and the statements already pushed to an LRS get voiding statements (queued
on this computer, with ids only, when the LRS cannot be reached)."""

from __future__ import annotations

import json
import os
import socket
import tempfile
import zipfile
from pathlib import Path

import pygame

from game import class_tools as tools
from game.flow import sign_in
from game.save import PlayerSave
from game.scenes.my_data import MyDataScene
from telemetry.classroom.class_store import SessionSettings, load_class
from telemetry.classroom.classes import erase_class_players
from telemetry.lrs.forward import LEDGER_NAME, LrsConfig, fetch_statements, push, statements_url
from telemetry.xapi.reader import read_player_statements
from tests.classroom.conftest import PASSPHRASE, simulated_class
from tests.helpers import focus_label, make_app, press, run_main


def spill_folder(code: str) -> Path:
    """Where the game keeps a player's spill files (``telemetry.xapi.spill``)."""
    base = os.environ.get("WORKTOWN_SPILL_DIR") or tempfile.gettempdir()
    return Path(base) / "worktown-spill" / code


def holds(path: Path, code: str) -> bool:
    """True if the file holds the code as text, in a zip member too."""
    data = path.read_bytes()
    if code.encode() in data:
        return True
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return any(code in i.filename or code.encode() in zf.read(i) for i in zf.infolist())
    return False


def holders(folder: Path, code: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and holds(p, code)]


def _teacher_copies(data_dir: Path, info, out_elsewhere: Path):
    inputs = tools.report_inputs()
    teacher = data_dir / "teacher" / info.code
    tools.export(data_dir, info, teacher / f"{info.code}-export.zip", inputs)
    tools.export(data_dir, info, out_elsewhere / "export-folder", inputs)
    tools.write_codes_handout(info, ["pdf", "html"], teacher)  # found by name, not by record
    tools.write_summary(data_dir, info, ["html"], teacher, inputs[0])


def test_erase_one_player_leaves_no_copy_anywhere(tmp_path):
    data, elsewhere = tmp_path / "data", tmp_path / "usb"
    info = simulated_class(data, 5, 4, code="ER-1")
    gone, kept = info.players[0], info.players[1]
    _teacher_copies(data, info, elsewhere)
    report = ["report", gone, "--format", "html,json", "--out", str(elsewhere / "reports")]
    done = run_main(*report, "--data-dir", str(data), "--passphrase", PASSPHRASE)
    assert done.returncode == 0, done.stderr
    spill = spill_folder(gone)
    spill.mkdir(parents=True, exist_ok=True)
    (spill / "s.jsonl").write_text("{}\n")
    (data / "last_player.json").write_text(json.dumps({"version": 1, "code": gone}))
    before = holders(data, gone) + holders(elsewhere, gone)
    names = {p.name for p in before}
    assert {
        "ER-1-export.zip",
        "ER-1-codes.html",
        f"{gone}.json",
        f"{gone}.html",
        "class.json",
        "last_player.json",
        "store.json",
    } <= names, names  # the detector sees them

    result = erase_class_players(data, info, [gone])
    assert holders(data, gone) == [] and holders(elsewhere, gone) == []
    assert result.complete, result.problems
    assert not spill.exists()
    assert not (data / "teacher" / "ER-1" / "ER-1-summary.html").exists()  # made from their data
    with zipfile.ZipFile(data / "teacher" / "ER-1" / "ER-1-export.zip") as zf:  # the others stay
        assert f"ER-1/{kept}.json" in zf.namelist()
    assert kept in (data / "teacher" / "ER-1" / "ER-1-codes.html").read_text()
    assert gone not in load_class(data, "ER-1").players
    assert read_player_statements(data, kept)


def test_erase_whole_class_removes_teacher_folder_and_every_copy(tmp_path):
    data, elsewhere = tmp_path / "data", tmp_path / "usb"
    info = simulated_class(data, 4, 3, code="ER-2")
    _teacher_copies(data, info, elsewhere)
    erase = ["class", "erase", "--class", "ER-2", "--all", "--yes"]
    done = run_main(*erase, "--passphrase", PASSPHRASE, "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert "deleted from this computer" in done.stdout
    for code in info.players:
        assert holders(data, code) == [] and holders(elsewhere, code) == []
    assert not (data / "teacher" / "ER-2").exists() and not (data / "classes" / "ER-2").exists()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_lrs_queues_voiding_with_ids_only_and_says_so(tmp_path):
    from telemetry.classroom.erase import erase_everywhere
    from telemetry.lrs.void import QUEUE_NAME, queued

    info = simulated_class(tmp_path, 2, 2, code="ER-3")
    code = info.players[0]
    endpoint = f"http://127.0.0.1:{_closed_port()}/xAPI"
    ids = sorted(st["id"] for st in read_player_statements(tmp_path, code))[:7]
    ledger = {
        "format": "worktown-lrs-ledger",
        "version": 1,
        "endpoints": {statements_url(endpoint): {"sent": ids, "rejected": {}}},
    }
    (tmp_path / "players" / code / LEDGER_NAME).write_text(json.dumps(ledger))
    cfg = LrsConfig(endpoint, "u", "p", timeout=1.0, retries=0)
    result = erase_everywhere(tmp_path, [code], lrs_configs=[cfg])
    assert result.complete and result.lrs_pushed == 7 and result.lrs_voided == 0
    assert result.lrs_queued == 7 and queued(tmp_path) == {statements_url(endpoint): ids}
    assert code not in (tmp_path / QUEUE_NAME).read_text()  # ids only, no code
    app = make_app(tmp_path, signed_in=False)
    message = tools.erase_message(app.ctx.t, code, result)
    assert "7" in message and app.ctx.t("erase.lrs_queued", n=7, problem="")[:20] in message


def test_pupil_self_erase_reaches_the_teachers_export_and_handout(tmp_path):
    info = simulated_class(tmp_path, 3, 3, code="ER-4")
    code = info.players[0]
    _teacher_copies(tmp_path, info, tmp_path / "out")
    app = make_app(tmp_path, signed_in=False)
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.ctx.scenes.push(MyDataScene())
    app.pump([])
    focus_label(app, app.ctx.t("mydata.erase"))
    press(app, pygame.K_RETURN)
    focus_label(app, app.ctx.t("mydata.erase_yes"))
    press(app, pygame.K_RETURN)
    assert holders(tmp_path, code) == [], (holders(tmp_path, code), app.ctx.notices)
    assert app.ctx.notices[-1].startswith(
        app.ctx.t("erase.done", who=code, files=0, rewritten=0)[:25]
    )


def _voided_at(cfg, ids) -> dict[str, dict]:
    """The voiding statements the LRS holds, by the id they void."""
    from telemetry.xapi.vocab import VOIDED_VERB as VOIDED  # xAPI 1.0.3 "voided"

    got = fetch_statements(cfg, {"limit": "500"})
    return {
        st["object"]["id"]: st
        for st in got
        if st["verb"]["id"] == VOIDED
        and st["object"].get("objectType") == "StatementRef"
        and st["object"]["id"] in ids
    }


def test_ralph_erase_voids_every_pushed_statement_and_a_queue_is_sent_later(ralph, tmp_path):
    from telemetry.lrs.void import queued

    endpoint, user, password = ralph
    settings = SessionSettings(
        minutes=40, lrs={"endpoint": endpoint, "user": user, "password": password}
    )
    info = simulated_class(tmp_path, 3, 3, code="VOID-1", settings=settings)
    cfg = LrsConfig(endpoint, user, password)
    assert not push(tmp_path, info.players, cfg).errors
    ids = {c: {st["id"] for st in read_player_statements(tmp_path, c)} for c in info.players}
    first, second, kept = info.players

    erase = ["class", "erase", "--class", "VOID-1", "--player", first, "--yes"]
    done = run_main(*erase, "--passphrase", PASSPHRASE, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"LRS: {len(ids[first])} statement(s) voided; 0 voiding(s) queued" in done.stdout
    voids = _voided_at(cfg, ids[first] | ids[kept])
    assert set(voids) == ids[first]  # every one, no other pupil's
    assert all(v["actor"]["account"]["name"] != first for v in voids.values())

    result = erase_class_players(
        tmp_path, load_class(tmp_path, "VOID-1"), [second]
    )  # no account here
    assert result.lrs_voided == 0 and result.lrs_queued == len(ids[second])
    assert not _voided_at(cfg, ids[second])
    login = ["--endpoint", endpoint, "--user", user, "--password", password]
    again = run_main("lrs", "push", *login, "--data-dir", str(tmp_path))
    assert (
        f"voided {len(ids[second])} statement(s) of erased players; 0 still queued" in again.stdout
    )
    assert set(_voided_at(cfg, ids[second])) == ids[second] and queued(tmp_path) == {}
    assert not _voided_at(cfg, ids[kept])
