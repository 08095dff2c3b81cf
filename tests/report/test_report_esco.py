"""ESCO URIs and ISCO-08 codes beside O*NET codes in every export (issue 18, item 4)."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from game import paths
from game.cli import main
from telemetry.profile.esco_match import ESCO_URI
from telemetry.report.words import texts
from telemetry.words import fill
from tests.report.conftest import CODE
from tests.report.pdftext import pdf_text
from zones.loader import load_occupations


def _content():
    problems: list[str] = []
    occ = load_occupations(paths.assets_dir() / "data", problems)
    assert problems == []
    return occ


def test_json_and_csv_carry_the_esco_uri_and_isco_of_every_match_that_has_one(tmp_path, data_dir):
    out = tmp_path / "out"
    args = ["report", CODE, "--format", "json,csv", "--out", str(out)]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    occ = _content()
    doc = json.loads((out / f"{CODE}.json").read_text(encoding="utf-8"))
    matches = doc["report"]["occupations"]["matches"]
    with_esco = 0
    for m in matches:
        expected = [e.uri for e in occ[m["soc_code"]].esco]
        assert [e["uri"] for e in m["esco_occupations"]] == expected
        assert all(
            ESCO_URI.match(e["uri"]) and len(e["isco08"]) == 4 for e in m["esco_occupations"]
        )
        assert m["isco08"] == list(occ[m["soc_code"]].isco08)
        with_esco += bool(expected)
    assert with_esco >= 5  # the simulated player's matches have ESCO names
    row = next(csv.DictReader(io.StringIO((out / f"{CODE}.csv").read_text(encoding="utf-8-sig"))))
    cells = dict(part.split(" ", 1) for part in row["top_matches_esco"].split("; ") if part)
    top = sorted(matches, key=lambda m: -m["r"])[:5]  # the highest fits of the zone lists
    for m in top:
        uris = [e["uri"] for e in m["esco_occupations"]]
        assert cells.get(m["soc_code"], "").split() == uris
    isco = dict(part.split(" ", 1) for part in row["top_matches_isco08"].split("; ") if part)
    assert all(isco[m["soc_code"]].split(",") == m["isco08"] for m in top if m["isco08"])


def test_an_export_with_a_bad_esco_uri_is_refused(report, statements):
    from telemetry.report.json_export import check_export, make_export

    doc = json.loads(json.dumps(make_export(report, statements)))
    check_export(doc)
    match = next(m for m in doc["report"]["occupations"]["matches"] if m["esco_occupations"])
    match["esco_occupations"][0]["uri"] = "https://example.org/job"
    with pytest.raises(ValueError, match=r"esco_occupations.*does not match"):
        check_export(doc)


@pytest.mark.parametrize(
    "lang, routes, framework, words",
    [
        ("en", "", "scotland", "Highers"),
        ("es", "", "spain", "Bachillerato"),
        ("en", "england", "england", "A levels"),
    ],
)
def test_report_and_exports_say_the_learning_routes_of_each_job_zone(
    tmp_path, data_dir, lang, routes, framework, words
):
    out = tmp_path / "out"
    args = [
        "report",
        CODE,
        "--format",
        "json,csv,html,pdf",
        "--out",
        str(out),
        "--data-dir",
        str(data_dir),
        "--lang",
        lang,
    ] + (["--routes", routes] if routes else [])
    assert main(args) == 0
    doc = json.loads((out / f"{CODE}.json").read_text(encoding="utf-8"))
    occ = doc["report"]["occupations"]
    assert occ["routes"]["framework"] == framework and sorted(occ["routes"]["zones"]) == list(
        "12345"
    )
    assert all(m["route"] == occ["routes"]["zones"][str(m["job_zone"])] for m in occ["matches"])
    assert any(words in text for text in occ["routes"]["zones"].values())
    row = next(csv.DictReader(io.StringIO((out / f"{CODE}.csv").read_text(encoding="utf-8-sig"))))
    assert row["route_framework"] == framework
    page = (out / f"{CODE}.html").read_text(encoding="utf-8")
    shown_zone = str(occ["matches"][0]["job_zone"])
    assert html.escape(occ["routes"]["zones"][shown_zone]) in page
    assert (
        "Job titles are US titles (O*NET)" if lang == "en" else "son los de EE. UU. (O*NET)"
    ) in page
    text = " ".join(pdf_text((out / f"{CODE}.pdf").read_bytes())).replace("\n", " ")
    assert occ["routes"]["name"] in text
    # the route line is the locale's template filled in (a str.format left "%Scotland: %Highers")
    line = fill(
        texts(lang)["route_line"],
        {"place": occ["routes"]["name"], "words": occ["routes"]["zones"][shown_zone]},
    )
    assert html.escape(line) in page
    assert not re.search(r"%[A-Za-z{]", page) and not re.search(r"%[A-Za-z{]", text)
