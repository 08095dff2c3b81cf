"""Shared fakes for mechanic unit tests: the play area, a challenge family's params from
the real content files, a kit whose UI only remembers what was registered (with the game's real
painter), and the steps every family's tests take: build a mechanic, let the bot play it,
validate broken params."""

from __future__ import annotations

import copy
import json
import random
import re

import pygame

from game import paths
from telemetry.words import languages

AREA = pygame.Rect(40, 134, 1200, 570)


def family_params(family: str) -> dict[str, dict]:
    """Challenge id → params for every shipped challenge of ``family``."""
    found = {}
    for path in sorted((paths.content_dir() / "challenges").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("mechanic") == family:
            found[data["id"]] = data["params"]
    return found


class Spot:
    """A registered hotspot or button."""

    def __init__(self, rect, label, on_press):
        self.rect, self.label, self.on_press = pygame.Rect(rect), label, on_press
        self.visible = self.enabled = True

    def set_enabled(self, enabled):
        self.enabled = enabled

    def set_text(self, text):
        self.label = text


class FakeUi:
    def __init__(self):
        self.items: list[Spot] = []

    def hotspot(self, rect, label, on_press):
        self.items.append(Spot(rect, label, on_press))
        return self.items[-1]

    def button(self, rect, label, on_press, style="@default"):
        return self.hotspot(rect, label, on_press)

    def focus(self, item):
        pass

    def shortcuts(self, items, keys):
        for item, char in zip(items, keys, strict=False):
            item.shortcut = char


def real_painter():
    """The game's painter at 100 % text (boards measure their text while they build)."""
    from game import art
    from game.fonts import FontBook
    from game.painter import Painter

    pygame.font.init()
    return Painter(FontBook(paths.assets_dir() / "fonts"), art.Palette.normal())


class FakeKit:
    """``t`` returns the key (plus ``k=v`` for each value when ``show_values``); ``pick``
    takes English and fills ``%{name}`` placeholders."""

    reduced_motion = True

    def __init__(self, show_values: bool = False):
        self.ui = FakeUi()
        self.show_values = show_values
        self.painter = real_painter()

    def pick(self, language_map, **values):
        text = language_map if isinstance(language_map, str) else language_map["en"]
        return re.sub(r"%\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)

    def t(self, key, **values):
        if not self.show_values:
            return key
        return key + "".join(f" {k}={v}" for k, v in sorted(values.items()))


def build_mechanic(mechanic_class, params: dict, difficulty: int, seed: int = 0, kit=None):
    """A mechanic of ``mechanic_class`` built in ``AREA`` with ``kit`` (a fresh ``FakeKit``
    when none) and ``random.Random(seed)``; called by a family's ``make``."""
    mech = mechanic_class(params, difficulty, kit or FakeKit(), random.Random(seed))
    mech.build(AREA)
    return mech


def bot_play(mech, skill: float, seed: int, limit: int) -> int:
    """Let the bot play ``mech`` through ``perform`` until it finishes or ``limit`` actions
    were taken, and return how many; each action must be one ``actions()`` offers."""
    rng = random.Random(seed)
    steps = 0
    while not mech.finished and steps < limit:
        action = mech.bot_action(rng, skill)
        assert action is not None and action in mech.actions()
        mech.perform(action)
        steps += 1
    return steps


def broken_params(mechanic_class, params: dict, mutate) -> list[str]:
    """``validate_params`` problems of a deep copy of ``params`` after ``mutate`` (which
    changes it in place); ``params`` itself is left alone."""
    params = copy.deepcopy(params)
    mutate(params)
    return mechanic_class.validate_params(params, languages())
