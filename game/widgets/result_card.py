"""The cards of a challenge being played: the level card between levels (the level's
score, what comes next) and the result card at the end (stars, the score, the personal
best, what a real worker does next, the extra-shift offer), laid out as tall as their
text and centred below the header, buttons side by side or stacked.

Functions of the play scene (``game.scenes.challenge_play``): they read its results and
challenge and draw on the surface given; the scene makes the buttons from
:func:`end_card`.
"""

from __future__ import annotations

import pygame

from game import art
from game.stars import stars_for
from game.ui_scene import HEADER_H


def card_texts(scene) -> tuple[str, list[tuple[str, int, bool]], list[tuple[str, str]]]:
    """What the card showing now says: its heading, its lines (text, size, muted) and
    its buttons (label, style). The level card between levels, else the result card."""
    t = scene.ctx.t
    if not scene.reported:
        result = scene.level_results[-1]
        nxt = scene.plan[scene.level_index + 1]
        head = t("challenge.level_done", n=scene.level_index + 1)
        lines = [
            (score_line(scene, result, scene.mechanic.elapsed), 20, False),
            (
                t(
                    "challenge.next_up",
                    title=scene.ctx.pick(nxt.title),
                    brief=scene.ctx.pick(nxt.brief),
                ),
                18,
                False,
            ),
        ]
        return (
            head,
            lines,
            [(t("challenge.next_level"), "@primary"), (t("challenge.stop_here"), "@default")],
        )
    result = scene.result
    head = t("challenge.well_done" if result.success else "challenge.good_try")
    lines = [(score_line(scene, result, scene.level_seconds), 20, False)]
    best = best_line(scene)
    if best:
        lines.append((best, 18, False))
    if scene.challenge.next_step:
        lines.append((scene.ctx.pick(scene.challenge.next_step), 17, False))
    buttons = [(t("challenge.continue"), "@primary")]
    if not scene.extra_round:
        lines.append((t("challenge.extra_offer"), 17, True))
        buttons.append((t("challenge.extra_round"), "@default"))
    return head, lines, buttons


def best_line(scene) -> str:
    """'New personal best!' or the best so far, for a challenge played before."""
    if scene.best_before is None:
        return ""
    if scene.result.score > scene.best_before:
        return scene.ctx.t("challenge.best_new")
    return scene.ctx.t("challenge.best_line", best=round(scene.best_before * 100))


def end_card(scene) -> dict:
    """The card showing now (as tall as its text, centred below the header): the y of
    its heading, stars and each line, and its buttons (side by side, or stacked when
    they do not fit)."""
    p = scene.ctx.painter
    head, lines, labels = card_texts(scene)
    card = pygame.Rect(0, 0, min(1100, int(720 + 380 * (p.fonts.scale - 1))), 0)
    card.centerx = 640
    inner = card.w - 60
    stars_y = max(100, 30 + p.height(head, 34, inner, True) + 44)
    y = stars_y + 50
    placed = []
    for text, size, muted in lines:
        placed.append((text, size, muted, y))
        y += p.height(text, size, inner) + 14
    y += 12
    buttons = [
        pygame.Rect(
            0, y, min(inner, max(260, p.button_w(label, style))), max(60, p.button_h(style))
        )
        for label, style in labels
    ]
    if sum(b.w for b in buttons) + 20 * (len(buttons) - 1) <= inner:
        x = card.centerx - (sum(b.w for b in buttons) + 20 * (len(buttons) - 1)) // 2
        for b in buttons:
            b.x, x = x, x + b.w + 20
    else:
        for i, b in enumerate(buttons):
            b.centerx = card.centerx
            if i:
                b.y = buttons[i - 1].bottom + 16
    card.h = buttons[-1].bottom + 30
    card.y = max(HEADER_H + 8, 400 - card.h // 2)
    for b in buttons:
        b.y += card.y
    return {
        "card": card,
        "head": head,
        "stars_y": card.y + stars_y,
        "lines": [(text, size, muted, card.y + ly) for text, size, muted, ly in placed],
        "buttons": buttons,
        "labels": labels,
    }


def score_line(scene, result=None, seconds: float | None = None) -> str:
    result = result if result is not None else getattr(scene, "result", None)
    if result is None:
        return ""
    seconds = scene.level_seconds if seconds is None else seconds
    return scene.ctx.t(
        "challenge.score_line",
        score=round(result.score * 100),
        accuracy=round(result.accuracy * 100),
        seconds=int(seconds),
    )


def draw_card(scene, surface: pygame.Surface) -> None:
    p = scene.ctx.painter
    pal = scene.ctx.palette
    lay = end_card(scene)
    card = lay["card"]
    p.panel(surface, card)
    r = scene.result if scene.reported else scene.level_results[-1]
    p.text(
        surface,
        lay["head"],
        (card.centerx, card.y + 30),
        34,
        bold=True,
        align="center",
        width=card.w - 60,
        box=card,
    )
    stars = stars_for(r.score, r.success)
    for k in range(3):
        art.shape(
            surface,
            "star",
            (card.centerx + (k - 1) * 80, lay["stars_y"]),
            32,
            pal.focus if k < stars else pal.panel_edge,
            outline=pal.ink,
        )
    for text, size, muted, y in lay["lines"]:
        p.text(
            surface,
            text,
            (card.centerx, y),
            size,
            colour=pal.muted if muted else None,
            align="center",
            width=card.w - 60,
            box=card,
        )
