"""Build a Bookshelf's rules (no pygame): measure, mark, cut to length, then level and fix.

Each piece (a side, a shelf) fits a gap whose length the tape measure tells. The pupil
moves the saw mark along the board (``nudge`` by 1 or 10 cm, or ``mark`` at a length,
as a drag on the ruler does) and cuts. Within ``tolerance`` cm the piece fits; too long
and it must be trimmed (cut again, shorter); too short and it is wasted. Pieces come off
the boards in ``stock`` one after another: waste enough and the wood runs out. Then the
shelf goes up crooked (``tilt`` steps) and the pupil raises one end or the other until
the spirit level's bubble is centred, and fixes it: fixing it crooked is a mistake.

Data (``params``, a level's own keys laid over them)::

    {"mode": "cut", "object": {...},
     "pieces": [{"id": "side", "label": {"en": "Left side", ...}, "need": 80}],
     "stock": [120, 120], "tolerance": [2, 1, 1], "tilt": [1, 3, 4],
     "time_limit": [0, 270, 200], "max_mistakes": 8}

Called by :class:`zones.challenges.assemble.AssembleMechanic` and by bots.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.assemble_params import CutParams, Piece
from zones.challenges.rules_core import Rules, Said

NUDGES = ("-10", "-1", "+1", "+10")


class CutRules(Rules):
    """The state: which gaps are measured, the board left, the mark, the cut pieces, the tilt."""

    params_type = CutParams
    #: the craft boards warn 20 s before the end and, untimed, never give up
    WARN_LEFT_S = 20.0
    GIVE_UP_S = None
    params: CutParams

    def __init__(self, params: CutParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.difficulty - 1
        self.pieces = list(p.pieces)
        self.boards = list(p.stock)
        self.tolerance = p.tolerance[level]
        steps = p.tilt[level]
        self.tilt = steps * rng.choice((-1, 1))
        self.measured: set[str] = set()
        self.index = 0
        self.hand: int | None = None  # a piece cut too long, waiting to be trimmed
        self.mark = self.boards[0] // 2
        self.cuts: dict[str, int] = {}
        self.waste = 0
        self.cut_count = self.good_cuts = self.guessed = 0
        self.level_moves = 0
        self.hint_on: str | None = None
        self.last_cut: tuple[str, int, str] | None = None  # (piece, cm, fit|long|short)

    # -- state ---------------------------------------------------------------------------
    @property
    def phase(self) -> str:
        return "cut" if self.index < len(self.pieces) else "level"

    @property
    def piece(self) -> Piece | None:
        return self.pieces[self.index] if self.phase == "cut" else None

    @property
    def cutting(self) -> Piece:
        """The piece being measured and cut (called only in the cut phase)."""
        piece = self.piece
        assert piece is not None, "a piece is cut only in the cut phase"
        return piece

    def board(self) -> int:
        """The length the saw works on now: the piece in hand, or the board on the bench."""
        return self.hand if self.hand is not None else (self.boards[0] if self.boards else 0)

    @property
    def progress(self) -> float:
        return (self.index + (1 if self.finished and self.succeeded else 0)) / (
            len(self.pieces) + 1
        )

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "level":
            return [
                Action("raise", "left"),
                Action("raise", "right"),
                Action("fix"),
                Action("hint"),
            ]
        acts = [Action("measure")]
        acts += [Action("nudge", "", n) for n in NUDGES]
        return acts + [Action("cut"), Action("hint")]

    # -- actions ---------------------------------------------------------------------------
    def perform(self, action: Action) -> None:
        if self.finished:
            return
        kind = action.kind
        if kind == "mark" and self.phase == "cut" and action.value.isdigit():
            self.mark = max(1, min(self.board(), int(action.value)))
            self.cue("tick")
            return
        if action not in self.actions():
            return
        if kind == "measure":
            self.measured.add(self.cutting.id)
            self.emit("choice", step=f"measure/{self.cutting.id}", response=str(self.cutting.need))
            self.say(
                "assemble.measured",
                True,
                piece=self.cutting.label,
                cm=self.cutting.need,
                cue="tick",
            )
        elif kind == "nudge":
            self.mark = max(1, min(self.board(), self.mark + int(action.value)))
            self.cue("tick")
        elif kind == "cut":
            self._cut()
        elif kind == "raise":
            self.tilt += 1 if action.target == "left" else -1
            self.level_moves += 1
            self.say(
                "assemble.level_ok" if self.tilt == 0 else "assemble.level_off",
                self.tilt == 0,
                cue="tick",
            )
        elif kind == "fix":
            self._fix()
        elif kind == "hint":
            self._hint()

    def _cut(self) -> None:
        piece, length = self.cutting, self.mark
        need, pid = piece.need, piece.id
        self.cut_count += 1
        self.guessed += pid not in self.measured
        self.emit("choice", step=f"cut/{pid}", response=str(length))
        if self.hand is None:
            self.boards[0] -= length
        else:
            self.waste += self.hand - length
        if abs(length - need) <= self.tolerance:
            self.good_cuts += 1
            self.recovered += self.hand is not None
            self.cuts[pid], self.hand, self.last_cut = length, None, (pid, length, "fit")
            self.index += 1
            self.say("assemble.cut_fits", True, piece=piece.label, cm=length, cue="success")
            self.emit("progress", progress=self.progress)
        elif length > need:
            self.hand, self.last_cut = length, (pid, length, "long")
            self.mistake(f"cut/{pid}", "assemble.cut_long", cm=length - need)
        else:
            self.waste += length
            self.hand, self.last_cut = None, (pid, length, "short")
            self.mistake(f"cut/{pid}", "assemble.cut_short", cm=need - length)
        self._next_board()

    def _next_board(self) -> None:
        """Put the next board on the bench when what is left is too short for the piece."""
        if self.finished or self.phase != "cut" or self.hand is not None:
            self.mark = min(self.mark, self.board()) if self.board() else self.mark
            return
        need = self.cutting.need - self.tolerance
        while self.boards and self.boards[0] < need:
            self.waste += self.boards.pop(0)
        if not self.boards:
            self.end(False, "assemble.out_of_wood")
            return
        self.mark = min(self.mark, self.boards[0])

    def _fix(self) -> None:
        self.emit("choice", step="fix", response=str(self.tilt))
        if self.tilt == 0:
            self.end(True, "assemble.shelf_done")
        else:
            self.mistake("fix", "assemble.wonky")

    def _hint(self) -> None:
        self.hints_used += 1
        self.emit("hint", step=self.phase)
        if self.phase == "level":
            self.hint_on = "left" if self.tilt < 0 else "right"
            self.say("assemble.hint_level", True, cue=None)
        elif self.cutting.id not in self.measured:
            self.hint_on = "measure"
            self.say("assemble.hint_measure", True, cue=None)
        else:
            self.hint_on = "mark"
            self.say("assemble.hint_mark", True, cm=self.cutting.need, cue=None)

    # -- bots ------------------------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        good = rng.random() < skill
        if self.phase == "level":
            if self.tilt == 0 and (good or rng.random() < 0.5):
                return Action("fix")
            if not good:
                return rng.choice(
                    [Action("raise", "left"), Action("raise", "right"), Action("fix")]
                )
            return Action("raise", "left" if self.tilt < 0 else "right")
        piece = self.cutting
        if piece.id not in self.measured and good:
            return Action("measure")
        aim = piece.need if piece.id in self.measured else piece.need + rng.randint(-12, 12)
        if not good:
            aim += rng.randint(-6, 6)
        gap = aim - self.mark
        if abs(gap) <= (0 if good else 2) or (not good and rng.random() < 0.3):
            return Action("cut")
        step = 10 if abs(gap) >= 6 else 1  # past it by ten, then back by ones
        return Action("nudge", "", f"{'+' if gap > 0 else '-'}{step}")

    # -- scoring and facts --------------------------------------------------------------------
    def result(self) -> MechanicResult:
        accuracy = self.good_cuts / self.cut_count if self.cut_count else 0.0
        planned = 1 - self.guessed / self.cut_count if self.cut_count else 0.0
        done = 0.55 * accuracy + 0.25 * planned + 0.2 * self.time_score()
        return self.scored(
            self.succeeded,
            accuracy,
            done,
            {
                "steps": len(self.pieces) + 1,
                "waste_cm": self.waste,
                "measured_first": round(planned, 3),
            },
        )

    def describe(self) -> list[Said]:
        out: list[Said] = []
        for i, piece in enumerate(self.pieces):
            if piece.id in self.cuts:
                out.append(("assemble.fact_cut", {"piece": piece.label, "cm": self.cuts[piece.id]}))
            elif piece.id in self.measured:
                out.append(("assemble.fact_measured", {"piece": piece.label, "cm": piece.need}))
            elif i == self.index:
                out.append(("assemble.fact_unmeasured", {"piece": piece.label}))
        if self.phase == "cut":
            out.append(("assemble.fact_mark", {"cm": self.mark, "board": self.board()}))
        else:
            key = (
                "assemble.fact_level"
                if self.tilt == 0
                else ("assemble.fact_left_low" if self.tilt < 0 else "assemble.fact_right_low")
            )
            out.append((key, {"n": abs(self.tilt)}))
        return out
