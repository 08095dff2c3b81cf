"""Investigate: gather clues, form and test a hypothesis (the Thinkers' family).

A case board. The player inspects clues (observations, some of them red herrings) and
runs tests (lab results that rule ideas out), then picks the answer from a list of ideas.
Each inspection or test spends one unit of "lab time" on harder levels; a wrong diagnosis
crosses that idea out and costs a try. The board's layout depends on ``mode``: ``chart``
(a patient chart with clue spots), ``tray`` (a rack of test tubes and field notes) or
``table`` (a sales chart, data files and comparisons); see ``investigate_boards.py``.

Data that drives it (``params`` in a challenge file)::

    {"mode": "chart",
     "subject": {"en": "Patient: Biscuit", "es": "Paciente: Galleta"},
     "answer": "sock",
     "hypotheses": [{"id": "sock", "shape": "circle", "colour": "#E07A3F",
                     "label": {...}, "quip": {...}}],
     "clues": [{"id": "tummy", "label": {...}, "text": {...}, "x": 0.5, "y": 0.6,
                "herring": false}],
     "tests": [{"id": "xray", "label": {...}, "result": {...}, "rules_out": ["bored"],
                "colour": "#3A86FF"}],
     "series": {"labels": [{...}], "values": [320, 410, 95]},
     "hypotheses_shown": [3, 4, 5], "herrings": [0, 1, 9],
     "budget": [0, 8, 6], "attempts": [3, 2, 2]}

Per difficulty (lists of three): how many ideas are in play, how many red-herring clues
are mixed in, the lab-time budget (0 = unlimited) and the diagnosis tries. On Easy, tests
that rule out nothing in play are left out. ``x``/``y`` place clues in ``chart`` mode;
``series`` is the bar chart of ``table`` mode; ``colour`` tints a tube in ``tray`` mode.
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones.challenges import board_text, investigate_large
from zones.challenges.base import Action, Mechanic, MechanicResult, check_langmap
from zones.challenges.investigate_boards import BOARDS, draw_side, layout_side
from zones.content import SHAPES

MODES = tuple(BOARDS)


def _three(value: Any, low: int, high: int) -> bool:
    return (isinstance(value, list) and len(value) == 3
            and all(isinstance(x, int) and low <= x <= high for x in value))


def cover_count(wrong: set[str], tests: list[dict[str, Any]]) -> int | None:
    """Tests a careful player needs to rule out every idea in ``wrong`` (greedy)."""
    left, used = set(wrong), 0
    while left:
        best = max(tests, key=lambda t: len(left & set(t["rules_out"])), default=None)
        if best is None or not left & set(best["rules_out"]):
            return None
        left -= set(best["rules_out"])
        used += 1
    return used


class InvestigateMechanic(Mechanic):
    family = "investigate"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        mode = params.get("mode")
        if mode not in MODES:
            problems.append(f"mode: must be one of {MODES}")
        problems += check_langmap(params.get("subject"), "subject", languages)
        hyps, clues, tests = params.get("hypotheses"), params.get("clues"), params.get("tests")
        if not isinstance(hyps, list) or len(hyps) < 3:
            return problems + ["hypotheses: needs a list of at least 3 ideas"]
        if not isinstance(clues, list) or not 2 <= len(clues) <= 6:
            return problems + ["clues: needs a list of 2 to 6 clues"]
        if not isinstance(tests, list) or not 2 <= len(tests) <= 6:
            return problems + ["tests: needs a list of 2 to 6 tests"]
        ids: set[str] = set()
        for i, h in enumerate(hyps):
            if not isinstance(h, dict) or not isinstance(h.get("id"), str):
                problems.append(f"hypotheses[{i}]: needs an id")
                continue
            ids.add(h["id"])
            problems += check_langmap(h.get("label"), f"hypotheses[{i}].label", languages)
            if h.get("shape") not in SHAPES:
                problems.append(f"hypotheses[{i}].shape: must be one of {SHAPES}")
            if h["id"] != params.get("answer"):
                problems += check_langmap(h.get("quip"), f"hypotheses[{i}].quip", languages)
        answer = params.get("answer")
        if answer not in ids:
            problems.append(f"answer: '{answer}' is not one of the hypotheses")
        for i, c in enumerate(clues):
            if not isinstance(c, dict) or not isinstance(c.get("id"), str):
                problems.append(f"clues[{i}]: needs an id")
                continue
            problems += check_langmap(c.get("label"), f"clues[{i}].label", languages)
            problems += check_langmap(c.get("text"), f"clues[{i}].text", languages)
            if mode == "chart":
                for key in ("x", "y"):
                    if not isinstance(c.get(key), (int, float)) or not 0 <= c[key] <= 1:
                        problems.append(f"clues[{i}].{key}: must be a number 0–1")
        for i, t in enumerate(tests):
            if not isinstance(t, dict) or not isinstance(t.get("id"), str):
                problems.append(f"tests[{i}]: needs an id")
                continue
            problems += check_langmap(t.get("label"), f"tests[{i}].label", languages)
            problems += check_langmap(t.get("result"), f"tests[{i}].result", languages)
            out = t.get("rules_out")
            if not isinstance(out, list) or not set(out) <= ids:
                problems.append(f"tests[{i}].rules_out: must list hypothesis ids")
            elif answer in out:
                problems.append(f"tests[{i}].rules_out: must not rule out the answer '{answer}'")
        if mode == "table":
            series = params.get("series")
            if not isinstance(series, dict) or not isinstance(series.get("values"), list) \
                    or not isinstance(series.get("labels"), list) \
                    or len(series["values"]) != len(series["labels"]) or not 2 <= len(series["values"]) <= 8:
                problems.append("series: needs 'labels' and 'values' lists of the same length (2–8)")
            else:
                for i, label in enumerate(series["labels"]):
                    problems += check_langmap(label, f"series.labels[{i}]", languages)
                if not all(isinstance(v, (int, float)) and v >= 0 for v in series["values"]):
                    problems.append("series.values: must be numbers ≥ 0")
        for key, low, high in (("hypotheses_shown", 2, len(hyps)), ("herrings", 0, 99),
                               ("budget", 0, 99), ("attempts", 1, 9)):
            if key in params and not _three(params[key], low, high):
                problems.append(f"{key}: must be three whole numbers from {low} to {high}")
        if problems:
            return problems
        wrong = ids - {answer}
        need = cover_count(wrong, tests)
        if need is None:
            problems.append("tests: together they must rule out every wrong hypothesis")
        else:
            for d, budget in enumerate(params.get("budget", [0, 0, 0])):
                if budget and budget < need:
                    problems.append(f"budget: level {d + 1} allows {budget} but the tests need {need}")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        d = self.difficulty - 1
        self.mode = params.get("mode", "chart")
        self.answer = params["answer"]
        hyps = list(params["hypotheses"])
        wrong = [h for h in hyps if h["id"] != self.answer]
        rng.shuffle(wrong)
        shown = params.get("hypotheses_shown", [3, 4, 5])[d]
        self.hyps = [h for h in hyps if h["id"] == self.answer] + wrong[:max(1, shown - 1)]
        rng.shuffle(self.hyps)
        self.active = {h["id"] for h in self.hyps}
        herrings = [c for c in params["clues"] if c.get("herring")]
        rng.shuffle(herrings)
        keep = {c["id"] for c in herrings[:params.get("herrings", [0, 1, 9])[d]]}
        self.clues = [c for c in params["clues"] if not c.get("herring") or c["id"] in keep]
        self.tests = [dict(t, rules_out=[h for h in t["rules_out"] if h in self.active])
                      for t in params["tests"]]
        if self.difficulty == 1:
            self.tests = [t for t in self.tests if t["rules_out"]]
        if self.mode != "chart":
            rng.shuffle(self.clues)
        rng.shuffle(self.tests)
        self.needed = cover_count(self.active - {self.answer}, self.tests) or 0
        self.budget = params.get("budget", [0, 0, 0])[d]
        self.tries = params.get("attempts", [3, 2, 2])[d]
        self.seen: list[str] = []
        self.ran: list[str] = []
        self.ruled: dict[str, str] = {}        # idea id -> "test" | "hint" | "wrong"
        self.wrong_guesses = 0
        self.solved = False
        self.spent = 0
        self.notes: list[tuple[str, str]] = []  # (icon, text), newest last
        self.flash = 0.0
        self.hint_test: str | None = None
        self.rects: dict[str, pygame.Rect] = {}
        self.area = pygame.Rect(0, 0, 0, 0)

    # -- helpers ------------------------------------------------------------------
    @property
    def budget_left(self) -> int | None:
        return None if not self.budget else max(0, self.budget - self.spent)

    def can_spend(self) -> bool:
        left = self.budget_left
        return left is None or left > 0

    def remaining(self) -> list[str]:
        return [h["id"] for h in self.hyps if h["id"] not in self.ruled]

    def hyp(self, hid: str) -> dict[str, Any]:
        return next(h for h in self.hyps if h["id"] == hid)

    def _note(self, icon: str, text: str) -> None:
        self.notes.append((icon, text))
        self.flash = 0.8

    # -- layout -------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.area = area
        self.spots: dict[str, Any] = {}
        self.rects = {}
        if board_text.large(self.kit.painter):
            investigate_large.layout(self, area)
            self.bottom = self.notebook.y + investigate_large.notes_height(self)
            self._sync()
            return
        self.side = pygame.Rect(area.right - 410, area.y, 410, area.h)
        self.board = pygame.Rect(area.x, area.y, self.side.x - area.x - 20, 360)
        self.notebook = pygame.Rect(area.x, self.board.bottom + 14, self.board.w, area.bottom - self.board.bottom - 14)
        self.spots: dict[str, Any] = {}
        BOARDS[self.mode].layout(self, self.board)
        layout_side(self, self.side)
        self._sync()

    def _sync(self) -> None:
        """Enable only what can still be done (Tab skips the rest)."""
        if not getattr(self, "spots", None):
            return
        for key, spot in self.spots.items():
            kind, _, item = key.partition(":")
            if kind == "hint":
                spot.set_enabled(not self.finished and len(self.remaining()) > 1)
            elif self.finished:
                spot.enabled = False
            elif kind == "clue":
                spot.enabled = item not in self.seen and self.can_spend()
            elif kind == "test":
                spot.enabled = item not in self.ran and self.can_spend()
            elif kind == "hyp":
                spot.enabled = item not in self.ruled

    # -- actions ------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts: list[Action] = []
        if self.can_spend():
            acts += [Action("inspect", c["id"]) for c in self.clues if c["id"] not in self.seen]
            acts += [Action("test", t["id"]) for t in self.tests if t["id"] not in self.ran]
        acts += [Action("diagnose", h) for h in self.remaining()]
        if len(self.remaining()) > 1:
            acts.append(Action("hint"))
        return acts

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        kind, target = action.kind, action.target
        before = len(self.ruled)
        if kind == "inspect":
            clue = next(c for c in self.clues if c["id"] == target)
            self.seen.append(target)
            self.spent += 1
            self._note("folder", f"{self.kit.pick(clue['label'])}: {self.kit.pick(clue['text'])}")
            self.emit("choice", step="inspect", response=target)
        elif kind == "test":
            test = next(t for t in self.tests if t["id"] == target)
            self.ran.append(target)
            self.spent += 1
            if self.hint_test == target:
                self.hint_test = None
            fresh = [h for h in test["rules_out"] if h not in self.ruled]
            for h in fresh:
                self.ruled[h] = "test"
            names = ", ".join(self.kit.pick(self.hyp(h)["label"]) for h in fresh)
            tail = self.kit.t("investigate.ruled_by", ideas=names) if fresh else self.kit.t("investigate.no_news")
            self._note("flask", f"{self.kit.pick(test['label'])}: {self.kit.pick(test['result'])} {tail}")
            self.emit("choice", step="test", response=target)
        elif kind == "hint":
            self.hints_used += 1
            self.emit("hint", step=len(self.notes))
            useful = [t for t in self.tests if t["id"] not in self.ran
                      and set(t["rules_out"]) - set(self.ruled)]
            if useful and self.can_spend():
                self.hint_test = max(useful, key=lambda t: len(set(t["rules_out"]) - set(self.ruled)))["id"]
                test = next(t for t in self.tests if t["id"] == self.hint_test)
                self._note("check", self.kit.t("investigate.hint_test", test=self.kit.pick(test["label"])))
            else:
                wrong = [h for h in self.remaining() if h != self.answer]
                pick = self.rng.choice(wrong)
                self.ruled[pick] = "hint"
                self._note("check", self.kit.t("investigate.hint_not", idea=self.kit.pick(self.hyp(pick)["label"])))
        elif kind == "diagnose":
            self.emit("choice", step="diagnosis", response=target)
            label = self.kit.pick(self.hyp(target)["label"])
            if target == self.answer:
                self.solved = True
                self.finished = True
                self._note("check", self.kit.t("investigate.right", idea=label))
            else:
                self.wrong_guesses += 1
                self.tries -= 1
                self.ruled[target] = "wrong"
                self.emit("mistake", step="diagnosis")
                self._note("cross", self.kit.t("investigate.wrong", idea=label,
                                               quip=self.kit.pick(self.hyp(target)["quip"])))
                if self.tries <= 0:
                    self.finished = True
                    self._note("cross", self.kit.t("investigate.unsolved",
                                                   idea=self.kit.pick(self.hyp(self.answer)["label"])))
        if len(self.ruled) > before or self.finished:
            self.emit("progress", progress=self.progress)
        self._sync()

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        left = self.remaining()
        wrong_left = set(left) - {self.answer}
        if rng.random() < skill:
            useful = [t for t in self.tests if t["id"] not in self.ran and wrong_left & set(t["rules_out"])]
            spare = (self.budget_left is None or
                     self.budget_left > (cover_count(wrong_left, useful) or 0))
            unread = [c for c in self.clues if c["id"] not in self.seen and not c.get("herring")]
            if unread and spare and self.can_spend():
                return Action("inspect", unread[0]["id"])
            if useful and self.can_spend():
                return Action("test", max(useful, key=lambda t: len(wrong_left & set(t["rules_out"])))["id"])
            return Action("diagnose", self.answer)
        looks = [a for a in self.actions() if a.kind in ("inspect", "test")]
        if looks and rng.random() < 0.7:
            return rng.choice(looks)
        return Action("diagnose", rng.choice(left))

    # -- time and result ----------------------------------------------------------
    def update(self, dt: float) -> None:
        super().update(dt)
        self.flash = max(0.0, self.flash - dt)

    @property
    def animating(self) -> bool:
        return self.flash > 0 or (self.hint_test is not None and not self.kit.reduced_motion)

    @property
    def progress(self) -> float:
        if self.solved:
            return 1.0
        wrong = len(self.active) - 1
        return 0.9 * len([h for h in self.ruled if h != self.answer]) / max(1, wrong)

    def result(self) -> MechanicResult:
        accuracy = 1 / (1 + self.wrong_guesses) if self.solved else 0.0
        useful_clues = len([c for c in self.clues if not c.get("herring")])
        ideal = self.needed + useful_clues
        total = len(self.clues) + len(self.tests)
        efficiency = 1 - max(0, self.spent - ideal) / max(1, total - ideal)
        evidence = min(1.0, self.spent / max(1, self.needed))  # a lucky guess is not a finding
        if self.solved:
            score = 0.1 + 0.5 * accuracy + 0.2 * evidence + 0.2 * efficiency
        else:
            score = 0.3 * self.progress
        score = max(0.0, min(1.0, score - 0.08 * self.hints_used))
        return MechanicResult(self.solved, round(score, 3), round(accuracy, 3),
                              {"wrong_guesses": self.wrong_guesses, "hints": self.hints_used,
                               "clues_seen": len(self.seen), "tests_run": len(self.ran),
                               "spent": self.spent, "budget": self.budget})

    # -- drawing ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Nothing here moves with time: the case board, notebook and ideas column are drawn
        into a cached layer again only when what they show changes."""
        state = (frozenset(self.seen), frozenset(self.ran), tuple(sorted(self.ruled.items())), len(self.notes),
                 self.spent, self.tries, self.finished, self.solved, self.hint_test,
                 tuple(spot.enabled for spot in self.spots.values()))
        if board_text.large(self.kit.painter):
            self.bottom = self.notebook.y + investigate_large.notes_height(self)
            rect = pygame.Rect(area.x, area.y, area.w, self.bottom - area.y)
            self.layer.draw(self.kit, surface, rect, state, lambda: investigate_large.draw(self, surface))
            return
        self.layer.draw(self.kit, surface, area, state, lambda: self._draw_all(surface))

    def _draw_all(self, surface: pygame.Surface) -> None:
        BOARDS[self.mode].draw(self, surface, self.board)
        self._draw_notebook(surface)
        draw_side(self, surface, self.side)

    def _draw_notebook(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        nb = self.notebook
        p.panel(surface, nb, radius=14)
        p.icon(surface, "folder", (nb.x + 26, nb.y + 22), 22, pal.ink)
        p.text(surface, self.kit.t("investigate.notes"), (nb.x + 44, nb.y + 10), 20, bold=True)
        if not self.notes:
            p.text(surface, self.kit.t("investigate.notes_empty"), (nb.x + 20, nb.y + 50), 18,
                   colour=pal.muted, width=nb.w - 40)
            return
        row_h = (nb.h - 46) // 3
        for k, (icon, text) in enumerate(reversed(self.notes[-3:])):
            row = pygame.Rect(nb.x + 10, nb.y + 40 + k * row_h, nb.w - 20, row_h - 4)
            if k == 0:
                fresh = p.colour("#FFF4DC") if not pal.high_contrast else pal.panel
                pygame.draw.rect(surface, fresh, row, border_radius=10)
                pygame.draw.rect(surface, pal.focus, row, 2, border_radius=10)
            colour = {"cross": pal.bad, "check": pal.good}.get(icon, pal.ink)
            p.icon(surface, icon, (row.x + 20, row.centery), 20, colour)
            width = row.w - 52
            h = p.height(text, 17, width)
            if h <= row.h:
                p.text(surface, text, (row.x + 40, row.centery - h // 2), 17, width=width,
                       colour=pal.ink if k == 0 else pal.muted)
            else:
                p.text_fit(surface, text, (row.x + 40, row.centery), width, 17,
                           colour=pal.ink if k == 0 else pal.muted)
