"""A person's speech bubble never covers the pupil's avatar: above the head as a rule,
below the feet when the avatar stands just above the person or the view's top would push
the bubble onto them (game/world/bubble_place.py, drawn by game/world/frame.py)."""

from __future__ import annotations

import pygame

from game.world import frame
from game.world.bubble_place import place_bubble
from tests.helpers import make_app

VIEW = pygame.Rect(0, 0, 1280, 600)
SIZE = (300, 60)


def _sprite(tile_x: int, tile_y: int) -> pygame.Rect:
    """A 32 x 48 sprite standing on a 32-pixel tile, as the town draws it."""
    return pygame.Rect(tile_x * 32, tile_y * 32 - 12, 32, 48)


def _place(person_tile, avatar_tile):
    person = _sprite(*person_tile)
    head = (person.centerx, person.top - 2)
    return person, place_bubble(SIZE, head, person, _sprite(*avatar_tile), VIEW, VIEW)


def test_the_bubble_sits_above_when_the_avatar_is_beside_or_below():
    for avatar in ((9, 10), (11, 10), (10, 11)):
        person, spot = _place((10, 10), avatar)
        assert not spot.below and spot.rect.bottom < person.top
        assert not spot.rect.colliderect(_sprite(*avatar))


def test_the_bubble_hangs_below_when_the_avatar_stands_just_above():
    person, spot = _place((10, 10), (10, 9))
    assert spot.below and spot.rect.top > person.bottom
    assert not spot.rect.colliderect(_sprite(10, 9)) and not spot.rect.colliderect(person)
    assert spot.tip == (person.centerx, person.bottom)


def test_at_the_top_of_the_view_the_bubble_goes_below_instead_of_onto_the_person():
    person, spot = _place((10, 1), (11, 1))
    assert spot.below and not spot.rect.colliderect(person)


def test_in_the_town_the_bubble_of_a_person_just_below_leaves_the_avatar_clear(
    tmp_path, monkeypatch
):
    app = make_app(tmp_path)
    scene = app.ctx.scenes.top
    grid = scene.town.grid
    person = next(p for p in scene.town.people if grid.free((p.tile[0], p.tile[1] - 1)))
    above = (person.tile[0], person.tile[1] - 1)
    scene.walker.pos = scene.walker.centre(above)
    scene.walker.facing = 0  # facing down, at the person
    spots = []
    real = frame.place_bubble
    monkeypatch.setattr(
        frame, "place_bubble", lambda *a, **kw: spots.append((a, real(*a, **kw))) or spots[-1][1]
    )
    for _ in range(30):  # let the camera settle on the avatar
        app.pump([], dt=1 / 60)
    args, spot = spots[-1]
    avatar = args[3]
    ox, oy = scene.view.offset()
    ax, ay = scene.walker.pos
    assert avatar.center == (int(ax) + ox, int(ay) + 8 - 24 + oy)  # the avatar as drawn
    assert spot.below and not spot.rect.colliderect(avatar)
