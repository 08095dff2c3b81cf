"""The challenge play screen at 200 % text in high contrast, one challenge per family,
mid-play: the header and the goal bar above the board overflow nothing, and a goal too
long for the bar opens whole, by keyboard, in a panel over the board.

Only the header and the goal bar are checked here; the boards below them are checked
through a whole played round by ``test_boards_200.py``."""

import random

import pygame
import pytest

from game.scenes.challenge_play import PLAY_AREA
from tests.a11y.overflow import SLACK, _outside, button_problems, recorded_draws
from tests.helpers import key, make_app, start_challenge


def families(app) -> list[str]:
    first: dict[str, str] = {}
    for cid, challenge in app.ctx.content.challenges.items():
        first.setdefault(challenge.mechanic, cid)
    return list(first.values())


def mid_play(app, cid: str):
    play = start_challenge(app, cid)
    rng = random.Random(3)
    for _ in range(2):
        action = play.mechanic.bot_action(rng, 0.8)
        if action is not None:
            play.perform(action)
    app.pump([])
    return play


def problems_in(draws, buttons) -> list[str]:
    """Texts outside their box or the window, and overlaps among texts and button labels."""
    problems = [
        f"{d.text!r} at {tuple(d.rect)} leaves its box {tuple(d.box)}"
        for d in draws
        if _outside(d.rect, d.box) or d.rect.left < 0 or d.rect.right > d.surface_size[0]
    ]
    rects = [(d.rect, d.text) for d in draws] + buttons
    shrunk = [(r.inflate(-2 * SLACK, -2 * SLACK), t) for r, t in rects]
    for i, (a, ta) in enumerate(shrunk):
        problems += [f"{ta!r} overlaps {tb!r}" for b, tb in shrunk[i + 1 :] if a.colliderect(b)]
    return problems


def bar_problems(app, play) -> list[str]:
    """Problems of the texts and buttons above the board (the header and the goal bar)."""
    above = [d for d in recorded_draws(app) if d.rect.top < PLAY_AREA.top]
    problems, labels = button_problems(play.ui)
    bar_buttons = [i for i in play.ui.items if i.rect.bottom <= PLAY_AREA.top]
    problems = [p for p in problems if any(repr(b.label) in p for b in bar_buttons)]
    return problems + problems_in(
        above, [(r, t) for r, t, _ in labels if r.bottom <= PLAY_AREA.top]
    )


def tab_to(app, play, item) -> None:
    for _ in range(len(play.ui.items) + 1):
        if play.ui.focused is item:
            return
        app.pump([key(pygame.K_TAB)])
    raise AssertionError(f"could not reach {item.label!r} by Tab")


@pytest.mark.parametrize("language", ["en", "es"])
def test_goal_bar_and_header_at_200_percent(tmp_path, language):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    for cid in families(app):
        play = mid_play(app, cid)
        assert not bar_problems(app, play), f"{cid} ({language}):\n" + "\n".join(
            bar_problems(app, play)
        )
        if play.goal_button is not None:  # compact: Show goal opens it whole
            tab_to(app, play, play.goal_button)
            app.pump([key(pygame.K_RETURN)])
            assert play.goal_open
            panel = play.goal_layout()["panel"]
            texts = [d for d in recorded_draws(app) if d.box == panel]
            assert "".join(d.text for d in texts).startswith(play.goal_text())
            assert not problems_in(texts, []), f"{cid} ({language}) goal panel"
            app.pump([key(pygame.K_ESCAPE)])  # Escape closes the goal, not the challenge
            assert not play.goal_open and app.ctx.scenes.top is play
        app.ctx.scenes.pop()
        app.pump([])


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_100_percent_every_goal_is_whole_in_the_bar(tmp_path, language):
    app = make_app(tmp_path)
    app.ctx.settings.language = language
    app.apply_settings()
    for cid, challenge in app.ctx.content.challenges.items():
        for level in range(len(challenge.plan())):  # every level's brief, as it shows
            play = start_challenge(app, cid)
            if level:
                play.level_index = level
                play.rebuild()
                app.pump([])
            lay = play.goal_layout()
            assert lay["toggle"] is None and play.goal_button is None, (cid, level + 1)
            assert " ".join(lay["lines"]) == " ".join(play.goal_text().split()), (cid, level + 1)
            assert lay["bar"].bottom <= PLAY_AREA.top - 4
            assert not bar_problems(app, play), (cid, level + 1)
            app.ctx.scenes.pop()
            app.pump([])
