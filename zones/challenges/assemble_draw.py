"""Drawing of the Doers' board: the frame, the banner, the job sheet, the controls.

Called by :class:`zones.challenges.assemble.AssembleMechanic`: ``draw_static`` inside its
cached layer (what changes only with the rules' state), ``draw_live`` every frame (the
pulse on the spot in play, rattles, the lamp's glow, the ride and the cheer; with
reduced motion their end state, still). The workshop picture per mode is in
``assemble_pictures``; the texts the boxes are measured for are in ``assemble_texts``.
Touches only the surface it is given.
"""

from __future__ import annotations

import math

import pygame

from zones import ui_layout
from zones.challenges import assemble_pictures, board_text
from zones.challenges.assemble_pictures import WHITE, WOOD, WOOD_EDGE
from zones.challenges.assemble_texts import BOLD_FACTS
from zones.challenges.assemble_wire_rules import VOLTS

#: seconds a ride, a switch-on or a cut is animated for
ANIM = 1.2
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
    pictures = assemble_pictures
    {"fit": pictures.bike, "wire": pictures.circuit, "cut": pictures.wall}[view.mode](
        view, surface, p
    )
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
    said = r.said
    text = view.say((said.key, said.values) if said else (f"assemble.start_{view.mode}", {}))
    good = said.good if said else True
    colour = (pal.good if good else pal.bad) if said else pal.accent
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
    for fact in view.rules.describe():
        if fact[0] in SHEET_SKIPS:
            continue
        text = view.say(fact)
        bad = fact[0] in BOLD_FACTS
        h = ui_layout.text_h(p, text, width, 17, bad) + 4
        if y + h > sheet.bottom - 6:
            break
        p.text(surface, text, (sheet.x + 16, y), 17, width=width, box=sheet, bold=bad)
        y += h


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
