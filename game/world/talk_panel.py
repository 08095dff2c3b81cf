"""The town's talk panel: what a person at work says (what they do, the answer to the
pupil's question, or that the pupil is watching) and the choices under it (Watch, Ask,
Walk on; Stop watching; Thanks), placed under the speech bubble above the buttons.

Functions of the town scene (``game.scenes.town``); the choices call its ``watch``,
``ask`` and ``walk_on``. Only :func:`build_talk` touches anything: the scene's UI.
"""

from __future__ import annotations

import pygame


def build_talk(scene, bh: int) -> None:
    p, t = scene.ctx.painter, scene.ctx.t
    if scene.talk_state == "menu":
        options = [
            (t("town.watch"), scene.watch),
            (t("town.ask"), scene.ask),
            (t("town.walk_on"), scene.walk_on),
        ]
    elif scene.talk_state == "watching":
        options = [(t("town.stop_watching"), scene.walk_on)]
    else:
        options = [(t("town.thanks"), scene.walk_on)]
    box = talk_box(scene)
    x = box.x + 20
    y = box.bottom - bh - 16
    first = None
    for label, action in options:
        bw = max(150, p.button_w(label, "@small"))
        if x + bw > box.right - 20:
            x, y = box.x + 20, y + bh + 10
        button = scene.ui.button(pygame.Rect(x, y, bw, bh), label, action, "@small")
        first = first or button
        x += bw + 12
    if first is not None:
        scene.ui.focus(first)


def talk_box(scene) -> pygame.Rect:
    """The panel under the speech bubble: what the person says and the choices."""
    p = scene.ctx.painter
    w, h = scene.ctx.size
    text = talk_text(scene)
    bh = max(48, p.button_h("@small"))
    rows = 1 if p.fonts.scale <= 1.3 else 2
    height = 24 + p.height(text, 18, 860) + 16 + rows * (bh + 10) + 10
    box = pygame.Rect(0, 0, 900, height)
    box.midbottom = (w // 2, getattr(scene, "hud_top", h - bh - 14) - 12)
    return box


def talk_text(scene) -> str:
    person = scene.talk
    if person is None:
        return ""
    job = scene.ctx.content.occupations[person.occupation].title
    if scene.talk_state == "answer":
        return f"“{scene.ctx.pick(person.question)}” — “{scene.ctx.pick(person.answer)}”"
    if scene.talk_state == "watching":
        return scene.ctx.t("town.watching", job=job)
    return f"“{scene.ctx.pick(person.does)}” ({job})"
