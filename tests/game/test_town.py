"""The walkable town: the map and its checks, path-finding, keyboard-, mouse- and
gamepad-only walks into a challenge, closed quarters, and the statements a walk leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
import pytmx

from game import paths
from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.town import TownScene
from game.world.grid import Grid, find_path, reachable
from game.world.town import TownError, read_people, read_town
from telemetry.classroom.class_store import SessionSettings
from telemetry.profile.evidence import extract_evidence
from tests.helpers import at_reading_pace, make_app, walk_keys
from zones.loader import load_content

MAP = paths.assets_dir() / "maps" / "town.tmx"
PEOPLE = paths.assets_dir().parent / "zones" / "data" / "people.json"
STEP = 1 / 60


@pytest.fixture(scope="module")
def content():
    return load_content(paths.content_dir(), paths.assets_dir() / "data")


def _town(content, tmx_path=MAP, people=None):
    records = json.loads(PEOPLE.read_text(encoding="utf-8")) if people is None else people
    return read_town(
        pytmx.TiledMap(str(tmx_path)),
        content,
        read_people(records, content, str(PEOPLE)),
        str(tmx_path),
    )


# -- the map ------------------------------------------------------------------------------
def test_every_door_person_and_landmark_is_reachable_from_the_spawn(content):
    town = _town(content)
    assert {q.district for q in town.quarters} == {d.id for d in content.districts}
    assert {d.target for d in town.doors if d.kind == "challenge"} == set(content.challenges)
    assert {d.target for d in town.doors if d.kind == "landmark"} == {
        lm.id for lm in content.landmarks
    }
    for district in content.districts:
        assert sum(p.district == district.id for p in town.people) >= 3
    for person in town.people:
        assert person.occupation in content.occupations
    for thing in [d.tile for d in town.doors] + [p.tile for p in town.people]:
        path = find_path(town.grid, town.spawn, thing)
        assert path is not None, f"{thing} cannot be reached"
        assert (
            path[0] == town.spawn and abs(path[-1][0] - thing[0]) + abs(path[-1][1] - thing[1]) <= 1
        )


def test_a_door_naming_no_challenge_is_one_line_naming_the_file(content, tmp_path):
    text = MAP.read_text(encoding="utf-8").replace(
        'value="r_bike_repair"', 'value="r_bike_repairs"', 1
    )
    broken = tmp_path / "town.tmx"
    broken.write_text(text, encoding="utf-8")
    (tmp_path / "town_tiles.png").write_bytes((MAP.parent / "town_tiles.png").read_bytes())
    with pytest.raises(TownError) as err:
        _town(content, broken)
    message = str(err.value)
    assert "\n" not in message and str(broken) in message
    assert "challenge: 'r_bike_repairs' is not a challenge" in message


def test_a_quarter_naming_no_district_and_a_bad_person_are_refused(content, tmp_path):
    text = MAP.read_text(encoding="utf-8").replace(
        'name="district" value="city_office"/></properties></object>',
        'name="district" value="city_offices"/></properties></object>',
        1,
    )
    broken = tmp_path / "town.tmx"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(TownError, match="district: 'city_offices' is not a district"):
        _town(content, broken)
    people = json.loads(PEOPLE.read_text(encoding="utf-8"))
    people[0]["occupation"] = "99-9999.00"
    with pytest.raises(
        TownError, match=r"people.json: \[0\].occupation: '99-9999.00' is not in occupations.csv"
    ):
        _town(content, people=people)


def test_the_generator_draws_the_work_loops_the_engine_reads():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_town", MAP.parent / "make_town.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from game.world.town import ACTIONS

    assert module.ACTIONS == ACTIONS


# -- path-finding (pure) ------------------------------------------------------------------
def test_find_path_goes_round_a_wall_and_fails_when_shut_in():
    wall = {(2, y) for y in range(0, 4)}
    grid = Grid(5, 5, wall)
    path = find_path(grid, (0, 0), (4, 0))
    assert path[0] == (0, 0) and path[-1] == (4, 0)
    assert len(path) == 13 and not set(path) & wall  # down round the wall's end and back
    assert all(
        abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:], strict=False)
    )
    assert find_path(grid, (0, 0), (4, 0), extra={(2, 4)}) is None
    assert reachable(grid, (0, 0), extra={(2, 4)}) == {(x, y) for x in range(2) for y in range(5)}


def test_a_blocked_goal_is_reached_from_its_neighbour():
    grid = Grid(3, 1, {(2, 0)})
    assert find_path(grid, (0, 0), (2, 0)) == [(0, 0), (1, 0)]


# -- walking in the real game ---------------------------------------------------------------
def _town_app(tmp_path, **kw):
    app = make_app(tmp_path, **kw)
    scene = app.ctx.scenes.top
    assert isinstance(scene, TownScene) and scene.town is not None
    return app, scene


def _frames(app, n):
    for _ in range(n):
        app.pump([], dt=STEP)


def _keydown(k, kind=pygame.KEYDOWN):
    return pygame.event.Event(kind, key=k, mod=0, unicode="", scancode=0)


def test_keyboard_only_walk_through_a_door_opens_the_challenge(tmp_path):
    app, scene = _town_app(tmp_path)
    door = next(d for d in scene.town.doors if d.kind == "challenge")
    walk_keys(app, door.tile)
    for _ in range(10):
        if isinstance(app.ctx.scenes.top, ChallengeIntroScene):
            break
        app.pump([], dt=STEP)
    top = app.ctx.scenes.top
    assert isinstance(top, ChallengeIntroScene) and top.challenge_id == door.target
    chosen = [
        s for s in app.ctx.recorder.statements() if s["object"]["id"].endswith("menu/town/door")
    ]
    assert chosen and chosen[-1]["result"]["response"] == door.target
    app.shutdown()


def _screen_of(scene, tile):
    ox, oy = scene.view.offset()
    size = scene.town.tile_size
    return (tile[0] * size + size // 2 + ox, tile[1] * size + size // 2 + oy + 64)


def _on_screen(pos):
    return 0 <= pos[0] < 1280 and 120 <= pos[1] < 640


def test_mouse_only_walk_reaches_a_challenge(tmp_path):
    app, scene = _town_app(tmp_path)
    door = next(d for d in scene.town.doors if d.kind == "challenge" and d.target.startswith("i_"))
    for _ in range(12):  # click towards the door until it is on screen
        pos = _screen_of(scene, door.tile)
        if _on_screen(pos):
            break
        path = find_path(scene.town.grid, scene.walker.tile, door.tile)
        via = next(t for t in reversed(path) if _on_screen(_screen_of(scene, t)))
        app.pump(
            [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=_screen_of(scene, via))],
            dt=STEP,
        )
        _frames(app, 240)
    app.pump(
        [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=_screen_of(scene, door.tile))],
        dt=STEP,
    )
    for _ in range(600):
        if app.ctx.scenes.top is not scene:
            break
        app.pump([], dt=STEP)
    top = app.ctx.scenes.top
    assert isinstance(top, ChallengeIntroScene) and top.challenge_id == door.target
    app.shutdown()


def test_gamepad_walks_and_button_a_talks(tmp_path):
    app, scene = _town_app(tmp_path)
    person = scene.town.people[0]
    path = find_path(scene.town.grid, scene.walker.tile, person.tile)
    scene.walker.pos = scene.walker.centre(path[-2])  # two tiles away, then the pad
    step = (path[-1][0] - path[-2][0], path[-1][1] - path[-2][1])
    app.pump(
        [
            pygame.event.Event(
                pygame.JOYHATMOTION, joy=0, instance_id=0, hat=0, value=(step[0], -step[1])
            )
        ],
        dt=STEP,
    )
    _frames(app, 20)
    app.pump(
        [pygame.event.Event(pygame.JOYHATMOTION, joy=0, instance_id=0, hat=0, value=(0, 0))],
        dt=STEP,
    )
    app.pump([pygame.event.Event(pygame.JOYBUTTONDOWN, joy=0, instance_id=0, button=0)], dt=STEP)
    assert scene.talk is not None


# -- closed quarters --------------------------------------------------------------------------
def _class_app(tmp_path, open_districts):
    from game.app import App
    from game.flow import sign_in
    from game.save import PlayerSave
    from tests.classroom.conftest import simulated_class

    info = simulated_class(
        tmp_path, 1, 0, settings=SessionSettings(minutes=None, districts=open_districts)
    )
    app = App(tmp_path, seed=1)
    code = info.players[0]
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.pump([])
    scene = app.ctx.scenes.top
    assert isinstance(scene, TownScene)
    return app, scene


def test_a_closed_quarter_cannot_be_entered_by_walking_clicking_or_its_board(tmp_path):
    app, scene = _class_app(tmp_path, ["workshop_yard"])
    town = scene.town
    closed = next(q for q in town.quarters if q.district == "discovery_lab")
    door = next(d for d in town.doors if d.district == "discovery_lab" and d.kind == "challenge")
    assert find_path(town.grid, scene.walker.tile, door.tile, scene._closed()) is None
    assert (
        find_path(town.grid, scene.walker.tile, door.tile) is not None
    )  # open, it could be reached
    gate = town.gates["discovery_lab"][0]
    scene.walker.pos = scene.walker.centre((gate[0], gate[1] + 2))  # outside the gate
    app.pump([_keydown(pygame.K_UP)], dt=STEP)
    _frames(app, 90)
    app.pump([_keydown(pygame.K_UP, pygame.KEYUP)], dt=STEP)
    assert not closed.contains(scene.walker.tile) and app.ctx.scenes.top is scene
    scene.click(_screen_of(scene, door.tile))
    assert not scene.walker.path and app.ctx.notices[-1] == app.ctx.t("teacher.closed_notice")
    scene.open_district("discovery_lab")
    assert app.ctx.scenes.top is scene
    scene.open_door(door)
    assert app.ctx.scenes.top is scene
    assert not [
        s for s in app.ctx.recorder.statements() if "town/discovery_lab" in s["object"]["id"]
    ]
    scene.open_district("workshop_yard")  # an open one opens
    assert app.ctx.scenes.top is not scene
    app.shutdown()


# -- statements ---------------------------------------------------------------------------------
def _short(app):
    out = []
    for s in app.ctx.recorder.statements():
        ext = {
            k.rsplit("/", 1)[-1]: v
            for k, v in (s.get("result", {}).get("extensions") or {}).items()
        }
        out.append(
            (
                s["verb"]["id"].rsplit("/", 1)[-1],
                s["object"]["id"].split("/activities/")[-1],
                ext,
                s.get("result", {}),
            )
        )
    return out


def test_world_statements_have_the_right_verbs_in_order(tmp_path):
    app, scene = _town_app(tmp_path)
    clock = [100.0]
    app.ctx.clock = lambda: clock[0]
    scene.trail.clock = app.ctx.clock
    person = next(p for p in scene.town.people if p.district == "workshop_yard")
    scene.walk_to(person.tile, person)
    for _ in range(1200):
        if scene.talk is not None:
            break
        app.pump([], dt=STEP)
    assert scene.talk is person
    scene.watch()
    clock[0] += 12.5
    scene.walk_on()
    door = next(
        d for d in scene.town.doors if d.district == "workshop_yard" and d.kind == "challenge"
    )
    below = (door.tile[0], door.tile[1] + 1)
    scene.walk_to(below)
    _frames(app, 600)
    scene.walk_to((door.tile[0], door.tile[1] + 4))  # and on, past it
    _frames(app, 300)
    rows = _short(app)
    entered = [i for i, r in enumerate(rows) if r[0] == "accessed" and r[1] == "town/workshop_yard"]
    approach = [
        i
        for i, r in enumerate(rows)
        if r[1] == f"person/{person.id}" and r[2].get("action") == "approach"
    ]
    watched = [r for r in rows if r[1] == f"person/{person.id}" and r[2].get("action") == "watch"]
    passed = [r for r in rows if r[0] == "skipped" and r[1] == f"door/{door.target}"]
    assert entered and approach and entered[0] < approach[0]
    assert (
        rows[approach[0]][0] == "interacted"
        and rows[approach[0]][2]["occupation"] == person.occupation
    )
    assert watched and watched[0][0] == "interacted" and watched[0][3]["duration"] == "PT12.5S"
    assert passed and passed[0][2]["mode"] == "free"
    app.shutdown()


def test_following_the_suggestion_is_not_scored_as_a_free_choice(tmp_path):
    app, scene = _town_app(tmp_path)
    at_reading_pace(app)  # a choice in zero test time would be key-mash
    assert scene.suggestion is not None
    scene.walk_to_suggestion()
    for _ in range(3000):
        if app.ctx.scenes.top is not scene:
            break
        app.pump([], dt=STEP)
    assert isinstance(app.ctx.scenes.top, ChallengeIntroScene)
    statements = app.ctx.recorder.statements()
    door = [s for s in statements if s["object"]["id"].endswith("menu/town/door")]
    assert len(door) == 1
    assert [v for k, v in door[0]["result"]["extensions"].items() if k.endswith("/mode")] == [
        "suggested"
    ]
    assert extract_evidence(statements).choices == []
    app.ctx.scenes.pop()  # back in the town: a free door
    app.pump([], dt=STEP)
    other = next(
        d for d in scene.town.doors if d.kind == "challenge" and d.target != scene.suggestion
    )
    scene.trail.mode = "free"
    scene.open_door(other)
    choices = extract_evidence(app.ctx.recorder.statements()).choices
    assert [c.chosen for c in choices] == [other.target]
    app.shutdown()


def test_idle_and_required_choices_are_not_scored():
    """Only ``free`` (or unmarked, older) menu choices are choice evidence."""
    from telemetry.xapi import vocab

    def statement(mode):
        return {
            "id": mode,
            "verb": {"id": vocab.verb_iri("selected")},
            "object": {
                "id": vocab.activity_iri("menu/town/door"),
                "definition": {"type": vocab.activity_type_iri("menu")},
            },
            "result": {
                "response": "a",
                "extensions": {
                    vocab.extension_iri("options"): {"a": "R", "b": "I"},
                    vocab.extension_iri("mode"): mode,
                },
            },
        }

    chosen = [
        c.statement_id
        for c in extract_evidence(
            [statement(m) for m in ("free", "idle", "required", "suggested")]
        ).choices
    ]
    assert chosen == ["free"]


def test_reduced_motion_camera_follows_without_easing(tmp_path):
    app, scene = _town_app(tmp_path)
    scene.walk_to((scene.walker.tile[0] + 4, scene.walker.tile[1]))
    _frames(app, 3)
    assert scene.camera != scene.walker.pos  # easing: the camera lags
    app.ctx.settings.reduced_motion = True
    _frames(app, 3)
    assert scene.camera == scene.walker.pos
    app.shutdown()


def test_a_broken_map_falls_back_to_the_menu_with_one_line(tmp_path, monkeypatch):
    from game.scenes.hub import HubScene

    app, _ = _town_app(tmp_path)
    app.ctx.scenes.clear_to(TownScene("missing.tmx"))
    assert isinstance(app.ctx.scenes.top, HubScene)
    assert "missing.tmx" in app.ctx.notices[-1] and "\n" not in app.ctx.notices[-1]
    app.shutdown()


def test_people_file_texts_need_every_language(content):
    people = json.loads(Path(PEOPLE).read_text(encoding="utf-8"))
    del people[2]["answer"]["es"]
    with pytest.raises(TownError, match=r"\[2\].answer: no text for es"):
        read_people(people, content, "people.json")


def test_each_quarter_has_its_music_loop_and_the_music_setting_silences_it(tmp_path):
    app, scene = _town_app(tmp_path)
    if not scene.sound.ready():
        pytest.skip("no audio mixer on this machine")
    scene.sound.place(-1)
    park_loop = scene.sound.music_key
    assert park_loop == -1 and scene.sound.music_channel is not None
    quarter = scene.town.quarters[0]
    x, y, w, h = quarter.tiles
    scene.walker.pos = scene.walker.centre((x + w // 2, y + h - 2))
    scene.walk_to((x + w // 2, y + h - 3))
    _frames(app, 30)
    assert scene.sound.music_key == [d.id for d in app.ctx.content.districts].index(
        quarter.district
    )
    app.ctx.settings.music_volume = 0.0
    scene.sound.place(scene.mood())
    assert scene.sound.music_channel is None
    app.shutdown()


def test_enter_with_nothing_in_reach_presses_no_button(tmp_path):
    app, scene = _town_app(tmp_path)
    assert scene.suggestion is not None and scene.walker.tile == scene.town.spawn
    app.pump([_keydown(pygame.K_RETURN)], dt=STEP)
    _frames(app, 30)
    assert not scene.walker.path and scene.trail.mode == "free"  # no suggested walk started
    app.pump([_keydown(pygame.K_TAB)], dt=STEP)  # Tab reaches the buttons
    assert scene.ui.focused is scene.hud[0]
    app.shutdown()


def test_pushing_into_a_wall_beside_a_door_slides_into_it():
    from game.world.walker import Walker

    wall = {(x, 0) for x in range(4) if x != 1}  # a wall with one door at (1, 0)
    grid = Grid(4, 3, wall)
    walker = Walker(grid, 32, (2, 1))
    walker.pos = (walker.pos[0] - 10, walker.pos[1])  # stopped a little left of centre
    for _ in range(60):
        walker.step(1 / 60, (0, -1))  # holding Up
    assert walker.tile == (1, 0)


def test_watch_and_ask_with_nobody_in_talk_do_nothing(tmp_path):
    """The talk panel's 'watch' and 'ask' act on the person talked to; called when nobody
    is (a script, a press arriving after the panel closed) they change and record nothing,
    where they used to start a watch of nobody and fail on ``None.id``."""
    app, scene = _town_app(tmp_path)
    assert scene.talk is None
    before = len(app.ctx.recorder.statements())
    scene.watch()
    scene.ask()
    assert scene.talk_state == "menu" and scene.trail.watching is None
    assert len(app.ctx.recorder.statements()) == before
    app.shutdown()
