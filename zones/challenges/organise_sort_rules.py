"""Rules of the organise ``sort`` mode (Book Chaos): shelve each book from the trolley by
its classification number. Titles may mislead, numbers never do. No pygame.

Params: see ``organise_sort.py``. State: the shelves shown, the trolley ``queue`` (the
first book is the one in hand), what is on each shelf, the shelves already tried for the
book in hand and the hinted shelf.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action
from zones.challenges.organise_rules import OrganiseRules, check_three, three
from zones.challenges.rules_core import check_langmap
from zones.content import SHAPES


def _num(code: Any) -> float | None:
    try:
        return float(code)
    except (TypeError, ValueError):
        return None


def shelf_range(b: dict[str, Any]) -> str:
    """A shelf's number range as printed on it, like ``500–599``."""
    return f"{int(b['from']):03d}–{int(b['to']):03d}"


class SortRules(OrganiseRules):
    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        bins, items = params.get("bins"), params.get("items")
        if not isinstance(bins, list) or not 2 <= len(bins) <= 6:
            return ["bins: needs a list of 2 to 6 shelves"]
        if not isinstance(items, list) or len(items) < 4:
            return ["items: needs a list of at least 4 items"]
        for i, b in enumerate(bins):
            if not isinstance(b, dict) or not isinstance(b.get("id"), str):
                problems.append(f"bins[{i}]: needs an id")
                continue
            problems += check_langmap(b.get("label"), f"bins[{i}].label", languages)
            if _num(b.get("from")) is None or _num(b.get("to")) is None or b["from"] > b["to"]:
                problems.append(f"bins[{i}]: needs numbers 'from' ≤ 'to'")
            if b.get("shape") not in SHAPES:
                problems.append(f"bins[{i}].shape: must be one of {SHAPES}")
        if problems:
            return problems
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(f"items[{i}]: needs an id")
                continue
            problems += check_langmap(item.get("title"), f"items[{i}].title", languages)
            code = _num(item.get("code"))
            if not isinstance(item.get("code"), str) or code is None:
                problems.append(f'items[{i}].code: must be a number written as text, like "641.5"')
            elif sum(1 for b in bins if b["from"] <= code <= b["to"]) != 1:
                problems.append(f"items[{i}].code: {item['code']} must fall on exactly one shelf")
        problems += check_three(params, "bins_shown", 2, len(bins))
        problems += check_three(params, "items_shown", 3, len(items))
        problems += check_three(params, "time_limit", 0, 900)
        if params.get("tricky") not in (None, "never", "hard", "always"):
            problems.append("tricky: must be 'never', 'hard' (from Medium) or 'always'")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.bins = list(params["bins"])[: three(params, "bins_shown", [3, 4, 6], self.difficulty)]
        tricky = params.get("tricky", "hard")
        allow = tricky == "always" or (tricky == "hard" and self.difficulty > 1)
        pool = [
            it
            for it in params["items"]
            if self.bin_of(it) is not None and (allow or not it.get("tricky"))
        ]
        rng.shuffle(pool)
        if tricky == "always":  # the twist: the misleading titles come first
            pool.sort(key=lambda it: not it.get("tricky"))
        self.queue = pool[: three(params, "items_shown", [6, 9, 12], self.difficulty)]
        rng.shuffle(self.queue)
        self.total = len(self.queue)
        self.placed: dict[str, list[dict[str, Any]]] = {b["id"]: [] for b in self.bins}
        self.tried: set[str] = set()
        self.hint_bin: str | None = None
        #: the shelf the last book went onto (the view slides it there)
        self.last_shelf: str | None = None

    def bin_of(self, item: dict[str, Any]) -> str | None:
        code = float(item["code"])
        return next((b["id"] for b in self.bins if b["from"] <= code <= b["to"]), None)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished or not self.queue:
            return []
        item = self.queue[0]["id"]
        return [Action("shelve", item, b["id"]) for b in self.bins] + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished or not self.queue:
            return
        item = self.queue[0]
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_bin = self.bin_of(item)
            self.emit("hint", step=item["id"])
            return
        if action.kind != "shelve" or action.target != item["id"]:
            return
        shelf = next((b for b in self.bins if b["id"] == action.value), None)
        if shelf is None:
            return
        right = self.bin_of(item)
        self.emit("choice", step=item["id"], response=action.value)
        if action.value == right:
            self.correct += 1
            self.recovered += bool(self.tried)
            self.placed[right].append(item)
            self.queue.pop(0)
            self.tried.clear()
            self.hint_bin = None
            self.last_shelf = right
            self.say("organise.sort_good", True, title=item["title"], shelf=shelf["label"])
            self.emit("progress", progress=self.progress)
            if not self.queue:
                self.finished = True
        else:
            self.mistakes += 1
            self.tried.add(action.value)
            self.say(
                "organise.sort_wrong",
                False,
                title=item["title"],
                code=item["code"],
                shelf=shelf["label"],
                range=shelf_range(shelf),
            )
            self.emit("mistake", step=item["id"])

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished or not self.queue:
            return None
        item = self.queue[0]
        right = self.bin_of(item)
        wrong = [b["id"] for b in self.bins if b["id"] != right and b["id"] not in self.tried]
        if rng.random() < skill or not wrong:
            return Action("shelve", item["id"], right)
        return Action("shelve", item["id"], rng.choice(wrong))

    @property
    def progress(self) -> float:
        return (self.total - len(self.queue)) / max(1, self.total)

    def details(self) -> dict[str, Any]:
        return {"items": self.total, "shelves": len(self.bins)}

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = []
        if self.queue:
            book = self.queue[0]
            lines.append(("organise.say_book", {"title": book["title"], "code": book["code"]}))
        lines.append(("organise.left", {"n": len(self.queue)}))
        for b in self.bins:
            lines.append(
                (
                    "organise.say_shelf",
                    {"shelf": b["label"], "range": shelf_range(b), "n": len(self.placed[b["id"]])},
                )
            )
        return lines
