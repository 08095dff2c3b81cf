"""Play a challenge: its levels one after another (tutorial, real job, twist), each a
fresh mechanic built with that level's params at a difficulty that follows how the last
level went; a level card between levels; at the end the result card (stars, personal
best, what a real worker does next) with the same extra-shift offer for every challenge
(voluntary persistence); then the reflection. What is recorded is
``game.challenge_record``; the cards are drawn by ``game.widgets.result_card``.

At 100 % text the board fills ``PLAY_AREA``. At larger text a board lays its text out
at the chosen size and grows downwards (``mechanic.bottom``); the screen is then a
scrolling page (the goal bar and the board scroll under the header, focus scrolls to
the control it moves to, Page Up / Page Down and the wheel scroll too)."""

from __future__ import annotations

import random

import pygame

from game import challenge_record
from game.ui_scene import HEADER_H, Kit, UiScene
from game.widgets import goal_bar, result_card
from game.world.sound import TownSound
from zones.challenges.registry import MECHANICS

PLAY_AREA = pygame.Rect(40, HEADER_H + 70, 1200, 570)
#: how long a mechanic's success / fail / warning cue shows (seconds)
CUE_SECONDS = 1.2
#: a level scoring at least this makes the next one harder; below ``EASIER`` easier
HARDER, EASIER = 0.85, 0.5


def next_difficulty(difficulty: int, score: float) -> int:
    """The difficulty of the next level after one that scored ``score`` (1-3)."""
    step = 1 if score >= HARDER else -1 if score < EASIER else 0
    return max(1, min(3, difficulty + step))


class ChallengePlayScene(UiScene):
    name = "challenge_play"
    show_back = False

    def __init__(self, challenge_id: str, difficulty: int, extra_round: bool = False) -> None:
        super().__init__()
        self.challenge_id = challenge_id
        self.difficulty = difficulty
        self.extra_round = extra_round
        self.reported = False
        self.last_progress = 0.0
        self.goal_open = False
        self.board_area = PLAY_AREA
        self.level_index = 0
        #: one MechanicResult per level played to its end
        self.level_results: list = []
        self.level_seconds = 0.0
        self.cue = ("", 0.0)

    def new_layer(self, scroll: int = 0):
        """A scrolling page when the text is larger than 100 % (boards may grow taller)."""
        self.scrolls = self.ctx.painter.fonts.scale > 1.0
        return super().new_layer(scroll if self.scrolls else 0)

    def enter(self, ctx) -> None:
        self.challenge = ctx.content.challenges[self.challenge_id]
        self.riasec = ctx.content.riasec_of(self.challenge_id)
        record = ctx.player.challenges.get(self.challenge_id) if ctx.player else None
        self.replay = bool(record and record.plays > 0)
        self.best_before = record.best_score if record and record.plays else None
        self.plan = (self.challenge.shift(),) if self.extra_round else self.challenge.plan()
        self.sound = ctx.sound or TownSound(lambda: ctx.settings)
        self.mechanic = self._new_mechanic(ctx)
        super().enter(ctx)
        challenge_record.started(self)
        self._level_started()

    # -- levels -------------------------------------------------------------------------
    @property
    def level(self):
        return self.plan[self.level_index]

    @property
    def has_levels(self) -> bool:
        return len(self.plan) > 1

    @property
    def level_done(self) -> bool:
        """The current level is over and its card (or the result card) shows."""
        return len(self.level_results) > self.level_index

    @property
    def card_showing(self) -> bool:
        return self.mechanic.finished and self.level_done

    def _new_mechanic(self, ctx):
        mechanic_class = MECHANICS[self.challenge.mechanic]
        return mechanic_class(
            self.level.params, self.difficulty, Kit(self), random.Random(ctx.rng.random())
        )

    def _level_started(self) -> None:
        self.last_progress = 0.0
        if self.has_levels:
            challenge_record.level_started(self)

    def next_level(self) -> None:
        """The level card's *Next level* button: the next level's board at the new difficulty."""
        if not self.level_done or self.level_index + 1 >= len(self.plan):
            return
        self.level_index += 1
        self.mechanic = self._new_mechanic(self.ctx)
        self.goal_open = False
        self._level_started()
        self.rebuild()

    def _level_finished(self) -> None:
        """Called once when a level's mechanic finishes: its statement, the next difficulty,
        then the level card, or (after the last level) the challenge's end."""
        result = self.mechanic.result()
        self.level_results.append(result)
        self.level_seconds += self.mechanic.elapsed
        if self.has_levels:
            challenge_record.level_completed(self, result)
        if self.level_index + 1 < len(self.plan):
            self.difficulty = next_difficulty(self.difficulty, result.score)
            if self.ctx.recorder is not None:
                self.ctx.recorder.checkpoint()
            self._build_card_buttons()
            return
        self._finish()

    def overall(self):
        """The challenge's result: the levels' mean score and accuracy; a success when most
        levels were (the last one counts double: it is the hardest)."""
        from zones.challenges.base import MechanicResult

        results = self.level_results
        weights = [1.0] * (len(results) - 1) + [2.0] if results else []
        total = sum(weights) or 1.0
        score = sum(w * r.score for w, r in zip(weights, results, strict=True)) / total
        accuracy = sum(w * r.accuracy for w, r in zip(weights, results, strict=True)) / total
        success = sum(w for w, r in zip(weights, results, strict=True) if r.success) >= total / 2
        details = {"levels": [round(r.score, 3) for r in results]}
        for r in results:
            for key, value in r.details.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    details[key] = details.get(key, 0) + value
        return MechanicResult(success, round(score, 4), round(accuracy, 4), details)

    # -- building -----------------------------------------------------------------------
    def header_title(self) -> str:
        return self.ctx.pick(self.challenge.title)

    def build(self) -> None:
        if self.card_showing:
            self._build_card_buttons()
            return
        self.mechanic.bottom = 0
        self.mechanic.build(PLAY_AREA)
        self.board_area = pygame.Rect(
            PLAY_AREA.x,
            PLAY_AREA.y,
            PLAY_AREA.w,
            max(PLAY_AREA.h, self.mechanic.bottom - PLAY_AREA.y),
        )
        lay = self.goal_layout()
        self.goal_button = None
        if lay["toggle"] is not None:
            label = self.ctx.t("challenge.hide_goal" if self.goal_open else "challenge.show_goal")
            self.goal_button = self.ui.button(lay["toggle"], label, self.toggle_goal, "@small")
        else:
            self.goal_open = False
        self.ui.button(lay["stop"], self.ctx.t("challenge.stop"), self.stop, "@small")

    # -- the goal bar -------------------------------------------------------------------
    def goal_text(self) -> str:
        if self.has_levels or self.extra_round:
            return self.ctx.pick(self.level.brief)
        return self.ctx.t("challenge.goal", goal=self.ctx.pick(self.challenge.goal))

    def info_text(self) -> str:
        parts = []
        if self.has_levels:
            parts.append(
                self.ctx.t("challenge.level_of", n=self.level_index + 1, total=len(self.plan))
            )
        # the level on the board's difficulty (after a level, self.difficulty is the next one's)
        parts.append(self.ctx.t(f"difficulty.{self.mechanic.difficulty}"))
        if self.extra_round:
            parts.append(self.ctx.t("challenge.extra_badge"))
        return " · ".join(parts)

    def goal_layout(self) -> dict:
        labels = (self.ctx.t("challenge.show_goal"), self.ctx.t("challenge.hide_goal"))
        return goal_bar.layout(self.ctx, self.goal_text(), self.info_text(), PLAY_AREA, labels)

    def toggle_goal(self) -> None:
        """The *Show goal* button (large text): the whole goal in a panel over the board."""
        self.goal_open = not self.goal_open
        if self.goal_button is not None:
            self.goal_button.set_text(
                self.ctx.t("challenge.hide_goal" if self.goal_open else "challenge.show_goal")
            )

    # -- the cards ----------------------------------------------------------------------
    def _final(self) -> bool:
        return self.reported

    def card_texts(self) -> tuple[str, list[tuple[str, int, bool]], list[tuple[str, str]]]:
        """What the card showing now says (:func:`game.widgets.result_card.card_texts`)."""
        return result_card.card_texts(self)

    def best_line(self) -> str:
        """'New personal best!' or the best so far, for a challenge played before."""
        return result_card.best_line(self)

    def end_card(self) -> dict:
        """The card showing now, laid out (:func:`game.widgets.result_card.end_card`)."""
        return result_card.end_card(self)

    def score_line(self, result=None, seconds: float | None = None) -> str:
        return result_card.score_line(self, result, seconds)

    def _build_card_buttons(self) -> None:
        self.ui.kill()
        self.ui.set_scroll(0)  # the card is laid out for the window
        lay = self.end_card()
        buttons, labels = lay["buttons"], lay["labels"]
        if not self._final():
            self.continue_button = self.ui.button(
                buttons[0], labels[0][0], self.next_level, "@primary"
            )
            self.ui.button(buttons[1], labels[1][0], self.stop_now)
        else:
            self.continue_button = self.ui.button(
                buttons[0], labels[0][0], self.to_reflection, "@primary"
            )
            if not self.extra_round:
                self.ui.button(buttons[1], labels[1][0], self.play_extra)
        self.ui.focus(self.continue_button)

    # -- flow ---------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if not self.mechanic.finished:
            self.mechanic.update(dt)
        if self.cue[1] > 0:
            self.cue = (self.cue[0], max(0.0, self.cue[1] - dt))
        self._settle()

    def perform(self, action) -> None:
        """Tests of one mechanic's rules act through here (the bot and the UI go through
        ``handle_event``); the same settling follows."""
        self.mechanic.perform(action)
        self._settle()

    def _settle(self) -> None:
        """Called after every event, action and step: the mechanic's queued events become
        statements, then (once per level) a finished level is reported, so the last
        action's statements always come before ``completed``, whichever way it was done."""
        if not self.entered or self.ctx.scenes.top is not self:
            return
        challenge_record.mechanic_events(self)
        if self.mechanic.finished and not self.level_done:
            self._level_finished()

    def show_cue(self, name: str) -> None:
        """A mechanic's feedback: its sound, and its word in the goal bar in place of the
        goal (a word, never colour alone; the bar keeps its layout, so nothing on the board
        is covered) for ``CUE_SECONDS``; a tick only sounds."""
        self.sound.cue(name)
        if name in ("success", "fail", "warning"):
            self.cue = (name, CUE_SECONDS)

    def _finish(self) -> None:
        if self.reported:
            return
        self.reported = True
        result = self.overall()
        self.result = result
        challenge_record.completed(self, result)
        player = self.ctx.player
        if player is not None:
            from game.save import ChallengeRecord

            record = player.challenges.setdefault(self.challenge_id, ChallengeRecord())
            record.plays += 1
            record.last_score = result.score
            record.best_score = max(record.best_score, result.score)
            record.difficulty = self.difficulty
            self.ctx.save_player()
        if self.ctx.recorder is not None:
            self.ctx.recorder.checkpoint()
        self._build_card_buttons()

    def stop(self) -> None:
        """The Stop button or Escape. On the result card nothing is lost: on to the
        reflection; on a level card, the same as *Stop here*. Mid-level with something
        done, ask once first (issue 13 item 18)."""
        if self.card_showing:
            if self.reported:
                self.to_reflection()
            else:
                self.stop_now()
            return
        if (
            self.level_results
            or self.last_progress > 0
            or self.mechanic.progress > 0
            or self.mechanic.hints_used
        ):
            question = "confirm.stop_extra_q" if self.extra_round else "confirm.stop_q"
            self.ctx.scenes.go(
                "confirm",
                question_key=question,
                yes_key="confirm.stop",
                no_key="confirm.keep",
                on_yes=self.stop_now,
            )
            return
        self.stop_now()

    def stop_now(self) -> None:
        """Leave unfinished: recorded as skipped with how far the pupil got. After an extra
        round or a finished level, on to the reflection (there is something to reflect on);
        a first level left early goes back to the district."""
        progress = self.mechanic.progress if not self.level_done else 1.0
        challenge_record.skipped(self, progress)
        if self.extra_round or self.level_results:
            self.ctx.scenes.replace("reflection", challenge_id=self.challenge_id)
        else:
            self.ctx.scenes.replace("district", district_id=self.challenge.district)

    def play_extra(self) -> None:
        """The result card's extra-shift button (the same offer in every challenge)."""
        self.ctx.scenes.replace(
            "challenge_play",
            challenge_id=self.challenge_id,
            difficulty=min(3, self.difficulty + 1),
            extra_round=True,
        )

    def to_reflection(self) -> None:
        if not self.extra_round:
            challenge_record.extra_declined(self)
        self.ctx.scenes.replace("reflection", challenge_id=self.challenge_id)

    def describe_board(self) -> list[str]:
        """What a sighted pupil reads now, as sentences (the "read the board" key): the
        level and its brief, then the board's state from the mechanic, or the card."""
        if self.card_showing:
            head, lines, labels = self.card_texts()
            return [head, *(text for text, _, _ in lines), *(label for label, _ in labels)]
        describe = getattr(self.mechanic, "describe", None)
        board = list(describe()) if callable(describe) else []
        return [self.info_text(), self.goal_text(), *board]

    # -- events and drawing -------------------------------------------------------------
    def on_event(self, event: pygame.event.Event) -> None:
        if not self.mechanic.finished:
            self.mechanic.handle_event(event)

    def handle_event(self, event: pygame.event.Event) -> None:
        """Every input event (the UI's pygame-gui buttons ran their commands just before,
        in ``App.handle``); whatever it did is settled at the end."""
        try:
            if self.goal_open and self._closes_goal(event):
                self.toggle_goal()
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.stop()
                return
            if self.ui.handle_event(event):
                return
            self.on_event(event)
        finally:
            self._settle()

    def _closes_goal(self, event: pygame.event.Event) -> bool:
        """Escape, or a click anywhere but the toggle itself, closes the open goal."""
        if event.type == pygame.KEYDOWN:
            return event.key == pygame.K_ESCAPE
        return (
            event.type == pygame.MOUSEBUTTONDOWN
            and self.goal_button is not None
            and not self.goal_button.rect.collidepoint(event.pos)
        )

    @property
    def animating(self) -> bool:
        return self.mechanic.animating or self.cue[1] > 0

    def draw_content(self, surface: pygame.Surface) -> int:
        """The goal bar, the board and (between levels and at the end) the card; returns
        the page's bottom (the board's, or the window's once a card shows)."""
        lay = self.goal_layout()
        if self.cue[1] > 0 and not self.card_showing:
            word = self.ctx.t(f"challenge.cue_{self.cue[0]}")
            goal_bar.draw(self.ctx, surface, {**lay, "lines": [word]}, self.info_text())
        else:
            goal_bar.draw(self.ctx, surface, lay, self.info_text())
        self.mechanic.draw(surface, self.board_area)
        if self.goal_open and lay["panel"] is not None and not self.mechanic.finished:
            goal_bar.draw_panel(self.ctx, surface, lay, self.goal_text(), self.info_text())
        if not self.card_showing:
            return max(self.board_area.bottom, self.mechanic.bottom)  # a board may grow as it plays
        window = pygame.Rect((0, 0), self.ctx.size).clip(surface.get_rect())
        self.ctx.painter.veil(surface.subsurface(window), (20, 20, 40, 150))
        result_card.draw_card(self, surface)
        return self.ctx.size[1] - 24
