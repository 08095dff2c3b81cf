"""A page of text has a plain sky: the two clouds are placed by the surface's height, so on
a page taller than the window they floated in the middle of the text, a white blob half
behind the cards (seen in a real window on 'Your player' and the odd-jobs board)."""

import pygame

from game import art
from game.scenes.create_player import CreatePlayerScene
from tests.helpers import make_app

WHITE = (255, 255, 255)


def white_pixels(surface: pygame.Surface, area: pygame.Rect) -> int:
    return sum(
        1
        for x in range(area.left, area.right, 2)
        for y in range(area.top, area.bottom, 2)
        if tuple(surface.get_at((x, y)))[:3] == WHITE
    )


def test_a_page_sky_has_no_clouds_and_a_window_sky_keeps_them():
    pal = art.Palette.normal()
    page = pygame.Surface((1280, 2400))
    art.sky(page, pal, clouds=False)
    assert white_pixels(page, page.get_rect()) == 0
    window = pygame.Surface((1280, 720))
    art.sky(window, pal)
    assert white_pixels(window, window.get_rect()) > 100  # the check can see a cloud


def test_the_player_page_shows_no_cloud_beside_its_card(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.ctx.scenes.push(CreatePlayerScene())
    app.pump([])
    # the strip left of the card, under the header, where the cloud's edge showed
    strip = pygame.Rect(120, 110, 70, 560)
    assert white_pixels(app.screen, strip) == 0
