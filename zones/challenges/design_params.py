"""The Creators' params checked on load (no pygame): what each design mode needs.

Called by the loader through :meth:`zones.challenges.design.DesignMechanic.validate_params`
with a challenge's base params and with each level's merged params.
"""

from __future__ import annotations

from typing import Any

from zones.challenges.rules_core import check_langmap
from zones.content import HEX, SHAPES

MODES = ("poster", "tune", "room")
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "poster": {
        "background": ("colour", "pattern"),
        "headline": ("text",),
        "size": ("scale",),
        "layout": ("anchor",),
        "ink": ("colour",),
    },
    "tune": {"tempo": ("bpm",), "sound": ("wave",)},
    "room": {"walls": ("colour",), "floor": ("colour", "pattern"), "light": ("colour",)},
}
CHOICES = {
    "pattern": ("plain", "stripes", "dots", "rays", "boards", "carpet", "tiles"),
    "anchor": ("top", "middle", "bottom"),
    "wave": ("sine", "square", "triangle"),
}


def _check_option_field(key: str, value: Any, where: str, languages) -> list[str]:
    if key == "colour":
        return (
            []
            if isinstance(value, str) and HEX.match(value)
            else [f"{where}.colour: must be like '#1B1B3A'"]
        )
    if key == "text":
        return check_langmap(value, f"{where}.text", languages)
    if key in ("scale", "bpm"):
        ok = isinstance(value, (int, float)) and (
            0.5 <= value <= 3 if key == "scale" else 40 <= value <= 240
        )
        return [] if ok else [f"{where}.{key}: out of range"]
    return [] if value in CHOICES[key] else [f"{where}.{key}: must be one of {CHOICES[key]}"]


def _check_level_keys(params: dict[str, Any], briefs: list) -> list[str]:
    """``brief``, ``wishes``, ``change`` and ``mix``: the keys levels use."""
    problems = []
    index = params.get("brief")
    if index is not None and not (isinstance(index, int) and 0 <= index < len(briefs)):
        problems.append("brief: must be the number of one of the briefs")
    wishes = params.get("wishes", [0, 2, 2])
    if not (
        isinstance(wishes, list)
        and len(wishes) == 3
        and all(isinstance(x, int) and 0 <= x <= 4 for x in wishes)
    ):
        problems.append("wishes: must be three whole numbers 0–4, one per difficulty")
    change = params.get("change")
    if change is not None and not (
        isinstance(change, dict)
        and isinstance(change.get("after"), int)
        and change["after"] >= 1
        and isinstance(change.get("brief"), int)
        and 0 <= change["brief"] < len(briefs)
    ):
        problems.append("change: needs after (decisions, ≥ 1) and brief (the number of a brief)")
    if not isinstance(params.get("mix", False), bool):
        problems.append("mix: must be true or false")
    return problems


def validate_params(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    mode = params.get("mode")
    if mode not in MODES:
        return [f"mode: must be one of {MODES}"]
    mins = params.get("min_choices")
    if not (
        isinstance(mins, list)
        and len(mins) == 3
        and all(isinstance(x, int) and 1 <= x <= 30 for x in mins)
    ):
        problems.append("min_choices: must be three whole numbers 1–30, one per difficulty")
    if not isinstance(params.get("place_target"), int) or params["place_target"] < 1:
        problems.append("place_target: must be a whole number ≥ 1")
    if mode == "tune":
        steps = params.get("steps")
        if not (
            isinstance(steps, list)
            and len(steps) == 3
            and all(isinstance(x, int) and 4 <= x <= 16 for x in steps)
        ):
            problems.append("steps: must be three whole numbers 4–16")
    else:
        grid = params.get("grid")
        if not (
            isinstance(grid, list)
            and len(grid) == 2
            and all(isinstance(x, int) and 2 <= x <= 8 for x in grid)
        ):
            problems.append("grid: must be [columns, rows], each 2–8")
    groups = params.get("groups")
    if not isinstance(groups, list):
        return problems + ["groups: needs a list of option groups"]
    found = {g.get("id"): g for g in groups if isinstance(g, dict)}
    for gid, fields in NEEDS[mode].items():
        group = found.get(gid)
        if group is None:
            problems.append(f"groups: mode '{mode}' needs a group '{gid}'")
            continue
        problems += check_langmap(group.get("label"), f"groups.{gid}.label", languages)
        options = group.get("options")
        if not isinstance(options, list) or not 2 <= len(options) <= 4:
            problems.append(f"groups.{gid}.options: needs 2–4 options")
            continue
        for k, opt in enumerate(options):
            where = f"groups.{gid}.options[{k}]"
            if not isinstance(opt, dict) or not isinstance(opt.get("id"), str):
                problems.append(f"{where}: needs an id")
                continue
            problems += check_langmap(opt.get("label"), f"{where}.label", languages)
            for key in fields:
                problems += _check_option_field(key, opt.get(key), where, languages)
    items = params.get("items")
    if not isinstance(items, list) or not 2 <= len(items) <= 8:
        return problems + ["items: needs a list of 2–8 items"]
    for k, item in enumerate(items):
        where = f"items[{k}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(f"{where}: needs an id")
            continue
        problems += check_langmap(item.get("label"), f"{where}.label", languages)
        if item.get("shape") not in SHAPES:
            problems.append(f"{where}.shape: must be one of {SHAPES}")
        problems += _check_option_field("colour", item.get("colour"), where, languages)
        if (
            mode == "tune"
            and item.get("drum") not in ("kick", "snare", "hat")
            and not (isinstance(item.get("freq"), (int, float)) and 50 <= item["freq"] <= 2000)
        ):
            problems.append(f"{where}: a tune row needs a drum (kick/snare/hat) or a freq in Hz")
    item_ids = {i.get("id") for i in items if isinstance(i, dict)} | {"*"}
    briefs = params.get("briefs")
    if not isinstance(briefs, list) or not briefs:
        problems.append("briefs: needs at least one client brief")
        briefs = []
    for b, brief in enumerate(briefs):
        where = f"briefs[{b}]"
        problems += check_langmap(
            brief.get("client") if isinstance(brief, dict) else None, f"{where}.client", languages
        )
        wants = brief.get("wants") if isinstance(brief, dict) else None
        if not isinstance(wants, list) or not 2 <= len(wants) <= 4:
            problems.append(f"{where}.wants: needs 2–4 wishes")
            continue
        for w, want in enumerate(wants):
            ww = f"{where}.wants[{w}]"
            problems += check_langmap(want.get("text"), f"{ww}.text", languages)
            if "mix" in want:
                if (
                    not params.get("mix")
                    or want["mix"] not in item_ids - {"*"}
                    or not any(
                        isinstance(want.get(k), int) and 0 <= want[k] <= 3 for k in ("min", "max")
                    )
                ):
                    problems.append(f"{ww}: a mix wish needs mix on, a track and a min or max 0–3")
            elif "group" in want:
                ids = {o.get("id") for o in found.get(want["group"], {}).get("options", [])}
                if (
                    want["group"] not in found
                    or not want.get("options")
                    or not set(want["options"]) <= ids
                ):
                    problems.append(f"{ww}: group and options must name a group and its options")
            elif (
                want.get("item") not in item_ids
                or not isinstance(want.get("min"), int)
                or want["min"] < 1
            ):
                problems.append(f"{ww}: needs a group with options, or an item with a min ≥ 1")
    for k, quip in enumerate(params.get("quips", [])):
        problems += check_langmap(quip, f"quips[{k}]", languages)
    if mode == "poster":
        poster = params.get("poster") or {}
        problems += check_langmap(poster.get("band"), "poster.band", languages)
        problems += check_langmap(poster.get("details"), "poster.details", languages)
    return problems
