"""One frame of the town: the map with its people and the avatar, then the signs, the
barriers of closed quarters, the prompt or speech bubble in reach, the talk panel and the
place the pupil is in. Every text is a painter plate (200 % text, high contrast).

Called by the town scene's ``draw`` once per displayed frame; reads the scene, changes
nothing but the view's pixel caches and the scene's rewards cache.
"""

from __future__ import annotations

import pygame

from game import art
from game.world.bubble_place import place_bubble
from game.world.doors import can_open, door_in_reach, person_in_reach
from game.world.rewards import draw_rewards

SPRITE_W, SPRITE_H = 32, 48


def person_rect(tile: tuple[int, int], size: int) -> pygame.Rect:
    """Where a person standing on ``tile`` is drawn, in map pixels."""
    return pygame.Rect(tile[0] * size, tile[1] * size + size - SPRITE_H + 4, SPRITE_W, SPRITE_H)


def avatar_rect(pos: tuple[float, float]) -> pygame.Rect:
    """Where the avatar at map position ``pos`` (its feet's centre) is drawn, in map pixels."""
    return pygame.Rect(int(pos[0]) - SPRITE_W // 2, int(pos[1]) + 8 - SPRITE_H, SPRITE_W, SPRITE_H)


def draw_town(scene, surface: pygame.Surface) -> None:
    ctx, town, view, walker = scene.ctx, scene.town, scene.view, scene.walker
    w, h = surface.get_size()
    viewport = pygame.Rect(0, scene.view_top, w, h - scene.view_top)
    sub = surface.subsurface(viewport)
    size = town.tile_size
    beat = scene.beat()
    sprites = []
    for i, person in enumerate(town.people):
        image = view.worker(person.action, person.look, (beat + i) % 4)
        sprites.append((image, person_rect(person.tile, size)))
    player = ctx.player
    colour = ctx.painter.colour(player.avatar_colour) if player is not None else (70, 130, 200)
    frames = view.avatar_frames(colour)
    step = 0 if ctx.settings.reduced_motion else walker.frame  # reduced motion: no bobbing
    sprites.append((frames[walker.facing][step], avatar_rect(walker.pos)))
    sprites.sort(key=lambda s: s[1].bottom)
    view.set_contrast(ctx.palette.high_contrast)
    view.draw_map(sub, scene.camera, sprites)
    ox, oy = view.offset()
    _closed(scene, sub, ox, oy)
    draw_rewards(scene, scene.reward_cache, sub, ox, oy)
    _signs(scene, sub, ox, oy)
    if scene.talk is None:
        _in_reach(scene, sub, ox, oy)
    else:
        _talk(scene, surface)
    _place(scene, sub)


def _plate(scene, text, size=15, **kw) -> pygame.Surface:
    return scene.view.label(scene.ctx.painter, scene.ctx.palette, text, size, **kw)


def _signs(scene, sub, ox, oy) -> None:
    """The name plates, made once per language, text size, palette and tried challenges,
    then only blitted where they are in view; a lamp lit beside each tried challenge."""
    ctx = scene.ctx
    pal = ctx.palette
    done = ctx.player.challenges if ctx.player is not None else {}
    fonts = ctx.painter.fonts
    key = (ctx.i18n.language, fonts.family, fonts.scale, pal, tuple(sorted(done)))
    cached = getattr(scene.view, "signs", None)
    if cached is None or cached[0] != key:
        scene.view.signs = cached = (key, _sign_plates(scene, done))
    shown = sub.get_rect()
    for plate, (cx, cy), lit in cached[1]:
        rect = plate.get_rect(center=(cx + ox, cy + oy))
        if not rect.inflate(0, 60).colliderect(shown):
            continue
        if lit and not pal.high_contrast:  # lights on in places tried
            glow = rect.centerx, rect.bottom + 20
            pygame.draw.circle(sub, (255, 214, 90), glow, 9)
            pygame.draw.circle(sub, (255, 245, 200), glow, 4)
        sub.blit(plate, rect)
    if scene.suggestion:
        door = next(
            (d for d in scene.town.doors if d.kind == "challenge" and d.target == scene.suggestion),
            None,
        )
        if door is not None:
            cx = door.tile[0] * scene.town.tile_size + scene.town.tile_size // 2 + ox
            cy = door.tile[1] * scene.town.tile_size + oy - 6
            art.shape(sub, "star", (cx, cy), 11, pal.focus, outline=pal.ink)


def _sign_plates(scene, done) -> list:
    """(plate, centre in map pixels, lit) for every sign of the map."""
    ctx = scene.ctx
    content = ctx.content
    out = []
    for sign in scene.town.signs:
        x, y, sw, sh = sign.rect
        lit = False
        if sign.kind == "challenge":
            title = ctx.pick(content.challenges[sign.target].title)
            lit = sign.target in done
            plate = _plate(scene, ctx.t("town.tried", name=title) if lit else title, 14, width=150)
        elif sign.kind == "district":
            d = content.district(sign.target)
            plate = _plate(scene, f"{ctx.pick(d.name)} · {ctx.pick(d.nickname)}", 15, width=240)
        else:
            lm = next(lm for lm in content.landmarks if lm.id == sign.target)
            plate = _plate(scene, ctx.pick(lm.name), 18, width=220)
        out.append((plate, (x + sw // 2, y + sh // 2), lit))
    return out


def _closed(scene, sub, ox, oy) -> None:
    """A closed quarter: a striped barrier across its gate and a sign with a lock and the word."""
    ctx, town = scene.ctx, scene.town
    size = town.tile_size
    pal = ctx.palette
    for did, tiles in town.gates.items():
        if not scene.is_closed(did):
            continue
        xs = [t[0] for t in tiles]
        ys = [t[1] for t in tiles]
        bar = pygame.Rect(
            min(xs) * size + ox - 6,
            min(ys) * size + oy + 8,
            (max(xs) - min(xs) + 1) * size + 12,
            14,
        )
        pygame.draw.rect(sub, (255, 255, 255), bar)
        for k in range(bar.x, bar.right, 16):
            pygame.draw.rect(
                sub,
                (200, 30, 30) if not pal.high_contrast else (255, 255, 0),
                pygame.Rect(k, bar.y, 8, bar.h).clip(bar),
            )
        pygame.draw.rect(sub, pal.ink if pal.high_contrast else (40, 36, 56), bar, 2)
        plate = _plate(scene, ctx.t("teacher.closed"), 16)
        rect = plate.get_rect(midbottom=(bar.centerx, bar.y - 4))
        sub.blit(plate, rect.move(14, 0))
        pygame.draw.circle(sub, pal.panel, (rect.x - 2, rect.centery), 15)
        art.icon(sub, "lock", (rect.x - 2, rect.centery), 20, pal.ink)


def _in_reach(scene, sub, ox, oy) -> None:
    """Walking up to someone shows what they do; beside a door, what Enter opens."""
    ctx, town, walker = scene.ctx, scene.town, scene.walker
    size = town.tile_size
    person = person_in_reach(town, walker.tile, walker.facing_tile())
    if person is not None:
        x, y = person.tile
        text = ctx.pick(person.does)
        bubble = _plate(scene, text, 15, width=300, bold=False)
        hint = _plate(
            scene,
            ctx.t("town.talk_hint"),
            13,
            fill=ctx.palette.focus if not ctx.palette.high_contrast else None,
        )
        head = (x * size + size // 2 + ox, y * size + oy - 14)
        body = person_rect(person.tile, size).move(ox, oy)
        avatar = avatar_rect(walker.pos).move(ox, oy)
        band = ctx.painter.line(17, True) + 30  # below the place plate at the top left
        hint_h = hint.get_height() + 4
        w, h = sub.get_size()
        spot = place_bubble(
            bubble.get_size(),
            head,
            body,
            avatar,
            room_above=pygame.Rect(0, band + hint_h, w, h - band - hint_h),
            room_below=pygame.Rect(0, band, w, h - band - hint_h),
        )
        rect = spot.rect
        _tail(sub, rect, spot.tip, ctx.palette, below=spot.below)
        sub.blit(bubble, rect)
        hint_at = (
            hint.get_rect(midtop=(rect.centerx, rect.bottom + 3))
            if spot.below
            else hint.get_rect(midbottom=(rect.centerx, rect.top - 3))
        )
        sub.blit(hint, hint_at.clamp(sub.get_rect()))
        return
    door = door_in_reach(town, walker.tile, walker.facing_tile())
    if door is None:
        return
    plate = _plate(scene, door_text(scene, door), 15, width=320)
    x, y = door.tile
    rect = plate.get_rect(midbottom=(x * size + size // 2 + ox, y * size + oy - 4))
    sub.blit(plate, rect.clamp(sub.get_rect()))


def door_text(scene, door) -> str:
    """What the plate beside a door in reach says (also read aloud, ``game.speech.texts``)."""
    ctx, content = scene.ctx, scene.ctx.content
    if not can_open(door, scene.is_closed):
        return ctx.t("teacher.closed_notice")
    if door.kind == "challenge":
        return ctx.t("town.enter_hint", name=ctx.pick(content.challenges[door.target].title))
    if door.kind == "district":
        return ctx.t("town.board_hint", name=ctx.pick(content.district(door.target).name))
    lm = next(lm for lm in content.landmarks if lm.id == door.target)
    return ctx.t("town.enter_hint", name=ctx.pick(lm.name))


def reach_texts(scene) -> list[str]:
    """The words shown for what is in reach: a person's bubble and the talk hint, or the
    door's plate; [] for nothing (the same choice ``_in_reach`` draws)."""
    town, walker = scene.town, scene.walker
    person = person_in_reach(town, walker.tile, walker.facing_tile())
    if person is not None:
        return [scene.ctx.pick(person.does), scene.ctx.t("town.talk_hint")]
    door = door_in_reach(town, walker.tile, walker.facing_tile())
    return [door_text(scene, door)] if door is not None else []


def place_text(scene) -> str:
    """The place plate at the top left: the quarter and its tagline, an area, or the streets."""
    ctx = scene.ctx
    quarter = scene.town.quarter_at(scene.walker.tile)
    if quarter is not None:
        d = ctx.content.district(quarter.district)
        return f"{ctx.pick(d.name)} · {ctx.pick(d.tagline)}"
    area = scene.town.area_at(scene.walker.tile)
    return ctx.t(f"town.area.{area}") if area is not None else ctx.t("town.streets")


def _tail(sub, rect, tip, pal, below: bool = False) -> None:
    """The bubble's tail: from its bottom edge (top edge when it hangs below) to ``tip``."""
    cx = max(rect.x + 14, min(rect.right - 14, tip[0]))
    edge = rect.top + 2 if below else rect.bottom - 2
    points = [(cx - 8, edge), (cx + 8, edge), tip]
    pygame.draw.polygon(sub, pal.panel, points)
    pygame.draw.lines(
        sub,
        pal.ink if pal.high_contrast else art.shade(pal.panel, 0.6),
        False,
        [points[0], tip, points[1]],
        2,
    )


def _talk(scene, surface) -> None:
    """The person's words and the choices (the buttons are the scene's, drawn by the UI)."""
    ctx = scene.ctx
    p = ctx.painter
    box = scene.talk_box()
    p.panel(surface, box, fill=ctx.palette.panel)
    pygame.draw.rect(surface, ctx.palette.ink, box, 2, border_radius=18)
    p.text(surface, scene.talk_text(), (box.x + 20, box.y + 18), 18, width=box.w - 40, box=box)


def _place(scene, sub) -> None:
    """Where the pupil is (top left), and the keys until they first walk."""
    ctx = scene.ctx
    plate = _plate(scene, place_text(scene), 17, width=520)
    sub.blit(plate, (12, 10))
    if not scene.helped:
        help_plate = _plate(scene, ctx.t("town.help"), 15, width=520, bold=False)
        sub.blit(help_plate, (12, 10 + plate.get_height() + 6))
