"""The pygame-free half of a mechanic: a state machine of rules (used by the Persuaders'
and Organisers' boards, see ``enterprise_*_rules.py`` and ``organise_*_rules.py``).

A ``Rules`` object holds a play's state. It changes only through ``perform(action)``
(the view's controls and the bots call it alike), advances with ``tick(dt)`` (called by
the view's ``update`` every frame), and says what happened through events (``progress``,
``hint``, ``choice``, ``mistake``, ``cue``) and a ``remark``: a locale key (or a
language map) with its values, which the view turns into words in the pupil's language.
Nothing here draws, reads a font or knows the language.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zones.challenges.actions import Action, MechanicResult

#: the cue names the host turns into a sound and a visual cue
CUES = ("success", "fail", "tick", "warning")
#: an untimed level still ends after this many seconds (a pupil going round in circles
#: reaches an ending; a typical pupil needs one or two minutes a level)
GIVE_UP_S = 480.0


@dataclass(frozen=True)
class Money:
    """An amount of money in cents inside a remark's values (the view formats it)."""

    cents: int


@dataclass
class Remark:
    """What the board says about the last step: ``key`` is a locale key, or a language map
    written in the content; ``values`` fill its placeholders (a language map value is
    picked in the pupil's language, a :class:`Money` formatted by the view)."""

    key: Any
    good: bool
    values: dict[str, Any] = field(default_factory=dict)


def check_langmap(value: Any, field_name: str, languages: tuple[str, ...]) -> list[str]:
    """Problems with a language map inside mechanic params."""
    if not isinstance(value, dict):
        return [f"{field_name}: must be a language map"]
    return [
        f"{field_name}: language '{lang}' missing"
        for lang in languages
        if not isinstance(value.get(lang), str) or not value.get(lang)
    ]


class Rules:
    """Base of every rules state machine: the clock, events, remarks and the counts."""

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        self.params = params
        self.difficulty = max(1, min(3, difficulty))
        self.rng = rng
        self.elapsed = 0.0
        self.time_limit = 0.0
        self.finished = False
        self.timed_out = False
        self.warned = False
        self.hints_used = 0
        self.said: Remark | None = None
        #: how many remarks were made (the view starts an animation when it changes)
        self.beat = 0
        self.events: list[tuple[str, dict[str, Any]]] = []
        #: the view's ``emit`` (set by the view, so the mechanic's contract holds)
        self.relay: Callable[[str, dict[str, Any]], None] | None = None

    # -- events ------------------------------------------------------------------------
    def emit(self, kind: str, **data: Any) -> None:
        """Queue an event for the host (through ``relay`` when a view set one)."""
        if self.relay is not None:
            self.relay(kind, data)
        else:
            self.events.append((kind, data))

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self.events = self.events, []
        return events

    def say(self, key: Any, good: bool, cue: str | None = None, **values: Any) -> None:
        """Set the remark and emit its cue (``success`` or ``fail`` unless told)."""
        self.said = Remark(key, good, values)
        self.beat += 1
        self.emit("cue", name=cue or ("success" if good else "fail"))

    # -- the clock ---------------------------------------------------------------------
    def tick(self, dt: float) -> None:
        """Advance the clock by ``dt`` seconds; a timed play ends when time runs out
        (a ``warning`` cue at four fifths of the time), an untimed one after ``GIVE_UP_S``."""
        if self.finished:
            return
        self.elapsed += dt
        if not self.time_limit:
            if self.elapsed >= GIVE_UP_S:
                self.finished = self.timed_out = True
                self.say("challenge.time_up", False)
                self.time_up()
            return
        if not self.warned and self.elapsed >= 0.8 * self.time_limit:
            self.warned = True
            self.emit("cue", name="warning")
        if self.elapsed >= self.time_limit:
            self.finished = self.timed_out = True
            self.say("challenge.time_up", False)
            self.time_up()

    def time_up(self) -> None:
        """Called once when the clock ends the play."""

    # -- to override -------------------------------------------------------------------
    def actions(self) -> list[Action]:
        return []

    def perform(self, action: Action) -> None:
        """Do one action (unknown or impossible actions change nothing)."""

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        options = self.actions()
        return rng.choice(options) if options else None

    @property
    def progress(self) -> float:
        return 0.0

    def result(self) -> MechanicResult:
        raise NotImplementedError

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        """The board's state as sentences: (locale key or language map, values) pairs."""
        return []

    #: what a board's cached layer does not depend on (the clock is drawn over it)
    NOT_SHOWN = frozenset({"elapsed", "rng", "relay", "events", "params"})

    def shown_state(self) -> str:
        """Everything of this state machine but its clock and plumbing, as one string: a
        view's cached board layer is drawn again when it changes (called once per frame;
        a repr of a few small lists, far cheaper than drawing the board)."""
        return repr(sorted((k, v) for k, v in vars(self).items() if k not in self.NOT_SHOWN))


def per_difficulty(params: dict[str, Any], key: str, default: Any, difficulty: int) -> Any:
    """``params[key]`` is a list of three values, one per difficulty (or ``default``)."""
    values = params.get(key, default)
    return values[difficulty - 1] if isinstance(values, list) and len(values) == 3 else default
