"""Organise, ``schedule`` mode: plan parcels into a vans × time-slots grid.

Each cell is one drop (one van, one hour). A parcel must arrive by its deadline and some
need a special van (fridge, big). The player picks a parcel from the list and clicks a
cell; breaking a rule is refused with the reason. Clicking a planned cell takes the
parcel back. On Medium and Hard, halfway through, a road closes one hour for every van
("the bridge closes"): parcels planned then bounce back and the plan must adapt. Every
puzzle is generated from a hidden solution, so it can always be solved.

Params::

    {"mode": "schedule", "slots": ["9:00", "10:00", "11:00", "12:00"],
     "vans": [{"id": "fridge", "label": {...}, "tag": "cold", "shape": "square",
               "colour": "#3A86FF"}],
     "tags": {"cold": {"en": "Fridge", "es": "Frigo"}},
     "parcels": [{"id": "lollies", "label": {...}, "needs": "cold", "shape": "star",
                  "colour": "#E07A3F"}],
     "closure": {"en": "The bridge closes at %{slot}!", "es": "..."},
     "vans_shown": [2, 3, 3], "parcels_shown": [5, 7, 9], "slack": [2, 1, 0],
     "disruption": [0, 1, 1], "time_limit": [0, 0, 240]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame

from zones.challenges.actions import Action
from zones.challenges.drag import click_events, shown_centre
from zones.challenges.organise_common import OrganiseMode
from zones.challenges.organise_schedule_rules import ScheduleRules


class ScheduleMode(OrganiseMode):
    """The plan grid and the parcel list: the view of :class:`ScheduleRules`."""

    rules_class = ScheduleRules

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        self.spots: dict[Any, Any] = {}

    @property
    def closure_text(self) -> str:
        closure = self.rules.closure()
        return self.words(closure.key, closure.values) if closure else ""

    # -- layout and drawing ---------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        from zones.challenges.organise_schedule_draw import build_schedule

        build_schedule(self, area)
        self._sync()

    def on_finish(self) -> None:
        self._sync()

    def sync(self) -> None:
        self._sync()

    def _sync(self) -> None:
        from zones.challenges.organise_schedule_draw import sync_schedule

        if self.spots:
            sync_schedule(self)

    def gesture(self, action: Action) -> Iterator[pygame.event.Event]:
        """A parcel put in a slot by the pointer: press the parcel, then the slot."""
        if action.kind != "place" or action.target not in self.spots:
            return
        cell = tuple(int(n) for n in str(action.value).split(":"))
        if self.selected != action.target:
            yield from click_events(shown_centre(self.kit.ui, self.spots[action.target]))
        if cell in self.spots:
            yield from click_events(shown_centre(self.kit.ui, self.spots[cell]))

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The plan, vans and parcel list from the cached layer (redrawn when a parcel moves,
        a hint or remark appears or a slot closes); the clock every frame."""
        from zones.challenges.organise_schedule_draw import draw_schedule

        state = (
            tuple(self.queue),
            tuple(sorted(self.grid.items())),
            self.selected,
            self.hint_cell,
            self.feedback,
            self.feedback_good,
            self.closure_text,
            self.blocked,
            self.finished,
        )
        if not self.side_by_side:  # the parcel list below the plan grows and shrinks
            from zones.challenges.organise_schedule_draw import fit_list

            fit_list(self)
            area = area.union(self.list_rect)
        self.draw_layered(surface, area, state, lambda: draw_schedule(self, surface))
        cell = self.cells.get(self.last_cell) if self.last_cell is not None else None
        if cell is not None:  # a drop lands (a green burst) or bounces (red)
            self.burst(surface, cell.center, self.feedback_good)
