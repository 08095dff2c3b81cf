"""The design board's panels: the option groups, the tray of stickers or furniture, the
brief and the remark strip, each laid out and drawn here.

The layout functions (``groups_box``, ``tray_box``, ``brief_box``, ``feedback_box``) are called
by :class:`zones.challenges.design_draw.DesignView` while it builds: each sizes its panel
to its 100 % design or its measured text, and registers the panel's hotspots and the
view's rects for them. The ``draw_*`` functions are called by ``DesignView.draw`` inside
the cached layer: they read the view and draw on the surface they are given, nothing else.
The canvases are in ``design_canvas``.
"""

from __future__ import annotations

import pygame

from zones import ui_layout
from zones.challenges import board_text, design_payoff
from zones.challenges.actions import Action

WHITE = (255, 255, 255)


def feedback_box(view, rect: pygame.Rect, strip: bool = False) -> pygame.Rect:
    """The remark strip, as tall as the longest remark it may show (so it never grows in
    play); ``strip``: the tune's thin strip over the canvas."""
    p = view.m.kit.painter
    icon = ui_layout.icon(p, 24)
    need = max(
        ui_layout.label_h(p, text, rect.w - 54 - icon + 24, 17) for text in view.remarks()
    ) + (4 if strip else 14)
    rect.h = ui_layout.grow(rect.h, need)
    return rect


def tray_box(view, rect: pygame.Rect, base_cols: int) -> pygame.Rect:
    """The tray of stickers or furniture: a card per item, each a hotspot that picks the
    tool (and may start a drag onto the canvas)."""
    m, kit, p = view.m, view.m.kit, view.m.kit.painter
    head = ui_layout.below(
        44, ui_layout.text_h(p, kit.t(_tray_key(view)), rect.w - 32, 19, True) + 20
    )
    cols = ui_layout.columns_for(p, base_cols, rect.w - 32, 150)
    item_w = (rect.w - 32 - 10 * (cols - 1)) // cols
    rows = -(-len(m.items) // cols)
    design = min(52, (rect.h - 50) // max(1, rows) - 10) if rect.h else 52
    item_h = ui_layout.grow(
        design,
        max(ui_layout.label_h(p, kit.pick(i.label) + " ✓", item_w - 54, 17, True) for i in m.items)
        + 16,
    )
    cards = ui_layout.grid(
        [item_h] * len(m.items), rect.x + 16, rect.y + head, rect.w - 32, cols, 10
    )
    for item, card in zip(m.items, cards, strict=True):
        view.item_rects[item.id] = card
        label = kit.pick(item.label)
        kit.ui.hotspot(card, label, lambda i=item.id: _pick_tool(view, i))
        m.bind(Action("tool", "", item.id), label)
    rect.h = ui_layout.grow(rect.h, ui_layout.bottom(cards, rect.y) + 14 - rect.y)
    return rect


def _tray_key(view) -> str:
    """The tray's heading: stickers (poster) or furniture (room)."""
    return "design.stickers" if view.m.mode == "poster" else "design.furniture"


def _pick_tool(view, iid: str) -> None:
    """A tray card pressed: the tool, and the start of a possible drag."""
    view.m.perform(Action("tool", "", iid))
    view.drag_from = iid  # a mouse press here may end as a drop on the canvas


def groups_box(view, box: pygame.Rect) -> None:
    """Groups stacked in their panel: a heading, then the option chips (equal shares
    of the row where labels may shrink, else sized to their labels and flowing)."""
    m, kit, p = view.m, view.m.kit, view.m.kit.painter
    bw = box.w - 32
    design_block = min(100, (box.h - 20) // len(m.groups)) if box.h else 0
    y = box.y + 12
    for k, group in enumerate(m.groups):
        y = ui_layout.below(box.y + 12 + k * design_block, y)
        head = ui_layout.label_h(p, kit.pick(group.label) + " ★", bw, 18, True)
        view.group_rects[group.id] = pygame.Rect(box.x + 16, y, bw, head)
        opts = group.options
        share = (bw - 8 * (len(opts) - 1)) // len(opts)
        widths = [
            share
            if ui_layout.shrinks(p)
            else max(share, _chip_w(p, kit.pick(o.label), o.colour is not None))
            for o in opts
        ]
        chip_h = ui_layout.grow(
            42,
            max(
                ui_layout.label_h(p, kit.pick(o.label), w - 30, 16, True)
                for o, w in zip(opts, widths, strict=True)
            )
            + 14,
        )
        rects = ui_layout.flow(widths, box.x + 16, y + head + 4, bw, chip_h, 8)
        for opt, rect in zip(opts, rects, strict=True):
            view.option_rects[(group.id, opt.id)] = rect
            label = f"{kit.pick(group.label)}: {kit.pick(opt.label)}"
            kit.ui.hotspot(rect, label, lambda g=group.id, o=opt.id: m.perform(Action("set", g, o)))
            m.bind(Action("set", group.id, opt.id), label)
        y = ui_layout.bottom(rects, y) + 10
    box.h = ui_layout.grow(box.h, y + 4 - box.y)


def brief_box(view, rect: pygame.Rect, cols: int = 1) -> pygame.Rect:
    """As tall as the longest brief the level may show (its change of mind included)."""
    m, p, t, pick = view.m, view.m.kit.painter, view.m.kit.t, view.m.kit.pick
    view.brief_cols = cols if ui_layout.shrinks(p) else 1
    w = rect.w
    head = (
        max(
            ui_layout.label_h(p, t(key), w - 32, 19, True)
            for key in ("design.brief", "design.free")
        )
        + 18
    )
    need = head + ui_layout.text_h(p, t("design.free_help", n=m.min_choices), w - 32, 17) + 12
    col_w = (w - 32) // view.brief_cols
    for brief in m.params.briefs:
        wants = brief.wants[: max(2, len(m.wants))]
        rows = [ui_layout.label_h(p, pick(wt.text), col_w - 36, 17, True) + 6 for wt in wants]
        per_col = [sum(rows[c :: view.brief_cols]) for c in range(view.brief_cols)]
        client = ui_layout.text_h(p, pick(brief.client), w - 40 - ui_layout.scaled(p, 40), 17)
        need = max(need, head + client + 8 + max(per_col) + 10)
    rect.h = ui_layout.grow(rect.h, need)
    return rect


def draw_groups(view, surface, p) -> None:
    """The option groups: each chip outlined, the chosen one thick with a tick badge."""
    m, pal = view.m, p.palette
    p.panel(surface, view.groups_rect)
    for group in m.groups:
        head = view.group_rects[group.id]
        hinted = m.hint_target == ("group", group.id)
        ui_layout.label(
            p,
            surface,
            m.kit.pick(group.label) + (" ★" if hinted else ""),
            (head.x, head.centery),
            head.w,
            18,
            bold=True,
            box=view.groups_rect,
        )
        for opt in group.options:
            rect = view.option_rects[(group.id, opt.id)]
            chosen = m.choice.get(group.id) == opt.id
            pygame.draw.rect(surface, pal.panel, rect, border_radius=10)
            pygame.draw.rect(
                surface,
                pal.ink if chosen else pal.panel_edge,
                rect,
                3 if chosen else 2,
                border_radius=10,
            )
            x = rect.x + 8
            if opt.colour is not None:
                strip = pygame.Rect(rect.x + 6, rect.y + 6, 12, rect.h - 12)
                pygame.draw.rect(surface, p.colour(opt.colour), strip, border_radius=4)
                pygame.draw.rect(surface, pal.ink, strip, 1, border_radius=4)
                x = strip.right + 6
            ui_layout.label(
                p,
                surface,
                m.kit.pick(opt.label),
                (x, rect.centery),
                rect.right - 10 - x,
                16,
                bold=chosen,
                box=rect,
            )
            if chosen:
                badge = (rect.right - 4, rect.y + 4)
                pygame.draw.circle(surface, pal.good, badge, 10)
                p.icon(surface, "check", badge, 13, WHITE if not pal.high_contrast else (0, 0, 0))


def draw_tray(view, surface, p) -> None:
    """The tray's cards: the tool in hand outlined, the hinted one marked."""
    m, pal, tray = view.m, p.palette, view.tray
    assert tray is not None, "the tray is laid out before it is drawn"
    p.panel(surface, tray)
    p.text(
        surface,
        m.kit.t(_tray_key(view)),
        (tray.x + 16, tray.y + 12),
        19,
        bold=True,
        width=tray.w - 32,
        box=tray,
    )
    for item in m.items:
        rect = view.item_rects[item.id]
        active = m.tool == item.id
        hinted = m.hint_target == ("item", item.id)
        fill = (255, 244, 220) if (active or hinted) and not pal.high_contrast else pal.panel
        pygame.draw.rect(surface, fill, rect, border_radius=10)
        pygame.draw.rect(
            surface,
            pal.focus if hinted else (pal.ink if active else pal.panel_edge),
            rect,
            3 if active or hinted else 2,
            border_radius=10,
        )
        p.shape(
            surface,
            item.shape,
            (rect.x + 24, rect.centery),
            min(15, rect.h // 2 - 6),
            p.colour(item.colour),
        )
        label = m.kit.pick(item.label)
        if m.mode == "room" and item.id in m.cells.values():
            label += " ✓"
        ui_layout.label(
            p,
            surface,
            label,
            (rect.x + 46, rect.centery),
            rect.w - 54 - (22 if hinted else 0),
            17,
            bold=active,
            box=rect,
        )
        if hinted:
            board_text.hint_mark(p, surface, rect)


def draw_brief(view, surface, p) -> None:
    """The client's brief with their face, each wish a box ticked once it is met."""
    m, pal, t = view.m, p.palette, view.m.kit.t
    rect = view.brief_rect
    p.panel(surface, rect)
    title = ui_layout.label(
        p,
        surface,
        t("design.brief" if m.wants else "design.free"),
        (rect.x + 16, rect.y + 12 + p.line(19, True) // 2),
        rect.w - 32,
        19,
        bold=True,
        box=rect,
    )
    y = max(title.bottom, rect.y + 12 + p.line(16, True)) + 6
    if not m.wants:
        p.text(
            surface,
            t("design.free_help", n=m.min_choices),
            (rect.x + 16, y),
            17,
            width=rect.w - 32,
            colour=pal.muted,
            box=rect,
        )
        return
    face = ui_layout.scaled(p, 40)
    design_payoff.face(
        surface, p, (rect.right - 16 - face // 2, y + face // 2), face // 2, m.rules.mood()
    )
    client = m.kit.pick(m.brief.client)
    y = (
        p.text(
            surface,
            client,
            (rect.x + 16, y),
            17,
            width=rect.w - 40 - face,
            colour=pal.muted,
            box=rect,
        ).bottom
        + 8
    )
    col_w = (rect.w - 32) // view.brief_cols
    ys = [y] * view.brief_cols
    for k, want in enumerate(m.wants):
        col = k % view.brief_cols
        x = rect.x + 16 + col * col_w
        text = m.kit.pick(want.text)
        h = ui_layout.label_h(p, text, col_w - 36, 17, True)
        side = min(20, p.line(17) - 4)
        box = pygame.Rect(x, ys[col] + (h - side) // 2, side, side)
        ok = m.met(want)
        pygame.draw.rect(surface, pal.panel, box, border_radius=4)
        pygame.draw.rect(surface, pal.ink, box, 2, border_radius=4)
        if ok:
            p.icon(surface, "check", box.center, side - 2, pal.good)
        ui_layout.label(
            p, surface, text, (x + 28, ys[col] + h // 2), col_w - 36, 17, bold=not ok, box=rect
        )
        ys[col] += h + 6


def draw_feedback(view, surface, p) -> None:
    """The remark strip: the last remark, or the mode's opening instruction."""
    m, pal, rect = view.m, p.palette, view.feedback_rect
    if m.mode != "tune" or rect.h > 40:
        p.panel(
            surface,
            rect,
            radius=min(18, rect.h // 2),
            shadow=False,
            fill=(255, 244, 220) if not pal.high_contrast else None,
        )
    size = ui_layout.icon(p, 24)
    p.icon(surface, "palette", (rect.x + 10 + size // 2, rect.centery), size, pal.accent)
    ui_layout.label(
        p,
        surface,
        view.feedback_text(),
        (rect.x + 18 + size, rect.centery),
        rect.w - 30 - size,
        17,
        box=rect,
    )


def _chip_w(p, text: str, colour: bool) -> int:
    """An option chip's width at its label's natural size (with a colour strip or not)."""
    return p.font(16, True).size(text)[0] + 16 + (18 if colour else 0) + 14
