"""The typed params of the investigate mechanic (no pygame), read by
:mod:`zones.challenges.investigate_rules` and its views, checked on load by
:mod:`zones.params_types`. The types say each field's kind and bounds; ``check`` adds what
they cannot: the ids that must name a hypothesis, clue or test, what each mode needs
(clue spots on the chart, samples in the tray, a series for the table) and that the open
tests can rule out every wrong idea within the lab-time budget.

Called by the loader through :meth:`zones.challenges.investigate.InvestigateMechanic.parse_params`
with a challenge's base params and with each level's merged params. ``clears`` and
``cover_count`` are shared with the rules (which tests rule out which ideas).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from zones import params_types
from zones.params_types import Rule, Shape, Text, Three

MODES = ("chart", "tray", "table")
#: a reading on the case sample when the reagent finds the answer (the key's top level)
HIGH = 3
#: wrong treatments allowed before the senior vet takes over (``treat_tries`` overrides)
TREAT_TRIES = 2
#: ideas in play per difficulty when a case does not say (``hypotheses_shown``)
SHOWN = (3, 4, 5)

Ids = tuple[str, ...]
#: a table variable's values, one per bar
Row = Annotated[tuple[float, ...], Rule(ge=0, message="must be a list of numbers ≥ 0")]
#: per difficulty, in today's words (the ideas' upper bound is checked against their number)
Shown = Annotated[
    Three[int],
    Rule(ge=2, message="must be three whole numbers from 2 to the number of hypotheses"),
]
UpTo99 = Annotated[
    Three[int], Rule(ge=0, le=99, message="must be three whole numbers from 0 to 99")
]
Attempts = Annotated[
    Three[int], Rule(ge=1, le=9, message="must be three whole numbers from 1 to 9")
]
#: a 0–1 place on the chart's picture
Place = Annotated[float, Rule(ge=0, le=1, message="must be a number 0–1")]


@dataclass(frozen=True)
class Hypothesis:
    """An idea of what is wrong: its token (``shape``, ``colour``), the ``quip`` a wrong
    conclusion with it gets, and (without ``treatments``) the ``treat`` line once right."""

    id: str
    label: Text
    quip: Text
    shape: Shape
    colour: str | None = None
    treat: Text | None = None


@dataclass(frozen=True)
class Clue:
    """Something to examine: its usual ``text`` and its ``signs`` per answer; ``x``/``y``
    (0–1) place it on the chart's dog; a ``herring`` says nothing (mixed in by
    difficulty); ``values`` are a table variable's bars (``default`` and per answer)."""

    id: str
    label: Text
    text: Text
    signs: Annotated[dict[str, Text], Rule(message="must map hypothesis ids to texts")] = field(
        default_factory=dict
    )
    x: Place | None = None
    y: Place | None = None
    herring: bool = False
    values: (
        Annotated[dict[str, Row], Rule(message="needs a 'default' list (and lists per answer)")]
        | None
    ) = None


@dataclass(frozen=True)
class Test:
    """A test (a reagent in the tray, a check in the table) that ``checks`` ideas: it is
    ``found`` when the answer is among them, else ``clear`` (ruling them all out). Its
    result lands ``wait`` seconds later; ``base`` is its reading on a control sample."""

    id: str
    label: Text
    clear: Text
    checks: Annotated[Ids, Rule(message="must list hypothesis ids")]
    found: Text | None = None
    wait: Annotated[float, Rule(ge=0, le=60, message="must be 0–60 seconds")] = 0
    base: Annotated[int, Rule(ge=0, le=HIGH - 1, message="must be a whole number 0–2")] = 0
    colour: str = "#3A86FF"

    def check(self) -> list[str]:
        return ["found: must be a language map"] if self.checks and self.found is None else []


@dataclass(frozen=True)
class Sample:
    """A sample in the tray; exactly one is the ``case`` (the others are controls)."""

    id: str
    label: Text
    case: bool = False


@dataclass(frozen=True)
class Series:
    """The table's bars: the sales ``name``, a label and a value per bar."""

    name: Text
    labels: tuple[Text, ...]
    values: Annotated[tuple[float, ...], Rule(ge=0, message="must be numbers ≥ 0")]


@dataclass(frozen=True)
class Treatment:
    """A treatment offered after the diagnosis; it ``fits`` exactly one hypothesis."""

    id: str
    fits: str
    label: Text


@dataclass(frozen=True)
class InvestigateParams:
    """A case: ``hypotheses`` (the ``answer`` among them), ``clues`` and ``tests``;
    ``only_*`` keep some of each for a level, ``closed`` tests are shown but cannot be run
    (``closed_note`` says why). Per difficulty: ideas in play (``hypotheses_shown``),
    red herrings mixed in, the lab-time ``budget`` (0 = unlimited) and the ``attempts``.
    ``treatments`` add a step after the right diagnosis (``treat_tries`` wrong ones allowed)."""

    mode: Literal["chart", "tray", "table"]
    subject: Text
    answer: str
    hypotheses: Annotated[
        tuple[Hypothesis, ...], Rule(min_items=3, message="needs a list of at least 3 ideas")
    ]
    clues: Annotated[
        tuple[Clue, ...], Rule(min_items=2, max_items=7, message="needs a list of 2 to 7 clues")
    ]
    tests: Annotated[
        tuple[Test, ...], Rule(min_items=2, max_items=8, message="needs a list of 2 to 8 tests")
    ]
    samples: tuple[Sample, ...] = ()
    series: Series | None = None
    only_hypotheses: (
        Annotated[Ids, Rule(message="must list 2 or more hypothesis ids, the answer among them")]
        | None
    ) = None
    only_clues: (
        Annotated[Ids, Rule(message="must list clue ids, at least one of them not a red herring")]
        | None
    ) = None
    only_tests: Annotated[Ids, Rule(message="must list test ids")] | None = None
    closed: Annotated[Ids, Rule(message="must list test ids")] = ()
    closed_note: Text | None = None
    treatments: Annotated[tuple[Treatment, ...], Rule(message="must be a list")] | None = None
    treat_tries: Annotated[int, Rule(ge=1, le=4, message="must be a whole number 1–4")] = (
        TREAT_TRIES
    )
    wait_scale: Annotated[float, Rule(ge=0)] = 1.0
    hypotheses_shown: Shown | None = None
    herrings: UpTo99 = (0, 1, 9)
    budget: UpTo99 = (0, 0, 0)
    attempts: Attempts = (3, 2, 2)

    def check(self) -> list[str]:
        ids = [h.id for h in self.hypotheses]
        problems: list[str] = []
        if self.answer not in ids:
            problems.append(f"answer: '{self.answer}' is not one of the hypotheses")
        only = self.only_hypotheses
        if only is not None and (
            not set(only) <= set(ids) or self.answer not in only or len(only) < 2
        ):
            problems.append(
                "only_hypotheses: must list 2 or more hypothesis ids, the answer among them"
            )
        only_clues = self.only_clues
        if only_clues is not None and (
            not set(only_clues) <= {c.id for c in self.clues}
            or not [c for c in self.clues if c.id in only_clues and not c.herring]
        ):
            problems.append(
                "only_clues: must list clue ids, at least one of them not a red herring"
            )
        if self.mode == "tray" and (
            len(self.samples) < 2 or sum(1 for s in self.samples if s.case) != 1
        ):
            problems.append('samples: needs 2 or more samples, exactly one with "case": true')
        series = self.series
        if self.mode == "table" and (
            series is None
            or len(series.values) != len(series.labels)
            or not 2 <= len(series.values) <= 8
        ):
            problems.append("series: needs 'labels' and 'values' lists of the same length (2–8)")
            series = None
        for i, clue in enumerate(self.clues):
            problems += self._check_clue(i, clue, ids, series)
        test_ids = [t.id for t in self.tests]
        for i, test in enumerate(self.tests):
            if not set(test.checks) <= set(ids):
                problems.append(f"tests[{i}].checks: must list hypothesis ids")
        if self.only_tests is not None and not set(self.only_tests) <= set(test_ids):
            problems.append("only_tests: must list test ids")
        if not set(self.closed) <= set(test_ids):
            problems.append("closed: must list test ids")
        elif self.closed and self.closed_note is None:
            problems.append("closed_note: must be a language map")
        if self.hypotheses_shown is not None and max(self.hypotheses_shown) > len(ids):
            problems.append(f"hypotheses_shown: must be three whole numbers from 2 to {len(ids)}")
        problems += self._check_treatments(ids)
        return problems or self._check_cover(ids)

    def _check_clue(self, i: int, clue: Clue, ids: list[str], series: Series | None) -> list[str]:
        """The clue's signs name ideas; its spot on the chart; its bars in the table."""
        where = f"clues[{i}]"
        problems = []
        if not set(clue.signs) <= set(ids):
            problems.append(f"{where}.signs: must map hypothesis ids to texts")
        if self.mode == "chart":
            problems += [
                f"{where}.{name}: must be a number 0–1"
                for name, value in (("x", clue.x), ("y", clue.y))
                if value is None
            ]
        if self.mode != "table":
            return problems
        if clue.values is None or "default" not in clue.values:
            return problems + [f"{where}.values: needs a 'default' list (and lists per answer)"]
        problems += [
            f"{where}.values.{name}: not a hypothesis id"
            for name in clue.values
            if name != "default" and name not in ids
        ]
        used = self.answer if self.answer in clue.values else "default"
        if series is not None and len(clue.values[used]) != len(series.values):
            problems.append(
                f"{where}.values.{used}: must be {len(series.values)} numbers, one per bar"
            )
        return problems

    def _check_treatments(self, ids: list[str]) -> list[str]:
        """Each treatment fits an idea, and every idea has exactly one."""
        if self.treatments is None:
            return []
        problems = [
            f"treatments[{i}].fits: must be one of the hypothesis ids"
            for i, t in enumerate(self.treatments)
            if t.fits not in ids
        ]
        if not problems and sorted(t.fits for t in self.treatments) != sorted(ids):
            problems.append("treatments: every hypothesis needs exactly one treatment that fits it")
        return problems

    def _check_cover(self, ids: list[str]) -> list[str]:
        """The open tests rule out every wrong idea in play, within each budget."""
        in_play = set(self.only_hypotheses) if self.only_hypotheses else set(ids)
        tests = [t for t in self.tests if self.only_tests is None or t.id in self.only_tests]
        usable = [t for t in tests if t.id not in self.closed]
        need = cover_count(in_play - {self.answer}, usable, self.answer)
        if need is None:
            return [
                f"tests: the open tests must rule out every wrong idea when the answer is "
                f"'{self.answer}'"
            ]
        return [
            f"budget: difficulty {d + 1} allows {budget} but the tests need {need}"
            for d, budget in enumerate(self.budget)
            if budget and budget < need
        ]


def clears(test: Test, answer: str) -> set[str]:
    """The ideas ``test`` rules out when the true answer is ``answer`` (none if it finds it)."""
    checks = set(test.checks)
    return set() if answer in checks else checks


def cover_count(wrong: set[str], tests: Iterable[Test], answer: str) -> int | None:
    """Tests a careful player needs to rule out every idea in ``wrong`` (greedy), or None."""
    left, used, tests = set(wrong), 0, list(tests)
    while left:
        best = max(tests, key=lambda t: len(left & clears(t, answer)), default=None)
        if best is None or not left & clears(best, answer):
            return None
        left -= clears(best, answer)
        used += 1
    return used


def parse_params(params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list[str]]:
    """``params`` as :class:`InvestigateParams` (or themselves) and their problems."""
    if params.get("mode") not in MODES:
        return params, [f"mode: must be one of {MODES}"]
    return params_types.parse(InvestigateParams, params, languages)


def validate(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with one challenge's or level's params, as ``field: problem`` lines."""
    return parse_params(params, languages)[1]
