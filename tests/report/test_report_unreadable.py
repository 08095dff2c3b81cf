"""A straight-liner's profile says "not interpretable yet" in the report, the JSON export,
the CSV and the game's profile view, instead of a confident "high everywhere" (issue 17
item 2)."""

from __future__ import annotations

from game.profile_view import ProfileView
from telemetry.profile.engine import profile_from_evidence
from telemetry.profile.evidence import extract_evidence
from telemetry.report.csv_export import csv_row
from telemetry.report.json_export import check_export, make_export
from telemetry.report.model import build_report
from telemetry.xapi.reader import recorded_form
from tests.profile import statement_factory as f

CODE = "BLUE-FOX-42"


def _fives() -> list[dict]:
    out = [f.item(f"{k}{i}", 5) for i in range(1, 3) for k in "RIASEC"]
    return recorded_form(out + [f.rating("expect", "A", 5), f.rating("enjoy", "A", 5)], CODE)


def test_report_and_exports_say_not_interpretable(inputs):
    summary, occupations = inputs
    st = _fives()
    for lang, words in (
        ("en", "Not interpretable yet: answers look the same for everything"),
        ("es", "Todavía no interpretable"),
    ):
        rep = build_report(st, summary, occupations=occupations, player_code=CODE, language=lang)
        prof = rep["profile"]
        assert prof["interpretable"] is False and prof["readability"] == "same_answers"
        assert prof["certainty"]["level"] == "not_interpretable"
        assert prof["certainty"]["text"].startswith(words)
    check_export(make_export(rep, st))  # the schema accepts it
    row = csv_row(rep)
    assert row["interpretable"] is False and row["readability"] == "same_answers"


def test_a_readable_report_says_ok(inputs, statements):
    summary, occupations = inputs
    rep = build_report(statements, summary, occupations=occupations, player_code=CODE)
    assert rep["profile"]["interpretable"] is True and csv_row(rep)["readability"] == "ok"


def test_profile_view_says_unreadable():
    ev = extract_evidence(_fives())
    view = ProfileView(
        statements=[],
        evidence=ev,
        profile=profile_from_evidence(ev, n_draws=100),
        letters=list("RIASEC"),
    )
    assert view.sureness() == "unreadable"


def test_the_mirror_names_why_a_profile_cannot_be_read(tmp_path):
    """Same answers and random-looking answers get their own sentence in the Mirror
    (random ones were told their answers 'look the same for everything')."""
    import dataclasses

    from game.scenes.mirror import MirrorScene
    from tests.helpers import make_app

    app = make_app(tmp_path)
    ev = extract_evidence(_fives())
    profile = profile_from_evidence(ev, n_draws=100)
    scene = MirrorScene()
    app.ctx.scenes.push(scene)
    app.pump([])
    scene.view = ProfileView(statements=[], evidence=ev, profile=profile, letters=list("RIASEC"))
    assert scene.headline() == app.ctx.t("mirror.unreadable")
    clicked = dataclasses.replace(profile.readability, reason="random_answers", rule="bayes_factor")
    scene.view.profile = dataclasses.replace(profile, readability=clicked)
    assert scene.headline() == app.ctx.t("mirror.unreadable_random")
    app.shutdown()
