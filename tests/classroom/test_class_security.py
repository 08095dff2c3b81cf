"""The teacher passphrase guards every class action, the class file is sealed, wrong
passphrases wait longer and longer, and ``class merge`` reads only regular files and only
the class's own pupils' statements (issue 13, items 1, 2 and 13)."""

from __future__ import annotations

import base64
import io
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.cli import main
from telemetry.classroom.class_store import (
    PassphraseGate,
    SessionSettings,
    TamperedClass,
    TooManyAttempts,
    WrongPassphrase,
    load_class,
    open_class,
    remove_players,
    save_class,
)
from telemetry.classroom.merge import merge_folder
from telemetry.classroom.passphrase import COST_N, hash_passphrase, unlock
from telemetry.report.json_export import make_export
from telemetry.report.model import build_report
from telemetry.xapi.reader import read_player_statements, recorded_form
from tests.classroom.conftest import PASSPHRASE, simulated_class

LRS_USER, LRS_SECRET = "school-lrs-user", "s3cret-lrs-pass"


class _Capture(BaseHTTPRequestHandler):
    seen: list[tuple[str, str]]

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.path, self.headers.get("Authorization", "")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args):
        pass


@pytest.fixture
def capture():
    """A tiny HTTP server that records every (path, Authorization) it is sent."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server.seen
    server.shutdown()
    server.server_close()


def _class_file(data_dir, code="7B-2026"):
    return data_dir / "classes" / code / "class.json"


def _lrs_class(tmp_path, base):
    return simulated_class(
        tmp_path,
        3,
        2,
        settings=SessionSettings(
            lrs={"endpoint": f"{base}/xAPI", "user": LRS_USER, "password": LRS_SECRET}
        ),
    )


def _no_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


# -- item 1: the passphrase guards every action; the LRS account is never in clear -----


def test_lrs_account_is_stored_encrypted_and_opens_with_the_passphrase(tmp_path, capture):
    _lrs_class(tmp_path, capture[0])
    raw = _class_file(tmp_path).read_text(encoding="utf-8")
    assert LRS_SECRET not in raw and LRS_USER not in raw
    assert LRS_SECRET not in base64.b64decode(json.loads(raw)["settings"]["lrs"]["sealed"]).decode(
        "latin-1"
    )
    assert load_class(tmp_path, "7B-2026").settings.lrs_account() is None  # no passphrase
    opened = open_class(tmp_path, "7B-2026", PASSPHRASE)
    assert opened.settings.lrs_account() == (f"{capture[0]}/xAPI", LRS_USER, LRS_SECRET)


def test_lrs_push_class_needs_the_passphrase(tmp_path, capture, monkeypatch, capsys):
    base, seen = capture
    _lrs_class(tmp_path, base)
    _no_stdin(monkeypatch)
    push_class = ["lrs", "push", "--class", "7B-2026", "--data-dir", str(tmp_path)]
    assert main(push_class) == 2
    assert "passphrase" in capsys.readouterr().err and seen == []
    assert main([*push_class, "--passphrase", "not the passphrase"]) == 2
    assert "wrong teacher passphrase" in capsys.readouterr().err and seen == []
    assert main(["lrs", "status", "--class", "7B-2026", "--data-dir", str(tmp_path)]) == 2
    assert "passphrase" in capsys.readouterr().err
    # without --class the class's pupils are not sent either
    login = ["--endpoint", f"{base}/xAPI", "--user", "u", "--password", "p"]
    assert main(["lrs", "push", "--data-dir", str(tmp_path), *login]) == 0
    assert "left out 2 player(s) of a class" in capsys.readouterr().out and seen == []


def test_stored_lrs_account_goes_only_to_the_class_endpoint(tmp_path, capture, capsys):
    base, seen = capture
    _lrs_class(tmp_path, base)
    push_class = ["lrs", "push", "--class", "7B-2026", "--data-dir", str(tmp_path)]
    args = [*push_class, "--passphrase", PASSPHRASE]
    assert main([*args, "--endpoint", f"{base}/elsewhere/xAPI"]) == 2
    assert "is not the class's LRS" in capsys.readouterr().err and seen == []
    assert main(args) == 0, capsys.readouterr().err
    token = base64.b64encode(f"{LRS_USER}:{LRS_SECRET}".encode()).decode()
    assert seen and {s for s in seen} == {("/xAPI/statements", f"Basic {token}")}


def test_report_of_a_class_pupil_needs_the_passphrase(tmp_path, monkeypatch, capsys):
    info = simulated_class(tmp_path, 3, 1)
    code, out = info.players[0], tmp_path / "out"
    _no_stdin(monkeypatch)
    base = ["report", code, "--format", "json", "--out", str(out), "--data-dir", str(tmp_path)]
    assert main(base) == 2
    assert "passphrase" in capsys.readouterr().err and not out.exists()
    assert main([*base, "--passphrase", "not the passphrase"]) == 2 and not out.exists()
    assert main([*base, "--passphrase", PASSPHRASE]) == 0
    assert (out / f"{code}.json").is_file()


# -- item 2: the seal, and the growing wait ---------------------------------------------


def test_swapped_passphrase_hash_is_refused_as_tampered(tmp_path, capsys):
    simulated_class(tmp_path, 3, 1)
    path = _class_file(tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["passphrase_hash"] = hash_passphrase("the pupil's own passphrase")
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TamperedClass):
        open_class(tmp_path, "7B-2026", "the pupil's own passphrase")
    assert (
        main(
            [
                "class",
                "progress",
                "--class",
                "7B-2026",
                "--data-dir",
                str(tmp_path),
                "--passphrase",
                "the pupil's own passphrase",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "changed outside Worktown" in err[0] and str(path) in err[0]


@pytest.mark.parametrize("edit", ["player", "minutes", "endpoint", "clear_account"])
def test_any_edit_of_the_class_file_is_refused(tmp_path, edit):
    simulated_class(
        tmp_path,
        3,
        1,
        settings=SessionSettings(
            minutes=40,
            lrs={"endpoint": "https://lrs.example/xAPI", "user": LRS_USER, "password": LRS_SECRET},
        ),
    )
    path = _class_file(tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if edit == "player":
        doc["players"].append("WISE-MAPLE-77")
    elif edit == "minutes":
        doc["settings"]["minutes"] = 600
    elif edit == "endpoint":
        doc["settings"]["lrs"]["endpoint"] = "https://attacker.example/xAPI"
    else:
        doc["settings"]["lrs"] = {
            "endpoint": "https://attacker.example/xAPI",
            "user": "x",
            "password": "y",
        }
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TamperedClass, match="changed outside Worktown"):
        open_class(tmp_path, "7B-2026", PASSPHRASE)


def _entries(path):
    return json.loads(path.read_text(encoding="utf-8"))["players"]


def _rewrite_players(path, players):
    doc = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**doc, "players": players}), encoding="utf-8")


def test_a_code_is_taken_out_without_the_key_but_never_put_in(tmp_path):
    info = simulated_class(tmp_path, 4, 0)
    path = _class_file(tmp_path)
    first, second = info.players[0], info.players[1]
    # a pupil's own erase (no passphrase): the code and its tag leave the file itself
    save_class(tmp_path, remove_players(load_class(tmp_path, "7B-2026"), [first]))
    assert first not in path.read_text(encoding="utf-8")
    assert sorted(os.listdir(path.parent)) == ["class.json"]  # no side list of codes
    # removing an entry by hand is accepted too, and the rest still opens with the passphrase
    _rewrite_players(path, [e for e in _entries(path) if e["code"] != second])
    assert open_class(tmp_path, "7B-2026", PASSPHRASE).players == info.players[2:]
    kept = _entries(path)
    # without the key nothing can be put back, nor any other field changed
    locked = load_class(tmp_path, "7B-2026")
    locked.players.append(first)
    with pytest.raises(ValueError, match="open it with the teacher passphrase"):
        save_class(tmp_path, locked)
    locked = load_class(tmp_path, "7B-2026")
    locked.settings.minutes = 600
    with pytest.raises(ValueError, match="open it with the teacher passphrase"):
        save_class(tmp_path, locked)
    assert _entries(path) == kept
    # a code added by hand, with no tag, a made-up tag, another code's tag, or a tag
    # from another class of the same passphrase: refused, one line naming the code
    simulated_class(tmp_path, 1, 0, code="OTHER-1")
    foreign = _entries(_class_file(tmp_path, "OTHER-1"))[0]
    now = [1_000_000.0]  # a refused file counts as a wrong try: wait it out
    for added in (
        [first],
        [{"code": first, "tag": kept[0]["tag"]}],
        [{"code": first, "tag": "hmac-sha256:" + "A" * 44}],
        [foreign],
    ):
        _rewrite_players(path, kept + added)
        now[0] += 1000
        with pytest.raises(TamperedClass) as refused:
            open_class(tmp_path, "7B-2026", PASSPHRASE, clock=lambda: now[0])
        line = str(refused.value)
        assert "\n" not in line and str(path) in line and "changed outside Worktown" in line
        assert (added[0] if isinstance(added[0], str) else added[0]["code"]) in line
    _rewrite_players(path, kept)
    now[0] += 1000
    assert (
        open_class(tmp_path, "7B-2026", PASSPHRASE, clock=lambda: now[0]).players
        == info.players[2:]
    )


@pytest.mark.parametrize("version", [1, 2])
def test_older_class_files_are_refused_in_one_line(tmp_path, version):
    simulated_class(tmp_path, 2, 0)
    path = _class_file(tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if version == 1:  # unsealed, codes in a plain list
        doc = {k: v for k, v in doc.items() if k != "seal"}
    doc.update(version=version, players=[e["code"] for e in doc["players"]])
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError) as refused:
        load_class(tmp_path, "7B-2026")
    line = str(refused.value)
    assert "\n" not in line and f"class file version {version} is not 3" in line
    assert "create the class again" in line


def test_wrong_passphrases_wait_longer_and_longer_across_restarts(tmp_path):
    simulated_class(tmp_path, 2, 0)
    now = [1_000_000.0]

    def clock():
        return now[0]

    for _ in range(3):  # two free mistakes, then a wait of 2 s
        with pytest.raises(WrongPassphrase):
            open_class(tmp_path, "7B-2026", "not the passphrase", clock=clock)
    with pytest.raises(TooManyAttempts) as waiting:  # even the right one must wait
        open_class(tmp_path, "7B-2026", PASSPHRASE, clock=clock)
    assert waiting.value.seconds == 2
    assert PassphraseGate(tmp_path, clock).seconds_left() == 2.0  # a new run: kept on disk
    now[0] += 2.0
    with pytest.raises(WrongPassphrase):
        open_class(tmp_path, "7B-2026", "not the passphrase", clock=clock)
    assert PassphraseGate(tmp_path, clock).seconds_left() == 4.0  # doubled
    now[0] += 4.0
    assert open_class(tmp_path, "7B-2026", PASSPHRASE, clock=clock).unlocked
    assert PassphraseGate(tmp_path, clock).seconds_left() == 0.0  # reset by the right one
    assert [PassphraseGate.wait_after(n) for n in (1, 2, 3, 4, 5, 30)] == [0, 0, 2, 4, 8, 900]


def test_shipped_scrypt_cost_is_at_least_2_17(tmp_path):
    simulated_class(tmp_path, 1, 0)
    stored = load_class(tmp_path, "7B-2026").passphrase_hash
    assert COST_N >= 2**17 and int(stored.split("$")[1]) >= 2**17
    # a weaker cost planted in a file is not accepted as a match
    weak = stored.split("$")
    weak[1] = str(2**14)
    assert unlock(PASSPHRASE, "$".join(weak)) is None


# -- item 13: merge reads regular files only, and only the class's pupils' statements ---


def _played(tmp_path):
    info = simulated_class(tmp_path / "pc", 3, 1)
    return info, info.players[0], read_player_statements(tmp_path / "pc", info.players[0])


def test_merge_refuses_links_fifos_and_huge_files(tmp_path):
    info, code, mine = _played(tmp_path)
    src = tmp_path / "usb"
    other = info.players[1]
    (src / "players" / other).mkdir(parents=True)
    os.symlink(
        tmp_path / "pc" / "players" / code / "store.json", src / "players" / other / "store.json"
    )  # a link to data elsewhere
    (src / "players" / info.players[2]).mkdir(parents=True)
    with open(src / "players" / info.players[2] / "store.json", "wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: 65 MB of zeros
    os.mkfifo(src / "waiting.json")  # nobody ever writes to it
    done: list = []
    worker = threading.Thread(
        target=lambda: done.append(merge_folder(src, tmp_path / "here")), daemon=True
    )
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "merge hung on a FIFO"
    result = done[0]
    assert result.added == {}
    lines = " | ".join(result.skipped)
    assert "a link, not a file" in lines and "too large" in lines and "pipe or a device" in lines
    assert len(result.skipped) == 3 and all("\n" not in s for s in result.skipped)


def test_class_merge_refuses_statements_not_recorded_in_the_class(tmp_path, capsys):
    info = simulated_class(tmp_path, 3, 1)
    here = read_player_statements(tmp_path, info.players[0])
    never = info.players[2]  # a pupil who never played
    forged = recorded_form(
        [
            {**s, "actor": {**s["actor"], "account": {**s["actor"]["account"], "name": never}}}
            for s in here[:20]
        ],
        never,
    )  # no class
    src = tmp_path / "usb"
    src.mkdir()
    doc = make_export(build_report(forged, {}, player_code=never), forged)
    (src / f"{never}.json").write_text(json.dumps(doc), encoding="utf-8")
    assert (
        main(
            [
                "class",
                "merge",
                "--class",
                "7B-2026",
                "--from",
                str(src),
                "--data-dir",
                str(tmp_path),
                "--passphrase",
                PASSPHRASE,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"{len(forged)} statement(s) refused: not {never}'s in class 7B-2026" in out
    assert not (tmp_path / "players" / never / "store.json").exists()
