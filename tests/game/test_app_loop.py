"""The main loop: fixed logic steps whatever the frame time, drawing only when needed,
and idle periods recorded when the player comes back."""

import pygame

from game.app import STEP
from game.scene import Scene
from telemetry.xapi.decode import decode
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
    app.accumulator = 0.0  # start from a whole step
    drawn = scene.draws
    app.pump([], dt=10 * STEP + STEP / 2)
    assert scene.updates == 10  # ten fixed steps, remainder carried
    assert scene.draws == drawn  # nothing changed, nothing animates: no redraw
    app.pump([], dt=STEP / 2)
    assert scene.updates == 11
    scene.moving = True
    app.pump([], dt=0.0)
    assert scene.draws == drawn + 1  # animating scenes are drawn
    app.pump([], dt=1.0)
    assert scene.updates == 11 + 15  # a long stall is capped at 0.25 s of steps
    app.shutdown()


def test_a_minute_without_input_is_recorded_as_a_pause(tmp_path):
    """Issue 13 item 24: the loop notices the minute without input by itself (suspended,
    once), the next key ends the pause (resumed, with the whole idle time)."""
    app = make_app(tmp_path)
    now = [1000.0]
    app.ctx.clock = lambda: now[0]
    app.last_input = now[0]
    app.pump([key(pygame.K_TAB)])
    now[0] += 59.0
    app.pump([])

    def verbs() -> list[str]:
        return [
            s.verb
            for s in map(decode, app.ctx.recorder.statements())
            if s.activity == "worktown" and s.verb in ("suspended", "resumed", "progressed")
        ]

    assert verbs() == []
    now[0] += 2.0
    app.pump([])
    now[0] += 34.0
    app.pump([])  # still paused: not recorded twice
    assert verbs() == ["suspended"]
    app.pump([key(pygame.K_TAB)])
    assert verbs() == ["suspended", "resumed"]
    resumed = [s for s in map(decode, app.ctx.recorder.statements()) if s.verb == "resumed"][0]
    assert resumed.ext["idle_seconds"] == 95.0
    app.shutdown()


def test_a_shut_down_app_is_freed_though_events_were_left_in_the_queue(tmp_path):
    """Tests pump given events and never read pygame's queue, where pygame-gui posts its
    own (they hold the screens, the context, the App): shutdown drains it, so each App a
    test makes is freed (they leaked ~80 MB each at 200 % text, GBs over a test file)."""
    import gc
    import weakref

    from tests.helpers import start_challenge

    app = make_app(tmp_path)
    app.ctx.settings.text_scale = 2.0
    app.apply_settings()
    start_challenge(app, "r_wiring")
    assert pygame.event.peek(), "pygame-gui left events in the queue"
    app.shutdown()
    gone = weakref.ref(app)
    del app
    gc.collect()
    assert gone() is None
