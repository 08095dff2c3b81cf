"""Organise, ``sort`` mode: put each item from a trolley on the right shelf by its number.

Each shelf (bin) covers a number range; each item carries a number (a library
classification mark). Titles can mislead on purpose (``tricky`` items), the number never
lies. Layout: the trolley with the current item on the left, a bookcase of shelves on the
right; placed items appear as spines on their shelf.

Params::

    {"mode": "sort",
     "bins": [{"id": "science", "label": {...}, "from": 500, "to": 599.99,
               "shape": "circle", "colour": "#3A86FF"}],
     "items": [{"id": "soup", "title": {...}, "code": "641.5", "tricky": true}],
     "bins_shown": [3, 4, 6], "items_shown": [6, 9, 12], "time_limit": [0, 0, 150],
     "tricky": "hard"}

``tricky``: misleading titles never, from Medium (``"hard"``, the default) or ``"always"``
(first on the trolley: the twist). Easy uses fewer shelves; Hard adds every shelf and a
clock. The pupil drags the book onto a shelf (or presses the book, then a shelf).
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.actions import Action
from zones.challenges.drag import Drag
from zones.challenges.organise_common import OrganiseMode
from zones.challenges.organise_params import Book, Shelf
from zones.challenges.organise_sort_rules import SortRules, shelf_range


class SortMode(OrganiseMode):
    """The trolley and the bookcase: the view of :class:`SortRules`."""

    rules_class = SortRules

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        self.rects: dict[str, pygame.Rect] = {}
        self.spots: dict[str, Any] = {}
        #: the book in the pupil's hand (picked up with a click, a drag or Enter)
        self.drag = Drag()

    def _bin_of(self, item: Book) -> str | None:
        return self.rules.bin_of(item)

    def _range(self, b: Shelf) -> str:
        return shelf_range(b)

    # -- layout -------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The trolley (the book to shelve, the remark, the hint) with the bookcase beside
        it (shelves in one or two columns), or below it where the two do not fit side by
        side; every box as tall as its 100 % design or its measured text."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        side_by_side, tw = ui_layout.beside(p, area.x, area.y, area.w, 360, area.w - 380)
        x = area.x
        self.clock_w = 110 + p.font(16, True).size("0:00")[0] + 30
        title_h = ui_layout.text_h(p, t("organise.trolley"), tw - 36, 22, True)
        self.left_y = ui_layout.below(46, 14 + title_h + 6)
        lefts = [t("organise.left", n=n) for n in range(len(self.queue) + 1)]
        left_h = ui_layout.tallest(p, lefts, tw - 36 - self.clock_w - 20, 18)
        book_w = min(tw - 100, ui_layout.scaled(p, 260))
        self.title_h = ui_layout.tallest(
            p, [pick(i.title) for i in self.queue], book_w - 56, 20, True
        )
        self.tag_h = ui_layout.grow(56, p.line(26, True) + 20)
        self.label_h = ui_layout.grow(140, self.title_h + 36)
        book_y = area.y + ui_layout.below(86, self.left_y + left_h + 16)
        self.book = pygame.Rect(
            0, book_y, book_w, ui_layout.grow(250, 25 + self.label_h + 13 + self.tag_h + 16)
        )
        self.book.centerx = x + tw // 2
        self.spots["book"] = self.kit.ui.hotspot(
            self.book, t("organise.pick_up", title=""), self._pick
        )
        fb_h = self.feedback_h()
        self.remark = pygame.Rect(x + 16, self.book.bottom + 16, tw - 32, fb_h)
        hint_h = ui_layout.grow(46, p.button_h())
        trolley_h = ui_layout.grow(
            area.h if side_by_side else 0, self.remark.bottom + 12 + hint_h + 14 - area.y
        )
        self.trolley = pygame.Rect(x, area.y, tw, trolley_h)
        self.case = ui_layout.second(self.trolley, area, side_by_side, area.h)
        self._build_case(side_by_side, area.h)
        self.spots["hint"] = self.kit.ui.button(
            (x + 16, self.trolley.bottom - 14 - hint_h, tw - 32, hint_h),
            t("challenge.hint"),
            lambda: self.perform(Action("hint")),
        )
        self.bottom = max(self.trolley.bottom, self.case.bottom)
        self.sync()

    def _build_case(self, side_by_side: bool, design_h: int) -> None:
        """The shelves in one or two columns, each as tall as its share of the 100 % case
        or its measured label and books."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        case = self.case
        n = len(self.bins)
        cols = ui_layout.columns_for(p, 1 if n <= 3 else 2, case.w - 32, 380)
        rows = -(-n // cols)
        gap = 14
        inner = case.inflate(-32, 0)
        w = (inner.w - gap * (cols - 1)) // cols
        self.range_w = max(p.font(20, True).size(self._range(b))[0] for b in self.bins)
        self.bin_label_w = w - 48 - max(112, self.range_w + 32)
        heads = [
            max(ui_layout.label_h(p, pick(b.label), self.bin_label_w, 19, True), p.line(20, True))
            for b in self.bins
        ]
        self.spines_top = {
            b.id: ui_layout.below(54, 14 + h + 14) for b, h in zip(self.bins, heads, strict=True)
        }
        h = ui_layout.grow(
            (design_h - 70 - gap * (rows - 1)) // rows, max(self.spines_top.values()) + 92
        )
        top = case.y + ui_layout.below(
            56, 14 + ui_layout.text_h(p, t("organise.bookcase"), case.w - 36, 22, True) + 8
        )
        rects = ui_layout.grid([h] * n, inner.x, top, inner.w, cols, gap)
        for b, r in zip(self.bins, rects, strict=True):
            self.rects[b.id] = r
            label = f"{self.kit.pick(b.label)} {self._range(b)}"
            self.spots[b.id] = self.kit.ui.hotspot(
                r, self.kit.t("organise.shelf", shelf=label), lambda bid=b.id: self._shelve(bid)
            )
        case.h = ui_layout.grow(case.h, ui_layout.bottom(rects, case.y) + 14 - case.y)

    def sync(self) -> None:
        book = self.spots.get("book")
        if book is not None and self.queue:
            book.label = self.kit.t("organise.pick_up", title=self.kit.pick(self.queue[0].title))
        if self.finished:
            self.drag.drop()
            self.on_finish()

    def _pick(self) -> None:
        """The book was pressed (a click, the start of a drag, or Enter): it is in hand."""
        if self.queue and not self.finished:
            self.drag.pick(self.queue[0].id)

    def _shelve(self, bid: str) -> None:
        """A shelf was pressed, or the carried book dropped on it."""
        self.drag.drop()
        self.perform(Action("shelve", self.queue[0].id if self.queue else "", bid))

    def handle_event(self, event: pygame.event.Event) -> None:
        """Carrying the book with the mouse: it follows the pointer and lands on the shelf
        it is released over."""
        self.drag.handle(event, self.kit.ui, self.rects, lambda _book, bid: self._shelve(bid))

    @property
    def animating(self) -> bool:
        return super().animating or self.drag.carried

    def on_finish(self) -> None:
        for spot in self.spots.values():
            if hasattr(spot, "set_enabled"):
                spot.set_enabled(False)
            else:
                spot.enabled = False

    # -- drawing ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Trolley and bookcase from the cached layer (redrawn when a book moves, a hint or
        remark appears); the clock every frame."""
        state = (
            len(self.queue),
            self.queue[0].code if self.queue else None,
            self.feedback,
            self.feedback_good,
            self.hint_bin,
            frozenset(self.tried),
            tuple(len(books) for books in self.placed.values()),
            self.finished,
            self.drag.carried,
            self.drag.held is not None,
        )
        area = area.union(self.trolley).union(self.case)
        self.draw_layered(surface, area, state, lambda: self._paint(surface))
        if self.moving:
            self._draw_motion(surface)
        if self.drag.carried and self.queue:
            self._draw_carried(surface)

    def _draw_carried(self, surface: pygame.Surface) -> None:
        """The book in hand under the pointer (its number on it), the shelf below it lit."""
        p = self.kit.painter
        pal = p.palette
        over = self.drag.over(self.rects)
        if over is not None:
            pygame.draw.rect(
                surface, pal.focus, self.rects[over].inflate(8, 8), 4, border_radius=14
            )
        item = self.queue[0]
        w = max(120, p.font(22, True).size(item.code)[0] + 30)
        card = pygame.Rect(0, 0, w, ui_layout.grow(80, p.line(22, True) + 40))
        card.center = self.drag.pos or card.center
        pygame.draw.rect(
            surface,
            p.colour("#2A9D8F") if not pal.high_contrast else pal.panel,
            card,
            border_radius=10,
        )
        pygame.draw.rect(surface, pal.ink, card, 3, border_radius=10)
        tag = card.inflate(-20, -20)
        pygame.draw.rect(surface, pal.panel, tag, border_radius=8)
        p.text(
            surface,
            item.code,
            (tag.centerx, tag.centery - p.line(22, True) // 2),
            22,
            bold=True,
            align="center",
            box=tag,
        )

    def _draw_motion(self, surface: pygame.Surface) -> None:
        """The payoff of the last step (a few shapes, only while it plays): a shelved book
        flies from the trolley to its shelf, which glows; a wrong shelf flashes red."""
        pal = self.kit.painter.palette
        t = min(1.0, self.anim / 0.45)
        if self.feedback_good and self.last_shelf in self.rects:
            shelf = self.rects[self.last_shelf]
            start, end = pygame.Vector2(self.book.center), pygame.Vector2(shelf.center)
            pos = start.lerp(end, t * (2 - t))
            spine = pygame.Rect(0, 0, 26, 70)
            spine.center = (int(pos.x), int(pos.y - 40 * 4 * t * (1 - t)))
            pygame.draw.rect(surface, pal.accent, spine, border_radius=4)
            pygame.draw.rect(surface, pal.ink, spine, 2, border_radius=4)
            pygame.draw.rect(surface, pal.good, shelf.inflate(6, 6), 4, border_radius=14)
        elif not self.feedback_good and self.tried:
            for bid in self.tried:
                if bid in self.rects and int(self.anim * 10) % 2 == 0:
                    pygame.draw.rect(
                        surface, pal.bad, self.rects[bid].inflate(6, 6), 4, border_radius=14
                    )

    def _paint(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        t = self.kit.t
        tr = self.trolley
        p.panel(surface, tr)
        p.text(
            surface,
            t("organise.trolley"),
            (tr.x + 18, tr.y + 14),
            22,
            bold=True,
            width=tr.w - 36,
            box=tr,
        )
        p.text(
            surface,
            t("organise.left", n=len(self.queue)),
            (tr.x + 18, tr.y + self.left_y),
            18,
            colour=pal.muted,
            width=tr.w - 36 - self.clock_w - 20,
            box=tr,
        )
        self.draw_clock(surface, (tr.right - 130, tr.y + self.left_y + 4, 110, 20))
        book = self.book
        if self.queue and self.drag.carried:  # the book is in the pupil's hand: its place waits
            board_text.dashed_rect(surface, pal.muted, book)
        elif self.queue:
            item = self.queue[0]
            cover = p.colour("#2A9D8F") if not pal.high_contrast else pal.panel
            pygame.draw.rect(surface, cover, book, border_radius=12)
            pygame.draw.rect(surface, pal.ink, book, 3, border_radius=12)
            label = pygame.Rect(book.x + 18, book.y + 25, book.w - 36, self.label_h)
            pygame.draw.rect(
                surface,
                (255, 255, 255) if not pal.high_contrast else pal.panel,
                label,
                border_radius=8,
            )
            p.text(
                surface,
                self.kit.pick(item.title),
                (book.centerx, book.y + 34),
                20,
                bold=True,
                align="center",
                width=book.w - 56,
                box=label,
            )
            tag = pygame.Rect(0, 0, max(150, p.font(26, True).size(item.code)[0] + 30), self.tag_h)
            tag.midbottom = (book.centerx, book.bottom - 16)
            pygame.draw.rect(surface, pal.panel, tag, border_radius=10)
            pygame.draw.rect(surface, pal.ink, tag, 2, border_radius=10)
            p.text(
                surface,
                item.code,
                (tag.centerx, tag.y + 10),
                26,
                bold=True,
                align="center",
                box=tag,
            )
            if (
                self.drag.held is not None
            ):  # picked up with the keyboard: lifted, waiting for a shelf
                pygame.draw.rect(surface, pal.focus, book.inflate(10, 10), 4, border_radius=14)
        else:
            p.icon(surface, "check", book.center, 80, pal.good)
        self.draw_feedback(surface, self.remark, t("organise.sort_idle"))
        case = self.case
        p.panel(surface, case)
        p.text(
            surface,
            t("organise.bookcase"),
            (case.x + 18, case.y + 14),
            22,
            bold=True,
            width=case.w - 36,
            box=case,
        )
        for b in self.bins:
            self._paint_shelf(surface, b)

    def _paint_shelf(self, surface: pygame.Surface, b: Shelf) -> None:
        p = self.kit.painter
        pal = p.palette
        r = self.rects[b.id]
        hinted = b.id == self.hint_bin
        tried = b.id in self.tried
        fill = p.colour("#FFF4DC") if hinted and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, r, border_radius=12)
        pygame.draw.rect(
            surface,
            pal.focus if hinted else pal.panel_edge,
            r,
            4 if hinted else 2,
            border_radius=12,
        )
        label = self.kit.pick(b.label)
        mid = ui_layout.below(
            r.y + 26, r.y + 14 + ui_layout.label_h(p, label, self.bin_label_w, 19, True) // 2
        )
        p.shape(
            surface,
            b.shape,
            (r.x + 26, ui_layout.below(r.y + 26, r.y + 14 + p.line(19, True) // 2)),
            14,
            p.colour(b.colour),
        )
        if hinted:
            board_text.hint_mark(p, surface, pygame.Rect(r.x, r.bottom - 60, r.w, 60))
        ui_layout.label(p, surface, label, (r.x + 48, mid), self.bin_label_w, 19, bold=True, box=r)
        p.text(
            surface, self._range(b), (r.right - 14, r.y + 14), 20, bold=True, align="right", box=r
        )
        if tried:
            size = ui_layout.icon(p, 18)
            p.icon(
                surface,
                "cross",
                (
                    r.right - 15 - size // 2,
                    ui_layout.below(r.y + 50, r.y + 14 + p.line(20, True) + 3 + size // 2),
                ),
                size,
                pal.bad,
            )
        plank_y = r.bottom - 16
        wood = (190, 140, 90) if not pal.high_contrast else pal.panel_edge
        pygame.draw.rect(surface, wood, (r.x + 10, plank_y, r.w - 20, 8), border_radius=4)
        x = r.x + 16
        top = r.y + self.spines_top[b.id]
        for k in range(len(self.placed[b.id])):
            spine = pygame.Rect(x, top + (k % 3) * 6, 22, plank_y - top - (k % 3) * 6)
            if spine.right > r.right - 14:
                break
            shade = (
                (58 + 40 * (k % 3), 120, 160 - 30 * (k % 2)) if not pal.high_contrast else pal.panel
            )
            pygame.draw.rect(surface, shade, spine, border_radius=4)
            pygame.draw.rect(surface, pal.ink, spine, 1, border_radius=4)
            x += 26
