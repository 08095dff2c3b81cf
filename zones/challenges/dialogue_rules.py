"""Rules of the dialogue mechanic (the Helpers): a pure state machine, no pygame.

Called by ``DialogueMechanic`` (the view) and played directly by bots and unit tests.

A role-play: a person says a line (a node), the player picks one of 3–4 replies, and the
reply moves that person's mood (0–100; the view shows it as a face, a word and a bar). A
node may be said by a second person who arrives (``"who": "other"``, described by
``other``); each person has their own mood. ``next`` jumps to a later node; after the last
node the player says goodbye (``end``). The chat succeeds when everyone who spoke ended at
or above the difficulty's threshold. ``span`` plays a slice of the nodes (a level that
picks up the story where the last one stopped).

Difficulty 1 (or ``"tips": true``) shows a tip for each line and 3 replies drawn from
level 1; 2 hides tips and draws 4 from levels 1–2; 3 draws 4 from all levels (the subtlest
ones), hides the mood-change cue and needs the highest mood. The best reply is always offered.
"""

from __future__ import annotations

import random
from typing import Any, get_args, get_type_hints

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.dialogue_params import ChatParams, Node, Person, Reply
from zones.challenges.rules_core import Rules

LAYOUTS = get_args(get_type_hints(ChatParams)["layout"])
HELPFUL = 8


class ChatRules(Rules):
    """One conversation being played. ``history`` is (who, language map) with who one of
    "main", "other" (a person's line) or "you"; ``events`` queues (kind, data) for the host.
    A chat has no clock: it ends when the player says goodbye."""

    params_type = ChatParams
    GIVE_UP_S = None

    def __init__(self, params: ChatParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.params: ChatParams = self.params
        p = self.params
        first, end = p.span or (0, len(p.nodes))
        self.nodes = list(p.nodes[first:end])
        self.index_of = {n.id: i for i, n in enumerate(self.nodes)}
        self.people: dict[str, Person] = {"main": p.person}
        self.mood = {"main": int(p.start_mood)}
        if p.other:
            self.people["other"] = p.other
            self.mood["other"] = int(p.other.start_mood)
        self.spoke: set[str] = set()
        self.threshold = int(p.threshold[self.difficulty - 1])
        self.tips = self.difficulty == 1 or p.tips
        self.phase = "talk"
        self.picks = self.best_picks = 0
        self.exchanges = self._count_path()
        self.history: list[tuple[str, dict[str, str]]] = []
        self.react: dict[str, str] | None = None
        self.last_delta = 0
        self.last_who = "main"
        self.hint_reply: int | None = None
        self.node_i = -1
        self.options: list[tuple[int, Reply]] = []
        self._after_mistake = False
        self._enter(self._visible_from(0))

    # -- flow ---------------------------------------------------------------------------
    def _visible_from(self, i: int) -> int | None:
        while i < len(self.nodes) and self.nodes[i].level > self.difficulty:
            i += 1
        return i if i < len(self.nodes) else None

    def _count_path(self) -> int:
        count, i = 0, self._visible_from(0)
        while i is not None:
            count += 1
            i = self._visible_from(i + 1)
        return max(1, count)

    def _enter(self, i: int | None) -> None:
        self.hint_reply = None
        if i is None:
            self.phase = "end"
            self.options = []
            self.history.append(
                ("main", self.params.end_good if self.moods_met() else self.params.end_bad)
            )
            return
        self.node_i = i
        node = self.nodes[i]
        shown = [(k, r) for k, r in enumerate(node.replies) if r.level <= self.difficulty]
        best = max(shown, key=lambda o: o[1].mood)
        rest = [o for o in shown if o is not best]
        self.rng.shuffle(rest)
        shown = [best] + rest[: 2 if self.difficulty == 1 else 3]
        self.rng.shuffle(shown)
        self.options = shown
        who = node.who
        self.spoke.add(who)
        self.history.append((who, node.say))

    @property
    def node(self) -> Node | None:
        return self.nodes[self.node_i] if self.phase == "talk" else None

    @property
    def speaker(self) -> str:
        """Who says the current line ("main" or "other")."""
        node = self.node
        return node.who if node else "main"

    def best_option(self) -> int:
        return max(self.options, key=lambda o: o[1].mood)[0]

    def moods_met(self) -> bool:
        """Everyone who spoke (and the main person) ends at or above the threshold."""
        return all(
            self.mood[w] >= self.threshold for w in self.mood if w in self.spoke or w == "main"
        )

    # -- actions ---------------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "end":
            return [Action("end")]
        acts = [Action("reply", str(k)) for k, _ in self.options]
        return acts + ([Action("hint")] if self.hint_reply is None else [])

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "end":
            self.finished = True
            self.cue("success" if self.moods_met() else "fail")
            self.emit("progress", progress=1.0)
            return
        node = self.node
        assert node is not None  # a reply or a hint is offered only while talking
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_reply = self.best_option()
            self.emit("hint", step=node.id)
            return
        chosen = next(r for k, r in self.options if str(k) == action.target)
        delta = chosen.mood
        kind = "helpful" if delta >= HELPFUL else ("unhelpful" if delta < 0 else "neutral")
        self.emit("choice", step=node.id, response=f"{action.target}:{kind}")
        self.picks += 1
        if str(self.best_option()) == action.target:
            self.best_picks += 1
        if delta < 0:
            self.emit("mistake", step=node.id)
            self._after_mistake = True
        elif delta >= HELPFUL and self._after_mistake:
            self.recovered += 1
            self._after_mistake = False
        self.cue("success" if delta >= HELPFUL else ("fail" if delta < 0 else "tick"))
        who = self.speaker
        self.last_delta, self.last_who = delta, who
        self.mood[who] = max(0, min(100, self.mood[who] + delta))
        self.history.append(("you", chosen.text))
        self.react = chosen.react
        self.history.append((who, self.react))
        self.emit("progress", progress=self.progress)
        nxt = chosen.next
        target = self.index_of.get(nxt, self.node_i + 1) if nxt else self.node_i + 1
        self._enter(self._visible_from(max(target, self.node_i + 1)))

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        """A player of ``skill`` (0–1) picks the best reply that often, else another one."""
        if self.finished:
            return None
        if self.phase == "end":
            return Action("end")
        best = self.best_option()
        if rng.random() < skill:
            return Action("reply", str(best))
        others = [k for k, _ in self.options if k != best]
        return Action("reply", str(rng.choice(others) if others else best))

    # -- state -----------------------------------------------------------------------------
    @property
    def progress(self) -> float:
        if self.phase == "end":
            return 1.0 if self.finished else 0.95
        return min(0.95, self.picks / self.exchanges)

    def mood_level(self, who: str = "main") -> int:
        """0 (lowest word) to 3 (highest) for ``who``'s mood, read against the goal: the two
        lower words below the threshold, the two upper ones at or above it, so the face and
        the word change when the goal is reached (fixed quarters of 100 once showed
        'Nervous' at 37 with the goal at 35)."""
        mood, goal = self.mood[who], self.threshold
        if mood >= goal:
            return 3 if mood >= goal + (100 - goal) / 2 else 2
        return 1 if mood >= goal / 2 else 0

    def result(self) -> MechanicResult:
        """Accuracy is the share of best replies; recovery counts a helpful reply straight
        after one that hurt (the conversation mended)."""
        accuracy = self.best_picks / self.picks if self.picks else 0.0
        success = self.finished and self.moods_met()
        mood = sum(self.mood.values()) / len(self.mood)
        score = 0.5 * mood / 100 + 0.5 * accuracy - 0.05 * self.hints_used
        if not success:
            score *= 0.6
        return MechanicResult(
            success,
            round(max(0.0, min(1.0, score)), 3),
            round(accuracy, 3),
            {
                "mood": self.mood["main"],
                "moods": dict(self.mood),
                "threshold": self.threshold,
                "exchanges": self.picks,
                "hints": self.hints_used,
                "recovered": self.recovered,
            },
        )
