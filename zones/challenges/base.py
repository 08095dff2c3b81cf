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
from collections.abc import Iterator
from typing import Any, ClassVar

import pygame

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.rules_core import check_langmap

__all__ = ["Action", "Mechanic", "MechanicResult", "RulesMechanic", "StaticLayer", "check_langmap"]


class Mechanic:
    """Base class. Subclasses set ``family`` and implement the hooks below."""

    family: ClassVar[str] = ""

    def __init__(self, params: Any, difficulty: int, kit: Any, rng: random.Random):
        self.params: Any = params
        self.difficulty = max(1, min(3, difficulty))
        self.kit = kit
        self.rng = rng
        self.elapsed = 0.0
        self.finished = False
        self.hints_used = 0
        self._events: list[tuple[str, dict[str, Any]]] = []
        self._labels: dict[Action, str] = {}
        #: cached pixels of the static part of ``draw`` (see :class:`StaticLayer`)
        self.layer = StaticLayer()
        #: the lowest y the board's layout reaches (set by ``build``); at large text a
        #: board lays out taller than its area and the host scrolls the page to show it
        self.bottom = 0

    # -- data -------------------------------------------------------------------
    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        """Problems with this mechanic's ``params`` as ``field: problem`` strings."""
        return []

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        """The params dataclass of each mode (``""`` for a mechanic without modes; None for
        a mode still read as a plain dict, empty for such a mechanic). ``zones.schema``
        exports them."""
        return {}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        """Called by the loader on each level's params: the params as the mechanic reads
        them (its dataclass, or the dict itself) and their problems as ``field: problem``."""
        return params, list(cls.validate_params(params, languages))

    # -- host hooks ---------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """Create hotspots and buttons inside ``area`` (called once, and after a resize or a
        settings change). ``area`` is the width to use and the height of the board at 100 %
        text; a board whose measured text needs more grows downwards and sets ``bottom``."""

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

    def gesture(self, action: Action) -> Iterator[pygame.event.Event]:
        """The pointer events (window coordinates) a pupil makes for ``action`` when no one
        control's press does it: a pick-up then a drop, a fader's handle dragged. Lazy, so
        the board may scroll what comes next into view between events. Called by
        ``game.sim.drive`` (bots and tests); empty by default."""
        return iter(())

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


class StaticLayer:
    """The pixels of the part of a mechanic's drawing that changes only with its state.

    Called from a mechanic's ``draw`` (once per frame): ``layer.draw(kit, surface, rect,
    state, paint)`` runs ``paint()`` (which draws the static part inside ``rect``) only when
    ``state`` (a hashable summary of what that part shows), the surface, the palette, the
    fonts or the language changed, and keeps a copy of the resulting pixels; on other frames
    it blits that copy. The copy spans ``rect``'s rows (the mechanic passes its whole board), full
    width (on a scrolling page, where only the part shown has its sky, the scroll is part of
    the key). The pixels are the ones the full drawing would make, provided that band holds
    nothing drawn before it but what is the same every frame (the sky) and ``paint`` draws
    everything of the frame that lies below the dynamic parts drawn after it. While the
    painter records texts (overflow tests) it always paints, so every text is seen.
    Touches only the surface it is given and its own copy.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._pixels: pygame.Surface | None = None

    def draw(self, kit: Any, surface: pygame.Surface, rect: pygame.Rect, state: Any, paint) -> None:
        painter = kit.painter
        if painter.recorder is not None:
            paint()
            self._key = None
            return
        fonts = painter.fonts
        key = (
            id(surface),
            surface.get_size(),
            tuple(rect),
            painter.palette,
            fonts.family,
            fonts.scale,
            getattr(kit, "language", None),
            getattr(getattr(kit, "ui", None), "scroll", 0),
            state,
        )
        if key == self._key and self._pixels is not None:
            grab = self._grab(surface, rect)
            view = getattr(getattr(kit, "ui", None), "viewport", None)
            if view is not None:  # a scrolling page: only the rows shown are seen
                grab = (
                    grab.clip(pygame.Rect(0, view.y + kit.ui.scroll, grab.w, view.h))
                    if grab.h
                    else grab
                )
            if grab.h:
                top = self._grab(surface, rect).top
                surface.blit(self._pixels, grab.topleft, grab.move(0, -top))
            return
        paint()
        grab = self._grab(surface, rect)
        if surface.get_flags() & pygame.SRCALPHA:
            self._pixels = surface.subsurface(grab).copy()
        else:  # an opaque copy into the same buffer each time
            pixels = self._pixels
            if (
                pixels is None
                or pixels.get_size() != grab.size
                or pixels.get_bitsize() != surface.get_bitsize()
            ):
                self._pixels = pixels = pygame.Surface(grab.size, 0, surface)
            pixels.blit(surface, (0, 0), grab)
        self._key = key

    @staticmethod
    def _grab(surface: pygame.Surface, rect: pygame.Rect) -> pygame.Rect:
        """What is kept: ``rect``'s rows, the whole width (boards lay their text out
        inside their area at every text size, so nothing of theirs lies below it)."""
        w, h = surface.get_size()
        rect = pygame.Rect(rect)
        top = max(0, min(h, rect.top))
        return pygame.Rect(0, top, w, max(0, min(h, rect.bottom + 8) - top))


def rules_field(name: str, default: Any) -> property:
    """A view's attribute that lives in its rules (``self.rules.<name>``): ``default``
    until the rules exist (the base class sets it before the view builds them)."""

    def get(self) -> Any:
        rules = self.__dict__.get("rules")
        return getattr(rules, name) if rules is not None else default

    def put(self, value: Any) -> None:
        rules = self.__dict__.get("rules")
        if rules is not None:
            setattr(rules, name, value)

    return property(get, put)


class RulesMechanic(Mechanic):
    """A mechanic that is the view of a rules state machine (``self.rules``, see
    :mod:`zones.challenges.rules_core`): what the host asks (finished, hints, progress,
    the actions, the bot's move, the result) is the rules' answer, and the rules' events
    come out through this mechanic's ``emit``, one channel. A subclass builds its rules
    in ``make_rules``, draws them and sends them ``Action``s."""

    finished = rules_field("finished", False)
    hints_used = rules_field("hints_used", 0)

    def __init__(self, params: Any, difficulty: int, kit: Any, rng: random.Random):
        self.rules: Any = self.make_rules(params, max(1, min(3, difficulty)), rng)
        super().__init__(self.rules.params, difficulty, kit, rng)
        self.rules.relay = lambda kind, data: self.emit(kind, **data)

    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> Any:
        """The rules state machine for one level (called once, by ``__init__``)."""
        raise NotImplementedError

    @property
    def progress(self) -> float:
        return self.rules.progress

    def actions(self) -> list[Action]:
        return self.rules.actions()

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        return self.rules.bot_action(rng, skill)

    def result(self) -> MechanicResult:
        return self.rules.result()
