"""The library-sort and club-accounts boards at large text: one scrolling column.

Called by ``LibrarySort`` and ``ClubAccounts`` in ``build`` and (inside their cached
layer) ``draw`` when the text is larger than 100 % (``board_text.large``). Each block
spans the whole width and is as tall as its wrapped text: sort shows the trolley (book,
remark, hint) over the bookcase (shelves in as many columns as fit); accounts shows the
ledger (rows as tall as their wrapped item), the remark and hint, then the receipts.
Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text as bt
from zones.challenges.base import Action

GAP = 12


def _heading(p, surface, rect: pygame.Rect, icon: str | None, text: str, clock: bool) -> None:
    x = rect.x + 18
    if icon:
        size = ui_layout.icon(p, 24)
        p.icon(surface, icon, (x + size // 2, rect.y + 12 + p.line(22, True) // 2), size, p.palette.ink)
        x += size + 8
    p.text(surface, text, (x, rect.y + 12), 22, bold=True, width=rect.right - x - (170 if clock else 18), box=rect)


def _heading_h(p, text: str, width: int) -> int:
    return 12 + ui_layout.text_h(p, text, width - 36 - 170 - ui_layout.icon(p, 24), 22, True) + 8


def _hint(m: Any, x: int, y: int) -> pygame.Rect:
    p, label = m.kit.painter, m.kit.t("challenge.hint")
    rect = pygame.Rect(x, y, max(300, p.button_w(label)), max(46, p.button_h()))
    m.spots["hint"] = m.kit.ui.button(rect, label, lambda: m.perform(Action("hint")))
    return rect


# -- library sort -------------------------------------------------------------------------
def build_sort(m: Any, area: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    head = _heading_h(p, t("organise.trolley"), w)
    left_h = ui_layout.tallest(p, [t("organise.left", n=n) for n in range(len(m.queue) + 1)], w - 36, 18)
    book_w = 520
    title_h = ui_layout.tallest(p, [pick(i["title"]) for i in m.queue], book_w - 56, 20, True)
    book = pygame.Rect(0, area.y + head + left_h + 16, book_w, 34 + title_h + 30 + p.line(26, True) + 36)
    book.centerx = area.centerx
    m.large = {"head": head, "book": book, "title_h": title_h}
    m.large["feedback"] = pygame.Rect(x + 16, book.bottom + 16, w - 32, m.feedback_h())
    hint = _hint(m, x + 16, m.large["feedback"].bottom + 12)
    m.trolley = pygame.Rect(x, area.y, w, hint.bottom + 16 - area.y)
    m.case = pygame.Rect(x, m.trolley.bottom + 20, w, 0)
    case_head = _heading_h(p, t("organise.bookcase"), w)
    cols = ui_layout.columns_for(p, 2, w - 32, 420)
    bin_w = (w - 32 - GAP * (cols - 1)) // cols
    m.large["range_w"] = max(p.font(20, True).size(m._range(b))[0] for b in m.bins)
    label_w = bin_w - 48 - m.large["range_w"] - ui_layout.icon(p, 18) - 40
    m.large["label_w"] = label_w
    heads = [max(ui_layout.text_h(p, pick(b["label"]), label_w, 19, True), p.line(20, True)) for b in m.bins]
    rects = ui_layout.grid([h + 14 + 14 + 96 for h in heads], x + 16, m.case.y + case_head, w - 32, cols, GAP)
    m.large["bin_head"] = dict(zip((b["id"] for b in m.bins), heads, strict=True))
    for b, r in zip(m.bins, rects, strict=True):
        m.rects[b["id"]] = r
        label = f"{pick(b['label'])} {m._range(b)}"
        m.spots[b["id"]] = m.kit.ui.hotspot(
            r, t("organise.shelf", shelf=label),
            lambda bid=b["id"]: m.perform(Action("shelve", m.queue[0]["id"] if m.queue else "", bid)))
    m.case.h = ui_layout.bottom(rects, m.case.y) + 16 - m.case.y
    m.bottom = m.case.bottom


def paint_sort(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    tr, lg = m.trolley, m.large
    p.panel(surface, tr)
    _heading(p, surface, tr, None, t("organise.trolley"), True)
    m.draw_clock(surface, (tr.right - 150, tr.y + 20, 130, 20))
    p.text(surface, t("organise.left", n=len(m.queue)), (tr.x + 18, tr.y + lg["head"]), 18, colour=pal.muted,
           width=tr.w - 36, box=tr)
    book = lg["book"]
    if m.queue:
        item = m.queue[0]
        pygame.draw.rect(surface, p.colour("#2A9D8F") if not pal.high_contrast else pal.panel, book, border_radius=12)
        pygame.draw.rect(surface, pal.ink, book, 3, border_radius=12)
        label = pygame.Rect(book.x + 18, book.y + 16, book.w - 36, lg["title_h"] + 36)
        pygame.draw.rect(surface, (255, 255, 255) if not pal.high_contrast else pal.panel, label, border_radius=8)
        p.text(surface, pick(item["title"]), (book.centerx, book.y + 34), 20, bold=True, align="center",
               width=book.w - 56, box=label)
        tag = pygame.Rect(0, 0, max(150, p.font(26, True).size(item["code"])[0] + 30), p.line(26, True) + 20)
        tag.midbottom = (book.centerx, book.bottom - 16)
        pygame.draw.rect(surface, pal.panel, tag, border_radius=10)
        pygame.draw.rect(surface, pal.ink, tag, 2, border_radius=10)
        p.text(surface, item["code"], (tag.centerx, tag.y + 10), 26, bold=True, align="center", box=tag)
    else:
        p.icon(surface, "check", book.center, 80, pal.good)
    m.draw_feedback(surface, lg["feedback"], t("organise.sort_idle"))
    case = m.case
    p.panel(surface, case)
    _heading(p, surface, case, None, t("organise.bookcase"), False)
    for b in m.bins:
        _shelf(m, surface, b)


def _shelf(m: Any, surface: pygame.Surface, b: dict) -> None:
    p = m.kit.painter
    pal = p.palette
    r, lg = m.rects[b["id"]], m.large
    hinted, tried = b["id"] == m.hint_bin, b["id"] in m.tried
    pygame.draw.rect(surface, p.colour("#FFF4DC") if hinted and not pal.high_contrast else pal.panel, r,
                     border_radius=12)
    pygame.draw.rect(surface, pal.focus if hinted else pal.panel_edge, r, 4 if hinted else 2, border_radius=12)
    top = r.y + 14
    if hinted:
        bt.hint_mark(p, surface, pygame.Rect(r.x, r.bottom - 60, r.w, 60))
    p.shape(surface, b["shape"], (r.x + 26, top + p.line(19, True) // 2), 14, p.colour(b.get("colour", "#3A86FF")))
    p.text(surface, m.kit.pick(b["label"]), (r.x + 48, top), 19, bold=True, width=lg["label_w"], box=r)
    p.text(surface, m._range(b), (r.right - 14, top), 20, bold=True, align="right", box=r)
    if tried:
        size = ui_layout.icon(p, 18)
        p.icon(surface, "cross", (r.right - 14 - lg["range_w"] - 14 - size // 2, top + p.line(20, True) // 2),
               size, pal.bad)
    plank_y = r.bottom - 16
    wood = (190, 140, 90) if not pal.high_contrast else pal.panel_edge
    pygame.draw.rect(surface, wood, (r.x + 10, plank_y, r.w - 20, 8), border_radius=4)
    x, spines_top = r.x + 16, top + lg["bin_head"][b["id"]] + 14
    for k in range(len(m.placed[b["id"]])):
        spine = pygame.Rect(x, spines_top + (k % 3) * 6, 22, plank_y - 4 - spines_top - (k % 3) * 6)
        if spine.right > r.right - 14:
            break
        shade = (58 + 40 * (k % 3), 120, 160 - 30 * (k % 2)) if not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, shade, spine, border_radius=4)
        pygame.draw.rect(surface, pal.ink, spine, 1, border_radius=4)
        x += 26


# -- club accounts ------------------------------------------------------------------------
def build_accounts(m: Any, area: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    head = _heading_h(p, t("organise.ledger"), w)
    help_h = ui_layout.text_h(p, t("organise.acc_help"), w - 36, 17)
    amounts = [m.money(r["written"]) for r in m.rows] + [m.money(r["paid"]) for r in m.rows if "paid" in r]
    money_w = max(p.font(18, True).size(a)[0] for a in amounts + [t("organise.acc_none")])
    m.large = {"head": head, "money_w": money_w}
    row_w = w - 28
    label_w = row_w - 14 - ui_layout.icon(p, 18) - 2 * money_w - 60
    m.large["label_w"] = label_w
    y = area.y + head + help_h + 12
    for row in m.rows:
        h = max(ui_layout.text_h(p, pick(row["label"]), label_w, 18), p.line(18, True)) + 14
        r = pygame.Rect(x + 14, y, row_w, h)
        m.rects[row["id"]] = r
        m.spots[row["id"]] = m.kit.ui.hotspot(
            r, t("organise.acc_row", item=pick(row["label"]), amount=m.money(row["written"])),
            lambda rid=row["id"]: m.perform(Action("flag", rid)))
        y = r.bottom + 4
    totals = [t("organise.acc_totals", ledger=m.money(m.ledger_total()), receipts=m.money(m.receipts_total()),
                diff=m.money(abs(m.ledger_total() - m.receipts_total())))]
    m.large["totals"] = pygame.Rect(x + 18, y + 8, w - 36, ui_layout.tallest(p, totals, w - 36, 18, True) + 20)
    m.ledger = pygame.Rect(x, area.y, w, m.large["totals"].bottom + 8 - area.y)
    m.bar = pygame.Rect(x, m.ledger.bottom + 16, w, m.feedback_h())
    hint = _hint(m, x, m.bar.bottom + 12)
    m.pile = pygame.Rect(x, hint.bottom + 20, w, 0)
    cols = ui_layout.columns_for(p, 3, w - 28, 230)
    rec_w = (w - 28 - GAP * (cols - 1)) // cols
    heights = [ui_layout.text_h(p, pick(rec["label"]), rec_w - 20, 17) + p.line(18, True) + 26 for rec in m.receipts]
    m.large["receipts"] = ui_layout.grid(heights, x + 14, m.pile.y + _heading_h(p, t("organise.receipts"), w), w - 28,
                                  cols, GAP)
    m.pile.h = ui_layout.bottom(m.large["receipts"], m.pile.y) + 16 - m.pile.y
    m.bottom = m.pile.bottom


def paint_accounts(m: Any, surface: pygame.Surface) -> None:
    p, t = m.kit.painter, m.kit.t
    pal = p.palette
    led, lg = m.ledger, m.large
    p.panel(surface, led)
    _heading(p, surface, led, "folder", t("organise.ledger"), True)
    m.draw_clock(surface, (led.right - 150, led.y + 18, 130, 20))
    p.text(surface, t("organise.acc_help"), (led.x + 18, led.y + lg["head"]), 17, colour=pal.muted,
           width=led.w - 36, box=led)
    for row in m.rows:
        _row(m, surface, row)
    diff = m.ledger_total() - m.receipts_total()
    line = t("organise.acc_totals", ledger=m.money(m.ledger_total()), receipts=m.money(m.receipts_total()),
             diff=m.money(abs(diff)))
    tot = lg["totals"]
    if diff == 0:
        size = ui_layout.icon(p, 20)
        p.icon(surface, "check", (tot.x + size // 2, tot.y + 10 + p.line(18, True) // 2), size, pal.good)
        tot = tot.inflate(-(size + 8), 0).move((size + 8) // 2, 0)
    p.text(surface, line, (tot.x, tot.y + 10), 18, bold=True, colour=pal.good if diff == 0 else pal.ink,
           width=tot.w, box=lg["totals"])
    idle = t("organise.acc_count", n=m.to_find - len(m.flagged)) if m.difficulty == 1 else t("organise.acc_idle")
    m.draw_feedback(surface, m.bar, idle)
    pile = m.pile
    p.panel(surface, pile)
    _heading(p, surface, pile, "coin", t("organise.receipts"), False)
    paper = (255, 253, 240) if not pal.high_contrast else pal.panel
    for rec, r in zip(m.receipts, lg["receipts"], strict=True):
        pygame.draw.rect(surface, paper, r, border_radius=6)
        pygame.draw.rect(surface, pal.panel_edge, r, 2, border_radius=6)
        for k in range(r.x + 6, r.right - 6, 12):
            pygame.draw.line(surface, pal.panel_edge, (k, r.bottom - 3), (k + 6, r.bottom - 3), 2)
        label = p.text(surface, m.kit.pick(rec["label"]), (r.x + 10, r.y + 10), 17, width=r.w - 20, box=r)
        p.text(surface, m.money(rec["paid"]), (r.right - 10, label.bottom + 6), 18, bold=True, align="right", box=r)


def _row(m: Any, surface: pygame.Surface, row: dict) -> None:
    p, t = m.kit.painter, m.kit.t
    pal = p.palette
    r, lg = m.rects[row["id"]], m.large
    flagged, checked = row["id"] in m.flagged, row["id"] in m.checked
    hinted = row["id"] == m.hint_row
    fill = pal.panel
    if not pal.high_contrast:
        fill = (253, 236, 236) if flagged else (236, 244, 238) if checked else (
            p.colour("#FFF4DC") if hinted else pal.panel)
    pygame.draw.rect(surface, fill, r, border_radius=8)
    pygame.draw.rect(surface, pal.focus if hinted else pal.panel_edge, r, 3 if hinted else 1, border_radius=8)
    size = ui_layout.icon(p, 18)
    if hinted:
        p.shape(surface, "star", (r.x + 6 + size // 2, r.centery), max(7, size // 2 - 2), pal.focus)
    p.text(surface, m.kit.pick(row["label"]), (r.x + 14 + size, r.y + 7), 18, width=lg["label_w"], box=r)
    y = r.y + 7
    if flagged:
        p.icon(surface, "cross", (r.x + 6 + size // 2, r.centery), size, pal.bad)
        old = m.money(row["written"])
        ow = p.font(17).size(old)[0]
        right_old = r.right - 12 - lg["money_w"] - 24
        p.text(surface, old, (right_old, y), 17, colour=pal.muted, align="right", box=r)
        pygame.draw.line(surface, pal.muted, (right_old - ow - 4, y + p.line(17) // 2),
                         (right_old + 4, y + p.line(17) // 2), 2)
        new = t("organise.acc_none") if row["kind"] == "missing" else m.money(row["paid"])
        p.text(surface, new, (r.right - 12, y), 18, bold=True, colour=pal.bad, align="right", box=r)
    else:
        if checked:
            p.icon(surface, "check", (r.x + 6 + size // 2, r.centery), size, pal.good)
        p.text(surface, m.money(row["written"]), (r.right - 12, y), 18, bold=True, align="right", box=r)
