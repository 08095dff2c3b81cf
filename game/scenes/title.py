"""Title screen: continue as the last player, start new, enter a code, credits, quit."""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import UiScene


class TitleScene(UiScene):
    name = "title"
    show_back = False

    def build(self) -> None:
        cx = 640
        y = 380
        last = self.ctx.saves.last_player_code()
        if last:
            self.ui.button((cx - 200, y, 400, 60), self.ctx.t("title.continue", code=last),
                           lambda: self.continue_as(last), "@primary")
            y += 74
            self.ui.button((cx - 200, y, 400, 52), self.ctx.t("title.new_player"), self.new_player)
        else:
            self.ui.button((cx - 200, y, 400, 60), self.ctx.t("title.play"), self.new_player, "@primary")
        y += 66
        self.ui.button((cx - 200, y, 400, 52), self.ctx.t("title.have_code"), self.enter_code)
        y += 66
        self.ui.button((cx - 200, y, 195, 48), self.ctx.t("title.credits"), self.credits, "@small")
        self.ui.button((cx + 5, y, 195, 48), self.ctx.t("title.quit"), self.quit, "@small")

    def continue_as(self, code: str) -> None:
        from game.scenes.flow import sign_in
        sign_in(self.ctx, code)

    def new_player(self) -> None:
        from game.scenes.consent import ConsentScene
        self.ctx.scenes.push(ConsentScene())

    def enter_code(self) -> None:
        from game.scenes.code_entry import CodeEntryScene
        self.ctx.scenes.push(CodeEntryScene())

    def credits(self) -> None:
        from game.scenes.credits import CreditsScene
        self.ctx.scenes.push(CreditsScene())

    def quit(self) -> None:
        self.ctx.quit_requested = True

    def draw_content(self, surface: pygame.Surface) -> None:
        pal = self.ctx.palette
        p = self.ctx.painter
        w, h = surface.get_size()
        pygame.draw.rect(surface, pal.ground, (0, 300, w, h - 300))
        # a skyline of the six districts, in the content's colours
        xs = [70, 250, 860, 1040, 150, 950]
        for i, district in enumerate(self.ctx.content.districts):
            rect = pygame.Rect(xs[i], 120 + (i // 4) * 90, 170, 200 - (i // 4) * 40)
            art.building(surface, rect, p.colour(district.colour), pal, style=i, icon_name=district.icon)
        for x in (40, 420, 820, 1230):
            art.tree(surface, (x, 330), 54, pal)
        logo = pygame.Rect(0, 0, 560, 170)
        logo.center = (w // 2, 200)
        p.panel(surface, logo, radius=28)
        p.text(surface, self.ctx.t("game.title"), (w // 2, logo.y + 22), 64, bold=True, align="center")
        p.text(surface, self.ctx.t("title.tagline"), (w // 2, logo.y + 110), 22, colour=pal.muted,
               align="center", width=520)
