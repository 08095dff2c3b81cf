"""Role-play a helping conversation (the Helpers' family).

The person says a line; the player picks one of 3–4 replies. Each reply moves the
person's mood (shown as a bar, a face and a word, never colour alone). After 5–7
exchanges the player says goodbye; the chat succeeds when the mood reached the
difficulty's threshold. Replies can carry a small pie diagram (``pie``: shaded,
slices), so a teaching chat can hold a real fractions moment.

Data that drives it (``params`` in a challenge file)::

    {"layout": "clinic",            # clinic | board | thread (three different screens)
     "person": {"name": {"en": "Mr Okafor", "es": "..."}, "role": {...},
                "shape": "circle", "colour": "#8E6C8A"},
     "moods": [{...lowest...}, {...}, {...}, {...highest...}],   # four words
     "start_mood": 30, "threshold": [40, 55, 70],
     "nodes": [{"id": "hello", "say": {...}, "tip": {...},
                "board": {"pies": [[1, 3], [1, 4]], "text": {...}},   # optional (board layout)
                "level": 1,                                          # optional: only from this difficulty
                "replies": [{"text": {...}, "mood": 12, "react": {...},
                             "level": 1, "next": "later_node", "pie": [1, 3]}]}],
     "end_good": {...}, "end_bad": {...}, "goodbye": {...}}

Difficulty 1 shows a tip for each line and 3 replies drawn from level 1; 2 hides tips
and draws 4 from levels 1–2; 3 draws 4 from all levels (the subtlest ones), hides the
mood-change cue, and needs the highest mood. The best reply is always offered. ``next`` must name a later node, so every
conversation ends.
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones.challenges.base import Action, Mechanic, MechanicResult, check_langmap
from zones.challenges.dialogue_draw import DialogueView
from zones.content import HEX, SHAPES

LAYOUTS = ("clinic", "board", "thread")


def _check_pie(value: Any, where: str) -> list[str]:
    if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
            and 2 <= value[1] <= 12 and 0 <= value[0] <= value[1]):
        return []
    return [f"{where}: must be [shaded, slices] with 0 ≤ shaded ≤ slices and 2–12 slices"]


class DialogueMechanic(Mechanic):
    family = "dialogue"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        if params.get("layout") not in LAYOUTS:
            problems.append(f"layout: must be one of {LAYOUTS}")
        person = params.get("person")
        if not isinstance(person, dict):
            problems.append("person: needs name, role, shape and colour")
        else:
            problems += check_langmap(person.get("name"), "person.name", languages)
            problems += check_langmap(person.get("role"), "person.role", languages)
            if person.get("shape") not in SHAPES:
                problems.append(f"person.shape: must be one of {SHAPES}")
            if not isinstance(person.get("colour"), str) or not HEX.match(person["colour"]):
                problems.append("person.colour: must be a colour like '#8E6C8A'")
        moods = params.get("moods")
        if not isinstance(moods, list) or len(moods) != 4:
            problems.append("moods: needs four mood words, lowest first")
        else:
            for i, m in enumerate(moods):
                problems += check_langmap(m, f"moods[{i}]", languages)
        start = params.get("start_mood")
        if not isinstance(start, int) or not 0 <= start <= 100:
            problems.append("start_mood: must be a whole number 0–100")
        limits = params.get("threshold")
        if not (isinstance(limits, list) and len(limits) == 3
                and all(isinstance(x, int) and 0 <= x <= 100 for x in limits)):
            problems.append("threshold: must be three whole numbers 0–100, one per difficulty")
        for key in ("end_good", "end_bad", "goodbye"):
            problems += check_langmap(params.get(key), key, languages)
        nodes = params.get("nodes")
        if not isinstance(nodes, list) or len(nodes) < 5:
            return problems + ["nodes: needs a list of at least 5 conversation nodes"]
        ids = [n.get("id") if isinstance(n, dict) else None for n in nodes]
        if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
            problems.append("nodes: every node needs a different text id")
        for i, node in enumerate(nodes):
            where = f"nodes[{i}]"
            if not isinstance(node, dict):
                problems.append(f"{where}: must be an object")
                continue
            problems += check_langmap(node.get("say"), f"{where}.say", languages)
            if "tip" in node:
                problems += check_langmap(node["tip"], f"{where}.tip", languages)
            if node.get("level", 1) not in (1, 2, 3):
                problems.append(f"{where}.level: must be 1, 2 or 3")
            board = node.get("board")
            if board is not None:
                if not isinstance(board, dict):
                    problems.append(f"{where}.board: must be an object")
                else:
                    for k, pie in enumerate(board.get("pies", [])):
                        problems += _check_pie(pie, f"{where}.board.pies[{k}]")
                    if "text" in board:
                        problems += check_langmap(board["text"], f"{where}.board.text", languages)
            replies = node.get("replies")
            if not isinstance(replies, list) or len(replies) < 3:
                problems.append(f"{where}.replies: needs at least 3 replies")
                continue
            basic = [r for r in replies if isinstance(r, dict) and r.get("level", 1) == 1]
            if len(basic) < 3:
                problems.append(f"{where}.replies: needs at least 3 replies of level 1 (the easy set)")
            best = max((r.get("mood", 0) for r in replies if isinstance(r, dict)
                        and isinstance(r.get("mood"), int)), default=0)
            if basic and max(r.get("mood", 0) for r in basic) != best:
                problems.append(f"{where}.replies: the best reply must be in the level-1 set")
            for k, reply in enumerate(replies):
                rw = f"{where}.replies[{k}]"
                if not isinstance(reply, dict):
                    problems.append(f"{rw}: must be an object")
                    continue
                problems += check_langmap(reply.get("text"), f"{rw}.text", languages)
                problems += check_langmap(reply.get("react"), f"{rw}.react", languages)
                if not isinstance(reply.get("mood"), int) or not -50 <= reply["mood"] <= 50:
                    problems.append(f"{rw}.mood: must be a whole number −50 to 50")
                if reply.get("level", 1) not in (1, 2, 3):
                    problems.append(f"{rw}.level: must be 1, 2 or 3")
                if "pie" in reply:
                    problems += _check_pie(reply["pie"], f"{rw}.pie")
                nxt = reply.get("next")
                if nxt is not None and (nxt not in ids or ids.index(nxt) <= i):
                    problems.append(f"{rw}.next: '{nxt}' must name a later node")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        self.nodes = list(params["nodes"])
        self.index_of = {n["id"]: i for i, n in enumerate(self.nodes)}
        self.mood = int(params["start_mood"])
        self.threshold = int(params["threshold"][self.difficulty - 1])
        self.phase = "talk"
        self.picks = 0
        self.best_picks = 0
        self.exchanges = self._count_path()
        self.history: list[tuple[str, dict[str, str]]] = []   # (who, language map)
        self.react: dict[str, str] | None = None
        self.last_delta = 0
        self.hint_reply: int | None = None
        self.node_i = -1
        self.options: list[tuple[int, dict[str, Any]]] = []
        self.view = DialogueView(self)
        self._enter(self._visible_from(0))

    # -- conversation flow ----------------------------------------------------------
    def _visible_from(self, i: int) -> int | None:
        while i < len(self.nodes) and self.nodes[i].get("level", 1) > self.difficulty:
            i += 1
        return i if i < len(self.nodes) else None

    def _count_path(self) -> int:
        """Exchanges along the default path (for the progress bar)."""
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
            end = self.params["end_good"] if self.mood >= self.threshold else self.params["end_bad"]
            self.history.append(("them", end))
            self.view.refresh()
            return
        self.node_i = i
        node = self.nodes[i]
        shown = [(k, r) for k, r in enumerate(node["replies"]) if r.get("level", 1) <= self.difficulty]
        best = max(shown, key=lambda o: o[1]["mood"])
        rest = [o for o in shown if o is not best]
        self.rng.shuffle(rest)
        shown = [best] + rest[:2 if self.difficulty == 1 else 3]
        self.rng.shuffle(shown)
        self.options = shown
        self.history.append(("them", node["say"]))
        self.view.refresh()

    @property
    def node(self) -> dict[str, Any] | None:
        return self.nodes[self.node_i] if self.phase == "talk" else None

    def best_option(self) -> int:
        return max(self.options, key=lambda o: o[1]["mood"])[0]

    # -- host hooks -----------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.view.build(area)

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Nothing here moves with time: the board is drawn into a cached layer again only
        when the conversation, the mood, the hint or a hovered reply changes."""
        state = (self.node_i, self.phase, self.mood, self.picks, self.hint_reply, len(self.history),
                 self.last_delta, self.finished, tuple(getattr(spot, "hovered", False) for spot in self.view.option_spots))
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self.view.draw(surface))

    # -- actions --------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "end":
            return [Action("end")]
        return [Action("reply", str(k)) for k, _ in self.options] + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        if action.kind == "end" and self.phase == "end":
            self.finished = True
            self.emit("progress", progress=1.0)
            return
        if self.phase != "talk":
            return
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_reply = self.best_option()
            self.emit("hint", step=self.node["id"])
            self.view.refresh()
            return
        if action.kind != "reply":
            return
        chosen = next((r for k, r in self.options if str(k) == action.target), None)
        if chosen is None:
            return
        node = self.node
        best = self.best_option()
        kind = "helpful" if chosen["mood"] >= 8 else ("unhelpful" if chosen["mood"] < 0 else "neutral")
        self.emit("choice", step=node["id"], response=f"{action.target}:{kind}")
        self.picks += 1
        if str(best) == action.target:
            self.best_picks += 1
        if chosen["mood"] < 0:
            self.emit("mistake", step=node["id"])
        self.last_delta = chosen["mood"]
        self.mood = max(0, min(100, self.mood + chosen["mood"]))
        self.history.append(("you", chosen["text"]))
        self.react = chosen["react"]
        self.history.append(("them", self.react))
        self.emit("progress", progress=self.progress)
        nxt = chosen.get("next")
        self._enter(self._visible_from(self.index_of[nxt] if nxt else self.node_i + 1))

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        if self.phase == "end":
            return Action("end")
        best = self.best_option()
        if rng.random() < skill:
            return Action("reply", str(best))
        others = [k for k, _ in self.options if k != best]
        return Action("reply", str(rng.choice(others) if others else best))

    # -- state ----------------------------------------------------------------------
    @property
    def progress(self) -> float:
        if self.phase == "end":
            return 1.0 if self.finished else 0.95
        return min(0.95, self.picks / self.exchanges)

    @property
    def animating(self) -> bool:
        return False

    def mood_word(self) -> str:
        moods = self.params["moods"]
        return self.kit.pick(moods[min(3, self.mood // 25)])

    def result(self) -> MechanicResult:
        accuracy = self.best_picks / self.picks if self.picks else 0.0
        success = self.finished and self.mood >= self.threshold
        score = 0.5 * self.mood / 100 + 0.5 * accuracy - 0.05 * self.hints_used
        if not success:
            score *= 0.6
        return MechanicResult(success, round(max(0.0, min(1.0, score)), 3), round(accuracy, 3),
                              {"mood": self.mood, "threshold": self.threshold, "exchanges": self.picks,
                               "hints": self.hints_used})
