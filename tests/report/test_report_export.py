"""The versioned JSON export: schema, refusals, and the player -> export -> report round trip."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from tests.report.conftest import CODE


def _export(tmp_path, data_dir):
    path = tmp_path / "export.json"
    assert (
        main(["report", CODE, "--format", "json", "--out", str(path), "--data-dir", str(data_dir)])
        == 0
    )
    return path


def test_every_export_is_validated_against_the_schema_file(report, statements, tmp_path):
    from telemetry.report.json_export import SCHEMA_DIR, load_schema, make_export, write_export
    from telemetry.report.schema_check import schema_problem

    assert (SCHEMA_DIR / "worktown-export-1.json").is_file()
    doc = make_export(report, statements)
    assert schema_problem(doc, load_schema()) is None
    bad = json.loads(json.dumps(doc))
    bad["report"]["profile"]["scores"][0]["score"] = "high"
    assert "report.profile.scores[0].score" in schema_problem(bad, load_schema())
    with pytest.raises(ValueError, match="damaged export"):
        write_export(tmp_path / "x.json", bad)
    assert not (tmp_path / "x.json").exists()


def test_schema_validator_refuses_keywords_it_does_not_check():
    from telemetry.report.schema_check import schema_problem

    with pytest.raises(ValueError, match="unsupported keyword"):
        schema_problem({}, {"type": "object", "oneOf": []})


def test_a_key_with_a_line_break_is_named_on_one_line(report, statements, tmp_path):
    """A damaged file whose key holds a control character still gives one line (fuzz seed
    175136901 found a statement key "\\n" printed raw, splitting the message in two)."""
    from telemetry.report.json_export import load_schema, make_export
    from telemetry.report.schema_check import schema_problem
    from telemetry.report.xapi_export import export_statements, load_statements_file

    path = tmp_path / "s.xapi.json"
    export_statements(statements[:2], path)
    doc = json.loads(path.read_text())
    doc[1]["\n"] = 1
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError) as caught:
        load_statements_file(path)
    assert str(caught.value) == f"{path}: statement 2: \\n: unexpected property"
    bad = make_export(report, statements)
    bad["report"]["odd\rkey"] = 1
    assert schema_problem(bad, load_schema()) == "report.odd\\rkey: unexpected property"


def test_round_trip_player_export_report_gives_the_same_profile(tmp_path, data_dir, inputs):
    from telemetry.profile.engine import estimate_profile
    from telemetry.report.json_export import read_export
    from telemetry.report.model import build_report
    from telemetry.xapi.reader import read_player_statements

    path = _export(tmp_path, data_dir)
    doc = read_export(path)
    again = tmp_path / "again"
    assert main(["report", str(path), "--format", "json,pdf,html", "--out", str(again)]) == 0
    redo = read_export(again / f"{CODE}.json")
    assert redo["report"]["profile"] == doc["report"]["profile"]
    assert redo["statements"] == doc["statements"]
    # and the export's statements rebuild exactly the profile that was exported
    rebuilt = build_report(doc["statements"], inputs[0], occupations=inputs[1])
    assert rebuilt["profile"] == doc["report"]["profile"]
    original = read_player_statements(data_dir, CODE)
    assert estimate_profile(original).code == doc["report"]["profile"]["code"]


@pytest.mark.parametrize(
    "content, problem",
    [
        (b'{"format": "worktown-export", "schema_version": 1, "rep', "damaged export: not JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'[{"id": 1}]', "not a Worktown export"),
        (b'{"format": "someone-else", "version": 3}', "not a Worktown export"),
        (b'{"format": "worktown-export", "schema_version": 2}', "newer Worktown"),
        (b'{"format": "worktown-export", "schema_version": "one"}', "damaged export"),
        (b'{"format": "worktown-export", "schema_version": 1, "report": {}}', "damaged export"),
    ],
)
def test_bad_exports_are_refused_with_one_line(tmp_path, capsys, content, problem):
    path = tmp_path / "in.json"
    path.write_bytes(content)
    assert main(["report", str(path), "--format", "html", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and str(path) in err
    assert "Traceback" not in err and not (tmp_path / "o").exists()


def test_a_tampered_valid_export_is_refused(tmp_path, data_dir, capsys):
    path = _export(tmp_path, data_dir)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["report"]["profile"]["code_probability"] = 7
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["report", str(path), "--format", "pdf", "--out", str(tmp_path / "o")]) == 2
    assert "code_probability" in capsys.readouterr().err


def test_reader_does_not_take_the_lock_or_write(data_dir):
    from telemetry.xapi.reader import read_player_statements

    folder = data_dir / "players" / CODE
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    (folder / "journal.jsonl").write_text("{torn", encoding="utf-8")
    before["journal.jsonl"] = (folder / "journal.jsonl").stat().st_mtime_ns
    assert read_player_statements(data_dir, CODE)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
