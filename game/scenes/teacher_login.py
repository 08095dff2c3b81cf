"""The teacher's sign-in, from the title screen's Teacher button: the passphrase in a
hidden text field; it opens every class that passphrase unlocks in the teacher panel
(``teacher_panel``, by name) or says why not. The passphrase is checked and dropped,
never stored.
"""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene
from game.widgets.entry_card import add_entry, draw_entry_card


class TeacherLoginScene(UiScene):
    name = "teacher_login"
    title_key = "teacher.title"

    def build(self) -> None:
        self.entry = add_entry(
            self.ui,
            self.ctx.t("teacher.prompt"),
            self.ctx.t("teacher.open"),
            self.submit,
            hidden=True,
            limit=128,
        )
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
        draw_entry_card(self.ctx, surface, self.ctx.t("teacher.prompt"), self.problem)
