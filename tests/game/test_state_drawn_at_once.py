"""Issue 13 item 16: whatever changes the screen is drawn within one iteration of the
real loop (``App.loop_once``, which blocks on the event queue while nothing animates):
the step that ends an animation (a background job done) and a click that finishes a
challenge are on screen before any further input."""

import threading
import time

import pygame

from game.scene import Scene
from game.sim.drive import control_for
from tests.helpers import make_app, start_challenge
from zones.challenges.base import Action

BUSY, DONE = (200, 40, 40), (40, 200, 40)


class Working(Scene):
    """Like the teacher panel: 'Working…' while a job runs, the result when it is done."""

    name = "working"

    def __init__(self):
        super().__init__()
        self.job = threading.Event()
        self.waiting = True
        self.colour = BUSY

    def update(self, dt):
        if self.waiting and self.job.is_set():
            self.waiting = False
            self.colour = DONE

    @property
    def animating(self):
        return self.waiting

    def draw(self, surface):
        surface.fill(self.colour)


def test_the_step_that_ends_a_job_is_drawn_without_input(tmp_path):
    app = make_app(tmp_path)
    scene = Working()
    app.ctx.scenes.push(scene)
    clock = pygame.time.Clock()
    pygame.event.clear()
    for _ in range(3):
        app.loop_once(clock)
    assert app.screen.get_at((5, 5))[:3] == BUSY
    scene.job.set()
    time.sleep(0.02)  # a logic step is due (tick(60) rounds to whole ms)
    app.loop_once(clock)  # no event in the queue at all
    assert not scene.animating
    assert app.screen.get_at((5, 5))[:3] == DONE
    app.shutdown()


def _screen_is_current(app) -> bool:
    shown = app.screen.copy()
    app.draw()
    return pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(app.screen, "RGB")


def test_finish_design_shows_the_result_card_in_the_same_frame(tmp_path):
    app = make_app(tmp_path)
    cid = next(c for c, ch in sorted(app.ctx.content.challenges.items()) if ch.mechanic == "design")
    play = start_challenge(app, cid)
    clock = pygame.time.Clock()
    for _ in range(200):  # do the design by the bot's choices
        if play.mechanic.can_finish:
            break
        action = play.mechanic.bot_action(app.ctx.rng, 1.0)
        if action is not None and action.kind != "finish":
            play.perform(action)
    finish = control_for(play, Action("finish"))
    assert finish is not None
    pos = play.ui.screen_rect(finish).center
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
    app.loop_once(clock)
    assert play.card_showing  # the level (or result) card, not the board
    card = "challenge.continue" if play.reported else "challenge.next_level"
    assert app.ctx.t(card) in [i.label for i in play.ui.items]
    assert _screen_is_current(app)
    app.loop_once(clock)  # and nothing more waits for a key
    assert _screen_is_current(app)
    app.shutdown()
