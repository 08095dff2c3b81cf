"""The Doers' rules (no pygame): three ways of making a thing work, one per ``mode``.

``fit`` (Fix the Bike): examine each spot on the frame to find what is wrong, drag a
part from the tray onto it, then take a test ride: the ride shows which spots still
rattle. ``wire`` (Wire the Room, :mod:`assemble_wire_rules`): isolate and prove dead,
run wires between terminals, then check with the meter and switch on: the lamp lights
or the breaker trips. ``cut`` (Build a Bookshelf, :mod:`assemble_cut_rules`): measure
each gap, mark and cut the wood to length, then fix the shelf level.

Data for ``fit`` (``params`` in a challenge file, a level's own keys laid over them)::

    {"mode": "fit", "object": {...},
     "slots": [{"id": "tyre", "x": 0.25, "y": 0.7, "part": "inner_tube",
                "label": {"en": "Back wheel", ...}, "clue": {"en": "It goes flat overnight.",
     ...}}], "use": ["tyre", "chain"],          # optional: the spots this level uses (default all)
     "prefitted": {"chain": "brake_pads"},   # optional: the twist, a part already on wrong
     "links": [["tyre", "brake"]], "parts": [...], "distractors": [{..., "quip": {...}}],
     "decoys": [1, 2, 4],               # distractors in the tray per difficulty
     "time_limit": [0, 240, 180], "max_mistakes": 8}

Called by :class:`zones.challenges.assemble.AssembleMechanic` (the view) and by bots.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.assemble_params import FitParams, Part
from zones.challenges.assemble_parts import used_slots
from zones.challenges.rules_core import Rules, Said

MODES = ("fit", "wire", "cut")
#: test rides before the customer takes the bike back as it is
MAX_RIDES = 12


class FitRules(Rules):
    """Fix the bike: examine, drag parts on, test-ride. State: what is fitted where."""

    params_type = FitParams
    #: the craft boards warn 20 s before the end and, untimed, never give up
    WARN_LEFT_S = 20.0
    GIVE_UP_S = None
    params: FitParams

    def __init__(self, params: FitParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p = self.params
        self.slots = used_slots(p)
        self.by_id = {s.id: s for s in self.slots}
        distractors = list(p.distractors)
        rng.shuffle(distractors)
        keep = p.decoys[self.difficulty - 1]
        self.quips = {d.id: d.quip for d in distractors}
        self.parts: dict[str, Part] = {x.id: x for x in [*p.parts, *distractors]}
        self.tray = [x.id for x in p.parts] + [d.id for d in distractors[:keep]]
        rng.shuffle(self.tray)
        self.fitted: dict[str, str] = {k: v for k, v in p.prefitted.items() if k in self.by_id}
        self.examined: set[str] = set()
        self.held: str | None = None
        self.rattles: set[str] = set()  # spots the last ride showed rattling (until touched)
        self.counted: set[tuple[str, str]] = set()  # wrong fits already counted as mistakes
        self.was_wrong: set[str] = set()
        self.rides = 0
        self.fits = self.right_fits = self.diagnosed = 0
        self.hint_slot: str | None = None
        self.hint_part: str | None = None

    # -- state -------------------------------------------------------------------------
    def right(self, sid: str) -> bool:
        return self.fitted.get(sid) == self.by_id[sid].part

    def in_tray(self) -> list[str]:
        return [p for p in self.tray if p not in self.fitted.values()]

    @property
    def progress(self) -> float:
        return sum(self.right(s.id) for s in self.slots) / len(self.slots)

    def slot_action(self, sid: str) -> Action:
        """What pressing spot ``sid`` does now: fit the held part, take a part off, or examine."""
        if self.held is not None:
            return Action("fit", sid)
        return Action("remove", sid) if sid in self.fitted else Action("examine", sid)

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts = [Action("grab", p) for p in self.in_tray()]
        acts += [self.slot_action(s.id) for s in self.slots]
        if self.held is None:
            acts.append(Action("ride"))
        return acts + [Action("hint")]

    # -- actions -----------------------------------------------------------------------
    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        kind, target = action.kind, action.target
        if kind == "grab":
            self.held = None if self.held == target else target
            self.cue("tick")
        elif kind == "examine":
            self.examined.add(target)
            self.hint_slot = None if self.hint_slot == target else self.hint_slot
            self.emit("choice", step=f"examine/{target}", response="look")
            self.say(
                "assemble.examined",
                True,
                spot=self.by_id[target].label,
                clue=self.by_id[target].clue,
                cue=None,
            )
        elif kind == "remove":
            self.fitted.pop(target)
            self.rattles.discard(target)
            self.say("assemble.removed", True, spot=self.by_id[target].label, cue=None)
        elif kind == "fit":
            self._fit(target)
        elif kind == "ride":
            self._ride()
        elif kind == "hint":
            self._hint()

    def _fit(self, sid: str) -> None:
        part, self.held = self.held or "", None
        self.fits += 1
        self.emit("choice", step=sid, response=part)
        if part in self.quips:  # a joke tool: obviously no good
            self.mistake(sid, "assemble.quip", quip=self.quips[part])
            return
        if sid in self.fitted:
            self.fitted.pop(sid)
        self.fitted[sid] = part
        self.rattles.discard(sid)
        self.hint_part = None
        self.diagnosed += sid in self.examined
        if self.right(sid):
            self.right_fits += 1
            self.recovered += sid in self.was_wrong
        self.say(
            "assemble.fitted",
            True,
            part=self.parts[part].label,
            spot=self.by_id[sid].label,
            cue="tick",
        )
        self.emit("progress", progress=self.progress)

    def _ride(self) -> None:
        self.rides += 1
        self.rattles = {s.id for s in self.slots if not self.right(s.id)}
        self.emit("choice", step=f"ride/{self.rides}", response=str(len(self.rattles)))
        if not self.rattles:
            self.end(True, "assemble.ride_ok")
            return
        wrong = {(s, self.fitted[s]) for s in self.rattles if s in self.fitted} - self.counted
        self.counted |= wrong
        self.was_wrong |= {s for s, _ in wrong}
        if wrong:
            self.mistake("ride", "assemble.ride_rattles", n=len(self.rattles))
        elif self.rides >= MAX_RIDES:
            self.end(False, "assemble.out_of_tries")
        else:
            self.say("assemble.ride_rattles", False, n=len(self.rattles), cue="warning")

    def _hint(self) -> None:
        self.hints_used += 1
        sid = next(s.id for s in self.slots if not self.right(s.id))
        if sid not in self.examined:
            self.hint_slot = sid
            self.say("assemble.hint_examine", True, spot=self.by_id[sid].label, cue=None)
        else:
            self.hint_part = self.by_id[sid].part
            self.say("assemble.hint_part", True, spot=self.by_id[sid].label, cue=None)
        self.emit("hint", step=sid)

    # -- bots ----------------------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        good = rng.random() < skill
        if self.held is not None:
            home = next(
                (s.id for s in self.slots if s.part == self.held and not self.right(s.id)),
                None,
            )
            if good and home is not None:
                return Action("fit", home)
            empty = [s.id for s in self.slots if s.id not in self.fitted] or [
                s.id for s in self.slots
            ]
            return Action("fit", rng.choice(empty))
        # in the slots' order, not the set's (string hashing would change it from run to run)
        wrong_known = [s.id for s in self.slots if s.id in self.rattles and s.id in self.fitted]
        if wrong_known and good:
            return Action("remove", wrong_known[0])
        todo = [s.id for s in self.slots if s.id not in self.fitted]
        if not todo:
            if self.rides and not good and self.fitted and rng.random() < 0.5:
                return Action("remove", rng.choice(sorted(self.fitted)))
            return Action("ride")
        sid = todo[0]
        if good and sid not in self.examined:
            return Action("examine", sid)
        need = self.by_id[sid].part
        holder = next((s for s, p in self.fitted.items() if p == need), None)
        if good and holder is not None:
            return Action("remove", holder)
        if good and need in self.in_tray():
            return Action("grab", need)
        return Action("grab", rng.choice(self.in_tray()))

    # -- scoring and facts -----------------------------------------------------------------
    def result(self) -> MechanicResult:
        accuracy = self.right_fits / self.fits if self.fits else 0.0
        diagnosed = self.diagnosed / self.fits if self.fits else 0.0
        done = 0.6 * accuracy + 0.2 * diagnosed + 0.2 * self.time_score()
        return self.scored(
            self.succeeded,
            accuracy,
            done,
            {"steps": len(self.slots), "rides": self.rides, "diagnosed": round(diagnosed, 3)},
        )

    def describe(self) -> list[Said]:
        out: list[Said] = []
        for n, s in enumerate(self.slots, start=1):
            sid = s.id
            if sid in self.fitted:
                key = "assemble.fact_rattles" if sid in self.rattles else "assemble.fact_fitted"
                out.append(
                    (
                        key,
                        {"n": n, "spot": s.label, "part": self.parts[self.fitted[sid]].label},
                    )
                )
            elif sid in self.examined:
                out.append(("assemble.fact_examined", {"n": n, "spot": s.label, "clue": s.clue}))
            else:
                out.append(("assemble.fact_unknown", {"n": n, "spot": s.label}))
        if self.held:
            out.append(("assemble.fact_held", {"part": self.parts[self.held].label}))
        return out
