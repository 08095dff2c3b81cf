"""Settings: text size, high contrast, colour-safe colours, dyslexia-friendly font,
reduced motion, sound effects volume, Read aloud and its speech rate, language, where the
learning routes are from, and keys. When Read aloud cannot speak on this computer, one
line under its row says why (``game.speech``).

Opened from every screen (the header's gear button, or F1 anywhere) on top of whatever
is showing. Each change applies at once, is saved atomically to the file in force (the
signed-in player's own, else the installation's) and is recorded. The page is laid out
from measured text and scrolls, so it works at 200 % text.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.flow import save_settings
from game.ui_scene import HEADER_H, UiScene
from game.widgets.reflow import draw_row_label
from telemetry.xapi import activity_ids as ids
from zones.ui_layout import button_row

TEXT_SIZES = (1.0, 1.25, 1.5, 2.0)
VOLUMES = (0.0, 0.25, 0.5, 0.75, 1.0)
SPEECH_RATES = (0.75, 1.0, 1.25, 1.5, 2.0)
#: rows whose options are amounts (read aloud as a slider) and on/off rows (a toggle)
SLIDERS = ("text_scale", "effects_volume", "speech_rate")
LEFT, RIGHT = 60, 1220


class SettingsScene(UiScene):
    name = "settings"
    title_key = "settings.title"
    show_settings = False
    scrolls = True

    def rows(self) -> list[tuple[str, list[tuple[str, object]]]]:
        t = self.ctx.t
        on_off: list[tuple[str, object]] = [(t("common.off"), False), (t("common.on"), True)]
        return [
            ("text_scale", [(f"{round(s * 100)} %", s) for s in TEXT_SIZES]),
            ("high_contrast", on_off),
            ("colour_safe", on_off),
            ("dyslexia_font", on_off),
            ("reduced_motion", on_off),
            ("effects_volume", [(f"{round(v * 100)} %", v) for v in VOLUMES]),
            ("read_aloud", on_off),
            ("speech_rate", [(f"{round(r * 100)} %", r) for r in SPEECH_RATES]),
            ("language", [(t(f"language.{code}"), code) for code in self.ctx.i18n.languages]),
            (
                "route_framework",
                [
                    (t("settings.route_auto"), ""),
                    *((self.ctx.pick(f.name), f.id) for f in self.ctx.content.routes.values()),
                ],
            ),
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
            beside = button_row(
                p, labels, LEFT + label_w + 20, y, RIGHT - LEFT - label_w - 20, min_w=120
            )
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
            note = self.speech_note() if key == "read_aloud" else None
            if note:
                y += p.height(note, 18, RIGHT - LEFT) + 12
        return out

    def speech_note(self) -> str | None:
        """Why Read aloud cannot speak here (one line), or None."""
        speech = getattr(self.ctx, "speech", None)
        return speech.unavailable_line() if speech is not None else None

    def keys_button_rect(self) -> pygame.Rect:
        rows = self.layout()
        y = max(r.bottom for r in rows[-1][2]) + 30
        label = self.ctx.t("a11y.change_keys")
        return pygame.Rect(LEFT, y, self.ctx.painter.button_w(label), self.ctx.painter.button_h())

    def build(self) -> None:
        self.option_buttons: list[tuple[str, object, object]] = []
        for (key, options), (_key, _label, rects) in zip(self.rows(), self.layout(), strict=True):
            current = getattr(self.ctx.settings, key)
            labels = dict((v, label) for label, v in options)
            for (label, value), rect in zip(options, rects, strict=True):
                button = self.ui.button(
                    rect,
                    label,
                    partial(self.change, key, value),
                    "@primary" if value == current else "@default",
                )
                self.spoken(button, key, value, labels)
                self.option_buttons.append((key, value, button))
        self.ui.button(self.keys_button_rect(), self.ctx.t("a11y.change_keys"), self.change_keys)

    def spoken(self, button, key: str, value: object, labels: dict) -> None:
        """How an option reads aloud: its row, then slider/toggle/option and the state now."""
        t = self.ctx.t
        button.group = t(f"settings.{key}")
        button.role = (
            "slider" if key in SLIDERS else "toggle" if set(labels) == {False, True} else "option"
        )
        if button.role == "option":
            button.state = lambda k=key, v=value: t(
                "speech.selected" if getattr(self.ctx.settings, k) == v else "speech.not_selected"
            )
        else:
            button.state = lambda k=key: t(
                "speech.now", value=labels.get(getattr(self.ctx.settings, k), "")
            )

    def change(self, key: str, value: object) -> None:
        settings = self.ctx.settings
        if getattr(settings, key) == value:
            return
        setattr(settings, key, value)
        self.ctx.record(
            "selected",
            "menu",
            ids.setting_id(key),
            response=str(value),
            extensions={"setting": key, "value": str(value)},
        )
        save_settings(self.ctx)
        self.ctx.apply_settings()

    def change_keys(self) -> None:
        self.ctx.scenes.go("key_remap")

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        for key, label, rects in self.layout():
            draw_row_label(p, surface, self.ctx.t(f"settings.{key}"), label)
            current = getattr(self.ctx.settings, key)
            for (_label, value), rect in zip(dict(self.rows())[key], rects, strict=True):
                if value == current:  # chosen: filled button (bold label) and a ring
                    pygame.draw.rect(surface, pal.accent, rect.inflate(10, 10), 4, border_radius=18)
            note = self.speech_note() if key == "read_aloud" else None
            if note:
                p.text(
                    surface,
                    note,
                    (LEFT, max(r.bottom for r in rects) + 12),
                    18,
                    colour=pal.ink,
                    width=RIGHT - LEFT,
                )
        keys = self.keys_button_rect()
        hint = self.ctx.t("a11y.f1_hint")
        p.text(surface, hint, (LEFT, keys.bottom + 24), 17, colour=pal.muted, width=RIGHT - LEFT)
        return keys.bottom + 24 + p.height(hint, 17, RIGHT - LEFT)
