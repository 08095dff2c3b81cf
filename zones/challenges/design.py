"""Design freely (the Creators' family): a poster, a tune or a room. No wrong answer.

The view of :mod:`zones.challenges.design_rules` (the rules: options, placed things, the
mix, the client's brief and its change of mind) with the params checked by
:mod:`zones.challenges.design_params`. The screens are laid out and drawn by
:mod:`zones.challenges.design_draw`, :mod:`zones.challenges.design_panels` and
:mod:`zones.challenges.design_canvas`; the tune
sounds through :mod:`zones.challenges.design_sound`. Called by the host scene each frame
(``update``, ``draw``) and on input; bots and the UI act only through ``perform``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pygame

from zones.challenges import design_canvas, design_params, design_payoff
from zones.challenges.actions import Action
from zones.challenges.base import RulesMechanic
from zones.challenges.design_draw import DesignView
from zones.challenges.design_params import (  # noqa: F401  (the modes, for authors)
    MODES,
    NEEDS,
    DesignParams,
)
from zones.challenges.design_rules import DesignRules


class DesignMechanic(RulesMechanic):
    family = "design"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return design_params.validate_params(params, languages)

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {"": design_params.DesignParams}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        return design_params.parse_params(params, languages)

    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> DesignRules:
        return DesignRules(params, difficulty, rng)

    def __init__(
        self, params: DesignParams | dict[str, Any], difficulty: int, kit: Any, rng: random.Random
    ):
        super().__init__(params, difficulty, kit, rng)
        self.params: DesignParams = self.rules.params
        self.mode = self.params.mode
        self.beats = 0
        self.view = DesignView(self)

    def __getattr__(self, name: str) -> Any:
        """The rules' state read through the view (``choice``, ``cells``, ``wants``, ...)."""
        rules = self.__dict__.get("rules")
        if rules is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(rules, name)

    @property
    def animating(self) -> bool:
        return (self.rules.playing and not self.finished) or self.view.moving()

    def describe(self) -> list[str]:
        """What the design shows now, in words (choices, things placed, the mix, the wishes)."""
        lines = [self.view.say(fact) for fact in self.rules.describe()]
        return lines or [self.view.feedback_text()]

    # -- host hooks -------------------------------------------------------------------------
    def gesture(self, action: Action) -> Iterator[pygame.event.Event]:
        """A fader dragged to a level (every other action is one control's press)."""
        return self.view.faders.gesture(action)

    def perform(self, action: Action) -> None:
        was_playing, was_finished = self.rules.playing, self.rules.finished
        before = dict(self.rules.levels)
        self.rules.perform(action)
        if action.kind == "level" and self.rules.levels != before:
            self.view.sound_track(str(action.target))  # the sound follows the fader
        if self.rules.playing and not was_playing:
            self.beats = self.rules.beats
            self.view.sound_step(0)
        if self.rules.finished and not was_finished:
            self.view.start_payoff()
        self.view.refresh()

    def build(self, area: pygame.Rect) -> None:
        self.view.build(area)

    def handle_event(self, event: pygame.event.Event) -> None:
        self.view.handle_event(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.rules.tick(dt)
        self.view.tick(dt)
        if self.rules.beats != self.beats:
            self.beats = self.rules.beats
            self.view.sound_step(self.rules.playhead)

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Nothing here moves but the tune's playhead and the payoff: the board is drawn
        into a cached layer again only when what it shows changes."""
        r = self.rules
        # while the tune plays (and no payoff is drawn over the board) the moving playhead is
        # drawn over the cached layer, so the layer is not drawn again at every beat
        on_top = r.mode == "tune" and r.playing and self.view.payoff_frame() < 0
        state = (
            tuple(sorted(r.choice.items())),
            tuple(sorted(r.cells.items())),
            r.tool,
            tuple(sorted(r.levels.items())),
            r.hint_target,
            repr(r.said),
            r.decisions,
            r.playing,
            r.playhead if r.playing and not on_top else None,
            r.finished,
            repr(r.wants),
            self.view.payoff_frame(),
        )
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self.view.draw(surface, on_top))
        if on_top:
            design_canvas.draw_playhead(self.view, surface, self.kit.painter)
            design_payoff.dance(self.view, surface, self.kit.painter)
