"""The base for every screen with buttons: a focus layer, a header bar, the sky.

Hooks follow ``game.scene.Scene``; every screen in ``game.scenes`` is a ``UiScene``.
Subclasses override ``build`` (create buttons and hotspots through ``self.ui``) and
``draw_content``; the base kills the UI on leave and pause, rebuilds it on resume and
after a settings change, records that the screen was accessed, and sends the *back* key
(Escape unless remapped) to ``back``. It knows no class session: what the header shows
besides the title and the player comes from ``ctx.header_badges``.

Every screen's header has a gear button (and F1 anywhere) that opens the settings on top.
A scene with ``scrolls = True`` lays out a page as tall as its text needs (at 200 % text
most pages are taller than the window): ``build`` and ``draw_content`` work in page
coordinates, the base draws the page below the header shifted by ``self.ui.scroll``, and
``draw_content`` returns the page's bottom y so the layer knows how far it may scroll.
"""

from __future__ import annotations

import pygame

from game import art
from game.scene import Scene
from game.ui import UiLayer, keycodes
from game.ui_pool import ButtonPool
from telemetry.xapi import activity_ids as ids

HEADER_H = 64
GEAR = pygame.Rect(1280 - 60, 8, 50, 48)


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
    def language(self) -> str:
        """The language texts are shown in (part of what cached mechanic art depends on)."""
        return self._scene.ctx.i18n.language

    @property
    def reduced_motion(self) -> bool:
        return self._scene.ctx.settings.reduced_motion

    @property
    def effects_volume(self) -> float:
        return self._scene.ctx.settings.effects_volume

    def pick(self, language_map, **values) -> str:
        return self._scene.ctx.pick(language_map, **values)

    def t(self, key: str, **values) -> str:
        return self._scene.ctx.t(key, **values)


class UiScene(Scene):
    """A screen with a header, a sky background and keyboard-navigable controls."""

    title_key: str = ""
    show_back: bool = True
    #: False only for the settings screens themselves (no gear on top of settings)
    show_settings: bool = True
    #: True for pages that scroll below the header when their text needs more room
    scrolls: bool = False

    def enter(self, ctx) -> None:
        super().enter(ctx)
        self._page: pygame.Surface | None = None
        self._page_sky: tuple[tuple, pygame.Surface] | None = None
        self._kept: tuple[tuple, pygame.Surface, int] | None = None
        self._header: tuple[tuple, pygame.Surface | None] | None = None
        self._spare = ButtonPool()  # this screen's own buttons while it is rebuilt
        self.ui = self.new_layer()
        self.build_all()
        ctx.record("accessed", "screen", ids.screen_id(self.name))

    def new_layer(self, scroll: int = 0) -> UiLayer:
        """A focus layer with the player's key bindings; a scrolling viewport if wanted."""
        shared = getattr(self.ctx.scenes, "spare", None)
        pools = (self._spare,) if shared is None else (self._spare, shared)
        ui = UiLayer(
            self.ctx.manager,
            self.ctx.palette,
            keys=keycodes(self.ctx.settings.key_bindings),
            pools=pools,
        )
        if self.scrolls:
            w, h = self.ctx.size
            top = HEADER_H if self.title_key or self.header_title() else 0
            ui.viewport = pygame.Rect(0, top, w, h - top)
            ui.scroll = scroll
        return ui

    def build_all(self) -> None:
        if self.show_back:
            label = self.ctx.t("common.back")
            self.ui.button(
                (16, 10, max(120, self.ctx.painter.button_w(label, "@small") - 16), 44),
                label,
                self.back,
                "@small",
            )
        self.ui.scrolling = True
        self.build()
        self.ui.scrolling = False
        self.focus_chosen = self.ui.focus_index is not None
        if self.show_settings:
            self.ui.area(GEAR, self.ctx.t("settings.title"), self.open_settings)
        if self.ui.focus_index is None:
            first = 1 if self.show_back and len(self.ui.items) > 2 else 0
            if self.ui.items:
                self.ui.focus_index = first

    def rebuild(self) -> None:
        """Recreate UI elements (after a settings change, a resume, or new state)."""
        keyboard = self.ui.keyboard_used
        focus = self.ui.focus_index
        self._kept = None  # new state: the content is drawn again
        self.ui.kill(into=self._spare)  # unchanged buttons are taken back, not made again
        self.ui = self.new_layer(self.ui.scroll)
        self.build_all()
        self._spare.clear()
        self.ctx.scenes.changed = True  # new UI: drawn in this frame, whoever asked
        self.ui.keyboard_used = keyboard
        if focus is not None and focus < len(self.ui.items) and not self.focus_chosen:
            self.ui.focus_index = focus

    def open_settings(self) -> None:
        """The gear button or F1: the settings screen on top of this one."""
        from game.flow import open_settings

        open_settings(self.ctx)

    def leave(self) -> None:
        self.ui.kill(into=getattr(self.ctx.scenes, "spare", None))  # for the screen that comes next
        self._spare.clear()
        self._drop_pixels()

    def pause(self) -> None:
        # killed, not kept hidden for resume(): a paused stack's buttons held ~30 MB more peak RSS
        self.ui.kill()
        self._drop_pixels()

    def _drop_pixels(self) -> None:
        """Hand the off-screen page and the kept sky, art and header back (paused or gone):
        the next screen reuses those surfaces instead of allocating new ones of megabytes."""
        stack = self.ctx.scenes
        for held in (
            self._page,
            self._page_sky and self._page_sky[1],
            self._kept and self._kept[1],
            self._header and self._header[1],
        ):
            if held is not None and hasattr(stack, "give_pixels"):
                stack.give_pixels(held)
        self._page = None
        self._page_sky = None
        self._kept = None
        self._header = None

    def _new_pixels(self, size, like: pygame.Surface | None) -> pygame.Surface:
        """A surface of ``size`` in ``like``'s format: a spare one from the stack if any."""
        stack = self.ctx.scenes
        if hasattr(stack, "take_pixels"):
            return stack.take_pixels(size, like)
        return pygame.Surface(size, 0, like) if like is not None else pygame.Surface(size)

    def resume(self) -> None:
        self.rebuild()

    # -- to override ----------------------------------------------------------------
    def build(self) -> None:
        """Create this screen's buttons and hotspots."""

    def draw_content(self, surface: pygame.Surface) -> int | None:
        """Draw this screen's own art below the UI elements; a scrolling page returns its
        bottom y (page coordinates)."""

    def on_event(self, event: pygame.event.Event) -> None:
        """Events the focus layer did not use."""

    def back(self) -> None:
        """Escape or the Back button: leave this screen."""
        self.ctx.scenes.pop()

    # -- plumbing -------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.ui.handle_event(event):
            return
        if self.ui.action_of(event) == "back" and self.show_back:
            self.back()
            return
        self.on_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.scrolls:
            key = self._content_key(surface, surface.get_rect())
            kept = self._kept
            if key is not None and kept is not None and kept[0] == key:
                surface.blit(kept[1], (0, 0))
            else:
                self.ctx.painter.sky(surface)
                self.draw_content(surface)
                self._keep(key, surface, surface.get_rect(), 0)
        else:
            self.draw_page(surface)
        self.draw_header(surface)

    def page_key(self) -> object:
        """Everything ``draw_content`` depends on besides the settings, the language and
        the scroll, for screens whose art changes only with it: the sky and content are
        then drawn once and blitted until the key changes. None (the default): drawn every
        frame."""
        return None

    def _content_key(self, surface: pygame.Surface, shown: pygame.Rect) -> tuple | None:
        key = self.page_key()
        if key is None or self.ctx.painter.recorder is not None:
            return None
        fonts = self.ctx.painter.fonts
        return (
            key,
            surface.get_size(),
            surface.get_bitsize(),
            tuple(shown),
            self.ctx.palette,
            fonts.family,
            fonts.scale,
            self.ctx.i18n.language,
        )

    def _keep(
        self, key: tuple | None, surface: pygame.Surface, shown: pygame.Rect, page_height: int
    ) -> None:
        """Keep the pixels of ``shown`` (sky and content just drawn) for frames with ``key``."""
        if key is None:
            self._kept = None
            return
        pixels = self._kept[1] if self._kept is not None else None
        if (
            pixels is None
            or pixels.get_size() != shown.size
            or pixels.get_bitsize() != surface.get_bitsize()
        ):
            pixels = self._new_pixels(shown.size, surface)
        pixels.blit(surface, (0, 0), shown)
        self._kept = (key, pixels, page_height)

    def draw_page(self, surface: pygame.Surface) -> None:
        """Draw the page off-screen, clipped to the part shown (a page is four windows
        tall: a fill or a picture below the fold costs nothing), then show that part below
        the header."""
        w, h = surface.get_size()
        if self._page is None:
            self._page = self._new_pixels((w, h * 4), None)
        page = self._page
        view = self.ui.viewport
        assert view is not None, "draw_page is for scrolling scenes (new_layer gives a viewport)"
        shown = pygame.Rect(0, view.y + self.ui.scroll, view.w, view.h)
        key = self._content_key(page, shown)
        kept = self._kept
        if key is not None and kept is not None and kept[0] == key:
            self.ui.page_height = kept[2]
            surface.blit(kept[1], view.topleft)
        else:
            self._sky_shown(page, shown)
            page.set_clip(shown)  # only the part shown is drawn: same pixels there
            try:
                bottom = self.draw_content(page)
            finally:
                page.set_clip(None)
            self.ui.page_height = int(bottom or 0) + 24
            self._keep(key, page, shown, self.ui.page_height)
            surface.blit(page, view.topleft, shown)
        if self.ui.max_scroll:
            self._scrollbar(surface, view)

    def _sky_shown(self, page: pygame.Surface, shown: pygame.Rect) -> None:
        """The page's sky in the part shown (the same pixels as ``art.sky(page)`` there),
        drawn once per scroll position and palette and then blitted: a page that is not
        scrolled pays one blit a frame instead of ~160 gradient bands and six clouds."""
        key = (page.get_size(), page.get_bitsize(), tuple(shown), self.ctx.palette)
        if self._page_sky is None or self._page_sky[0] != key:
            self.ctx.painter.sky(page, shown, clouds=False)
            pixels = self._page_sky[1] if self._page_sky is not None else None
            if (
                pixels is None
                or pixels.get_size() != shown.size
                or pixels.get_bitsize() != page.get_bitsize()
            ):
                pixels = self._new_pixels(shown.size, page)
            pixels.blit(page, (0, 0), shown)
            self._page_sky = (key, pixels)
            return
        page.blit(self._page_sky[1], shown.topleft)

    def _scrollbar(self, surface: pygame.Surface, view: pygame.Rect) -> None:
        pal = self.ctx.palette
        total = view.h + self.ui.max_scroll
        track = pygame.Rect(view.right - 12, view.y + 6, 8, view.h - 12)
        thumb = pygame.Rect(
            track.x,
            track.y + track.h * self.ui.scroll // total,
            8,
            max(24, track.h * view.h // total),
        )
        pygame.draw.rect(surface, pal.panel, track, border_radius=4)
        pygame.draw.rect(surface, pal.ink, thumb, border_radius=4)

    def draw_header(self, surface: pygame.Surface) -> None:
        """The header bar. It is painted once into a bar-sized copy and blitted while its
        title, player, palette, fonts and size stay the same (the same pixels: everything
        it draws lies inside the bar but the bottom line, drawn again below the bar each
        frame); painted afresh each frame in a timed class session (the clock ticks), while
        a test records texts, or when a text does not fit inside the bar."""
        if not self.title_key and not self.header_title():
            self._gear(surface)
            return
        p = self.ctx.painter
        key = self._header_key(surface)
        if key is None or p.recorder is not None:
            self._paint_header(surface)
            return
        if self._header is None or self._header[0] != key:
            bar = self._new_pixels((surface.get_width(), HEADER_H), surface)
            self._header = (key, bar if self._paint_header(bar) else None)
        pixels = self._header[1]
        if pixels is None:
            self._paint_header(surface)
            return
        surface.blit(pixels, (0, 0))
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(0, HEADER_H, surface.get_width(), 8).clip(clip))
        self._header_line(surface)
        surface.set_clip(clip)

    def _header_key(self, surface: pygame.Surface) -> tuple | None:
        """What the header shows, or None when it changes by itself (a class session's clock)."""
        if any(badge.live(self.ctx) for badge in self.ctx.header_badges):
            return None
        player = self.ctx.player
        fonts = self.ctx.painter.fonts
        who = (
            (player.code, player.avatar_shape, player.avatar_colour) if player is not None else None
        )
        return (
            surface.get_size(),
            surface.get_bitsize(),
            self.ctx.palette,
            fonts.family,
            fonts.scale,
            self.header_title(),
            self.ctx.t("common.back") if self.show_back else None,
            self.show_settings,
            who,
        )

    def _header_line(self, surface: pygame.Surface) -> None:
        pal = self.ctx.palette
        pygame.draw.line(surface, pal.panel_edge, (0, HEADER_H), (surface.get_width(), HEADER_H), 2)

    def _paint_header(self, surface: pygame.Surface) -> bool:
        """Draw the bar, the player, the clock, the title and the gear; True when every
        text landed inside the bar."""
        pal = self.ctx.palette
        p = self.ctx.painter
        bar = pygame.Rect(0, 0, surface.get_width(), HEADER_H)
        pygame.draw.rect(surface, pal.panel, bar)
        self._header_line(surface)
        x = (
            (max(120, p.button_w(self.ctx.t("common.back"), "@small") - 16) + 36)
            if self.show_back
            else 24
        )
        player = self.ctx.player
        right = bar.right - (GEAR.w + 20 if self.show_settings else 0)
        drawn = []
        if player is not None:
            code_w = min(int(210 * p.fonts.scale), p.font(16, True).size(player.code)[0])
            art.avatar(
                surface,
                (right - code_w - 44, bar.centery),
                20,
                player.avatar_shape,
                p.colour(player.avatar_colour),
                pal.ink,
            )
            drawn.append(
                p.text_fit(
                    surface, player.code, (right - code_w - 16, bar.centery), code_w, 16, bold=True
                )
            )
            right -= code_w + 70
        for badge in self.ctx.header_badges:  # the class session's clock (timed sessions only)
            right = badge.draw(self.ctx, surface, bar, right)
        drawn.append(
            p.text_fit(
                surface, self.header_title(), (x, bar.centery), right - x - 10, 26, bold=True
            )
        )
        self._gear(surface)
        return all(bar.contains(r) for r in drawn if r is not None)

    def _gear(self, surface: pygame.Surface) -> None:
        if self.show_settings:
            pal = self.ctx.palette
            gear = GEAR.inflate(-4, -4)
            pygame.draw.rect(surface, pal.panel, gear, border_radius=12)
            pygame.draw.rect(surface, pal.ink, gear, 2, border_radius=12)
            art.icon(surface, "gear", gear.center, 30, pal.ink)

    def header_title(self) -> str:
        return self.ctx.t(self.title_key) if self.title_key else ""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn above pygame-gui: the focus ring and any notice."""
        self.ui.draw_focus(surface)
        if self.ctx.notices:  # stays until the player's next key or click (App.handle)
            p = self.ctx.painter
            text = self.ctx.notices[-1]
            box = pygame.Rect(0, 0, 1000, p.height(text, 18, 960) + 28)
            box.midbottom = (surface.get_width() // 2, surface.get_height() - 16)
            p.panel(surface, box, fill=self.ctx.palette.panel, radius=14)
            p.text(surface, text, (box.x + 20, box.y + 14), 18, width=box.w - 40, box=box)
