"""Title screen: continue as the last player, start new, enter a code, credits, quit; and
the line that says V turns Read aloud on or off (anywhere in the game)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import art
from game.ui_scene import UiScene


class TitleScene(UiScene):
    name = "title"
    show_back = False
    scrolls = True

    def layout(
        self,
    ) -> tuple[pygame.Rect, int, list[tuple[pygame.Rect, str, Callable[[], None], str]]]:
        """The logo card, the tagline's y and the buttons, all from measured text."""
        p = self.ctx.painter
        t = self.ctx.t
        title_w = p.font(64, True).size(t("game.title"))[0]
        logo = pygame.Rect(0, 90, min(1180, max(560, title_w + 80)), 0)
        tagline_y = logo.y + 20 + p.line(64, True)
        logo.h = tagline_y - logo.y + p.height(t("title.tagline"), 22, logo.w - 60) + 24
        logo.centerx = 640
        from game.flow import continue_code

        last = continue_code(self.ctx)  # None after a sign-out, and for class players
        rows: list[list[tuple[str, Callable[[], None], str]]] = []
        if last:
            rows.append(
                [(t("title.continue", code=last), lambda: self.continue_as(last), "@primary")]
            )
            rows.append([(t("title.new_player"), self.new_player, "@default")])
        else:
            rows.append([(t("title.play"), self.new_player, "@primary")])
        rows.append([(t("title.have_code"), self.enter_code, "@default")])
        rows.append(
            [
                (t("title.credits"), self.credits, "@small"),
                (t("title.teacher"), self.teacher, "@small"),
                (t("title.quit"), self.quit, "@small"),
            ]
        )
        y = logo.bottom + 28
        buttons = []
        for row in rows:
            widths = [max(400 // len(row) - 5, p.button_w(label, style)) for label, _, style in row]
            x = 640 - (sum(widths) + 10 * (len(row) - 1)) // 2
            h = max(p.button_h(style) for _, _, style in row)
            for (label, action, style), w in zip(row, widths, strict=True):
                buttons.append((pygame.Rect(x, y, w, h), label, action, style))
                x += w + 10
            y += h + 14
        return logo, tagline_y, buttons

    def build(self) -> None:
        self.laid_out = self.layout()  # kept for draw_content: the layout reads the saves folder
        for rect, label, action, style in self.laid_out[2]:
            self.ui.button(rect, label, action, style)

    def continue_as(self, code: str) -> None:
        from game.flow import sign_in

        sign_in(self.ctx, code)

    def new_player(self) -> None:
        self.ctx.scenes.go("consent")

    def enter_code(self) -> None:
        self.ctx.scenes.go("code_entry")

    def credits(self) -> None:
        self.ctx.scenes.go("credits")

    def teacher(self) -> None:
        self.ctx.scenes.go("teacher_login")

    def quit(self) -> None:
        self.ctx.quit_requested = True

    def page_key(self) -> object:
        """The art changes only with the layout made in ``build``: drawn once, then blitted."""
        return ()

    def draw_content(self, surface: pygame.Surface) -> int:
        pal = self.ctx.palette
        p = self.ctx.painter
        w, h = surface.get_size()
        pygame.draw.rect(surface, pal.ground, (0, 300, w, h - 300))
        # a skyline of the six districts, in the content's colours
        xs = [70, 250, 860, 1040, 150, 950]
        for i, district in enumerate(self.ctx.content.districts):
            rect = pygame.Rect(xs[i], 120 + (i // 4) * 90, 170, 200 - (i // 4) * 40)
            art.building(
                surface, rect, p.colour(district.colour), pal, style=i, icon_name=district.icon
            )
        for x in (40, 420, 820, 1230):
            art.tree(surface, (x, 330), 54, pal)
        logo, tagline_y, buttons = self.laid_out
        p.panel(surface, logo, radius=28)
        p.text(
            surface,
            self.ctx.t("game.title"),
            (w // 2, logo.y + 16),
            64,
            bold=True,
            align="center",
            box=logo,
        )
        p.text(
            surface,
            self.ctx.t("title.tagline"),
            (w // 2, tagline_y),
            22,
            colour=pal.muted,
            align="center",
            width=logo.w - 60,
            box=logo,
        )
        hint = self.ctx.t("title.read_aloud_hint")
        bottom = buttons[-1][0].bottom
        panel = pygame.Rect(0, bottom + 16, min(1180, p.font(20, True).size(hint)[0] + 80), 0)
        panel.h = p.height(hint, 20, panel.w - 40, True) + 20
        panel.centerx = w // 2
        p.panel(surface, panel, radius=14, shadow=False)
        art.icon(surface, "speaker", (panel.x + 26, panel.centery), 24, pal.ink)
        p.text(
            surface,
            hint,
            (w // 2 + 12, panel.y + 10),
            20,
            bold=True,
            align="center",
            width=panel.w - 64,
            box=panel,
        )
        return panel.bottom + 20  # the page (not the 4-window canvas): no needless scrollbar
