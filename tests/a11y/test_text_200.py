"""Each main screen at 200 % text in high contrast (and in Spanish, whose words are
longer): no text leaves its box or the window, no two texts overlap, every button's
label fits inside the button."""

import pytest

from tests.a11y.overflow import overflow_problems
from tests.a11y.screens import MAIN_SCREENS, open_screen
from tests.helpers import make_app


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", MAIN_SCREENS)
def test_main_screen_at_200_percent_has_no_overflow(tmp_path, name, language):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    open_screen(app, name)
    assert app.ctx.scenes.top.name == {"cafe": "network_cafe", "mirror": "mirror_pavilion"}.get(
        name, name
    )
    problems = overflow_problems(app)
    assert not problems, f"{name} ({language}):\n" + "\n".join(problems)
