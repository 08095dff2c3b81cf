"""Every challenge board at 200 % text in high contrast, in English and Spanish, through
every level of a played challenge (the level cards passed by keyboard): no text leaves its box or
the page, no two texts (or button labels) overlap, every button's label fits its button, and no
board text is drawn smaller than the chosen size to make it fit (the boards wrap, grow and scroll
instead).
"""

from __future__ import annotations

import json
import random

import pygame
import pytest

from game import paths
from game.scenes.challenge_play import PLAY_AREA
from tests.a11y.overflow import board_problems
from tests.helpers import make_app, press, start_challenge


def challenges() -> list[tuple[str, str]]:
    folder = paths.content_dir() / "challenges"
    found = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
    return sorted((c["id"], c["mechanic"]) for c in found)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("cid", [cid for cid, _ in challenges()])
def test_board_at_200_percent_reflows_through_a_round(tmp_path, cid, language):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    play = start_challenge(app, cid)
    assert play.ui.viewport is not None, "at 200 % the challenge is a scrolling page"
    rng = random.Random(5)
    states = levels = 0
    for _ in range(60 * len(app.ctx.content.challenges[cid].plan())):
        problems = board_problems(app)
        assert not problems, f"{cid} ({language}), after {states} actions:\n" + "\n".join(problems)
        page_bottom = max(play.board_area.bottom, play.mechanic.bottom)
        assert page_bottom + 24 <= 4 * app.screen.get_height(), (
            f"{cid}: the board outgrows the scrolling page"
        )
        if play.card_showing and play.reported:
            break
        if play.card_showing:  # a level card: on to the next level by keyboard
            assert play.ui.focused is play.continue_button
            press(app, pygame.K_RETURN)
            assert not play.card_showing, f"{cid}: Enter on the level card starts the next level"
            levels += 1
            continue
        action = play.mechanic.bot_action(rng, 0.7)
        if action is None:
            play.update(0.5)
        else:
            play.perform(action)
        app.pump([])
        states += 1
    assert states >= 3
    assert levels == len(app.ctx.content.challenges[cid].plan()) - 1, (
        f"{cid}: every level was played"
    )
    assert play.board_area.top == PLAY_AREA.top
    app.shutdown()


def test_keyboard_focus_scrolls_the_board_to_every_control(tmp_path):
    """At 200 % the board is taller than the window: Tab reaches every control of the
    board, and each one it lands on is scrolled wholly into view."""
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast = 2.0, True
    app.apply_settings()
    play = start_challenge(app, "r_bike_repair")
    ui = play.ui
    assert ui.max_scroll > 0
    seen, scrolled = set(), 0
    for _ in range(len(ui.items) + 2):
        press(app, pygame.K_TAB)
        item = ui.focused
        assert ui.in_view(item), f"{item.label!r} focused but not in view"
        seen.add(item.label)
        scrolled = max(scrolled, ui.scroll)
    assert scrolled > 0
    assert {play.mechanic.label_for(a) for a in play.mechanic.actions()} <= seen
    app.shutdown()
