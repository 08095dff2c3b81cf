"""The main loop: fixed logic steps whatever the frame time, drawing only when needed,
and idle periods recorded when the player comes back."""

import pygame

from game.app import STEP
from game.scene import Scene
from telemetry.evidence import short_names
from tests.helpers import key, make_app


class Counting(Scene):
    name = "counting"

    def __init__(self):
        super().__init__()
        self.updates = 0
        self.draws = 0
        self.moving = False

    def update(self, dt):
        assert dt == STEP
        self.updates += 1

    def draw(self, surface):
        self.draws += 1

    @property
    def animating(self):
        return self.moving


def test_fixed_steps_and_draw_only_when_needed(tmp_path):
    app = make_app(tmp_path)
    scene = Counting()
    app.ctx.scenes.push(scene)
    app.pump([], dt=0.0)
    app.accumulator = 0.0                      # start from a whole step
    drawn = scene.draws
    app.pump([], dt=10 * STEP + STEP / 2)
    assert scene.updates == 10                 # ten fixed steps, remainder carried
    assert scene.draws == drawn                # nothing changed, nothing animates: no redraw
    app.pump([], dt=STEP / 2)
    assert scene.updates == 11
    scene.moving = True
    app.pump([], dt=0.0)
    assert scene.draws == drawn + 1            # animating scenes are drawn
    app.pump([], dt=1.0)
    assert scene.updates == 11 + 15            # a long stall is capped at 0.25 s of steps
    app.shutdown()


def test_idle_period_is_recorded_on_return(tmp_path):
    app = make_app(tmp_path)
    now = [1000.0]
    app.ctx.clock = lambda: now[0]
    app.last_input = now[0]
    app.pump([key(pygame.K_TAB)])
    now[0] += 95.0
    app.pump([key(pygame.K_TAB)])
    idle = [s for s in map(short_names, app.ctx.recorder.statements()) if "idle_seconds" in s.ext]
    assert len(idle) == 1 and idle[0].ext["idle_seconds"] == 95.0
    app.shutdown()
