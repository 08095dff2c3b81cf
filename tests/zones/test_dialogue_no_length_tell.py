"""A talk challenge cannot be won by always picking the longest reply: in every dialogue
challenge file, in every language, the reply that helps most is the longest one in at most
a third of its moments (the base conversation and each level's own). Before, it was the
longest in 26 of 27 moments in English (now 8 of 27, and 8 of 27 in Spanish): a tell a
pupil learns in one round, after which the game, and the Strengths evidence it gives, is
'pick the long one'."""

from __future__ import annotations

import json
import random

import pytest

from game import paths
from zones.challenges.base import Action
from zones.challenges.dialogue_rules import ChatRules

LANGUAGES = ("en", "es")


def _dialogue_files() -> list[dict]:
    docs = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((paths.content_dir() / "challenges").glob("*.json"))
    ]
    return [d for d in docs if d.get("mechanic") == "dialogue"]


def _moments(doc: dict) -> list[dict]:
    """Every node with replies: the base params' and each level's and extra shift's own."""
    blocks = [doc["params"]] + [level["params"] for level in doc.get("levels", [])]
    blocks.append((doc.get("extra_shift") or {}).get("params") or {})
    return [node for block in blocks for node in block.get("nodes", [])]


def test_there_are_talks_to_check():
    assert len(_dialogue_files()) >= 3  # the Social quarter's three talks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_best_reply_is_the_longest_in_at_most_a_third_of_the_moments(lang):
    for doc in _dialogue_files():
        moments = _moments(doc)
        tells = []
        for node in moments:
            best = max(node["replies"], key=lambda r: r["mood"])
            longest = max(node["replies"], key=lambda r: len(r["text"][lang]))
            tells.append(node["id"]) if best is longest else None
        assert len(tells) <= len(moments) / 3, (doc["id"], lang, tells)


def _longest_picker_wins(params: dict, difficulty: int, seed: int, lang: str) -> bool:
    """Play one level through the real rules, always choosing the longest reply shown."""
    rules = ChatRules(params, difficulty, random.Random(seed))
    for _ in range(100):
        if rules.finished:
            break
        if rules.phase == "end":
            rules.perform(Action("end"))
            continue
        longest = max(rules.options, key=lambda o: len(o[1].text[lang]))
        rules.perform(Action("reply", str(longest[0])))
    assert rules.finished
    return rules.moods_met()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_always_choosing_the_longest_reply_does_not_win_at_medium_or_hard(lang):
    """Before, it won every level of all three talks at Medium (in English)."""
    for doc in _dialogue_files():
        levels = [{**doc["params"], **level["params"]} for level in doc["levels"]]
        for difficulty in (2, 3):
            wins = [
                _longest_picker_wins(params, difficulty, seed, lang)
                for params in levels
                for seed in range(10)
            ]
            assert sum(wins) <= 0.4 * len(wins), (doc["id"], lang, difficulty, sum(wins))
