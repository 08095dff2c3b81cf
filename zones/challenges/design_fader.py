"""The tune's mix: one fader per track (issue 16 item 4), in place of quieter / louder buttons.

A fader is a slot with a handle at one of the levels 0-3 (``design_rules.LEVELS``). The
mouse presses the handle (or anywhere on the slot) and drags it: the level follows the
pointer and is set where it is let go; a click on the slot sets that level. With the
keyboard the focused fader's Up / Down keys raise or lower it one level. The level is shown
as a number on the handle and as a filled bar, never by colour alone; the track sounds at
its new level each time it changes (the loop plays every track at its level). The rules
see one ``level`` action per change (a digit, or "+" / "-"). Built, drawn and fed input by
``design_draw.DesignView``; ``gesture`` is what a bot's or a test's pointer does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.actions import Action
from zones.challenges.design_params import Item
from zones.challenges.design_rules import LEVELS
from zones.challenges.drag import page_pos, pointer, shown_centre


class Faders:
    """The faders of one tune board: their slots, hotspots and the one being dragged."""

    def __init__(self, view: Any) -> None:
        self.view = view
        self.slots: dict[str, pygame.Rect] = {}
        self.spots: dict[str, Any] = {}
        #: the track whose handle the mouse holds
        self.held: str | None = None

    @staticmethod
    def width(p: Any) -> int:
        """The slot's width at the painter's text size."""
        return ui_layout.scaled(p, 96)

    def add(self, item: Item, rect: pygame.Rect) -> None:
        """A fader for track ``item`` in ``rect`` (board coordinates), a focusable slider."""
        m, kit = self.view.m, self.view.m.kit
        iid = item.id
        self.slots[iid] = pygame.Rect(rect)
        name = kit.pick(item.label)
        spot = kit.ui.hotspot(rect, kit.t("design.fader", item=name), lambda: self._grab(iid))
        spot.role = "slider"
        spot.state = lambda: kit.t("design.fader_state", n=m.levels[iid], top=LEVELS)
        spot.on_key = lambda key: self._key(iid, key)
        self.spots[iid] = spot

    def clear(self) -> None:
        self.slots, self.spots, self.held = {}, {}, None

    # -- where the levels are -------------------------------------------------------------
    def stop_x(self, iid: str, level: int) -> int:
        """The handle's centre x for ``level`` on track ``iid``'s slot."""
        slot = self.slots[iid]
        half = self.handle_w(slot) // 2
        return slot.x + half + (slot.w - 2 * half) * level // LEVELS

    @staticmethod
    def handle_w(slot: pygame.Rect) -> int:
        return max(18, min(slot.h, slot.w // 3))

    def level_at(self, iid: str, x: int) -> int:
        """The level nearest to board x ``x`` on track ``iid``'s slot."""
        return min(range(LEVELS + 1), key=lambda n: abs(self.stop_x(iid, n) - x))

    # -- input ----------------------------------------------------------------------------
    def _grab(self, iid: str) -> None:
        """The slot pressed (a mouse press, or Enter): the mouse now carries its handle."""
        if not self.view.m.finished:
            self.held = iid

    def _key(self, iid: str, key: int) -> bool:
        """Up / Down on the focused fader: one level louder / quieter. True when used."""
        self.held = None
        sign = {pygame.K_UP: "+", pygame.K_DOWN: "-"}.get(key)
        if sign is None or self.view.m.finished:
            return False
        self.view.m.perform(Action("level", iid, sign))
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The held handle follows the mouse while the button is down and is set where it is
        let go. True when the event was used."""
        if self.held is None:
            return False
        if event.type == pygame.KEYDOWN:
            self.held = None
            return False
        dragging = event.type == pygame.MOUSEMOTION and event.buttons and event.buttons[0]
        released = event.type == pygame.MOUSEBUTTONUP and event.button == 1
        if not (dragging or released):
            return False
        iid = self.held
        x, y = page_pos(self.view.m.kit.ui, event.pos)
        if released:
            self.held = None
            if not self.slots[iid].inflate(0, 2 * self.slots[iid].h).collidepoint(x, y):
                return True  # let go far from its slot (a press by keyboard, a click elsewhere)
        self.set(iid, self.level_at(iid, x))
        return True

    def set(self, iid: str, level: int) -> None:
        m = self.view.m
        if not m.finished and m.levels.get(iid) != level:
            m.perform(Action("level", iid, str(level)))

    def gesture(self, action: Action) -> Iterator[pygame.event.Event]:
        """A fader's handle dragged to the level ``action`` asks for (bots and tests)."""
        m = self.view.m
        iid = action.target
        if action.kind != "level" or iid not in self.spots or iid not in m.levels:
            return
        now = m.levels[iid]
        step = {"+": 1, "-": -1}.get(str(action.value))
        goal = now + step if step is not None else int(action.value)
        goal = max(0, min(LEVELS, goal))
        ui = m.kit.ui
        cx, cy = shown_centre(ui, self.spots[iid])
        shift = ui.screen_rect(self.spots[iid]).x - self.slots[iid].x
        start, end = (self.stop_x(iid, now) + shift, cy), (self.stop_x(iid, goal) + shift, cy)
        yield pointer(pygame.MOUSEMOTION, start)
        yield pointer(pygame.MOUSEBUTTONDOWN, start)
        yield pointer(pygame.MOUSEMOTION, ((start[0] + end[0]) // 2, cy), held=True)
        yield pointer(pygame.MOUSEMOTION, end, held=True)
        yield pointer(pygame.MOUSEBUTTONUP, end)

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, p: Any, item: Item) -> None:
        """Track ``item``'s fader: the slot, the bar filled up to the level, a tick per level
        and the handle with the level's number on it."""
        m, pal = self.view.m, p.palette
        iid = item.id
        if iid not in self.slots:
            return
        slot, level = self.slots[iid], m.levels[iid]
        hinted = m.hint_target == ("mix", iid)
        pygame.draw.rect(surface, pal.panel, slot, border_radius=8)
        x = self.stop_x(iid, level)
        bar = pygame.Rect(slot.x + 4, slot.centery - 5, max(0, x - slot.x - 4), 10)
        fill = pal.ink if pal.high_contrast else p.colour(item.colour)
        if level:
            pygame.draw.rect(surface, fill, bar, border_radius=4)
        for n in range(LEVELS + 1):
            tx = self.stop_x(iid, n)
            pygame.draw.line(surface, pal.ink, (tx, slot.bottom - 7), (tx, slot.bottom - 3), 2)
        edge = pal.focus if hinted or iid == self.held else pal.ink
        pygame.draw.rect(surface, edge, slot, 3 if hinted else 2, border_radius=8)
        hw = self.handle_w(slot)
        handle = pygame.Rect(0, slot.y + 2, hw, slot.h - 4)
        handle.centerx = x
        pygame.draw.rect(surface, pal.panel, handle, border_radius=6)
        pygame.draw.rect(surface, pal.ink, handle, 2, border_radius=6)
        top = handle.centery - p.line(16, True) // 2
        p.text(
            surface, str(level), (handle.centerx, top), 16, bold=True, align="center", box=handle
        )
