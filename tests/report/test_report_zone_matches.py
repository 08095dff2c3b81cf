"""The report's matches for a teenager and a practitioner (issue 17 item 6, issue 18 item
5): the best of every Job Zone ranked inside the zone, each r inside its own interval, in
the report, the JSON export and every matches table, which says the titles are US O*NET
titles."""

from __future__ import annotations

import json


def test_report_lists_the_best_of_every_job_zone(report, statements):
    from telemetry.report.json_export import check_export, make_export
    from telemetry.report.model import REPORT_MATCHES_PER_ZONE

    matches = report["occupations"]["matches"]
    for zone in range(1, 6):
        ms = [m for m in matches if m["job_zone"] == zone and not m["balance"]]
        assert [m["zone_rank"] for m in ms] == list(range(1, REPORT_MATCHES_PER_ZONE + 1))
        assert [m["r"] for m in ms] == sorted((m["r"] for m in ms), reverse=True)
    assert all(m["r_low"] <= m["r"] <= m["r_high"] for m in matches)
    doc = check_export(json.loads(json.dumps(make_export(report, statements))))
    assert doc["report"]["occupations"]["matches"] == matches


def test_every_matches_table_says_the_titles_are_us_onet_titles(report):
    from telemetry.report.html import render_html
    from telemetry.report.pdf import render_pdf
    from tests.report.pdftext import pdf_text

    html = render_html(report)
    tables = html.count("<th>Occupation (US O*NET title)</th>")
    assert tables == 5 + 5  # core page and appendix: one table per Job Zone each
    assert html.count("<th>Occupation</th>") == 0
    text = " ".join(pdf_text(render_pdf(report))).replace("\n", " ")
    assert text.count("US O*NET title") >= 1 + 5  # core table and the appendix's five


def test_each_zone_lists_one_job_mostly_done_by_each_sex_where_the_profile_fits_it(report):
    """Issue 18 item 5: the balance entries are skewed (>= 75 % one sex), fit about as well
    as the zone's best (r inside its interval), and are labelled neutrally in the HTML."""
    from telemetry.report.html import render_html
    from telemetry.report.model import REPORT_MATCHES_PER_ZONE

    matches = report["occupations"]["matches"]
    balance = [m for m in matches if m["balance"]]
    assert balance  # this simulated pupil's profile supports some
    for m in balance:
        best = next(b for b in matches if b["job_zone"] == m["job_zone"] and b["zone_rank"] == 1)
        assert m["r"] >= best["r_low"] and m["zone_rank"] > REPORT_MATCHES_PER_ZONE
        share = m["women_percent"] if m["mostly"] == "women" else 100 - m["women_percent"]
        assert share >= 75
        top = [b for b in matches if b["job_zone"] == m["job_zone"] and not b["balance"]]
        assert all(b["mostly"] != m["mostly"] for b in top)  # only when the top N lack one
    html = render_html(report)
    assert "mostly done by women today (US workforce, 2021:" in html
    assert "mostly done by men today (US workforce, 2021:" in html
    assert "Worktown never asks or records a pupil&#x27;s sex." in html
