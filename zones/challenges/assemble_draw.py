"""Drawing of the Doers' board: the workshop picture per mode, the job sheet, the controls.

Called by :class:`zones.challenges.assemble.AssembleMechanic`: ``draw_static`` inside its
cached layer (what changes only with the rules' state), ``draw_live`` every frame (the
pulse on the spot in play, rattles, the lamp's glow, the ride and the cheer; with
reduced motion their end state, still). ``remarks``, ``sheet_height`` and
``meter_texts`` measure the texts the boxes must hold while the view lays them out.
Touches only the surface it is given.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.assemble_wire_rules import VOLTS

WHITE = (255, 255, 255)
#: seconds a ride, a switch-on or a cut is animated for
ANIM = 1.2
#: facts the job sheet writes in bold (what still needs the pupil)
BOLD_FACTS = ("assemble.fact_rattles",)
#: facts ``describe`` says that the board shows elsewhere (the held part: in the tray)
SHEET_SKIPS = (
    "assemble.fact_held",
    "assemble.fact_holding_wire",
    "assemble.meter_live",
    "assemble.meter_dead",
    "assemble.meter_beep",
    "assemble.meter_quiet",
    "assemble.fact_wires",
    "assemble.fact_mark",
    "assemble.fact_cut",
    "assemble.fact_measured",
    "assemble.fact_unmeasured",
)
WOOD = (205, 150, 92)
WOOD_EDGE = (120, 80, 40)


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


# -- the static part ------------------------------------------------------------------------------
def draw_static(view, surface: pygame.Surface) -> None:
    p = view.kit.painter
    pal = p.palette
    blueprint = (36, 74, 122) if not pal.high_contrast else (0, 0, 0)
    board = view.board
    pygame.draw.rect(surface, blueprint, board, border_radius=18)
    if pal.high_contrast:
        pygame.draw.rect(surface, pal.panel_edge, board, 2, border_radius=18)
    else:
        for x in range(board.x + 20, board.right, 32):
            pygame.draw.line(surface, (48, 90, 142), (x, board.y + 8), (x, board.bottom - 8))
        for y in range(board.y + 20, board.bottom, 32):
            pygame.draw.line(surface, (48, 90, 142), (board.x + 8, y), (board.right - 8, y))
    p.text(
        surface,
        view.kit.pick(view.params.object),
        (board.x + 22, board.y + 14),
        24,
        colour=WHITE,
        bold=True,
        width=board.w - 216,
        box=board,
    )
    {"fit": _bike, "wire": _circuit, "cut": _wall}[view.mode](view, surface, p)
    _feedback(view, surface, p)
    _sheet(view, surface, p)
    c = view.controls
    p.panel(surface, c)
    key = {"fit": "assemble.tray", "wire": "assemble.tools", "cut": "assemble.bench"}[view.mode]
    p.text(surface, view.kit.t(key), (c.x + 16, c.y + 12), 20, bold=True, width=c.w - 32, box=c)
    if view.mode == "fit":
        _tray(view, surface, p)
    elif view.mode == "wire":
        _meter(view, surface, p)
    else:
        _ruler(view, surface, p)


def _feedback(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    fb = view.feedback_rect
    text = view.say(r.feedback) if r.feedback else view.say((f"assemble.start_{view.mode}", {}))
    good = r.feedback_good or not r.feedback
    colour = (pal.good if good else pal.bad) if r.feedback else pal.accent
    pygame.draw.rect(surface, colour, fb, border_radius=10)
    ink = (0, 0, 0) if pal.high_contrast else WHITE
    size = ui_layout.icon(p, 22)
    p.icon(surface, "check" if good else "cross", (fb.x + 11 + size // 2, fb.centery), size, ink)
    ui_layout.label(
        p, surface, text, (fb.x + 20 + size, fb.centery), fb.w - 32 - size, 18, colour=ink, box=fb
    )


def _sheet(view, surface, p) -> None:
    sheet = view.sheet_rect
    p.panel(surface, sheet, radius=12)
    width = sheet.w - 32
    y = (
        p.text(
            surface,
            view.kit.t("assemble.sheet"),
            (sheet.x + 16, sheet.y + 10),
            19,
            bold=True,
            width=width,
            box=sheet,
        ).bottom
        + 6
    )
    for fact in view.rules.facts():
        if fact[0] in SHEET_SKIPS:
            continue
        text = view.say(fact)
        bad = fact[0] in BOLD_FACTS
        h = ui_layout.text_h(p, text, width, 17, bad) + 4
        if y + h > sheet.bottom - 6:
            break
        p.text(surface, text, (sheet.x + 16, y), 17, width=width, box=sheet, bold=bad)
        y += h


def _spot(view, surface, p, n: int, pos, ring_colour, fill, name: str = "", shape=None) -> None:
    """A round spot on the picture with its name on a pill under it; inside it either its
    number (the job sheet's) or ``shape`` (``(name, colour)``: what sits there)."""
    r = view.spot_rects and next(iter(view.spot_rects.values())).w // 2 or 30
    if name:  # the spot's name on a pill under it
        width = ui_layout.scaled(p, 150)
        h = ui_layout.text_h(p, name, width, 14, True)
        w = min(width, p.font(14, True).size(name)[0])
        pill = pygame.Rect(pos[0] - w // 2 - 6, pos[1] + r + 4, w + 12, h + 4)
        pill.clamp_ip(view.picture)
        pygame.draw.rect(
            surface,
            (255, 255, 255) if not p.palette.high_contrast else (0, 0, 0),
            pill,
            border_radius=8,
        )
        if p.palette.high_contrast:
            pygame.draw.rect(surface, WHITE, pill, 1, border_radius=8)
        p.text(
            surface,
            name,
            (pill.centerx, pill.y + 2),
            14,
            bold=True,
            align="center",
            width=w + 4,
            box=view.picture,
        )
    pygame.draw.circle(surface, fill, pos, r)
    pygame.draw.circle(surface, ring_colour, pos, r, 4)
    if shape is not None:
        p.shape(surface, shape[0], pos, r - 12, shape[1])
        return
    p.text(
        surface,
        str(n),
        (pos[0], pos[1] - p.line(18, True) // 2),
        18,
        colour=WHITE if fill != WHITE else (0, 0, 0),
        bold=True,
        align="center",
        width=2 * r,
        box=pygame.Rect(pos[0] - r, pos[1] - r, 2 * r, 2 * r),
    )


def _bike(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    line = (120, 170, 220) if not pal.high_contrast else WHITE
    blue = (36, 74, 122) if not pal.high_contrast else (0, 0, 0)
    for slot in r.slots + [s for s in view.params.slots if s not in r.slots]:
        if slot.ring:
            pygame.draw.circle(
                surface, line, view.spot_pos(slot), int(slot.ring * view.picture.h), 10
            )
    for a, b in view.params.links:
        pa = view.spot_pos(next(s for s in view.params.slots if s.id == a))
        pb = view.spot_pos(next(s for s in view.params.slots if s.id == b))
        pygame.draw.line(surface, line, pa, pb, 8)
    for n, slot in enumerate(r.slots, start=1):
        sid, pos = slot.id, view.spot_pos(slot)
        part = r.fitted.get(sid)
        edge = pal.bad if sid in r.rattles else (pal.focus if sid == r.hint_slot else line)
        _spot(view, surface, p, n, pos, edge, WHITE if part else blue, view.kit.pick(slot.label))
        if part:
            info = r.parts[part]
            p.shape(surface, info.shape, pos, 17, p.colour(info.colour))
        if sid in r.examined and not part:
            p.icon(surface, "check", (pos[0] + 26, pos[1] - 26), 18, pal.focus)


def _circuit(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    pic = view.picture
    if not pal.high_contrast:  # the club's floor plan: walls and a door gap
        pygame.draw.rect(surface, (30, 62, 104), pic, border_radius=8)
    pygame.draw.rect(
        surface, (150, 190, 230) if not pal.high_contrast else WHITE, pic, 6, border_radius=8
    )
    door = pygame.Rect(pic.centerx - 40, pic.bottom - 6, 80, 6)
    pygame.draw.rect(surface, (36, 74, 122) if not pal.high_contrast else (0, 0, 0), door)
    wire_col = (232, 160, 80) if not pal.high_contrast else WHITE
    for w in r.wires:
        a, b = sorted(w)
        pa, pb = view.spot_pos(r.by_id[a]), view.spot_pos(r.by_id[b])
        pygame.draw.line(surface, (90, 50, 20) if not pal.high_contrast else WHITE, pa, pb, 9)
        pygame.draw.line(surface, wire_col, pa, pb, 5)
    if r.hint_wire:
        a, b = sorted(r.hint_wire)
        pygame.draw.line(
            surface, pal.focus, view.spot_pos(r.by_id[a]), view.spot_pos(r.by_id[b]), 2
        )
    lit = r.lit()
    for n, slot in enumerate(r.slots, start=1):
        pos = view.spot_pos(slot)
        info = r.parts[slot.part]
        if slot.id in lit:
            pygame.draw.circle(
                surface, (255, 214, 102) if not pal.high_contrast else WHITE, pos, 48
            )
        edge = pal.focus if slot.id == r.held else (120, 170, 220)
        _spot(
            view,
            surface,
            p,
            n,
            pos,
            edge,
            (36, 74, 122) if not pal.high_contrast else (0, 0, 0),
            view.kit.pick(slot.label),
            (info.shape, p.colour(info.colour)),
        )
    if r.reading:
        pos = view.spot_pos(r.by_id[r.reading[0]])
        pygame.draw.line(
            surface, (220, 50, 50), (pos[0] - 44, pos[1] + 40), (pos[0] - 18, pos[1] + 14), 5
        )
        pygame.draw.line(
            surface, (30, 30, 30), (pos[0] - 40, pos[1] + 44), (pos[0] - 14, pos[1] + 18), 5
        )


def _wall(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    pic = view.picture
    wall = (230, 222, 205) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.rect(surface, wall, pic, border_radius=10)
    pygame.draw.rect(surface, pal.panel_edge, pic, 2, border_radius=10)
    _books_and_cat(surface, p, pic, on_shelf=r.finished and r.succeeded)
    if r.phase == "cut":
        longest = max(p_.need for p_ in r.pieces)
        y = pic.y + 20
        for i, piece in enumerate(r.pieces):
            cut = r.cuts.get(piece.id)
            cm = cut or (piece.need if piece.id in r.measured else "?")
            text = view.kit.t("assemble.piece_cm", piece=view.kit.pick(piece.label), cm=cm)
            w = max(ui_layout.scaled(p, 200), int((pic.w - 60) * piece.need / max(longest, 1)))
            h = max(40, ui_layout.label_h(p, text, w - 24, 16, True) + 12)
            gap = pygame.Rect(pic.x + 30, y, min(w, pic.w - 60), h)
            y = gap.bottom + 10
            if cut:
                pygame.draw.rect(
                    surface, WOOD if not pal.high_contrast else (0, 0, 0), gap, border_radius=4
                )
                pygame.draw.rect(
                    surface, WOOD_EDGE if not pal.high_contrast else WHITE, gap, 2, border_radius=4
                )
                for k in range(gap.x + 30, gap.right - 10, 46):  # wood grain
                    pygame.draw.arc(surface, WOOD_EDGE, (k, gap.y + 6, 40, gap.h - 12), 0.3, 2.8, 1)
            else:
                board_text.dashed_rect(
                    surface, pal.ink if pal.high_contrast else (120, 110, 90), gap
                )
                if i == r.index:
                    pygame.draw.rect(surface, pal.focus, gap.inflate(6, 6), 3, border_radius=6)
            ui_layout.label(
                p,
                surface,
                text,
                (gap.x + 12, gap.centery),
                gap.w - 24,
                16,
                bold=True,
                box=gap,
                colour=WHITE if pal.high_contrast else pal.ink,
            )
        return
    angle = r.tilt * 2.0
    cx, cy = pic.center
    half = pic.w // 2 - 60
    dy = int(math.tan(math.radians(angle)) * half)
    left, right = (cx - half, cy - dy), (cx + half, cy + dy)
    pygame.draw.line(surface, WOOD if not pal.high_contrast else WHITE, left, right, 18)
    for end in (left, right):
        pygame.draw.line(surface, WOOD_EDGE, end, (end[0], pic.bottom - 20), 14)
    level = pygame.Rect(0, 0, 160, 26)
    level.center = (cx, cy - 34)
    pygame.draw.rect(
        surface, (46, 139, 87) if not pal.high_contrast else WHITE, level, border_radius=8
    )
    vial = level.inflate(-60, -10)
    pygame.draw.rect(
        surface, (220, 255, 200) if not pal.high_contrast else (0, 0, 0), vial, border_radius=6
    )
    pygame.draw.line(
        surface,
        pal.ink if not pal.high_contrast else WHITE,
        (vial.centerx - 8, vial.y),
        (vial.centerx - 8, vial.bottom),
        2,
    )
    pygame.draw.line(
        surface,
        pal.ink if not pal.high_contrast else WHITE,
        (vial.centerx + 8, vial.y),
        (vial.centerx + 8, vial.bottom),
        2,
    )
    shift = max(-vial.w // 2 + 6, min(vial.w // 2 - 6, -r.tilt * 6))
    pygame.draw.circle(
        surface,
        (255, 255, 255) if not pal.high_contrast else pal.focus,
        (vial.centerx + shift, vial.centery),
        5,
    )


BOOKS = [(190, 60, 60), (60, 110, 170), (230, 180, 60), (80, 150, 90), (140, 90, 160)]


def _books_and_cat(surface, p, pic: pygame.Rect, on_shelf: bool) -> None:
    """Gran's books stacked on the floor (on the shelf once it is up) and the cat watching."""
    pal = p.palette
    x = pic.x + 24
    base = pic.centery - 20 if on_shelf else pic.bottom - 10
    for k, colour in enumerate(BOOKS * 2):
        h = 30 + (k * 7) % 16
        book = pygame.Rect(x, base - h, 14, h)
        pygame.draw.rect(surface, colour if not pal.high_contrast else WHITE, book)
        pygame.draw.rect(surface, (40, 30, 30) if not pal.high_contrast else (0, 0, 0), book, 1)
        x += 16
    cat = (pic.right - 50, pic.bottom - 30)
    fur = (70, 60, 60) if not pal.high_contrast else WHITE
    pygame.draw.circle(surface, fur, cat, 18)
    pygame.draw.circle(surface, fur, (cat[0], cat[1] - 24), 12)
    for dx in (-9, 9):
        pygame.draw.polygon(
            surface,
            fur,
            [
                (cat[0] + dx - 5, cat[1] - 30),
                (cat[0] + dx + 5, cat[1] - 30),
                (cat[0] + dx, cat[1] - 42),
            ],
        )
    eye = (250, 220, 80) if not pal.high_contrast else (0, 0, 0)
    for dx in (-4, 4):
        pygame.draw.circle(surface, eye, (cat[0] + dx, cat[1] - 26), 2)


def _tray(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    for pid, rect in view.part_rects.items():
        info = r.parts[pid]
        used = pid in r.fitted.values()
        held, hinted = pid == r.held, pid == r.hint_part
        fill = p.colour("#FFF4DC") if (held or hinted) and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, rect, border_radius=12)
        if used:
            board_text.dashed_rect(surface, pal.panel_edge, rect)
        else:
            pygame.draw.rect(
                surface,
                pal.focus if held or hinted else pal.panel_edge,
                rect,
                4 if held else 2,
                border_radius=12,
            )
            p.shape(surface, info.shape, (rect.x + 30, rect.centery), 17, p.colour(info.colour))
        ui_layout.label(
            p,
            surface,
            view.kit.pick(info.label),
            (rect.x + 56, rect.centery),
            rect.w - 64,
            18,
            box=rect,
            colour=pal.muted if used else None,
        )
        if hinted:
            board_text.hint_mark(p, surface, rect)


def _meter(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    m = view.meter_rect
    pygame.draw.rect(
        surface, (40, 44, 52) if not pal.high_contrast else (0, 0, 0), m, border_radius=12
    )
    pygame.draw.rect(surface, pal.panel_edge, m, 2, border_radius=12)
    screen = (150, 255, 170) if not pal.high_contrast else WHITE
    kind = r.reading[1] if r.reading else ""
    big = {"live": f"{VOLTS} V", "dead": "0 V", "beep": "(( • ))", "quiet": "- - -"}.get(kind, "--")
    top = p.text(
        surface, big, (m.x + 16, m.y + 10), 30, colour=screen, bold=True, width=m.w - 32, box=m
    )
    line = (
        view.say((f"assemble.meter_{kind}", {"spot": r.by_id[r.reading[0]].label, "volts": VOLTS}))
        if r.reading
        else view.kit.t("assemble.meter_idle")
    )
    below = p.text(
        surface, line, (m.x + 16, top.bottom + 6), 18, colour=screen, width=m.w - 32, box=m
    )
    hand = view.kit.t("assemble.in_hand_meter" if r.tool == "meter" else "assemble.in_hand_wire")
    p.text(surface, hand, (m.x + 16, below.bottom + 6), 18, colour=WHITE, width=m.w - 32, box=m)


def _ruler(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    rect = view.ruler
    if r.phase == "cut":
        head = view.kit.t("assemble.mark_head", board=r.board())
        mark = view.kit.t("assemble.mark_at", cm=r.mark)
        mark_w = p.font(16, True).size(view.kit.t("assemble.mark_at", cm=888))[0]
        top = p.text(
            surface, head, (rect.x, rect.y), 16, width=rect.w - mark_w - 12, box=rect
        ).bottom
        p.text(
            surface,
            mark,
            (rect.right, rect.y),
            16,
            bold=True,
            align="right",
            width=mark_w,
            box=rect,
        )
    else:
        top = p.text(
            surface,
            view.kit.t("assemble.bench_done"),
            (rect.x, rect.y),
            16,
            bold=True,
            width=rect.w,
            box=rect,
        ).bottom
    bar = pygame.Rect(rect.x, top + 8, rect.w, max(20, rect.bottom - top - 12))
    pygame.draw.rect(surface, WOOD if not pal.high_contrast else (0, 0, 0), bar, border_radius=4)
    pygame.draw.rect(
        surface, WOOD_EDGE if not pal.high_contrast else WHITE, bar, 2, border_radius=4
    )
    length = max(1, r.board())
    for cm in range(0, length + 1, 10):
        x = bar.x + int(bar.w * cm / length)
        pygame.draw.line(
            surface, WOOD_EDGE if not pal.high_contrast else WHITE, (x, bar.y), (x, bar.y + 8), 2
        )
    if r.phase == "cut":
        x = bar.x + int(bar.w * r.mark / length)
        pygame.draw.line(
            surface,
            (200, 30, 30) if not pal.high_contrast else pal.focus,
            (x, bar.y - 6),
            (x, bar.bottom + 4),
            4,
        )
        pygame.draw.polygon(
            surface,
            (200, 30, 30) if not pal.high_contrast else pal.focus,
            [(x - 7, bar.y - 10), (x + 7, bar.y - 10), (x, bar.y - 2)],
        )


# -- the moving part -------------------------------------------------------------------------------
def draw_live(view, surface: pygame.Surface) -> None:
    """The pulse on the spot in play, rattles, the lamp's rays, a ride or a cheer, the timer."""
    r, p = view.rules, view.kit.painter
    pal = p.palette
    still = view.kit.reduced_motion
    t = r.elapsed
    if view.mode == "fit" and not r.finished:
        for sid in r.rattles:
            x, y = view.spot_pos(r.by_id[sid])
            wob = 0 if still else int(4 * math.sin(t * 30))
            for k in (-1, 1):
                pts = [(x + k * (40 + i * 6) + wob, y - 12 + i * 8) for i in range(4)]
                pygame.draw.lines(surface, pal.bad, False, pts, 3)
    if view.mode == "wire":
        for sid in r.lit():
            x, y = view.spot_pos(r.by_id[sid])
            grow = 0 if still else int(6 * (1 + math.sin(t * 6)))
            for k in range(8):
                a = k * math.pi / 4
                pygame.draw.line(
                    surface,
                    (255, 200, 60) if not pal.high_contrast else WHITE,
                    (x + math.cos(a) * 52, y + math.sin(a) * 52),
                    (x + math.cos(a) * (64 + grow), y + math.sin(a) * (64 + grow)),
                    4,
                )
    if view.anim > 0 and not still:
        _burst(view, surface, p)
    if r.finished and r.succeeded:
        _cheer(view, surface, p, still)
    if r.time_limit:
        p.timer(
            surface,
            (view.board.right - 150, view.board.y + 16, 130, 22),
            max(0.0, 1 - r.elapsed / r.time_limit),
            int(r.time_left()),
        )


def _burst(view, surface, p) -> None:
    """What the last step did, moving for a moment: speed lines behind the riding bike,
    sawdust falling from the saw mark, a spark running out of the fuse box."""
    pal, pic, t = p.palette, view.picture, 1 - view.anim / ANIM
    colour = WHITE if pal.high_contrast else (255, 236, 170)
    if view.anim_kind == "ride":
        for k in range(4):
            y = pic.y + pic.h // 3 + k * 22
            x = pic.x + 10 + int(t * 60) + (k % 2) * 20
            pygame.draw.line(surface, colour, (x, y), (x + 50, y), 3)
    elif view.anim_kind == "cut" and view.ruler.w:
        r = view.rules
        x = view.ruler.x + int(view.ruler.w * min(r.mark, max(1, r.board())) / max(1, r.board()))
        for k in range(6):
            pygame.draw.circle(
                surface,
                (205, 170, 120) if not pal.high_contrast else WHITE,
                (x - 10 + 4 * k, view.ruler.bottom + int(t * 30) + (k % 3) * 5),
                2,
            )
    elif view.anim_kind == "power":
        r = view.rules
        start = view.spot_pos(r.by_id[r.source])
        for w in r.wires:
            a, b = sorted(w)
            pa, pb = view.spot_pos(r.by_id[a]), view.spot_pos(r.by_id[b])
            if r.source in w and pb == start:
                pa, pb = pb, pa
            spark = (int(pa[0] + (pb[0] - pa[0]) * t), int(pa[1] + (pb[1] - pa[1]) * t))
            pygame.draw.circle(surface, colour, spark, 6)


def _cheer(view, surface, p, still: bool) -> None:
    """Stars over the picture when the job is done (they rise while the cheer lasts)."""
    pic = view.picture
    lift = 0 if still else int(view.anim * 30)
    colours = [(255, 209, 102), (6, 214, 160), (239, 71, 111), (58, 134, 255)]
    for k in range(8):
        x = pic.x + 30 + k * (pic.w - 60) // 7
        y = pic.y + 24 + (k % 3) * 16 + lift
        p.shape(
            surface, "star", (x, y), 10, colours[k % 4] if not p.palette.high_contrast else WHITE
        )
