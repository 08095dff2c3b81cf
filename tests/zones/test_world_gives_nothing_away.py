"""What the town's working people and the mentors say never names a case's answer: a pupil
who walks past the vet before The Poorly Pup must still have to examine and test (issue 16:
"nothing given away in the intro or by icons"; the town is read before the intro)."""

from __future__ import annotations

import json
import re

import pytest

from game import paths

LANGS = ("en", "es")
#: the investigate challenges, whose levels name one hypothesis as the answer
CASES = ("i_sick_dog", "i_water_sample", "i_sales_mystery")


def load(name: str):
    return json.loads((paths.content_dir() / name).read_text(encoding="utf-8"))


def language_maps(node) -> list[dict]:
    """Every {en:…, es:…} text map anywhere in a content tree."""
    if isinstance(node, dict):
        if set(LANGS) <= set(node) and all(isinstance(node[k], str) for k in LANGS):
            return [node]
        return [m for v in node.values() for m in language_maps(v)]
    if isinstance(node, list):
        return [m for v in node for m in language_maps(v)]
    return []


def world_texts(district: str, lang: str) -> list[str]:
    """What the quarter's working people and mentors say, in one language."""
    records = [r for f in ("people.json", "mentors.json") for r in load(f)]
    return [m[lang].lower() for r in records if r["district"] == district for m in language_maps(r)]


def answer_keys(cid: str, lang: str) -> set[str]:
    """Every level's answer: its id (an English word) and its hypothesis's label as a phrase."""
    data = load(f"challenges/{cid}.json")
    keys: set[str] = set()
    for level in [*data["levels"], data["extra_shift"]]:
        params = {**data["params"], **level["params"]}
        answer = next(h for h in params["hypotheses"] if h["id"] == params["answer"])
        keys.add(answer["label"][lang].lower())
        if lang == "en":
            keys.add(params["answer"].lower())
    return keys


def named(keys: set[str], text: str) -> set[str]:
    return {k for k in keys if re.search(r"(?<!\w)" + re.escape(k) + r"s?(?!\w)", text)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("cid", CASES)
def test_no_person_or_mentor_of_the_quarter_names_a_cases_answer(cid, lang):
    district = load(f"challenges/{cid}.json")["district"]
    keys = answer_keys(cid, lang)
    texts = world_texts(district, lang)
    assert texts, f"nobody speaks in {district}"
    found = {text: named(keys, text) for text in texts if named(keys, text)}
    assert not found, f"{cid} ({lang}): the town gives away {found}"


def test_the_check_finds_an_answer_said_in_the_street():
    keys = answer_keys("i_sick_dog", "en")
    assert {"sock", "sore tooth"} <= keys
    assert named(keys, "i'm a vet. this pup ate a sock.") == {"sock"}
