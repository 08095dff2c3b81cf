"""Every format for a simulated 45-minute player, through the real command line."""

from __future__ import annotations

import csv
import io
import json
import re

from game.cli import main
from tests.report.conftest import CODE
from tests.report.pdftext import pdf_text

FORMATS = "pdf,html,json,csv,xapi"


def test_every_format_from_a_player_folder(tmp_path, data_dir, capsys):
    out = tmp_path / "out"
    assert (
        main(["report", CODE, "--format", FORMATS, "--out", str(out), "--data-dir", str(data_dir)])
        == 0
    )
    written = capsys.readouterr().out.split()
    assert sorted(p.rsplit("/", 1)[-1] for p in written) == sorted(
        [f"{CODE}.pdf", f"{CODE}.html", f"{CODE}.json", f"{CODE}.csv", f"{CODE}.xapi.json"]
    )
    doc = json.loads((out / f"{CODE}.json").read_text(encoding="utf-8"))
    code = doc["report"]["profile"]["code"]
    assert len(code) == 3 and set(code) <= set("RIASEC")

    pages = pdf_text((out / f"{CODE}.pdf").read_bytes())
    assert (out / f"{CODE}.pdf").read_bytes().startswith(b"%PDF-")
    assert code in pages[0] and CODE in pages[0]
    assert "never to be used for" in " ".join(pages).replace("\n", " ")
    assert "O*NET 29.3 Database" in " ".join(pages).replace("\n", " ")

    page = (out / f"{CODE}.html").read_text(encoding="utf-8")
    assert f"<div class='code'>{code}</div>" in page
    assert "<svg" in page and "<script" not in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
    # no fetches: nothing over http; the only http:// texts are ESCO URIs shown as identifiers
    plain = re.sub(r"<code>http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}</code>", "", page)
    assert "http://" not in plain.replace('xmlns="http://www.w3.org/2000/svg"', "")
    esco = [m for m in doc["report"]["occupations"]["matches"] if m["esco_occupations"]]
    assert esco and all(e["uri"] in page for m in esco for e in m["esco_occupations"])

    rows = list(csv.DictReader(io.StringIO((out / f"{CODE}.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 and rows[0]["player"] == CODE and rows[0]["holland_code"] == code

    from telemetry.report.xapi_export import load_statements_file

    assert len(load_statements_file(out / f"{CODE}.xapi.json")) == len(doc["statements"])


def test_pdf_core_is_two_pages_and_embeds_fonts(report):
    from telemetry.report.pdf import build_pdf

    pdf = build_pdf(report)
    data = bytes(pdf.output())
    assert pdf.core_pages == 2 and pdf.page_no() > 2
    assert data.count(b"/FontFile2") == 2  # both DejaVu faces embedded
    assert "Appendix" in pdf_text(data)[2]


def test_report_content_holds_the_brief(report):
    """Matches grouped by Job Zone with ESCO labels, CMS evidence, session facts."""
    from telemetry.report.layout import matches_by_zone

    groups = matches_by_zone(report)
    assert [z for z, _, _ in groups] == sorted(z for z, _, _ in groups)
    assert any(m["esco"] for m in report["occupations"]["matches"])
    assert report["session"]["minutes"] > 30 and report["session"]["challenges_completed"] >= 3
    assert any(c["level"] != "none" for c in report["cms"])
    assert all(report["evidence"][k] for k in "RIASEC")
    assert report["starters"]


def test_one_format_to_a_file_name(tmp_path, data_dir):
    target = tmp_path / "profile.html"
    args = ["report", CODE, "--format", "html", "--out", str(target)]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_unknown_player_and_format_are_one_line(tmp_path, data_dir, capsys):
    assert (
        main(["report", "GREEN-OWL-11", "--out", str(tmp_path), "--data-dir", str(data_dir)]) == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GREEN-OWL-11" in err and "Traceback" not in err
    assert main(["report", CODE, "--format", "docx", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "docx" in err
