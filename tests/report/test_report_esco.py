"""ESCO URIs and ISCO-08 codes beside O*NET codes in every export (issue 18, item 4)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from game import paths
from game.cli import main
from telemetry.esco_match import ESCO_URI
from tests.report.conftest import CODE
from zones.loader import load_occupations


def _content():
    problems: list[str] = []
    occ = load_occupations(paths.assets_dir() / "data", problems)
    assert problems == []
    return occ


def test_json_and_csv_carry_the_esco_uri_and_isco_of_every_match_that_has_one(tmp_path, data_dir):
    out = tmp_path / "out"
    assert main(["report", CODE, "--format", "json,csv", "--out", str(out), "--data-dir", str(data_dir)]) == 0
    occ = _content()
    doc = json.loads((out / f"{CODE}.json").read_text(encoding="utf-8"))
    matches = doc["report"]["occupations"]["matches"]
    with_esco = 0
    for m in matches:
        expected = [e.uri for e in occ[m["soc_code"]].esco]
        assert [e["uri"] for e in m["esco_occupations"]] == expected
        assert all(ESCO_URI.match(e["uri"]) and len(e["isco08"]) == 4 for e in m["esco_occupations"])
        assert m["isco08"] == list(occ[m["soc_code"]].isco08)
        with_esco += bool(expected)
    assert with_esco >= 5                        # the simulated player's matches have ESCO names
    row = next(csv.DictReader(io.StringIO((out / f"{CODE}.csv").read_text(encoding="utf-8-sig"))))
    cells = dict(part.split(" ", 1) for part in row["top_matches_esco"].split("; ") if part)
    for m in matches[:5]:
        uris = [e["uri"] for e in m["esco_occupations"]]
        assert cells.get(m["soc_code"], "").split() == uris
    isco = dict(part.split(" ", 1) for part in row["top_matches_isco08"].split("; ") if part)
    assert all(isco[m["soc_code"]].split(",") == m["isco08"] for m in matches[:5] if m["isco08"])


def test_an_export_with_a_bad_esco_uri_is_refused(report, statements):
    from telemetry.export_json import check_export, make_export

    doc = json.loads(json.dumps(make_export(report, statements)))
    check_export(doc)
    match = next(m for m in doc["report"]["occupations"]["matches"] if m["esco_occupations"])
    match["esco_occupations"][0]["uri"] = "https://example.org/job"
    with pytest.raises(ValueError, match=r"esco_occupations.*does not match"):
        check_export(doc)
