"""The Thinkers' and Helpers' challenges as levels: three of the right kinds, a harder
extra shift and a "what a real worker does next" line in en and es; nothing in an intro,
goal or level brief names the answer; and every level's board, built in the real hosting
scene, draws at 100 % and 200 % text without a text leaving its box or overlapping."""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest

from game import paths
from game.scenes.challenge_play import PLAY_AREA
from tests.a11y.overflow import overflow_problems, recorded_draws
from tests.helpers import make_app, start_challenge
from zones.content import LEVEL_KINDS

MINE = (
    "i_sick_dog",
    "i_water_sample",
    "i_sales_mystery",
    "s_nervous_patient",
    "s_fractions",
    "s_left_out",
)
LANGS = ("en", "es")
#: words too common to give anything away
COMMON = {
    "something",
    "about",
    "there",
    "their",
    "which",
    "would",
    "could",
    "algo",
    "desde",
    "donde",
    "sobre",
    "cuando",
    "porque",
}


def raw(cid: str) -> dict:
    return json.loads(
        (paths.content_dir() / "challenges" / f"{cid}.json").read_text(encoding="utf-8")
    )


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-záéíóúñü]+", text.lower()) if len(w) >= 5} - COMMON


def shown_before_play(data: dict, lang: str) -> str:
    """What a pupil reads before and while they play: intro, goal, every level's brief."""
    texts = [data["intro"][lang], data["goal"][lang]]
    texts += [level["brief"][lang] for level in [*data["levels"], data["extra_shift"]]]
    texts += [level["title"][lang] for level in [*data["levels"], data["extra_shift"]]]
    return " ".join(texts)


@pytest.mark.parametrize("cid", MINE)
def test_three_levels_an_extra_shift_and_a_next_step(cid):
    data = raw(cid)
    assert tuple(level["kind"] for level in data["levels"]) == LEVEL_KINDS
    assert data["extra_shift"]["kind"] == "extra"
    for level in [*data["levels"], data["extra_shift"]]:
        for lang in LANGS:
            assert 0 < len(level["title"][lang]) <= 40 and level["brief"][lang]
        assert level["params"] or level["kind"] == "job"
    assert data["next_step"]["en"].startswith("What a real ")
    assert data["next_step"]["es"].startswith("Lo que hace después")


@pytest.mark.parametrize("cid", [c for c in MINE if c.startswith("i_")])
def test_no_intro_goal_or_brief_names_a_levels_answer(cid):
    data = raw(cid)
    base = data["params"]
    for level in [*data["levels"], data["extra_shift"]]:
        params = {**base, **level["params"]}
        answer = next(h for h in params["hypotheses"] if h["id"] == params["answer"])
        for lang in LANGS:  # the setting (title, subject) is not the solution
            setting = (
                words(data["title"][lang])
                | words(params["subject"][lang])
                | words(base["subject"][lang])
            )
            keys = (words(answer["label"][lang]) - setting) | {params["answer"]}
            found = keys & words(shown_before_play(data, lang)) | {
                k for k in keys if k in shown_before_play(data, lang).lower()
            }
            assert not found, f"{cid} {level['kind']} ({lang}) gives away {found}"


@pytest.mark.parametrize("cid", [c for c in MINE if c.startswith("s_")])
def test_no_intro_goal_or_brief_quotes_a_best_reply(cid):
    data = raw(cid)
    base = data["params"]
    for level in [*data["levels"], data["extra_shift"]]:
        params = {**base, **level["params"]}
        for node in params["nodes"]:
            best = max(node["replies"], key=lambda r: r["mood"])
            for lang in LANGS:
                said = re.findall(r"\w+", best["text"][lang].lower())
                shown = " ".join(re.findall(r"\w+", shown_before_play(data, lang).lower()))
                runs = {" ".join(said[i : i + 4]) for i in range(max(0, len(said) - 3))}
                assert not {r for r in runs if r in shown}, f"{cid} {node['id']} ({lang})"


def test_the_pup_intro_no_longer_mentions_the_sock():
    data = raw("i_sick_dog")
    assert "sock" not in data["intro"]["en"].lower() and "calcet" not in data["intro"]["es"].lower()


@pytest.mark.parametrize("scale, lang", [(1.0, "en"), (2.0, "es")])
@pytest.mark.parametrize("cid", MINE)
def test_every_level_builds_and_draws_without_overflow(tmp_path, cid, scale, lang):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = scale, scale > 1, lang
    app.apply_settings()
    challenge = app.ctx.content.challenges[cid]
    rng = random.Random(4)
    try:
        for level in [*challenge.plan(), challenge.shift()]:
            # this level alone, as the one level of the challenge (the host's level runner is
            # tested by the host's own tests)
            app.ctx.content.challenges[cid] = dataclasses.replace(
                challenge, levels=(), extra_shift=None, params=level.params
            )
            play = start_challenge(app, cid, 3 if level.kind == "extra" else 2)
            if scale == 1.0:
                assert play.mechanic.bottom <= PLAY_AREA.bottom, (
                    f"{level.kind}: the board outgrows the window ({play.mechanic.bottom})"
                )
            for step in range(4):
                if play.mechanic.finished:
                    break  # the result card is the host's (tests/a11y)
                problems = overflow_problems(app, recorded_draws(app))
                assert not problems, f"{cid} {level.kind} step {step}:\n" + "\n".join(problems[:8])
                action = play.mechanic.bot_action(rng, 0.8)
                if action is None:
                    break
                play.perform(action)
                play.update(2.0)
                app.pump([])
            assert play.mechanic.describe()
            app.ctx.scenes.pop()
            app.pump([])
    finally:
        app.ctx.content.challenges[cid] = challenge
        app.shutdown()
