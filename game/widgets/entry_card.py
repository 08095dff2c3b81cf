"""The one-field sign-in card: a text field with its go button below, on a card with the
prompt above and, when the last try failed, the reason below it in red.

Called by the player-code and teacher sign-in screens, ``add_entry`` from ``build`` and
``draw_entry_card`` from ``draw_content``. Touches only the UI and the surface it is given.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

FIELD_RECT = (390, 300, 500, 64)
GO_RECT = (390, 400, 500, 60)
CARD_RECT = (340, 150, 600, 360)


def add_entry(ui, prompt: str, go_label: str, submit: Callable[[], None], **options):
    """Add the focused text field (``options`` as ``ui.field`` takes them; Enter submits)
    and its go button; returns the field's text element, to read the typed text from."""
    field = ui.field(FIELD_RECT, prompt, on_submit=submit, **options)
    ui.focus(field)
    ui.button(GO_RECT, go_label, submit, "@primary")
    return field.element


def draw_entry_card(ctx, surface: pygame.Surface, prompt: str, problem: str) -> None:
    """Draw the card behind the field, its prompt, and ``problem`` (if any) below it."""
    p = ctx.painter
    card = pygame.Rect(CARD_RECT)
    p.panel(surface, card)
    p.text(surface, prompt, (card.x + 50, card.y + 40), 22, width=card.w - 100)
    if problem:
        p.text(
            surface,
            problem,
            (card.x + 50, card.bottom + 20),
            19,
            colour=ctx.palette.bad,
            width=card.w - 100,
        )
