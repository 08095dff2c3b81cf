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
from zones.challenges.organise_params import Book, Shelf, SortParams
from zones.challenges.organise_rules import OrganiseRules


def shelf_range(b: Shelf) -> str:
    """A shelf's number range as printed on it, like ``500–599``."""
    return f"{int(b.from_):03d}–{int(b.to):03d}"


class SortRules(OrganiseRules):
    params_type = SortParams
    params: SortParams

    def __init__(self, params: SortParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.difficulty - 1
        self.bins = list(p.bins)[: p.bins_shown[level]]
        allow = p.tricky == "always" or (p.tricky == "hard" and self.difficulty > 1)
        pool = [it for it in p.items if self.bin_of(it) is not None and (allow or not it.tricky)]
        rng.shuffle(pool)
        if p.tricky == "always":  # the twist: the misleading titles come first
            pool.sort(key=lambda it: not it.tricky)
        self.queue = pool[: p.items_shown[level]]
        rng.shuffle(self.queue)
        self.total = len(self.queue)
        self.placed: dict[str, list[Book]] = {b.id: [] for b in self.bins}
        self.tried: set[str] = set()
        self.hint_bin: str | None = None
        #: the shelf the last book went onto (the view slides it there)
        self.last_shelf: str | None = None

    def bin_of(self, item: Book) -> str | None:
        code = float(item.code)
        return next((b.id for b in self.bins if b.from_ <= code <= b.to), None)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished or not self.queue:
            return []
        item = self.queue[0].id
        return [Action("shelve", item, b.id) for b in self.bins] + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished or not self.queue:
            return
        item = self.queue[0]
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_bin = self.bin_of(item)
            self.emit("hint", step=item.id)
            return
        if action.kind != "shelve" or action.target != item.id:
            return
        shelf = next((b for b in self.bins if b.id == action.value), None)
        if shelf is None:
            return
        right = self.bin_of(item)
        self.emit("choice", step=item.id, response=action.value)
        if right is not None and action.value == right:
            self.correct += 1
            self.recovered += bool(self.tried)
            self.placed[right].append(item)
            self.queue.pop(0)
            self.tried.clear()
            self.hint_bin = None
            self.last_shelf = right
            self.say("organise.sort_good", True, title=item.title, shelf=shelf.label)
            self.emit("progress", progress=self.progress)
            if not self.queue:
                self.finished = True
        else:
            self.mistakes += 1
            self.tried.add(action.value)
            self.say(
                "organise.sort_wrong",
                False,
                title=item.title,
                code=item.code,
                shelf=shelf.label,
                range=shelf_range(shelf),
            )
            self.emit("mistake", step=item.id)

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished or not self.queue:
            return None
        item = self.queue[0]
        right = self.bin_of(item)
        wrong = [b.id for b in self.bins if b.id != right and b.id not in self.tried]
        if (rng.random() < skill or not wrong) and right is not None:
            return Action("shelve", item.id, right)
        return Action("shelve", item.id, rng.choice(wrong))

    @property
    def progress(self) -> float:
        return (self.total - len(self.queue)) / max(1, self.total)

    def details(self) -> dict[str, Any]:
        return {"items": self.total, "shelves": len(self.bins)}

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = []
        if self.queue:
            book = self.queue[0]
            lines.append(("organise.say_book", {"title": book.title, "code": book.code}))
        lines.append(("organise.left", {"n": len(self.queue)}))
        for b in self.bins:
            lines.append(
                (
                    "organise.say_shelf",
                    {"shelf": b.label, "range": shelf_range(b), "n": len(self.placed[b.id])},
                )
            )
        return lines
