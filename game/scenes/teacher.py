"""The teacher panel, behind the teacher passphrase.

:class:`TeacherPanelScene` (opened by ``game.scenes.teacher_login`` with every class the
teacher's passphrase unlocks) lists those classes, shows the progress of the chosen one
(:mod:`telemetry.classroom.classes`) and offers Handout, Summary, Export, Open the folder,
Research mode on/off (as ``class set --research``), a
chosen pupil's Report and Erase (two presses), Merge from a folder and Erase the class
(two presses), and sets the learning routes the class's pupils see (a button that steps
through automatic, Scotland, England, Spain, saved in the sealed class file at once), writing
into ``<data_dir>/teacher/<CLASS>/``, shown on screen. Slow actions run on a
worker thread (:mod:`game.teacher_jobs`); the frame never waits. The page is laid out by
:mod:`game.widgets.teacher_page`. The same actions exist as ``python main.py class``.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.teacher_jobs import Job, output_dir
from game.ui_scene import UiScene
from game.widgets import teacher_page
from game.widgets.teacher_page import PAD, ROW_SIZE, ROWS_PER_PAGE


class TeacherPanelScene(UiScene):
    """The classes the passphrase opened: progress, files for the class, one pupil's
    report and erase, merge from a folder (a USB stick, a shared drive), open the output
    folder. A scrolling page laid out from measured text (two columns at normal text
    size, one under the other at large text); every control is reachable with Tab."""

    name = "teacher_panel"
    title_key = "teacher.panel_title"
    scrolls = True

    def __init__(self, classes) -> None:
        super().__init__()
        self.classes = list(classes)
        self.index = 0
        self.page = 0
        self.selected: str | None = None
        self.armed: str | None = None  # the erase waiting for its second press
        self.message = ""
        self.job: Job | None = None
        self.rows: list[dict] = []
        self.merge_text = ""

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self.load_rows()
        super().enter(ctx)

    @property
    def info(self):
        return self.classes[self.index]

    def load_rows(self) -> None:
        from telemetry.classroom.class_store import reload_class
        from telemetry.classroom.classes import class_facts, progress_rows

        try:
            self.classes[self.index] = reload_class(self.ctx.data_dir, self.info)
        except ValueError:
            pass
        self.rows = progress_rows(class_facts(self.ctx.data_dir, self.info, profile=False))

    # -- layout (game.widgets.teacher_page) -------------------------------------------
    def _row_text(self, row: dict) -> str:
        return teacher_page.row_text(self, row)

    def layout(self) -> dict:
        """Every rect of the page (page coordinates), from the painter's current fonts."""
        return teacher_page.page_layout(self)

    def progress_head(self) -> str:
        played = sum(1 for r in self.rows if r["played"])
        return self.ctx.t(
            "teacher.progress_head", code=self.info.code, played=played, total=len(self.rows)
        )

    def page_bottom(self) -> int:
        lay = self.layout()
        return max(lay["card"].bottom, lay["side"].bottom)

    def build(self) -> None:
        t = self.ctx.t
        lay = self.layout()
        labels = teacher_page.labels(self)
        for i, (info, rect) in enumerate(zip(self.classes, lay["classes"], strict=True)):
            self.ui.button(
                rect,
                info.code,
                partial(self.choose, i),
                "@primary" if i == self.index else "@small",
            )
        shown = self.rows[self.page * ROWS_PER_PAGE : (self.page + 1) * ROWS_PER_PAGE]
        self.row_spots = []
        for rect, row in zip(lay["rows"], shown, strict=True):
            spot = self.ui.hotspot(rect, self._row_text(row), partial(self.select, row["code"]))
            self.row_spots.append((spot, row))
        for rect, label, step in zip(lay["pager"], labels["pager"], (-1, 1), strict=False):
            self.ui.button(rect, label, partial(self.turn, step), "@small")
        actions = (
            lambda: self.start("handout"),
            lambda: self.start("summary"),
            lambda: self.start("export"),
            self.refresh,
            self.open_folder,
        )
        for rect, label, act in zip(lay["actions"], labels["actions"], actions, strict=True):
            self.ui.button(rect, label, act)
        self.ui.button(lay["research"][0], labels["research"][0], self.toggle_research, "@small")
        self.ui.button(lay["routes"][0], labels["routes"][0], self.next_routes, "@small")
        if self.selected:
            pupil_acts = (lambda: self.start("report"), lambda: self.erase("player"))
            for rect, label, act in zip(lay["pupil"], labels["pupil"], pupil_acts, strict=True):
                self.ui.button(rect, label, act, "@small")
        self.merge_field = self.ui.field(
            lay["field"], t("teacher.merge_label"), limit=500, on_submit=self.merge
        )
        self.merge_field.element.set_text(self.merge_text)
        self.ui.button(lay["merge"][0], labels["merge"][0], self.merge)
        self.ui.button(
            lay["erase_class"][0], labels["erase_class"][0], lambda: self.erase("class"), "@small"
        )

    def rebuild(self) -> None:
        """Keep the folder typed, and the keyboard in the field if it had it."""
        typing = hasattr(self, "merge_field") and self.merge_field.element.is_focused
        if hasattr(self, "merge_field"):
            self.merge_text = self.merge_field.text
        super().rebuild()
        if typing or self.ui.focused is self.merge_field:
            self.merge_field.element.focus()

    # -- actions ----------------------------------------------------------------------
    def choose(self, i: int) -> None:
        self.index, self.page, self.selected, self.armed, self.message = i, 0, None, None, ""
        self.load_rows()
        self.rebuild()

    def select(self, code: str) -> None:
        self.selected = code
        self.armed = None
        self.rebuild()

    def turn(self, step: int) -> None:
        pages = max(1, -(-len(self.rows) // ROWS_PER_PAGE))
        self.page = (self.page + step) % pages
        self.rebuild()

    def refresh(self) -> None:
        self.load_rows()
        self.rebuild()

    def _routes_name(self, framework: str | None) -> str:
        routes = self.ctx.content.routes
        if framework in routes:
            return self.ctx.pick(routes[framework].name)
        return self.ctx.t("settings.route_auto")

    def next_routes(self) -> None:
        """Step the class's learning routes on (automatic -> each framework -> automatic)
        and save the sealed class file; its pupils see them from their next sign-in."""
        from telemetry.classroom.class_store import save_class

        order = [None, *self.ctx.content.routes]
        now = self.info.settings.routes
        self.info.settings.routes = order[(order.index(now) + 1) % len(order)]
        save_class(self.ctx.data_dir, self.info)
        name = self._routes_name(self.info.settings.routes)
        self.say(self.ctx.t("teacher.routes_saved", code=self.info.code, name=name))

    def say(self, message: str) -> None:
        """Show a one-line result where the actions are, scrolled into view."""
        self.message = message
        self.rebuild()
        self.ui.page_height = self.page_bottom() + 24
        viewport = self.ui.viewport
        assert viewport is not None  # the panel scrolls
        y = self.layout()["message_y"] - viewport.y
        if not 0 <= y - self.ui.scroll < viewport.h - 60:
            self.ui.set_scroll(y - 12)
        self.ui.ensure_visible(self.ui.focused)  # the control in use stays in view too

    def start(self, action: str, **options) -> None:
        if self.job is not None and not self.job.done:
            return
        if action == "report":
            if not self.selected:
                return
            options["code"] = self.selected
        self.armed = None
        self.job = Job(action, self.ctx.data_dir, self.info, self.ctx.content, **options).start()
        self.say(self.ctx.t("teacher.working"))

    def toggle_research(self) -> None:
        """Research mode on/off, as ``class set --research``: its pupils are told on the
        consent page and answer the 48-item questionnaire at the end of the lesson."""
        from telemetry.classroom.class_store import save_class

        settings = self.info.settings
        settings.research = not settings.research
        try:
            save_class(self.ctx.data_dir, self.info)
        except (OSError, ValueError) as exc:
            settings.research = not settings.research
            self.say(str(exc))
            return
        self.say(
            self.ctx.t(
                "teacher.research_now_on" if settings.research else "teacher.research_now_off"
            )
        )

    def merge(self) -> None:
        """Merge the pupils' data found in the folder typed (a USB stick, a shared folder)."""
        from pathlib import Path

        text = self.merge_field.text.strip().strip('"')
        self.merge_text = text
        folder = Path(text).expanduser() if text else None
        if folder is None or not folder.is_dir():
            self.say(self.ctx.t("teacher.not_folder", folder=text or "—"))
            return
        self.start("merge", source=folder)

    def open_folder(self) -> None:
        from game.class_tools import open_folder

        folder = output_dir(self.ctx.data_dir, self.info.code)
        problem = open_folder(folder)
        self.say(
            self.ctx.t("teacher.opened", folder=str(folder))
            if problem is None
            else self.ctx.t("teacher.open_failed", folder=str(folder), problem=problem)
        )

    def erase(self, what: str) -> None:
        """First press arms, second press erases for real, from every copy (voiding what
        reached the class's LRS)."""
        from game.class_tools import erase_message, lrs_configs
        from telemetry.classroom.classes import erase_class_players
        from telemetry.xapi.store import PlayerLocked

        if self.armed != what:
            self.armed = what
            self.rebuild()
            return
        self.armed = None
        try:
            if what == "player" and self.selected:
                code = self.selected
                result = erase_class_players(
                    self.ctx.data_dir, self.info, [code], lrs_configs=lrs_configs(self.info)
                )
                self.selected = None
                self.load_rows()
                self.say(erase_message(self.ctx.t, code, result))
                return
            code = self.info.code
            result = erase_class_players(
                self.ctx.data_dir, self.info, None, lrs_configs=lrs_configs(self.info)
            )
            self.ctx.notices.append(
                erase_message(self.ctx.t, self.ctx.t("teacher.class_word", code=code), result)
            )
            self.classes.pop(self.index)
            if not self.classes:
                self.ctx.scenes.pop()
                return
            self.index = 0
            self.load_rows()
        except (PlayerLocked, OSError, ValueError) as exc:
            self.message = str(exc)
        self.rebuild()

    def update(self, dt: float) -> None:
        if self.job is not None and self.job.done:
            job, self.job = self.job, None
            if job.action == "merge":
                self.load_rows()
            self.say(job.message(self.ctx.t))

    @property
    def animating(self) -> bool:
        return self.job is not None

    def handle_event(self, event: pygame.event.Event) -> None:
        """The page's height comes from the layout, so Page Down works before a draw."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEWHEEL):
            self.ui.page_height = self.page_bottom() + 24
        super().handle_event(event)

    # -- drawing ----------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        t, p, pal = self.ctx.t, self.ctx.painter, self.ctx.palette
        lay = self.layout()
        card, side = lay["card"], lay["side"]
        p.panel(surface, card)
        inner = card.w - 2 * PAD
        p.text(
            surface,
            lay["head"],
            (card.x + PAD, lay["head_y"]),
            18,
            bold=True,
            width=inner,
            box=card,
        )
        for spot, row in self.row_spots:
            r = spot.rect
            if row["code"] == self.selected:
                pygame.draw.rect(
                    surface, pal.sky_low if not pal.high_contrast else pal.panel, r, border_radius=8
                )
                pygame.draw.rect(surface, pal.ink, r, 2, border_radius=8)
            p.text(
                surface,
                self._row_text(row),
                (r.x + 10, r.y + 6),
                ROW_SIZE,
                width=r.w - 20,
                box=r,
                bold=row["code"] == self.selected,
            )
        text, y = lay["folder"]
        p.text(surface, text, (side.x, y), 15, width=side.w, colour=pal.muted)
        if self.message:
            p.text(surface, self.message, (side.x, lay["message_y"]), 17, width=side.w)
        text, y = lay["pupil_text"]
        p.text(surface, text, (side.x, y), 17, bold=True, width=side.w)
        p.text(surface, t("teacher.merge_label"), (side.x, lay["merge_y"]), 17, width=side.w)
        pygame.draw.rect(surface, pal.panel_edge, lay["field"].inflate(6, 6), 2, border_radius=12)
        return max(card.bottom, side.bottom)
