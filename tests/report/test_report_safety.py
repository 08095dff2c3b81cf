"""Hostile player text: escaped in HTML, safe in PDF and CSV, and the report still renders."""

from __future__ import annotations

import html
import re

import pytest

from tests.report.conftest import CODE
from tests.report.pdftext import pdf_text

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    'it\'s "quoted" & <b>bold</b>',
    "x" * 600,
    "שלום עולם — مرحبا بالعالم",
    "I want to be a vet 🐶👩‍⚕️\u202e reversed?",
    '=HYPERLINK("http://evil")',
    "line\x00with\x07controls",
]


@pytest.fixture(scope="module")
def hostile(inputs, statements):
    """The simulated player plus reflections and a next step in hostile text."""
    from game.sim.synthetic import build_statement
    from telemetry.report.model import build_report
    from telemetry.xapi.reader import recorded_form

    extra = [
        build_statement(
            "selected",
            "question",
            f"reflect/r_bike_repair/{kind}",
            response=text,
            extensions={"riasec": "R"},
            timestamp="2025-01-06T09:50:00+00:00",
        )
        for kind, text in [("note", t) for t in HOSTILE] + [("skills", ",".join(HOSTILE))]
    ]
    extra.append(
        build_statement(
            "selected",
            "question",
            "passport/next_step",
            response=HOSTILE[0] + HOSTILE[4],
            timestamp="2025-01-06T09:51:00+00:00",
        )
    )
    st = statements + recorded_form(extra, CODE)
    return build_report(st, inputs[0], occupations=inputs[1], player_code=CODE)


def test_html_escapes_every_hostile_string(hostile):
    from telemetry.report.html import render_html

    page = render_html(hostile)
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>bold" not in page
    assert "onerror=alert(1)&gt;" in page  # present, but as text
    assert html.escape('it\'s "quoted"', quote=True) in page
    assert 'dir="auto"' in page and "overflow-wrap:anywhere" in page
    assert "שלום עולם" in page and "🐶" in page
    assert "\x00" not in page and "\x07" not in page
    # well formed enough: every opened section closes
    assert page.count("<section") == page.count("</section>") == 3
    assert len(re.findall(r"<li>", page)) == len(re.findall(r"</li>", page))


def test_pdf_renders_hostile_text_safely(hostile):
    from telemetry.report.pdf import build_pdf, safe_text

    pdf = build_pdf(hostile)
    text = " ".join(pdf_text(bytes(pdf.output())))
    assert hostile["profile"]["code"] in text
    assert "<script>alert('x')</script>" in text  # shown literally, it is only text
    assert "\x00" not in text
    assert pdf.core_pages == 2
    assert "\x07" not in safe_text(hostile, "a\x07b")
    assert safe_text(hostile, "\U0001f9ec") == "\ufffd"  # a glyph DejaVu lacks


def test_csv_cells_never_start_a_formula(hostile):
    from telemetry.report.csv_export import csv_row

    hostile = {**hostile, "next_step": HOSTILE[6]}
    row = csv_row(hostile)
    assert row["next_step"].startswith("'=")


def test_long_text_is_capped_in_the_model(hostile):
    notes = [n for r in hostile["reflections"] for n in r["notes"]]
    assert max(len(n) for n in notes) <= 501
    assert all("\x00" not in n for n in notes)
