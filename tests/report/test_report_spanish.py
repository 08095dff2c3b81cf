"""The report in Spanish: ``main.py report CODE --lang es`` writes Spanish PDF and HTML,
and the English and Spanish tables carry the same keys and placeholders."""

from __future__ import annotations

from game.cli import main
from tests.report.conftest import CODE
from tests.report.pdftext import pdf_text


def test_english_and_spanish_tables_match():
    from telemetry.report.words import texts
    from telemetry.words import PLACEHOLDER, languages

    assert "es" in languages()
    en, es = texts("en"), texts("es")
    assert set(en) == set(es) and "h_starters" in en
    for key, text in en.items():
        assert sorted(PLACEHOLDER.findall(es[key])) == sorted(PLACEHOLDER.findall(text)), key
    assert texts("xx") == en  # unknown language: English


def test_spanish_report_has_spanish_headings(tmp_path, data_dir, capsys):
    from telemetry.report.words import texts

    es, en = texts("es"), texts("en")
    out = tmp_path / "out"
    assert (
        main(
            [
                "report",
                CODE,
                "--format",
                "pdf,html",
                "--lang",
                "es",
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    capsys.readouterr()
    page = (out / f"{CODE}.html").read_text(encoding="utf-8")
    assert "<html lang='es'>" in page
    for key in ("title", "h_profile", "h_scores", "h_starters", "h_matches", "h_appendix"):
        assert es[key] in page, key
    assert en["h_starters"] not in page and en["purpose"] not in page
    assert "Realista" in page and "Realistic" not in page  # type names too

    text = " ".join(pdf_text((out / f"{CODE}.pdf").read_bytes())).replace("\n", " ")
    for key in ("title", "h_scores", "h_starters", "h_appendix"):
        assert es[key] in text, key
    assert "Conversation starters" not in text and "Página 1" in text


def test_activity_items_are_quoted_in_the_report_language(tmp_path):
    """An odd-jobs card answered in the game shows in a Spanish report in Spanish words."""
    from game.sim.synthetic import build_statement
    from telemetry.report.model import build_report

    statements = [
        build_statement(
            "selected",
            "question",
            "item/R6",
            response="5",
            extensions={"riasec": "R", "source": "job_board"},
        )
    ]
    summary = {"challenges": {}, "districts": {}}
    for lang, wording in (("es", "Arreglar un grifo roto"), ("en", "Fix a broken faucet")):
        report = build_report(statements, summary, language=lang)
        texts = [e["text"] for e in report["evidence"]["R"]]
        assert any(wording in t for t in texts), (lang, texts)
