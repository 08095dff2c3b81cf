"""The guidance-system CSV (issue 19 item 3): it round-trips through Python's csv module,
its header is exactly the documented column dictionary, and its competence columns are
exactly the content's competences (else the version must go up)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from telemetry.report.guidance_csv import COLUMNS, COMPETENCES, SCHEMA_VERSION, write_guidance

REPO = Path(__file__).resolve().parents[2]
CODE = "BLUE-FOX-42"  # the report fixture's player (tests/report/conftest.py)


def _dictionary() -> tuple[str, list[str]]:
    text = (REPO / "telemetry" / "report" / "README.md").read_text(encoding="utf-8")
    section = text.split("**Column dictionary, version `", 1)[1]
    version = section.split("`", 1)[0]
    table = section.split("\n\n", 1)[1].split("\n\n", 1)[0]
    return version, re.findall(r"^\| `([a-z0-9_]+)` \|", table, flags=re.M)


def test_header_is_the_documented_dictionary() -> None:
    version, columns = _dictionary()
    assert version == SCHEMA_VERSION
    assert tuple(columns) == COLUMNS


def test_competence_columns_are_the_contents_competences() -> None:
    content = json.loads((REPO / "zones" / "data" / "competences.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in content] == list(COMPETENCES), (
        "the content's competences changed: bump guidance_csv.SCHEMA_VERSION and the dictionary"
    )


def test_round_trip_through_csv_with_bom(tmp_path, report) -> None:
    other = {**report, "player": {**report["player"], "code": "RED-OWL-17", "class_code": "7B"}}
    path = write_guidance(tmp_path / "g.csv", [report, other])
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["pupil"] for r in rows] == [CODE, "RED-OWL-17"]
    row = rows[0]
    assert tuple(row) == COLUMNS and row["schema_version"] == SCHEMA_VERSION
    assert row["holland_code"] == report["profile"]["code"]
    assert row["certainty"] == report["profile"]["certainty"]["level"]
    matches = sorted(report["occupations"]["matches"], key=lambda m: -m["r"])[:3]
    for n, m in enumerate(matches, start=1):
        assert (
            row[f"occupation{n}_onet"] == m["soc_code"]
            and row[f"occupation{n}_title"] == m["title"]
        )
        esco = m.get("esco_occupations") or []
        assert row[f"occupation{n}_esco"] == (esco[0]["uri"] if esco else "")
    assert {row[f"cms_{c['id']}"] for c in report["cms"]} == {c["level"] for c in report["cms"]}
    assert rows[1]["class"] == "7B"
    for zone in range(1, 6):  # the best match within each Job Zone (issue 17 item 6)
        best = next(m for m in report["occupations"]["matches"] if m["job_zone"] == zone)
        assert best["zone_rank"] == 1 and row[f"zone{zone}_onet"] == best["soc_code"]
        esco = best.get("esco_occupations") or []
        assert row[f"zone{zone}_esco"] == (esco[0]["uri"] if esco else "")


def test_a_formula_like_cell_is_defused(tmp_path, report) -> None:
    hostile = {**report, "player": {**report["player"], "class_code": "=HYPERLINK(1)"}}
    text = write_guidance(tmp_path / "g.csv", [hostile]).read_text(encoding="utf-8-sig")
    assert next(csv.DictReader(io.StringIO(text)))["class"] == "'=HYPERLINK(1)"


def test_class_export_writes_the_class_file_and_erase_reaches_it(
    tmp_path, inputs, statements
) -> None:
    from game.class_tools import export
    from telemetry.classroom.class_store import create_class
    from telemetry.classroom.erase import erase_everywhere
    from telemetry.xapi.reader import recorded_form, write_player_folder

    data = tmp_path / "data"
    info = create_class(data, "7B-2026", "correct horse battery", 2)
    for code in info.players:
        write_player_folder(data, code, recorded_form(statements, code, class_code=info.code))
    where, skipped = export(data, info, tmp_path / "out", inputs=inputs)
    guidance = where / "7B-2026.guidance.csv"
    rows = list(csv.DictReader(io.StringIO(guidance.read_text(encoding="utf-8-sig"))))
    assert skipped == [] and sorted(r["pupil"] for r in rows) == sorted(info.players)
    assert {r["class"] for r in rows} == {"7B-2026"}
    erase_everywhere(data, [info.players[0]])
    assert not guidance.exists()  # a copy holding the erased pupil's row
