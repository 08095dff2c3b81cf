"""The pygame-free half of every board that has one: the base of its rules state machine
(the Creators' design, the Doers' assemble modes, the Persuaders' and Organisers' boards;
see ``design_rules.py``, ``assemble_*rules.py``, ``enterprise_*_rules.py``,
``organise_*_rules.py``).

A ``Rules`` object holds a play's state. It is built by its view with the level's
params, the difficulty (1–3) and a random generator, changes only through
``perform(action)`` (the view's controls and the bots call it alike), advances with
``tick(dt)`` (called by the view's ``update`` every frame), and says what happened
through events (``progress``, ``hint``, ``choice``, ``mistake``, ``cue``) and a
``remark``: a locale key (or a language map) with its values, which the view turns into
words in the pupil's language. Nothing here draws, reads a font or knows the language.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from telemetry.words import languages
from zones import params_types
from zones.challenges.actions import Action, MechanicResult

#: the cue names the host turns into a sound and a visual cue
CUES = ("success", "fail", "tick", "warning")
#: an untimed level still ends after this many seconds (a pupil going round in circles
#: reaches an ending; a typical pupil needs one or two minutes a level)
GIVE_UP_S = 480.0
#: ``say``'s default cue: ``success`` for a good remark, ``fail`` for a bad one
AUTO = "auto"
#: a remark or a fact: a locale key (or a language map) and its values
Said = tuple[Any, dict[str, Any]]


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
    """Base of every rules state machine: the clock, the ending, events, remarks and the
    counts.

    A subclass with a ``params_type`` (a frozen dataclass, see ``zones.params_types``)
    reads its params as that; given a plain dict (tests, tools) it converts it first. Its
    params' ``time_limit`` (one number, or three: one per difficulty; 0 is untimed) and
    ``max_mistakes`` (the round ends at that many; none: no cap) are read here."""

    params_type: ClassVar[type | None] = None
    #: seconds left when the ``warning`` cue sounds (none: at four fifths of the time)
    WARN_LEFT_S: ClassVar[float | None] = None
    #: an untimed play still ends after this many seconds (none: it never gives up)
    GIVE_UP_S: ClassVar[float | None] = GIVE_UP_S

    def __init__(self, params: Any, difficulty: int, rng: random.Random):
        self.params = typed_params(type(self).params_type, params)
        self.difficulty = max(1, min(3, difficulty))
        self.rng = rng
        self.elapsed = 0.0
        self.time_limit = float(per_difficulty(self.params, "time_limit", self.difficulty, 0))
        self.max_mistakes: int | None = getattr(self.params, "max_mistakes", None)
        self.finished = False
        self.succeeded = False
        self.timed_out = False
        self.warned = False
        self.hints_used = 0
        self.mistakes = 0
        #: steps that went right after a mistake on the same thing
        self.recovered = 0
        self.said: Remark | None = None
        #: how many remarks were made (the view starts an animation when it changes)
        self.beat = 0
        self.events: list[tuple[str, dict[str, Any]]] = []
        #: the view's ``emit`` (set by the view, so the mechanic's contract holds)
        self.relay: Callable[[str, dict[str, Any]], None] | None = None

    # -- events and remarks ------------------------------------------------------------
    def emit(self, kind: str, **data: Any) -> None:
        """Queue an event for the host (through ``relay`` when a view set one)."""
        if self.relay is not None:
            self.relay(kind, data)
        else:
            self.events.append((kind, data))

    def cue(self, name: str) -> None:
        """A cue the host turns into a sound and a mark: success, fail, tick or warning."""
        self.emit("cue", name=name)

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self.events = self.events, []
        return events

    def say(self, key: Any, good: bool, cue: str | None = AUTO, **values: Any) -> None:
        """Set the remark and emit its cue: ``success`` or ``fail`` by ``good`` unless
        told, none when ``cue`` is None."""
        self.said = Remark(key, good, values)
        self.beat += 1
        if cue == AUTO:
            cue = "success" if good else "fail"
        if cue is not None:
            self.cue(cue)

    def mistake(self, step: Any, key: Any, **values: Any) -> None:
        """A thing that went wrong: counted, emitted and said (with a ``fail`` cue); the
        round ends at ``max_mistakes``."""
        self.mistakes += 1
        self.emit("mistake", step=step)
        self.say(key, False, **values)
        if (
            self.max_mistakes is not None
            and self.mistakes >= self.max_mistakes
            and not self.finished
        ):
            self.end(False, "assemble.out_of_tries")

    def end(self, success: bool, key: Any, **values: Any) -> None:
        """The round is over: said (with its cue) and the progress emitted."""
        self.finished = True
        self.succeeded = success
        self.say(key, success, **values)
        self.emit("progress", progress=self.progress)

    # -- the clock ---------------------------------------------------------------------
    def tick(self, dt: float) -> None:
        """Advance the clock by ``dt`` seconds; a timed play ends when time runs out (a
        ``warning`` cue first, see ``WARN_LEFT_S``), an untimed one after ``GIVE_UP_S``."""
        if self.finished:
            return
        self.elapsed += dt
        limit = self.time_limit or self.GIVE_UP_S
        if not limit:
            return
        if self.time_limit and not self.warned and self.elapsed >= self.warn_at():
            self.warned = True
            self.cue("warning")
        if self.elapsed >= limit:
            self.timed_out = True
            self.end(False, "challenge.time_up")
            self.time_up()

    def warn_at(self) -> float:
        """The clock reading at which the ``warning`` cue sounds."""
        if self.WARN_LEFT_S is None:
            return 0.8 * self.time_limit
        return self.time_limit - self.WARN_LEFT_S

    def time_up(self) -> None:
        """Called once when the clock ends the play."""

    def time_left(self) -> float:
        """Seconds left on the clock (0 when untimed)."""
        return max(0.0, self.time_limit - self.elapsed) if self.time_limit else 0.0

    def time_score(self) -> float:
        """1 for no time used, 0 for all of it (always 1 when untimed)."""
        return max(0.0, 1 - self.elapsed / self.time_limit) if self.time_limit else 1.0

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

    def scored(
        self,
        success: bool,
        accuracy: float,
        done_score: float,
        details: dict[str, Any],
        penalty: float = 0.0,
    ) -> MechanicResult:
        """The result of a board that scores a finished job by its own weights
        (``done_score``) and an unfinished one as half its progress times its accuracy,
        less 0.05 a hint and ``penalty``; with the counts every board reports."""
        score = done_score if success else 0.5 * self.progress * accuracy
        score = max(0.0, score - 0.05 * self.hints_used - penalty)
        return MechanicResult(
            success,
            round(score, 3),
            round(accuracy, 3),
            {
                "mistakes": self.mistakes,
                "hints": self.hints_used,
                "recovered": self.recovered,
                **details,
            },
        )

    def describe(self) -> list[Said]:
        """The board's state as sentences: (locale key or language map, values) pairs."""
        return []

    #: what a board's cached layer does not depend on (the clock is drawn over it)
    NOT_SHOWN = frozenset({"elapsed", "rng", "relay", "events", "params"})

    def shown_state(self) -> str:
        """Everything of this state machine but its clock and plumbing, as one string: a
        view's cached board layer is drawn again when it changes (called once per frame;
        a repr of a few small lists, far cheaper than drawing the board)."""
        return repr(sorted((k, v) for k, v in vars(self).items() if k not in self.NOT_SHOWN))


def typed_params(kind: type | None, params: Any) -> Any:
    """``params`` as ``kind`` (converted when it is a dict; unchanged without a kind)."""
    if kind is None or isinstance(params, kind):
        return params
    return params_types.build(kind, params, languages())


def per_difficulty(params: Any, key: str, difficulty: int, default: Any) -> Any:
    """``params.key``'s entry for ``difficulty`` when it is a list of values (one per
    difficulty), else the value itself (``default`` when the params have no such field)."""
    value = getattr(params, key, default)
    if isinstance(value, (list, tuple)):
        return value[difficulty - 1] if len(value) >= difficulty else default
    return value
