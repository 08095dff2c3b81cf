"""The answers to an activity item card: five 1–5 buttons ("rate.item1" to "rate.item5",
keys 1 to 5) in a centred row, the small buttons below them (skip, explore), and the card's
text height that keeps them in place from card to card.

Called by the odd-jobs board and the research questionnaire (``item_card_rows`` from
``layout``), and by them, the quick question and the mentor (``add_item_answers`` from
``build``). Touches only the UI it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.widgets.reflow import centred_buttons


def tallest_item_text(ctx, item_ids: list[str], size: int, width: int) -> int:
    """The height of the tallest bold item text among ``item_ids`` at ``size`` and
    ``width`` (0 without items), so a card is as tall as its longest text."""
    return max(
        (
            ctx.painter.height(ctx.pick(ctx.content.items[c].text), size, width, True)
            for c in item_ids
        ),
        default=0,
    )


def item_card_rows(
    painter, t, y: int, more_labels: list[str]
) -> tuple[list[pygame.Rect], list[pygame.Rect]]:
    """The five answer buttons from ``y`` down, centred on the 1280-wide page, and the row
    of small buttons labelled ``more_labels`` below them."""
    answers = centred_buttons(
        painter,
        [t(f"rate.item{v}") for v in range(1, 6)],
        640,
        y,
        1200,
        min_w=180,
        min_h=58,
        gap=12,
    )
    more = centred_buttons(
        painter,
        more_labels,
        640,
        answers[-1].bottom + 22,
        1200,
        "@small",
        min_w=260,
        min_h=50,
    )
    return answers, more


def add_item_answers(ui, t, rects: list[pygame.Rect], on_answer: Callable[[int], None]) -> None:
    """Add the five answer buttons in ``rects``, each calling ``on_answer`` with its value,
    with the keys 1 to 5 as shortcuts."""
    ui.shortcuts(
        [
            ui.button(rect, t(f"rate.item{v}"), partial(on_answer, v))
            for v, rect in enumerate(rects, start=1)
        ],
        "12345",
    )
