"""Investigate: examine, test an idea, conclude (the Thinkers' family). The view.

The rules (a pure state machine) are in ``investigate_rules.py``, the params' types and
checks in ``investigate_params.py``; this class builds the
controls through ``kit.ui``, turns presses, drags and keys into the rules' actions and
draws their state (``investigate_layout`` places, ``investigate_boards`` and
``investigate_pictures`` paint, ``investigate_words`` words the notebook and the board).
The board is laid out once for every text size with ``zones/ui_layout`` (measured text
makes boxes grow and the side column wrap below). Modes:
``chart`` (press the dog's body to examine it, order tests that take time; after the
diagnosis, treat him), ``tray`` (pick up a reagent and drop it on a sample, read it
against the key), ``table`` (put a variable on the chart beside the sales, check new data).

Data that drives it (``params`` in a challenge file, per level laid over the base)::

    {"mode": "chart", "subject": {...}, "answer": "sock",
     "hypotheses": [{"id": "sock", "shape": "circle", "colour": "#E07A3F",
                     "label": {...}, "quip": {...}, "treat": {...}}],
     "clues": [{"id": "tummy", "label": {...}, "text": {...}, "signs": {"sock": {...}},
                "x": 0.5, "y": 0.6, "herring": false, "values": {"default": [..]}}],
     "tests": [{"id": "xray", "label": {...}, "checks": ["sock"], "wait": 10,
                "found": {...}, "clear": {...}, "base": 0, "colour": "#3A86FF"}],
     "samples": [{"id": "case", "case": true, "label": {...}}],       # tray
     "series": {"name": {...}, "labels": [{...}], "values": [320, 410, 95]},   # table
     "only_hypotheses": [...], "only_clues": [...], "only_tests": [...], "closed": ["xray"],
     "closed_note": {...},
     "treatments": [{"id": "operate", "fits": "sock", "label": {...}}], "treat_tries": 2,
     "wait_scale": 1,
     "hypotheses_shown": [3, 4, 5], "herrings": [0, 1, 9],
     "budget": [0, 8, 6], "attempts": [3, 2, 2]}

Per difficulty (lists of three): ideas in play, red-herring clues mixed in, the lab-time
budget (0 = unlimited) and the tries. On Easy, tests that check nothing in play are left out.
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import investigate_boards as boards
from zones.challenges import investigate_layout as layout
from zones.challenges import investigate_params
from zones.challenges import investigate_words as words
from zones.challenges.base import Action, RulesMechanic
from zones.challenges.investigate_params import MODES, InvestigateParams, Test, Treatment
from zones.challenges.investigate_rules import CaseRules

__all__ = ["MODES", "InvestigateMechanic"]

SIDE_W = 390
GAP = 16


class InvestigateMechanic(RulesMechanic):
    family = "investigate"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return investigate_params.validate(params, languages)

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {"": InvestigateParams}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        return investigate_params.parse_params(params, languages)

    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> CaseRules:
        return CaseRules(params, difficulty, rng)

    def __init__(
        self,
        params: InvestigateParams | dict[str, Any],
        difficulty: int,
        kit: Any,
        rng: random.Random,
    ):
        super().__init__(params, difficulty, kit, rng)
        self.params: InvestigateParams = self.rules.params
        self.mode = self.rules.mode
        self.held: str | None = None  # tray: the reagent picked up
        self.mouse: tuple[int, int] | None = None
        self.flash = 0.0  # seconds the newest note stays lit
        self.wag = 0.0  # seconds of the happy animation left
        self.droop = 0.0  # seconds of the "no better" look left (a wrong treatment)
        self.spots: dict[str, Any] = {}
        self.rects: dict[str, pygame.Rect] = {}
        self.box: dict[str, pygame.Rect] = {}

    # -- the rules, as the host and the tests see them ----------------------------------
    def __getattr__(self, name: str) -> Any:
        """State the old board exposed (hyps, seen, ruled, budget_left …) reads the rules."""
        if name in (
            "hyps",
            "clues",
            "tests",
            "seen",
            "ran",
            "ruled",
            "answer",
            "budget",
            "tries",
            "spent",
            "solved",
            "hint_test",
            "notes",
            "remaining",
            "budget_left",
            "hypothesis",
            "running",
            "readings",
            "plotted",
            "samples",
            "case_sample",
            "closed",
            "active",
            "wrong_guesses",
        ):
            return getattr(self.__dict__["rules"], name)
        raise AttributeError(name)

    def perform(self, action: Action) -> None:
        before = (len(self.rules.notes), self.rules.well)
        self.rules.perform(action)
        self._after(before)

    def _after(self, before: tuple[int, bool]) -> None:
        if len(self.rules.notes) != before[0]:
            self.flash = 0.8
        if self.rules.well and not before[1]:
            self.wag = 2.5
        if self.rules.last in ("no_better", "senior") and len(self.rules.notes) != before[0]:
            self.droop = 2.5
        if self.rules.finished:
            self.held = None
        self._sync()

    def label_for(self, action: Action) -> str:
        """The control that does ``action``; a tray test is two presses (the reagent, then
        the sample), so it names the sample once that reagent is held."""
        if action.kind == "test" and self.mode == "tray":
            key = (
                f"sample:{action.value}" if self.held == action.target else f"test:{action.target}"
            )
        else:
            key = {
                "examine": f"clue:{action.target}",
                "test": f"test:{action.target}",
                "suspect": f"hyp:{action.target}",
                "conclude": "conclude",
                "wait": "wait",
                "hint": "hint",
                "treat": f"treat:{action.target}",
            }.get(action.kind, "")
        spot = self.spots.get(key)
        return spot.label if spot is not None else ""

    def update(self, dt: float) -> None:
        super().update(dt)
        before = (len(self.rules.notes), self.rules.well)
        self.rules.tick(dt)
        self.flash = max(0.0, self.flash - dt)
        self.wag = max(0.0, self.wag - dt)
        self.droop = max(0.0, self.droop - dt)
        if len(self.rules.notes) != before[0]:
            self._after(before)

    @property
    def animating(self) -> bool:
        return (
            bool(self.rules.running)
            or self.held is not None
            or (not self.kit.reduced_motion and (self.flash > 0 or self.wag > 0 or self.droop > 0))
        )

    # -- words (``investigate_words``) ---------------------------------------------------
    def note_text(self, note: tuple[str, str, dict[str, Any]]) -> str:
        """One notebook line in the current language."""
        return words.note_text(self, note)

    def all_note_texts(self) -> list[str]:
        """Every notebook line this case could show (to reserve the notebook's height)."""
        return words.all_note_texts(self)

    def describe(self) -> list[str]:
        """What a sighted pupil reads on the board, newest finding last (issue 20)."""
        return words.describe(self)

    def budget_line(self) -> str:
        """The lab time left (or that it is free), as the ideas panel shows it."""
        return words.budget_line(self)

    # -- layout (one path for every text size) ------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        kit, p, r = self.kit, self.kit.painter, self.rules
        pick = kit.pick
        self.area = area
        self.spots, self.rects, self.box = {}, {}, {}
        side_by_side, left_w = ui_layout.beside(
            p, area.x, area.y, area.w, area.w - SIDE_W - GAP, SIDE_W - 40, GAP
        )
        col = pygame.Rect(area.x, area.y, left_w, 0)
        y = col.y
        title_h = ui_layout.text_h(p, pick(self.params.subject), col.w - 40, 22, True) + 14
        if r.closed:
            title_h += (
                ui_layout.text_h(
                    p,
                    pick(self.params.closed_note),
                    col.w - 48 - ui_layout.icon(p, 18),
                    17,
                    True,
                )
                + 8
            )
        self.box["title"] = pygame.Rect(col.x, y, col.w, title_h)
        y += title_h + 8
        # the picture (with what goes under it) and the tools beside it, or all stacked
        pic = layout.picture_size(self, col.w)
        tools_beside, _ = ui_layout.beside(p, col.x, y, col.w, pic[0], 250, GAP)
        wide_under = self.mode != "chart" or not tools_beside
        self.box["picture"] = pygame.Rect(col.x, y, pic[0] if tools_beside else col.w, pic[1])
        layout.layout_picture(self, self.box["picture"])
        under_y = self.box["picture"].bottom + 10
        if tools_beside:
            tool_box = pygame.Rect(
                self.box["picture"].right + GAP, y, col.right - self.box["picture"].right - GAP, 0
            )
        else:
            tool_box = pygame.Rect(col.x, under_y, col.w, 0)
        tools_bottom = self._tools(tool_box)
        if wide_under:
            under_y = max(under_y, tools_bottom + 10)
            y = layout.layout_under(self, pygame.Rect(col.x, under_y, col.w, 0)) + 10
        else:
            under = layout.layout_under(self, pygame.Rect(col.x, under_y, self.box["picture"].w, 0))
            y = max(under, tools_bottom) + 10
        notes_h = (
            ui_layout.tallest(p, self.all_note_texts(), col.w - 48 - ui_layout.icon(p, 18), 17) + 12
        )
        head = p.line(20, True) + 14
        rows = 2 if p.fonts.scale > 1 or y + head + 2 * notes_h + 16 <= area.bottom else 1
        if rows == 1 and y + head + notes_h + 12 > area.bottom:
            head = 6  # short of room: the newest note alone, without the heading
        self.note_rows, self.note_head = rows, head
        self.box["notes"] = pygame.Rect(col.x, y, col.w, head + rows * (notes_h + 4) + 8)
        self.note_h = notes_h
        left_bottom = self.box["notes"].bottom
        col.h = left_bottom - col.y
        side = ui_layout.second(col, area, side_by_side, 0, GAP)
        self.box["side"] = side
        side_bottom = self._side(side)
        self.box["side"].h = side_bottom - side.y
        if side_by_side:
            height = max(left_bottom, side_bottom, area.bottom) - area.y
            self.box["side"].h = height
        self.bottom = max(left_bottom, side_bottom)
        self._sync()

    def _card_h(self, labels: list[str], width: int, extra: int = 0) -> int:
        p = self.kit.painter
        return max(
            36,
            max((ui_layout.label_h(p, lab, width - 52, 17) for lab in labels), default=0)
            + 14
            + extra,
        )

    def _tools(self, box: pygame.Rect) -> int:
        """The tests (or reagents): a column of cards, each with room for its timer."""
        kit, r = self.kit, self.rules
        p = kit.painter
        title = {
            "chart": "investigate.tests",
            "tray": "investigate.reagents",
            "table": "investigate.checks",
        }[self.mode]
        head = ui_layout.text_h(p, kit.t(title), box.w - ui_layout.icon(p, 20) - 10, 20, True) + 10
        self.box["tools_head"] = pygame.Rect(box.x, box.y, box.w, head)
        cols = ui_layout.columns_for(p, 2 if box.w > 520 else 1, box.w, 250)
        width = (box.w - 10 * (cols - 1)) // cols
        labels = [kit.pick(test.label) for test in r.tests]
        h = self._card_h(labels, width, 4)
        rects = ui_layout.grid([h] * len(r.tests), box.x, box.y + head, box.w, cols, 10, 4)
        for test, rect in zip(r.tests, rects, strict=True):
            self._spot(
                f"test:{test.id}",
                rect,
                self._test_label(test),
                lambda tid=test.id: self._press_tool(tid),
            )
        return ui_layout.bottom(rects, box.y + head)

    def _test_label(self, test: Test) -> str:
        t, pick = self.kit.t, self.kit.pick
        if self.mode == "tray":
            return t("investigate.pick_up", test=pick(test.label))
        return t("investigate.run", test=pick(test.label))

    def _side(self, side: pygame.Rect) -> int:
        """The ideas column: state an idea, conclude with it, wait for results, a hint."""
        kit, p, r = self.kit, self.kit.painter, self.rules
        t, pick = kit.t, kit.pick
        x, w = side.x + 16, side.w - 32
        heads = [t("investigate.ideas")] + ([t("investigate.treat_head")] if r.treat else [])
        y = side.y + 12 + max(ui_layout.text_h(p, h, w, 22, True) for h in heads) + 6
        firsts = [t("investigate.idea_first")] + ([t("investigate.treat_first")] if r.treat else [])
        y += max(ui_layout.text_h(p, f, w, 17) for f in firsts) + 8
        self.box["budget"] = pygame.Rect(
            x,
            y,
            w,
            ui_layout.text_h(p, words.widest_budget(self), w - 8 - ui_layout.icon(p, 18), 17, True),
        )
        y = self.box["budget"].bottom + 10
        labels = [pick(h.label) for h in r.hyps]
        options = r.treat.options if r.treat is not None else []
        h = self._card_h(labels + [self._treat_label(o) for o in options], w)
        for n, hyp in enumerate(r.hyps):
            rect = pygame.Rect(x, y, w, h)
            self._spot(
                f"hyp:{hyp.id}",
                rect,
                t("investigate.suspect", idea=pick(hyp.label)),
                lambda hid=hyp.id: self.perform(Action("suspect", hid)),
            )
            if n < len(options):  # after the diagnosis its treatments take the ideas' places
                self._spot(
                    f"treat:{options[n].id}",
                    rect,
                    self._treat_label(options[n]),
                    lambda tid=options[n].id: self.perform(Action("treat", tid)),
                )
            y += h + 4
        conclude = t("investigate.conclude")
        ch = self._card_h([conclude, t("investigate.conclude_with")], w, 4)
        self._spot("conclude", pygame.Rect(x, y, w, ch), conclude, self._conclude)
        y += ch + 8
        hint = t("challenge.hint")
        hint_w = min(w, max(150, p.button_w(hint)))
        wait = t("investigate.wait")
        beside, wait_w = ui_layout.beside(p, x, y, w, w - hint_w - 10, 150, 10)
        wait_w = w - hint_w - 10 if beside else w
        wh = max(
            self._card_h([wait, t("investigate.wait_n", n=9)], wait_w),
            p.button_h() if beside else 0,
        )
        self._spot(
            "wait", pygame.Rect(x, y, wait_w, wh), wait, lambda: self.perform(Action("wait"))
        )
        hint_pos = (x + wait_w + 10, y + (wh - p.button_h()) // 2) if beside else (x, y + wh + 8)
        self.spots["hint"] = kit.ui.button(
            (*hint_pos, hint_w, p.button_h()), hint, lambda: self.perform(Action("hint"))
        )
        y = max(y + wh, hint_pos[1] + p.button_h()) + 12
        if self.mode == "tray":
            y = layout.layout_key(self, pygame.Rect(x, y, w, 0)) + 10
        return y

    def _treat_label(self, option: Treatment) -> str:
        return self.kit.t("investigate.give", treatment=self.kit.pick(option.label))

    def _spot(self, key: str, rect: pygame.Rect, label: str, on_press) -> None:
        self.rects[key] = pygame.Rect(rect)
        self.spots[key] = self.kit.ui.hotspot(rect, label, on_press)

    def _sync(self) -> None:
        """Enable only what can be done now (Tab skips the rest)."""
        if not self.spots:
            return
        acts = set(self.rules.actions())
        kinds = {(a.kind, a.target) for a in acts}
        treat_open = self.rules.treat is not None and self.rules.treat.open
        for key, spot in self.spots.items():
            kind, _, item = key.partition(":")
            if kind in ("hyp", "treat"):  # the ideas, or (after the diagnosis) the treatments
                spot.visible = (kind == "treat") == treat_open
            if self.rules.finished:
                enabled = False
            elif kind == "clue":
                enabled = ("examine", item) in kinds
            elif kind == "test":
                enabled = ("test", item) in kinds or self.held == item
            elif kind == "sample":
                enabled = self.held is not None and Action("test", self.held, item) in acts
            elif kind == "hyp":
                enabled = item in self.rules.remaining() and not treat_open
            elif kind == "conclude":
                enabled = ("conclude", self.rules.hypothesis) in kinds
            elif kind == "wait":
                enabled = bool(self.rules.running)
            elif kind == "treat":
                enabled = ("treat", item) in kinds
            else:
                enabled = ("hint", "") in kinds
            if hasattr(spot, "set_enabled") and kind == "hint":
                spot.set_enabled(enabled)
            else:
                spot.enabled = enabled

    # -- input ------------------------------------------------------------------------------
    def _conclude(self) -> None:
        if self.rules.hypothesis is not None:
            self.perform(Action("conclude", self.rules.hypothesis))

    def _press_tool(self, tid: str) -> None:
        """A test card: run it; in tray mode pick the reagent up (or put it back)."""
        if self.mode != "tray":
            self.perform(Action("test", tid))
            return
        self.held = None if self.held == tid else tid
        self.emit("cue", name="tick")
        self._sync()

    def drop_on(self, sid: str) -> None:
        """A sample pressed (or a reagent dragged onto it): pour what is held."""
        if self.held is None:
            return
        tid, self.held = self.held, None
        self.perform(Action("test", tid, sid))

    def handle_event(self, event: pygame.event.Event) -> None:
        """Tray mode: a reagent picked up with the mouse follows it and pours where it is let go."""
        if self.mode != "tray" or self.held is None:
            return
        if event.type == pygame.MOUSEMOTION:
            self.mouse = self._page(event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            pos = self._page(event.pos)
            for key, rect in self.rects.items():
                if key.startswith("sample:") and rect.collidepoint(pos):
                    self.drop_on(key.partition(":")[2])
                    return
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.held = None
            self._sync()

    def _page(self, pos: tuple[int, int]) -> tuple[int, int]:
        scroll = (
            getattr(self.kit.ui, "scroll", 0)
            if getattr(self.kit.ui, "viewport", None) is not None
            else 0
        )
        return pos[0], pos[1] + scroll

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The static board comes from a cached layer, redrawn only when the case changes;
        the timers, the held reagent and the happy animation are drawn over it each frame."""
        r = self.rules
        state = (
            len(r.notes),
            tuple(sorted(r.ruled.items())),
            r.hypothesis,
            frozenset(r.running),
            r.spent,
            r.finished,
            r.plotted,
            self.held,
            tuple(s.enabled for s in self.spots.values()),
            tuple(getattr(s, "hovered", False) for s in self.spots.values()),
        )
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: boards.draw_static(self, surface))
        boards.draw_live(self, surface)
