"""Activity items in every language, and the odd-jobs board's cards, validated on load."""

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


def test_every_item_has_its_text_in_every_language(content):
    assert len(content.items) == 48
    for item in content.items.values():
        assert set(item.text) == set(content.languages)
        assert all(text.strip() for text in item.text.values())
    assert content.items["R6"].text["es"] != content.items["R6"].text["en"]


def test_job_board_has_the_same_number_of_cards_of_each_type(content):
    per_type = Counter(content.items[c].riasec for c in content.job_board)
    assert sorted(per_type) == sorted("RIASEC") and set(per_type.values()) == {3}


def _problems(tmp_path, edit, *, data=False):
    """Problems loading a copy of the content (``data``: of ``assets/data``) after ``edit``."""
    target = tmp_path / "data"
    shutil.copytree(ASSETS if data else paths.content_dir(), target)
    edit(target)
    with pytest.raises(ContentError) as info:
        load_content(paths.content_dir(), target) if data else load_content(target, ASSETS)
    return info.value.problems


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_missing_translation_is_named(tmp_path):
    problems = _problems(
        tmp_path,
        lambda d: _edit_json(d / "riasec_item_texts.json", lambda x: x.pop("C3")),
        data=True,
    )
    assert any(p.endswith("riasec_item_texts.json: C3.es: missing text") for p in problems), (
        problems
    )


def test_unknown_and_unbalanced_cards_are_named(tmp_path):
    def unknown(d):
        _edit_json(d / "job_board.json", lambda x: x["cards"].__setitem__(0, "Z9"))

    problems = _problems(tmp_path, unknown)
    assert any("job_board.json: cards: ['Z9'] are not items" in p for p in problems), problems

    def unbalanced(d):
        _edit_json(
            d / "job_board.json", lambda x: x["cards"].__setitem__(0, "R1")
        )  # R6 -> R1: still R
        _edit_json(d / "job_board.json", lambda x: x["cards"].__setitem__(1, "R3"))  # A4 -> R3

    problems = _problems(tmp_path / "b", unbalanced)
    assert any(
        "job_board.json: cards: needs the same number of items of each" in p for p in problems
    ), problems


def test_cards_that_are_not_item_ids_are_named(tmp_path):
    problems = _problems(
        tmp_path,
        lambda d: _edit_json(d / "job_board.json", lambda x: x["cards"].append({"id": "R1"})),
    )
    assert any("job_board.json: cards: every card must be an item id" in p for p in problems), (
        problems
    )
