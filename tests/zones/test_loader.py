"""The content loader: the shipped content is valid and covers the design; broken
content gets one ``file: field: problem`` line per problem. Counts come from the data."""

import json
import shutil
from collections import Counter

import pytest

from game import paths
from zones.loader import ContentError, load_content

ASSETS = paths.assets_dir() / "data"


@pytest.fixture(scope="module")
def content():
    return load_content(paths.content_dir(), ASSETS)


def test_six_types_each_with_at_least_three_challenges(content):
    per_type = Counter(content.riasec_of(cid) for cid in content.challenges)
    assert sorted(per_type) == sorted("RIASEC")
    assert min(per_type.values()) >= 3


def test_every_competence_is_evidenced_by_at_least_two_activities(content):
    uses = Counter(c for chal in content.challenges.values() for c in chal.competences)
    uses.update(skill.competence for skill in content.skills.values())
    missing = [cid for cid in content.competences if uses[cid] < 2]
    assert not missing, f"competences with fewer than two activities: {missing}"


def test_occupations_and_items_exist_and_fit(content):
    for chal in content.challenges.values():
        letter = content.riasec_of(chal.id)
        for code in chal.occupations:
            assert letter in content.occupations[code].holland
    for mentor in content.mentors.values():
        assert set(mentor.items) <= set(content.items)
    assert (
        len(content.occupations)
        == sum(1 for _ in open(ASSETS / "occupations.csv", encoding="utf-8")) - 1
    )


def test_one_mechanic_family_per_type(content):
    families = {}
    for chal in content.challenges.values():
        families.setdefault(content.riasec_of(chal.id), set()).add(chal.mechanic)
    assert all(len(f) == 1 for f in families.values())
    assert len({next(iter(f)) for f in families.values()}) == 6


def _broken_copy(tmp_path, edit):
    target = tmp_path / "data"
    shutil.copytree(paths.content_dir(), target)
    edit(target)
    return target


def _problems(folder):
    with pytest.raises(ContentError) as info:
        load_content(folder, ASSETS)
    return info.value.problems


def test_unknown_occupation_code_is_named(tmp_path):
    def edit(folder):
        path = folder / "challenges" / "r_bike_repair.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["occupations"][0] = "99-9999.99"
        path.write_text(json.dumps(data), encoding="utf-8")

    problems = _problems(_broken_copy(tmp_path, edit))
    assert any(
        "r_bike_repair.json: occupations: '99-9999.99' is not in occupations.csv" in p
        for p in problems
    )


def test_missing_language_and_bad_json_are_named(tmp_path):
    def edit(folder):
        path = folder / "challenges" / "r_bike_repair.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        del data["title"]["es"]
        path.write_text(json.dumps(data), encoding="utf-8")
        (folder / "mentors.json").write_text("[{", encoding="utf-8")

    problems = _problems(_broken_copy(tmp_path, edit))
    assert any("r_bike_repair.json: challenge.title: language 'es' missing" in p for p in problems)
    assert any("mentors.json: line 1: invalid JSON" in p for p in problems)
    assert all("\n" not in p for p in problems)


def test_unknown_ids_are_named(tmp_path):
    def edit(folder):
        path = folder / "districts.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data[0]["mentor"] = "nobody"
        data[0]["challenges"].append("no_such_challenge")
        path.write_text(json.dumps(data), encoding="utf-8")

    problems = _problems(_broken_copy(tmp_path, edit))
    assert any("unknown mentor 'nobody'" in p for p in problems)
    assert any("no file for 'no_such_challenge'" in p for p in problems)


def test_bad_mechanic_params_are_named(tmp_path):
    def edit(folder):
        path = folder / "challenges" / "r_bike_repair.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["params"]["slots"][0]["part"] = "unicorn"
        path.write_text(json.dumps(data), encoding="utf-8")

    problems = _problems(_broken_copy(tmp_path, edit))
    assert any(
        "r_bike_repair.json: params: slots[0].part: 'unicorn' is not in parts" in p
        for p in problems
    )


def _set(rel, key, value):
    """An edit: ``value`` at ``key`` of the content file ``rel`` (key None: the whole file)."""

    def edit(folder):
        path = folder / rel
        if key is None:
            path.write_text(
                value if isinstance(value, str) else json.dumps(value), encoding="utf-8"
            )
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        data[key] = value
        path.write_text(json.dumps(data), encoding="utf-8")

    return edit


@pytest.mark.parametrize(
    "rel, key, value, words",
    [
        # issue 13 item 14: each was a traceback (AttributeError, RecursionError, TypeError)
        (
            "challenges/r_bike_repair.json",
            None,
            [],
            "r_bike_repair.json: -: must be a JSON object, got a list",
        ),
        (
            "challenges/r_bike_repair.json",
            None,
            "null",
            "r_bike_repair.json: -: must be a JSON object, got null",
        ),
        (
            "challenges/r_bike_repair.json",
            None,
            "[" * 100_000 + "]" * 100_000,
            "r_bike_repair.json: -: invalid JSON (nested",
        ),
        (
            "challenges/r_bike_repair.json",
            None,
            '{"id": ' + "9" * 5000 + "}",
            "r_bike_repair.json: -: invalid JSON",
        ),
        ("job_board.json", None, "null", "job_board.json: -: must be a JSON object, got null"),
        (
            "challenges/r_bike_repair.json",
            "skills",
            [["tool_use"]],
            "r_bike_repair.json: skills: every entry",
        ),
        (
            "challenges/r_bike_repair.json",
            "competences",
            [{}],
            "r_bike_repair.json: competences: every entry",
        ),
        (
            "challenges/r_bike_repair.json",
            "occupations",
            [["49-3091.00"]],
            "r_bike_repair.json: occupations: every entry",
        ),
    ],
)
def test_wrong_shapes_are_one_line_naming_the_file(tmp_path, rel, key, value, words):
    problems = _problems(_broken_copy(tmp_path, _set(rel, key, value)))
    assert any(words in p for p in problems), problems
    assert all("\n" not in p and len(p) < 300 for p in problems)
    assert not any("no file for" in p for p in problems), "a broken file is not a missing one"


def test_mentors_ask_only_about_their_own_field(content, tmp_path):
    """Issue 16 item 5: a mentor's activity questions are of their own type (the graphic
    designer no longer asks about customer bills); an off-field item is named."""
    for mentor in content.mentors.values():
        letter = next(d.riasec for d in content.districts if d.id == mentor.district)
        assert mentor.items and {content.items[i].riasec for i in mentor.items} == {letter}, (
            mentor.id
        )

    def edit(folder):
        path = folder / "mentors.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        mentors = data if isinstance(data, list) else data["mentors"]
        mentors[0]["items"].append("C1")
        path.write_text(json.dumps(data), encoding="utf-8")

    problems = _problems(_broken_copy(tmp_path, edit))
    assert any(
        "mentors.json: [0].items: 'C1' is a C activity: a mentor asks only about their own field"
        in p
        for p in problems
    ), problems
