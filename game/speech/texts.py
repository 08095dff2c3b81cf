"""Where each screen keeps the words it shows, for reading aloud.

``live_texts(scene)`` are the texts that matter and change while the screen stays (a
card, a question, what a mentor or a person in the town says): read on entry and again
whenever one changes. Each reader takes them from the same source the scene draws them
from (its methods and content), so speech and screen never differ. ``intro(scene)`` is
the screen's title and purpose. ``screen_texts`` is every text drawn (the read-the-board
key on a screen without ``describe_board``). Called on the game thread, after a pump.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame


def _consent(s) -> list[str]:
    t = s.ctx.t
    return [t("consent.heading"), *(t(f"consent.point{i}") for i in range(1, 6))]


def _create(s) -> list[str]:
    t = s.ctx.t
    out = [t("create.your_code"), spell(s.code)]
    if s.existing is not None:
        out.append(t("create.teacher_code"))
    return [*out, t("create.write_it_down"), t("create.pick_avatar")]


def _job_board(s) -> list[str]:
    if s.current is None:
        return []
    return [s._count_text(), s.ctx.pick(s.ctx.content.items[s.current].text)]


def _quick_question(s) -> list[str]:
    return [s.ctx.t("quick.asks", name=s.ctx.pick(s.mentor.name)), s.ctx.pick(s.item.text)]


def _mentor(s) -> list[str]:
    out = [s.bubble_text()]
    if s.pending_item:
        out += [s.ctx.t("mentor.item_q"), s.ctx.pick(s.ctx.content.items[s.pending_item].text)]
    return out


def _town(s) -> list[str]:
    if getattr(s, "town", None) is None:
        return []
    from game.world.frame import place_text, reach_texts

    if s.talk is not None:
        return [place_text(s), s.talk_text()]
    help_line = [] if s.helped else [s.ctx.t("town.help")]
    return [place_text(s), *help_line, *reach_texts(s)]


def _district(s) -> list[str]:
    return [s.ctx.pick(s.district.tagline), s.ctx.t("district.pick_one")]


def _intro(s) -> list[str]:
    t, pick = s.ctx.t, s.ctx.pick
    return [
        pick(s.challenge.intro),
        t("challenge.goal", goal=pick(s.challenge.goal)),
        t("challenge.expect_question"),
    ]


def _reflection(s) -> list[str]:
    t = s.ctx.t
    return [
        t("reflect.enjoy_q", title=s.ctx.pick(s.challenge.title)),
        t("reflect.could_q"),
        t("reflect.skills_q"),
    ]


def _play(s) -> list[str]:
    if s.card_showing:
        return list(s.describe_board())
    return [s.goal_text()]


READERS: dict[str, Callable[[object], list[str]]] = {
    "consent": _consent,
    "create_player": _create,
    "job_board": _job_board,
    "quick_question": _quick_question,
    "mentor": _mentor,
    "hub": _town,
    "district": _district,
    "challenge_intro": _intro,
    "reflection": _reflection,
    "challenge_play": _play,
}


def board_lines(scene) -> list[str]:
    """A challenge board's state as its mechanic describes it (``describe() -> list[str]``),
    [] on other screens, on a level or result card, or for a mechanic without it."""
    mechanic = getattr(scene, "mechanic", None)
    describe = getattr(mechanic, "describe", None)
    if not callable(describe) or getattr(scene, "card_showing", False):
        return []
    return [line for line in describe() if line and line.strip()]


def spell(code: str) -> str:
    """A player code letter by letter, so it can be written down by ear."""
    return " ".join(ch for ch in code if not ch.isspace())


def live_texts(scene) -> list[str]:
    """The scene's changing texts (see the module); [] for a screen without a reader."""
    reader = READERS.get(getattr(scene, "name", ""))
    if reader is None or not getattr(scene, "entered", False):
        return []
    return [text for text in reader(scene) if text and text.strip()]


def title_of(scene, ctx) -> str:
    """The words of the screen's header, or the game's name on a screen without one."""
    title = ""
    header = getattr(scene, "header_title", None)
    if callable(header):
        title = header()
    elif getattr(scene, "title_key", ""):
        title = ctx.t(scene.title_key)
    return title or ctx.t("game.title")


def intro(scene, ctx) -> list[str]:
    """Title and purpose (``speech.purpose.<scene name>`` when the locale has one)."""
    key = f"speech.purpose.{getattr(scene, 'name', '')}"
    purpose = ctx.t(key)
    return [title_of(scene, ctx), *([purpose] if purpose != key else [])]


def screen_texts(scene, ctx) -> list[str]:
    """Every text the top screen draws now, in drawing order (the painter's recorder on a
    scratch surface), then its buttons' labels; each once."""
    painter = ctx.painter
    held, painter.recorder = painter.recorder, []
    try:
        scene.draw(pygame.Surface(ctx.size))
        drawn = [d.text for d in painter.recorder]
    finally:
        painter.recorder = held
    ui = getattr(scene, "ui", None)
    labels = [item.label for item in getattr(ui, "items", []) if item.visible and item.label]
    out: list[str] = []
    for text in [*drawn, *labels]:
        if text.strip() and text not in out:
            out.append(text)
    return out
