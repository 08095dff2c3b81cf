"""A simulated player that plays the real game headless.

A :class:`Bot` drives a real :class:`game.app.App` through the real scenes by calling
exactly the methods the UI buttons call (``TitleScene.new_player``, ``ConsentScene.agree``,
``TownScene.open_district`` ...; a challenge's actions are clicks on their controls
through ``App.handle``, see ``game.sim.drive``), so every statement it
leaves is recorded by the game itself, in the player's folder, as a human's would be.
Its decisions come from :class:`game.sim.synthetic_player.SyntheticPlayer` (the scorer's own
response model: an in-model regression figure) or from a given ``player`` such as
:class:`game.sim.personas.Persona` (response processes the scorer does not assume).

Time is simulated: the bot owns a :class:`SimClock`, installs it as ``ctx.clock`` (the
Horizons screen measures reading time with it) and advances it by a realistic amount
before each action (reading, thinking, playing). A challenge takes about its content
``minutes`` (log-normal noise), spread over the mechanic's actions; the mechanic's own
timers advance through the scene's ``update`` hook. The bot stops when the next action
would pass its budget of simulated minutes, mid-challenge if need be (the bell rang).
Statements are stamped in simulated time too (``recorder.wall_clock``), so a report of a
simulated player shows the minutes it played, not how fast the machine ran it.

How it walks the town is in :mod:`game.sim.bot_walk`, how it plays a challenge in
:mod:`game.sim.bot_play`. Called by ``game.commands.simulate`` and ``bench/validity.py``.
It may touch only the App it is given (its scene stack, context clock and rng) and the
player it creates.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from game.sim import bot_play, bot_walk
from game.sim.bot_play import MAX_ACTIONS
from game.sim.pacing import UPDATE_CHUNK, BotResult, Habits, OutOfTime, SimClock
from game.sim.synthetic_player import SyntheticPlayer
from zones.content import SHAPES

__all__ = ["Bot", "BotResult", "Habits", "OutOfTime", "SimClock", "MAX_ACTIONS"]


class Bot:
    """One simulated player. ``run(app)`` creates the player, plays, signs out."""

    def __init__(
        self,
        latent: Any,
        seed: int,
        minutes: float = 20.0,
        habits: Habits | None = None,
        player: Any = None,
    ) -> None:
        self.latent = np.asarray(latent, dtype=float).reshape(6)
        self.seed = int(seed)
        self.minutes = float(minutes)
        self.habits = habits or Habits()
        self.rng = random.Random(self.seed)
        self.clock = SimClock()
        # the decisions: the scorer's own response model by default (in-model), or a
        # ``game.sim.personas.Persona`` whose response process the scorer does not assume
        self.player = (
            player
            if player is not None
            else SyntheticPlayer(self.latent, np.random.default_rng(self.seed))
        )
        if hasattr(self.player, "clock"):
            self.player.clock = self.clock
        self.app: Any = None
        self.result: BotResult | None = None

    # -- plumbing -----------------------------------------------------------------------
    @property
    def ctx(self):
        return self.app.ctx

    @property
    def run_result(self) -> BotResult:
        """The result of the lesson :meth:`run` is playing (its steps add to it)."""
        assert self.result is not None, "a bot step called outside run()"
        return self.result

    @property
    def top(self):
        return self.ctx.scenes.top

    def _mark(self) -> None:
        rec = self.ctx.recorder
        if rec is not None and self.result is not None:
            self.result.timeline.append((self.clock.now, rec.recorded_count))

    def wait(self, seconds: float) -> None:
        """Let ``seconds`` of simulated time pass (reading, thinking); the top scene's
        ``update`` runs for it in small chunks. Raises :class:`OutOfTime` past the budget."""
        seconds = max(0.0, float(seconds))
        if self.clock.now + seconds > self.minutes * 60.0:
            self.clock.now = self.minutes * 60.0
            raise OutOfTime
        left = seconds
        while left > 1e-9:
            step = min(UPDATE_CHUNK, left)
            self.clock.now += step
            left -= step
            top = self.top
            if top is not None and hasattr(top, "mechanic"):
                top.update(step)
                if top.mechanic.finished:
                    self.clock.now += left
                    break

    def act(self, seconds: float, fn, *args) -> Any:
        """Wait ``seconds``, then do what a button does, then note the statement count."""
        self.wait(seconds)
        out = fn(*args)
        self._mark()
        return out

    def span(self, bounds: tuple[float, float]) -> float:
        return self.rng.uniform(*bounds)

    def theta(self, letter: str) -> float:
        return self.player.theta(letter)

    # -- the session --------------------------------------------------------------------
    def run(self, app) -> BotResult:
        """Play one lesson of ``minutes`` on ``app`` (a fresh title screen is pushed)."""
        from game.scenes.title import TitleScene

        self.app = app
        app.ctx.clock = self.clock
        app.ctx.rng = random.Random(self.seed)
        app.ctx.scenes.clear_to(TitleScene())
        self.result = BotResult("", self.latent.tolist(), self.minutes)
        try:
            self.act(self.span((4, 10)), self.top.new_player)
            self.act(self.span((15, 30)), self.top.agree)
            scene = self.top
            self.result.code = scene.code
            self.act(self.span((10, 25)), scene.choose_shape, self.rng.choice(_shapes()))
            self.act(self.span((2, 6)), scene.start)
            if self.ctx.recorder is None:
                raise RuntimeError("the bot could not sign in")
            started = _wall_time() - self.clock.now
            self.ctx.recorder.wall_clock = lambda: started + self.clock.now  # simulated time
            self._mark()
            self.job_board()
            while True:
                self.hub_turn()
        except OutOfTime:
            pass
        self.finish()
        return self.result

    def finish(self) -> None:
        """The lesson ends: leave every scene (they save), end the session, sign out."""
        from game.flow import sign_out

        rec = self.ctx.recorder
        if rec is not None:
            self.run_result.statements = rec.statements()
        self.ctx.scenes.clear()
        sign_out(self.ctx)
        self.ctx.player = None
        self.ctx.clock = _monotonic()

    # -- the hub ------------------------------------------------------------------------
    def hub_turn(self) -> None:
        """At the hub: sometimes the Network Café, otherwise a free choice of district."""
        from game.scenes.town import TownScene

        hub = self.top
        if not isinstance(hub, TownScene):  # e.g. resumed into a district
            self.district_turn()
            return
        content = self.ctx.content
        if self.rng.random() < self.habits.cafe_visit:
            cafe = content.landmark_id("networks")
            if cafe is not None:
                self.act(self.span(self.habits.hub_seconds), hub.open_landmark, cafe)
                self.cafe_turn()
                return
        done = self.ctx.player.challenges
        fresh = {
            d.id: d.riasec for d in content.districts if any(c not in done for c in d.challenges)
        }
        options = fresh or {d.id: d.riasec for d in content.districts}
        choice = self.player.choose_option(options)
        walked = self.habits.walk_the_town and self.walk_to_board(hub, choice)
        if walked and getattr(self.top, "name", "") not in ("district", "quick_question"):
            while len(self.ctx.scenes) > 1 and self.top is not hub:  # a door on the way opened
                self.act(self.span((1, 3)), self.ctx.scenes.pop)  # something else: back out
            walked = False
        if not walked:
            self.act(self.span(self.habits.hub_seconds), hub.open_district, choice)
        self.quick_question()
        self.district_turn()

    # -- walking the town ---------------------------------------------------------------
    def walk_to_board(self, hub, district_id: str) -> bool:
        """Walk to the quarter's notice board (:func:`game.sim.bot_walk.walk_to_board`)."""
        return bot_walk.walk_to_board(self, hub, district_id)

    def walk_tick(self, hub) -> None:
        """One step of walking time (:func:`game.sim.bot_walk.walk_tick`)."""
        bot_walk.walk_tick(self, hub)

    def job_board(self) -> None:
        """A new player's odd-jobs board: answer the cards (an activity item each); now and
        then a bot has had enough and goes to explore the town (``leave_board_per_card``)."""
        from game.scenes.job_board import JobBoardScene

        board = self.top
        while isinstance(board, JobBoardScene) and (
            board.current is not None or board.pending_pair is not None
        ):
            if board.pending_pair is not None:  # "which would you rather do?"
                self.act(
                    self.span(self.habits.item_seconds),
                    board.choose_pair,
                    self._pick_pair(board.pending_pair),
                )
                continue
            if self.rng.random() < self.habits.leave_board_per_card:
                self.act(self.span((1, 3)), board.later)  # "explore the town now"
                return
            item = self.ctx.content.items[board.current]
            value = self.player.answer_item(item.riasec, item.id)
            self.act(self.span(self.habits.item_seconds), board.answer, value)
            self.run_result.items += 1

    def quick_question(self) -> None:
        """Answer the mentor's quick questions when walking into a district."""
        from game.scenes.quick_question import QuickQuestionScene

        scene = self.top
        while isinstance(scene, QuickQuestionScene):
            value = self.player.answer_item(scene.item.riasec, scene.item.id)
            self.act(self.span(self.habits.item_seconds), scene.answer, value)
            self.run_result.items += 1
            scene = self.top

    def cafe_turn(self) -> None:
        cafe = self.top
        content = self.ctx.content
        mentors = {content.mentor_of(d.id).id: d.riasec for d in content.districts}
        mentor_id = self.player.choose_option(mentors)
        self.act(self.span((5, 12)), cafe.talk, mentor_id)
        self.mentor_turn(first_question=True)
        self.act(self.span((1, 3)), self.top.back)  # mentor → café
        self.act(self.span((1, 3)), self.top.back)  # café → hub

    def district_turn(self) -> None:
        """In a district: maybe chat with its mentor, then play a challenge or leave."""
        district_scene = self.top
        district = district_scene.district
        letter = district.riasec
        if self.rng.random() < self.habits.chat_in_district:
            self.act(self.span(self.habits.district_seconds), district_scene.chat)
            self.mentor_turn(first_question=True)
            self.act(self.span((1, 3)), self.top.back)
        done = self.ctx.player.challenges
        new = [c for c in district.challenges if c not in done]
        old = [c for c in district.challenges if c in done]
        if old and self.player.wants_replay(letter):
            cid = self.rng.choice(old)
        elif new:
            cid = self.rng.choice(new)
        else:
            self.act(self.span((2, 5)), district_scene.back)
            return
        self.act(self.span(self.habits.district_seconds), district_scene.choose, cid)
        try:
            bot_play.play_challenge(self, cid, letter)
        except bot_play.Abandoned:
            pass
        # back in the district (Horizons → town resumes there): stay or go to the hub
        district_scene = self.top
        if not hasattr(district_scene, "district"):
            return
        new = [c for c in district.challenges if c not in self.ctx.player.challenges]
        stay = self.habits.stay_in_district * 2 * bot_play.logistic(self.theta(letter))
        if new and self.rng.random() < stay:
            self.district_turn()
        else:
            self.act(self.span((2, 5)), district_scene.back)

    # -- one challenge ------------------------------------------------------------------

    def play_mechanic(self, seconds: float, letter: str) -> None:
        """Act until the mechanic finishes (:func:`game.sim.bot_play.play_mechanic`; a
        method so that a bot's subclass may change how long a challenge takes)."""
        bot_play.play_mechanic(self, seconds, letter)

    def _pick_pair(self, pair: tuple[str, str]) -> str:
        """The bot's pick of a "which would you rather do?" pair (its choice process)."""
        items = self.ctx.content.items
        return self.player.choose_option({i: items[i].riasec for i in pair})

    # -- mentors ------------------------------------------------------------------------
    def mentor_turn(self, first_question: bool) -> None:
        """Ask one question (and answer the item the mentor asks back), maybe more."""
        scene = self.top
        asked: list[str] = []
        while True:
            questions = [q.id for q in scene.mentor.questions if q.id not in asked] or [
                q.id for q in scene.mentor.questions
            ]
            qid = self.rng.choice(questions)
            asked.append(qid)
            self.act(self.span((3, 7)), scene.ask, qid)
            self.wait(self.span(self.habits.mentor_answer_seconds))
            if scene.pending_item:
                item = self.ctx.content.items[scene.pending_item]
                value = self.player.answer_item(item.riasec, item.id)
                self.act(self.span(self.habits.item_seconds), scene.answer_item, value)
                self.run_result.items += 1
            elif getattr(scene, "pending_pair", None):
                self.act(
                    self.span(self.habits.item_seconds),
                    scene.answer_pair,
                    self._pick_pair(scene.pending_pair),
                )
            if self.rng.random() >= self.habits.more_questions or len(asked) >= 4:
                return


def _shapes() -> tuple[str, ...]:
    return tuple(SHAPES)


def _wall_time() -> float:
    import time

    return time.time()


def _monotonic():
    import time

    return time.monotonic
