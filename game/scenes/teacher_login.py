"""The teacher's sign-in, from the title screen's Teacher button: the passphrase in a
hidden text field; it opens every class that passphrase unlocks in the teacher panel
(``teacher_panel``, by name) or says why not. The passphrase is checked and dropped,
never stored.
"""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene


class TeacherLoginScene(UiScene):
    name = "teacher_login"
    title_key = "teacher.title"

    def build(self) -> None:
        field = self.ui.field(
            (390, 300, 500, 64),
            self.ctx.t("teacher.prompt"),
            hidden=True,
            on_submit=self.submit,
            limit=128,
        )
        self.entry = field.element
        self.ui.focus(field)
        self.ui.button((390, 400, 500, 60), self.ctx.t("teacher.open"), self.submit, "@primary")
        self.ui.button((390, 610, 500, 52), self.ctx.t("teacher.new_class"), self.new_class)
        self.problem = getattr(self, "problem", "")

    def submit(self) -> None:
        from telemetry.classroom.class_store import TooManyAttempts, list_classes, unlock_classes

        passphrase = self.entry.get_text()
        self.entry.set_text("")
        if not list_classes(self.ctx.data_dir):
            self.problem = self.ctx.t("teacher.no_classes")
            return
        try:
            unlocked, problems = unlock_classes(self.ctx.data_dir, passphrase)
        except TooManyAttempts as exc:
            self.problem = self.ctx.t("teacher.wait", seconds=exc.seconds)
            return
        if not unlocked:
            self.problem = (
                self.ctx.t("teacher.refused", n=len(problems))
                if problems
                else self.ctx.t("teacher.wrong")
            )
            return
        self.ctx.scenes.replace("teacher_panel", classes=unlocked)

    def new_class(self) -> None:
        self.ctx.scenes.replace("teacher_create")

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(340, 150, 600, 360)
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t("teacher.prompt"),
            (card.x + 50, card.y + 40),
            22,
            width=card.w - 100,
        )
        if self.problem:
            p.text(
                surface,
                self.problem,
                (card.x + 50, card.bottom + 20),
                19,
                colour=self.ctx.palette.bad,
                width=card.w - 100,
            )
