"""Pixels kept between frames (issue 9, frame time): the header bar, a scrolling page's
sky, the panels' shadow and the challenge boards' cached layers. Each cached frame must
show exactly the pixels a fresh drawing shows, and be drawn again when what it shows
changes."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from game import art
from tests.helpers import check_layer_through_a_round, frame, fresh_frame, make_app, start_challenge


# -- panels ---------------------------------------------------------------------------------
def _panel_whole_shadow(surface, rect, pal, radius) -> None:
    """``art.panel`` as it was: the shadow drawn whole, under the card."""
    pygame.draw.rect(
        surface, art.shade(pal.panel_edge, 0.85), rect.move(0, 5), border_radius=radius
    )
    pygame.draw.rect(surface, pal.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, pal.panel_edge, rect, width=2, border_radius=radius)


def test_panel_shadow_clipped_to_its_visible_rows_gives_the_same_pixels() -> None:
    rng = random.Random(5)
    pal = art.Palette.normal()
    for _ in range(600):
        w, h = rng.randint(1, 260), rng.randint(1, 160)
        radius = rng.choice([0, 2, 8, 12, 18, 30, h // 2, w // 2, rng.randint(0, 120)])
        rect = pygame.Rect(rng.randint(-20, 60), rng.randint(-20, 60), w, h)
        old, new = pygame.Surface((360, 260)), pygame.Surface((360, 260))
        old.fill((10, 200, 30))
        new.fill((10, 200, 30))
        if rng.random() < 0.3:
            clip = pygame.Rect(
                rng.randint(0, 100), rng.randint(0, 100), rng.randint(40, 260), rng.randint(40, 160)
            )
            old.set_clip(clip)
            new.set_clip(clip)
        _panel_whole_shadow(old, rect, pal, radius)
        art.panel(new, rect, pal, radius=radius)
        assert new.get_clip() == old.get_clip(), "the caller's clip is restored"
        assert pygame.image.tobytes(new, "RGB") == pygame.image.tobytes(old, "RGB"), (rect, radius)


# -- header and page sky ----------------------------------------------------------------------
def test_header_is_blitted_from_a_copy_with_the_same_pixels_and_follows_the_title(
    tmp_path: Path,
) -> None:
    from game.scenes.skills_board import SkillsBoardScene

    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(SkillsBoardScene())
    scene = ctx.scenes.top
    first = frame(app)
    cached = scene._header
    assert cached is not None and cached[1] is not None, "the header is kept after the first frame"
    assert frame(app) == first
    assert scene._header is cached, "the second frame reuses the kept header"
    assert fresh_frame(app) == first
    frame(app)
    ctx.i18n.set_language("es" if ctx.i18n.language != "es" else "en")  # a new title and Back label
    spanish = frame(app)
    assert spanish != first
    assert fresh_frame(app) == spanish
    app.shutdown()


def test_header_at_large_text_and_a_scrolled_page_match_a_fresh_drawing(tmp_path: Path) -> None:
    from game.scenes.skills_board import SkillsBoardScene

    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.settings.text_scale = 2.0
    app.apply_settings()
    ctx.scenes.push(SkillsBoardScene())
    scene = ctx.scenes.top
    assert scene.scrolls
    first = frame(app)
    assert scene._page_sky is not None, "the page's sky is kept after the first frame"
    assert frame(app) == first
    assert fresh_frame(app) == first
    assert scene.ui.max_scroll > 0, "at 200 % the skills board is taller than the window"
    scene.ui.set_scroll(scene.ui.max_scroll // 2)
    scrolled = frame(app)
    assert scrolled != first
    assert frame(app) == scrolled
    assert fresh_frame(app) == scrolled
    app.shutdown()


def test_a_page_drawn_clipped_to_the_part_shown_has_the_same_pixels_there(tmp_path: Path) -> None:
    from game.scenes.skills_board import SkillsBoardScene
    from game.scenes.title import TitleScene

    app = make_app(tmp_path)
    ctx = app.ctx
    for scale in (1.0, 2.0):
        ctx.settings.text_scale = scale
        app.apply_settings()
        for scene in (TitleScene(), SkillsBoardScene()):
            ctx.scenes.push(scene)
            scene.ui.set_scroll(scene.ui.max_scroll // 2)
            clips = []
            draw = scene.draw_content
            scene.draw_content = lambda surface, draw=draw, clips=clips: (
                clips.append(surface.get_clip()),
                draw(surface),
            )[1]
            frame(app)
            del scene.draw_content
            view = scene.ui.viewport
            shown = pygame.Rect(0, view.y + scene.ui.scroll, view.w, view.h)
            whole = pygame.Surface(scene._page.get_size(), 0, scene._page)
            art.sky(whole, ctx.palette, clouds=False)
            scene.draw_content(whole)  # no clip: everything, below the fold too
            assert clips == [shown], "the page is drawn clipped to the part shown"
            assert pygame.image.tobytes(
                scene._page.subsurface(shown), "RGB"
            ) == pygame.image.tobytes(whole.subsurface(shown), "RGB"), (type(scene).__name__, scale)
            assert scene._page.get_clip() == scene._page.get_rect(), (
                "the clip is lifted after drawing"
            )
            ctx.scenes.pop()
    app.shutdown()


# -- challenge boards -------------------------------------------------------------------------
BOARDS = ("design", "dialogue", "enterprise:deal", "enterprise:pitch", "enterprise:stall")


@pytest.mark.parametrize("mechanic", BOARDS)
def test_board_layer_shows_the_same_pixels_as_a_full_redraw(tmp_path: Path, mechanic: str) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    family, _, mode = mechanic.partition(":")
    ids = [
        c
        for c, ch in ctx.content.challenges.items()
        if ch.mechanic == family and (not mode or getattr(ch.params, "mode", None) == mode)
    ]
    assert ids, mechanic
    for cid, (scale, contrast) in zip(ids * 2, ((1.0, False), (2.0, True)), strict=False):
        ctx.settings.text_scale, ctx.settings.high_contrast = scale, contrast
        app.apply_settings()
        start_challenge(app, cid)
        check_layer_through_a_round(app, lambda app, mech: fresh_frame(app))
        ctx.scenes.pop()
    app.shutdown()


# -- screens whose art changes only with their page_key -------------------------------------
def _screens(ctx):
    from game.scenes.cafe import NetworkCafeScene
    from game.scenes.challenge_intro import ChallengeIntroScene
    from game.scenes.consent import ConsentScene
    from game.scenes.create_player import CreatePlayerScene
    from game.scenes.horizons import HorizonsScene
    from game.scenes.job_board import JobBoardScene
    from game.scenes.mentor import MentorScene
    from game.scenes.next_board import NextChallengeScene
    from game.scenes.reflection import ReflectionScene
    from game.scenes.title import TitleScene

    challenge = next(iter(ctx.content.challenges))
    district = ctx.content.districts[0].id
    return [
        TitleScene(),
        HorizonsScene(challenge),
        NextChallengeScene(district),
        CreatePlayerScene(),
        JobBoardScene(),
        ConsentScene(),
        ChallengeIntroScene(challenge),
        ReflectionScene(challenge),
        MentorScene(ctx.content.mentor_of(district).id),
        NetworkCafeScene(),
    ]


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_screens_with_a_page_key_blit_kept_art_with_the_same_pixels(
    tmp_path: Path, scale: float
) -> None:
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.settings.text_scale = scale
    app.apply_settings()
    for scene in _screens(ctx):
        ctx.scenes.push(scene)
        first = frame(app)
        kept = scene._kept
        assert kept is not None, f"{scene.name}: the art is kept after the first frame"
        calls = []
        draw = scene.draw_content
        scene.draw_content = lambda surface, draw=draw, calls=calls: (
            calls.append(1),
            draw(surface),
        )[1]
        assert frame(app) == first
        assert calls == [], f"{scene.name}: the second frame blits the kept art"
        del scene.draw_content
        assert fresh_frame(app) == first
        if scene.ui.max_scroll:
            scene.ui.set_scroll(scene.ui.max_scroll)
            bottom = frame(app)
            assert bottom != first
            assert fresh_frame(app) == bottom
        ctx.scenes.pop()
    app.shutdown()


def test_create_player_art_is_drawn_again_when_the_avatar_changes(tmp_path: Path) -> None:
    from game.scenes.create_player import CreatePlayerScene

    app = make_app(tmp_path, signed_in=False)
    ctx = app.ctx
    scene = CreatePlayerScene()
    ctx.scenes.push(scene)
    first = frame(app)
    tile, shape = next((item, shape) for item, shape in scene.shape_tiles if shape != scene.shape)
    tile.activate()
    changed = frame(app)
    assert scene.shape == shape and changed != first
    assert fresh_frame(app) == changed
    app.shutdown()


def test_title_draws_from_the_layout_made_in_build_without_reading_the_saves(
    tmp_path: Path,
) -> None:
    from game.scenes.title import TitleScene

    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(TitleScene())
    reads = []
    last = ctx.saves.last_player_code
    ctx.saves.last_player_code = lambda: (reads.append(1), last())[1]
    fresh_frame(app)
    assert reads == [], "drawing the title reads no files"
    ctx.scenes.top.rebuild()
    assert len(reads) == 1, "building it reads the last player once"
    app.shutdown()


def test_the_next_screen_reuses_the_page_surface_a_screen_let_go_of(tmp_path: Path) -> None:
    from game.scenes.skills_board import SkillsBoardScene

    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(SkillsBoardScene())
    frame(app)
    page = ctx.scenes.top._page
    assert page is not None
    ctx.scenes.pop()
    ctx.scenes.push(SkillsBoardScene())
    again = frame(app)
    assert ctx.scenes.top._page is page, "the 15 MB page is handed on, not allocated again"
    assert fresh_frame(app) == again
    app.shutdown()


def test_the_tune_plays_over_its_kept_board_with_the_same_pixels(tmp_path: Path) -> None:
    """While the tune plays, only the playhead moves: it is drawn over the board's kept layer
    (not drawn again at every beat), and every beat's frame equals a full redraw."""
    from zones.challenges.actions import Action

    app = make_app(tmp_path)
    cid = next(
        c
        for c, ch in app.ctx.content.challenges.items()
        if ch.mechanic == "design"
        and getattr(ch.params, "mode", None) == "tune"
        or (isinstance(ch.params, dict) and ch.params.get("mode") == "tune")
    )
    scene = start_challenge(app, cid)
    mech = scene.mechanic
    scene.perform(Action("cell", f"{mech.rules.items[0].id}:0"))
    scene.perform(Action("play"))
    assert mech.rules.playing
    frame(app)
    kept = mech.layer._pixels
    heads = set()
    for _ in range(8):
        scene.update(0.3)
        heads.add(mech.rules.playhead)
        assert frame(app) == fresh_frame(app)
        frame(app)
        assert mech.layer._pixels is kept, "the layer is not drawn again for a beat"
    assert len(heads) > 2, "the playhead moved"
    app.shutdown()
