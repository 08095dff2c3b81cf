"""Boards built with real texts at a chosen text size, a check that every text they
draw stays in its box and apart from the others (the 200 % rules of tests/a11y, for a
mechanic built alone with each level's params), run through a bot's round, and a bot
that plays a board through its controls."""

from __future__ import annotations

import random
import re

import pygame

from game import paths
from telemetry.words import load_locale_files
from tests.zones.kit import AREA, FakeKit, FakeUi

SLACK = 2


class PageUi(FakeUi):
    """A focus layer whose page does not scroll (screen rects are page rects)."""

    scroll = 0
    viewport = None

    def screen_rect(self, item):
        return item.rect

    def in_view(self, item):
        return True


class TextKit(FakeKit):
    """A kit with the real locale texts in ``language`` and fonts at ``scale``."""

    tables = None

    def __init__(self, language: str = "en", scale: float = 1.0):
        super().__init__()
        self.ui = PageUi()
        self.language = language
        self.painter.fonts.configure(self.painter.fonts.family, scale)
        if TextKit.tables is None:
            TextKit.tables = load_locale_files(paths.assets_dir() / "locale")

    def pick(self, language_map, **values):
        return language_map if isinstance(language_map, str) else language_map[self.language]

    def t(self, key, **values):
        text = self.tables[self.language].get(key, key)
        return re.sub(r"%\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


def text_problems(mech, surface: pygame.Surface) -> list[str]:
    """Texts out of their box, shrunk at large text or overlapping; controls overlapping."""
    painter = mech.kit.painter
    painter.recorder = []
    try:
        surface.fill((0, 0, 0))
        mech.draw(surface, AREA)
        draws = list(painter.recorder)
    finally:
        painter.recorder = None
    problems = []
    for d in draws:
        box = d.box
        if (
            d.rect.left < box.left - SLACK
            or d.rect.right > box.right + SLACK
            or (box.h > 0 and (d.rect.top < box.top - SLACK or d.rect.bottom > box.bottom + SLACK))
        ):
            problems.append(f"{d.text!r} {tuple(d.rect)} leaves its box {tuple(box)}")
        if d.shrunk and mech.kit.painter.fonts.scale > 1:
            problems.append(f"{d.text!r} drawn smaller than the chosen size")
    rects = [(d.rect.inflate(-2 * SLACK, -2 * SLACK), d.text) for d in draws]
    for i, (a, ta) in enumerate(rects):
        problems += [f"{ta!r} overlaps {tb!r}" for b, tb in rects[i + 1 :] if a.colliderect(b)]
    buttons = [i for i in mech.kit.ui.items if i.visible]
    for i, a in enumerate(buttons):
        problems += [
            f"control {a.label!r} overlaps {b.label!r}"
            for b in buttons[i + 1 :]
            if a.rect.colliderect(b.rect)
        ]
    return problems


def check_text_through_a_round(mech, where: str, *, steps: int, seed: int, dt: float) -> None:
    """Called by a board test on a freshly built ``mech``: at 100 % text the board ends in
    the play area; then before each of up to ``steps`` bot actions (``random.Random(seed)``,
    skill 0.7, each followed by ``update(dt)``) and once the board has finished,
    :func:`text_problems` finds nothing. ``where`` (level, language, size) heads a failure."""
    if mech.kit.painter.fonts.scale == 1.0:
        assert mech.bottom <= AREA.bottom + 2, f"{where}: the board leaves the play area at 100 %"
    surface = pygame.Surface((1280, max(720, mech.bottom + 40)))
    rng = random.Random(seed)
    for step in range(steps):
        problems = text_problems(mech, surface)
        assert not problems, f"{where}, step {step}:\n" + "\n".join(problems[:8])
        if mech.finished:
            break
        mech.perform(mech.bot_action(rng, 0.7))
        mech.update(dt)


def press_bot_controls(mech, where: str, *, skill: float, limit: int, other=None) -> None:
    """Let the bot (``random.Random(1)``, ``skill``) play ``mech`` through its controls, up
    to ``limit`` actions: each action's control (visible, enabled, labelled
    ``mech.label_for(action)``) must exist and is pressed as Enter on it would, unless
    ``other(mech, action)`` handled the action itself and returned True. The board must
    finish."""
    rng = random.Random(1)
    for _ in range(limit):
        if mech.finished:
            break
        action = mech.bot_action(rng, skill)
        if other is not None and other(mech, action):
            continue
        label = mech.label_for(action)
        items = [i for i in mech.kit.ui.items if i.label == label and i.enabled and i.visible]
        assert items, f"{where}: no control for {action} (label {label!r})"
        items[0].on_press()  # what Enter on the focused control does
    assert mech.finished, f"{where}: not finished through the controls"
