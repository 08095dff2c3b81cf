"""The design screens at large text: one scrolling column.

Called by ``DesignView.build`` / ``DesignView.draw`` when the text is larger than 100 %
(``board_text.large``). Top to bottom: the canvas (the poster as tall as its biggest
headline and footer need, the sequencer with a name column as wide as the longest
sound, or the room with cells tall enough for their names), the remark, the sticker or
furniture tray (cards in as many columns as fit), the option groups (chips sized to
their labels, flowing onto more rows), the brief (one wrapped line per wish), then the
Play / Give me an idea / Finish buttons. Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text as bt
from zones.challenges.base import Action

GAP = 12
WHITE = (255, 255, 255)


def poster_text_h(view: Any, width: int) -> tuple[int, int, int]:
    """(tallest headline, band height, details height) on a poster ``width`` wide."""
    m, p, pick = view.m, view.m.kit.painter, view.m.kit.pick
    heads = [pick(o["text"]) for o in m.group("headline")["options"]]
    scales = [o.get("scale", 1.0) for o in m.group("size")["options"]] if any(
        g["id"] == "size" for g in m.groups) else [1.0]
    tallest = max(ui_layout.text_h(p, h, width - 44, int(30 * s), True) for h in heads for s in scales)
    band = ui_layout.text_h(p, pick(m.params["poster"]["band"]), width - 40, 20, True)
    details = ui_layout.text_h(p, pick(m.params["poster"]["details"]), width - 40, 16)
    return tallest, band, details


def _feedbacks(m: Any) -> list[str]:
    t, pick = m.kit.t, m.kit.pick
    texts = [t(f"design.start_{m.mode}"), t("design.idea_more")]
    texts += [t("design.idea_group", group=pick(g["label"])) for g in m.groups]
    texts += [t("design.idea_want", want=pick(w["text"])) for b in m.params["briefs"] for w in b["wants"]]
    return texts


def build(view: Any, area: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """Set the view's rects and hotspots; returns the hint and finish button rects."""
    m = view.m
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    view.large = {}
    if m.mode == "poster":
        cw = 760
        tallest, band, details = poster_text_h(view, cw)
        foot = band + details + 22
        view.large["foot_h"] = foot
        h = max(512, tallest + 2 * foot + 80, 26 + tallest + 34 + foot + 24)
        view.canvas = pygame.Rect(x + (w - cw) // 2, area.y, cw, h)
    elif m.mode == "tune":
        view.large["label_w"] = max(p.font(17).size(pick(i["label"]))[0] for i in m.items) + 12
        row_h = max(44, p.line(17) + 12)
        head = 12 + p.line(20, True) + 8 + p.line(16) + 8
        view.large["head_h"] = head
        view.canvas = pygame.Rect(x, area.y, w, head + row_h * m.rows + 12)
    else:
        cell_w = (w - 56) // m.cols
        label_h = ui_layout.tallest(p, [pick(i["label"]) for i in m.items], cell_w - 12, 14, True)
        view.large["cell_h"] = cell_h = max(90, 56 + label_h + 8)
        view.canvas = pygame.Rect(x, area.y, w, cell_h * m.rows + 56)
    view._build_canvas() if m.mode != "tune" else _build_tune_cells(view)
    y = view.canvas.bottom + GAP
    icon = ui_layout.icon(p, 24)
    fb_h = ui_layout.tallest(p, _feedbacks(m), w - 36 - icon, 17) + 20
    view.feedback_rect = pygame.Rect(x, y, w, max(fb_h, int(p.line(17) * 2.4) + 20))
    y = view.feedback_rect.bottom + GAP
    view.tray = None
    if m.mode != "tune":
        head = 12 + p.line(19, True) + 10
        cols = ui_layout.columns_for(p, 3, w - 32, 200)
        item_w = (w - 32 - 10 * (cols - 1)) // cols
        item_h = max(52, max(ui_layout.label_h(p, pick(i["label"]) + " ✓", item_w - 54, 17, True) for i in m.items) + 16)
        rects = ui_layout.grid([item_h] * len(m.items), x + 16, y + head, w - 32, cols, 10)
        view.tray = pygame.Rect(x, y, w, ui_layout.bottom(rects, y) + 14 - y)
        for item, rect in zip(m.items, rects, strict=True):
            view.item_rects[item["id"]] = rect
            m.kit.ui.hotspot(rect, pick(item["label"]), lambda i=item["id"]: m.perform(Action("tool", "", i)))
        y = view.tray.bottom + GAP
    y = _build_groups(view, x, y, w)
    view.brief_rect = pygame.Rect(x, y, w, _brief_h(view, w))
    y = view.brief_rect.bottom + GAP
    labels = [t("design.idea")]
    finish_w = max(p.button_w(t("design.finish"), "@primary"),
                   max(p.button_w(t("design.more", n=n), "@primary") for n in range(1, m.min_choices + 1)))
    widths = [max(220, p.button_w(labels[0]))]
    if m.mode == "tune":
        widths.insert(0, max(220, p.button_w(t("design.play")), p.button_w(t("design.stop"))))
    widths.append(max(260, finish_w))
    bh = max(60, p.button_h("@primary"))
    rects = ui_layout.flow(widths, x, y, w, bh, 14)
    if m.mode == "tune":
        view.play_button = m.kit.ui.button(rects.pop(0), t("design.play"), lambda: m.perform(Action("play")))
    m.bottom = rects[-1].bottom
    return rects[0], rects[1]


def _build_tune_cells(view: Any) -> None:
    m, kit = view.m, view.m.kit
    c = view.canvas
    grid = pygame.Rect(c.x + 56 + view.large["label_w"], c.y + view.large["head_h"], 0, 0)
    grid.w, grid.h = c.right - 16 - grid.x, c.bottom - 12 - grid.y
    cw, ch = grid.w / m.cols, grid.h / m.rows
    for row, item in enumerate(m.items):
        for s in range(m.cols):
            rect = pygame.Rect(int(grid.x + s * cw) + 2, int(grid.y + row * ch) + 2, int(cw) - 4, int(ch) - 4)
            cell = f"{item['id']}:{s}"
            view.cell_rects[cell] = rect
            label = kit.t("design.cell_tune", item=kit.pick(item["label"]), step=s + 1)
            kit.ui.hotspot(rect, label, lambda cell=cell, i=item["id"]: m.perform(Action("place", cell, i)))


def _chip_w(p, text: str, colour: bool) -> int:
    return p.font(16, True).size(text)[0] + 16 + (18 if colour else 0) + 14


def _build_groups(view: Any, x: int, y: int, w: int) -> int:
    m, p, pick = view.m, view.m.kit.painter, view.m.kit.pick
    top = y
    y += 12
    chip_h = p.line(16, True) + 18
    for group in m.groups:
        head_h = ui_layout.text_h(p, pick(group["label"]) + " ★", w - 32, 18, True)
        view.group_rects[group["id"]] = pygame.Rect(x + 16, y, w - 32, head_h)
        opts = group["options"]
        rects = ui_layout.flow([_chip_w(p, pick(o["label"]), "colour" in o) for o in opts], x + 16, y + head_h + 6,
                               w - 32, chip_h, 10)
        for opt, rect in zip(opts, rects, strict=True):
            view.option_rects[(group["id"], opt["id"])] = rect
            m.kit.ui.hotspot(rect, f"{pick(group['label'])}: {pick(opt['label'])}",
                             lambda g=group["id"], o=opt["id"]: m.perform(Action("set", g, o)))
        y = ui_layout.bottom(rects, y) + 14
    view.groups_rect = pygame.Rect(x, top, w, y - top)
    return view.groups_rect.bottom + GAP


def _brief_h(view: Any, w: int) -> int:
    m, p, t, pick = view.m, view.m.kit.painter, view.m.kit.t, view.m.kit.pick
    count_w = p.font(16, True).size(t("design.count", n=m.min_choices, total=m.min_choices))[0]
    h = 12 + max(ui_layout.text_h(p, t("design.brief" if m.wants else "design.free"), w - count_w - 48, 19, True),
                 p.line(16, True)) + 10
    if not m.wants:
        return h + ui_layout.text_h(p, t("design.free_help", n=m.min_choices), w - 32, 17) + 16
    h += ui_layout.text_h(p, pick(m.brief["client"]), w - 32, 17) + 8
    return h + sum(ui_layout.text_h(p, pick(wt["text"]), w - 32 - 36, 17, True) + 8 for wt in m.wants) + 10


def draw_groups(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    p.panel(surface, view.groups_rect)
    for group in m.groups:
        head = view.group_rects[group["id"]]
        hinted = m.hint_target == ("group", group["id"])
        p.text(surface, m.kit.pick(group["label"]) + (" ★" if hinted else ""), head.topleft, 18, bold=True,
               width=head.w, box=view.groups_rect)
        for opt in group["options"]:
            rect = view.option_rects[(group["id"], opt["id"])]
            chosen = m.choice.get(group["id"]) == opt["id"]
            pygame.draw.rect(surface, pal.panel, rect, border_radius=10)
            pygame.draw.rect(surface, pal.ink if chosen else pal.panel_edge, rect, 3 if chosen else 2,
                             border_radius=10)
            tx = rect.x + 8
            if "colour" in opt:
                strip = pygame.Rect(rect.x + 6, rect.y + 6, 12, rect.h - 12)
                pygame.draw.rect(surface, p.colour(opt["colour"]), strip, border_radius=4)
                pygame.draw.rect(surface, pal.ink, strip, 1, border_radius=4)
                tx = strip.right + 6
            p.text(surface, m.kit.pick(opt["label"]), (tx, rect.centery - p.line(16, True) // 2), 16, bold=chosen,
                   box=rect)
            if chosen:
                badge = (rect.right - 4, rect.y + 4)
                pygame.draw.circle(surface, pal.good, badge, 10)
                p.icon(surface, "check", badge, 13, WHITE if not pal.high_contrast else (0, 0, 0))


def draw_tray(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    tray = view.tray
    p.panel(surface, tray)
    key = "design.stickers" if m.mode == "poster" else "design.furniture"
    p.text(surface, m.kit.t(key), (tray.x + 16, tray.y + 12), 19, bold=True, width=tray.w - 32, box=tray)
    for item in m.items:
        rect = view.item_rects[item["id"]]
        active, hinted = m.tool == item["id"], m.hint_target == ("item", item["id"])
        fill = (255, 244, 220) if (active or hinted) and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, rect, border_radius=10)
        pygame.draw.rect(surface, pal.focus if hinted else (pal.ink if active else pal.panel_edge), rect,
                         3 if active or hinted else 2, border_radius=10)
        p.shape(surface, item["shape"], (rect.x + 24, rect.centery), 15, p.colour(item["colour"]))
        label = m.kit.pick(item["label"])
        if m.mode == "room" and item["id"] in m.cells.values():
            label += " ✓"
        ui_layout.label(p, surface, label, (rect.x + 46, rect.centery), rect.w - 54 - 30, 17, bold=active, box=rect)
        if hinted:
            bt.hint_mark(p, surface, rect)


def draw_brief(view: Any, surface: pygame.Surface, p) -> None:
    m, pal, t = view.m, p.palette, view.m.kit.t
    rect = view.brief_rect
    p.panel(surface, rect)
    count = t("design.count", n=m.decisions, total=m.min_choices)
    cw = p.font(16, True).size(t("design.count", n=m.min_choices, total=m.min_choices))[0]
    p.text(surface, count, (rect.right - 16, rect.y + 12), 16, bold=True, align="right",
           colour=pal.good if m.can_finish else pal.muted, box=rect)
    title = p.text(surface, t("design.brief" if m.wants else "design.free"), (rect.x + 16, rect.y + 12), 19,
                   bold=True, width=rect.w - cw - 48, box=rect)
    y = max(title.bottom, rect.y + 12 + p.line(16, True)) + 10
    if not m.wants:
        p.text(surface, t("design.free_help", n=m.min_choices), (rect.x + 16, y), 17, width=rect.w - 32,
               colour=pal.muted, box=rect)
        return
    y = p.text(surface, m.kit.pick(m.brief["client"]), (rect.x + 16, y), 17, width=rect.w - 32, colour=pal.muted,
               box=rect).bottom + 8
    for want in m.wants:
        ok = m.met(want)
        text = m.kit.pick(want["text"])
        side = min(30, p.line(17) - 8)
        box = pygame.Rect(rect.x + 16, y + (p.line(17, True) - side) // 2, side, side)
        pygame.draw.rect(surface, pal.panel, box, border_radius=4)
        pygame.draw.rect(surface, pal.ink, box, 2, border_radius=4)
        if ok:
            p.icon(surface, "check", box.center, side - 2, pal.good)
        y = p.text(surface, text, (rect.x + 52, y), 17, bold=not ok, width=rect.w - 32 - 36, box=rect).bottom + 8


def draw_feedback(view: Any, surface: pygame.Surface, p, text: str) -> None:
    pal = p.palette
    rect = view.feedback_rect
    p.panel(surface, rect, radius=18, shadow=False, fill=(255, 244, 220) if not pal.high_contrast else None)
    size = ui_layout.icon(p, 24)
    p.icon(surface, "palette", (rect.x + 12 + size // 2, rect.centery), size, pal.accent)
    w = rect.w - 36 - size
    p.text(surface, text, (rect.x + 24 + size, rect.centery - ui_layout.text_h(p, text, w, 17) // 2), 17, width=w, box=rect)
