"""The teacher panel, behind the teacher passphrase.

:class:`TeacherLoginScene` (from the title screen's Teacher button) asks for the
passphrase in a hidden text field and opens every class that passphrase unlocks;
:class:`TeacherPanelScene` lists those classes, shows the progress of the chosen one
(:mod:`telemetry.classroom`) and offers Handout, Summary, Export and Erase (two presses),
writing into ``<data_dir>/teacher/<CLASS>/``, shown on screen. Slow actions run on a
worker thread (:mod:`game.scenes.teacher_jobs`); the frame never waits. The passphrase is
checked and dropped, never stored. The same actions exist as ``python main.py class``.
"""

from __future__ import annotations

import pygame

from game.scenes.base import UiScene
from game.scenes.teacher_jobs import Job, output_dir

ROWS_PER_PAGE = 10


class TeacherLoginScene(UiScene):
    name = "teacher_login"
    title_key = "teacher.title"

    def build(self) -> None:
        field = self.ui.field((390, 300, 500, 64), self.ctx.t("teacher.prompt"), hidden=True, on_submit=self.submit, limit=128)
        self.entry = field.element
        self.ui.focus(field)
        self.ui.button((390, 400, 500, 60), self.ctx.t("teacher.open"), self.submit, "@primary")
        self.ui.button((390, 610, 500, 52), self.ctx.t("teacher.new_class"), self.new_class)
        self.problem = getattr(self, "problem", "")

    def submit(self) -> None:
        from telemetry.class_store import TooManyAttempts, list_classes, unlock_classes

        passphrase = self.entry.get_text()
        self.entry.set_text("")
        if not list_classes(self.ctx.data_dir):
            self.problem = self.ctx.t("teacher.no_classes")
            return
        try:
            unlocked, problems = unlock_classes(self.ctx.data_dir, passphrase)
        except TooManyAttempts as exc:
            self.problem = self.ctx.t("teacher.wait", seconds=exc.seconds)
            return
        if not unlocked:
            self.problem = (self.ctx.t("teacher.refused", n=len(problems)) if problems
                            else self.ctx.t("teacher.wrong"))
            return
        self.ctx.scenes.replace(TeacherPanelScene(unlocked))

    def new_class(self) -> None:
        from game.scenes.teacher_create import TeacherCreateScene
        self.ctx.scenes.replace(TeacherCreateScene())

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(340, 150, 600, 360)
        p.panel(surface, card)
        p.text(surface, self.ctx.t("teacher.prompt"), (card.x + 50, card.y + 40), 22, width=card.w - 100)
        if self.problem:
            p.text(surface, self.problem, (card.x + 50, card.bottom + 20), 19,
                   colour=self.ctx.palette.bad, width=card.w - 100)


class TeacherPanelScene(UiScene):
    name = "teacher_panel"
    title_key = "teacher.panel_title"

    def __init__(self, classes) -> None:
        super().__init__()
        self.classes = list(classes)
        self.index = 0
        self.page = 0
        self.selected: str | None = None
        self.armed: str | None = None      # the erase waiting for its second press
        self.message = ""
        self.job: Job | None = None
        self.rows: list[dict] = []

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self.load_rows()
        super().enter(ctx)

    @property
    def info(self):
        return self.classes[self.index]

    def load_rows(self) -> None:
        from telemetry.class_store import reload_class
        from telemetry.classroom import class_facts, progress_rows

        try:
            self.classes[self.index] = reload_class(self.ctx.data_dir, self.info)
        except ValueError:
            pass
        self.rows = progress_rows(class_facts(self.ctx.data_dir, self.info, profile=False))

    def build(self) -> None:
        t = self.ctx.t
        for i, info in enumerate(self.classes[:6]):
            self.ui.button((24, 90 + i * 58, 220, 50), info.code, lambda i=i: self.choose(i),
                           "@primary" if i == self.index else "@default")
        shown = self.rows[self.page * ROWS_PER_PAGE:(self.page + 1) * ROWS_PER_PAGE]
        self.row_spots = []
        for k, row in enumerate(shown):
            spot = self.ui.hotspot((270, 164 + k * 35, 640, 33), row["code"],
                                   lambda c=row["code"]: self.select(c))
            self.row_spots.append((spot, row))
        if len(self.rows) > ROWS_PER_PAGE:
            self.ui.button((270, 520, 150, 44), t("teacher.prev"), lambda: self.turn(-1), "@small")
            self.ui.button((430, 520, 150, 44), t("teacher.next"), lambda: self.turn(1), "@small")
        x = 940
        self.ui.button((x, 90, 316, 50), t("teacher.handout"), lambda: self.start("handout"))
        self.ui.button((x, 150, 316, 50), t("teacher.summary"), lambda: self.start("summary"))
        self.ui.button((x, 210, 316, 50), t("teacher.export"), lambda: self.start("export"))
        self.ui.button((x, 270, 316, 50), t("teacher.refresh"), self.refresh)
        if self.selected:
            label = (t("teacher.erase_player_confirm", code=self.selected) if self.armed == "player"
                     else t("teacher.erase_player", code=self.selected))
            self.ui.button((x, 350, 316, 50), label, lambda: self.erase("player"), "@small")
        label = (t("teacher.erase_class_confirm", n=len(self.info.players)) if self.armed == "class"
                 else t("teacher.erase_class"))
        self.ui.button((x, 410, 316, 50), label, lambda: self.erase("class"), "@small")

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

    def start(self, action: str) -> None:
        if self.job is not None and not self.job.done:
            return
        self.armed = None
        self.job = Job(action, self.ctx.data_dir, self.info, self.ctx.content).start()
        self.message = self.ctx.t("teacher.working")

    def erase(self, what: str) -> None:
        """First press arms, second press erases for real."""
        from telemetry.classroom import erase_class_players
        from telemetry.store import PlayerLocked

        if self.armed != what:
            self.armed = what
            self.rebuild()
            return
        self.armed = None
        try:
            if what == "player" and self.selected:
                erase_class_players(self.ctx.data_dir, self.info, [self.selected])
                self.message = self.ctx.t("teacher.erased_player", code=self.selected)
                self.selected = None
                self.load_rows()
            else:
                code = self.info.code
                erase_class_players(self.ctx.data_dir, self.info, None)
                self.ctx.notices.append(self.ctx.t("teacher.erased_class", code=code))
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
            self.message = self.job.message(self.ctx.t)
            self.job = None

    @property
    def animating(self) -> bool:
        return self.job is not None

    # -- drawing ----------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        t, p, pal = self.ctx.t, self.ctx.painter, self.ctx.palette
        table = pygame.Rect(258, 84, 664, 486)
        p.panel(surface, table)
        played = sum(1 for r in self.rows if r["played"])
        p.text_fit(surface, t("teacher.progress_head", code=self.info.code, played=played,
                              total=len(self.rows)), (table.x + 14, table.y + 24), table.w - 28, 18, bold=True)
        cols = ((0, "teacher.col_code"), (250, "teacher.col_played"), (380, "teacher.col_challenges"),
                (520, "teacher.col_minutes"))
        for dx, key in cols:
            p.text_fit(surface, t(key), (table.x + 14 + dx, table.y + 58), 125 if dx else 230, 15,
                       colour=pal.muted, bold=True)
        for spot, row in self.row_spots:
            r = spot.rect
            if row["code"] == self.selected:
                pygame.draw.rect(surface, pal.sky_low if not pal.high_contrast else pal.panel, r,
                                 border_radius=8)
                pygame.draw.rect(surface, pal.ink, r, 2, border_radius=8)
            values = (row["code"], t("teacher.yes") if row["played"] else t("teacher.no"),
                      str(row["challenges"]), str(row["minutes"]))
            for (dx, _), value in zip(cols, values, strict=True):
                p.text_fit(surface, value, (r.x + 2 + dx, r.centery), 125 if dx else 230, 17,
                           bold=dx == 0)
        out = output_dir(self.ctx.data_dir, self.info.code)
        p.text(surface, t("teacher.output", folder=str(out)), (940, 480), 15, width=316,
               colour=pal.muted)
        if self.message:
            p.text(surface, self.message, (258, 590), 17, width=1000)
        s = self.info.settings
        p.text_fit(surface, t("teacher.settings_line",
                              minutes=s.minutes or "—", districts=len(s.districts) if s.districts is not None
                              else len(self.ctx.content.districts), lang=s.language or "—"),
                   (24, 470), 226, 14, colour=pal.muted)
