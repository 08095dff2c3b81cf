"""Building a screen's UI again takes back its unchanged pygame-gui buttons instead of
making new ones (issue 9: a button costs about a millisecond to make): a rebuilt screen,
and the screen that comes after one that left (popped or replaced), reuse buttons of the
same manager, style, label and size; the reused buttons look and act like new ones, and
no spare outlives the change."""

from __future__ import annotations

from pathlib import Path

from game.scenes.skills_board import SkillsBoardScene
from game.ui import GuiButton
from tests.helpers import click, frame, make_app


def buttons(scene) -> list[GuiButton]:
    return [item for item in scene.ui.items if isinstance(item, GuiButton)]


def test_a_screen_resumed_after_a_pop_takes_the_popped_screens_matching_buttons(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(SkillsBoardScene())
    below = ctx.scenes.top
    look = frame(app)
    group = ctx.manager.get_sprite_group()
    sprites = len(group.sprites())
    ctx.scenes.push(SkillsBoardScene())
    above = {b.label: b.element for b in buttons(ctx.scenes.top)}
    frame(app)
    ctx.scenes.pop()
    assert ctx.scenes.top is below
    again = {b.label: b.element for b in buttons(below)}
    assert again.keys() == above.keys()
    assert all(again[k] is above[k] for k in again), "the popped screen's buttons, shown again"
    assert all(
        b.element.visible and b.element.is_enabled and b.element.alive() for b in buttons(below)
    )
    assert frame(app) == look
    assert len(group.sprites()) == sprites, "no spare button is left over"
    pressed = []
    target = buttons(below)[-1]
    target.on_press = lambda: pressed.append(target.label)
    app.pump(click(target.element.rect.center))
    assert pressed == [target.label], "a reused button calls its new action"
    app.shutdown()


def test_a_rebuild_reuses_unchanged_buttons_and_makes_the_changed_ones(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(SkillsBoardScene())
    scene = ctx.scenes.top
    frame(app)
    old = {b.element for b in buttons(scene)}
    scene.rebuild()
    assert {b.element for b in buttons(scene)} == old
    ctx.i18n.set_language("es" if ctx.i18n.language != "es" else "en")
    scene.rebuild()  # new labels: new buttons, the old ones killed
    new = {b.element for b in buttons(scene)}
    assert not new & old
    assert not any(e.alive() for e in old)
    app.shutdown()


def test_the_next_screen_takes_a_leaving_screens_button_and_spares_die_after_the_change(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(SkillsBoardScene())
    first = ctx.scenes.top
    back = next(b for b in buttons(first) if b.label == ctx.t("common.back"))
    elements = {b.element for b in buttons(first)}
    ctx.scenes.replace(SkillsBoardScene())
    second = ctx.scenes.top
    again = next(b for b in buttons(second) if b.label == ctx.t("common.back"))
    assert again.element is back.element, "the Back button is handed over"
    assert len(ctx.scenes.spare) == 0
    leftovers = elements - {b.element for b in buttons(second)}
    assert not any(e.alive() for e in leftovers)
    app.shutdown()


def test_after_a_theme_change_no_button_of_the_old_manager_is_reused(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    hub = ctx.scenes.top
    old = {b.element for b in buttons(hub)}
    ctx.settings.high_contrast = not ctx.settings.high_contrast
    app.apply_settings()
    assert all(b.element.ui_manager is ctx.manager for b in buttons(hub))
    assert not {b.element for b in buttons(hub)} & old
    assert not any(e.alive() for e in old)
    app.shutdown()
