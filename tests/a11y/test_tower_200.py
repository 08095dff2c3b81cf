"""The Horizons Tower at 200 % text: an opened job takes the list's place with its save
and close buttons in view, nothing overflows with a job open or the page scrolled, and
the search box (a pygame-gui element) moves with the page."""

import pygame
import pytest

from game.scenes.horizons_tower import ROWS, HorizonsTowerScene
from tests.a11y.overflow import overflow_problems
from tests.helpers import key, make_app


def tower_at(tmp_path, scale: float, language: str = "en"):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = scale, True, language
    app.apply_settings()
    app.ctx.scenes.push(HorizonsTowerScene())
    app.pump([])
    return app, app.ctx.scenes.top


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_opened_job_shows_its_buttons_and_nothing_overflows(tmp_path, language):
    app, tower = tower_at(tmp_path, 2.0, language)
    tower.ui.focus(tower.rows[3])
    app.pump([key(pygame.K_RETURN)])
    assert tower.open_code == tower.results[3].code
    assert tower.ui.focused is tower.save_button and tower.ui.in_view(tower.save_button)
    assert tower.close_button.element.visible and tower.ui.in_view(tower.close_button)
    assert not any(row.visible for row in tower.rows)  # the details replaced the list
    assert not overflow_problems(app)
    tower.ui.set_scroll(tower.ui.max_scroll)
    assert not overflow_problems(app)
    app.pump([key(pygame.K_ESCAPE)])  # closes the job, back on its row
    assert tower.open_code is None and tower.ui.focused is tower.rows[3]
    assert tower.ui.in_view(tower.rows[3])


def test_the_search_box_scrolls_with_the_page(tmp_path):
    app, tower = tower_at(tmp_path, 2.0)
    app.draw()
    top = tower.entry.get_relative_rect().y
    tower.ui.focus(tower.rows[ROWS - 1])  # far down the page
    app.draw()
    assert tower.ui.scroll > 0
    if tower.ui.in_view(tower.search_spot):
        assert tower.entry.get_relative_rect().y == top - tower.ui.scroll
    else:
        assert not tower.entry.visible
    assert not overflow_problems(app)
    tower.ui.focus(tower.search_spot)  # Tab back: the box is shown, in place
    app.draw()
    assert tower.ui.scroll == 0 and tower.entry.visible and tower.entry.get_relative_rect().y == top


def test_at_100_percent_the_page_fits_the_window_with_list_and_details_side_by_side(tmp_path):
    app, tower = tower_at(tmp_path, 1.0)
    tower.open_row(0)
    app.draw()
    assert tower.ui.max_scroll == 0
    assert all(row.visible for row in tower.rows)
    assert tower.save_button.rect.left > tower.rows[0].rect.right  # details beside the list
    assert not overflow_problems(app)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_long_titles_wrap_at_full_size_and_a_row_says_the_name_it_was_found_by(tmp_path, scale):
    from tests.a11y.overflow import recorded_draws

    app, tower = tower_at(tmp_path, scale)
    tower.set_query("english as a second language")
    long_title = (
        "Adult Basic Education, Adult Secondary Education, "
        "and English as a Second Language Instructors"
    )
    assert tower.results[0].title == long_title
    draws = [d for d in recorded_draws(app) if d.text == long_title]
    assert len(draws) == 1 and not draws[0].shrunk
    line = app.ctx.painter.line(16)
    assert draws[0].rect.h > 1.5 * line  # wrapped onto more lines, same size
    assert tower.rows[0].rect.h >= draws[0].rect.h
    assert not overflow_problems(app)
    tower.set_query("joiner")
    assert tower.rows[0].label == "Carpenters (joiner)"
    assert not overflow_problems(app)
