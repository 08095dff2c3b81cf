"""Settings: text size, high contrast, dyslexia-friendly font, reduced motion, language.
Each change applies at once, is saved atomically and is recorded."""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene

TEXT_SIZES = (1.0, 1.25, 1.5, 2.0)


class SettingsScene(UiScene):
    name = "settings"
    title_key = "settings.title"

    def rows(self) -> list[tuple[str, list[tuple[str, object]]]]:
        t = self.ctx.t
        return [
            ("text_scale", [(f"{round(s * 100)} %", s) for s in TEXT_SIZES]),
            ("high_contrast", [(t("common.off"), False), (t("common.on"), True)]),
            ("dyslexia_font", [(t("common.off"), False), (t("common.on"), True)]),
            ("reduced_motion", [(t("common.off"), False), (t("common.on"), True)]),
            ("language", [(t(f"language.{code}"), code) for code in self.ctx.i18n.languages]),
        ]

    def build(self) -> None:
        for r, (key, options) in enumerate(self.rows()):
            for c, (label, value) in enumerate(options):
                self.ui.button((520 + c * 180, HEADER_H + 40 + r * 96, 168, 60), label,
                               lambda k=key, v=value: self.change(k, v))

    def change(self, key: str, value: object) -> None:
        settings = self.ctx.settings
        if getattr(settings, key) == value:
            return
        setattr(settings, key, value)
        self.ctx.record("selected", "menu", f"settings/{key}", response=str(value),
                        extensions={"setting": key, "value": str(value)})
        try:
            settings.save(self.ctx.data_dir / "settings.json")
        except OSError as exc:
            self.ctx.notices.append(self.ctx.t("notice.settings_not_saved", problem=str(exc)))
        self.ctx.apply_settings()

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        for r, (key, options) in enumerate(self.rows()):
            y = HEADER_H + 40 + r * 96
            p.text_fit(surface, self.ctx.t(f"settings.{key}"), (60, y + 30), 440, 22, bold=True)
            current = getattr(self.ctx.settings, key)
            for c, (_label, value) in enumerate(options):
                if value == current:
                    rect = pygame.Rect(520 + c * 180, y, 168, 60).inflate(10, 10)
                    pygame.draw.rect(surface, pal.accent, rect, 4, border_radius=18)
