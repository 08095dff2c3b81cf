"""High contrast reaches the map (issue 15 item 2): the tiles turn a dark grey, so the
people, the avatar and every label stand out; switching back brings the colours back."""

from __future__ import annotations

from tests.helpers import make_app


def grey_share(app) -> float:
    """The share of sampled map pixels (below the header, away from the HUD) that are grey."""
    surface = app.screen
    w, h = surface.get_size()
    samples = [
        surface.get_at((x, y))[:3] for x in range(20, w - 20, 37) for y in range(120, h - 160, 29)
    ]
    return sum(1 for r, g, b in samples if max(r, g, b) - min(r, g, b) <= 6) / len(samples)


def test_the_map_goes_dark_grey_in_high_contrast_and_back(tmp_path):
    app = make_app(tmp_path)
    assert app.ctx.scenes.top.name == "hub"
    app.dirty = True
    app.pump([])
    colour = grey_share(app)
    app.ctx.settings.high_contrast = True
    app.apply_settings()
    app.dirty = True
    app.pump([])
    high = grey_share(app)
    dark = sum(sum(app.screen.get_at((x, 400))[:3]) for x in range(20, 1260, 40)) / 32 / 3
    app.ctx.settings.high_contrast = False
    app.apply_settings()
    app.dirty = True
    app.pump([])
    back = grey_share(app)
    assert colour < 0.5 < high, (colour, high)
    assert dark < 140, "the dimmed map is dark, so light labels read"
    assert abs(back - colour) < 0.05
    app.shutdown()
