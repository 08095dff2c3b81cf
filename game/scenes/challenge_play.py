"""Play a challenge: hosts its mechanic, turns mechanic events into telemetry, offers
an optional extra round at the end (voluntary persistence), then goes to reflection.

At 100 % text the board fills ``PLAY_AREA``. At larger text a board lays its text out
at the chosen size and grows downwards (``mechanic.bottom``); the screen is then a
scrolling page (the goal bar and the board scroll under the header, focus scrolls to
the control it moves to, Page Up / Page Down and the wheel scroll too)."""

from __future__ import annotations

import random

import pygame

from game import art
from game.ui_scene import HEADER_H, Kit, UiScene
from game.widgets import goal_bar
from zones.challenges.registry import MECHANICS

PLAY_AREA = pygame.Rect(40, HEADER_H + 70, 1200, 570)


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

    def new_layer(self, scroll: int = 0):
        """A scrolling page when the text is larger than 100 % (boards may grow taller)."""
        self.scrolls = self.ctx.painter.fonts.scale > 1.0
        return super().new_layer(scroll if self.scrolls else 0)

    def enter(self, ctx) -> None:
        self.challenge = ctx.content.challenges[self.challenge_id]
        self.riasec = ctx.content.riasec_of(self.challenge_id)
        record = ctx.player.challenges.get(self.challenge_id) if ctx.player else None
        self.replay = bool(record and record.plays > 0)
        mechanic_class = MECHANICS[self.challenge.mechanic]
        self.mechanic = mechanic_class(self.challenge.params, self.difficulty, Kit(self), random.Random(ctx.rng.random()))
        super().enter(ctx)
        activity_type = "level" if self.extra_round else "quest"
        ctx.record("initialized", activity_type, self._activity_id(),
                   extensions={"riasec": self.riasec, "difficulty": self.difficulty, "replay": self.replay,
                               "extra_round": self.extra_round})

    def _activity_id(self) -> str:
        return f"challenge/{self.challenge_id}" + ("/extra" if self.extra_round else "")

    def header_title(self) -> str:
        return self.ctx.pick(self.challenge.title)

    def build(self) -> None:
        if self.mechanic.finished:
            self._build_end_buttons()
            return
        self.mechanic.bottom = 0
        self.mechanic.build(PLAY_AREA)
        self.board_area = pygame.Rect(PLAY_AREA.x, PLAY_AREA.y, PLAY_AREA.w,
                                      max(PLAY_AREA.h, self.mechanic.bottom - PLAY_AREA.y))
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
        return self.ctx.t("challenge.goal", goal=self.ctx.pick(self.challenge.goal))

    def info_text(self) -> str:
        return self.ctx.t(f"difficulty.{self.difficulty}") + (
            " · " + self.ctx.t("challenge.extra_badge") if self.extra_round else "")

    def goal_layout(self) -> dict:
        labels = (self.ctx.t("challenge.show_goal"), self.ctx.t("challenge.hide_goal"))
        return goal_bar.layout(self.ctx, self.goal_text(), self.info_text(), PLAY_AREA, labels)

    def toggle_goal(self) -> None:
        """The *Show goal* button (large text): the whole goal in a panel over the board."""
        self.goal_open = not self.goal_open
        if self.goal_button is not None:
            self.goal_button.set_text(self.ctx.t("challenge.hide_goal" if self.goal_open else "challenge.show_goal"))

    def end_card(self) -> dict:
        """The result card (as tall as its text, centred below the header), the y of each
        line and the two buttons (side by side, or stacked when they do not fit)."""
        p = self.ctx.painter
        t = self.ctx.t
        result = getattr(self, "result", None)
        card = pygame.Rect(0, 0, min(1100, int(680 + 420 * (p.fonts.scale - 1))), 0)
        card.centerx = 640
        inner = card.w - 60
        head = t("challenge.well_done" if result is None or result.success else "challenge.good_try")
        stars_y = max(130, 30 + p.height(head, 34, inner, True) + 50)
        score_y = max(190, stars_y + 60)
        offer_y = max(250, score_y + p.height(self.score_line(), 20, inner) + 16)
        y = max(330, offer_y + p.height(t("challenge.extra_offer"), 17, inner) + 24)
        labels = [(t("challenge.continue"), "@primary")]
        if not self.extra_round:
            labels.append((t("challenge.extra_round"), "@default"))
        buttons = [pygame.Rect(0, y, min(inner, max(280, p.button_w(label, style))),
                               max(60, p.button_h(style))) for label, style in labels]
        if sum(b.w for b in buttons) + 20 * (len(buttons) - 1) <= inner:
            x = card.centerx - (sum(b.w for b in buttons) + 20 * (len(buttons) - 1)) // 2
            for b in buttons:
                b.x, x = x, x + b.w + 20
        else:
            for i, b in enumerate(buttons):
                b.centerx = card.centerx
                if i:
                    b.y = buttons[i - 1].bottom + 16
        card.h = buttons[-1].bottom + 30
        card.y = max(HEADER_H + 8, 400 - card.h // 2)
        for b in buttons:
            b.y += card.y
        return {"card": card, "head": head, "stars_y": card.y + stars_y, "score_y": card.y + score_y,
                "offer_y": card.y + offer_y, "buttons": buttons}

    def score_line(self) -> str:
        result = getattr(self, "result", None)
        if result is None:
            return ""
        return self.ctx.t("challenge.score_line", score=round(result.score * 100), accuracy=round(result.accuracy * 100),
                          seconds=int(self.mechanic.elapsed))

    def _build_end_buttons(self) -> None:
        self.ui.kill()
        self.ui.set_scroll(0)                 # the result card is laid out for the window
        buttons = self.end_card()["buttons"]
        self.continue_button = self.ui.button(buttons[0], self.ctx.t("challenge.continue"),
                                              self.to_reflection, "@primary")
        if not self.extra_round:
            self.ui.button(buttons[1], self.ctx.t("challenge.extra_round"), self.play_extra)
        self.ui.focus(self.continue_button)

    # -- flow ---------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if not self.mechanic.finished:
            self.mechanic.update(dt)
        self._settle()

    def perform(self, action) -> None:
        """Tests of one mechanic's rules act through here (the bot and the UI go through
        ``handle_event``); the same settling follows."""
        self.mechanic.perform(action)
        self._settle()

    def _settle(self) -> None:
        """Called after every event, action and step: the mechanic's queued events become
        statements, then (once) a finished mechanic is reported, so the last action's
        statements always come before ``completed``, whichever way it was done."""
        if self.ctx is None or self.ctx.scenes.top is not self:
            return
        self._drain_events()
        if self.mechanic.finished and not self.reported:
            self._finish()

    def _drain_events(self) -> None:
        for kind, data in self.mechanic.pop_events():
            ext = {"riasec": self.riasec, "difficulty": self.difficulty}
            if kind == "progress":
                progress = round(float(data["progress"]), 3)
                if progress > self.last_progress:
                    self.last_progress = progress
                    self.ctx.record("progressed", "quest", self._activity_id(), extensions={**ext, "progress": progress})
            elif kind == "hint":
                self.ctx.record("used", "item", f"hint/{self.challenge_id}", extensions={**ext, "hint": True})
            elif kind == "choice":
                self.ctx.record("selected", "question", f"challenge/{self.challenge_id}/{data.get('step', 'step')}",
                                response=str(data.get("response", "")), extensions=ext)

    def _finish(self) -> None:
        if self.reported:
            return
        self.reported = True
        result = self.mechanic.result()
        self.result = result
        self.ctx.record("completed", "level" if self.extra_round else "quest", self._activity_id(),
                        success=result.success, score=result.score, duration_s=round(self.mechanic.elapsed, 2),
                        extensions={"riasec": self.riasec, "difficulty": self.difficulty, "accuracy": result.accuracy,
                                    "skills": list(self.challenge.skills), "competences": list(self.challenge.competences),
                                    "replay": self.replay, "extra_round": self.extra_round})
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
        self._build_end_buttons()

    def stop(self) -> None:
        """The Stop button or Escape. On the result card nothing is lost: on to the
        reflection. Mid-challenge with something done, ask once first (issue 13 item 18)."""
        if self.mechanic.finished:
            if self.reported:
                self.to_reflection()
            return
        if self.last_progress > 0 or self.mechanic.progress > 0 or self.mechanic.hints_used:
            question = "confirm.stop_extra_q" if self.extra_round else "confirm.stop_q"
            self.ctx.scenes.go("confirm", question_key=question, yes_key="confirm.stop",
                               no_key="confirm.keep", on_yes=self.stop_now)
            return
        self.stop_now()

    def stop_now(self) -> None:
        """Leave unfinished: recorded as skipped; an extra round goes on to the reflection
        on the first round (which was completed), a first round back to the district."""
        self.ctx.record("skipped", "level" if self.extra_round else "quest", self._activity_id(),
                        extensions={"riasec": self.riasec, "progress": round(self.mechanic.progress, 3)})
        if self.extra_round:
            self.ctx.scenes.replace("reflection", challenge_id=self.challenge_id)
        else:
            self.ctx.scenes.replace("district", district_id=self.challenge.district)

    def play_extra(self) -> None:
        self.ctx.scenes.replace("challenge_play", challenge_id=self.challenge_id,
                                difficulty=self.difficulty, extra_round=True)

    def to_reflection(self) -> None:
        if not self.extra_round:
            self.ctx.record("skipped", "level", f"challenge/{self.challenge_id}/extra",
                            extensions={"riasec": self.riasec, "extra_round": False})
        self.ctx.scenes.replace("reflection", challenge_id=self.challenge_id)

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
        return (event.type == pygame.MOUSEBUTTONDOWN and self.goal_button is not None
                and not self.goal_button.rect.collidepoint(event.pos))

    @property
    def animating(self) -> bool:
        return self.mechanic.animating

    def draw_content(self, surface: pygame.Surface) -> int:
        """The goal bar, the board and (at the end) the result card; returns the page's
        bottom (the board's, or the window's once the card shows)."""
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.goal_layout()
        goal_bar.draw(self.ctx, surface, lay, self.info_text())
        self.mechanic.draw(surface, self.board_area)
        if self.goal_open and lay["panel"] is not None and not self.mechanic.finished:
            goal_bar.draw_panel(self.ctx, surface, lay, self.goal_text(), self.info_text())
        if not (self.mechanic.finished and self.reported):
            return max(self.board_area.bottom, self.mechanic.bottom)     # a board may grow as it plays
        window = pygame.Rect((0, 0), self.ctx.size).clip(surface.get_rect())
        self.ctx.painter.veil(surface.subsurface(window), (20, 20, 40, 150))
        lay = self.end_card()
        card = lay["card"]
        p.panel(surface, card)
        r = self.result
        p.text(surface, lay["head"], (card.centerx, card.y + 30), 34, bold=True, align="center",
               width=card.w - 60, box=card)
        stars = 1 + int(r.score >= 0.5) + int(r.score >= 0.8) if r.success else int(r.score >= 0.3)
        for k in range(3):
            art.shape(surface, "star", (card.centerx + (k - 1) * 80, lay["stars_y"]), 32,
                      pal.focus if k < stars else pal.panel_edge, outline=pal.ink)
        p.text(surface, self.score_line(), (card.centerx, lay["score_y"]), 20, align="center",
               width=card.w - 60, box=card)
        p.text(surface, self.ctx.t("challenge.extra_offer"), (card.centerx, lay["offer_y"]), 17,
               colour=pal.muted, align="center", width=card.w - 60, box=card)
        return self.ctx.size[1] - 24
