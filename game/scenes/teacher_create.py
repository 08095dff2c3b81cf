"""Create a class from the teacher panel: class code, number of players, session length,
language, open districts and the teacher passphrase (typed twice, never stored — only
its salted scrypt hash). The same as ``python main.py class create``.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.ui_scene import HEADER_H, UiScene
from zones.ui_layout import bottom, button_row, columns_for

SESSION_MINUTES = (None, 30, 40, 45, 60)
CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
LEFT, PAGE_X, PAGE_W = 360, 24, 1232


class TeacherCreateScene(UiScene):
    name = "teacher_create"
    title_key = "teacher.create_title"
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        self.players = 30
        self.minutes: int | None = 45
        self.language = "en"
        self.open: set[str] = set()
        self.problem = ""
        self.typed: dict[str, str] = {}

    def enter(self, ctx) -> None:
        self.language = ctx.settings.language
        self.open = {d.id for d in ctx.content.districts}
        super().enter(ctx)

    # -- layout ---------------------------------------------------------------------
    def layout(self) -> dict:
        """Every rect of the form from measured text: labels left of their controls at
        normal size, above them at large text; a scrolling page (page coordinates)."""
        p, t = self.ctx.painter, self.ctx.t
        two = columns_for(p, 2, PAGE_W, 600) == 2
        cx = LEFT if two else PAGE_X
        cw = PAGE_X + PAGE_W - cx
        field_h = p.button_h()
        y = HEADER_H + 24
        rows: dict[str, dict] = {}

        def row(key: str, label: str, make) -> None:
            nonlocal y
            label_h = p.height(label, 19, (LEFT - 80) if two else PAGE_W, True)
            top = y if two else y + label_h + 8
            rects = make(top)
            rows[key] = {
                "label": label,
                "label_y": y + (field_h - label_h) // 2 if two else y,
                "rects": rects,
            }
            y = max(bottom(rects, top), y + label_h) + 18

        minute_labels = [
            t("teacher.no_limit") if m is None else t("teacher.minutes", n=m)
            for m in SESSION_MINUTES
        ]
        language_labels = [t(f"language.{c}") for c in self.ctx.i18n.languages]
        district_labels = [self._district_label(d.id) for d in self.ctx.content.districts]
        row(
            "code",
            t("teacher.field_code"),
            lambda top: [pygame.Rect(cx, top, min(cw, 420), field_h)],
        )
        row("players", t("teacher.field_players"), lambda top: [pygame.Rect(cx, top, 160, field_h)])
        row(
            "minutes",
            t("teacher.field_minutes"),
            lambda top: button_row(p, minute_labels, cx, top, cw),
        )
        row(
            "language",
            t("teacher.field_language"),
            lambda top: button_row(p, language_labels, cx, top, cw),
        )
        row(
            "districts",
            t("teacher.field_districts"),
            lambda top: button_row(p, district_labels, cx, top, cw),
        )
        row(
            "pass",
            t("teacher.field_pass"),
            lambda top: [pygame.Rect(cx, top, min(cw, 420), field_h)],
        )
        row(
            "again",
            t("teacher.field_again"),
            lambda top: [pygame.Rect(cx, top, min(cw, 420), field_h)],
        )
        create = button_row(p, [t("teacher.create")], cx, y, cw, "@primary")
        y = bottom(create, y) + 16
        return {"two": two, "rows": rows, "create": create[0], "problem_y": y}

    def build(self) -> None:
        t = self.ctx.t
        lay = self.layout()
        rows = lay["rows"]
        self.code_field = self.ui.field(
            rows["code"]["rects"][0], t("teacher.field_code"), limit=20, allowed=CODE_CHARACTERS
        )
        self.code_field.element.set_text(self.typed.get("code", ""))
        self.count_field = self.ui.field(
            rows["players"]["rects"][0], t("teacher.field_players"), limit=3, allowed="0123456789"
        )
        self.count_field.element.set_text(self.typed.get("players", str(self.players)))
        self.minute_buttons = {
            m: self.ui.button(rect, label, partial(self.set_minutes, m))
            for m, rect, label in zip(
                SESSION_MINUTES,
                rows["minutes"]["rects"],
                [
                    t("teacher.no_limit") if m is None else t("teacher.minutes", n=m)
                    for m in SESSION_MINUTES
                ],
                strict=True,
            )
        }
        self.language_buttons = {
            code: self.ui.button(rect, t(f"language.{code}"), partial(self.set_language, code))
            for code, rect in zip(self.ctx.i18n.languages, rows["language"]["rects"], strict=True)
        }
        self.district_buttons = {}
        for district, rect in zip(
            self.ctx.content.districts, rows["districts"]["rects"], strict=True
        ):
            self.district_buttons[district.id] = self.ui.button(
                rect, self._district_label(district.id), partial(self.toggle, district.id)
            )
        self.pass_field = self.ui.field(
            rows["pass"]["rects"][0], t("teacher.field_pass"), hidden=True, limit=128
        )
        self.again_field = self.ui.field(
            rows["again"]["rects"][0], t("teacher.field_again"), hidden=True, limit=128
        )
        self.pass_field.element.set_text(self.typed.get("pass", ""))
        self.again_field.element.set_text(self.typed.get("again", ""))
        self.ui.button(lay["create"], t("teacher.create"), self.create, "@primary")
        self.ui.focus(self.code_field)

    def rebuild(self) -> None:
        """Keep what was typed (a district toggle reflows the buttons)."""
        if hasattr(self, "code_field"):
            self.typed = {
                "code": self.code_field.text,
                "players": self.count_field.text,
                "pass": self.pass_field.text,
                "again": self.again_field.text,
            }
        focus = self.ui.focus_index
        super().rebuild()
        if focus is not None and focus < len(self.ui.items):
            self.ui.focus_index = focus

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEWHEEL):
            self.ui.page_height = self.layout()["problem_y"] + 60
        super().handle_event(event)

    def _district_label(self, district_id: str) -> str:
        name = self.ctx.pick(self.ctx.content.district(district_id).name)
        return ("✓ " if district_id in self.open else "✗ ") + name

    # -- choices --------------------------------------------------------------------
    def set_minutes(self, minutes: int | None) -> None:
        self.minutes = minutes

    def set_language(self, code: str) -> None:
        self.language = code

    def toggle(self, district_id: str) -> None:
        if district_id in self.open and len(self.open) > 1:  # at least one stays open
            self.open.discard(district_id)
        else:
            self.open.add(district_id)
        self.rebuild()

    def fail(self, problem: str) -> None:
        """Show why the class was not created, scrolled into view."""
        self.problem = problem
        self.ui.page_height = (
            self.layout()["problem_y"] + self.ctx.painter.height(problem, 17, PAGE_W) + 24
        )
        self.ui.set_scroll(self.ui.max_scroll)

    def create(self) -> None:
        """Validate, create the class and its player saves, then open it in the panel."""
        from game.class_tools import prepare_saves
        from telemetry.classroom.class_store import MAX_PLAYERS, SessionSettings, create_class

        try:
            self.players = int(self.count_field.text)
        except ValueError:
            self.players = 0
        if not 1 <= self.players <= MAX_PLAYERS:
            self.fail(self.ctx.t("teacher.bad_players"))
            return
        if self.pass_field.text != self.again_field.text:
            self.fail(self.ctx.t("teacher.pass_mismatch"))
            return
        every = len(self.open) == len(self.ctx.content.districts)
        settings = SessionSettings(
            minutes=self.minutes,
            language=self.language,
            districts=None if every else sorted(self.open),
        )
        try:
            info = create_class(
                self.ctx.data_dir,
                self.code_field.text.strip(),
                self.pass_field.text,
                self.players,
                settings,
            )
            prepare_saves(self.ctx.data_dir, info.players)
        except (ValueError, OSError) as exc:
            self.fail(str(exc))
            return
        self.ctx.scenes.replace("teacher_panel", classes=[info])

    # -- drawing ----------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        label_w = (LEFT - 80) if lay["two"] else PAGE_W
        for entry in lay["rows"].values():
            p.text(
                surface,
                entry["label"],
                (PAGE_X + (36 if lay["two"] else 0), entry["label_y"]),
                19,
                bold=True,
                width=label_w,
            )
        players = lay["rows"]["players"]["rects"][0]
        p.text(
            surface,
            self.ctx.t("teacher.players_hint"),
            (players.right + 20, players.y + 8),
            17,
            colour=pal.muted,
            width=PAGE_X + PAGE_W - players.right - 20,
        )
        chosen = [self.minute_buttons[self.minutes], self.language_buttons[self.language]]
        for item in chosen:
            pygame.draw.rect(surface, pal.accent, item.rect.inflate(8, 8), 4, border_radius=16)
        for field in (self.code_field, self.count_field, self.pass_field, self.again_field):
            pygame.draw.rect(surface, pal.panel_edge, field.rect.inflate(6, 6), 2, border_radius=12)
        if self.problem:
            p.text(
                surface, self.problem, (PAGE_X, lay["problem_y"]), 17, colour=pal.bad, width=PAGE_W
            )
        return lay["problem_y"] + (p.height(self.problem, 17, PAGE_W) if self.problem else 0)
