"""Fuzz the telemetry files: the journal (random bytes appended, truncated), exported JSON
and xAPI statement files. Opening never raises on damage and keeps every statement that
was stored or fully written; readers give one ValueError line naming the file."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import strategies as st

from telemetry.report.json_export import make_export, read_export, write_export
from telemetry.report.xapi_export import export_statements, load_statements_file
from telemetry.xapi import vocab
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.statements import StatementFactory, make_actor, make_context
from telemetry.xapi.store import JOURNAL_NAME, player_dir
from tests.fuzz.mutate import damaged, fuzz_tests

CODE = "FUZZ-JOUR-12"


def statements(n: int) -> list[dict]:
    """n real statements of the player, built as the Recorder builds them."""
    session = str(uuid.uuid4())
    factory = StatementFactory(
        make_actor(vocab.account_home_page(None), CODE),
        make_context(
            session,
            platform="Linux",
            language="en",
            class_code=None,
            game_version="0.1.0",
            session_id=session,
        ),
    )
    return [
        factory.build(
            "selected",
            "question",
            f"item/R{i}",
            response=str(1 + i % 5),
            extensions={"riasec": "R"},
        )
        for i in range(n)
    ]


def _damaged_journal_opens_and_keeps_whole_lines(tmp_path: Path, monkeypatch, data) -> None:
    # durability is tested elsewhere; here fsync only makes each example 50 ms slower
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    base = Path(tempfile.mkdtemp(dir=tmp_path))  # a new player folder per example
    try:
        with Recorder.open(base, CODE) as rec:  # some statements safely stored
            stored = [
                rec.record("selected", "question", f"item/I{i}", response="3") for i in range(3)
            ]
        folder = player_dir(base, CODE)
        lines = [json.dumps(s).encode() + b"\n" for s in statements(4)]
        keep = data.draw(st.integers(0, len(lines)), label="whole lines")
        raw = b"".join(lines[:keep])
        tail = data.draw(st.sampled_from(["none", "cut", "junk"]), label="tail")
        if tail == "cut" and keep < len(lines):
            raw += lines[keep][: data.draw(st.integers(1, len(lines[keep]) - 1), label="cut at")]
        elif tail == "junk":
            raw += data.draw(st.binary(min_size=1, max_size=40), label="junk")
        (folder / JOURNAL_NAME).write_bytes(raw)
        with Recorder.open(base, CODE) as rec:
            message = rec.recovery.message
            ids = {s["id"] for s in rec.statements()}
    finally:
        shutil.rmtree(base, ignore_errors=True)
    assert "\n" not in message
    assert set(stored) <= ids  # nothing stored is lost
    assert {json.loads(line)["id"] for line in lines[:keep]} <= ids  # nor any whole line


(
    test_damaged_journal_opens_and_keeps_whole_lines,
    test_damaged_journal_opens_and_keeps_whole_lines_fresh,
) = fuzz_tests(_damaged_journal_opens_and_keeps_whole_lines)


def _damaged_xapi_file_gives_one_line(tmp_path: Path, data) -> None:
    path = tmp_path / "s.xapi.json"
    export_statements(statements(3), path)
    good = json.loads(path.read_text())
    assert len(load_statements_file(path)) == 3
    path.write_bytes(damaged(data, good))
    try:
        loaded = load_statements_file(path)
    except ValueError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
    else:
        assert isinstance(loaded, list)


test_damaged_xapi_file_gives_one_line, test_damaged_xapi_file_gives_one_line_fresh = fuzz_tests(
    _damaged_xapi_file_gives_one_line
)


def _export_doc(tmp_path: Path) -> dict:
    """A real export of a simulated player, made by the real report pipeline."""
    from game.commands.report import load_report_inputs
    from telemetry.report.model import build_report

    summary, table = load_report_inputs()
    st_ = statements(6)
    report = build_report(st_, summary, occupations=table, player_code=CODE)
    doc = make_export(report, st_)
    write_export(tmp_path / "good.json", doc)
    return json.loads((tmp_path / "good.json").read_text())


def _damaged_export_gives_one_line(tmp_path_factory, data) -> None:
    base = tmp_path_factory.getbasetemp() / "export_fuzz"
    base.mkdir(exist_ok=True)
    cached = base / "good.json"
    good = json.loads(cached.read_text()) if cached.exists() else _export_doc(base)
    path = base / "damaged.json"
    path.write_bytes(damaged(data, good))
    try:
        doc = read_export(path)
    except ValueError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
    else:
        assert isinstance(doc["report"], dict) and isinstance(doc["statements"], list)


test_damaged_export_gives_one_line, test_damaged_export_gives_one_line_fresh = fuzz_tests(
    _damaged_export_gives_one_line
)
