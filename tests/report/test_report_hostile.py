"""A hostile export given to ``report EXPORT``: its player code never becomes a path
outside ``--out`` (checked exactly as ``class merge`` checks it), and 5 KB strings in
every free-text field lay out in seconds (issue 13, items 3 and 15)."""

from __future__ import annotations

import json
import time

import pytest

from game.cli import main
from telemetry.classroom.merge import merge_folder
from telemetry.report.json_export import check_export, make_export

# fields whose values the export schema restricts (enums, patterns): kept as they are
_CONSTRAINED = {
    "class_code",
    "code",
    "could_be_me",
    "drivers",
    "how",
    "kind",
    "language",
    "letter",
    "level",
    "player",
    "readability",
    "soc_code",
    "isco08",
    "uri",
    "framework",
    "params_version",
    "mostly",
}


def _export(tmp_path, report, statements, name="export.json", **player):
    doc = make_export(report, statements)
    doc["report"] = {**doc["report"], "player": {**doc["report"]["player"], **player}}
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("code", ["../../x/PWNED", "/tmp/worktown-PWNED", "..", "a/b"])
def test_export_player_code_never_leaves_out_dir(tmp_path, report, statements, code, capsys):
    if code.startswith("/"):
        code = str(tmp_path / "abs" / "PWNED")
    path = _export(tmp_path, report, statements, code=code)
    out = tmp_path / "deep" / "er" / "out"
    assert main(["report", str(path), "--format", "pdf,html,json", "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no usable player code" in err[0] and str(path) in err[0]
    assert not [p for p in tmp_path.rglob("*PWNED*")]
    assert not out.exists() or not any(out.rglob("*"))
    # class merge refuses the same file with the same one line (one shared check)
    result = merge_folder(tmp_path, tmp_path / "class")
    assert any("no usable player code" in line for line in result.skipped)
    assert not result.added


def test_export_statements_of_another_player_are_left_out(tmp_path, report, statements, capsys):
    foreign = {
        **statements[0],
        "id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
        "actor": {
            **statements[0]["actor"],
            "account": {**statements[0]["actor"]["account"], "name": "GREEN-OWL-33"},
        },
    }
    path = _export(tmp_path, report, [*statements, foreign])
    out = tmp_path / "out"
    assert main(["report", str(path), "--format", "json", "--out", str(out)]) == 0
    assert "1 statement(s) not about BLUE-FOX-42 left out" in capsys.readouterr().err
    doc = json.loads((out / "BLUE-FOX-42.json").read_text(encoding="utf-8"))
    assert {s["actor"]["account"]["name"] for s in doc["statements"]} == {"BLUE-FOX-42"}


def _blow(value, size):
    if isinstance(value, dict):
        return {k: (v if k in _CONSTRAINED else _blow(v, size)) for k, v in value.items()}
    if isinstance(value, list):
        return [_blow(v, size) for v in value]
    if isinstance(value, str):
        return "W" * size  # one unbroken word: the worst case for line breaking
    return value


def test_hostile_export_renders_in_seconds(tmp_path, report, statements, capsys):
    doc = make_export(report, statements)
    doc["report"] = _blow(doc["report"], 5000)
    doc["report"]["evidence"]["R"] = doc["report"]["evidence"]["R"] * 20  # 400 rows
    check_export(doc)  # a valid export, by the schema
    cells = json.dumps(doc["report"]).count("W" * 5000)
    assert cells >= 280
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out"
    start = time.perf_counter()
    assert main(["report", str(path), "--format", "pdf,html", "--out", str(out)]) == 0, (
        capsys.readouterr().err
    )
    took = time.perf_counter() - start
    print(f"{cells} cells of 5 KB: {took:.2f} s")
    assert took < 5.0, f"{cells} cells of 5 KB took {took:.1f} s"
    pdf, html = out / "BLUE-FOX-42.pdf", out / "BLUE-FOX-42.html"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size < 5_000_000
    text = html.read_text(encoding="utf-8")
    assert "W" * 60 in text and "W" * 61 not in text and "\u2026" in text


def test_bounding_keeps_an_esco_uri_whole_and_still_breaks_junk() -> None:
    """The renderers' bound breaks long unbroken runs, but an identifier shown in the
    report (an ESCO URI, 73 characters) must stay as it is, or it names nothing."""
    from telemetry.report.layout import MAX_RUN, bounded

    uri = "http://data.europa.eu/esco/occupation/7daa8fed-9a78-4fe2-afc2-153f4d38e8b6"
    assert bounded({"uri": uri})["uri"] == uri
    junk = bounded("W" * 5000)
    assert max(len(run) for run in junk.split()) <= MAX_RUN
