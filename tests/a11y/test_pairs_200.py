"""The "which would you rather do?" cards (odd-jobs board, mentor) and research mode's
questionnaire at 200 % text: nothing overflows (issue 17 items 3, 7)."""

from __future__ import annotations

import pytest

from game.scenes.job_board import JobBoardScene
from game.scenes.mentor import MentorScene
from game.scenes.questionnaire import QuestionnaireScene
from tests.a11y.overflow import overflow_problems
from tests.helpers import make_app


def _longest_pair(ctx) -> tuple[str, str]:
    items = sorted(ctx.content.items.values(), key=lambda i: -len(ctx.pick(i.text)))
    first = items[0]
    second = next(i for i in items if i.riasec != first.riasec)
    return first.id, second.id


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("where", ["board", "mentor", "questionnaire"])
def test_pair_and_questionnaire_cards_fit_at_200_percent(tmp_path, where, language):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    ctx = app.ctx
    if where == "board":
        scene = JobBoardScene()
        ctx.scenes.push(scene)
        app.pump([])
        scene.pending_pair = _longest_pair(ctx)
    elif where == "mentor":
        mentor = next(iter(ctx.content.mentors.values()))
        scene = MentorScene(mentor.id)
        ctx.scenes.push(scene)
        app.pump([])
        scene.pending_pair = _longest_pair(ctx)
    else:
        scene = QuestionnaireScene()
        ctx.scenes.push(scene)
        app.pump([])
        assert len(scene.cards) == 48
    scene.rebuild()
    app.pump([])
    problems = overflow_problems(app)
    assert not problems, f"{where} ({language}):\n" + "\n".join(problems)
    app.shutdown()
