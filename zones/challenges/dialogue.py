"""Role-play a helping conversation (the Helpers' family). The view.

The rules (a pure state machine) are in ``dialogue_rules.py``; this class builds the reply
cards and the hint button through ``kit.ui``, turns presses (and the A–D keys) into the
rules' actions, and draws their state with ``dialogue_draw.py``: the person (or, in a twist,
two people), each with a face, a mood word and a bar with the goal marked (never colour
alone), the line just said, a tip or the mood-change chip, and the replies. A helpful reply
makes a heart rise from the face, a hurtful one a cloud (still when motion is reduced).
Laid out once for every text size with ``zones/ui_layout``.

Data that drives it (``params`` in a challenge file, per level laid over the base)::

    {"layout": "clinic",            # clinic | board | thread (three different screens)
     "person": {"name": {...}, "role": {...}, "shape": "circle", "colour": "#8E6C8A"},
     "other": {... as person ..., "start_mood": 30},      # optional: someone who arrives
     "moods": [{...lowest...}, {...}, {...}, {...highest...}],   # four words
     "start_mood": 30, "threshold": [40, 55, 70], "span": [0, 2], "tips": true,
     "nodes": [{"id": "hello", "who": "main", "say": {...}, "tip": {...},
                "board": {"pies": [[1, 3], [1, 4]], "text": {...}}, "level": 1,
                "replies": [{"text": {...}, "mood": 12, "react": {...},
                             "level": 1, "next": "later_node", "pie": [1, 3]}]}],
     "end_good": {...}, "end_bad": {...}, "goodbye": {...}}
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones import params_types
from zones.challenges import dialogue_draw, dialogue_paint
from zones.challenges.base import Action, RulesMechanic
from zones.challenges.dialogue_params import ChatParams, Reply
from zones.challenges.dialogue_rules import LAYOUTS, ChatRules

__all__ = ["LAYOUTS", "DialogueMechanic"]

POP_S = 1.2


class DialogueMechanic(RulesMechanic):
    family = "dialogue"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return cls.parse_params(params, languages)[1]

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {"": ChatParams}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        return params_types.parse(ChatParams, params, languages)

    def __init__(
        self, params: ChatParams | dict[str, Any], difficulty: int, kit: Any, rng: random.Random
    ):
        super().__init__(params, difficulty, kit, rng)
        self.params: ChatParams = self.rules.params
        self.view = dialogue_draw.DialogueView(self)
        self.pop: tuple[str, str] | None = None  # (who, "heart" | "cloud")
        self.pop_left = 0.0

    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> ChatRules:
        return ChatRules(params, difficulty, rng)

    # -- the rules ------------------------------------------------------------------------
    @property
    def options(self) -> list[tuple[int, Reply]]:
        return self.rules.options

    @property
    def mood(self) -> int:
        return self.rules.mood["main"]

    @property
    def phase(self) -> str:
        return self.rules.phase

    def perform(self, action: Action) -> None:
        picks = self.rules.picks
        self.rules.perform(action)
        if self.rules.picks != picks:
            delta = self.rules.last_delta
            self.pop = (
                self.rules.last_who,
                "heart" if delta >= 8 else ("cloud" if delta < 0 else "dot"),
            )
            self.pop_left = POP_S
        self.view.refresh()

    def label_for(self, action: Action) -> str:
        """The reply card (by slot), the goodbye card or the hint button that does ``action``."""
        return self.view.label_for(action)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.pop_left = max(0.0, self.pop_left - dt)

    @property
    def animating(self) -> bool:
        return self.pop_left > 0

    # -- words -------------------------------------------------------------------------------
    def name_of(self, who: str) -> str:
        return self.kit.pick(self.rules.people[who].name)

    def mood_word(self, who: str = "main") -> str:
        return self.kit.pick(self.params.moods[self.rules.mood_level(who)])

    def describe(self) -> list[str]:
        """What a sighted pupil reads on the board (issue 20): who said what, each mood
        against the goal, how the last reply landed, the tip and the replies on offer."""
        r, t, pick = self.rules, self.kit.t, self.kit.pick
        who, said = r.history[-1]
        lines = [
            t("dialogue.says", name=self.name_of(who if who != "you" else "main"), line=pick(said))
        ]
        for person in r.mood:
            lines.append(
                t(
                    "dialogue.describe_mood",
                    name=self.name_of(person),
                    mood=self.mood_word(person),
                    n=r.mood[person],
                    goal=r.threshold,
                )
            )
        if r.picks and r.difficulty < 3:
            lines.append(dialogue_paint.mood_word(self))
        node = r.node
        if node and r.tips and node.tip:
            lines.append(t("dialogue.tip", tip=pick(node.tip)))
        for slot, (_, reply) in enumerate(r.options):
            lines.append(t("dialogue.option", letter="ABCD"[slot], text=pick(reply.text)))
        if r.phase == "end":
            lines.append(pick(self.params.goodbye))
        return lines

    # -- host hooks ------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.view.build(area)
        self.bottom = self.view.bottom

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The board is a cached layer, drawn again only when the conversation, a mood,
        the hint or a hovered reply changes; the rising heart or cloud is drawn over it."""
        r = self.rules
        state = (
            r.node_i,
            r.phase,
            tuple(sorted(r.mood.items())),
            r.picks,
            r.hint_reply,
            len(r.history),
            r.last_delta,
            r.finished,
            tuple(getattr(s, "hovered", False) for s in self.view.option_spots),
        )
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self.view.draw(surface))
        self.view.draw_live(surface)
