"""Wire the Room's rules (no pygame): isolate, prove dead, wire, measure, switch on.

The room's components are ``slots`` with a ``role``: one ``source`` (the fuse box),
``load``s (lamps, sockets: they must end up powered) and ``pass`` points (switches,
junction boxes). ``links`` are the wires the circuit needs; any other wire is a short
that trips the breaker. With ``live`` the power is on when the level starts: touching a
terminal then is refused (a safety mistake) until the power is switched off and the
meter has proved it dead. The meter (tool ``meter``) reads 230 V at a terminal joined to
the fuse box while the power is on, and beeps for continuity while it is off.
``prewired`` lists wires already there (the twist: the last electrician's work).

Extra data (beside the shared ``slots``, ``links``, ``parts``)::

    {"mode": "wire", "live": true, "prewired": [["box", "socket"]],
     "slots": [{..., "role": "source"}, {..., "role": "load"}, {..., "role": "pass"}]}

Called by :class:`zones.challenges.assemble.AssembleMechanic` and by bots.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.assemble_params import ROLES, WireParams
from zones.challenges.assemble_parts import used_slots
from zones.challenges.rules_core import Rules, Said

__all__ = ["ROLES", "VOLTS", "WireRules", "wire"]
VOLTS = 230


def wire(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


class WireRules(Rules):
    """The state: wires in place, power on or off, the meter's last reading."""

    params_type = WireParams
    #: the craft boards warn 20 s before the end and, untimed, never give up
    WARN_LEFT_S = 20.0
    GIVE_UP_S = None
    params: WireParams

    def __init__(self, params: WireParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p = self.params
        self.slots = used_slots(p)
        self.by_id = {s.id: s for s in self.slots}
        self.parts = {x.id: x for x in p.parts}
        self.source = next(s.id for s in self.slots if s.role == "source")
        self.loads = [s.id for s in self.slots if s.role == "load"]
        self.needed = {wire(a, b) for a, b in p.links if a in self.by_id and b in self.by_id}
        self.wires: set[frozenset[str]] = {
            wire(a, b) for a, b in p.prewired if a in self.by_id and b in self.by_id
        }
        self.faulty_start = {w for w in self.wires if w not in self.needed}
        self.power = p.live
        self.proved_dead = not self.power
        self.tool = "wire"
        self.held: str | None = None
        self.reading: tuple[str, str] | None = None  # (slot, live|dead|beep|quiet)
        self.trips = self.unsafe = self.made = self.made_right = 0
        self.hint_wire: frozenset[str] | None = None

    # -- the circuit --------------------------------------------------------------------
    def joined(self) -> set[str]:
        """Terminals joined to the fuse box by wires (whatever the power)."""
        seen, todo = {self.source}, [self.source]
        while todo:
            here = todo.pop()
            for w in self.wires:
                if here in w:
                    for other in w - {here}:
                        if other not in seen:
                            seen.add(other)
                            todo.append(other)
        return seen

    def shorts(self) -> set[frozenset[str]]:
        return self.wires - self.needed

    def lit(self) -> set[str]:
        """Loads that work now (power on, joined, nothing shorting)."""
        return set(self.loads) & self.joined() if self.power and not self.shorts() else set()

    def volts(self, sid: str) -> int:
        return VOLTS if self.power and sid in self.joined() else 0

    @property
    def progress(self) -> float:
        good = len(self.wires & self.needed) - len(self.shorts())
        return max(0.0, good / len(self.needed)) if self.needed else 1.0

    # -- actions -------------------------------------------------------------------------
    def slot_action(self, sid: str) -> Action:
        return Action("probe", sid) if self.tool == "meter" else Action("terminal", sid)

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts = [self.slot_action(s.id) for s in self.slots]
        other = "wire" if self.tool == "meter" else "meter"
        return acts + [Action("tool", "", other), Action("power"), Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        kind, target = action.kind, action.target
        if kind == "tool":
            self.tool, self.held = action.value, None
            self.cue("tick")
        elif kind == "power":
            self._power()
        elif kind == "probe":
            self._probe(target)
        elif kind == "terminal":
            self._terminal(target)
        elif kind == "hint":
            self._hint()

    def _power(self) -> None:
        self.held = None
        if self.power:
            self.power = False
            self.emit("choice", step="power", response="off")
            self.say("assemble.power_off", True, cue="tick")
            return
        self.emit("choice", step="power", response="on")
        if self.shorts():
            self.trips += 1
            self.proved_dead = True  # the breaker is off again: still dead
            self.mistake("power", "assemble.tripped")
            return
        self.power = True
        self.proved_dead = False
        dark = [s for s in self.loads if s not in self.lit()]
        if not dark:
            self.end(True, "assemble.lights_on")
        else:
            self.say("assemble.some_dead", False, n=len(dark), cue="warning")

    def _probe(self, sid: str) -> None:
        joined = sid in self.joined()
        if self.power:
            kind = "live" if joined else "dead"
        else:
            kind = "beep" if joined else "quiet"
            self.proved_dead = True
        self.reading = (sid, kind)
        self.emit("choice", step=f"probe/{sid}", response=kind)
        self.say(
            f"assemble.meter_{kind}", True, spot=self.by_id[sid].label, volts=VOLTS, cue="tick"
        )

    def _terminal(self, sid: str) -> None:
        if self.power or not self.proved_dead:
            self.unsafe += 1
            self.held = None
            self.mistake(
                f"touch/{sid}", "assemble.live_warning" if self.power else "assemble.prove_dead"
            )
            self.cue("warning")
            return
        if self.held is None or self.held == sid:
            self.held = None if self.held == sid else sid
            self.cue("tick")
            return
        w, self.held = wire(self.held, sid), None
        a, b = sorted(w)
        if w in self.wires:
            self.wires.discard(w)
            self.recovered += w not in self.needed
            self.emit("choice", step=f"wire/{a}-{b}", response="off")
            self.say(
                "assemble.unwired", True, a=self.by_id[a].label, b=self.by_id[b].label, cue=None
            )
        else:
            self.wires.add(w)
            self.made += 1
            self.made_right += w in self.needed
            self.emit("choice", step=f"wire/{a}-{b}", response="on")
            self.say("assemble.wired", True, a=self.by_id[a].label, b=self.by_id[b].label, cue=None)
        self.hint_wire = None
        self.cue("tick")
        self.emit("progress", progress=self.progress)

    def _hint(self) -> None:
        self.hints_used += 1
        self.emit("hint", step="circuit")
        if self.power and not self.lit() and self.shorts() == set():
            self.say("assemble.hint_off", True, cue=None)
        elif self.shorts():
            self.hint_wire = sorted(self.shorts(), key=sorted)[0]
            self.say("assemble.hint_short", True, cue=None)
        else:
            missing = sorted(self.needed - self.wires, key=sorted)
            self.hint_wire = missing[0] if missing else None
            self.say("assemble.hint_wire" if missing else "assemble.hint_power", True, cue=None)

    # -- bots ----------------------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        good = rng.random() < skill
        if self.power:
            return (
                Action("power")
                if good or rng.random() < 0.5
                else Action("terminal", rng.choice(list(self.by_id)))
            )
        if not self.proved_dead and (good or rng.random() < 0.3):
            return (
                Action("tool", "", "meter") if self.tool == "wire" else Action("probe", self.source)
            )
        if self.tool == "meter":
            return Action("tool", "", "wire")
        fix = sorted(self.shorts(), key=sorted)
        missing = sorted(self.needed - self.wires, key=sorted)
        if not fix and not missing:
            return Action("power")
        target = (fix or missing)[0]
        if not good:
            return (
                Action("terminal", rng.choice(list(self.by_id)))
                if rng.random() < 0.8
                else Action("power")
            )
        a, b = sorted(target)
        if self.held is None:
            return Action("terminal", a)
        return Action("terminal", b if self.held == a else self.held)

    # -- scoring and facts ------------------------------------------------------------------
    def result(self) -> MechanicResult:
        accuracy = self.made_right / self.made if self.made else (1.0 if self.succeeded else 0.0)
        safe = 1.0 if not self.unsafe else max(0.0, 1 - 0.25 * self.unsafe)
        done = 0.5 * accuracy + 0.3 * safe + 0.2 * self.time_score()
        return self.scored(
            self.succeeded,
            accuracy,
            done,
            {
                "trips": self.trips,
                "unsafe": self.unsafe,
                "wires": len(self.needed),
                "faults_found": len(self.faulty_start - self.wires),
            },
            penalty=0.05 * self.trips,
        )

    def describe(self) -> list[Said]:
        out: list[Said] = [
            ("assemble.fact_power_on" if self.power else "assemble.fact_power_off", {})
        ]
        out.append(("assemble.fact_wires", {"wires": sorted(sorted(w) for w in self.wires)}))
        if self.reading:
            sid, kind = self.reading
            out.append((f"assemble.meter_{kind}", {"spot": self.by_id[sid].label, "volts": VOLTS}))
        lit = self.lit()
        out.append(
            (
                "assemble.fact_loads",
                {
                    "lit": [s for s in self.loads if s in lit],
                    "dark": [s for s in self.loads if s not in lit],
                },
            )
        )
        if self.held:
            out.append(("assemble.fact_holding_wire", {"spot": self.by_id[self.held].label}))
        return out
