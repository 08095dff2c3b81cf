"""Rules of the investigate mechanic (the Thinkers): a pure state machine, no pygame.

Called by ``InvestigateMechanic`` (the view: it draws this state and turns clicks and keys
into the same ``Action`` objects) and played directly by bots and unit tests.

A case: the player ``examine``s clues (a body area, a field note, a data variable put on the
chart), orders ``test``s that take time (the result lands ``wait`` seconds later, or at once
with ``wait``), states a hypothesis (``suspect``) and only then may ``conclude`` with it.
Right ends the case; wrong crosses the idea out and costs a try; out of tries (or out of
moves, :data:`MAX_MOVES`) ends it unsolved. In ``tray`` mode a test is a reagent dropped on
a sample (``Action("test", reagent, sample)``): on the case sample it reads high (3) when the
answer is one the reagent checks, else the reagent's ``base``; on a control sample it always
reads ``base``, so the player compares (each pour takes a unit of lab time). Tests *check*
hypotheses: a clear result rules every checked idea out, a found result confirms one of them. Each
level may change the ``answer``, so the same tests and clues read differently (clue ``signs`` and
table ``values`` per answer). With ``treatments`` a right diagnosis opens the treatment step
(``investigate_treat``: ``Action("treat", id)``); the case ends once it is over. The params are
typed and checked by ``investigate_params``.
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.investigate_params import (
    HIGH,
    MODES,
    SHOWN,
    Clue,
    Hypothesis,
    InvestigateParams,
    Sample,
    Test,
    clears,
    cover_count,
)
from zones.challenges.investigate_treat import TreatStep
from zones.challenges.rules_core import Rules

__all__ = ["HIGH", "MAX_MOVES", "MODES", "CaseRules", "clears", "cover_count"]

#: a case ends unsolved after this many moves (a player who never concludes still finishes)
MAX_MOVES = 60


class CaseRules(Rules):
    """One case being played. ``notes`` is the notebook as (kind, id, data) tuples, newest
    last; the view words them. ``events`` queues (kind, data) for the host. Its params
    are :class:`InvestigateParams` (a plain dict, as tests pass it, is converted first)."""

    params_type: ClassVar[type[InvestigateParams]] = InvestigateParams
    #: a case has no clock; it ends at a conclusion, out of tries or after MAX_MOVES
    GIVE_UP_S = None

    def __init__(
        self, params: InvestigateParams | dict[str, Any], difficulty: int, rng: random.Random
    ):
        super().__init__(params, difficulty, rng)
        self.params: InvestigateParams = self.params
        p, d = self.params, self.difficulty
        self.mode = p.mode
        self.answer = p.answer
        pool = [h for h in p.hypotheses if p.only_hypotheses is None or h.id in p.only_hypotheses]
        wrong = [h for h in pool if h.id != self.answer]
        rng.shuffle(wrong)
        shown = (p.hypotheses_shown or SHOWN)[d - 1]
        self.hyps: list[Hypothesis] = [h for h in pool if h.id == self.answer] + wrong[
            : max(1, shown - 1)
        ]
        rng.shuffle(self.hyps)
        self.active = {h.id for h in self.hyps}
        clues = [c for c in p.clues if p.only_clues is None or c.id in p.only_clues]
        herrings = [c for c in clues if c.herring]
        rng.shuffle(herrings)
        keep = {c.id for c in herrings[: p.herrings[d - 1]]}
        self.clues: list[Clue] = [c for c in clues if not c.herring or c.id in keep]
        self.closed = list(p.closed)
        tests = [t for t in p.tests if p.only_tests is None or t.id in p.only_tests]
        self.tests: list[Test] = [
            t for t in tests if d > 1 or t.id in self.closed or set(t.checks) & self.active
        ]
        if self.mode != "chart":
            rng.shuffle(self.clues)
        self.samples: list[Sample] = list(p.samples)
        self.case_sample = next((s.id for s in self.samples if s.case), "")
        self.wait_scale = float(p.wait_scale)
        self.budget = p.budget[d - 1]
        self.tries = p.attempts[d - 1]
        self.needed = cover_count(self.active - {self.answer}, self.open_tests(), self.answer) or 0
        self.seen: list[str] = []
        self.ran: list[str] = []  # tests whose result on the case is in
        self.readings: dict[str, int] = {}  # "test@sample" -> 0–3 (tray mode)
        self.running: dict[str, float] = {}  # "test@sample" -> seconds left
        self.ruled: dict[str, str] = {}  # idea id -> "test" | "hint" | "wrong"
        self.hypothesis: str | None = None
        self.tested_idea = 0  # results read while an idea was stated
        self.evidence_first = False  # looked before stating the first idea
        self.wrong_guesses = 0
        self.solved = False
        self.certainty = 0.0  # share of the wrong ideas ruled out when concluding
        self.spent = self.moves = 0
        self.clock = 0.0
        self.plotted: str | None = None  # table mode: the variable on the chart
        self.notes: list[tuple[str, str, dict[str, Any]]] = []
        self.hint_test: str | None = None
        self.last: str = ""  # what the last step did (for the view's animation)
        #: the treatment step after the diagnosis, when the case has treatments
        self.treat = TreatStep(p, [h.id for h in self.hyps], rng) if p.treatments else None

    # -- reading the state --------------------------------------------------------
    def open_tests(self) -> list[Test]:
        return [t for t in self.tests if t.id not in self.closed]

    def test(self, tid: str) -> Test:
        return next(t for t in self.tests if t.id == tid)

    def clue(self, cid: str) -> Clue:
        return next(c for c in self.clues if c.id == cid)

    def hyp(self, hid: str) -> Hypothesis:
        return next(h for h in self.hyps if h.id == hid)

    def sign(self, clue: Clue) -> dict[str, str]:
        """What a clue shows in this case (its sign for the answer, else its usual text)."""
        return clue.signs.get(self.answer, clue.text)

    def values(self, clue: Clue) -> list[float]:
        """Table mode: the variable's values per bar in this case."""
        rows = clue.values or {}
        return list(rows.get(self.answer, rows.get("default", ())))

    def found(self, test: Test) -> bool:
        return self.answer in test.checks

    def reading(self, test: Test, sample: str) -> int:
        base = int(test.base)
        return HIGH if sample == self.case_sample and self.found(test) else base

    @property
    def budget_left(self) -> int | None:
        return None if not self.budget else max(0, self.budget - self.spent)

    def can_spend(self) -> bool:
        left = self.budget_left
        return left is None or left > 0

    def remaining(self) -> list[str]:
        return [h.id for h in self.hyps if h.id not in self.ruled]

    def _key(self, tid: str, sample: str) -> str:
        return f"{tid}@{sample}" if sample else tid

    def done(self, tid: str, sample: str = "") -> bool:
        key = self._key(tid, sample)
        return key in self.running or (key in self.readings if sample else tid in self.ran)

    # -- actions --------------------------------------------------------------------
    @property
    def treating(self) -> bool:
        """The diagnosis is made and the treatment is still to give."""
        return self.treat is not None and self.treat.open and not self.finished

    @property
    def well(self) -> bool:
        """The patient is well: diagnosed right and (where there is one) treatment over."""
        return self.solved and (self.treat is None or self.treat.done)

    @property
    def treatment(self) -> TreatStep:
        """The treatment step (read only while treating or after: a case with treatments)."""
        assert self.treat is not None, "this case has no treatment step"
        return self.treat

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.treating:
            return self.treatment.actions()
        acts: list[Action] = []
        if self.can_spend():
            acts += [Action("examine", c.id) for c in self.clues if c.id not in self.seen]
            for t in self.open_tests():
                if self.mode == "tray":
                    acts += [
                        Action("test", t.id, s.id)
                        for s in self.samples
                        if not self.done(t.id, s.id)
                    ]
                elif not self.done(t.id):
                    acts.append(Action("test", t.id))
        acts += [Action("suspect", h) for h in self.remaining() if h != self.hypothesis]
        if self.hypothesis is not None:
            acts.append(Action("conclude", self.hypothesis))
        if self.running:
            acts.append(Action("wait"))
        if len(self.remaining()) > 1:
            acts.append(Action("hint"))
        return acts

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        self.moves += 1
        before = len(self.ruled)
        kind, target = action.kind, action.target
        if kind == "examine":
            self.seen.append(target)
            self._spend()
            if not self.notes_of("suspect"):
                self.evidence_first = True
            if self.mode == "table":
                self.plotted = target
            self.notes.append(("clue", target, {}))
            self.emit("choice", step="inspect", response=target)
            self.cue("tick")
        elif kind == "test":
            sample = action.value
            self._spend()  # a control takes lab time too
            self.running[self._key(target, sample)] = (
                float(self.test(target).wait) * self.wait_scale
            )
            if self.hint_test == target:
                self.hint_test = None
            if not self.notes_of("suspect"):
                self.evidence_first = True
            self.emit("choice", step="test", response=self._key(target, sample))
            self.cue("tick")
            self._land_due()
        elif kind == "wait":
            step = min(self.running.values())
            self.clock += step
            for key in self.running:
                self.running[key] -= step
            self._land_due()
        elif kind == "suspect":
            self.hypothesis = target
            self.notes.append(("suspect", target, {}))
            self.emit("choice", step="hypothesis", response=target)
            self.cue("tick")
        elif kind == "conclude":
            self._conclude(target)
        elif kind == "hint":
            self._hint()
        elif kind == "treat":
            self._give(target)
        if not self.finished and self.moves >= MAX_MOVES:
            self.finished = True
            if self.treating:  # out of moves before treating: the senior vet treats him
                self.treatment.done = True
                self.notes.append(("senior", self.treatment.right_one(self.answer), {}))
            else:
                self.notes.append(("unsolved", self.answer, {}))
                self.cue("fail")
        if len(self.ruled) > before or self.finished:
            self.emit("progress", progress=self.progress)

    def tick(self, dt: float) -> None:
        """Advance the clock by ``dt`` seconds: running tests count down and land."""
        if self.finished:
            return
        self.clock += dt
        if self.running:
            for key in self.running:
                self.running[key] -= dt
            before = len(self.ruled)
            self._land_due()
            if len(self.ruled) > before:
                self.emit("progress", progress=self.progress)

    def notes_of(self, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
        return [n for n in self.notes if n[0] == kind]

    # -- steps ------------------------------------------------------------------------
    def _land_due(self) -> None:
        for key in [k for k, left in self.running.items() if left <= 1e-9]:
            del self.running[key]
            tid, _, sample = key.partition("@")
            test = self.test(tid)
            if self.mode == "tray":
                self.readings[key] = self.reading(test, sample)
            if sample and sample != self.case_sample:
                self.notes.append(
                    ("control", tid, {"sample": sample, "reading": self.readings[key]})
                )
                self.cue("tick")
                continue
            self.ran.append(tid)
            fresh = [
                h for h in clears(test, self.answer) if h in self.active and h not in self.ruled
            ]
            for h in fresh:
                self.ruled[h] = "test"
            if self.hypothesis is not None:
                self.tested_idea += 1
            self.notes.append(
                (
                    "result",
                    tid,
                    {"ruled": fresh, "found": self.found(test), "reading": self.readings.get(key)},
                )
            )
            self.last = "result"
            if self.hypothesis in fresh:  # good science, a disappointment: no fanfare
                self.notes.append(("idea_out", self.hypothesis, {}))
                self.hypothesis = None
                self.cue("tick")
            else:
                self.cue("success" if fresh or self.found(test) else "tick")

    def _spend(self) -> None:
        """One unit of lab time; a warning cue when one unit is left."""
        self.spent += 1
        if self.budget_left == 1:
            self.cue("warning")

    def _conclude(self, target: str) -> None:
        self.emit("choice", step="diagnosis", response=target)
        wrong = self.active - {self.answer}
        if target == self.answer:
            self.certainty = len(
                [h for h in self.ruled if h in wrong and self.ruled[h] != "hint"]
            ) / max(1, len(wrong))
            self.solved = True
            self.notes.append(("right", target, {}))
            self.last = "right"
            self.cue("success")
            if self.treat is not None:  # now treat him: the case goes on
                self.treat.open = True
                self.notes.append(("treat_now", target, {}))
            else:
                self.finished = True
            return
        self.wrong_guesses += 1
        self.tries -= 1
        self.ruled[target] = "wrong"
        self.hypothesis = None
        self.last = "wrong"
        self.emit("mistake", step="diagnosis")
        self.notes.append(("wrong", target, {}))
        self.cue("fail")
        if self.tries <= 0:
            self.finished = True
            self.notes.append(("unsolved", self.answer, {}))

    def _give(self, tid: str) -> None:
        """The treatment step: ``tid`` given to the patient."""
        outcome = self.treatment.give(tid, self.answer)
        self.emit("choice", step="treatment", response=tid)
        self.last = outcome
        if outcome == "treated":
            self.finished = True
            self.notes.append(("treated", tid, {}))
            self.cue("success")
            return
        self.emit("mistake", step="treatment")
        self.notes.append(("no_better", tid, {}))
        self.cue("fail")
        if outcome == "senior":
            self.finished = True
            self.notes.append(("senior", self.treatment.right_one(self.answer), {}))

    def _hint(self) -> None:
        self.hints_used += 1
        self.emit("hint", step=len(self.notes))
        useful = [
            t
            for t in self.open_tests()
            if not self.done(t.id, self.case_sample)
            and clears(t, self.answer) & set(self.remaining())
        ]
        if useful and self.can_spend():
            best = max(useful, key=lambda t: len(clears(t, self.answer) & set(self.remaining())))
            self.hint_test = best.id
            self.notes.append(("hint_test", best.id, {}))
        else:
            pick = self.rng.choice([h for h in self.remaining() if h != self.answer])
            self.ruled[pick] = "hint"
            if self.hypothesis == pick:
                self.hypothesis = None
            self.notes.append(("hint_not", pick, {}))

    # -- a simulated player --------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        """What a player of ``skill`` (0–1) does now: a careful one looks, states the idea
        the evidence points to, tests it and concludes; a careless one pokes about and guesses."""
        if self.finished:
            return None
        if self.treating:
            return self.treatment.pick(rng, skill, self.answer)
        options = self.actions()
        if rng.random() >= skill:
            looks = [a for a in options if a.kind in ("examine", "test", "wait")]
            if looks and rng.random() < 0.6:
                return rng.choice(looks)
            ideas = [a for a in options if a.kind in ("suspect", "conclude")]
            return rng.choice(ideas or options)
        pending = {
            h
            for key in self.running
            for h in clears(self.test(key.partition("@")[0]), self.answer)
            if key.partition("@")[2] in ("", self.case_sample)
        }
        wrong_left = set(self.remaining()) - {self.answer} - pending
        useful = [
            t
            for t in self.open_tests()
            if not self.done(t.id, self.case_sample) and wrong_left & clears(t, self.answer)
        ]
        spare = self.budget_left is None or self.budget_left > (
            cover_count(wrong_left, useful, self.answer) or 0
        )
        unread = [c for c in self.clues if c.id not in self.seen and not c.herring]
        if unread and spare and self.can_spend():
            return Action("examine", unread[0].id)
        if self.hypothesis != self.answer and self.answer in self.remaining():
            return Action("suspect", self.answer)
        if useful and self.can_spend():
            best = max(useful, key=lambda t: len(wrong_left & clears(t, self.answer)))
            return Action("test", best.id, self.case_sample)
        if self.running and (wrong_left or pending):
            return Action("wait")
        return Action("conclude", self.answer)

    # -- result ----------------------------------------------------------------------
    @property
    def progress(self) -> float:
        if self.solved:
            return 1.0 if self.well else 0.95
        wrong = len(self.active) - 1
        return 0.9 * len([h for h in self.ruled if h != self.answer]) / max(1, wrong)

    def result(self) -> MechanicResult:
        """Accuracy (right first time scores most), planning (evidence before the idea,
        tests spent against the least needed) and recovery (solved after a wrong call)."""
        accuracy = 1 / (1 + self.wrong_guesses) if self.solved else 0.0
        useful_clues = len([c for c in self.clues if not c.herring])
        ideal = self.needed + useful_clues
        total = len(self.clues) + len(self.open_tests())
        efficiency = 1 - max(0, self.spent - ideal) / max(1, total - ideal)
        evidence = min(1.0, len(self.ran) / max(1, self.needed))  # a lucky guess is not a finding
        if self.solved:  # sure (the other ideas ruled out) beats lucky
            score = (
                0.1 + 0.4 * accuracy + 0.2 * self.certainty + 0.15 * evidence + 0.15 * efficiency
            )
        else:
            score = 0.3 * self.progress
        treat_cost = self.treat.penalty() if self.treat is not None else 0.0
        score = max(0.0, min(1.0, score - 0.08 * self.hints_used - treat_cost))
        return MechanicResult(
            self.solved,
            round(score, 3),
            round(accuracy, 3),
            {
                "wrong_guesses": self.wrong_guesses,
                "hints": self.hints_used,
                "clues_seen": len(self.seen),
                "tests_run": len(self.ran),
                "spent": self.spent,
                "budget": self.budget,
                "recovered": self.wrong_guesses if self.solved else 0,
                "certainty": round(self.certainty, 3),
                "evidence_first": self.evidence_first,
                "results_against_idea": self.tested_idea,
                **(
                    {"wrong_treatments": self.treat.wrong, "treated": self.treat.treated}
                    if self.treat is not None
                    else {}
                ),
            },
        )
