"""My data (Self, privacy): everything Worktown keeps about the player, in words, in a
scrollable list; and erasing it, after a second "are you sure?" step.

Erasing closes the player's recorder (``game.app.sign_out``), deletes their folder
(``telemetry.privacy.erase_player``), forgets them as the last player and returns to the
title screen with a notice. Nothing else is touched.
"""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene
from game.text import wrap
from telemetry.privacy import describe_player_data, erase_player

LIST = pygame.Rect(24, HEADER_H + 70, 880, 560)
SIDE_X, SIDE_W = 928, 328
LINE_SIZE = 18
STEP = 3  # lines per arrow press


class MyDataScene(UiScene):
    name = "my_data"
    title_key = "mydata.title"

    def __init__(self) -> None:
        super().__init__()
        self.scroll = 0          # first visible line
        self.confirming = False
        self.problem = ""

    def enter(self, ctx) -> None:
        self.ctx = ctx
        statements = ctx.recorder.statements() if ctx.recorder is not None else []
        folder = ctx.recorder.player_dir if ctx.recorder is not None else None
        self.sentences = describe_player_data(statements, ctx.i18n.language, folder=folder)
        super().enter(ctx)

    # -- the list -------------------------------------------------------------------
    def lines(self) -> list[tuple[str, bool]]:
        """Wrapped lines of the description; True marks the first line of a sentence."""
        font = self.ctx.painter.font(LINE_SIZE)
        out: list[tuple[str, bool]] = []
        for sentence in self.sentences:
            for i, line in enumerate(wrap(font, sentence, LIST.w - 80)):
                out.append((line, i == 0))
        return out

    def rows_visible(self) -> int:
        return max(1, (LIST.h - 40) // self.ctx.painter.font(LINE_SIZE).get_linesize())

    def max_scroll(self) -> int:
        return max(0, len(self.lines()) - self.rows_visible())

    def scroll_by(self, lines: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll + lines))

    # -- controls -------------------------------------------------------------------
    def build(self) -> None:
        if self.confirming:
            self.ui.button((SIDE_X, 470, SIDE_W, 60), self.ctx.t("mydata.erase_yes"), self.erase, "@primary")
            self.ui.button((SIDE_X, 544, SIDE_W, 60), self.ctx.t("mydata.erase_no"), self.cancel)
            self.ui.focus_index = len(self.ui.items) - 1   # the safe choice is focused
            return
        self.ui.button((SIDE_X, HEADER_H + 70, SIDE_W, 54), self.ctx.t("mydata.scroll_up"),
                       lambda: self.scroll_by(-STEP))
        self.ui.button((SIDE_X, HEADER_H + 136, SIDE_W, 54), self.ctx.t("mydata.scroll_down"),
                       lambda: self.scroll_by(STEP))
        self.ui.button((SIDE_X, 570, SIDE_W, 60), self.ctx.t("mydata.erase"), self.ask_erase)

    def ask_erase(self) -> None:
        self.confirming = True
        self.rebuild()

    def cancel(self) -> None:
        self.confirming = False
        self.rebuild()

    def erase(self) -> None:
        """Second step: close the recorder, delete the folder, go to the title screen."""
        from game.app import sign_out
        from game.scenes.title import TitleScene
        from telemetry.store import PlayerLocked

        ctx = self.ctx
        code = ctx.player.code if ctx.player else (ctx.recorder.player_code if ctx.recorder else None)
        if code is None:
            return
        sign_out(ctx)
        try:
            erase_player(ctx.data_dir, code)
        except (PlayerLocked, OSError) as exc:
            ctx.notices.append(ctx.t("mydata.erase_failed", problem=str(exc)))
            ctx.player = None
            ctx.scenes.clear_to(TitleScene())
            return
        ctx.saves.forget_last(code)
        ctx.player = None
        ctx.notices.append(ctx.t("mydata.erased", code=code))
        ctx.scenes.clear_to(TitleScene())

    def back(self) -> None:
        if self.confirming:
            self.cancel()
            return
        super().back()

    def on_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and not self.confirming:
            if event.key == pygame.K_PAGEDOWN:
                self.scroll_by(self.rows_visible() - 1)
            elif event.key == pygame.K_PAGEUP:
                self.scroll_by(-(self.rows_visible() - 1))
            elif event.key == pygame.K_HOME:
                self.scroll = 0
            elif event.key == pygame.K_END:
                self.scroll = self.max_scroll()
        elif event.type == pygame.MOUSEWHEEL and not self.confirming:
            self.scroll_by(-event.y * STEP)

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("mydata.intro"), (24, HEADER_H + 18), 18, width=1230)
        p.panel(surface, LIST)
        lines = self.lines()
        font = p.font(LINE_SIZE)
        h = font.get_linesize()
        clip = surface.get_clip()
        surface.set_clip(LIST.inflate(-8, -8))
        for i, (line, first) in enumerate(lines[self.scroll:self.scroll + self.rows_visible()]):
            y = LIST.y + 20 + i * h
            if first:
                pygame.draw.circle(surface, pal.accent, (LIST.x + 32, y + h // 2), 5)
            surface.blit(font.render(line, True, pal.ink), (LIST.x + 50, y))
        surface.set_clip(clip)
        self._scrollbar(surface, len(lines))
        side = pygame.Rect(SIDE_X, HEADER_H + 210, SIDE_W, 270 if not self.confirming else 380)
        if self.confirming:
            p.panel(surface, side.inflate(16, 16).move(0, 0), edge=pal.bad)
            p.text(surface, self.ctx.t("mydata.confirm", code=self.ctx.player.code if self.ctx.player else ""), (side.x + 8, side.y + 4), 18, bold=True,
                   width=side.w - 16)
        else:
            first = self.scroll + 1 if lines else 0
            last = min(len(lines), self.scroll + self.rows_visible())
            p.text(surface, self.ctx.t("mydata.position", first=first, last=last, total=len(lines)),
                   (side.x, side.y), 16, colour=pal.muted, width=side.w)
            p.text(surface, self.ctx.t("mydata.erase_explain"), (side.x, side.y + 60), 16, width=side.w)

    def _scrollbar(self, surface: pygame.Surface, total: int) -> None:
        pal = self.ctx.palette
        track = pygame.Rect(LIST.right - 22, LIST.y + 16, 10, LIST.h - 32)
        pygame.draw.rect(surface, pal.panel_edge, track, border_radius=5)
        rows = self.rows_visible()
        if total <= rows:
            return
        h = max(30, int(track.h * rows / total))
        y = track.y + int((track.h - h) * self.scroll / max(1, total - rows))
        pygame.draw.rect(surface, pal.muted, (track.x, y, track.w, h), border_radius=5)
