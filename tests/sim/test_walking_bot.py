"""Simulated pupils walk the real map (issue 15 item 7): to reach a quarter's notice board
the bot clicks to walk along the collision layer, and on the way it may stop at someone at
work, whose bubble it reads before watching or walking on, as a pupil would."""

from __future__ import annotations

import contextlib

from game.sim.bot import Bot
from game.sim.pacing import BotResult, OutOfTime
from tests.helpers import make_app


def short(statement) -> tuple[str, str, str, str]:
    ext = {
        k.rsplit("/", 1)[-1]: v
        for k, v in (statement.get("result", {}).get("extensions") or {}).items()
    }
    return (
        statement["verb"]["id"].rsplit("/", 1)[-1],
        statement["object"]["id"].split("/activities/")[-1],
        str(ext.get("action", "")),
        str(ext.get("mode", "")),
    )


def test_a_bot_walks_to_the_board_and_meets_someone_on_the_way(tmp_path):
    app = make_app(tmp_path)
    hub = app.ctx.scenes.top
    bot = Bot([1.0, 0, 0, 0, 0, 0], seed=1, minutes=10)
    bot.app, app.ctx.clock = app, bot.clock
    bot.result = BotResult("", [0.0] * 6, 10)
    bot.habits.talk_to_person = 1.0
    start = hub.walker.tile
    assert bot.walk_to_board(hub, "workshop_yard")
    assert app.ctx.scenes.top.name in ("district", "quick_question")
    assert hub.walker.tile != start, "the avatar walked"
    assert bot.clock.now > 5.0, "walking takes time"
    seen = [short(s) for s in app.ctx.recorder.statements()]
    board = seen.index(("selected", "menu/town/board", "", "free"))
    assert ("accessed", "town/workshop_yard", "", "free") in seen[:board]
    met = [s for s in seen[:board] if s[1].startswith("person/")]
    assert (
        met[0][2] == "approach"
        and met[-1][2] in ("watch", "walk_on")
        and all(m[3] == "free" for m in met)
    )
    app.shutdown()


def test_without_walking_the_board_opens_directly(tmp_path):
    """The older benches' shortcut stays available (``Habits.walk_the_town = False``)."""
    app = make_app(tmp_path)
    bot = Bot([0.0] * 6, seed=2, minutes=10)
    bot.habits.walk_the_town = False
    bot.app, app.ctx.clock = app, bot.clock
    bot.result = BotResult("", [0.0] * 6, 10)
    with contextlib.suppress(OutOfTime):  # it goes on to play; the opening is what counts
        bot.hub_turn()
    seen = [short(s) for s in app.ctx.recorder.statements()]
    assert not any(s[1].startswith("person/") for s in seen)
    assert any(s[1] == "menu/town/board" for s in seen)
    app.shutdown()
