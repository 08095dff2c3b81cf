"""The speaker never makes a frame wait, the next utterance interrupts the current one,
the chooser says why no backend works, the settings screen shows that line, and the
new settings load from files written before them."""

import json
import threading
import time

import pygame
import pytest

from game.settings import Settings
from game.speech import choose as chooser
from game.speech.announce import describe_focus
from game.speech.backend import Backend, Unavailable
from game.speech.speaker import Speaker
from tests.helpers import key, make_app


class SlowBackend(Backend):
    """Blocks for ``seconds`` in every start (the worst engine there is)."""

    name = "slow"

    def __init__(self, seconds=1.0):
        self.seconds = seconds
        self.started: list[str] = []
        self.stops = 0

    def start(self, text, language, rate):
        self.started.append(text)
        time.sleep(self.seconds)

    def stop(self):
        self.stops += 1


class TimedBackend(Backend):
    """Returns at once and stays busy for ``seconds`` unless stopped (a child process)."""

    name = "timed"

    def __init__(self, seconds=1.0):
        self.seconds = seconds
        self.started: list[tuple[str, str, float]] = []
        self.interrupted: list[str] = []
        self.until = 0.0
        self.first = threading.Event()

    def start(self, text, language, rate):
        self.started.append((text, language, rate))
        self.until = time.monotonic() + self.seconds
        self.first.set()

    def busy(self):
        return time.monotonic() < self.until

    def stop(self):
        if self.busy():
            self.interrupted.append(self.started[-1][0])
        self.until = 0.0


def test_say_never_waits_for_the_backend_which_sleeps_1_s_per_utterance():
    """Twenty say() calls finish long before one utterance would (a say() that waited for
    the backend even once would take 1 s); how fast say() is, is measured, not tested:
    the figure is in the speech section of the README (no wall-clock threshold here)."""
    backend = SlowBackend(1.0)
    speaker = Speaker(lambda: (backend, []))
    began = time.perf_counter()
    for i in range(20):
        speaker.say(f"line {i}", "en", 1.0)
    took = time.perf_counter() - began
    time.sleep(0.05)
    speaker.close(0.1)
    assert took < 1.0, f"20 say() calls took {took:.2f} s: one waited for the backend"
    assert len(backend.started) <= 2  # the rest replaced each other while it slept


def test_a_new_utterance_interrupts_the_current_one_and_replaces_the_waiting_one():
    backend = TimedBackend(5.0)
    speaker = Speaker(lambda: (backend, []))
    speaker.say("first", "en", 1.0)
    assert backend.first.wait(2.0)
    speaker.say("second", "en", 1.0)  # these two arrive together: only the last counts
    speaker.say("third", "es", 1.5)
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline and backend.started[-1][0] != "third":
        time.sleep(0.01)
    speaker.close(1.0)
    texts = [text for text, _, _ in backend.started]
    assert texts[0] == "first" and texts[-1] == "third"
    assert "first" in backend.interrupted  # cut off, not queued behind
    assert backend.started[-1][1:] == ("es", 1.5)  # language and rate go with each utterance


def test_silence_stops_speech_at_once():
    backend = TimedBackend(5.0)
    speaker = Speaker(lambda: (backend, []))
    speaker.say("long text", "en", 1.0)
    assert backend.first.wait(2.0)
    speaker.silence()
    assert speaker.wait_idle(2.0)
    speaker.close()
    assert backend.interrupted == ["long text"]


def test_the_chooser_tries_in_order_and_says_why_each_failed():
    def missing():
        raise Unavailable("espeak-ng", "missing", "not on PATH")

    def broken():
        raise OSError("no audio device")

    backend, problems = chooser.choose(openers=[missing, broken])
    assert backend is None
    assert [(p.backend, p.kind) for p in problems] == [
        ("espeak-ng", "missing"),
        ("test_speech", "failed"),
    ]
    assert "no audio device" in problems[1].detail
    fine = TimedBackend()
    backend, problems = chooser.choose(openers=[missing, lambda: fine])
    assert backend is fine and len(problems) == 1


def test_every_platform_orders_real_modules_with_a_cheap_probe():
    for platform in ("linux", "win32", "darwin"):
        for name in chooser.modules(platform):
            module = __import__(f"game.speech.{name}", fromlist=["probe", "open_backend"])
            assert callable(module.probe) and callable(module.open_backend)
    assert chooser.modules("linux")[-1] == "pyttsx3_backend"  # the Python fallback comes last


def test_with_no_backend_the_settings_screen_says_why_and_nothing_crashes(tmp_path, monkeypatch):
    problems = [
        Unavailable("spd-say", "missing"),
        Unavailable("espeak-ng", "missing"),
        Unavailable("pyttsx3", "missing"),
    ]
    monkeypatch.setattr("game.speech.announce.probe", lambda: problems)
    app = make_app(tmp_path)
    app.ctx.painter.recorder = []
    app.ctx.scenes.go("settings")
    app.pump([])
    line = app.ctx.t("speech.unavailable_missing", tried="spd-say, espeak-ng, pyttsx3")
    assert line in [d.text for d in app.ctx.painter.recorder]
    settings = app.ctx.scenes.top
    on = next(b for k, v, b in settings.option_buttons if k == "read_aloud" and v is True)
    settings.ui.focus(on)
    app.pump([key(pygame.K_RETURN)])  # turning it on anyway is harmless
    app.pump([key(pygame.K_r)])
    assert app.ctx.settings.read_aloud
    app.shutdown()


def test_engines_that_will_not_start_give_their_own_line(tmp_path):
    app = make_app(tmp_path)
    app.ctx.speech.opener = lambda: (
        None,
        [Unavailable("pyttsx3", "failed", "RuntimeError: no driver")],
    )
    app.ctx.settings.read_aloud = True
    app.pump([key(pygame.K_r)])
    app.ctx.speech.speaker.wait_idle(2.0)
    assert app.ctx.speech.unavailable_line() == app.ctx.t(
        "speech.unavailable_failed", tried="pyttsx3"
    )
    app.shutdown()


def test_settings_rows_read_as_slider_toggle_and_option_with_their_state(tmp_path):
    app = make_app(tmp_path)
    app.ctx.scenes.go("settings")
    app.pump([])
    t = app.ctx.t
    buttons = {(k, v): b for k, v, b in app.ctx.scenes.top.option_buttons}
    assert (
        describe_focus(buttons[("speech_rate", 1.5)], t)
        == f"{t('settings.speech_rate')}: 150 %, {t('speech.role.slider')}, "
        f"{t('speech.now', value='100 %')}"
    )
    assert (
        describe_focus(buttons[("read_aloud", True)], t)
        == f"{t('settings.read_aloud')}: {t('common.on')}, {t('speech.role.toggle')}, "
        f"{t('speech.now', value=t('common.off'))}"
    )
    assert describe_focus(buttons[("language", "en")], t).endswith(
        f"{t('speech.role.option')}, {t('speech.selected')}"
    )
    app.shutdown()


def test_v_turns_read_aloud_on_and_off_and_the_choice_is_saved(tmp_path):
    app = make_app(tmp_path)
    backend = TimedBackend(5.0)
    app.ctx.speech.opener = lambda: (backend, [])
    app.pump([key(pygame.K_v)])
    assert app.ctx.settings.read_aloud and backend.first.wait(2.0)
    assert backend.started[0][0].startswith(app.ctx.t("speech.on"))
    app.pump([key(pygame.K_v)])
    assert not app.ctx.settings.read_aloud
    assert app.ctx.speech.speaker.wait_idle(2.0) and backend.interrupted  # quiet at once
    app.ctx.flush_saves()
    path = tmp_path / "players" / app.ctx.player.code / "settings.json"
    assert json.loads(path.read_text())["values"]["read_aloud"] is False
    app.shutdown()


def test_settings_from_before_read_aloud_load_with_it_off_and_new_ones_keep_it(tmp_path):
    old = tmp_path / "old.json"  # a version-1 file written before the fields
    old.write_text(json.dumps({"version": 1, "values": {"language": "es", "text_scale": 1.5}}))
    settings, problem = Settings.load(old)
    assert problem is None and settings.language == "es"
    assert settings.read_aloud is False and settings.speech_rate == 1.0
    settings.read_aloud, settings.speech_rate = True, 9.0
    settings.save(tmp_path / "new.json")
    again, _ = Settings.load(tmp_path / "new.json")
    assert again.read_aloud is True and again.speech_rate == 2.0  # clamped on load


def test_a_key_the_pupil_bound_to_navigation_is_not_taken_by_read_aloud(tmp_path):
    app = make_app(tmp_path)
    app.ctx.settings.key_bindings = {"next": "v"}
    app.ctx.scenes.go("settings")
    app.pump([])
    ui = app.ctx.scenes.top.ui
    before = ui.focus_index
    app.pump([key(pygame.K_v)])
    assert not app.ctx.settings.read_aloud and ui.focus_index != before
    app.shutdown()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_unavailable_line_fits_the_settings_page_at_200_percent(
    tmp_path, monkeypatch, language
):
    from tests.a11y.overflow import overflow_problems

    monkeypatch.setattr(
        "game.speech.announce.probe",
        lambda: [
            Unavailable("spd-say", "missing"),
            Unavailable("espeak-ng", "missing"),
            Unavailable("pyttsx3", "missing"),
        ],
    )
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    app.ctx.scenes.go("settings")
    app.pump([])
    assert app.ctx.speech.unavailable_line()
    problems = overflow_problems(app)
    assert not problems, "\n".join(problems)
    app.shutdown()


def test_mentor_answers_are_read_aloud_as_the_bubble_shows_them(tmp_path):
    from tests.fakes import record_speech

    app = make_app(tmp_path)
    fake = record_speech(app)
    mentor = next(iter(app.ctx.content.mentors.values()))
    scene = app.ctx.scenes.go("mentor", mentor_id=mentor.id)
    app.pump([])
    assert app.ctx.speech.speaker.wait_idle(2.0)
    assert app.ctx.pick(mentor.greeting) in fake.said[-1][1]
    question = mentor.questions[0]
    button = next(i for i in scene.ui.items if i.label == app.ctx.pick(question.ask))
    scene.ui.focus(button)
    app.pump([key(pygame.K_RETURN)])
    assert app.ctx.speech.speaker.wait_idle(2.0)
    said = fake.said[-1][1]
    assert scene.bubble_text() == app.ctx.pick(question.answer) and scene.bubble_text() in said
    if scene.pending_item:  # the question the mentor asks back
        assert app.ctx.pick(app.ctx.content.items[scene.pending_item].text) in said
    app.shutdown()


def test_the_title_shows_the_read_aloud_key(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.ctx.painter.recorder = []
    app.ctx.scenes.top.rebuild()
    app.pump([key(pygame.K_TAB)])
    assert app.ctx.t("title.read_aloud_hint") in [d.text for d in app.ctx.painter.recorder]
    app.shutdown()


def test_v_with_no_engine_shows_why_on_the_screen_once(tmp_path):
    app = make_app(tmp_path)
    app.ctx.speech.opener = lambda: (None, [Unavailable("espeak-ng", "missing")])
    app.pump([key(pygame.K_v)])
    assert app.ctx.speech.speaker.wait_idle(2.0)
    app.pump([])
    line = app.ctx.t("speech.unavailable_missing", tried="espeak-ng")
    assert app.ctx.notices == [line]
    app.pump([])
    assert app.ctx.notices == [line]  # once, not every frame
    app.shutdown()


def test_board_lines_an_action_changed_are_read_and_a_ticking_clock_is_not(tmp_path):
    from tests.fakes import record_speech
    from tests.helpers import start_challenge

    app = make_app(tmp_path)
    fake = record_speech(app)
    challenge_id = next(iter(app.ctx.content.challenges))
    play = start_challenge(app, challenge_id)
    state = {"meter": "Meter: 0 volts", "clock": "60 seconds left"}
    play.mechanic.describe = lambda: [state["meter"], state["clock"]]
    app.pump([])
    assert app.ctx.speech.speaker.wait_idle(2.0)
    count = len(fake.said)
    state["clock"] = "59 seconds left"  # changes by itself: not read
    app.pump([], dt=1 / 60)
    assert app.ctx.speech.speaker.wait_idle(2.0) and len(fake.said) == count
    state["meter"] = "Meter: 9 volts"  # after the pupil's key: read
    app.pump([key(pygame.K_TAB)])
    assert app.ctx.speech.speaker.wait_idle(2.0)
    assert "Meter: 9 volts" in fake.said[-1][1] and "59 seconds" not in fake.said[-1][1]
    app.shutdown()
