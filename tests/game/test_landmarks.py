"""The four landmark screens and the career passport, driven through the real game with
posted key events: they open from the hub, draw, reach their controls by keyboard, and
record what they should. Counts come from the content, never hard-coded."""

import random

import pygame

from game.occupation_search import filter_occupations
from game.scenes.cafe import NetworkCafeScene
from game.scenes.horizons_tower import ROWS, HorizonsTowerScene
from game.scenes.mirror import MirrorScene
from game.scenes.my_data import MyDataScene
from game.scenes.passport import NEXT_STEPS, PassportScene
from game.scenes.skills_board import SkillsBoardScene
from game.scenes.title import TitleScene
from game.scenes.town import TownScene
from telemetry.xapi.decode import decode
from tests.helpers import (
    TEST_CODE,
    at_reading_pace,
    focus_label,
    make_app,
    press,
    start_challenge,
    walk_and_enter,
)

THEME_SCENES = {
    "self": MirrorScene,
    "strengths": SkillsBoardScene,
    "horizons": HorizonsTowerScene,
    "networks": NetworkCafeScene,
}


def recorded(app, verb=None, activity=None):
    out = [decode(s) for s in app.ctx.recorder.statements()]
    return [
        s
        for s in out
        if (verb is None or s.verb == verb) and (activity is None or s.activity == activity)
    ]


def play_one(app, challenge_id: str) -> None:
    """Play a challenge to the end with its bot, as game/screenshot.py does, then back to town."""
    play = start_challenge(app, challenge_id)
    rng = random.Random(4)
    for _ in range(400 * len(app.ctx.content.challenges[challenge_id].plan())):
        if play.reported:
            break
        if play.card_showing:  # a level card: on to the next level
            play.next_level()
            continue
        action = play.mechanic.bot_action(rng, 0.8)
        if action is None:
            break
        play.perform(action)
    play.to_reflection()
    reflection = app.ctx.scenes.top
    reflection.rate(5)
    reflection.could("yes")
    reflection.done()
    app.ctx.scenes.top.to_town()
    while not isinstance(app.ctx.scenes.top, TownScene):
        app.ctx.scenes.pop()
    app.pump([])


def test_each_landmark_and_the_passport_open_from_the_hub_by_keyboard(tmp_path):
    app = make_app(tmp_path)
    first = next(iter(app.ctx.content.challenges))
    play_one(app, first)
    for landmark in app.ctx.content.landmarks:
        walk_and_enter(app, "landmark", landmark.id)  # arrow keys to its door
        scene = app.ctx.scenes.top
        assert isinstance(scene, THEME_SCENES[landmark.theme]), landmark.id
        app.draw()
        reachable = [i for i in scene.ui.items if i.enabled and i.visible]
        for _ in range(len(reachable) + 1):  # Tab visits every control and wraps
            press(app, pygame.K_TAB)
        assert scene.ui.focused in reachable
        scene.back() if isinstance(scene, HorizonsTowerScene) else press(app, pygame.K_ESCAPE)
        assert isinstance(app.ctx.scenes.top, TownScene)
        assert recorded(app, "accessed", f"landmark/{landmark.id}")
    focus_label(app, app.ctx.t("hub.passport"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.scenes.top, PassportScene)
    app.draw()


def test_mirror_shows_the_profile_and_what_it_is_based_on(tmp_path):
    app = make_app(tmp_path)
    at_reading_pace(app)
    challenges = [d.challenges[0] for d in app.ctx.content.districts[:2]]
    for cid in challenges:
        play_one(app, cid)
    app.ctx.scenes.push(MirrorScene())
    app.pump([])
    scene = app.ctx.scenes.top
    view = scene.view
    assert view.has_evidence
    assert view.counts["ratings"] == sum(1 for r in view.evidence.ratings if r.kind != "item") >= 2
    assert set(view.profile.code) <= set(view.letters) and len(view.profile.code) == 3
    for letter, (score, low, high) in view.scores().items():
        assert low <= score <= high, letter
    nickname = app.ctx.pick(
        next(d for d in app.ctx.content.districts if d.riasec == view.profile.code[0]).nickname
    )
    assert nickname in scene.headline()
    app.draw()
    focus_label(app, app.ctx.t("mirror.my_data"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.scenes.top, MyDataScene)
    assert any(TEST_CODE in line for line in app.ctx.scenes.top.sentences)
    app.draw()


def test_my_data_scrolls_and_erase_removes_the_players_folder(tmp_path):
    app = make_app(tmp_path)
    play_one(app, next(iter(app.ctx.content.challenges)))
    folder = app.ctx.saves.player_dir(TEST_CODE)
    assert folder.exists()
    app.ctx.scenes.push(MyDataScene())
    app.pump([])
    scene = app.ctx.scenes.top
    scene.sentences = scene.sentences * 20  # long enough to scroll
    press(app, pygame.K_PAGEDOWN)
    assert scene.scroll > 0
    focus_label(app, app.ctx.t("mydata.erase"))
    press(app, pygame.K_RETURN)
    assert scene.confirming and folder.exists()  # first step only asks
    assert scene.ui.focused.label == app.ctx.t("mydata.erase_no")
    press(app, pygame.K_ESCAPE)
    assert not scene.confirming and folder.exists()  # Esc cancels
    focus_label(app, app.ctx.t("mydata.erase"))
    press(app, pygame.K_RETURN)
    focus_label(app, app.ctx.t("mydata.erase_yes"))
    press(app, pygame.K_RETURN)
    assert not folder.exists()
    assert app.ctx.player is None and app.ctx.recorder is None
    assert isinstance(app.ctx.scenes.top, TitleScene)
    assert app.ctx.saves.last_player_code() is None
    assert app.ctx.notices[-1].startswith(f"All data of {TEST_CODE} was deleted from this computer")
    app.draw()


def test_skills_board_badges_show_levels_and_strengths(tmp_path):
    app = make_app(tmp_path)
    cid = next(iter(app.ctx.content.challenges))
    play_one(app, cid)
    app.ctx.scenes.push(SkillsBoardScene())
    app.pump([])
    scene = app.ctx.scenes.top
    assert set(scene.results) == set(app.ctx.content.competences)
    letter = app.ctx.content.riasec_of(cid)
    assert scene.strengths[letter].challenges == 1
    assert [
        i
        for i in scene.ui.items
        if i.label.startswith(app.ctx.pick(next(iter(app.ctx.content.competences.values())).name))
    ]
    press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN)
    assert scene.selected is not None
    app.draw()


def type_text(app, text: str) -> None:
    for ch in text:
        app.pump([pygame.event.Event(pygame.TEXTINPUT, text=ch)])


def test_tower_search_and_filters_match_the_data(tmp_path):
    app = make_app(tmp_path)
    occupations = list(app.ctx.content.occupations.values())
    walk_and_enter(
        app, "landmark", next(lm for lm in app.ctx.content.landmarks if lm.theme == "horizons").id
    )
    tower = app.ctx.scenes.top
    assert isinstance(tower, HorizonsTowerScene)
    assert len(tower.results) == len(occupations)
    type_text(app, "nurse")
    expected = {o.code for o in occupations if "nurse" in o.title.lower()}
    # every title with it is found ("Nursery" too, as a word's start), and more by their ESCO
    # names ("nurse assistant" for Nursing Assistants); the best match first
    found = [o.code for o in tower.results]
    assert expected and expected <= set(found) and len(found) > len(expected)
    assert "nurse" in tower.results[0].title.lower()
    assert not recorded(app, "selected", "menu/horizons_search")  # not per keystroke
    press(app, pygame.K_RETURN)  # finished typing
    searches = recorded(app, "selected", "menu/horizons_search")
    assert [(s.response, s.ext["results"]) for s in searches] == [(None, len(tower.results))]
    assert tower.ui.focused is tower.rows[0]

    type_letter = tower.results[0].holland[0]
    tower.set_query("")
    focus_label(app, type_letter)
    press(app, pygame.K_RETURN)
    want = [o for o in occupations if o.holland[0] == type_letter]
    assert len(tower.results) == len(want) and tower.letters == {type_letter}
    focus_label(app, app.ctx.t("tower.zone.2"))
    press(app, pygame.K_RETURN)
    want = [o for o in want if o.job_zone == 2]
    assert {o.code for o in tower.results} == {o.code for o in want}
    assert tower.results == filter_occupations(occupations, "", {type_letter}, {2})
    app.draw()


def test_tower_pages_by_keyboard_and_records_reading_and_saving(tmp_path):
    app = make_app(tmp_path)
    now = [100.0]
    app.ctx.clock = lambda: now[0]
    app.ctx.scenes.push(HorizonsTowerScene())
    app.pump([])
    tower = app.ctx.scenes.top
    tower.ui.focus(tower.rows[ROWS - 1])
    press(app, pygame.K_DOWN)  # past the last row: next page
    assert tower.page == 1 and tower.ui.focused is tower.rows[0]
    press(app, pygame.K_PAGEDOWN)
    assert tower.page == 2
    press(app, pygame.K_UP)  # above the first row: previous page
    assert tower.page == 1 and tower.ui.focused is tower.rows[ROWS - 1]
    press(app, pygame.K_RETURN)  # open the job
    occ = tower.results[ROWS + ROWS - 1]
    assert tower.open_code == occ.code
    now[0] += 42.0
    focus_label(app, app.ctx.t("horizons.save"))
    press(app, pygame.K_RETURN)
    assert occ.code in app.ctx.player.saved_occupations
    saved = app.ctx.saves.load(TEST_CODE)[0]
    assert occ.code in saved.saved_occupations
    used = recorded(app, "used", f"occupation/{occ.code}")
    assert len(used) == 1 and used[0].ext["action"] == "save"
    assert used[0].ext["riasec"] == occ.holland[0] and used[0].ext["competences"] == [
        "horizons_occupations"
    ]
    press(app, pygame.K_ESCAPE)  # closes the details, stays in the tower
    assert tower.open_code is None and app.ctx.scenes.top is tower
    reads = recorded(app, "accessed", f"occupation/{occ.code}")
    assert len(reads) == 1 and abs(reads[0].duration_s - 42.0) < 0.01
    assert reads[0].ext["riasec"] == occ.holland[0]
    app.draw()


def test_passport_next_step_is_recorded_and_kept(tmp_path):
    app = make_app(tmp_path)
    code = next(iter(app.ctx.content.occupations))
    app.ctx.player.saved_occupations.append(code)
    app.ctx.scenes.push(PassportScene())
    app.pump([])
    app.draw()
    step = NEXT_STEPS[1]
    focus_label(app, app.ctx.t(f"passport.step.{step}"))
    press(app, pygame.K_RETURN)
    chosen = recorded(app, "selected", "passport/next_step")
    assert [s.response for s in chosen] == [step]
    assert chosen[0].ext["competences"] == ["horizons_planning"]
    assert app.ctx.player.next_step == step
    assert app.ctx.saves.load(TEST_CODE)[0].next_step == step
    labels = [i.label for i in app.ctx.scenes.top.ui.items]
    assert f"✓ {app.ctx.t(f'passport.step.{step}')}" in labels
    app.draw()
