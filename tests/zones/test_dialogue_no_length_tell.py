"""A talk challenge cannot be won by always picking the longest reply: in every dialogue
challenge file, in every language, the reply that helps most is the longest one in at most
a third of its moments (the base conversation and each level's own). Before, it was the
longest in 26 of 27 moments in English (now 8 of 27, and 8 of 27 in Spanish): a tell a
pupil learns in one round, after which the game, and the Strengths evidence it gives, is
'pick the long one'."""

from __future__ import annotations

import json

import pytest

from game import paths

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
