"""A mechanic that is the view of a :class:`~zones.challenges.rules_core.Rules` state
machine: it builds the controls, draws and handles keys; every rule, count and timer
lives in ``self.rules``.

The view reads the rules' state as if it were its own (``self.queue`` is
``self.rules.queue``) but may not write it: only ``perform`` changes a play, so the bots,
the keyboard and the mouse play the same rules. Remarks come back as words through
:meth:`words`, in the pupil's language.
"""

from __future__ import annotations

import math
import random
from typing import Any, ClassVar

import pygame

from zones import params_types
from zones.challenges.actions import Action
from zones.challenges.base import RulesMechanic, rules_field
from zones.challenges.rules_core import Money, Remark, Rules

#: what the view keeps as well as the rules (the base Mechanic sets them)
SHARED = frozenset({"params", "difficulty", "rng"})


class RulesView(RulesMechanic):
    """Base of the Persuaders' and Organisers' views. Subclasses set ``rules_class``."""

    rules_class: ClassVar[type[Rules]] = Rules

    elapsed = rules_field("elapsed", 0.0)

    def __init__(self, params: Any, difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        #: the rules' beat when the current animation started, and its age in seconds
        self.shown_beat = 0
        self.anim = 0.0

    def __getattr__(self, name: str) -> Any:
        rules = self.__dict__.get("rules")
        if rules is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(rules, name)

    def __setattr__(self, name: str, value: Any) -> None:
        rules = self.__dict__.get("rules")
        if (
            rules is not None
            and name in vars(rules)
            and name not in self.__dict__
            and name not in SHARED
            and not isinstance(getattr(type(self), name, None), property)
        ):
            raise AttributeError(
                f"{type(self).__name__}.{name} is rules state: change it through perform()"
            )
        object.__setattr__(self, name, value)

    # -- rules ---------------------------------------------------------------------------
    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> Rules:
        return self.rules_class(params, difficulty, rng)

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return cls.parse_params(params, languages)[1]

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        kind = cls.rules_class.params_type
        return {"": kind} if kind is not None else {}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        kind = cls.rules_class.params_type
        if kind is not None:
            return params_types.parse(kind, params, languages)
        return params, list(cls.rules_class.validate_params(params, languages))  # type: ignore[attr-defined]

    def perform(self, action: Action) -> None:
        self.rules.perform(action)
        self.sync()

    def update(self, dt: float) -> None:
        was = self.rules.finished
        self.rules.tick(dt)
        if self.rules.beat != self.shown_beat:
            self.shown_beat, self.anim = self.rules.beat, 0.0
        else:
            self.anim += dt
        if self.rules.finished and not was:
            self.sync()

    def emit(self, kind: str, **data: Any) -> None:
        self.rules.events.append((kind, data))

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        return self.rules.pop_events() + super().pop_events()

    def sync(self) -> None:
        """Show, hide or disable controls to match the rules' state (after every action)."""

    # -- words ---------------------------------------------------------------------------
    def word(self, value: Any) -> Any:
        """One remark value in the pupil's language (a language map picked, money formatted)."""
        if isinstance(value, dict):
            return self.kit.pick(value)
        if isinstance(value, Money):
            return self.money(value.cents)
        if isinstance(value, Remark):
            return self.words(value.key, value.values)
        return value

    def money(self, cents: int) -> str:
        return str(cents // 100)

    def words(self, key: Any, values: dict[str, Any]) -> str:
        """A locale key or a content language map, with its values filled in."""
        filled = {k: self.word(v) for k, v in values.items()}
        return self.kit.pick(key, **filled) if isinstance(key, dict) else self.kit.t(key, **filled)

    @property
    def feedback(self) -> str:
        said = self.rules.said
        return self.words(said.key, said.values) if said else ""

    @property
    def feedback_good(self) -> bool:
        said = self.rules.said
        return said.good if said else True

    def describe(self) -> list[str]:
        """The board's state in short sentences (for the "read the board" key)."""
        lines = [self.words(key, values) for key, values in self.rules.describe()]
        if self.feedback:
            lines.append(self.feedback)
        return lines

    @property
    def moving(self) -> bool:
        """True while the last remark's animation plays (never with reduced motion)."""
        return not getattr(self.kit, "reduced_motion", False) and self.anim < 0.6

    def burst(self, surface: Any, centre: tuple[int, int], good: bool) -> None:
        """A small burst of eight dots from ``centre`` while the last remark's animation
        plays: green stars out for a step that worked, red dots falling for one that failed."""
        if not self.moving:
            return
        pal = self.kit.painter.palette
        t = min(1.0, self.anim / 0.6)
        for k in range(8):
            angle = k * math.pi / 4
            reach = 14 + 46 * t
            x = centre[0] + int(math.cos(angle) * reach)
            y = centre[1] + int(
                math.sin(angle) * reach * (1 if good else 0.4) + (0 if good else 30 * t)
            )
            pygame.draw.circle(
                surface, pal.good if good else pal.bad, (x, y), max(2, int(6 * (1 - t)))
            )
