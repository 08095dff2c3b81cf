"""Key remapping: the four navigation actions (next, previous, activate, back) and the
key each uses. Opened from the settings screen.

Choosing an action's button waits for the next key press and binds it (a key already
used by another action is swapped onto that action, so no two actions share a key).
"Reset" goes back to the defaults. Saved with the settings, used by every focus layer.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.flow import save_settings
from game.settings import ACTIONS
from game.ui_scene import HEADER_H, UiScene
from game.widgets.reflow import draw_row_label
from telemetry.xapi import activity_ids as ids
from zones.ui_layout import button_row

LEFT, RIGHT = 60, 1220


class KeyRemapScene(UiScene):
    name = "key_remap"
    title_key = "a11y.keys_title"
    show_settings = False
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        self.waiting: str | None = None

    def key_label(self, action: str) -> str:
        name = self.ctx.settings.key_for(action)
        return (
            name.upper()
            if len(name) == 1
            else (name.title() if name else self.ctx.t("a11y.no_key"))
        )

    def layout(self) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
        p = self.ctx.painter
        out = []
        y = HEADER_H + 30 + p.height(self.ctx.t("a11y.keys_help"), 18, RIGHT - LEFT) + 24
        for action in ACTIONS:
            text = self.ctx.t(f"a11y.action.{action}")
            label_h = p.height(text, 22, 520, bold=True)
            shown = (
                self.ctx.t("a11y.press_key") if self.waiting == action else self.key_label(action)
            )
            button = button_row(p, [shown], LEFT + 560, y, RIGHT - LEFT - 560, min_w=220)[0]
            h = max(label_h, button.h)
            out.append((action, pygame.Rect(LEFT, y, 520, h), button))
            y += h + 24
        return out

    def build(self) -> None:
        for action, _label, rect in self.layout():
            shown = (
                self.ctx.t("a11y.press_key") if self.waiting == action else self.key_label(action)
            )
            self.ui.button(rect, shown, partial(self.listen, action))
        y = self.layout()[-1][2].bottom + 30
        reset = self.ctx.t("a11y.reset_keys")
        self.reset_button = self.ui.button(
            button_row(self.ctx.painter, [reset], LEFT, y, RIGHT - LEFT)[0], reset, self.reset
        )

    def listen(self, action: str) -> None:
        self.waiting = action
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.waiting and event.type == pygame.KEYDOWN and event.key != pygame.K_F1:
            self.bind(self.waiting, pygame.key.name(event.key))
            return
        super().handle_event(event)

    def bind(self, action: str, name: str) -> None:
        """Give ``action`` the key ``name``; an action that had that key gets ours."""
        settings = self.ctx.settings
        old = settings.key_for(action)
        for other in ACTIONS:
            if other != action and settings.key_for(other) == name:
                settings.key_bindings[other] = old
        settings.key_bindings[action] = name
        self.waiting = None
        self.ctx.record(
            "selected",
            "menu",
            ids.setting_id("key_bindings", action),
            response=name,
            extensions={"setting": "key_bindings", "value": f"{action}={name}"},
        )
        save_settings(self.ctx)
        self.ctx.apply_settings()

    def reset(self) -> None:
        self.ctx.settings.key_bindings = {}
        self.waiting = None
        save_settings(self.ctx)
        self.ctx.apply_settings()

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        p.text(
            surface,
            self.ctx.t("a11y.keys_help"),
            (LEFT, HEADER_H + 30),
            18,
            width=RIGHT - LEFT,
            colour=self.ctx.palette.muted,
        )
        for action, label, _button in self.layout():
            draw_row_label(p, surface, self.ctx.t(f"a11y.action.{action}"), label)
        return self.reset_button.rect.bottom
