"""Type a player code (from a teacher's handout, or from another computer) to resume."""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene
from telemetry.xapi.identity import is_valid_player_code, normalise_player_code


class CodeEntryScene(UiScene):
    name = "code_entry"
    title_key = "code.title"

    def build(self) -> None:
        field = self.ui.field(
            (390, 300, 500, 64),
            self.ctx.t("code.prompt"),
            on_submit=self.submit,
            limit=32,
            allowed="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789- _",
        )
        self.entry = field.element
        self.ui.focus(field)
        self.ui.button((390, 400, 500, 60), self.ctx.t("code.go"), self.submit, "@primary")
        self.problem = ""

    def submit(self) -> None:
        from game.flow import sign_in

        code = normalise_player_code(self.entry.get_text())  # "wise maple 77" -> WISE-MAPLE-77
        if not is_valid_player_code(code) or not self.ctx.saves.player_dir(code).exists():
            self.problem = self.ctx.t("notice.unknown_code", code=code or "?")
            return
        if not sign_in(self.ctx, code) and self.ctx.scenes.top is self and self.ctx.notices:
            self.problem = self.ctx.notices.pop()  # e.g. open in another window

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(340, 150, 600, 360)
        p.panel(surface, card)
        p.text(
            surface, self.ctx.t("code.prompt"), (card.x + 50, card.y + 40), 22, width=card.w - 100
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
