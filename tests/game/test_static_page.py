"""The hub and district draw their art once and blit it every frame (issue 9): the cached
frame has the same pixels as a fresh drawing, and the art is drawn again when what it
shows changes (hover, progress, text size). At 200 % text the hub keeps every district,
landmark and panel button."""

import pygame

from game.save import ChallengeRecord
from game.scenes.district import DistrictScene
from tests.helpers import make_app


def _hub_app(tmp_path):
    """A signed-in player with the hub menu on top (the menu the town falls back to)."""
    from game.scenes.hub import HubScene

    app = make_app(tmp_path)
    app.ctx.scenes.push(HubScene())
    app.pump([])
    return app


def _frame(app) -> bytes:
    app.draw()
    return pygame.image.tobytes(app.screen, "RGB")


def _fresh_frame(app) -> bytes:
    app.painter.recorder = []  # while recording, the page is drawn afresh
    try:
        return _frame(app)
    finally:
        app.painter.recorder = None


def test_hub_frame_from_the_cache_matches_a_fresh_drawing(tmp_path):
    app = _hub_app(tmp_path)
    hub = app.ctx.scenes.top
    first = _frame(app)
    page = hub.static._surface
    assert _frame(app) == first
    assert hub.static._surface is page, "second frame should reuse the drawn page"
    assert _fresh_frame(app) == first


def test_hub_page_is_drawn_again_on_hover_and_progress(tmp_path):
    app = _hub_app(tmp_path)
    hub = app.ctx.scenes.top
    still = _frame(app)
    spot = hub.ui.items[0]
    app.pump(
        [
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=spot.rect.center, rel=(0, 0), buttons=(0, 0, 0)
            )
        ]
    )
    lifted = _frame(app)
    assert lifted != still  # the hovered building lifts
    assert _fresh_frame(app) == lifted
    district = app.ctx.content.districts[0]
    app.ctx.player.challenges[district.challenges[0]] = ChallengeRecord(
        plays=1, best_score=0.9, last_score=0.9
    )
    hub.rebuild()
    played = _frame(app)
    assert played != lifted  # a star filled in, the progress line changed
    assert _fresh_frame(app) == played


def test_district_frame_from_the_cache_matches_and_follows_settings(tmp_path):
    app = _hub_app(tmp_path)
    district = app.ctx.content.districts[1]
    app.ctx.scenes.push(DistrictScene(district.id))
    app.pump([])
    first = _frame(app)
    assert _frame(app) == first
    assert _fresh_frame(app) == first
    app.ctx.settings.text_scale = 2.0
    app.apply_settings()
    app.pump([])
    assert _frame(app) != first
    assert _fresh_frame(app) == _frame(app)


def test_hub_at_200_percent_keeps_every_place_and_button(tmp_path):
    app = _hub_app(tmp_path)
    content = app.ctx.content
    labels_before = [item.label for item in app.ctx.scenes.top.ui.items]
    app.ctx.settings.text_scale = 2.0
    app.apply_settings()
    app.pump([])
    hub = app.ctx.scenes.top
    labels = [item.label for item in hub.ui.items]
    assert labels == labels_before  # same places and buttons, same focus order
    assert len(hub.lay.buildings) == len(content.districts) == 6
    assert len(hub.lay.landmarks) == len(content.landmarks) == 4
    assert hub.ui.max_scroll > 0  # the panel moved below the map: the page scrolls
    sign_out = hub.ui.items[-2]
    assert sign_out.label == app.ctx.t("hub.sign_out")
    hub.ui.ensure_visible(sign_out)
    assert hub.ui.in_view(sign_out)
