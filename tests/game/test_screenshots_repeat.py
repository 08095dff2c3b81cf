"""The screenshot tool draws the same pixels on every run (its clock moves only with the
shots), so comparing screenshots before and after a change is a real check: the town's
people gesture by the clock and the market stall's coin hops by it."""

from __future__ import annotations

import pygame

from game.screenshot import capture_all

#: shows the player's data folder, a fresh temporary folder on every run
NAMES_A_FOLDER = "my_data.png"


def pixels(folder) -> dict[str, bytes]:
    return {
        p.name: pygame.image.tobytes(pygame.image.load(str(p)), "RGB")
        for p in sorted(folder.glob("*.png"))
        if p.name != NAMES_A_FOLDER
    }


def test_two_runs_of_the_screenshot_tool_draw_the_same_pixels(tmp_path):
    capture_all(tmp_path / "one")
    capture_all(tmp_path / "two")
    one, two = pixels(tmp_path / "one"), pixels(tmp_path / "two")
    assert len(one) >= 100 and set(one) == set(two)
    assert {"town_person.png", "play_e_market_stall.png", "play_i_sick_dog.png"} <= set(one)
    different = [name for name in one if one[name] != two[name]]
    assert not different, f"drawn differently on a second run: {different}"
