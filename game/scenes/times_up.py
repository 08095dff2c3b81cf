"""Time's up: the class session has ended. Shown at the hub after the player finished the
step they were in; says the work is saved and signs the player out (one button).

Touches the context through :func:`game.research.finish_lesson` (a research-class pupil
answers the questionnaire first, then is signed out) and ends the class session."""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene


class TimesUpScene(UiScene):
    name = "times_up"
    title_key = "teacher.times_up_title"
    show_back = False

    def build(self) -> None:
        self.ui.button(
            (440, 470, 400, 64), self.ctx.t("teacher.times_up_ok"), self.finish, "@primary"
        )

    def finish(self) -> None:
        from game import class_session
        from game.research import finish_lesson

        class_session.end(self.ctx)
        finish_lesson(self.ctx)

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(290, 150, 700, 290)
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t("teacher.times_up_head"),
            (card.centerx, card.y + 40),
            34,
            bold=True,
            align="center",
        )
        p.text(
            surface,
            self.ctx.t("teacher.times_up_body"),
            (card.x + 50, card.y + 120),
            22,
            width=card.w - 100,
        )
