"""The Doers' board (the view over the assemble rules): built with each level's params at
100 % and 200 % text in English and Spanish, played by a bot, it keeps every text in its
box and apart from the others; every bot action has a control; dragging a part onto the
frame fits it; ``describe`` names what changes; the content gives nothing away; and
``validate_params`` names the broken field."""

from __future__ import annotations

import copy
import re

import pygame
import pytest

from telemetry.words import languages
from tests.helpers import challenge_json as content
from tests.helpers import level_plan as plan
from tests.zones.board_check import TextKit, check_text_through_a_round, press_bot_controls
from tests.zones.kit import AREA, build_mechanic
from zones.challenges.actions import Action
from zones.challenges.assemble import AssembleMechanic

IDS = ["r_bike_repair", "r_wiring", "r_shelf"]


def make(params: dict, difficulty: int = 2, kit=None, seed: int = 0) -> AssembleMechanic:
    return build_mechanic(AssembleMechanic, params, difficulty, seed, kit or TextKit())


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_level_builds_and_draws_without_overflow_through_a_round(cid, scale, language):
    for kind, params in plan(cid):
        mech = make(params, 2, TextKit(language, scale), seed=3)
        where = f"{cid} {kind} {language} {scale}"
        check_text_through_a_round(mech, where, steps=40, seed=4, dt=0.5)


@pytest.mark.parametrize("cid", IDS)
def test_every_bot_action_is_a_control_the_keyboard_reaches(cid):
    for kind, params in plan(cid):
        press_bot_controls(make(params, 3), f"{cid} {kind}", skill=0.6, limit=200)


def test_a_part_dragged_onto_the_frame_is_fitted():
    mech = make(plan("r_bike_repair")[1][1])
    slot = mech.rules.slots[0]
    part = next(
        i for i in mech.kit.ui.items if i.label == mech.label_for(Action("grab", slot.part))
    )
    part.on_press()  # mouse down on the card picks it up
    assert mech.rules.held == slot.part
    mech.handle_event(
        pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=mech.spot_rects[slot.id].center)
    )
    assert mech.rules.fitted == {slot.id: slot.part} and mech.rules.held is None


def test_dragging_on_the_ruler_moves_the_saw_mark():
    mech = make(plan("r_shelf")[1][1])
    ruler = mech.ruler
    down = pygame.event.Event(
        pygame.MOUSEBUTTONDOWN, button=1, pos=(ruler.x + ruler.w // 4, ruler.centery)
    )
    mech.handle_event(down)
    assert mech.rules.mark == round(mech.rules.board() / 4)
    mech.handle_event(
        pygame.event.Event(
            pygame.MOUSEMOTION, buttons=(1, 0, 0), pos=(ruler.right, ruler.centery), rel=(1, 0)
        )
    )
    assert mech.rules.mark == mech.rules.board()


@pytest.mark.parametrize(
    "cid, act, expect",
    [
        (
            "r_bike_repair",
            lambda m: m.perform(Action("examine", m.rules.slots[0].id)),
            lambda m: m.kit.pick(m.rules.slots[0].clue),
        ),
        (
            "r_wiring",
            lambda m: (
                m.perform(Action("power")),
                m.perform(Action("tool", "", "meter")),
                m.perform(Action("probe", "box")),
            ),
            lambda m: "beep",
        ),
        (
            "r_shelf",
            lambda m: m.perform(Action("measure")),
            lambda m: f"{m.rules.pieces[0].need} cm",
        ),
    ],
)
def test_describe_names_the_state_that_changed(cid, act, expect):
    mech = make(plan(cid)[1][1])
    before = mech.describe()
    act(mech)
    after = mech.describe()
    assert after != before and any(expect(mech) in line for line in after), after
    assert all("%{" not in line and "assemble." not in line for line in after)


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-záéíóúñü]+", text.lower()) if len(w) > 3}


@pytest.mark.parametrize("cid", IDS)
def test_nothing_gives_the_solution_away(cid):
    data = content(cid)
    for lang in ("en", "es"):
        told = " ".join(
            [data["intro"][lang], data["goal"][lang]]
            + [lv["brief"][lang] for lv in data["levels"]]
            + [data["extra_shift"]["brief"][lang]]
        )
        params = data["params"]
        if params["mode"] == "fit":
            answers = set().union(*(words(p["label"][lang]) for p in params["parts"]))
            clues = " ".join(s["clue"][lang] + " " + s["label"][lang] for s in params["slots"])
            assert not answers & words(clues), f"{cid}: a symptom names its part"
            assert not answers & words(told), (
                f"{cid}: the intro or a brief names a part: {answers & words(told)}"
            )
        elif params["mode"] == "cut":
            for _, merged in plan(cid):
                for piece in merged["pieces"]:
                    assert not re.search(rf"\b{piece['need']}\b", told), (
                        f"{cid}: a brief gives a length away"
                    )
        else:
            for lv in data["levels"] + [data["extra_shift"]]:
                labels = {s["id"]: s["label"][lang].lower() for s in params["slots"]}
                for a, b in lv["params"].get("prewired", []):
                    if [a, b] not in params["links"] and [b, a] not in params["links"]:
                        brief = lv["brief"][lang].lower()
                        assert not (labels[a] in brief and labels[b] in brief), (
                            f"{cid}: the brief names the bad wire"
                        )


@pytest.mark.parametrize("cid", IDS)
def test_three_levels_an_extra_shift_and_a_next_step_in_both_languages(cid):
    data = content(cid)
    assert [lv["kind"] for lv in data["levels"]] == ["tutorial", "job", "twist"]
    assert data["extra_shift"]["kind"] == "extra"
    for entry in data["levels"] + [data["extra_shift"]]:
        for lang in ("en", "es"):
            assert entry["title"][lang] and len(entry["title"][lang]) <= 40 and entry["brief"][lang]
    assert all(data["next_step"][lang].strip() for lang in ("en", "es"))
    assert data["next_step"]["en"].startswith("What a real ")


def broken(cid: str, change) -> list[str]:
    params = copy.deepcopy(content(cid)["params"])
    change(params)
    return AssembleMechanic.validate_params(params, languages())


@pytest.mark.parametrize(
    "cid, change, expected",
    [
        ("r_wiring", lambda p: p.pop("object"), "object: must be a language map"),
        ("r_wiring", lambda p: p.update(mode="glue"), "mode: must be one of"),
        ("r_wiring", lambda p: p.update(slots=p["slots"][:2]), "slots: needs a list of at least 3"),
        ("r_wiring", lambda p: p.update(parts=[]), "parts: needs a list of parts"),
        (
            "r_wiring",
            lambda p: p["slots"][1].update(part="sonic_screwdriver"),
            "slots[1].part: 'sonic_screwdriver'",
        ),
        ("r_wiring", lambda p: p["slots"][0].update(x=1.5), "slots[0].x: must be a number 0–1"),
        (
            "r_wiring",
            lambda p: p["slots"][2]["clue"].pop("es"),
            "slots[2].clue: language 'es' missing",
        ),
        ("r_wiring", lambda p: p["slots"][2].update(role="toaster"), "slots[2].role"),
        (
            "r_wiring",
            lambda p: p["links"].append(["box", "narnia"]),
            "links: ['box', 'narnia'] must name two slots",
        ),
        (
            "r_wiring",
            lambda p: p.update(links=[["box", "junction"]]),
            "cannot be reached from the source",
        ),
        (
            "r_wiring",
            lambda p: p.update(time_limit=[0, 60]),
            "time_limit: must be three whole numbers",
        ),
        ("r_bike_repair", lambda p: p["parts"][0].update(shape="blob"), "parts[0].shape"),
        ("r_bike_repair", lambda p: p["distractors"][0].pop("quip"), "distractors[0].quip"),
        (
            "r_bike_repair",
            lambda p: p.update(prefitted={"seat": "banana"}),
            "prefitted: must map slots to parts",
        ),
        ("r_bike_repair", lambda p: p.update(use=["seat"]), "use: must list at least 2"),
        ("r_shelf", lambda p: p["pieces"][0].update(need=500), "pieces[0].need"),
        ("r_shelf", lambda p: p.update(stock=[]), "stock: needs a list of board lengths"),
        (
            "r_shelf",
            lambda p: p.update(tolerance=[1, "x", 1]),
            "tolerance: must be three whole numbers",
        ),
    ],
)
def test_validate_params_rejects_broken_params(cid, change, expected):
    found = broken(cid, change)
    assert any(expected in line for line in found), f"expected '{expected}' in {found}"


def test_a_good_ride_moves_for_a_moment_and_reduced_motion_shows_the_end_state_still():
    kit = TextKit()
    kit.reduced_motion = False
    mech = make(plan("r_bike_repair")[0][1], kit=kit)
    for slot in mech.rules.slots:
        mech.perform(Action("grab", slot.part))
        mech.perform(Action("fit", slot.id))
    mech.perform(Action("ride"))
    assert mech.finished and mech.result().success and mech.anim > 0 and mech.animating

    def frame() -> bytes:
        surface = pygame.Surface((1280, 720))
        mech.draw(surface, AREA)
        return pygame.image.tobytes(surface, "RGB")

    moving = frame()
    kit.reduced_motion = True
    still = frame()
    assert moving != still, "the ride and the cheer move"
    kit.reduced_motion = False
    mech.update(2.0)
    assert not mech.animating and frame() == still, "once it is over the end state is the still one"
