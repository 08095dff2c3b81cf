"""Read aloud by keyboard alone, in English and Spanish, with a fake speech backend that
records what it is asked to say: the title (V turns it on), consent, player creation, the
odd-jobs board, the town (walking up to a person, then to a challenge door) and one
challenge (a cue, the read-the-board key, the result card). Each expected utterance is
built from the same locale keys and content the screens show, and must come in order."""

import pygame
import pytest

from game.app import App
from game.scenes.title import TitleScene
from game.speech.texts import spell
from game.world.frame import door_text
from game.world.grid import find_path
from tests.fakes import RecordingBackend
from tests.helpers import key, walk_keys


def voiced_app(tmp_path, language):
    app = App(tmp_path, seed=3, language=language)
    fake = RecordingBackend()
    app.ctx.speech.opener = lambda: (fake, [])
    pump = app.pump

    def pump_then_listen(*args, **kwargs):  # every utterance reaches the fake, none dropped
        pump(*args, **kwargs)
        speaker = app.ctx.speech.speaker
        if speaker is not None:
            assert speaker.wait_idle(5.0)

    app.pump = pump_then_listen
    return app, fake


def press(app, k):
    app.pump([key(k)])


def tab_to(app, label):
    for _ in range(40):
        focused = app.ctx.scenes.top.ui.focused
        if focused is not None and focused.label == label:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"no {label!r}")


def step_towards(app, town, person):
    """Arrow keys, one tap at a time, until the person is in reach (they block their tile)."""
    from game.world.doors import person_in_reach

    arrows = {
        (1, 0): pygame.K_RIGHT,
        (-1, 0): pygame.K_LEFT,
        (0, 1): pygame.K_DOWN,
        (0, -1): pygame.K_UP,
    }
    for _ in range(12):
        w = town.walker
        if person_in_reach(town.town, w.tile, w.facing_tile()) is person and not w.moving:
            return
        dx, dy = person.tile[0] - w.tile[0], person.tile[1] - w.tile[1]
        step = (1 if dx > 0 else -1, 0) if abs(dx) >= abs(dy) and dx else (0, 1 if dy > 0 else -1)
        app.pump([key(arrows[step])], dt=1 / 60)
        app.pump(
            [pygame.event.Event(pygame.KEYUP, key=arrows[step], mod=0, unicode="", scancode=0)],
            dt=1 / 60,
        )
        for _ in range(60):
            if not (w.moving or w.path):
                break
            app.pump([], dt=1 / 60)
    raise AssertionError("the person never came in reach")


def in_order(said, expected):
    """Each expected fragment in an utterance after the one before's; the fragments missing."""
    i = 0
    missing = []
    for fragment in expected:
        j = next((k for k in range(i, len(said)) if fragment in said[k]), None)
        if j is None:
            missing.append(fragment)
        else:
            i = j
    return missing


@pytest.mark.parametrize("language", ["en", "es"])
def test_keyboard_playthrough_is_read_aloud_in_order(tmp_path, language):
    app, fake = voiced_app(tmp_path, language)
    ctx = app.ctx
    t, pick = ctx.t, ctx.pick
    ctx.scenes.push(TitleScene())
    app.pump([])
    assert fake.said == []  # off by default: silent
    press(app, pygame.K_v)  # V: on, and where we are
    expected = [
        t("speech.on"),
        t("game.title"),
        t("speech.purpose.title"),
        f"{t('title.play')}, {t('speech.role.button')}",
    ]
    press(app, pygame.K_RETURN)  # Play -> consent
    expected += [
        t("consent.title"),
        t("speech.purpose.consent"),
        t("consent.heading"),
        t("consent.point1"),
        t("consent.point5"),
        f"{t('consent.yes')}, {t('speech.role.button')}",
    ]
    tab_to(app, t("consent.no"))
    expected.append(f"{t('consent.no')}, {t('speech.role.button')}")  # focus moves: the new control
    tab_to(app, t("consent.yes"))
    press(app, pygame.K_RETURN)
    create = ctx.scenes.top
    expected += [
        t("create.title"),
        t("create.your_code"),
        spell(create.code),
        t("create.pick_avatar"),
    ]
    tab_to(app, t("shape.star"))
    expected.append(
        f"{t('create.pick_avatar')}: {t('shape.star')}, {t('speech.role.option')}, "
        f"{t('speech.not_selected')}"
    )
    press(app, pygame.K_RETURN)  # chosen: its state is read again
    expected.append(f"{t('shape.star')}, {t('speech.role.option')}, {t('speech.selected')}")
    tab_to(app, t("create.start"))
    press(app, pygame.K_RETURN)
    board = ctx.scenes.top
    assert board.name == "job_board"
    first = pick(ctx.content.items[board.current].text)
    expected += [t("board.title"), t("speech.purpose.job_board"), first]
    tab_to(app, t("rate.item5"))
    press(app, pygame.K_RETURN)
    expected.append(pick(ctx.content.items[board.current].text))  # the next card's words
    tab_to(app, t("board.later"))
    press(app, pygame.K_RETURN)
    town = ctx.scenes.top
    assert town.name == "hub"
    expected += [t("hub.title"), t("speech.purpose.hub")]

    person = town.town.people[0]
    path = find_path(town.town.grid, town.walker.tile, person.tile, town._closed())
    walk_keys(app, path[-2])  # walk up to a person
    step_towards(app, town, person)
    expected += [pick(person.does), t("town.talk_hint")]
    press(app, pygame.K_RETURN)  # talk: what they say, the first choice
    expected += [town.talk_text(), f"{t('town.watch')}, {t('speech.role.button')}"]
    press(app, pygame.K_ESCAPE)  # walk on

    door = next(d for d in town.town.doors if d.kind == "challenge")
    walk_keys(app, door.tile)  # walking in opens it
    if ctx.scenes.top is town:
        press(app, pygame.K_RETURN)
    intro = ctx.scenes.top
    assert intro.name == "challenge_intro" and intro.challenge_id == door.target
    challenge = ctx.content.challenges[door.target]
    expected += [door_text(town, door), pick(challenge.title), pick(challenge.intro)]
    tab_to(app, t("challenge.start"))
    press(app, pygame.K_RETURN)
    play = ctx.scenes.top
    assert play.name == "challenge_play"
    expected += [pick(challenge.title), t("speech.purpose.challenge_play"), play.goal_text()]
    play.mechanic.emit("cue", name="fail")  # a mechanic's feedback: heard, not only seen
    app.pump([], dt=1 / 60)
    expected.append(t("challenge.cue_fail"))
    press(app, pygame.K_r)  # read the board
    expected.append(
        " ".join(s if s[-1] in ".!?:;…" else s + "." for s in play.describe_board()[:2])
    )
    for _ in range(200):
        if play.mechanic.finished:
            break
        action = play.mechanic.bot_action(ctx.rng, 1.0)
        tab_to(app, play.mechanic.label_for(action))
        press(app, pygame.K_RETURN)
        app.pump([], dt=0.5)
    assert play.card_showing
    expected.append(play.describe_board()[0])  # the result card's head line

    said = [text for _, text in fake.said]
    assert {lang for lang, _ in fake.said} == {language}  # the voice follows the game language
    assert in_order(said, expected) == [], "\n".join(said)
    app.shutdown()


def test_typing_r_or_v_in_a_text_field_stays_in_the_field(tmp_path):
    app, fake = voiced_app(tmp_path, "en")
    app.ctx.settings.read_aloud = True
    app.ctx.scenes.push("code_entry")
    app.pump([])
    field = next(i for i in app.ctx.scenes.top.ui.items if i.role == "field")
    app.ctx.scenes.top.ui.focus(field)
    app.pump([])
    for k, ch in ((pygame.K_r, "r"), (pygame.K_v, "v")):
        app.pump(
            [
                pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=ch, scancode=0),
                pygame.event.Event(pygame.TEXTINPUT, text=ch),
            ]
        )
    assert app.ctx.settings.read_aloud  # V typed, not a toggle
    assert field.text.lower() == "rv"
    app.shutdown()


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_challenge_of_each_family_is_playable_by_ear(tmp_path, language):
    """Issue 20 item 3: in one challenge of every mechanic family, R reads the board's
    state (the mechanic's own ``describe()``: what a sighted pupil reads on it), an action
    that changes the board is heard, and the level card is read out, in the game's
    language; played by keyboard (Tab to the control, Enter) where an action names its
    control (the keyboard test of tests/a11y plays every control by keys)."""
    from game.flow import sign_in
    from game.save import PlayerSave

    app, fake = voiced_app(tmp_path, language)
    ctx = app.ctx
    ctx.settings.read_aloud = True
    assert sign_in(ctx, "EAR-TEST-11", new_player=PlayerSave(code="EAR-TEST-11"))
    app.pump([])
    families: dict[str, str] = {}
    for cid, challenge in sorted(ctx.content.challenges.items()):
        families.setdefault(challenge.mechanic, cid)
    assert len(families) == 6
    for cid in families.values():
        ctx.scenes.push("challenge_play", challenge_id=cid, difficulty=1)
        app.pump([])
        play = ctx.scenes.top
        board = list(play.mechanic.describe())
        assert board and all(isinstance(s, str) and s.strip() for s in board), cid
        fake.said.clear()
        press(app, pygame.K_r)  # read the board
        heard = " ".join(text for _, text in fake.said)
        assert all(line.rstrip(".!?:;…") in heard for line in board[:3]), (cid, board[:3], heard)
        for _ in range(300):  # play level 1 by keyboard
            if play.card_showing:
                break
            action = play.mechanic.bot_action(ctx.rng, 1.0)
            if action is None:
                app.pump([], dt=0.5)
                continue
            label = play.mechanic.label_for(action)
            if not label:
                play.perform(action)
            else:
                tab_to(app, label)
                press(app, pygame.K_RETURN)
            app.pump([], dt=0.2)
        assert play.card_showing, cid
        app.pump([], dt=0.2)
        said = [text for _, text in fake.said]
        assert any(play.describe_board()[0] in s for s in said), (cid, said[-3:])  # the card, heard
        assert {lang for lang, _ in fake.said} == {language}
        ctx.scenes.pop()
        app.pump([])
    app.shutdown()
