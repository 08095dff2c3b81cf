"""Layout and drawing of the organise ``schedule`` mode, declared once for every text size.

Called by the schedule mechanic's ``build`` / ``draw``. The plan (vans × hours), the
remark bar with the hint button, and the parcels to plan. One orientation rule, chosen
from measured widths (``ui_layout.beside``): while the parcel list fits beside the
790-pixel plan, hours run across and the list stands on the right; where it does not
(bigger text), the plan takes the whole width and turns on its side (hours down the
left, one column per van: van names are long and there are fewer vans than hours), and
the bar, hint and list follow below it. Every other box keeps its 100 % size as the
least and grows with its measured text.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.base import Action
from zones.challenges.organise_params import Van

PLAN_W, PLAN_H = 790, 480  # the plan at 100 % (hours across)
GAP = 12


def _right_text(m: Any, pid: str) -> str:
    parcel, t, pick = m.parcel(pid), m.kit.t, m.kit.pick
    right = t("organise.by", time=m.slots[m.deadline[pid]])
    need = parcel.needs
    return f"{pick(m.params.tags[need])} · {right}" if need else right


def build_schedule(m: Any, area: pygame.Rect) -> None:
    """Rects and hotspots of the plan, the bar and hint, and the parcel list."""
    p, t = m.kit.painter, m.kit.t
    m.side_by_side, _ = ui_layout.beside(p, area.x, area.y, area.w, PLAN_W, area.w - PLAN_W - 20)
    m.cells = {}
    if m.side_by_side:
        _plan_across(m, area)
        m.list_rect = ui_layout.second(m.grid_rect, area, True, area.h)
        m.bar_rect = pygame.Rect(
            area.x, m.grid_rect.bottom + 16, 560, area.bottom - m.grid_rect.bottom - 18
        )
        g = m.grid_rect
        hint = pygame.Rect(
            m.bar_rect.right + 16, m.bar_rect.y, g.right - m.bar_rect.right - 16, m.bar_rect.h
        )
    else:
        _plan_down(m, area)
        m.bar_rect = pygame.Rect(area.x, m.grid_rect.bottom + 16, area.w, m.feedback_h())
        label = t("challenge.hint")
        hint = pygame.Rect(
            area.x, m.bar_rect.bottom + 12, max(300, p.button_w(label)), max(46, p.button_h())
        )
        m.list_rect = pygame.Rect(area.x, hint.bottom + 20, area.w, 0)
    m.spots["hint"] = m.kit.ui.button(hint, t("challenge.hint"), lambda: m.perform(Action("hint")))
    _build_list(m)


def _cell_spot(m: Any, v: int, s: int, r: pygame.Rect) -> None:
    t, pick = m.kit.t, m.kit.pick
    m.cells[(v, s)] = r
    m.spots[(v, s)] = m.kit.ui.hotspot(
        r,
        t("organise.cell", van=pick(m.vans[v].label), time=m.slots[s]),
        lambda c=(v, s): _press_cell(m, c),
    )


def _plan_across(m: Any, area: pygame.Rect) -> None:
    """Hours across the top, one row per van."""
    m.grid_rect = g = pygame.Rect(area.x, area.y, PLAN_W, PLAN_H)
    m.label_w = 170
    m.cell_w = (g.w - 32 - m.label_w) // len(m.slots)
    m.cell_h = (g.h - 110) // len(m.vans)
    m.heads = [
        pygame.Rect(g.x + 16 + m.label_w + s * m.cell_w + 3, g.y + 54, m.cell_w - 6, 34)
        for s in range(len(m.slots))
    ]
    m.van_boxes = [
        pygame.Rect(g.x + 16, g.y + 96 + v * m.cell_h + 3, m.label_w - 8, m.cell_h - 6)
        for v in range(len(m.vans))
    ]
    for v in range(len(m.vans)):
        for s in range(len(m.slots)):
            _cell_spot(
                m,
                v,
                s,
                pygame.Rect(
                    g.x + 16 + m.label_w + s * m.cell_w + 3,
                    g.y + 96 + v * m.cell_h + 3,
                    m.cell_w - 6,
                    m.cell_h - 6,
                ),
            )


def _plan_down(m: Any, area: pygame.Rect) -> None:
    """Hours down the left, one column per van; every cell as tall as the tallest parcel
    it may hold."""
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    head_h = 12 + ui_layout.text_h(p, t("organise.plan"), w - 36 - 170, 22, True) + 8
    m.label_w = max(p.font(19, True).size(slot)[0] for slot in m.slots) + 30
    m.cell_w = (w - 32 - m.label_w) // len(m.vans)
    inner = m.cell_w - 6 - 20
    by_h = max(
        ui_layout.label_h(p, t("organise.by", time=slot), inner - 30, 17) for slot in m.slots
    )
    names = [pick(parcel.label) for parcel in m.parcels]
    cell_h = max(
        80,
        by_h + 8 + ui_layout.tallest(p, names, inner, 17, True) + 24,
        p.line(17, True) + ui_layout.icon(p, 24) + 24,
    )
    name_w = m.cell_w - 6 - 52
    van_h = (
        max(
            ui_layout.text_h(p, pick(v.label), name_w, 19, True)
            + (ui_layout.text_h(p, pick(m.params.tags[v.tag]), name_w, 17) + 4 if v.tag else 0)
            for v in m.vans
        )
        + 16
    )
    top = area.y + head_h + van_h + 8
    m.van_boxes = [
        pygame.Rect(x + 16 + m.label_w + v * m.cell_w + 3, area.y + head_h, m.cell_w - 6, van_h)
        for v in range(len(m.vans))
    ]
    m.heads = [
        pygame.Rect(x + 16, top + s * cell_h + 3, m.label_w - 8, p.line(19, True) + 12)
        for s in range(len(m.slots))
    ]
    for s in range(len(m.slots)):
        for v in range(len(m.vans)):
            _cell_spot(
                m,
                v,
                s,
                pygame.Rect(
                    x + 16 + m.label_w + v * m.cell_w + 3,
                    top + s * cell_h + 3,
                    m.cell_w - 6,
                    cell_h - 6,
                ),
            )
    m.grid_rect = pygame.Rect(x, area.y, w, top + len(m.slots) * cell_h + 14 - area.y)


def _one_line(m: Any, pid: str, card_w: int) -> bool:
    """A parcel card is one row (name left, deadline right) when both fit on it (at 100 %
    the name may shrink); else the deadline wraps under the name."""
    p = m.kit.painter
    right_w = p.font(17).size(_right_text(m, pid))[0]
    return ui_layout.shrinks(p) or p.fits(
        m.kit.pick(m.parcel(pid).label), card_w - right_w - 70, 18, True
    )


def _build_list(m: Any) -> None:
    """The parcel cards (in as many columns as fit, as tall as the tallest card's text)
    and the road-closure note's height."""
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    box = m.list_rect
    m.list_head = (
        12
        + ui_layout.tallest(
            p, [t("organise.parcels", n=n) for n in (len(m.parcels), 10)], box.w - 36, 22, True
        )
        + 6
    )
    help_h = ui_layout.label_h(p, t("organise.parcels_help"), box.w - 36, 17) + 12
    cols = ui_layout.columns_for(p, 2, box.w - 28, 420)
    card_w = (box.w - 28 - GAP * (cols - 1)) // cols
    m.text_w = card_w - 48 - 12
    m.one_line = {parcel.id: _one_line(m, parcel.id, card_w) for parcel in m.parcels}
    card_h = ui_layout.grow(
        46,
        max(
            p.line(18, True) + 22
            if m.one_line[parcel.id]
            else ui_layout.text_h(p, pick(parcel.label), m.text_w, 18, True)
            + ui_layout.text_h(p, _right_text(m, parcel.id), m.text_w, 17, True)
            + 22
            for parcel in m.parcels
        ),
    )
    m.help_y = box.y + ui_layout.grow(60, m.list_head + help_h // 2 - 6)  # the help line's middle
    m.cards_y = box.y + ui_layout.grow(84, m.list_head + help_h)
    in_play = len(m.queue) + len(m.grid)  # a planned parcel may come back
    m.cards = ui_layout.grid(
        [card_h] * max(1, in_play), box.x + 14, m.cards_y, box.w - 28, cols, GAP, 6
    )
    for pid in (parcel.id for parcel in m.parcels):
        m.spots[pid] = m.kit.ui.hotspot(
            pygame.Rect(0, 0, 0, 0),
            pick(m.parcel(pid).label),
            lambda pid=pid: m.perform(Action("select", pid)),
        )
    notes = [m.kit.pick(m.params.closure, slot=slot) for slot in m.slots]
    m.note_h = ui_layout.grow(
        72, ui_layout.tallest(p, notes, box.w - 28 - 34 - ui_layout.icon(p, 22), 17, True) + 24
    )
    fit_list(m)


def fit_list(m: Any) -> None:
    """Where the list sits below the plan it is the last block: as tall as the parcels
    still to plan and the road-closure note (called at build and before each drawing;
    sets ``m.bottom``). Beside the plan it keeps its height, the note at its foot."""
    box = m.list_rect
    if m.side_by_side:
        m.note = pygame.Rect(box.x + 14, box.bottom - 86, box.w - 28, 72)
        return
    y = ui_layout.bottom(m.cards[: max(1, len(m.queue))], m.cards_y) + 12
    m.note = pygame.Rect(box.x + 14, y, box.w - 28, m.note_h)
    box.h = (m.note.bottom if m.closure_text else y - 12) + 14 - box.y
    m.bottom = box.bottom


def _press_cell(m: Any, cell: tuple[int, int]) -> None:
    key = f"{cell[0]}:{cell[1]}"
    if cell in m.grid:
        m.perform(Action("unplace", m.grid[cell], key))
    elif m.selected:
        m.perform(Action("place", m.selected, key))


def card_rect(m: Any, index: int) -> pygame.Rect:
    return m.cards[index]


def sync_schedule(m: Any) -> None:
    for key, spot in m.spots.items():
        if key == "hint":
            spot.set_enabled(not m.finished and m.selected is not None)
        elif isinstance(key, tuple):
            spot.enabled = not m.finished and key[1] != m.blocked
        else:
            spot.visible = key in m.queue and not m.finished
            if key in m.queue:
                spot.rect = card_rect(m, m.queue.index(key))


def _titled_panel(
    m: Any, surface: pygame.Surface, box: pygame.Rect, title: str, title_w: int
) -> None:
    """A panel with its bold title in the top-left corner (wrapped to ``title_w``)."""
    p = m.kit.painter
    p.panel(surface, box)
    p.text(surface, title, (box.x + 18, box.y + 14), 22, bold=True, width=title_w, box=box)


def draw_schedule(m: Any, surface: pygame.Surface) -> None:
    p = m.kit.painter
    pal = p.palette
    t = m.kit.t
    g = m.grid_rect
    _titled_panel(m, surface, g, t("organise.plan"), g.w - 36 - 170)
    m.draw_clock(surface, (g.right - 150, g.y + 20, 130, 20))
    for s, (slot, head) in enumerate(zip(m.slots, m.heads, strict=True)):
        closed = s == m.blocked
        pygame.draw.rect(surface, pal.bad if closed else pal.panel_edge, head, border_radius=8)
        p.text(
            surface,
            slot,
            (head.centerx, head.y + 6),
            19,
            bold=True,
            align="center",
            box=head,
            colour=(255, 255, 255)
            if closed and not pal.high_contrast
            else (0, 0, 0)
            if pal.high_contrast
            else pal.ink,
        )  # dark on the light head in high contrast too
    for van, label in zip(m.vans, m.van_boxes, strict=True):
        _draw_van(m, surface, van, label)
    for cell, r in m.cells.items():
        _draw_cell(m, surface, cell, r)
    m.draw_feedback(surface, m.bar_rect, t("organise.van_idle"))
    _draw_list(m, surface)


def _draw_van(m: Any, surface: pygame.Surface, van: Van, label: pygame.Rect) -> None:
    """A van's shape, name and tag: centred in its row label (hours across) or from the
    top of its column head (hours down), the name wrapped where it may not shrink."""
    p, pick = m.kit.painter, m.kit.pick
    w = label.w - 44
    name, tag = pick(van.label), pick(m.params.tags[van.tag]) if van.tag else ""
    name_h = ui_layout.label_h(p, name, w, 19, True)
    if m.side_by_side:
        y = label.centery - 12 - name_h // 2
    else:
        y = label.y + 8
    p.shape(
        surface,
        van.shape,
        (label.x + 20, y + p.line(19, True) // 2),
        14,
        p.colour(van.colour),
    )
    ui_layout.label(p, surface, name, (label.x + 40, y + name_h // 2), w, 19, bold=True, box=label)
    if tag:
        tag_y = (
            label.centery + 14
            if m.side_by_side
            else y + name_h + 4 + ui_layout.label_h(p, tag, w, 17) // 2
        )
        ui_layout.label(
            p, surface, tag, (label.x + 40, tag_y), w, 17, colour=p.palette.muted, box=label
        )


def _draw_cell(m: Any, surface: pygame.Surface, cell: tuple[int, int], r: pygame.Rect) -> None:
    p = m.kit.painter
    pal = p.palette
    if cell[1] == m.blocked:
        pygame.draw.rect(
            surface, (225, 225, 225) if not pal.high_contrast else pal.panel, r, border_radius=10
        )
        clip = surface.get_clip()
        surface.set_clip(r.inflate(-6, -6))
        for k in range(-r.h, r.w, 18):
            pygame.draw.line(surface, pal.panel_edge, (r.x + k, r.bottom), (r.x + k + r.h, r.y), 2)
        surface.set_clip(clip)
        size = ui_layout.icon(p, 24)
        p.icon(surface, "cross", (r.centerx, r.centery - size // 2), size, pal.bad)
        p.text(
            surface,
            m.kit.t("organise.closed"),
            (r.centerx, r.centery + 6),
            17,
            bold=True,
            align="center",
            colour=pal.bad,
            width=r.w - 12,
            box=r,
        )
        return
    hinted = cell == m.hint_cell
    fill = p.colour("#FFF4DC") if hinted and not pal.high_contrast else pal.panel
    pygame.draw.rect(surface, fill, r, border_radius=10)
    pygame.draw.rect(
        surface, pal.focus if hinted else pal.panel_edge, r, 4 if hinted else 2, border_radius=10
    )
    if hinted:
        board_text.hint_mark(m.kit.painter, surface, r)
    pid = m.grid.get(cell)
    if not pid:
        return
    parcel = m.parcel(pid)
    by = m.kit.t("organise.by", time=m.slots[m.deadline[pid]])
    mid = r.y + ui_layout.grow(22, 10 + ui_layout.label_h(p, by, r.w - 52, 17) // 2)
    p.shape(surface, parcel.shape, (r.x + 22, mid), 13, p.colour(parcel.colour))
    rect = ui_layout.label(p, surface, by, (r.x + 42, mid), r.w - 52, 17, colour=pal.muted, box=r)
    p.text(
        surface,
        m.kit.pick(parcel.label),
        (r.x + 12, ui_layout.below(r.y + 42, rect.bottom, 8)),
        17,
        bold=True,
        width=r.w - 20,
        box=r,
    )


def _draw_list(m: Any, surface: pygame.Surface) -> None:
    p = m.kit.painter
    pal = p.palette
    t = m.kit.t
    box = m.list_rect
    _titled_panel(m, surface, box, t("organise.parcels", n=len(m.queue)), box.w - 36)
    helptext = t("organise.parcels_help")
    ui_layout.label(
        p, surface, helptext, (box.x + 18, m.help_y), box.w - 36, 17, colour=pal.muted, box=box
    )
    if not m.queue:
        p.icon(surface, "check", box.center if m.side_by_side else m.cards[0].center, 60, pal.good)
    if m.closure_text:
        note = m.note
        pygame.draw.rect(surface, pal.panel, note, border_radius=10)
        pygame.draw.rect(surface, pal.bad, note, 3, border_radius=10)
        size = ui_layout.icon(p, 22)
        p.icon(surface, "cross", (note.x + 11 + size // 2, note.centery), size, pal.bad)
        w = note.w - 34 - size
        h = p.height(m.closure_text, 17, w, bold=True)
        p.text(
            surface,
            m.closure_text,
            (note.x + 20 + size, note.centery - h // 2),
            17,
            bold=True,
            width=w,
            box=note,
        )
    for i, pid in enumerate(m.queue):
        _draw_card(m, surface, pid, m.cards[i])


def _draw_card(m: Any, surface: pygame.Surface, pid: str, r: pygame.Rect) -> None:
    """A parcel to plan: its shape, name and deadline (one row, or the deadline under
    the name), a thick edge and side bar when it is the one chosen."""
    p, pick = m.kit.painter, m.kit.pick
    pal = p.palette
    parcel = m.parcel(pid)
    chosen = pid == m.selected
    fill = p.colour("#EAF2FF") if chosen and not pal.high_contrast else pal.panel
    pygame.draw.rect(surface, fill, r, border_radius=10)
    pygame.draw.rect(
        surface, pal.accent if chosen else pal.panel_edge, r, 3 if chosen else 2, border_radius=10
    )
    if chosen:
        pygame.draw.rect(
            surface,
            pal.accent,
            (r.x, r.y, 8, r.h),
            border_top_left_radius=10,
            border_bottom_left_radius=10,
        )
    colour = p.colour(parcel.colour)
    need = parcel.needs
    right = _right_text(m, pid)
    if m.one_line[pid]:
        p.shape(surface, parcel.shape, (r.x + 28, r.centery), 13, colour)
        right_w = p.font(17).size(right)[0]
        ui_layout.label(
            p,
            surface,
            pick(parcel.label),
            (r.x + 48, r.centery),
            r.w - right_w - 70,
            18,
            bold=chosen,
            box=r,
        )
        p.text(
            surface,
            right,
            (r.right - 12, r.centery - ui_layout.scaled(p, 11)),
            17,
            align="right",
            colour=pal.ink if need else pal.muted,
            bold=bool(need),
            box=r,
        )
        return
    p.shape(surface, parcel.shape, (r.x + 28, r.y + 10 + p.line(18, True) // 2), 13, colour)
    name = p.text(
        surface, pick(parcel.label), (r.x + 48, r.y + 10), 18, bold=chosen, width=m.text_w, box=r
    )
    p.text(
        surface,
        right,
        (r.x + 48, name.bottom + 2),
        17,
        colour=pal.ink if need else pal.muted,
        bold=bool(need),
        width=m.text_w,
        box=r,
    )
