"""The base for every screen with buttons: a focus layer, a header bar, the sky.

Hooks follow ``game.scene.Scene``. Subclasses override ``build`` (create buttons and
hotspots through ``self.ui``) and ``draw_content``; the base kills the UI on leave and
pause, rebuilds it on resume and after a settings change, records that the screen was
accessed, and sends Escape to ``back``.
"""

from __future__ import annotations

import pygame

from game import art
from game.scene import Scene
from game.ui import UiLayer

HEADER_H = 64


class Kit:
    """What a challenge mechanic may use: the scene's focus layer and the painter."""

    def __init__(self, scene: UiScene):
        self._scene = scene

    @property
    def ui(self) -> UiLayer:
        return self._scene.ui

    @property
    def painter(self):
        return self._scene.ctx.painter

    @property
    def reduced_motion(self) -> bool:
        return self._scene.ctx.settings.reduced_motion

    def pick(self, language_map, **values) -> str:
        return self._scene.ctx.pick(language_map, **values)

    def t(self, key: str, **values) -> str:
        return self._scene.ctx.t(key, **values)


class UiScene(Scene):
    """A screen with a header, a sky background and keyboard-navigable controls."""

    title_key: str = ""
    show_back: bool = True

    def enter(self, ctx) -> None:
        super().enter(ctx)
        self.ui = UiLayer(ctx.manager, ctx.palette)
        self.build_all()
        ctx.record("accessed", "screen", f"screen/{self.name}")

    def build_all(self) -> None:
        if self.show_back:
            self.ui.button((16, 10, 120, 44), self.ctx.t("common.back"), self.back, "@small")
        self.build()
        if self.ui.focus_index is None:
            first = 1 if self.show_back and len(self.ui.items) > 1 else 0
            if self.ui.items:
                self.ui.focus_index = first

    def rebuild(self) -> None:
        """Recreate UI elements (after a settings change, a resume, or new state)."""
        keyboard = self.ui.keyboard_used
        focus = self.ui.focus_index
        self.ui.kill()
        self.ui = UiLayer(self.ctx.manager, self.ctx.palette)
        self.build_all()
        self.ui.keyboard_used = keyboard
        if focus is not None and focus < len(self.ui.items):
            self.ui.focus_index = focus

    def leave(self) -> None:
        self.ui.kill()

    def pause(self) -> None:
        self.ui.kill()

    def resume(self) -> None:
        self.rebuild()

    # -- to override ----------------------------------------------------------------
    def build(self) -> None:
        """Create this screen's buttons and hotspots."""

    def draw_content(self, surface: pygame.Surface) -> None:
        """Draw this screen's own art below the UI elements."""

    def on_event(self, event: pygame.event.Event) -> None:
        """Events the focus layer did not use."""

    def back(self) -> None:
        """Escape or the Back button: leave this screen."""
        self.ctx.scenes.pop()

    # -- plumbing -------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.ui.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.show_back:
            self.back()
            return
        self.on_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        art.sky(surface, self.ctx.palette)
        self.draw_content(surface)
        self.draw_header(surface)

    def draw_header(self, surface: pygame.Surface) -> None:
        pal = self.ctx.palette
        p = self.ctx.painter
        if not self.title_key and not self.header_title():
            return
        bar = pygame.Rect(0, 0, surface.get_width(), HEADER_H)
        pygame.draw.rect(surface, pal.panel, bar)
        pygame.draw.line(surface, pal.panel_edge, bar.bottomleft, bar.bottomright, 2)
        x = 156 if self.show_back else 24
        p.text_fit(surface, self.header_title(), (x, bar.centery), 700, 26, bold=True)
        player = self.ctx.player
        if player is not None:
            art.avatar(surface, (bar.right - 190, bar.centery), 20, player.avatar_shape,
                       p.colour(player.avatar_colour), pal.ink)
            p.text_fit(surface, player.code, (bar.right - 162, bar.centery), 150, 18, bold=True)

    def header_title(self) -> str:
        return self.ctx.t(self.title_key) if self.title_key else ""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn above pygame-gui: the focus ring and any notice."""
        self.ui.draw_focus(surface)
        if self.ctx.notices:
            p = self.ctx.painter
            box = pygame.Rect(0, 0, 900, 56)
            box.midbottom = (surface.get_width() // 2, surface.get_height() - 16)
            p.panel(surface, box, fill=self.ctx.palette.panel, radius=14)
            p.text_fit(surface, self.ctx.notices[-1], (box.x + 20, box.centery), box.w - 40, 18)
