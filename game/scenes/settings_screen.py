"""Settings: text size, high contrast, colour-safe colours, dyslexia-friendly font,
reduced motion, sound effects volume, language and keys.

Opened from every screen (the header's gear button, or F1 anywhere) on top of whatever
is showing. Each change applies at once, is saved atomically to the file in force (the
signed-in player's own, else the installation's) and is recorded. The page is laid out
from measured text and scrolls, so it works at 200 % text.
"""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene
from game.settings import settings_path
from zones.ui_layout import button_row

TEXT_SIZES = (1.0, 1.25, 1.5, 2.0)
VOLUMES = (0.0, 0.25, 0.5, 0.75, 1.0)
LEFT, RIGHT = 60, 1220


def open_settings(ctx) -> None:
    """Push the settings screen unless a settings screen is already on top."""
    top = ctx.scenes.top
    if not isinstance(top, (SettingsScene,)) and getattr(top, "name", "") != "key_remap":
        ctx.scenes.push(SettingsScene())


def save_settings(ctx) -> None:
    """Save the settings in force to their file (background writer); a failure becomes a
    notice, not a crash."""
    ctx.save_settings(settings_path(ctx.data_dir, ctx.player.code if ctx.player else None))


class SettingsScene(UiScene):
    name = "settings"
    title_key = "settings.title"
    show_settings = False
    scrolls = True

    def rows(self) -> list[tuple[str, list[tuple[str, object]]]]:
        t = self.ctx.t
        on_off = [(t("common.off"), False), (t("common.on"), True)]
        return [
            ("text_scale", [(f"{round(s * 100)} %", s) for s in TEXT_SIZES]),
            ("high_contrast", on_off),
            ("colour_safe", on_off),
            ("dyslexia_font", on_off),
            ("reduced_motion", on_off),
            ("effects_volume", [(f"{round(v * 100)} %", v) for v in VOLUMES]),
            ("language", [(t(f"language.{code}"), code) for code in self.ctx.i18n.languages]),
        ]

    def layout(self) -> list[tuple[str, pygame.Rect, list[pygame.Rect]]]:
        """Each row: its label's rect and its option buttons. The options go beside the
        label when both fit on one line, else on the lines below it."""
        p = self.ctx.painter
        out = []
        y = HEADER_H + 30
        label_w = 440
        for key, options in self.rows():
            labels = [label for label, _ in options]
            beside = button_row(p, labels, LEFT + label_w + 20, y, RIGHT - LEFT - label_w - 20, min_w=120)
            label_h = p.height(self.ctx.t(f"settings.{key}"), 22, label_w, bold=True)
            if len({r.y for r in beside}) == 1 and label_h <= beside[0].h:
                label = pygame.Rect(LEFT, y, label_w, beside[0].h)
                rects = beside
            else:
                label_h = p.height(self.ctx.t(f"settings.{key}"), 22, RIGHT - LEFT, bold=True)
                label = pygame.Rect(LEFT, y, RIGHT - LEFT, label_h)
                rects = button_row(p, labels, LEFT, y + label_h + 10, RIGHT - LEFT, min_w=120)
            out.append((key, label, rects))
            y = max(r.bottom for r in rects) + 30
        return out

    def keys_button_rect(self) -> pygame.Rect:
        rows = self.layout()
        y = max(r.bottom for r in rows[-1][2]) + 30
        label = self.ctx.t("a11y.change_keys")
        return pygame.Rect(LEFT, y, self.ctx.painter.button_w(label), self.ctx.painter.button_h())

    def build(self) -> None:
        self.option_buttons: list[tuple[str, object, object]] = []
        for (key, options), (_key, _label, rects) in zip(self.rows(), self.layout(), strict=True):
            current = getattr(self.ctx.settings, key)
            for (label, value), rect in zip(options, rects, strict=True):
                button = self.ui.button(rect, label, lambda k=key, v=value: self.change(k, v),
                                        "@primary" if value == current else "@default")
                self.option_buttons.append((key, value, button))
        self.ui.button(self.keys_button_rect(), self.ctx.t("a11y.change_keys"), self.change_keys)

    def change(self, key: str, value: object) -> None:
        settings = self.ctx.settings
        if getattr(settings, key) == value:
            return
        setattr(settings, key, value)
        self.ctx.record("selected", "menu", f"settings/{key}", response=str(value),
                        extensions={"setting": key, "value": str(value)})
        save_settings(self.ctx)
        self.ctx.apply_settings()

    def change_keys(self) -> None:
        from game.scenes.key_remap import KeyRemapScene
        self.ctx.scenes.push(KeyRemapScene())

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        for key, label, rects in self.layout():
            p.text(surface, self.ctx.t(f"settings.{key}"), (label.x, label.y + 8), 22, bold=True,
                   width=label.w, box=label.inflate(0, 16))
            current = getattr(self.ctx.settings, key)
            for (_label, value), rect in zip(dict(self.rows())[key], rects, strict=True):
                if value == current:       # chosen: filled button (bold label) and a ring
                    pygame.draw.rect(surface, pal.accent, rect.inflate(10, 10), 4, border_radius=18)
        keys = self.keys_button_rect()
        hint = self.ctx.t("a11y.f1_hint")
        p.text(surface, hint, (LEFT, keys.bottom + 24), 17, colour=pal.muted, width=RIGHT - LEFT)
        return keys.bottom + 24 + p.height(hint, 17, RIGHT - LEFT)
