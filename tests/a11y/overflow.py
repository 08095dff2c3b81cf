"""Overflow check for a drawn screen: every text stays inside its box and the surface,
no two texts overlap, and every button's label fits its button.

Used by the 200 % text tests: turn on the painter's recorder, draw one frame of the real
app, and compare rects. Texts are grouped by the surface they were drawn on (a scrolling
page and the screen have their own coordinates); a button counts as a text on the page
if it scrolls with it, else on the screen.
"""

from __future__ import annotations

import pygame

from game.ui import GuiButton

SLACK = 2  # pixels of anti-aliasing and glyph padding allowed at an edge


def _outside(rect: pygame.Rect, box: pygame.Rect) -> bool:
    if rect.left < box.left - SLACK or rect.right > box.right + SLACK:
        return True
    return box.h > 0 and (rect.top < box.top - SLACK or rect.bottom > box.bottom + SLACK)


def button_problems(ui) -> tuple[list[str], list[tuple[pygame.Rect, str, bool]]]:
    """Labels wider or taller than their button; also each label's rect for overlaps."""
    problems, labels = [], []
    for item in ui.items:
        if not isinstance(item, GuiButton) or not item.visible or not item.element.visible:
            continue
        font = item.element.font
        w, h = font.size(item.label)
        if w > item.rect.w - 8 or font.get_rect(item.label).h > item.rect.h - 4:
            problems.append(f"button {item.label!r} ({w}x{h}) does not fit {tuple(item.rect)}")
        rect = pygame.Rect(0, 0, min(w, item.rect.w), min(h, item.rect.h))
        rect.center = item.rect.center
        labels.append((rect, f"[button] {item.label}", item.scrolls))
    return problems, labels


def recorded_draws(app) -> list:
    """Draw the app once with the painter's recorder on; every text drawn."""
    painter = app.painter
    painter.recorder = []
    try:
        app.draw()
        return list(painter.recorder)
    finally:
        painter.recorder = None


def overflow_problems(app, draws: list | None = None) -> list[str]:
    """Describe every overflow or overlap among ``draws`` (default: draw the app once
    with the recorder on) and the top scene's buttons."""
    if draws is None:
        draws = recorded_draws(app)
    screen = app.screen.get_size()
    top = app.ctx.scenes.top
    problems, buttons = button_problems(top.ui)
    groups: dict[tuple[int, int], list[tuple[pygame.Rect, str]]] = {}
    for d in draws:
        if _outside(d.rect, d.box):
            problems.append(f"{d.text!r} at {tuple(d.rect)} leaves its box {tuple(d.box)}")
        if d.rect.left < 0 or d.rect.right > d.surface_size[0] or d.rect.bottom > d.surface_size[1]:
            problems.append(f"{d.text!r} at {tuple(d.rect)} leaves the surface")
        groups.setdefault(d.surface_size, []).append((d.rect, d.text))
    page = next((size for size in groups if size != screen), screen)
    for rect, label, scrolls in buttons:
        groups.setdefault(page if scrolls else screen, []).append((rect, label))
    for rects in groups.values():
        shrunk = [(r.inflate(-2 * SLACK, -2 * SLACK), t) for r, t in rects]
        for i, (a, ta) in enumerate(shrunk):
            for b, tb in shrunk[i + 1 :]:
                if a.colliderect(b):
                    problems.append(f"{ta!r} {tuple(a)} overlaps {tb!r} {tuple(b)}")
    return problems


def board_problems(app) -> list[str]:
    """Overflows and overlaps on the whole screen, plus texts shrunk to fit on the page.
    Once the result card shows over the veiled board, only the card's texts count."""
    draws = recorded_draws(app)
    play = app.ctx.scenes.top
    if play.card_showing:
        card = play.end_card()["card"]
        draws = [d for d in draws if d.box == card]
        assert len(draws) >= 2, "the result card shows its texts"
    problems = overflow_problems(app, draws)
    screen = app.screen.get_size()
    problems += [
        f"{d.text!r} at {tuple(d.rect)} is drawn smaller than the chosen size"
        for d in draws
        if d.shrunk and d.surface_size != screen
    ]
    return problems
