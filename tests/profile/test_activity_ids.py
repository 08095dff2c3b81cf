"""Activity ids come from one function per kind (telemetry.xapi.activity_ids), and the
profile reads back what they build."""

from __future__ import annotations

import pytest
import statement_factory as sf

from telemetry.profile.evidence import extract_evidence
from telemetry.xapi import activity_ids as ids
from telemetry.xapi import vocab
from telemetry.xapi.progress import progress_from_statements


def test_each_kind_builds_the_documented_path():
    assert ids.challenge_id("r_bike") == "challenge/r_bike"
    assert ids.extra_round_id("r_bike") == "challenge/r_bike/extra"
    assert ids.challenge_step_id("r_bike", "wheel") == "challenge/r_bike/wheel"
    assert ids.hint_id("r_bike") == "hint/r_bike"
    assert [ids.reflect_id("r_bike", k) for k in ids.REFLECT_KINDS] == [
        "reflect/r_bike/expect",
        "reflect/r_bike/enjoy",
        "reflect/r_bike/could_be_me",
        "reflect/r_bike/skills",
    ]
    assert ids.item_id("R3") == "item/R3"
    assert ids.mentor_id("sam") == "mentor/sam"
    assert ids.occupation_id("49-3091.00") == "occupation/49-3091.00"
    assert ids.district_id("R") == "district/R"
    assert ids.landmark_id("tower") == "landmark/tower"
    assert ids.menu_id("district", "R") == "menu/district/R"
    assert ids.setting_id("key_bindings", "up") == "settings/key_bindings/up"
    for path in (
        ids.CONSENT,
        ids.NEXT_STEP,
        ids.AVATAR_MENU,
        ids.HORIZONS_SEARCH,
        ids.JOB_BOARD,
        ids.GAME,
        ids.menu_id("hub"),
    ):
        assert vocab.activity_path(vocab.activity_iri(path)) == path


@pytest.mark.parametrize(
    "call",
    [
        lambda: ids.reflect_id("r_bike", "liked"),
        lambda: ids.reflect_id("a/b", "enjoy"),
        lambda: ids.challenge_id(""),
        lambda: ids.item_id(None),
        lambda: ids.menu_id("district", ""),
    ],
)
def test_bad_parts_are_refused(call):
    with pytest.raises(ValueError, match="bad"):
        call()


def test_the_profile_reads_what_they_build():
    stream = [
        sf.st(
            "selected",
            "question",
            ids.reflect_id("s_help", "enjoy"),
            response=5,
            extensions={"riasec": "S"},
        ),
        sf.st("selected", "question", ids.item_id("R2"), response=4, extensions={"riasec": "R"}),
        sf.st("used", "item", ids.occupation_id("21-1012.00"), extensions={"action": "save"}),
        sf.st("selected", "question", ids.CONSENT, response="yes"),
    ]
    ev = extract_evidence(stream)
    assert sorted((r.kind, r.source) for r in ev.ratings) == [("enjoy", "s_help"), ("item", "R2")]
    assert ev.saved == ["21-1012.00"]
    assert progress_from_statements(stream)["consent"] is True


def test_no_screen_builds_an_activity_id_by_hand():
    """Issue 14 item 6: every ``record(verb, type, id)`` in game/ takes its id from
    telemetry/xapi/activity_ids (one function per kind), never an f-string or a joined
    path that the profile would have to parse back."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "game"
    by_hand = re.compile(r"""record\(\s*"[a-z_-]+",\s*"[a-z_-]+",\s*f["']""")
    found = [
        f"{path.relative_to(root.parent)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if "sim" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if by_hand.search(line)
    ]
    assert found == []
