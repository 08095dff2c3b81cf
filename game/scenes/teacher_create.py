"""Create a class from the teacher panel: class code, number of players, session length,
language, open districts and the teacher passphrase (typed twice, never stored — only
its salted scrypt hash). The same as ``python main.py class create``.
"""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene

PLAYER_COUNTS = (10, 20, 25, 30, 35)
SESSION_MINUTES = (None, 30, 40, 45, 60)
CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
LEFT, ROW_H = 360, 66


class TeacherCreateScene(UiScene):
    name = "teacher_create"
    title_key = "teacher.create_title"

    def __init__(self) -> None:
        super().__init__()
        self.players = 30
        self.minutes: int | None = 45
        self.language = "en"
        self.open: set[str] = set()
        self.problem = ""

    def enter(self, ctx) -> None:
        self.language = ctx.settings.language
        self.open = {d.id for d in ctx.content.districts}
        super().enter(ctx)

    def row_y(self, row: int) -> int:
        return HEADER_H + 24 + row * ROW_H

    def build(self) -> None:
        t = self.ctx.t
        self.code_field = self.ui.field((LEFT, self.row_y(0), 320, 50), t("teacher.field_code"),
                                        limit=20, allowed=CODE_CHARACTERS)
        self.count_buttons = {n: self.ui.button((LEFT + i * 110, self.row_y(1), 100, 50), str(n),
                                                lambda n=n: self.set_players(n))
                              for i, n in enumerate(PLAYER_COUNTS)}
        self.minute_buttons = {m: self.ui.button((LEFT + i * 150, self.row_y(2), 140, 50),
                                                 t("teacher.no_limit") if m is None else t("teacher.minutes", n=m),
                                                 lambda m=m: self.set_minutes(m))
                               for i, m in enumerate(SESSION_MINUTES)}
        self.language_buttons = {code: self.ui.button((LEFT + i * 180, self.row_y(3), 170, 50),
                                                      t(f"language.{code}"), lambda c=code: self.set_language(c))
                                 for i, code in enumerate(self.ctx.i18n.languages)}
        self.district_buttons = {}
        for i, district in enumerate(self.ctx.content.districts):
            rect = (LEFT + (i % 3) * 300, self.row_y(4) + (i // 3) * 58, 290, 50)
            self.district_buttons[district.id] = self.ui.button(rect, self._district_label(district.id),
                                                                lambda d=district.id: self.toggle(d))
        self.pass_field = self.ui.field((LEFT, self.row_y(6) + 4, 320, 50), t("teacher.field_pass"),
                                        hidden=True, limit=128)
        self.again_field = self.ui.field((LEFT + 420, self.row_y(6) + 4, 320, 50), t("teacher.field_again"),
                                         hidden=True, limit=128)
        self.ui.button((490, 640, 300, 56), t("teacher.create"), self.create, "@primary")
        self.ui.focus(self.code_field)

    def _district_label(self, district_id: str) -> str:
        name = self.ctx.pick(self.ctx.content.district(district_id).name)
        return ("✓ " if district_id in self.open else "✗ ") + name

    # -- choices --------------------------------------------------------------------
    def set_players(self, n: int) -> None:
        self.players = n

    def set_minutes(self, minutes: int | None) -> None:
        self.minutes = minutes

    def set_language(self, code: str) -> None:
        self.language = code

    def toggle(self, district_id: str) -> None:
        if district_id in self.open and len(self.open) > 1:   # at least one stays open
            self.open.discard(district_id)
        else:
            self.open.add(district_id)
        self.district_buttons[district_id].set_text(self._district_label(district_id))

    def create(self) -> None:
        """Validate, create the class and its player saves, then open it in the panel."""
        from game.class_tools import prepare_saves
        from game.scenes.teacher import TeacherPanelScene
        from telemetry.class_store import SessionSettings, create_class

        if self.pass_field.text != self.again_field.text:
            self.problem = self.ctx.t("teacher.pass_mismatch")
            return
        every = len(self.open) == len(self.ctx.content.districts)
        settings = SessionSettings(minutes=self.minutes, language=self.language,
                                   districts=None if every else sorted(self.open))
        try:
            info = create_class(self.ctx.data_dir, self.code_field.text.strip(), self.pass_field.text,
                                self.players, settings)
            prepare_saves(self.ctx.data_dir, info.players)
        except (ValueError, OSError) as exc:
            self.problem = str(exc)
            return
        self.ctx.scenes.replace(TeacherPanelScene([info]))

    # -- drawing ----------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        labels = ("teacher.field_code", "teacher.field_players", "teacher.field_minutes",
                  "teacher.field_language", "teacher.field_districts", None, "teacher.field_pass")
        for row, key in enumerate(labels):
            if key:
                p.text_fit(surface, self.ctx.t(key), (60, self.row_y(row) + 25), LEFT - 80, 19, bold=True)
        p.text_fit(surface, self.ctx.t("teacher.field_again"), (LEFT + 340, self.row_y(6) + 29), 76, 15)
        chosen = [self.count_buttons[self.players], self.minute_buttons[self.minutes],
                  self.language_buttons[self.language]]
        for item in chosen:
            pygame.draw.rect(surface, pal.accent, item.rect.inflate(8, 8), 4, border_radius=16)
        for item in (self.code_field, self.pass_field, self.again_field):
            pygame.draw.rect(surface, pal.panel_edge, item.rect.inflate(6, 6), 2, border_radius=12)
        if self.problem:
            p.text(surface, self.problem, (60, 604), 17, colour=pal.bad, width=1160)
