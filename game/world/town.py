"""The town read from a Tiled map: its collision grid and the things its object layer
names (spawn, quarters, gates, doors, people, signs), checked against the content.

Pure (no pygame): :func:`read_town` takes a map already parsed by ``pytmx`` (with or
without images) and the loaded content. Every problem is one line ``file: field: problem``
in :class:`TownError`. Called by the town scene when it is entered, and by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.world.grid import Grid, Tile

#: the work loops the people sheet draws, in its row order (assets/maps/make_town.py: ACTIONS)
ACTIONS = ("hammer", "write", "stir", "pet", "paint", "strum", "talk", "carry", "type", "wave")
LOOKS = 5
DOOR_KINDS = ("challenge", "district", "landmark")


class TownError(ValueError):
    """The map or the people file is wrong; the message is one line naming the file."""


@dataclass(frozen=True)
class Door:
    """A door or workstation: walking into it (or Enter beside it) opens ``target``."""

    id: str
    kind: str  # "challenge" | "district" (the quarter's notice board) | "landmark"
    target: str
    tile: Tile
    district: str | None  # the quarter it stands in (None for a landmark)


@dataclass(frozen=True)
class Person:
    """Someone at work: where they stand and what they do (``zones/data/people.json``)."""

    id: str
    tile: Tile
    district: str
    occupation: str
    action: str
    look: int
    does: dict
    question: dict
    answer: dict


@dataclass(frozen=True)
class Quarter:
    district: str
    tiles: tuple[int, int, int, int]  # x, y, w, h in tiles

    def contains(self, tile: Tile) -> bool:
        x, y, w, h = self.tiles
        return x <= tile[0] < x + w and y <= tile[1] < y + h


@dataclass(frozen=True)
class Sign:
    """A name plate the view draws (text from the content, in the player's language)."""

    kind: str  # "challenge" | "district" | "landmark"
    target: str
    rect: tuple[int, int, int, int]  # pixels


@dataclass
class Town:
    """Everything the rules need to know about the map."""

    grid: Grid
    tile_size: int
    spawn: Tile
    quarters: list[Quarter] = field(default_factory=list)
    gates: dict[str, list[Tile]] = field(default_factory=dict)
    doors: list[Door] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    signs: list[Sign] = field(default_factory=list)
    areas: list[tuple[str, tuple[int, int, int, int]]] = field(
        default_factory=list
    )  # (name, tiles)

    def area_at(self, tile: Tile) -> str | None:
        """The named open area (the park) at ``tile``, if any."""
        return next(
            (
                name
                for name, (x, y, w, h) in self.areas
                if x <= tile[0] < x + w and y <= tile[1] < y + h
            ),
            None,
        )

    def quarter_at(self, tile: Tile) -> Quarter | None:
        return next((q for q in self.quarters if q.contains(tile)), None)

    def door_at(self, tile: Tile) -> Door | None:
        return next((d for d in self.doors if d.tile == tile), None)

    def person_at(self, tile: Tile) -> Person | None:
        return next((p for p in self.people if p.tile == tile), None)


def read_people(records: Any, content, source: str) -> dict[str, dict]:
    """The people file's records by id, checked: district and occupation exist, a known
    work loop, texts in every language of the game."""
    if not isinstance(records, list):
        raise TownError(f"{source}: top level: must be a list of people")
    districts = {d.id for d in content.districts}
    languages = tuple(getattr(content, "languages", ("en", "es")))
    out: dict[str, dict] = {}
    for i, rec in enumerate(records):
        where = f"{source}: [{i}]"
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) or not rec["id"]:
            raise TownError(f"{where}.id: a person needs an id")
        pid = rec["id"]
        if pid in out:
            raise TownError(f"{where}.id: '{pid}' is used twice")
        if rec.get("district") not in districts:
            raise TownError(f"{where}.district: '{rec.get('district')}' is not a district")
        if rec.get("occupation") not in content.occupations:
            raise TownError(
                f"{where}.occupation: '{rec.get('occupation')}' is not in occupations.csv"
            )
        if rec.get("action") not in ACTIONS:
            raise TownError(
                f"{where}.action: '{rec.get('action')}' is not one of {', '.join(ACTIONS)}"
            )
        look = rec.get("look", 0)
        if not isinstance(look, int) or isinstance(look, bool) or not 0 <= look < LOOKS:
            raise TownError(f"{where}.look: must be a whole number 0-{LOOKS - 1}")
        for key in ("does", "question", "answer"):
            text = rec.get(key)
            missing = [lang for lang in languages if not _has_text(text, lang)]
            if missing:
                raise TownError(f"{where}.{key}: no text for {', '.join(missing)}")
        out[pid] = rec
    return out


def _has_text(texts: object, lang: str) -> bool:
    """True when ``texts`` (a record's {language: text}) has a text in ``lang``."""
    value = texts.get(lang) if isinstance(texts, dict) else None
    return isinstance(value, str) and bool(value.strip())


def read_town(tmx: Any, content, people: dict[str, dict], source: str) -> Town:
    """Build the :class:`Town` from a parsed map (``pytmx.TiledMap``). ``source`` names the
    file in messages. Raises :class:`TownError` on the first problem."""
    size = int(tmx.tilewidth)
    width, height = int(tmx.width), int(tmx.height)
    try:
        layer = tmx.get_layer_by_name("collision")
    except (KeyError, ValueError):
        raise TownError(f"{source}: layers: no tile layer named 'collision'") from None
    blocked = {(x, y) for y, row in enumerate(layer.data) for x, gid in enumerate(row) if gid}
    town = Town(Grid(width, height, blocked), size, (-1, -1))
    challenges = content.challenges
    districts = {d.id: d for d in content.districts}
    landmarks = {lm.id for lm in content.landmarks}
    used_people: set[str] = set()

    def tile_of(obj) -> Tile:
        return int(obj.x) // size, int(obj.y) // size

    for obj in tmx.objects:
        kind = getattr(obj, "type", None) or getattr(obj, "class", None)
        props = dict(getattr(obj, "properties", {}) or {})
        where = f"{source}: object '{obj.name or obj.id}'"
        if kind == "spawn":
            town.spawn = tile_of(obj)
        elif kind == "quarter":
            did = props.get("district")
            if not isinstance(did, str) or did not in districts:
                raise TownError(f"{where}: district: '{did}' is not a district")
            town.quarters.append(
                Quarter(
                    did,
                    (
                        int(obj.x) // size,
                        int(obj.y) // size,
                        int(obj.width) // size,
                        int(obj.height) // size,
                    ),
                )
            )
        elif kind == "gate":
            did = props.get("district")
            if not isinstance(did, str) or did not in districts:
                raise TownError(f"{where}: district: '{did}' is not a district")
            x0, y0 = tile_of(obj)
            town.gates.setdefault(did, []).extend(
                (x0 + dx, y0 + dy)
                for dx in range(max(1, int(obj.width) // size))
                for dy in range(max(1, int(obj.height) // size))
            )
        elif kind == "door":
            town.doors.append(
                _door(obj, props, where, tile_of(obj), challenges, districts, landmarks)
            )
        elif kind == "person":
            pid = props.get("person")
            if pid not in people:
                raise TownError(f"{where}: person: '{pid}' is not in people.json")
            if pid in used_people:
                raise TownError(f"{where}: person: '{pid}' stands in two places")
            used_people.add(pid)
            rec = people[pid]
            town.people.append(
                Person(
                    pid,
                    tile_of(obj),
                    rec["district"],
                    rec["occupation"],
                    rec["action"],
                    int(rec.get("look", 0)),
                    rec["does"],
                    rec["question"],
                    rec["answer"],
                )
            )
        elif kind == "area":
            town.areas.append(
                (
                    str(props.get("area", obj.name)),
                    (
                        int(obj.x) // size,
                        int(obj.y) // size,
                        int(obj.width) // size,
                        int(obj.height) // size,
                    ),
                )
            )
        elif kind == "sign":
            sk = next((k for k in DOOR_KINDS if k in props), None)
            if sk is None:
                raise TownError(
                    f"{where}: properties: a sign names a challenge, district or landmark"
                )
            town.signs.append(
                Sign(sk, str(props[sk]), (int(obj.x), int(obj.y), int(obj.width), int(obj.height)))
            )
    _check(town, source, content)
    town.grid.blocked.update(p.tile for p in town.people)  # people are walked round, not through
    return town


def _door(obj, props, where, tile, challenges, districts, landmarks) -> Door:
    if "challenge" in props:
        cid = props["challenge"]
        if cid not in challenges:
            raise TownError(f"{where}: challenge: '{cid}' is not a challenge")
        return Door(obj.name or str(obj.id), "challenge", cid, tile, challenges[cid].district)
    if "district" in props:
        did = props["district"]
        if did not in districts:
            raise TownError(f"{where}: district: '{did}' is not a district")
        return Door(obj.name or str(obj.id), "district", did, tile, did)
    if "landmark" in props:
        lid = props["landmark"]
        if lid not in landmarks:
            raise TownError(f"{where}: landmark: '{lid}' is not a landmark")
        return Door(obj.name or str(obj.id), "landmark", lid, tile, None)
    raise TownError(f"{where}: properties: a door names a challenge, district or landmark")


def _check(town: Town, source: str, content) -> None:
    """What the whole map must hold: a spawn on a free tile, each district a quarter,
    each challenge and landmark a door, every door and person inside its quarter."""
    if not town.grid.free(town.spawn):
        raise TownError(f"{source}: spawn: missing or on a blocked tile")
    quarters = {q.district for q in town.quarters}
    for d in content.districts:
        if d.id not in quarters:
            raise TownError(f"{source}: quarters: no quarter for district '{d.id}'")
    doors = {(door.kind, door.target) for door in town.doors}
    for cid in content.challenges:
        if ("challenge", cid) not in doors:
            raise TownError(f"{source}: doors: no door for challenge '{cid}'")
    for lm in content.landmarks:
        if ("landmark", lm.id) not in doors:
            raise TownError(f"{source}: doors: no door for landmark '{lm.id}'")
    for door in town.doors:
        q = town.quarter_at(door.tile)
        if door.district is not None and (q is None or q.district != door.district):
            raise TownError(
                f"{source}: door '{door.id}': stands outside the quarter of '{door.district}'"
            )
    for person in town.people:
        q = town.quarter_at(person.tile)
        if q is None or q.district != person.district:
            raise TownError(
                f"{source}: person '{person.id}': stands outside the quarter of '{person.district}'"
            )
