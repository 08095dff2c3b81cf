"""What the pupil's walk through the town says, as telemetry statements in the order and
at the moment things happen: a quarter entered, a person approached, watched or asked, a
door opened or passed by.

Pure (no pygame, no store): statements go out through ``record`` (the context's one
telemetry call, ``ctx.record``). Each carries ext ``mode``: ``free`` when the pupil's own
keys, clicks or gamepad took them there, ``suggested`` when they followed the on-screen
suggestion, ``idle`` when a watch ran on while nobody touched anything. Only ``free``
counts as interest evidence (telemetry/README.md, "The town"). Called by the town scene.
"""

from __future__ import annotations

from collections.abc import Callable

from game.world.town import Door, Person, Town
from telemetry.xapi import activity_ids as ids

WATCH_IDLE_S = 60.0  # a watch longer than this with no input is idle time, not interest


class Trail:
    """Turns the scene's observations into statements; remembers what is in reach."""

    def __init__(
        self,
        town: Town,
        record: Callable[..., None],
        clock: Callable[[], float],
        letter_of_district: dict[str, str],
        letter_of_occupation: Callable[[str], str],
    ) -> None:
        self.town = town
        self.record = record
        self.clock = clock
        self.letters = letter_of_district
        self.occupation_letter = letter_of_occupation
        self.mode = "free"
        self.place: str | None = None  # district id, "park", or None (the streets)
        self.door_near: Door | None = None
        self.person_near: Person | None = None
        self.watching: tuple[Person, float] | None = None

    # -- where the avatar is -----------------------------------------------------------
    def moved_to(self, tile, door: Door | None, person: Person | None) -> None:
        """Called after each step the avatar moved: quarter changes, reach changes."""
        quarter = self.town.quarter_at(tile)
        place = quarter.district if quarter is not None else self.town.area_at(tile)
        if place != self.place:
            self.place = place
            if quarter is not None:
                self.record(
                    "accessed",
                    "area",
                    ids.town_area_id(quarter.district),
                    extensions={
                        "riasec": self.letters.get(quarter.district),
                        "district": quarter.district,
                        "mode": self.mode,
                    },
                )
            elif place is not None:
                self.record(
                    "accessed", "area", ids.town_area_id(place), extensions={"mode": self.mode}
                )
        if door is not self.door_near:
            old, self.door_near = self.door_near, door
            if old is not None and old.kind == "challenge":
                self.record(
                    "skipped",
                    "area",
                    ids.door_id(old.target),
                    extensions={
                        "riasec": self.letters.get(old.district or ""),
                        "challenge": old.target,
                        "mode": self.mode,
                    },
                )
        if person is not self.person_near:
            self.person_near = person
            if person is not None:
                self.record(
                    "interacted",
                    "non-player-character",
                    ids.person_id(person.id),
                    extensions=self._person_ext(person, "approach"),
                )

    def _person_ext(self, person: Person, action: str, mode: str | None = None) -> dict:
        return {
            "action": action,
            "occupation": person.occupation,
            "riasec": self.occupation_letter(person.occupation),
            "district": person.district,
            "mode": mode or self.mode,
        }

    # -- what the pupil does -----------------------------------------------------------
    def opened(self, door: Door, open_doors: list[Door], open_districts: list[str]) -> None:
        """A door was opened (walked into, Enter, click). A challenge door is a choice
        among every open challenge door of the town (``menu/town/door``), a quarter's
        notice board one among the open quarters (``menu/town/board``), as the hub's
        district menu was; a landmark's door is recorded as accessed."""
        self.door_near = None  # opened, so not passed by
        if door.kind == "challenge":
            options = {
                d.target: self.letters.get(d.district or "")
                for d in open_doors
                if d.kind == "challenge"
            }
            self.record(
                "selected",
                "menu",
                "menu/town/door",
                response=door.target,
                extensions={
                    "options": options,
                    "riasec": options.get(door.target),
                    "challenge": door.target,
                    "mode": self.mode,
                },
            )
        elif door.kind == "district":
            options = {did: self.letters.get(did) for did in open_districts}
            self.record(
                "selected",
                "menu",
                "menu/town/board",
                response=door.target,
                extensions={
                    "options": options,
                    "riasec": options.get(door.target),
                    "district": door.target,
                    "mode": self.mode,
                },
            )
        else:
            self.record(
                "accessed", "area", ids.door_id(door.target), extensions={"mode": self.mode}
            )

    def watch(self, person: Person) -> None:
        self.watching = (person, self.clock())

    def end_watch(self, idle_for: float = 0.0) -> None:
        """The watch ends (a key, a click, walking away); ``idle_for`` is how long before
        that nobody touched anything."""
        if self.watching is None:
            return
        person, start = self.watching
        self.watching = None
        seconds = max(0.0, self.clock() - start)
        mode = "idle" if idle_for >= WATCH_IDLE_S else None
        self.record(
            "interacted",
            "non-player-character",
            ids.person_id(person.id),
            duration_s=round(seconds, 1),
            extensions=self._person_ext(person, "watch", mode),
        )

    def asked(self, person: Person) -> None:
        self.record(
            "interacted",
            "non-player-character",
            ids.person_id(person.id),
            extensions={**self._person_ext(person, "ask"), "topic": "what_is_it_like"},
        )

    def walked_on(self, person: Person) -> None:
        self.record(
            "interacted",
            "non-player-character",
            ids.person_id(person.id),
            extensions=self._person_ext(person, "walk_on"),
        )
