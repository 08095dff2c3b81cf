"""The delivery-vans board at large text: one scrolling column.

Called by ``build_schedule`` / ``draw_schedule`` (organise_schedule_draw) when the text
is larger than 100 % (``board_text.large``). Top to bottom: the plan across the whole
width, turned on its side (hours down the left, one column per van, every cell as tall
as the tallest parcel it may hold), the remark bar and the hint button, then the parcels to
plan (cards in as many columns as fit, each as tall as the tallest parcel's wrapped name
and deadline) with room for the road-closure note below them. Touches only the surface
it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.base import Action

GAP = 12


def _right_text(m: Any, pid: str) -> str:
    parcel, t, pick = m.parcel(pid), m.kit.t, m.kit.pick
    right = t("organise.by", time=m.slots[m.deadline[pid]])
    need = parcel.get("needs", "")
    return f"{pick(m.params['tags'][need])} · {right}" if need else right


def build(m: Any, area: pygame.Rect, press_cell) -> None:
    """The plan turned on its side: hours down the left, one column per van (van names
    are long and there are fewer vans than hours, so the cells get the width)."""
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    head_h = 12 + ui_layout.text_h(p, t("organise.plan"), w - 36 - 170, 22, True) + 8
    m.label_w = max(p.font(19, True).size(slot)[0] for slot in m.slots) + 30
    m.cell_w = (w - 32 - m.label_w) // len(m.vans)
    inner = m.cell_w - 6 - 20
    pids = [parcel["id"] for parcel in m.parcels]
    by_h = max(ui_layout.label_h(p, t("organise.by", time=slot), inner - 30, 17) for slot in m.slots)
    cell_h = max(80, by_h + 8 + ui_layout.tallest(p, [pick(m.parcel(pid)["label"]) for pid in pids], inner, 17, True) + 24,
                 p.line(17, True) + ui_layout.icon(p, 24) + 24)
    name_w = m.cell_w - 6 - 52
    van_h = max(ui_layout.text_h(p, pick(v["label"]), name_w, 19, True)
                + (ui_layout.text_h(p, pick(m.params["tags"][v["tag"]]), name_w, 17) + 4 if v.get("tag") else 0)
                for v in m.vans) + 16
    m.large = {"head_h": head_h, "vans_y": area.y + head_h, "van_h": van_h, "rows": []}
    y = area.y + head_h + van_h + 8
    m.cells = {}
    for s, slot in enumerate(m.slots):
        m.large["rows"].append(pygame.Rect(x + 16, y, m.label_w - 8, cell_h))
        for v, van in enumerate(m.vans):
            r = pygame.Rect(x + 16 + m.label_w + v * m.cell_w + 3, y + 3, m.cell_w - 6, cell_h - 6)
            m.cells[(v, s)] = r
            m.spots[(v, s)] = m.kit.ui.hotspot(r, t("organise.cell", van=pick(van["label"]), time=slot),
                                               lambda c=(v, s): press_cell(m, c))
        y += cell_h
    m.grid_rect = pygame.Rect(x, area.y, w, y + 14 - area.y)
    m.bar_rect = pygame.Rect(x, m.grid_rect.bottom + 16, w, m.feedback_h())
    label = t("challenge.hint")
    hint = pygame.Rect(x, m.bar_rect.bottom + 12, max(300, p.button_w(label)), max(46, p.button_h()))
    m.spots["hint"] = m.kit.ui.button(hint, label, lambda: m.perform(Action("hint")))
    _build_list(m, area, hint.bottom + 20)


def _build_list(m: Any, area: pygame.Rect, top: int) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    head_h = 12 + ui_layout.tallest(p, [t("organise.parcels", n=n) for n in (len(m.parcels), 10)], w - 36, 22, True) + 6
    help_h = ui_layout.text_h(p, t("organise.parcels_help"), w - 36, 17) + 12
    cols = ui_layout.columns_for(p, 2, w - 28, 420)
    card_w = (w - 28 - GAP * (cols - 1)) // cols
    text_w = card_w - 48 - 12
    card_h = max(46, max(ui_layout.text_h(p, pick(parcel["label"]), text_w, 18, True)
                         + ui_layout.text_h(p, _right_text(m, parcel["id"]), text_w, 17, True) for parcel in m.parcels) + 22)
    cards_y = top + head_h + help_h
    in_play = len(m.queue) + len(m.grid)                     # a planned parcel may come back
    m.large["cards"] = ui_layout.grid([card_h] * max(1, in_play), x + 14, cards_y, w - 28, cols, GAP)
    m.large["list_head"], m.large["text_w"] = head_h, text_w
    for pid in (parcel["id"] for parcel in m.parcels):
        m.spots[pid] = m.kit.ui.hotspot(pygame.Rect(0, 0, 0, 0), pick(m.parcel(pid)["label"]),
                                        lambda pid=pid: m.perform(Action("select", pid)))
    notes = [m.kit.pick(m.params["closure"], slot=slot) for slot in m.slots]
    m.large["note_h"] = ui_layout.tallest(p, notes, w - 28 - 24 - ui_layout.icon(p, 22) - 12, 17, True) + 24
    m.large["cards_y"] = cards_y
    m.list_rect = pygame.Rect(x, top, w, 0)
    fit_list(m)


def fit_list(m: Any) -> None:
    """The parcel list is the last block: as tall as the parcels still to plan and the
    road-closure note (called at build and before each drawing; sets ``m.bottom``)."""
    lg = m.large
    shown = lg["cards"][:max(1, len(m.queue))]
    y = ui_layout.bottom(shown, lg["cards_y"]) + 12
    lg["note"] = pygame.Rect(m.list_rect.x + 14, y, m.list_rect.w - 28, lg["note_h"])
    bottom = lg["note"].bottom if m.closure_text else y - 12
    m.list_rect.h = bottom + 14 - m.list_rect.y
    m.bottom = m.list_rect.bottom


def draw(m: Any, surface: pygame.Surface, draw_cell) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    g, lg = m.grid_rect, m.large
    p.panel(surface, g)
    p.text(surface, t("organise.plan"), (g.x + 18, g.y + 12), 22, bold=True, width=g.w - 36 - 170, box=g)
    m.draw_clock(surface, (g.right - 150, g.y + 20, 130, 20))
    for s, (slot, row) in enumerate(zip(m.slots, lg["rows"], strict=True)):
        head = pygame.Rect(row.x, row.y + 3, row.w, p.line(19, True) + 12)
        closed = s == m.blocked
        pygame.draw.rect(surface, pal.bad if closed else pal.panel_edge, head, border_radius=8)
        p.text(surface, slot, (head.centerx, head.y + 6), 19, bold=True, align="center", box=head,
               colour=(255, 255, 255) if closed and not pal.high_contrast else (0, 0, 0) if pal.high_contrast
               else pal.ink)
    for v, van in enumerate(m.vans):
        col = pygame.Rect(g.x + 16 + m.label_w + v * m.cell_w + 3, lg["vans_y"], m.cell_w - 6, lg["van_h"])
        p.shape(surface, van["shape"], (col.x + 20, col.y + 8 + p.line(19, True) // 2), 14,
                p.colour(van.get("colour", "#3A86FF")))
        name = p.text(surface, pick(van["label"]), (col.x + 40, col.y + 8), 19, bold=True, width=col.w - 46, box=col)
        if van.get("tag"):
            p.text(surface, pick(m.params["tags"][van["tag"]]), (col.x + 40, name.bottom + 4), 17,
                   colour=pal.muted, width=col.w - 46, box=col)
    for cell, r in m.cells.items():
        draw_cell(m, surface, cell, r)
    m.draw_feedback(surface, m.bar_rect, t("organise.van_idle"))
    _draw_list(m, surface)


def draw_cell_content(m: Any, surface: pygame.Surface, cell: tuple[int, int], r: pygame.Rect) -> None:
    """A planned parcel in its cell: shape and deadline, then its name, all wrapped."""
    p = m.kit.painter
    pal = p.palette
    pid = m.grid.get(cell)
    if not pid:
        return
    parcel = m.parcel(pid)
    p.shape(surface, parcel["shape"], (r.x + 22, r.y + 10 + p.line(17) // 2), 13,
            p.colour(parcel.get("colour", "#E07A3F")))
    by = m.kit.t("organise.by", time=m.slots[m.deadline[pid]])
    rect = ui_layout.label(p, surface, by, (r.x + 42, r.y + 10 + ui_layout.label_h(p, by, r.w - 52, 17) // 2), r.w - 52, 17,
                    colour=pal.muted, box=r)
    p.text(surface, m.kit.pick(parcel["label"]), (r.x + 12, rect.bottom + 8), 17, bold=True, width=r.w - 20, box=r)


def closed_cell(m: Any, surface: pygame.Surface, r: pygame.Rect) -> None:
    p = m.kit.painter
    size = ui_layout.icon(p, 24)
    top = r.centery - (size + 4 + p.line(17, True)) // 2
    p.icon(surface, "cross", (r.centerx, top + size // 2), size, p.palette.bad)
    p.text(surface, m.kit.t("organise.closed"), (r.centerx, top + size + 4), 17, bold=True, align="center",
           colour=p.palette.bad, width=r.w - 12, box=r)


def _draw_list(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    box, lg = m.list_rect, m.large
    p.panel(surface, box)
    p.text(surface, t("organise.parcels", n=len(m.queue)), (box.x + 18, box.y + 12), 22, bold=True,
           width=box.w - 36, box=box)
    p.text(surface, t("organise.parcels_help"), (box.x + 18, box.y + lg["list_head"]), 17, colour=pal.muted,
           width=box.w - 36, box=box)
    if not m.queue:
        p.icon(surface, "check", lg["cards"][0].center, 60, pal.good)
    if m.closure_text:
        note = lg["note"]
        pygame.draw.rect(surface, pal.panel, note, border_radius=10)
        pygame.draw.rect(surface, pal.bad, note, 3, border_radius=10)
        size = ui_layout.icon(p, 22)
        p.icon(surface, "cross", (note.x + 12 + size // 2, note.centery), size, pal.bad)
        w = note.w - 24 - size - 12
        h = p.height(m.closure_text, 17, w, bold=True)
        p.text(surface, m.closure_text, (note.x + 24 + size, note.centery - h // 2), 17, bold=True, width=w, box=note)
    for i, pid in enumerate(m.queue):
        r = lg["cards"][i]
        parcel = m.parcel(pid)
        chosen = pid == m.selected
        fill = p.colour("#EAF2FF") if chosen and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, r, border_radius=10)
        pygame.draw.rect(surface, pal.accent if chosen else pal.panel_edge, r, 3 if chosen else 2, border_radius=10)
        if chosen:
            pygame.draw.rect(surface, pal.accent, (r.x, r.y, 8, r.h), border_top_left_radius=10,
                             border_bottom_left_radius=10)
        p.shape(surface, parcel["shape"], (r.x + 28, r.y + 10 + p.line(18, True) // 2), 13,
                p.colour(parcel.get("colour", "#E07A3F")))
        name = p.text(surface, pick(parcel["label"]), (r.x + 48, r.y + 10), 18, bold=chosen, width=lg["text_w"], box=r)
        need = parcel.get("needs", "")
        p.text(surface, _right_text(m, pid), (r.x + 48, name.bottom + 2), 17, colour=pal.ink if need else pal.muted,
               bold=bool(need), width=lg["text_w"], box=r)
