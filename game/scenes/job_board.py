"""The odd-jobs board: a new player's first stop, before the town map.

People in Worktown have pinned up small jobs; the player says, card by card, how much they
would like to do each one (the IIP activity items of ``content.job_board``, three of each
type, 1–5). Each answer is recorded as a mentor item answer is, so the profile starts from
a picture that favours no type, and mentors never ask these again. After every third card
a "Which would you rather do?" card sets two activities of different kinds side by side
(``game.mentor_items.board_pairs``; a forced choice no response style can shift). A card
can be skipped, and "explore the town now" leaves the rest for the mentors to ask later.

Pushed over the hub by ``game.mentor_items.open_job_board`` after a new player signs in;
pops itself when done. Touches the player's ``mentor_items_asked`` (through
``record_item_answer``) and nothing else.
"""

from __future__ import annotations

from functools import partial

import pygame

from game import art
from game.mentor_items import BOARD_SOURCE, board_pairs, record_item_answer, record_pair
from game.ui_scene import HEADER_H, UiScene
from game.widgets.item_answers import add_item_answers, item_card_rows, tallest_item_text
from game.widgets.reflow import centred_buttons

SOURCE = "job_board"
PIN_W, PIN_GAP = 48, 8


class JobBoardScene(UiScene):
    name = "job_board"
    title_key = "board.title"
    show_back = False
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.state: dict[str, str] = {}  # item id -> "answered" / "skipped"
        self.index = 0
        self.pairs: list[tuple[str, str]] = []
        self.pair_index = 0
        self.pending_pair: tuple[str, str] | None = None  # the pair card shown now

    def enter(self, ctx) -> None:
        asked = set(ctx.player.mentor_items_asked) if ctx.player else set()
        self.cards = [c for c in ctx.content.job_board if c not in asked]
        self.pairs = board_pairs(ctx) if self.cards else []
        super().enter(ctx)

    @property
    def current(self) -> str | None:
        """The item id on the card shown now (None once every card is done)."""
        return self.cards[self.index] if self.index < len(self.cards) else None

    # -- layout -------------------------------------------------------------------
    def layout(self) -> dict:
        """The intro, the card (as tall as its text), the five answers, the skip / explore
        buttons and below them a row of pins, one per card (the answers come first at
        large text)."""
        p = self.ctx.painter
        t = self.ctx.t
        top = HEADER_H + 20 + p.height(t("board.intro"), 20, 1200) + 18
        w = min(1200, int(900 + 300 * (p.fonts.scale - 1)))
        card = pygame.Rect((1280 - w) // 2, top, w, 0)
        count_h = p.height(self._count_text(), 18, w - 80)
        text_y = top + 40 + count_h + 14
        # as tall as the longest card's text: the buttons stay put from card to card
        text_h = tallest_item_text(self.ctx, self.cards, 32, w - 80)
        card.h = max(150, text_y - top + text_h + 36)
        answers, more = item_card_rows(p, t, card.bottom + 24, [t("board.skip"), t("board.later")])
        fits = max(1, (1200 + PIN_GAP) // (PIN_W + PIN_GAP))
        rows = -(-len(self.cards) // fits) if self.cards else 1
        per_row = -(-len(self.cards) // rows) if self.cards else 1  # rows of even length
        row_w = min(len(self.cards), per_row) * (PIN_W + PIN_GAP) - PIN_GAP
        pins_y = more[-1].bottom + 44
        pins = []
        for i in range(len(self.cards)):
            r, c = divmod(i, per_row)
            pins.append(
                pygame.Rect(
                    640 - row_w // 2 + c * (PIN_W + PIN_GAP),
                    pins_y + r * (PIN_W + PIN_GAP),
                    PIN_W,
                    PIN_W,
                )
            )
        return {
            "pins": pins,
            "card": card,
            "count_y": top + 36,
            "text_y": text_y,
            "text_h": text_h,
            "answers": answers,
            "skip": more[0],
            "later": more[1],
        }

    def _count_text(self) -> str:
        return self.ctx.t(
            "board.count", n=min(self.index + 1, len(self.cards)), total=len(self.cards)
        )

    def pair_layout(self) -> dict:
        """The pair card: the question, the two activities as buttons (side by side while
        they fit, else one above the other), then "can't choose" and "explore"."""
        p = self.ctx.painter
        t = self.ctx.t
        pair = self.pending_pair or ("", "")
        top = HEADER_H + 20 + p.height(t("board.intro"), 20, 1200) + 18
        texts = [self.ctx.pick(self.ctx.content.items[i].text) if i else "" for i in pair]
        y = top + p.height(t("pair.title"), 28, 1200, True) + 24
        style = next(
            (
                st
                for st in ("@choice", "@default", "@small")
                if all(p.button_w(x, st) <= 1200 for x in texts)
            ),
            "@small",
        )
        buttons = centred_buttons(p, texts, 640, y, 1200, style, min_w=360, min_h=80, gap=24)
        more = centred_buttons(
            p,
            [t("pair.skip"), t("board.later")],
            640,
            max(b.bottom for b in buttons) + 26,
            1200,
            "@small",
            min_w=260,
            min_h=50,
        )
        return {
            "top": top,
            "buttons": buttons,
            "texts": texts,
            "style": style,
            "skip": more[0],
            "later": more[1],
        }

    def build(self) -> None:
        if self.pending_pair is not None:
            lay = self.pair_layout()
            a, b = self.pending_pair
            for rect, text, item_id in zip(lay["buttons"], lay["texts"], (a, b), strict=True):
                self.ui.button(rect, text, partial(self.choose_pair, item_id), lay["style"])
            self.ui.button(
                lay["skip"], self.ctx.t("pair.skip"), lambda: self.choose_pair(None), "@small"
            )
            self.ui.button(lay["later"], self.ctx.t("board.later"), self.later, "@small")
            return
        if self.current is None:
            return
        lay = self.layout()
        add_item_answers(self.ui, self.ctx.t, lay["answers"], self.answer)
        self.ui.button(lay["skip"], self.ctx.t("board.skip"), self.skip, "@small")
        self.ui.button(lay["later"], self.ctx.t("board.later"), self.later, "@small")

    # -- actions ------------------------------------------------------------------
    def answer(self, value: int) -> None:
        """The player's 1–5 answer to the card shown; the next card, or the town."""
        self._done(value, "answered")

    def skip(self) -> None:
        """No answer to this card (recorded as skipped); the next card, or the town."""
        self._done(None, "skipped")

    def _done(self, value: int | None, state: str) -> None:
        item_id = self.current
        if item_id is None:
            return
        record_item_answer(self.ctx, None, item_id, value, source=SOURCE)
        self.state[item_id] = state
        self.index += 1
        if self.index % 3 == 0 and self.pair_index < len(self.pairs):
            self.pending_pair = self.pairs[self.pair_index]
            self.rebuild()
        elif self.current is None:
            self.finish()  # the buttons stay where they are for the next card

    def choose_pair(self, item_id: str | None) -> None:
        """The player's pick on the pair card (None: "can't choose"); then the next card."""
        pair = self.pending_pair
        if pair is None:
            return
        record_pair(self.ctx, pair, item_id, source=BOARD_SOURCE)
        self.pair_index += 1
        self.pending_pair = None
        if self.current is None:
            self.finish()
        else:
            self.rebuild()

    def later(self) -> None:
        """Leave the board; the cards not seen stay for the mentors to ask."""
        if self.current is not None:
            self.ctx.record(
                "skipped",
                "menu",
                "menu/job_board",
                extensions={"cards_left": len(self.cards) - self.index},
            )
        self.ctx.scenes.pop()

    def finish(self) -> None:
        """Every card done: thank the player and show the town."""
        self.ctx.notices.append(self.ctx.t("board.thanks"))
        self.ctx.scenes.pop()

    def on_event(self, event: pygame.event.Event) -> None:
        """The back key (Escape unless remapped) leaves the board as "explore now" does."""
        if self.ui.action_of(event) == "back":
            self.later()

    # -- drawing ------------------------------------------------------------------
    def page_key(self) -> object:
        """The page changes only with the card shown and the pins' states: drawn once per
        card, then blitted (the answer buttons are pygame-gui's)."""
        return self.index, tuple(self.state.items()), self.pending_pair

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        p.text(surface, self.ctx.t("board.intro"), (40, HEADER_H + 20), 20, width=1200)
        if lay["pins"]:
            cork = lay["pins"][0].unionall(lay["pins"]).inflate(28, 28)
            if not pal.high_contrast:
                pygame.draw.rect(surface, (214, 178, 128), cork, border_radius=12)
            pygame.draw.rect(surface, pal.panel_edge, cork, 2, border_radius=12)
        for i, (pin, item_id) in enumerate(zip(lay["pins"], self.cards, strict=True)):
            self._pin(
                surface, pin, self.state.get(item_id, "current" if i == self.index else "waiting")
            )
        if self.pending_pair is not None:
            return self._draw_pair(surface, max((r.bottom for r in lay["pins"]), default=0))
        card = lay["card"]
        if self.current is None:
            return card.y
        pins_bottom = lay["pins"][-1].bottom if lay["pins"] else 0
        paper = pal.panel if pal.high_contrast else (255, 248, 220)
        p.panel(surface, card, fill=paper)
        pygame.draw.circle(surface, pal.accent, (card.centerx, card.y + 14), 9)
        pygame.draw.circle(surface, pal.ink, (card.centerx, card.y + 14), 9, 2)
        p.text(
            surface,
            self._count_text(),
            (card.x + 40, lay["count_y"]),
            18,
            colour=pal.muted,
            width=card.w - 80,
            box=card,
        )
        text = self.ctx.pick(self.ctx.content.items[self.current].text)
        y = (
            lay["text_y"] + (lay["text_h"] - p.height(text, 32, card.w - 80, True)) // 2
        )  # centred in its space
        p.text(surface, text, (card.x + 40, y), 32, bold=True, width=card.w - 80, box=card)
        return max(lay["later"].bottom, pins_bottom)

    def _draw_pair(self, surface: pygame.Surface, pins_bottom: int) -> int:
        """The pair card's question (the activities are its buttons)."""
        lay = self.pair_layout()
        self.ctx.painter.text(
            surface, self.ctx.t("pair.title"), (40, lay["top"]), 28, bold=True, width=1200
        )
        return max(lay["later"].bottom, pins_bottom)

    def _pin(self, surface: pygame.Surface, rect: pygame.Rect, state: str) -> None:
        """One small note per card: a tick once answered, a dash if skipped, a thick frame
        on the card shown now (shape as well as colour)."""
        pal = self.ctx.palette
        fill = pal.panel if state != "current" or pal.high_contrast else (255, 248, 220)
        pygame.draw.rect(surface, fill, rect, border_radius=8)
        pygame.draw.rect(
            surface,
            pal.ink if state == "current" else pal.panel_edge,
            rect,
            4 if state == "current" else 2,
            border_radius=8,
        )
        centre = rect.center
        if state == "answered":
            art.icon(surface, "check", centre, 28, pal.ink)
        elif state == "skipped":
            pygame.draw.line(
                surface, pal.muted, (rect.x + 12, rect.centery), (rect.right - 12, rect.centery), 4
            )
        elif state == "current":
            pygame.draw.circle(surface, pal.accent, centre, 7)
