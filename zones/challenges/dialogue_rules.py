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
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.rules_core import check_langmap
from zones.content import HEX, SHAPES

LAYOUTS = ("clinic", "board", "thread")
HELPFUL = 8


def _check_pie(value: Any, where: str) -> list[str]:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 2 <= value[1] <= 12
        and 0 <= value[0] <= value[1]
    ):
        return []
    return [f"{where}: must be [shaded, slices] with 0 ≤ shaded ≤ slices and 2–12 slices"]


def _check_person(person: Any, where: str, languages: tuple[str, ...]) -> list[str]:
    if not isinstance(person, dict):
        return [f"{where}: needs name, role, shape and colour"]
    problems = check_langmap(person.get("name"), f"{where}.name", languages)
    problems += check_langmap(person.get("role"), f"{where}.role", languages)
    if person.get("shape") not in SHAPES:
        problems.append(f"{where}.shape: must be one of {SHAPES}")
    if not isinstance(person.get("colour"), str) or not HEX.match(person["colour"]):
        problems.append(f"{where}.colour: must be a colour like '#8E6C8A'")
    return problems


def validate(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with one level's merged params, as ``field: problem`` strings."""
    problems: list[str] = []
    if params.get("layout") not in LAYOUTS:
        problems.append(f"layout: must be one of {LAYOUTS}")
    problems += _check_person(params.get("person"), "person", languages)
    other = params.get("other")
    if other is not None:
        problems += _check_person(other, "other", languages)
        if isinstance(other, dict) and (
            not isinstance(other.get("start_mood"), int) or not 0 <= other["start_mood"] <= 100
        ):
            problems.append("other.start_mood: must be a whole number 0–100")
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
    if not (
        isinstance(limits, list)
        and len(limits) == 3
        and all(isinstance(x, int) and 0 <= x <= 100 for x in limits)
    ):
        problems.append("threshold: must be three whole numbers 0–100, one per difficulty")
    for key in ("end_good", "end_bad", "goodbye"):
        problems += check_langmap(params.get(key), key, languages)
    nodes = params.get("nodes")
    if not isinstance(nodes, list) or len(nodes) < 2:
        return problems + ["nodes: needs a list of at least 2 conversation nodes"]
    ids = [n.get("id") if isinstance(n, dict) else None for n in nodes]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        problems.append("nodes: every node needs a different text id")
    span = params.get("span")
    if span is not None and not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(v, int) for v in span)
        and 0 <= span[0]
        and span[0] + 2 <= span[1] <= len(nodes)
    ):
        problems.append(f"span: must be [first, end] picking 2 or more of the {len(nodes)} nodes")
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
        if node.get("who", "main") not in ("main", "other") or (
            node.get("who") == "other" and other is None
        ):
            problems.append(
                f"{where}.who: must be 'main', or 'other' when an 'other' person is given"
            )
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
        best = max(
            (
                r.get("mood", 0)
                for r in replies
                if isinstance(r, dict) and isinstance(r.get("mood"), int)
            ),
            default=0,
        )
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


class ChatRules:
    """One conversation being played. ``history`` is (who, language map) with who one of
    "main", "other" (a person's line) or "you"; ``events`` queues (kind, data) for the host."""

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        self.params = params
        self.difficulty = max(1, min(3, difficulty))
        self.rng = rng
        first, end = params.get("span", [0, len(params["nodes"])])
        self.nodes = list(params["nodes"][first:end])
        self.index_of = {n["id"]: i for i, n in enumerate(self.nodes)}
        self.people = {"main": params["person"]}
        self.mood = {"main": int(params["start_mood"])}
        if params.get("other"):
            self.people["other"] = params["other"]
            self.mood["other"] = int(params["other"]["start_mood"])
        self.spoke: set[str] = set()
        self.threshold = int(params["threshold"][self.difficulty - 1])
        self.tips = self.difficulty == 1 or bool(params.get("tips"))
        self.phase = "talk"
        self.finished = False
        self.picks = self.best_picks = self.hints_used = self.recovered = 0
        self.exchanges = self._count_path()
        self.history: list[tuple[str, dict[str, str]]] = []
        self.react: dict[str, str] | None = None
        self.last_delta = 0
        self.last_who = "main"
        self.hint_reply: int | None = None
        self.node_i = -1
        self.options: list[tuple[int, dict[str, Any]]] = []
        self.events: list[tuple[str, dict[str, Any]]] = []
        self._after_mistake = False
        self._enter(self._visible_from(0))

    # -- flow ---------------------------------------------------------------------------
    def _visible_from(self, i: int) -> int | None:
        while i < len(self.nodes) and self.nodes[i].get("level", 1) > self.difficulty:
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
                ("main", self.params["end_good"] if self.succeeded() else self.params["end_bad"])
            )
            return
        self.node_i = i
        node = self.nodes[i]
        shown = [
            (k, r) for k, r in enumerate(node["replies"]) if r.get("level", 1) <= self.difficulty
        ]
        best = max(shown, key=lambda o: o[1]["mood"])
        rest = [o for o in shown if o is not best]
        self.rng.shuffle(rest)
        shown = [best] + rest[: 2 if self.difficulty == 1 else 3]
        self.rng.shuffle(shown)
        self.options = shown
        who = node.get("who", "main")
        self.spoke.add(who)
        self.history.append((who, node["say"]))

    @property
    def node(self) -> dict[str, Any] | None:
        return self.nodes[self.node_i] if self.phase == "talk" else None

    @property
    def speaker(self) -> str:
        """Who says the current line ("main" or "other")."""
        node = self.node
        return node.get("who", "main") if node else "main"

    def best_option(self) -> int:
        return max(self.options, key=lambda o: o[1]["mood"])[0]

    def succeeded(self) -> bool:
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
            self.events.append(("cue", {"name": "success" if self.succeeded() else "fail"}))
            self.events.append(("progress", {"progress": 1.0}))
            return
        node = self.node
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_reply = self.best_option()
            self.events.append(("hint", {"step": node["id"]}))
            return
        chosen = next(r for k, r in self.options if str(k) == action.target)
        delta = chosen["mood"]
        kind = "helpful" if delta >= HELPFUL else ("unhelpful" if delta < 0 else "neutral")
        self.events.append(("choice", {"step": node["id"], "response": f"{action.target}:{kind}"}))
        self.picks += 1
        if str(self.best_option()) == action.target:
            self.best_picks += 1
        if delta < 0:
            self.events.append(("mistake", {"step": node["id"]}))
            self._after_mistake = True
        elif delta >= HELPFUL and self._after_mistake:
            self.recovered += 1
            self._after_mistake = False
        self.events.append(
            ("cue", {"name": "success" if delta >= HELPFUL else ("fail" if delta < 0 else "tick")})
        )
        who = self.speaker
        self.last_delta, self.last_who = delta, who
        self.mood[who] = max(0, min(100, self.mood[who] + delta))
        self.history.append(("you", chosen["text"]))
        self.react = chosen["react"]
        self.history.append((who, self.react))
        self.events.append(("progress", {"progress": self.progress}))
        nxt = chosen.get("next")
        target = self.index_of.get(nxt, self.node_i + 1) if nxt else self.node_i + 1
        self._enter(self._visible_from(max(target, self.node_i + 1)))

    def pop_events(self) -> list[tuple[str, dict[str, Any]]]:
        events, self.events = self.events, []
        return events

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
        """0 (lowest word) to 3 (highest) for ``who``'s mood."""
        return min(3, self.mood[who] // 25)

    def result(self) -> MechanicResult:
        """Accuracy is the share of best replies; recovery counts a helpful reply straight
        after one that hurt (the conversation mended)."""
        accuracy = self.best_picks / self.picks if self.picks else 0.0
        success = self.finished and self.succeeded()
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
