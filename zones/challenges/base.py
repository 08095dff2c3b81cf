"""The contract every challenge mechanic follows.

A mechanic is the playable middle of a challenge. The hosting scene (in game/) gives it
a ``kit`` with: ``ui`` (a focus layer: ``hotspot(rect, label, on_press)``,
``button(rect, label, on_press, style)``), ``painter`` (drawing helpers: ``panel``,
``text``, ``icon``, ``shape``, ``font(size, bold)``, ``palette``), ``pick`` (language map →
text) and ``t`` (UI key → text). A mechanic never records telemetry itself: it calls
``emit`` and the host turns those events into statements. Bots and the UI both change
the game only through ``perform(action)``, so simulated players play the real thing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pygame


@dataclass
class MechanicResult:
    """How a play went. ``score`` is 0–1; performance is skill evidence, never interest."""

    success: bool
    score: float
    accuracy: float
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """One thing the player can do now, exactly as the UI would trigger it."""

    kind: str
    target: str = ""
    value: str = ""


class Mechanic:
    """Base class. Subclasses set ``family`` and implement the hooks below."""

    family: ClassVar[str] = ""

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        self.params = params
        self.difficulty = max(1, min(3, difficulty))
        self.kit = kit
        self.rng = rng
        self.elapsed = 0.0
        self.finished = False
        self.hints_used = 0
        self._events: list[tuple[str, dict[str, Any]]] = []
        self._labels: dict[Action, str] = {}

    # -- data -------------------------------------------------------------------
    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        """Problems with this mechanic's ``params`` as ``field: problem`` strings."""
        return []

    # -- host hooks ---------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """Create hotspots and buttons inside ``area`` (called once, and after a resize)."""

    def handle_event(self, event: pygame.event.Event) -> None:
        """Extra keys the mechanic understands (focus keys are handled by the host)."""

    def update(self, dt: float) -> None:
        """Advance timers by ``dt`` seconds."""
        if not self.finished:
            self.elapsed += dt

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Draw the play area."""

    @property
    def progress(self) -> float:
        """0–1, how far through the task the player is."""
        return 0.0

    @property
    def animating(self) -> bool:
        """True while a timer runs or something moves."""
        return not self.finished

    def result(self) -> MechanicResult:
        raise NotImplementedError

    # -- actions (UI and bots) ------------------------------------------------------
    def actions(self) -> list[Action]:
        """What can be done now."""
        return []

    def perform(self, action: Action) -> None:
        """Do one action; the UI callbacks call this too."""

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        """The action a player of ``skill`` (0–1) would take now; None when done."""
        options = self.actions()
        return rng.choice(options) if options else None

    def label_for(self, action: Action) -> str:
        """The label of the focusable element that triggers ``action`` (for keyboard tests)."""
        return self._labels.get(action, "")

    def bind(self, action: Action, label: str) -> None:
        """Remember which focusable label triggers ``action``; call it when building UI."""
        self._labels[action] = label

    # -- telemetry events ---------------------------------------------------------
    def emit(self, kind: str, **data: Any) -> None:
        """Queue a notable event (``progress``, ``hint``, ``choice``, ``mistake``) for the host."""
        self._events.append((kind, data))

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self._events = self._events, []
        return events


def check_langmap(value: Any, field_name: str, languages: tuple[str, ...]) -> list[str]:
    """Problems with a language map inside mechanic params."""
    if not isinstance(value, dict):
        return [f"{field_name}: must be a language map"]
    return [f"{field_name}: language '{lang}' missing" for lang in languages
            if not isinstance(value.get(lang), str) or not value.get(lang)]
