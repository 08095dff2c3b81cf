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
table ``values`` per answer).
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.rules_core import check_langmap
from zones.content import SHAPES

MODES = ("chart", "tray", "table")
#: a case ends unsolved after this many moves (a player who never concludes still finishes)
MAX_MOVES = 60
HIGH = 3


def _three(value: Any, low: int, high: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(x, int) and low <= x <= high for x in value)
    )


def clears(test: dict[str, Any], answer: str) -> set[str]:
    """The ideas ``test`` rules out when the true answer is ``answer`` (none if it finds it)."""
    checks = set(test.get("checks", []))
    return set() if answer in checks else checks


def cover_count(wrong: set[str], tests: list[dict[str, Any]], answer: str) -> int | None:
    """Tests a careful player needs to rule out every idea in ``wrong`` (greedy), or None."""
    left, used = set(wrong), 0
    while left:
        best = max(tests, key=lambda t: len(left & clears(t, answer)), default=None)
        if best is None or not left & clears(best, answer):
            return None
        left -= clears(best, answer)
        used += 1
    return used


def validate(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with one level's merged params, as ``field: problem`` strings."""
    problems: list[str] = []
    mode = params.get("mode")
    if mode not in MODES:
        problems.append(f"mode: must be one of {MODES}")
    problems += check_langmap(params.get("subject"), "subject", languages)
    hyps, clues, tests = params.get("hypotheses"), params.get("clues"), params.get("tests")
    if not isinstance(hyps, list) or len(hyps) < 3:
        return problems + ["hypotheses: needs a list of at least 3 ideas"]
    if not isinstance(clues, list) or not 2 <= len(clues) <= 7:
        return problems + ["clues: needs a list of 2 to 7 clues"]
    if not isinstance(tests, list) or not 2 <= len(tests) <= 8:
        return problems + ["tests: needs a list of 2 to 8 tests"]
    ids: list[str] = []
    for i, h in enumerate(hyps):
        if not isinstance(h, dict) or not isinstance(h.get("id"), str):
            problems.append(f"hypotheses[{i}]: needs an id")
            continue
        ids.append(h["id"])
        problems += check_langmap(h.get("label"), f"hypotheses[{i}].label", languages)
        problems += check_langmap(h.get("quip"), f"hypotheses[{i}].quip", languages)
        if h.get("shape") not in SHAPES:
            problems.append(f"hypotheses[{i}].shape: must be one of {SHAPES}")
    answer = params.get("answer")
    if answer not in ids:
        problems.append(f"answer: '{answer}' is not one of the hypotheses")
    only = params.get("only_hypotheses")
    if only is not None and (
        not isinstance(only, list)
        or not set(only) <= set(ids)
        or answer not in only
        or len(only) < 2
    ):
        problems.append(
            "only_hypotheses: must list 2 or more hypothesis ids, the answer among them"
        )
    only_clues = params.get("only_clues")
    clue_ids = {c.get("id") for c in clues if isinstance(c, dict)}
    if only_clues is not None and (
        not isinstance(only_clues, list)
        or not set(only_clues) <= clue_ids
        or not [
            c
            for c in clues
            if isinstance(c, dict) and c.get("id") in only_clues and not c.get("herring")
        ]
    ):
        problems.append("only_clues: must list clue ids, at least one of them not a red herring")
    samples = params.get("samples")
    n_series = 0
    if mode == "tray":
        if (
            not isinstance(samples, list)
            or len(samples) < 2
            or sum(1 for s in samples if isinstance(s, dict) and s.get("case")) != 1
        ):
            problems.append('samples: needs 2 or more samples, exactly one with "case": true')
        else:
            for i, s in enumerate(samples):
                if not isinstance(s, dict) or not isinstance(s.get("id"), str):
                    problems.append(f"samples[{i}]: needs an id")
                else:
                    problems += check_langmap(s.get("label"), f"samples[{i}].label", languages)
    if mode == "table":
        series = params.get("series")
        if (
            not isinstance(series, dict)
            or not isinstance(series.get("values"), list)
            or not isinstance(series.get("labels"), list)
            or len(series["values"]) != len(series["labels"])
            or not 2 <= len(series["values"]) <= 8
        ):
            problems.append("series: needs 'labels' and 'values' lists of the same length (2–8)")
        else:
            n_series = len(series["values"])
            problems += check_langmap(series.get("name"), "series.name", languages)
            for i, label in enumerate(series["labels"]):
                problems += check_langmap(label, f"series.labels[{i}]", languages)
            if not all(isinstance(v, (int, float)) and v >= 0 for v in series["values"]):
                problems.append("series.values: must be numbers ≥ 0")
    for i, c in enumerate(clues):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            problems.append(f"clues[{i}]: needs an id")
            continue
        problems += check_langmap(c.get("label"), f"clues[{i}].label", languages)
        problems += check_langmap(c.get("text"), f"clues[{i}].text", languages)
        signs = c.get("signs", {})
        if not isinstance(signs, dict) or not set(signs) <= set(ids):
            problems.append(f"clues[{i}].signs: must map hypothesis ids to texts")
        else:
            for hid, sign in signs.items():
                problems += check_langmap(sign, f"clues[{i}].signs.{hid}", languages)
        if mode == "chart":
            for key in ("x", "y"):
                if not isinstance(c.get(key), (int, float)) or not 0 <= c[key] <= 1:
                    problems.append(f"clues[{i}].{key}: must be a number 0–1")
        if mode == "table":
            values = c.get("values")
            if not isinstance(values, dict) or "default" not in values:
                problems.append(f"clues[{i}].values: needs a 'default' list (and lists per answer)")
                continue
            for key, row in values.items():
                if key != "default" and key not in ids:
                    problems.append(f"clues[{i}].values.{key}: not a hypothesis id")
                elif not isinstance(row, list) or not all(
                    isinstance(v, (int, float)) and v >= 0 for v in row
                ):
                    problems.append(f"clues[{i}].values.{key}: must be a list of numbers ≥ 0")
            used = answer if answer in values else "default"
            if isinstance(values.get(used), list) and len(values[used]) != n_series:
                problems.append(
                    f"clues[{i}].values.{used}: must be {n_series} numbers, one per bar"
                )
    test_ids: list[str] = []
    for i, t in enumerate(tests):
        if not isinstance(t, dict) or not isinstance(t.get("id"), str):
            problems.append(f"tests[{i}]: needs an id")
            continue
        test_ids.append(t["id"])
        problems += check_langmap(t.get("label"), f"tests[{i}].label", languages)
        problems += check_langmap(t.get("clear"), f"tests[{i}].clear", languages)
        checks = t.get("checks")
        if not isinstance(checks, list) or not set(checks) <= set(ids):
            problems.append(f"tests[{i}].checks: must list hypothesis ids")
        elif checks:
            problems += check_langmap(t.get("found"), f"tests[{i}].found", languages)
        if not isinstance(t.get("wait", 0), (int, float)) or not 0 <= t.get("wait", 0) <= 60:
            problems.append(f"tests[{i}].wait: must be 0–60 seconds")
        if not isinstance(t.get("base", 0), int) or not 0 <= t.get("base", 0) < HIGH:
            problems.append(f"tests[{i}].base: must be a whole number 0–2")
    only_tests = params.get("only_tests")
    if only_tests is not None and (
        not isinstance(only_tests, list) or not set(only_tests) <= set(test_ids)
    ):
        problems.append("only_tests: must list test ids")
    elif only_tests is not None:
        tests = [t for t in tests if t["id"] in only_tests]
    closed = params.get("closed", [])
    if not isinstance(closed, list) or not set(closed) <= set(test_ids):
        problems.append("closed: must list test ids")
        closed = []
    if closed:
        problems += check_langmap(params.get("closed_note"), "closed_note", languages)
    for key, low, high in (
        ("hypotheses_shown", 2, len(ids)),
        ("herrings", 0, 99),
        ("budget", 0, 99),
        ("attempts", 1, 9),
    ):
        if key in params and not _three(params[key], low, high):
            problems.append(f"{key}: must be three whole numbers from {low} to {high}")
    if problems:
        return problems
    in_play = set(only) if only else set(ids)
    usable = [t for t in tests if t["id"] not in closed]
    need = cover_count(in_play - {answer}, usable, str(answer))
    if need is None:
        problems.append(
            f"tests: the open tests must rule out every wrong idea when the answer is '{answer}'"
        )
    else:
        for d, budget in enumerate(params.get("budget", [0, 0, 0])):
            if budget and budget < need:
                problems.append(
                    f"budget: difficulty {d + 1} allows {budget} but the tests need {need}"
                )
    return problems


class CaseRules:
    """One case being played. ``notes`` is the notebook as (kind, id, data) tuples, newest
    last; the view words them. ``events`` queues (kind, data) for the host."""

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        self.params = params
        self.difficulty = d = max(1, min(3, difficulty))
        self.rng = rng
        self.mode = params.get("mode", "chart")
        self.answer = params["answer"]
        pool = [
            h for h in params["hypotheses"] if h["id"] in params.get("only_hypotheses", [h["id"]])
        ]
        wrong = [h for h in pool if h["id"] != self.answer]
        rng.shuffle(wrong)
        shown = params.get("hypotheses_shown", [3, 4, 5])[d - 1]
        self.hyps = [h for h in pool if h["id"] == self.answer] + wrong[: max(1, shown - 1)]
        rng.shuffle(self.hyps)
        self.active = {h["id"] for h in self.hyps}
        clues = [c for c in params["clues"] if c["id"] in params.get("only_clues", [c["id"]])]
        herrings = [c for c in clues if c.get("herring")]
        rng.shuffle(herrings)
        keep = {c["id"] for c in herrings[: params.get("herrings", [0, 1, 9])[d - 1]]}
        self.clues = [c for c in clues if not c.get("herring") or c["id"] in keep]
        self.closed = list(params.get("closed", []))
        tests = [t for t in params["tests"] if t["id"] in params.get("only_tests", [t["id"]])]
        self.tests = [
            t
            for t in tests
            if d > 1 or t["id"] in self.closed or set(t.get("checks", [])) & self.active
        ]
        if self.mode != "chart":
            rng.shuffle(self.clues)
        self.samples = list(params.get("samples", []))
        self.case_sample = next((s["id"] for s in self.samples if s.get("case")), "")
        self.wait_scale = float(params.get("wait_scale", 1.0))
        self.budget = params.get("budget", [0, 0, 0])[d - 1]
        self.tries = params.get("attempts", [3, 2, 2])[d - 1]
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
        self.solved = self.finished = False
        self.certainty = 0.0  # share of the wrong ideas ruled out when concluding
        self.spent = self.moves = self.hints_used = 0
        self.clock = 0.0
        self.plotted: str | None = None  # table mode: the variable on the chart
        self.notes: list[tuple[str, str, dict[str, Any]]] = []
        self.hint_test: str | None = None
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.last: str = ""  # what the last step did (for the view's animation)

    # -- reading the state --------------------------------------------------------
    def open_tests(self) -> list[dict[str, Any]]:
        return [t for t in self.tests if t["id"] not in self.closed]

    def test(self, tid: str) -> dict[str, Any]:
        return next(t for t in self.tests if t["id"] == tid)

    def clue(self, cid: str) -> dict[str, Any]:
        return next(c for c in self.clues if c["id"] == cid)

    def hyp(self, hid: str) -> dict[str, Any]:
        return next(h for h in self.hyps if h["id"] == hid)

    def sign(self, clue: dict[str, Any]) -> dict[str, str]:
        """What a clue shows in this case (its sign for the answer, else its usual text)."""
        return clue.get("signs", {}).get(self.answer, clue["text"])

    def values(self, clue: dict[str, Any]) -> list[float]:
        """Table mode: the variable's values per bar in this case."""
        rows = clue.get("values", {})
        return list(rows.get(self.answer, rows.get("default", [])))

    def found(self, test: dict[str, Any]) -> bool:
        return self.answer in test.get("checks", [])

    def reading(self, test: dict[str, Any], sample: str) -> int:
        base = int(test.get("base", 0))
        return HIGH if sample == self.case_sample and self.found(test) else base

    @property
    def budget_left(self) -> int | None:
        return None if not self.budget else max(0, self.budget - self.spent)

    def can_spend(self) -> bool:
        left = self.budget_left
        return left is None or left > 0

    def remaining(self) -> list[str]:
        return [h["id"] for h in self.hyps if h["id"] not in self.ruled]

    def _key(self, tid: str, sample: str) -> str:
        return f"{tid}@{sample}" if sample else tid

    def done(self, tid: str, sample: str = "") -> bool:
        key = self._key(tid, sample)
        return key in self.running or (key in self.readings if sample else tid in self.ran)

    # -- actions --------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts: list[Action] = []
        if self.can_spend():
            acts += [Action("examine", c["id"]) for c in self.clues if c["id"] not in self.seen]
            for t in self.open_tests():
                if self.mode == "tray":
                    acts += [
                        Action("test", t["id"], s["id"])
                        for s in self.samples
                        if not self.done(t["id"], s["id"])
                    ]
                elif not self.done(t["id"]):
                    acts.append(Action("test", t["id"]))
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
            self._emit("choice", step="inspect", response=target)
            self._cue("tick")
        elif kind == "test":
            sample = action.value
            self._spend()  # a control takes lab time too
            self.running[self._key(target, sample)] = (
                float(self.test(target).get("wait", 0)) * self.wait_scale
            )
            if self.hint_test == target:
                self.hint_test = None
            if not self.notes_of("suspect"):
                self.evidence_first = True
            self._emit("choice", step="test", response=self._key(target, sample))
            self._cue("tick")
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
            self._emit("choice", step="hypothesis", response=target)
            self._cue("tick")
        elif kind == "conclude":
            self._conclude(target)
        elif kind == "hint":
            self._hint()
        if not self.finished and self.moves >= MAX_MOVES:
            self.finished = True
            self.notes.append(("unsolved", self.answer, {}))
            self._cue("fail")
        if len(self.ruled) > before or self.finished:
            self._emit("progress", progress=self.progress)

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
                self._emit("progress", progress=self.progress)

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
                self._cue("tick")
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
                self._cue("tick")
            else:
                self._cue("success" if fresh or self.found(test) else "tick")

    def _spend(self) -> None:
        """One unit of lab time; a warning cue when one unit is left."""
        self.spent += 1
        if self.budget_left == 1:
            self._cue("warning")

    def _conclude(self, target: str) -> None:
        self._emit("choice", step="diagnosis", response=target)
        wrong = self.active - {self.answer}
        if target == self.answer:
            self.certainty = len(
                [h for h in self.ruled if h in wrong and self.ruled[h] != "hint"]
            ) / max(1, len(wrong))
            self.solved = self.finished = True
            self.notes.append(("right", target, {}))
            self.last = "right"
            self._cue("success")
            return
        self.wrong_guesses += 1
        self.tries -= 1
        self.ruled[target] = "wrong"
        self.hypothesis = None
        self.last = "wrong"
        self._emit("mistake", step="diagnosis")
        self.notes.append(("wrong", target, {}))
        self._cue("fail")
        if self.tries <= 0:
            self.finished = True
            self.notes.append(("unsolved", self.answer, {}))

    def _hint(self) -> None:
        self.hints_used += 1
        self._emit("hint", step=len(self.notes))
        useful = [
            t
            for t in self.open_tests()
            if not self.done(t["id"], self.case_sample)
            and clears(t, self.answer) & set(self.remaining())
        ]
        if useful and self.can_spend():
            best = max(useful, key=lambda t: len(clears(t, self.answer) & set(self.remaining())))
            self.hint_test = best["id"]
            self.notes.append(("hint_test", best["id"], {}))
        else:
            pick = self.rng.choice([h for h in self.remaining() if h != self.answer])
            self.ruled[pick] = "hint"
            if self.hypothesis == pick:
                self.hypothesis = None
            self.notes.append(("hint_not", pick, {}))

    def _emit(self, kind: str, **data: Any) -> None:
        self.events.append((kind, data))

    def _cue(self, name: str) -> None:
        self.events.append(("cue", {"name": name}))

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self.events = self.events, []
        return events

    # -- a simulated player --------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        """What a player of ``skill`` (0–1) does now: a careful one looks, states the idea
        the evidence points to, tests it and concludes; a careless one pokes about and guesses."""
        if self.finished:
            return None
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
            if not self.done(t["id"], self.case_sample) and wrong_left & clears(t, self.answer)
        ]
        spare = self.budget_left is None or self.budget_left > (
            cover_count(wrong_left, useful, self.answer) or 0
        )
        unread = [c for c in self.clues if c["id"] not in self.seen and not c.get("herring")]
        if unread and spare and self.can_spend():
            return Action("examine", unread[0]["id"])
        if self.hypothesis != self.answer and self.answer in self.remaining():
            return Action("suspect", self.answer)
        if useful and self.can_spend():
            best = max(useful, key=lambda t: len(wrong_left & clears(t, self.answer)))
            return Action("test", best["id"], self.case_sample)
        if self.running and (wrong_left or pending):
            return Action("wait")
        return Action("conclude", self.answer)

    # -- result ----------------------------------------------------------------------
    @property
    def progress(self) -> float:
        if self.solved:
            return 1.0
        wrong = len(self.active) - 1
        return 0.9 * len([h for h in self.ruled if h != self.answer]) / max(1, wrong)

    def result(self) -> MechanicResult:
        """Accuracy (right first time scores most), planning (evidence before the idea,
        tests spent against the least needed) and recovery (solved after a wrong call)."""
        accuracy = 1 / (1 + self.wrong_guesses) if self.solved else 0.0
        useful_clues = len([c for c in self.clues if not c.get("herring")])
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
        score = max(0.0, min(1.0, score - 0.08 * self.hints_used))
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
            },
        )
