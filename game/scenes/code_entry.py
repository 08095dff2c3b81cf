"""Type a player code (from a teacher's handout, or from another computer) to resume."""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene
from game.widgets.entry_card import add_entry, draw_entry_card
from telemetry.xapi.identity import is_valid_player_code, normalise_player_code


class CodeEntryScene(UiScene):
    name = "code_entry"
    title_key = "code.title"

    def build(self) -> None:
        self.entry = add_entry(
            self.ui,
            self.ctx.t("code.prompt"),
            self.ctx.t("code.go"),
            self.submit,
            limit=32,
            allowed="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789- _",
        )
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
        draw_entry_card(self.ctx, surface, self.ctx.t("code.prompt"), self.problem)
