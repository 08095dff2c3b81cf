"""The level runner of the challenge host (issue 16 items 1, 3, 4): a challenge plays its
tutorial, real job and twist one after another with a level card between them, the
difficulty follows the last level, the result card shows stars, personal best and what a
real worker does next, and the same extra shift is offered in every challenge.

The challenge's levels are laid over real content here (copies of its own params with one
key changed), so these tests do not depend on what the content authors wrote."""

from __future__ import annotations

import dataclasses
import random

import pygame

from game.scenes.challenge_play import next_difficulty
from game.stars import stars_for
from tests.helpers import make_app, press, start_challenge
from zones.content import Level

CID = "c_delivery_vans"


def with_levels(app, cid: str = CID) -> None:
    """Give ``cid`` three levels, an extra shift and a next-step line."""
    content = app.ctx.content
    chal = content.challenges[cid]
    words = lambda en: {"en": en, "es": en + " (es)"}  # noqa: E731
    levels = tuple(
        Level(kind, words(f"{kind} title"), words(f"{kind} brief"), chal.params)
        for kind in ("tutorial", "job", "twist")
    )
    shift = Level("extra", words("extra title"), words("extra brief"), chal.params)
    content.challenges[cid] = dataclasses.replace(
        chal,
        levels=levels,
        extra_shift=shift,
        next_step=words("A real planner now checks the drivers' hours."),
    )


def statements(app, kind: str | None = None) -> list[tuple[str, str, str]]:
    """(verb, activity type, activity path) of everything recorded, in order."""
    out = []
    for s in app.ctx.recorder.statements():
        verb = s["verb"]["id"].rsplit("/", 1)[-1]
        atype = s["object"]["definition"]["type"].rsplit("/", 1)[-1]
        path = (
            s["object"]["id"].split("/activities/", 1)[-1]
            if "/activities/" in s["object"]["id"]
            else s["object"]["id"]
        )
        if kind is None or atype == kind:
            out.append((verb, atype, path))
    return out


def finish_level(app, play, skill: float = 0.95, seed: int = 3) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        if play.mechanic.finished:
            break
        action = play.mechanic.bot_action(rng, skill)
        if action is None:
            play.update(0.5)
        else:
            play.perform(action)
    app.pump([])
    assert play.mechanic.finished


def test_three_levels_in_order_with_a_card_between_and_one_quest_completed(tmp_path):
    app = make_app(tmp_path)
    with_levels(app)
    play = start_challenge(app, CID)
    assert play.info_text().startswith("Level 1 of 3")
    assert "tutorial brief" in play.goal_text()
    for n in (1, 2, 3):
        finish_level(app, play, seed=n)
        assert play.card_showing
        if n < 3:
            assert not play.reported
            assert play.end_card()["head"] == f"Level {n} done!"
            assert play.ui.focused is play.continue_button
            press(app, pygame.K_RETURN)  # Next level, by keyboard
            assert not play.card_showing and play.level_index == n
    assert play.reported
    levels = [(v, p.rsplit("/", 1)[-1]) for v, t, p in statements(app, "level") if "/level/" in p]
    assert levels == [
        ("initialized", "1"),
        ("completed", "1"),
        ("initialized", "2"),
        ("completed", "2"),
        ("initialized", "3"),
        ("completed", "3"),
    ]
    quests = [v for v, t, p in statements(app, "quest") if v in ("initialized", "completed")]
    assert quests == ["initialized", "completed"], "the challenge itself starts and ends once"
    last = app.ctx.recorder.statements()[-1]
    assert last["verb"]["id"].endswith("/completed")
    assert last["result"]["score"]["scaled"] == play.result.score
    assert len(play.result.details["levels"]) == 3
    app.shutdown()


def test_the_result_card_shows_next_step_and_the_same_extra_shift_offer(tmp_path):
    app = make_app(tmp_path)
    with_levels(app)
    play = start_challenge(app, CID)
    for n in (1, 2, 3):
        finish_level(app, play, seed=n)
        if n < 3:
            play.next_level()
    texts = [line[0] for line in play.end_card()["lines"]]
    assert "A real planner now checks the drivers' hours." in texts
    assert app.ctx.t("challenge.extra_offer") in texts
    labels = [label for label, _ in play.end_card()["labels"]]
    assert labels == [app.ctx.t("challenge.continue"), app.ctx.t("challenge.extra_round")]
    play.play_extra()
    extra = app.ctx.scenes.top
    assert extra is not play and extra.extra_round
    assert extra.plan[0].kind == "extra" and "extra brief" in extra.goal_text()
    assert extra.difficulty == min(3, play.difficulty + 1), "the extra shift is harder"
    assert ("initialized", "level", f"challenge/{CID}/extra") in statements(app)
    app.shutdown()


def test_every_challenge_offers_the_extra_shift_with_the_same_words(tmp_path):
    """The offer is comparable across types: the same label and line for every challenge."""
    app = make_app(tmp_path)
    offers = set()
    for cid in sorted(app.ctx.content.challenges):
        play = start_challenge(app, cid)
        play.level_results = [
            r := type("R", (), {"score": 0.7, "success": True, "accuracy": 0.7, "details": {}})()
        ]
        play.result = r
        play.reported = True
        lay = play.end_card()
        offers.add((tuple(label for label, _ in lay["labels"]), lay["lines"][-1][0]))
        app.ctx.scenes.pop()
    assert offers == {
        (
            (app.ctx.t("challenge.continue"), app.ctx.t("challenge.extra_round")),
            app.ctx.t("challenge.extra_offer"),
        )
    }
    app.shutdown()


def test_stop_here_on_a_level_card_records_how_far_and_goes_to_the_reflection(tmp_path):
    app = make_app(tmp_path)
    with_levels(app)
    play = start_challenge(app, CID)
    finish_level(app, play)
    assert play.card_showing and not play.reported
    play.stop_now()
    assert app.ctx.scenes.top.name == "reflection"
    skipped = [
        s
        for s in app.ctx.recorder.statements()
        if s["verb"]["id"].endswith("/skipped") and s["object"]["id"].endswith(f"challenge/{CID}")
    ]
    assert len(skipped) == 1
    ext = {k.rsplit("/", 1)[-1]: v for k, v in skipped[0]["result"]["extensions"].items()}
    assert ext["progress"] == round(1 / 3, 3) and ext["levels"] == 1
    app.shutdown()


def test_difficulty_follows_the_last_level():
    assert next_difficulty(2, 0.95) == 3
    assert next_difficulty(3, 0.95) == 3
    assert next_difficulty(2, 0.3) == 1
    assert next_difficulty(1, 0.3) == 1
    assert next_difficulty(2, 0.6) == 2
    assert [stars_for(s, True) for s in (0.2, 0.6, 0.9)] == [1, 2, 3]
    assert stars_for(0.1, False) == 0


def test_a_strong_first_level_makes_the_second_harder(tmp_path):
    app = make_app(tmp_path)
    with_levels(app)
    play = start_challenge(app, CID, difficulty=1)
    finish_level(app, play, skill=1.0)
    assert play.level_results[0].score >= 0.85, "a perfect bot scores high on the tutorial"
    play.next_level()
    assert play.difficulty == 2 and play.mechanic.difficulty == 2
    app.shutdown()


def finish_all(app, play, skill: float, seed: int = 3) -> None:
    """Play every level of the challenge (the content's own, if it has them) to its end card."""
    while True:
        finish_level(app, play, skill=skill, seed=seed)
        if play.reported:
            return
        play.next_level()


def test_a_better_second_play_is_a_new_personal_best(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    finish_all(app, play, skill=0.2, seed=9)
    first = play.result.score
    assert play.best_line() == "", "nothing to compare with on a first play"
    play.to_reflection()
    play = start_challenge(app, CID)
    finish_all(app, play, skill=1.0)
    if play.result.score > first:
        assert play.best_line() == app.ctx.t("challenge.best_new")
    else:
        assert play.best_line() == app.ctx.t("challenge.best_line", best=round(first * 100))
    assert play.best_line() in [line[0] for line in play.end_card()["lines"]]
    app.shutdown()


def test_a_mechanic_cue_sounds_and_shows_a_word_not_only_a_colour(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    played = []
    play.sound.cue = played.append
    play.mechanic.emit("cue", name="success")
    play.update(0.0)
    assert played == ["success"]
    painter = app.ctx.painter
    painter.recorder = []
    app.pump([])
    drawn = [d.text for d in painter.recorder]
    painter.recorder = None
    assert app.ctx.t("challenge.cue_success") in drawn
    play.update(2.0)
    assert play.cue[1] == 0, "the sign goes after a moment"
    app.shutdown()


def test_the_level_card_shows_the_finished_levels_difficulty_not_the_next(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    played = app.ctx.t(f"difficulty.{play.mechanic.difficulty}")
    play.difficulty = 3 if play.mechanic.difficulty < 3 else 1  # what the next level will get
    assert play.info_text().endswith(played)
    app.shutdown()


def test_every_screen_plays_through_the_one_sound_maker(tmp_path):
    """The cue sounds are synthesised once a run: the town and each challenge use the
    context's one sound maker instead of making their own."""
    app = make_app(tmp_path)
    town = app.ctx.scenes.top
    assert app.ctx.sound is not None and town.sound is app.ctx.sound
    first = start_challenge(app, CID)
    assert first.sound is app.ctx.sound
    app.ctx.scenes.pop()
    other = next(c for c in app.ctx.content.challenges if c != CID)
    assert start_challenge(app, other).sound is app.ctx.sound
    app.shutdown()


def test_the_board_is_described_in_words_with_its_level_and_on_the_card(tmp_path):
    app = make_app(tmp_path)
    with_levels(app)
    play = start_challenge(app, CID)
    words = play.describe_board()
    assert words[0].startswith("Level 1 of 3") and "tutorial brief" in words[1]
    finish_level(app, play)
    words = play.describe_board()
    assert words[0] == "Level 1 done!" and app.ctx.t("challenge.next_level") in words
    app.shutdown()
