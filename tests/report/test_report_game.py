"""A real game player (headless App) gets a report while the game still has them open."""

from __future__ import annotations

import random

from game.cli import main
from tests.helpers import TEST_CODE, make_app, start_challenge
from tests.report.pdftext import pdf_text


def test_report_of_a_real_game_player(tmp_path, capsys):
    app = make_app(tmp_path / "data")
    try:
        scene = start_challenge(app, "r_bike_repair")
        rng = random.Random(4)
        for _ in range(1500):  # every level, through the level cards
            if scene.reported:
                break
            if scene.card_showing:
                scene.next_level()
            else:
                scene.perform(scene.mechanic.bot_action(rng, 1.0))
            app.pump([])
        assert scene.mechanic.finished and scene.reported
        assert app.ctx.recorder.wait_durable(10)
        out = tmp_path / "out"
        assert (
            main(
                [
                    "report",
                    TEST_CODE,
                    "--format",
                    "json,pdf,html",
                    "--out",
                    str(out),
                    "--data-dir",
                    str(tmp_path / "data"),
                ]
            )
            == 0
        ), capsys.readouterr().err
    finally:
        app.shutdown()
    from telemetry.report.json_export import read_export

    doc = read_export(out / f"{TEST_CODE}.json")
    assert doc["report"]["session"]["challenges_completed"] == 1
    assert "Bike" in " ".join(doc["report"]["session"]["challenges"])
    pages = pdf_text((out / f"{TEST_CODE}.pdf").read_bytes())
    assert doc["report"]["profile"]["code"] in pages[0]
