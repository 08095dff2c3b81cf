"""The activity items (IIP RIASEC Markers) and the odd-jobs board that shows some of them.

Called by ``zones.loader.load_content`` at start. Reads ``assets/data/riasec_items.csv``
(English wording, public domain), ``assets/data/riasec_item_texts.json`` (the other
languages; the report reads it too) and
``zones/data/job_board.json`` (which items a new player sorts first); touches nothing else.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from telemetry.profile.evidence import RIASEC
from zones.content import Item
from zones.files import read_csv, read_json


def load_items(data_dir: Path, languages: tuple[str, ...], problems: list[str]) -> dict[str, Item]:
    """Every item with its text in every language (English from the CSV)."""
    path = data_dir / "riasec_items.csv"
    rows = read_csv(path, problems, ("item_id", "type", "text"))
    texts_path = data_dir / "riasec_item_texts.json"
    texts = (read_json(texts_path, problems, dict) if rows else None) or {}
    items = {}
    for n, row in enumerate(rows, start=2):
        item_id = row["item_id"]
        if row["type"] not in RIASEC or not item_id.startswith(row["type"]):
            problems.append(f"{path}: line {n}: bad item type '{row['type']}'")
            continue
        text = {"en": row["text"]}
        own = texts.get(item_id)
        for lang in languages:
            if lang == "en":
                continue
            value = own.get(lang) if isinstance(own, dict) else None
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{texts_path}: {item_id}.{lang}: missing text")
                value = row["text"]
            text[lang] = value
        items[item_id] = Item(item_id, row["type"], text)
    for key in texts:
        if not str(key).startswith("_") and rows and key not in items:
            problems.append(f"{texts_path}: {key}: not an item in riasec_items.csv")
    return items


def load_job_board(
    content_dir: Path, items: dict[str, Item], problems: list[str]
) -> tuple[str, ...]:
    """The odd-jobs board's cards: known items, no repeats, the same number of each type
    (so the first picture of a new player favours no type)."""
    path = content_dir / "job_board.json"
    data = read_json(path, problems, dict)
    if data is None:
        return ()
    cards = data.get("cards")
    if not isinstance(cards, list) or not cards:
        problems.append(f"{path}: cards: must be a non-empty list of item ids")
        return ()
    if not all(isinstance(c, str) for c in cards):
        problems.append(f"{path}: cards: every card must be an item id (a string)")
        return ()
    bad = [c for c in cards if c not in items]
    if bad:
        problems.append(f"{path}: cards: {bad} are not items in riasec_items.csv")
        return ()
    if len(set(cards)) != len(cards):
        problems.append(f"{path}: cards: an item appears twice")
        return ()
    per_type = Counter(items[c].riasec for c in cards)
    if len(per_type) != 6 or len(set(per_type.values())) != 1:
        problems.append(
            f"{path}: cards: needs the same number of items of each of R I A S E C, "
            f"has {dict(sorted(per_type.items()))}"
        )
        return ()
    return tuple(cards)
