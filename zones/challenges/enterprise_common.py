"""Shared pieces of the Persuaders' family (see ``enterprise.py``): a base class with
game-drawn buttons that can be shown and hidden between phases, money drawing (a coin
icon and a number, never a currency symbol) and a feedback banner (the rules they view:
``enterprise_rules.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.actions import Action
from zones.challenges.enterprise_rules import check_items, check_levels
from zones.challenges.rules_view import RulesView

__all__ = ["GOLD", "Btn", "EnterpriseBase", "check_items", "check_levels"]

GOLD = (240, 180, 40)


@dataclass
class Btn:
    """A game-drawn button: a focusable hotspot plus how to draw it."""

    spot: Any
    text: str
    primary: bool = False
    icon: str = ""
    shape: str = ""
    colour: str = ""
    custom: bool = False  # the owner draws it (a richer card); draw_buttons skips it
    action: Action | None = None

    def show(self, visible: bool, text: str | None = None) -> None:
        self.spot.visible = visible
        if text is not None:
            self.text = text
            self.spot.label = text


class EnterpriseBase(RulesView):
    """What the three Persuaders' views share (their rules: ``enterprise_*_rules.py``)."""

    family = "enterprise"

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        self.buttons: list[Btn] = []

    @classmethod
    def validate_mode(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return cls.rules_class.validate_mode(params, languages)  # type: ignore[attr-defined]

    # -- helpers for subclasses ------------------------------------------------------
    def button(
        self,
        rect,
        text: str,
        action: Action,
        *,
        primary: bool = False,
        icon: str = "",
        shape: str = "",
        colour=None,
        custom: bool = False,
    ) -> Btn:
        spot = self.kit.ui.hotspot(pygame.Rect(rect), text, lambda a=action: self.perform(a))
        btn = Btn(spot, text, primary, icon, shape, colour, custom, action)
        self.buttons.append(btn)
        return btn

    def focus(self, btn: Btn) -> None:
        focus = getattr(self.kit.ui, "focus", None)
        if focus is not None:
            focus(btn.spot)

    # -- drawing ----------------------------------------------------------------------
    def button_states(self) -> tuple:
        """What the game-drawn buttons show (text, shown, usable, place, hovered): part of a
        cached board layer's key."""
        return tuple(
            (
                b.text,
                b.spot.visible,
                b.spot.enabled,
                tuple(b.spot.rect),
                getattr(b.spot, "hovered", False),
            )
            for b in self.buttons
        )

    def draw_buttons(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        for b in self.buttons:
            if not b.spot.visible or b.custom:
                continue
            r = b.spot.rect
            lift = -2 if getattr(b.spot, "hovered", False) else 0
            r = r.move(0, lift)
            fill = pal.accent if b.primary else pal.panel
            ink = ((0, 0, 0) if pal.high_contrast else (255, 255, 255)) if b.primary else pal.ink
            if not b.spot.enabled:
                fill, ink = pal.panel_edge if not pal.high_contrast else pal.panel, pal.muted
            pygame.draw.rect(surface, fill, r, border_radius=12)
            edge = (
                pal.ink
                if pal.high_contrast
                else p.colour("#B9AC98")
                if not b.primary
                else pal.accent
            )
            if b.spot.enabled:
                pygame.draw.rect(surface, edge, r, 2, border_radius=12)
            else:  # cannot be used now: dashed, not only greyer
                board_text.dashed_rect(surface, pal.ink if pal.high_contrast else pal.muted, r)
            x = r.x + 14
            if b.shape:
                p.shape(
                    surface,
                    b.shape,
                    (x + 12, r.centery),
                    12,
                    p.colour(b.colour) if b.colour else pal.accent,
                )
                x += 32
            elif b.icon:
                size = ui_layout.icon(p, 22)
                p.icon(
                    surface,
                    b.icon,
                    (x + size // 2, r.centery),
                    size,
                    GOLD if b.icon == "coin" and not pal.high_contrast else ink,
                )
                x += size + 8
            ui_layout.label(
                p,
                surface,
                b.text,
                (x, r.centery),
                r.right - x - 10,
                18,
                colour=ink,
                bold=b.primary,
                box=r,
            )

    def button_h(self, text: str, width: int, icon: bool = False, minimum: int = 44) -> int:
        """A game-drawn button's height: ``minimum``, or as tall as its wrapped label
        (``width`` wide) needs."""
        p = self.kit.painter
        inner = width - 14 - (ui_layout.icon(p, 22) + 8 if icon else 0) - 10
        return max(minimum, ui_layout.label_h(p, text, inner, 18, True) + 16)

    def coins(
        self,
        surface: pygame.Surface,
        pos,
        amount: int,
        size: int = 20,
        *,
        colour=None,
        label: str = "",
        max_width: int = 0,
    ) -> pygame.Rect:
        """A gold coin then ``amount coins`` (or ``label`` with the amount filled in)."""
        p = self.kit.painter
        cx, cy = pos[0] + size // 2, pos[1] + size // 2 + 2
        if not p.palette.high_contrast:
            pygame.draw.circle(surface, GOLD, (cx, cy), size // 2 + 1)
            p.icon(surface, "coin", (cx, cy), size, (120, 80, 0))
        else:
            p.icon(surface, "coin", (cx, cy), size + 4, p.palette.ink)
        text = label or self.kit.t("enterprise.coins", n=amount)
        if max_width:
            r = ui_layout.label(
                p,
                surface,
                text,
                (pos[0] + size + 8, cy - 2),
                max_width - size - 8,
                size,
                colour=colour,
                bold=True,
            )
        else:
            r = p.text(surface, text, (pos[0] + size + 8, pos[1]), size, colour=colour, bold=True)
        return r.union(pygame.Rect(pos[0], pos[1], size, size))

    def draw_feedback(self, surface: pygame.Surface, rect) -> None:
        if not self.feedback:
            return
        p = self.kit.painter
        pal = p.palette
        rect = pygame.Rect(rect)
        pygame.draw.rect(
            surface, pal.good if self.feedback_good else pal.bad, rect, border_radius=10
        )
        white = (255, 255, 255) if not pal.high_contrast else (0, 0, 0)
        if rect.h >= 70:  # a tall box: wrap the words instead of shrinking them
            size = ui_layout.icon(p, 22)
            p.icon(
                surface,
                "check" if self.feedback_good else "cross",
                (rect.x + 11 + size // 2, rect.y + max(24, 12 + p.line(18) // 2)),
                size,
                white,
            )
            p.text(
                surface,
                self.feedback,
                (rect.x + 20 + size, rect.y + 12),
                18,
                colour=white,
                width=rect.w - 32 - size,
                box=rect,
            )
            return
        p.icon(
            surface,
            "check" if self.feedback_good else "cross",
            (rect.x + 22, rect.centery),
            22,
            white,
        )
        p.text_fit(
            surface, self.feedback, (rect.x + 42, rect.centery), rect.w - 54, 18, colour=white
        )

    def feedback_h(self, design: int = 70) -> int:
        """A feedback banner's height: ``design`` where its one line may shrink to fit,
        else tall enough for three wrapped lines."""
        p = self.kit.painter
        return design if ui_layout.shrinks(p) else max(design, 70, int(p.line(18) * 3.4) + 24)

    def draw_clock(self, surface: pygame.Surface, rect) -> None:
        if self.time_limit:
            self.kit.painter.timer(
                surface,
                rect,
                max(0.0, 1 - self.elapsed / self.time_limit),
                int(max(0, self.time_limit - self.elapsed)),
            )
