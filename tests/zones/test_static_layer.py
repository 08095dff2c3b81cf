"""Mechanics that keep their unchanging art in a cached layer (``StaticLayer``) show
exactly the pixels they would show drawing everything every frame, in every state a
played round passes through, at normal and at 200 % text in high contrast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_layer_through_a_round, frame, make_app, start_challenge

#: (mechanic, challenge) pairs: one of each cached drawing
CACHED = ("assemble", "investigate", "c_library_sort", "c_delivery_vans", "c_club_accounts")


def full_redraw(app, mech) -> bytes:
    """A frame with everything drawn afresh (the painter recording texts) in the original
    order (clocks inline)."""
    app.painter.recorder = []
    if hasattr(mech, "draw_layered"):
        mech.draw_layered = lambda surface, area, state, paint: paint()
    try:
        return frame(app)
    finally:
        app.painter.recorder = None
        mech.__dict__.pop("draw_layered", None)


@pytest.mark.parametrize("mechanic", CACHED)
def test_cached_layer_shows_the_same_pixels_as_a_full_redraw(tmp_path: Path, mechanic: str) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    cid = (
        mechanic
        if mechanic in ctx.content.challenges
        else next(c for c, ch in ctx.content.challenges.items() if ch.mechanic == mechanic)
    )
    for scale, contrast in ((1.0, False), (2.0, True)):
        ctx.settings.text_scale, ctx.settings.high_contrast = scale, contrast
        app.apply_settings()
        start_challenge(app, cid)
        check_layer_through_a_round(app, full_redraw)
        ctx.scenes.pop()
    app.shutdown()


@pytest.mark.parametrize("cid", ["i_sales_mystery", "c_club_accounts", "r_shelf"])
def test_cached_layer_on_a_scrolled_board_shows_the_same_pixels(tmp_path: Path, cid: str) -> None:
    """At 200 % the board scrolls: scrolled, the cached layer (which blits only the rows
    shown) gives the pixels of a full redraw, and scrolling back repaints them."""
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.settings.text_scale, ctx.settings.high_contrast = 2.0, True
    app.apply_settings()
    scene = start_challenge(app, cid)
    ui = scene.ui
    for y in (ui.max_scroll // 2, ui.max_scroll, 0):
        ui.set_scroll(y)
        first, again = frame(app), frame(app)
        ctx.painter.recorder = []
        full = frame(app)
        ctx.painter.recorder = None
        assert first == again == full, f"scrolled to {y}"
    assert ui.max_scroll > 0
    app.shutdown()
