"""The town shows what the pupil has done (issue 15 item 5): a plaque of stars by the door
of every challenge tried (its best result, like stamps), and the rewards the content names
in ``zones/data/town_rewards.json``: a finished work hung on the wall beside the door
(``"kind": "poster"``) or someone riding what the pupil fixed along the nearest street
(``"kind": "rider"``).

Called by ``game.world.frame`` once per drawn frame; the plaques and posters are made once
per language, palette, text size and results, the rider's street once per door (both kept
in a :class:`RewardsCache` the town scene makes with its map and passes in), the rider
moves with the people's work beat (still under reduced motion). Touches only the surface
it is given and that cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game import art
from game.stars import stars_for

KINDS = ("poster", "rider")
#: a street the rider uses is a row of at least this many free tiles
STREET_TILES = 12
#: tiles the rider moves per beat (4 beats a second, 2 under reduced motion)
RIDE_PER_BEAT = 0.5
#: the rider's shirt, by the reward's ``look``
RIDER_SHIRTS = ((70, 130, 200), (230, 120, 40), (60, 160, 90), (200, 70, 120), (120, 90, 200))


class RewardsError(ValueError):
    """The rewards file is wrong; the message is one line naming the file."""


@dataclass(frozen=True)
class Reward:
    challenge: str
    kind: str
    look: int = 0


Street = tuple[int, int, int]  # (first x, last x, y) in tiles


@dataclass
class RewardsCache:
    """What :func:`draw_rewards` keeps between frames for one town map: made by the town
    scene when it reads the map (a new map, a new cache) and passed in at every draw."""

    #: door tile -> its rider's street (the map never changes while it is shown)
    streets: dict[tuple[int, int], Street | None] = field(default_factory=dict)
    #: the key the plaques and posters were made for, and them (image, midbottom)
    art_key: tuple | None = None
    art: list[tuple[pygame.Surface, tuple[int, int]]] = field(default_factory=list)


def read_rewards(path: Path, challenges) -> list[Reward]:
    """The rewards file, checked against the content (a missing file: no rewards)."""
    if not path.exists():
        return []
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RewardsError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(records, list):
        raise RewardsError(f"{path}: top level: must be a list of rewards")
    out = []
    for i, rec in enumerate(records):
        where = f"{path}: [{i}]"
        if not isinstance(rec, dict):
            raise RewardsError(f"{where}: must be an object")
        if rec.get("challenge") not in challenges:
            raise RewardsError(f"{where}.challenge: {rec.get('challenge')!r} is not a challenge")
        if rec.get("kind") not in KINDS:
            raise RewardsError(f"{where}.kind: must be one of {', '.join(KINDS)}")
        look = rec.get("look", 0)
        if not isinstance(look, int) or isinstance(look, bool) or not 0 <= look <= 4:
            raise RewardsError(f"{where}.look: must be 0-4")
        out.append(Reward(rec["challenge"], rec["kind"], look))
    return out


def street_for(town, tile) -> Street | None:
    """(first x, last x, y) of the nearest long free row below or above ``tile``."""
    x0, y0 = tile
    for dy in range(1, 12):
        for y in (y0 + dy, y0 - dy):
            if not 0 <= y < town.grid.height:
                continue
            run = best = None
            for x in range(town.grid.width):
                if town.grid.free((x, y)):
                    run = (run[0], x) if run else (x, x)
                    if run[1] - run[0] + 1 >= STREET_TILES and (
                        best is None
                        or abs((run[0] + run[1]) / 2 - x0) < abs((best[0] + best[1]) / 2 - x0)
                    ):
                        best = run
                else:
                    run = None
            if best is not None:
                return best[0], best[1], y
    return None


def _street_near(cache: RewardsCache, town, tile) -> Street | None:
    """:func:`street_for`, worked out once per door of this town instead of a scan of the
    map's rows every frame."""
    if tile not in cache.streets:
        cache.streets[tile] = street_for(town, tile)
    return cache.streets[tile]


def draw_rewards(scene, cache: RewardsCache, sub: pygame.Surface, ox: int, oy: int) -> None:
    """Plaques by tried doors, posters on walls, riders in the streets (see module doc)."""
    ctx, town, view = scene.ctx, scene.town, scene.view
    done = ctx.player.challenges if ctx.player is not None else {}
    if not done:
        return
    size = town.tile_size
    pal = ctx.palette
    key = (
        "rewards",
        ctx.i18n.language,
        pal,
        ctx.painter.fonts.scale,
        tuple(sorted((c, stars_for(r.best_score, True)) for c, r in done.items() if r.plays)),
    )
    if cache.art_key != key:
        cache.art_key, cache.art = key, _make_art(scene, done)
    shown = sub.get_rect()
    for image, (mx, my) in cache.art:
        rect = image.get_rect(midbottom=(mx + ox, my + oy))
        if rect.colliderect(shown):
            sub.blit(image, rect)
    beat = scene.beat()
    for reward in scene.rewards:
        if reward.kind != "rider" or reward.challenge not in done:
            continue
        door = next(
            (d for d in town.doors if d.kind == "challenge" and d.target == reward.challenge), None
        )
        street = _street_near(cache, town, door.tile) if door is not None else None
        if street is None:
            continue
        first, last, y = street
        span = (last - first) * size
        travelled = (beat * RIDE_PER_BEAT * size) % (2 * span)
        forward = travelled < span
        x = first * size + (travelled if forward else 2 * span - travelled)
        _rider(sub, view, reward.look, (int(x + ox), int(y * size + oy + size - 2)), forward, beat)


def _make_art(scene, done) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """(image, midbottom in map pixels) of every plaque and poster earned."""
    ctx, town = scene.ctx, scene.town
    size = town.tile_size
    out = []
    posters = {r.challenge for r in scene.rewards if r.kind == "poster"}
    for door in town.doors:
        record = done.get(door.target) if door.kind == "challenge" else None
        if record is None or not record.plays:
            continue
        cx, top = door.tile[0] * size + size // 2, door.tile[1] * size
        out.append(
            (_plaque(ctx, stars_for(record.best_score, True)), (cx + size + 6, top + size - 4))
        )
        if door.target in posters:
            title = ctx.pick(ctx.content.challenges[door.target].title)
            out.append((_poster(ctx, title), (cx - 30, top + size - 1)))
    return out


def _plaque(ctx, stars: int) -> pygame.Surface:
    """A small plaque with three star places, ``stars`` of them filled (never colour alone:
    an empty star is an outline)."""
    pal = ctx.palette
    plate = pygame.Surface((58, 24), pygame.SRCALPHA)
    pygame.draw.rect(plate, pal.panel, plate.get_rect(), border_radius=6)
    pygame.draw.rect(plate, pal.ink, plate.get_rect(), 2, border_radius=6)
    for k in range(3):
        centre = (11 + k * 18, 12)
        if k < stars:
            art.shape(plate, "star", centre, 8, pal.focus, outline=pal.ink)
        else:
            pygame.draw.circle(plate, pal.ink, centre, 3)
    return plate


def _poster(ctx, title: str) -> pygame.Surface:
    """The finished poster on the wall: bold bands, a star and the show's name."""
    pal = ctx.palette
    w, h = 30, 40
    poster = pygame.Surface((w, h), pygame.SRCALPHA)
    bands = (
        ((240, 90, 120), (250, 200, 90), (58, 134, 255))
        if not pal.high_contrast
        else ((255, 255, 255), (0, 0, 0), (255, 255, 255))
    )
    for i, colour in enumerate(bands):
        pygame.draw.rect(poster, colour, (0, i * h // 3, w, h // 3 + 1))
    art.shape(poster, "star", (w // 2, h // 3), 8, pal.focus, outline=pal.ink)
    font = ctx.painter.font(9, True)
    words = font.render(
        title.split()[0].upper()[:5], True, pal.ink if not pal.high_contrast else (255, 255, 0)
    )
    poster.blit(words, words.get_rect(center=(w // 2, h - 9)))
    pygame.draw.rect(poster, pal.ink, poster.get_rect(), 2)
    return poster


def _rider(sub, view, look: int, ground: tuple[int, int], forward: bool, beat: int) -> None:
    """Someone riding the fixed bike: two wheels, a frame, and a walker of the people sheet."""
    x, y = ground
    ink = (40, 36, 56)
    frames = view.avatar_frames(RIDER_SHIRTS[look % len(RIDER_SHIRTS)])
    body = frames[2 if forward else 1][0].subsurface((0, 0, 32, 30))  # head and body: seated
    sub.blit(body, body.get_rect(midbottom=(x - 1, y - 13)))
    for wx in (x - 12, x + 12):
        pygame.draw.circle(sub, ink, (wx, y - 9), 9, 2)
        spoke = (beat % 2) * 4
        pygame.draw.line(sub, ink, (wx - 4 + spoke, y - 13), (wx + 4 - spoke, y - 5), 1)
    bar = (x + 9, y - 22) if forward else (x - 9, y - 22)
    pygame.draw.lines(sub, (214, 40, 40), False, [(x - 12, y - 9), (x, y - 16), (x + 12, y - 9)], 3)
    pygame.draw.line(sub, (214, 40, 40), (x + 12 if forward else x - 12, y - 9), bar, 3)
