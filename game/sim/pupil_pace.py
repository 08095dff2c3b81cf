"""How long a pupil takes to play a challenge, measured on the real board.

The simulated players of ``game.sim.bot`` spread a target time (the content's
``minutes``) over their actions, so their play time says nothing about the challenge.
This timer does not read ``minutes`` at all. It plays a challenge through the real App
with real clicks (``game.sim.drive``), every level and level card, and charges each step
what a person needs for it, from the screen itself:

- reading: the words on screen that were not there before, at ``READ_WPM`` (silent
  reading of 12-14 year-olds in their first language is about 150-200 words a minute);
- deciding: Hick-Hyman, ``DECIDE_S + DECIDE_PER_BIT_S * log2(options + 1)``, over the
  actions the board offers now;
- pointing: Fitts, ``POINT_S + POINT_PER_BIT_S * log2(distance / size + 1)``, from where
  the pointer was to the control (mouse figures of MacKenzie 1992, rounded up for pupils);
- looking at what happened: ``CHECK_S`` after each action.

The board's own clock runs through all of it (timed phases take their real time). The
figures are a floor for a pupil who knows what to do: pupils also explore, hesitate and
talk, so real times are longer, not shorter. Called by bench/play_time.py and tests;
touches only the App it is given.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

READ_WPM = 180.0
DECIDE_S, DECIDE_PER_BIT_S = 0.5, 0.3
POINT_S, POINT_PER_BIT_S = 0.2, 0.2
CHECK_S = 0.6
#: the clock step while time passes (a timed board sees time go by in these steps)
STEP_S = 0.1
MAX_STEPS = 2000


@dataclass
class PaceResult:
    """One timed play: seconds per level (the extra shift not included), actions done,
    and whether the challenge reached its result card."""

    challenge: str
    skill: float
    level_seconds: list[float] = field(default_factory=list)
    actions: int = 0
    words_read: int = 0
    finished: bool = False

    @property
    def minutes(self) -> float:
        return sum(self.level_seconds) / 60.0


class PupilPace:
    """Plays one challenge at a pupil's pace on ``app`` (a real App, player signed in)."""

    def __init__(self, app, skill: float, seed: int) -> None:
        self.app = app
        self.skill = skill
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self.pointer = (640, 400)
        self.level_clock = 0.0

    def play(self, challenge_id: str, difficulty: int = 2) -> PaceResult:
        from game.scenes.challenge_play import ChallengePlayScene

        app = self.app
        app.ctx.scenes.push(ChallengePlayScene(challenge_id, difficulty))
        app.pump([])
        play = app.ctx.scenes.top
        out = PaceResult(challenge_id, self.skill)
        for _ in range(MAX_STEPS):
            if play.reported:
                out.level_seconds.append(self.level_clock)
                out.finished = True
                break
            if play.card_showing:
                out.level_seconds.append(self.level_clock)
                self.level_clock = 0.0
                self._spend(play, self._read(play, out) + self._point(play, play.continue_button))
                play.next_level()
                app.pump([])
                continue
            reading = self._read(play, out)
            action = play.mechanic.bot_action(self.rng, self.skill)
            if action is None:
                self._spend(play, max(reading, 0.5))
                continue
            options = max(1, len(play.mechanic.actions()))
            decide = DECIDE_S + DECIDE_PER_BIT_S * math.log2(options + 1)
            self._spend(play, reading + decide)
            if play.mechanic.finished:
                continue
            from game.sim.drive import control_for, gesture, press_control

            item = control_for(play, action)
            if item is not None:
                self._spend(play, self._point(play, item))
                if not play.mechanic.finished:
                    press_control(app, play, item)
            elif not play.mechanic.finished:
                self._spend(play, POINT_S + POINT_PER_BIT_S * 2)
                if not gesture(app, play, action):  # a drop or a fader: the pointer's events
                    play.perform(action)
            app.pump([])
            out.actions += 1
            self._spend(play, CHECK_S)
        return out

    # -- the costs ----------------------------------------------------------------------
    def _read(self, play, out: PaceResult) -> float:
        """Seconds to read what is new on screen since the last look."""
        painter = self.app.ctx.painter
        painter.recorder = []
        try:
            self.app.dirty = True  # a still board is drawn too: this is a look
            self.app.pump([])
            texts = {d.text for d in painter.recorder}
        finally:
            painter.recorder = None
        new = texts - self.seen
        self.seen |= texts
        words = sum(len(t.split()) for t in new)
        out.words_read += words
        return words / READ_WPM * 60.0

    def _point(self, play, item) -> float:
        rect = play.ui.screen_rect(item)
        distance = math.dist(self.pointer, rect.center)
        self.pointer = rect.center
        size = max(8, min(rect.w, rect.h))
        return POINT_S + POINT_PER_BIT_S * math.log2(distance / size + 1)

    def _spend(self, play, seconds: float) -> None:
        """Let ``seconds`` pass on the board's clock (timed boards run on); once the level
        ends (a timed board may end it) the rest of the step never happens."""
        left = seconds
        while left > 1e-9 and not play.mechanic.finished:
            step = min(STEP_S, left)
            play.update(step)
            left -= step
            self.level_clock += step
