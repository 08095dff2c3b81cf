"""Layout and drawing of the organise ``schedule`` mode: the vans × hours grid on the left,
the list of parcels to plan on the right, the last remark and a hint button below."""

from __future__ import annotations

from typing import Any

import pygame

from zones.challenges import board_text, organise_schedule_large
from zones.challenges.base import Action


def build_schedule(m: Any, area: pygame.Rect) -> None:
    m.large = None
    if board_text.large(m.kit.painter):
        organise_schedule_large.build(m, area, _press_cell)
        return
    m.grid_rect = pygame.Rect(area.x, area.y, 790, 480)
    m.list_rect = pygame.Rect(m.grid_rect.right + 20, area.y, area.right - m.grid_rect.right - 20, area.h)
    m.bar_rect = pygame.Rect(area.x, m.grid_rect.bottom + 16, 560, area.bottom - m.grid_rect.bottom - 18)
    g = m.grid_rect
    m.label_w = 170
    m.cell_w = (g.w - 32 - m.label_w) // len(m.slots)
    m.cell_h = (g.h - 110) // len(m.vans)
    m.cells = {}
    t, pick = m.kit.t, m.kit.pick
    for v, van in enumerate(m.vans):
        for s, slot in enumerate(m.slots):
            r = pygame.Rect(g.x + 16 + m.label_w + s * m.cell_w + 3, g.y + 96 + v * m.cell_h + 3,
                            m.cell_w - 6, m.cell_h - 6)
            m.cells[(v, s)] = r
            m.spots[(v, s)] = m.kit.ui.hotspot(r, t("organise.cell", van=pick(van["label"]), time=slot),
                                               lambda c=(v, s): _press_cell(m, c))
    for pid in (p["id"] for p in m.parcels):
        m.spots[pid] = m.kit.ui.hotspot(pygame.Rect(0, 0, 0, 0), pick(m.parcel(pid)["label"]),
                                        lambda pid=pid: m.perform(Action("select", pid)))
    m.spots["hint"] = m.kit.ui.button((m.bar_rect.right + 16, m.bar_rect.y, g.right - m.bar_rect.right - 16,
                                       m.bar_rect.h), t("challenge.hint"), lambda: m.perform(Action("hint")))


def _press_cell(m: Any, cell: tuple[int, int]) -> None:
    key = f"{cell[0]}:{cell[1]}"
    if cell in m.grid:
        m.perform(Action("unplace", m.grid[cell], key))
    elif m.selected:
        m.perform(Action("place", m.selected, key))


def card_rect(m: Any, index: int) -> pygame.Rect:
    if getattr(m, "large", None):
        return m.large["cards"][index]
    r = m.list_rect
    return pygame.Rect(r.x + 14, r.y + 84 + index * 52, r.w - 28, 46)


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


def draw_schedule(m: Any, surface: pygame.Surface) -> None:
    p = m.kit.painter
    pal = p.palette
    t, pick = m.kit.t, m.kit.pick
    if m.large:
        organise_schedule_large.draw(m, surface, _draw_cell)
        return
    g = m.grid_rect
    p.panel(surface, g)
    p.text(surface, t("organise.plan"), (g.x + 18, g.y + 14), 22, bold=True)
    m.draw_clock(surface, (g.right - 150, g.y + 20, 130, 20))
    for s, slot in enumerate(m.slots):
        x = g.x + 16 + m.label_w + s * m.cell_w
        head = pygame.Rect(x + 3, g.y + 54, m.cell_w - 6, 34)
        closed = s == m.blocked
        pygame.draw.rect(surface, pal.bad if closed else pal.panel_edge, head, border_radius=8)
        p.text(surface, slot, (head.centerx, head.y + 6), 19, bold=True, align="center",
               colour=(255, 255, 255) if closed and not pal.high_contrast else pal.ink)
    for v, van in enumerate(m.vans):
        y = g.y + 96 + v * m.cell_h
        label = pygame.Rect(g.x + 16, y + 3, m.label_w - 8, m.cell_h - 6)
        p.shape(surface, van["shape"], (label.x + 20, label.centery - 12), 14, p.colour(van.get("colour", "#3A86FF")))
        p.text_fit(surface, pick(van["label"]), (label.x + 40, label.centery - 12), label.w - 44, 19, bold=True)
        if van.get("tag"):
            p.text_fit(surface, pick(m.params["tags"][van["tag"]]), (label.x + 40, label.centery + 14),
                       label.w - 44, 17, colour=pal.muted)
    for cell, r in m.cells.items():
        _draw_cell(m, surface, cell, r)
    m.draw_feedback(surface, m.bar_rect, t("organise.van_idle"))
    _draw_list(m, surface)


def _draw_cell(m: Any, surface: pygame.Surface, cell: tuple[int, int], r: pygame.Rect) -> None:
    p = m.kit.painter
    pal = p.palette
    if cell[1] == m.blocked:
        pygame.draw.rect(surface, (225, 225, 225) if not pal.high_contrast else pal.panel, r, border_radius=10)
        clip = surface.get_clip()
        surface.set_clip(r.inflate(-6, -6))
        for k in range(-r.h, r.w, 18):
            pygame.draw.line(surface, pal.panel_edge, (r.x + k, r.bottom), (r.x + k + r.h, r.y), 2)
        surface.set_clip(clip)
        if m.large:
            organise_schedule_large.closed_cell(m, surface, r)
            return
        p.icon(surface, "cross", (r.centerx, r.centery - 12), 24, pal.bad)
        p.text(surface, m.kit.t("organise.closed"), (r.centerx, r.centery + 6), 17, bold=True, align="center",
               colour=pal.bad)
        return
    hinted = cell == m.hint_cell
    fill = p.colour("#FFF4DC") if hinted and not pal.high_contrast else pal.panel
    pygame.draw.rect(surface, fill, r, border_radius=10)
    pygame.draw.rect(surface, pal.focus if hinted else pal.panel_edge, r, 4 if hinted else 2, border_radius=10)
    if hinted:
        board_text.hint_mark(m.kit.painter, surface, r)
    pid = m.grid.get(cell)
    if m.large:
        organise_schedule_large.draw_cell_content(m, surface, cell, r)
    elif pid:
        parcel = m.parcel(pid)
        p.shape(surface, parcel["shape"], (r.x + 22, r.y + 22), 13, p.colour(parcel.get("colour", "#E07A3F")))
        p.text_fit(surface, m.kit.t("organise.by", time=m.slots[m.deadline[pid]]), (r.x + 42, r.y + 22),
                   r.w - 50, 17, colour=pal.muted)
        p.text(surface, m.kit.pick(parcel["label"]), (r.x + 12, r.y + 42), 17, bold=True, width=r.w - 20)


def _draw_list(m: Any, surface: pygame.Surface) -> None:
    p = m.kit.painter
    pal = p.palette
    t, pick = m.kit.t, m.kit.pick
    box = m.list_rect
    p.panel(surface, box)
    p.text(surface, t("organise.parcels", n=len(m.queue)), (box.x + 18, box.y + 14), 22, bold=True)
    p.text_fit(surface, t("organise.parcels_help"), (box.x + 18, box.y + 60), box.w - 36, 17, colour=pal.muted)
    if not m.queue:
        p.icon(surface, "check", (box.centerx, box.centery), 60, pal.good)
    if m.closure_text:
        note = pygame.Rect(box.x + 14, box.bottom - 86, box.w - 28, 72)
        pygame.draw.rect(surface, pal.panel, note, border_radius=10)
        pygame.draw.rect(surface, pal.bad, note, 3, border_radius=10)
        p.icon(surface, "cross", (note.x + 22, note.centery), 22, pal.bad)
        h = p.height(m.closure_text, 17, note.w - 56, bold=True)
        p.text(surface, m.closure_text, (note.x + 42, note.centery - h // 2), 17, bold=True, width=note.w - 56)
    for i, pid in enumerate(m.queue):
        r = card_rect(m, i)
        parcel = m.parcel(pid)
        chosen = pid == m.selected
        fill = p.colour("#EAF2FF") if chosen and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, r, border_radius=10)
        pygame.draw.rect(surface, pal.accent if chosen else pal.panel_edge, r, 3 if chosen else 2, border_radius=10)
        if chosen:
            pygame.draw.rect(surface, pal.accent, (r.x, r.y, 8, r.h), border_top_left_radius=10,
                             border_bottom_left_radius=10)
        p.shape(surface, parcel["shape"], (r.x + 28, r.centery), 13, p.colour(parcel.get("colour", "#E07A3F")))
        need = parcel.get("needs", "")
        right = t("organise.by", time=m.slots[m.deadline[pid]])
        if need:
            right = f"{pick(m.params['tags'][need])} · {right}"
        right_w = p.font(17).size(right)[0]
        p.text_fit(surface, pick(parcel["label"]), (r.x + 48, r.centery), r.w - right_w - 70, 18, bold=chosen)
        p.text(surface, right, (r.right - 12, r.centery - 11), 17, align="right",
               colour=pal.ink if need else pal.muted, bold=bool(need))
