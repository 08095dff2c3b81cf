"""The shared core of the Creators' and Doers' rules (design, assemble): a pure state
machine with no pygame and no kit (the Persuaders' and Organisers' rules use
:mod:`zones.challenges.rules_core`; the two bases differ in how a remark is kept).

A rules object is built by its view (the ``Mechanic`` subclass) with the level's params,
the difficulty (1–3) and a random generator. The view and the bots change it only
through ``perform(action)``; ``tick(dt)`` advances its clock. It queues events for the
host (``progress``, ``hint``, ``choice``, ``mistake``, ``cue``) and keeps its last remark
as a locale key with values (language maps are picked by the view), so the rules hold
no text of their own. Touches nothing outside itself.
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.rules_core import typed_params

#: a remark or a fact: a locale key and its values (a value may be a language map)
Said = tuple[str, dict[str, Any]]


def per_difficulty(params: Any, key: str, difficulty: int, default: Any) -> Any:
    """``params[key]``'s entry for ``difficulty`` when it is a list of three, else itself
    (typed params, or the dict of a mechanic still read as one)."""
    if isinstance(params, dict):
        value = params.get(key, default)
    else:
        value = getattr(params, key, default)
    return value[difficulty - 1] if isinstance(value, (list, tuple)) else value


class Rules:
    """Base of every rules state machine: clock, ending, remarks and events. A subclass
    with a ``params_type`` reads its params as that dataclass (a dict is converted)."""

    params_type: ClassVar[type | None] = None

    def __init__(self, params: Any, difficulty: int, rng: random.Random):
        self.params = params = typed_params(type(self).params_type, params)
        self.difficulty = max(1, min(3, difficulty))
        self.rng = rng
        self.elapsed = 0.0
        self.finished = False
        self.succeeded = False
        self.hints_used = 0
        self.mistakes = 0
        self.recovered = 0
        self.max_mistakes = int(
            params.get("max_mistakes", 8)
            if isinstance(params, dict)
            else getattr(params, "max_mistakes", 8)
        )
        self.time_limit = float(per_difficulty(params, "time_limit", self.difficulty, 0))
        self.feedback: Said | None = None
        self.feedback_good = True
        self._warned = False
        self._events: list[tuple[str, dict[str, Any]]] = []

    # -- events and remarks ------------------------------------------------------------
    #: where events go: the rules' own queue, or the view's ``emit`` (set by the view, so
    #: the host and anything watching the mechanic see one channel)
    sink: Any = None

    def emit(self, kind: str, **data: Any) -> None:
        if self.sink is not None:
            self.sink(kind, **data)
        else:
            self._events.append((kind, data))

    def cue(self, name: str) -> None:
        """A cue the host turns into a sound and a mark: success, fail, tick or warning."""
        self.emit("cue", name=name)

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self._events = self._events, []
        return events

    def say(self, key: str, good: bool = True, **values: Any) -> None:
        self.feedback = (key, values)
        self.feedback_good = good

    def mistake(self, step: str, key: str, **values: Any) -> None:
        """A thing that went wrong: counted, emitted, cued and said; the round ends at the cap."""
        self.mistakes += 1
        self.emit("mistake", step=step)
        self.cue("fail")
        self.say(key, False, **values)
        if self.mistakes >= self.max_mistakes and not self.finished:
            self.end(False, "assemble.out_of_tries")

    def end(self, success: bool, key: str, **values: Any) -> None:
        self.finished = True
        self.succeeded = success
        self.say(key, success, **values)
        self.cue("success" if success else "fail")
        self.emit("progress", progress=self.progress)

    # -- time ----------------------------------------------------------------------------
    def tick(self, dt: float) -> None:
        """Advance the clock by ``dt`` seconds; the round ends when the time limit is up."""
        if self.finished:
            return
        self.elapsed += dt
        if self.time_limit and not self._warned and self.time_limit - self.elapsed <= 20:
            self._warned = True
            self.cue("warning")
        if self.time_limit and self.elapsed >= self.time_limit:
            self.end(False, "challenge.time_up")

    def time_left(self) -> float:
        return max(0.0, self.time_limit - self.elapsed) if self.time_limit else 0.0

    # -- the contract the views and bots use ------------------------------------------
    @property
    def progress(self) -> float:
        return 0.0

    def actions(self) -> list[Action]:
        return []

    def perform(self, action: Action) -> None:
        raise NotImplementedError

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        options = self.actions()
        return rng.choice(options) if options else None

    def result(self) -> MechanicResult:
        raise NotImplementedError

    def facts(self) -> list[Said]:
        """What the board shows now, as locale keys with values (the view says them)."""
        return []

    def time_score(self) -> float:
        return max(0.0, 1 - self.elapsed / self.time_limit) if self.time_limit else 1.0
