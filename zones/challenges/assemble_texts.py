"""The texts of the Doers' board, measured: every remark the banner may show, the job
sheet's lines, the meter's readings, the wires and loads as words.

Called by :class:`zones.challenges.assemble.AssembleMechanic` while it lays its boxes out
(so a box is as tall as the longest text it may hold) and to turn rules' values into words;
``BOLD_FACTS`` is shared with the job sheet's drawing in ``assemble_draw``. Draws nothing.
"""

from __future__ import annotations

from typing import Any

from zones import ui_layout
from zones.challenges.assemble_wire_rules import VOLTS

#: facts the job sheet writes in bold (what still needs the pupil)
BOLD_FACTS = ("assemble.fact_rattles",)


def _longest(view, maps) -> Any:
    return max(maps, key=lambda m: len(view.kit.pick(m)), default={"en": "", "es": ""})


def remarks(view) -> list[str]:
    """Every remark the banner may show in this level (measured so the banner never grows)."""
    r, say, mode = view.rules, view.say, view.mode
    out = [
        say(("challenge.time_up", {})),
        say(("assemble.out_of_tries", {})),
        say((f"assemble.start_{mode}", {})),
    ]
    if mode in ("fit", "wire"):
        spots = [s.label for s in r.slots]
        big = _longest(view, spots)
    if mode == "fit":
        part = _longest(view, [p.label for p in r.parts.values()])
        out += [say(("assemble.examined", {"spot": s.label, "clue": s.clue})) for s in r.slots]
        out += [say(("assemble.quip", {"quip": q})) for q in r.quips.values()]
        out += [
            say((k, {"spot": big, "part": part, "n": len(r.slots)}))
            for k in (
                "assemble.removed",
                "assemble.fitted",
                "assemble.ride_ok",
                "assemble.ride_rattles",
                "assemble.hint_examine",
                "assemble.hint_part",
            )
        ]
    elif mode == "wire":
        keys = [
            "assemble.power_off",
            "assemble.tripped",
            "assemble.lights_on",
            "assemble.some_dead",
            "assemble.live_warning",
            "assemble.prove_dead",
            "assemble.wired",
            "assemble.unwired",
            "assemble.hint_off",
            "assemble.hint_short",
            "assemble.hint_wire",
            "assemble.hint_power",
        ]
        keys += [f"assemble.meter_{k}" for k in ("live", "dead", "beep", "quiet")]
        second = _longest(view, [s for s in spots if s is not big] or spots)
        out += [
            say((k, {"spot": big, "a": big, "b": second, "n": len(r.loads), "volts": VOLTS}))
            for k in keys
        ]
    else:
        piece = _longest(view, [p.label for p in r.pieces])
        keys = [
            "assemble.measured",
            "assemble.cut_fits",
            "assemble.cut_long",
            "assemble.cut_short",
            "assemble.out_of_wood",
            "assemble.shelf_done",
            "assemble.wonky",
            "assemble.level_ok",
            "assemble.level_off",
            "assemble.hint_level",
            "assemble.hint_measure",
            "assemble.hint_mark",
        ]
        out += [say((k, {"piece": piece, "cm": 388})) for k in keys]
    return out


def _row_candidates(view) -> list[list[tuple[str, dict[str, Any]]]]:
    """For each line of the job sheet, every fact that may stand on it."""
    r, mode = view.rules, view.mode
    if mode == "fit":
        part = _longest(view, [p.label for p in r.parts.values()])
        rows = [
            [
                (k, {"n": 9, "spot": s.label, "clue": s.clue, "part": part})
                for k in (
                    "assemble.fact_unknown",
                    "assemble.fact_examined",
                    "assemble.fact_fitted",
                    "assemble.fact_rattles",
                )
            ]
            for s in r.slots
        ]
        return rows  # the part in hand shows in the tray, not on the sheet
    if mode == "wire":
        rows = [
            [("assemble.fact_power_on", {}), ("assemble.fact_power_off", {})]
        ]  # the cables: in the picture
        loads = list(r.loads)
        return rows + [
            [
                ("assemble.fact_loads", {"lit": loads, "dark": []}),
                ("assemble.fact_loads", {"lit": [], "dark": loads}),
            ]
        ]
    return [
        [
            (k, {"n": 9})
            for k in (  # the pieces: on the wall; the saw mark: on the ruler
                "assemble.fact_level",
                "assemble.fact_left_low",
                "assemble.fact_right_low",
            )
        ]
    ]


def wires_text(view, wires: list) -> str:
    """The wires in place, ``[a, b]`` slot ids each, as one list ('Fuse box to Junction
    box, ...'), or 'none yet'."""
    by_id, pick = view.rules.by_id, view.kit.pick
    pairs = [
        view.kit.t("assemble.pair", a=pick(by_id[a].label), b=pick(by_id[b].label))
        for a, b in wires
    ]
    return ", ".join(pairs) if pairs else view.kit.t("assemble.no_wires")


def loads_text(view, lit: list, dark: list) -> str:
    """'Working: Disco lamp. No power: DJ socket.' (either part left out when empty)."""
    names = [view.kit.pick(view.rules.by_id[s].label) for s in lit]
    parts = [view.kit.t("assemble.working", names=", ".join(names))] if lit else []
    names = [view.kit.pick(view.rules.by_id[s].label) for s in dark]
    return " ".join(
        parts + ([view.kit.t("assemble.no_power", names=", ".join(names))] if dark else [])
    )


def sheet_height(view, width: int) -> int:
    p = view.kit.painter
    head = ui_layout.text_h(p, view.kit.t("assemble.sheet"), width, 19, True) + 6
    return head + sum(
        max(ui_layout.text_h(p, view.say(f), width, 17, f[0] in BOLD_FACTS) + 4 for f in row)
        for row in _row_candidates(view)
    )


def meter_texts(view) -> tuple[list[str], list[str]]:
    """Every line the meter's display may show under its big reading."""
    big = _longest(view, [s.label for s in view.rules.slots])
    out = [
        view.say((f"assemble.meter_{k}", {"spot": big, "volts": VOLTS}))
        for k in ("live", "dead", "beep", "quiet")
    ]
    return (
        out + [view.kit.t("assemble.meter_idle")],
        [view.kit.t("assemble.in_hand_wire"), view.kit.t("assemble.in_hand_meter")],
    )
