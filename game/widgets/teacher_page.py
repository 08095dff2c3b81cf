"""The teacher panel's page, laid out from measured text: the class buttons, the
progress card with its rows and pager, and the side column of actions, research mode,
routes, output folder, chosen pupil, merge and erase (two columns at normal text size,
one under the other at large text).

Functions of the panel scene (``game.scenes.teacher``): they read its class, rows, page,
choice and message and the painter's fonts, and change nothing.
"""

from __future__ import annotations

import pygame

from game.teacher_jobs import output_dir
from game.ui_scene import HEADER_H
from zones.ui_layout import bottom, button_row, columns_for

ROWS_PER_PAGE = 10
PAGE_X, PAGE_W = 24, 1232
SIDE_W, GAP, PAD = 470, 24, 18
ROW_SIZE = 17


def row_text(scene, row: dict) -> str:
    """One pupil's row of the progress card."""
    t = scene.ctx.t
    return t(
        "teacher.row",
        code=row["code"],
        played=t("teacher.yes") if row["played"] else t("teacher.no"),
        challenges=row["challenges"],
        minutes=row["minutes"],
    )


def labels(scene) -> dict:
    """The buttons' words, by group (they change with research mode, routes, the erase
    waiting for its second press and the chosen pupil)."""
    t = scene.ctx.t
    out = {
        "actions": [
            t("teacher.handout"),
            t("teacher.summary"),
            t("teacher.export"),
            t("teacher.refresh"),
            t("teacher.open_folder"),
        ],
        "research": [
            t("teacher.research_on") if scene.info.settings.research else t("teacher.research_off")
        ],
        "pager": [t("teacher.prev"), t("teacher.next")],
        "routes": [t("teacher.routes", name=scene._routes_name(scene.info.settings.routes))],
        "merge": [t("teacher.merge")],
        "erase_class": [
            t("teacher.erase_class_confirm", n=len(scene.info.players))
            if scene.armed == "class"
            else t("teacher.erase_class")
        ],
    }
    if scene.selected:
        out["pupil"] = [
            t("teacher.report", code=scene.selected),
            t("teacher.erase_player_confirm", code=scene.selected)
            if scene.armed == "player"
            else t("teacher.erase_player", code=scene.selected),
        ]
    return out


def page_layout(scene) -> dict:
    """Every rect of the page (page coordinates), from the painter's current fonts."""
    p, t = scene.ctx.painter, scene.ctx.t
    names = labels(scene)
    y = HEADER_H + 18
    classes = button_row(p, [c.code for c in scene.classes], PAGE_X, y, PAGE_W, "@primary")
    y = bottom(classes, y) + 18
    two = columns_for(p, 2, PAGE_W, 600) == 2
    list_w = PAGE_W - SIDE_W - GAP if two else PAGE_W
    inner = list_w - 2 * PAD
    head = scene.progress_head()
    head_y = y + PAD
    ry = head_y + p.height(head, 18, inner, True) + 12
    rows = []
    for row in scene.rows[scene.page * ROWS_PER_PAGE : (scene.page + 1) * ROWS_PER_PAGE]:
        h = p.height(row_text(scene, row), ROW_SIZE, inner - 20) + 12
        rows.append(pygame.Rect(PAGE_X + PAD, ry, inner, h))
        ry += h + 4
    pager = []
    if len(scene.rows) > ROWS_PER_PAGE:
        pager = button_row(p, names["pager"], PAGE_X + PAD, ry + 8, inner, "@small")
        ry = bottom(pager, ry)
    card = pygame.Rect(PAGE_X, y, list_w, ry - y + PAD)
    side = (
        pygame.Rect(card.right + GAP, y, SIDE_W, 0)
        if two
        else pygame.Rect(PAGE_X, card.bottom + GAP, PAGE_W, 0)
    )
    full = side.w if two else 0
    sy = side.y
    actions = button_row(p, names["actions"], side.x, sy, side.w, min_w=full)
    sy = bottom(actions, sy) + 10
    research = button_row(p, names["research"], side.x, sy, side.w, "@small", min_w=full)
    sy = bottom(research, sy) + 10
    routes = button_row(p, names["routes"], side.x, sy, side.w, "@small", min_w=full)
    sy = bottom(routes, sy) + 14
    folder_text = t("teacher.output", folder=str(output_dir(scene.ctx.data_dir, scene.info.code)))
    folder_y, sy = sy, sy + p.height(folder_text, 15, side.w) + 10
    message_y = sy
    if scene.message:
        sy += p.height(scene.message, 17, side.w) + 14
    pupil_text = (
        t("teacher.chosen", code=scene.selected) if scene.selected else t("teacher.choose_hint")
    )
    pupil_y, sy = sy, sy + p.height(pupil_text, 17, side.w, True) + 10
    pupil = []
    if scene.selected:
        pupil = button_row(p, names["pupil"], side.x, sy, side.w, "@small", min_w=full)
        sy = bottom(pupil, sy) + 8
    merge_y, sy = sy + 10, sy + 10 + p.height(t("teacher.merge_label"), 17, side.w) + 8
    field = pygame.Rect(side.x, sy, side.w, p.button_h())
    merge = button_row(p, names["merge"], side.x, field.bottom + 10, side.w, min_w=full)
    sy = bottom(merge, sy) + 22
    erase_class = button_row(p, names["erase_class"], side.x, sy, side.w, "@small", min_w=full)
    side.h = bottom(erase_class, sy) - side.y
    return {
        "classes": classes,
        "card": card,
        "head": head,
        "head_y": head_y,
        "rows": rows,
        "pager": pager,
        "side": side,
        "actions": actions,
        "research": research,
        "routes": routes,
        "folder": (folder_text, folder_y),
        "message_y": message_y,
        "pupil_text": (pupil_text, pupil_y),
        "pupil": pupil,
        "merge_y": merge_y,
        "field": field,
        "merge": merge,
        "erase_class": erase_class,
    }
