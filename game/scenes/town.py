"""The town the pupil walks through after signing in: six quarters, four landmarks, the
park, people at work and a door for every challenge.

The rules live in ``game.world`` (pure); this scene turns input into walking
(``game.world.town_input``), opens what a door leads to, hands the walk's observations to
``game.world.trail`` (telemetry through ``ctx.record``), lays out the talk panel through
``game.world.talk_panel`` and draws through ``game.world.view``. Quarter, door and person data come
from the map's objects and ``zones/data/people.json``; nothing here names a district.

Keys: arrows/WASD walk, Enter/Space opens the door or talks to the person in reach, Tab
reaches the buttons. Mouse: click a place to walk there (A* on the collision layer), a
door or a person to walk up and use it. Gamepad: stick or d-pad walks, A uses, B closes.
"""

from __future__ import annotations

import json

import pygame

from game import class_session
from game.flow import set_place
from game.ui_scene import HEADER_H, UiScene
from game.world import talk_panel, town_input
from game.world.doors import can_open, door_in_reach, person_in_reach
from game.world.rewards import RewardsCache, RewardsError, read_rewards
from game.world.sound import TownSound
from game.world.town import Door, Person, Town, TownError, read_people, read_town
from game.world.trail import Trail
from game.world.walker import Walker

CAMERA_EASE = 8.0  # 1/s; reduced motion: none (the camera is where the avatar is)
BEATS_PER_S = 4


class TownScene(UiScene):
    name = "hub"  # the place after sign-in: "hub" in saves and screen statements, as before
    title_key = "hub.title"
    show_back = False
    view_top = HEADER_H  # the map is drawn below the header bar

    def __init__(self, map_name: str = "town.tmx") -> None:
        super().__init__()
        self.map_name = map_name
        self.town: Town | None = None  # read in enter(); None when the map is broken

    # -- lifecycle -------------------------------------------------------------------
    def enter(self, ctx) -> None:
        self.ctx = ctx
        problem = self._load(ctx)
        self.talk: Person | None = None
        self.talk_state = "menu"
        self.suggestion = self._suggest()
        super().enter(ctx)
        if problem is not None:  # a broken map: say why, fall back to the menu
            ctx.notices.append(problem)
            self._open_menu_hub()
            return
        set_place(ctx, scene="hub")  # the class session watches the stack (name "hub")
        if self.suggestion and self.is_closed(ctx.content.challenges[self.suggestion].district):
            self.suggestion = self._suggest()  # chosen before the session knew the closed districts
            self.rebuild()

    def _load(self, ctx) -> str | None:
        """Read the map, the people and the art; a one-line problem or None."""
        from game.world.view import TownView, load_map

        maps = ctx.assets / "maps"
        path = maps / self.map_name
        people_path = ctx.assets.parent / "zones" / "data" / "people.json"
        try:
            people = read_people(
                json.loads(people_path.read_text(encoding="utf-8")), ctx.content, str(people_path)
            )
            tmx = load_map(path)
            self.town = read_town(tmx, ctx.content, people, str(path))
            self.view = TownView(
                tmx, maps / "town_people.png", (ctx.size[0], ctx.size[1] - HEADER_H)
            )
            self.rewards = read_rewards(
                people_path.parent / "town_rewards.json", ctx.content.challenges
            )
        except (TownError, RewardsError) as exc:
            return str(exc)
        except (OSError, ValueError, KeyError, pygame.error) as exc:
            return f"{path}: cannot be read ({type(exc).__name__}: {exc})"
        town = self.town
        self.reward_cache = RewardsCache()  # the plaques and the riders' streets of this map
        self.walker = Walker(town.grid, town.tile_size, town.spawn)
        self.camera = self.walker.pos
        letters = {d.id: d.riasec for d in ctx.content.districts}
        self.trail = Trail(
            town,
            ctx.record,
            ctx.clock,
            letters,
            lambda code: ctx.content.occupations[code].holland[:1],
        )
        self.held: dict[object, tuple[int, int]] = {}
        self.goal: Door | Person | None = None
        self.pads: list = []
        self.last_input = ctx.clock()
        self._beat_drawn = -1
        self.helped = False  # the keys are shown until the pupil first walks
        self.sound = ctx.sound or TownSound(lambda: ctx.settings)
        self.sound.place(self.mood())
        return None

    @property
    def town_map(self) -> Town:
        """The town read in enter(); used only when it loaded (a broken map leaves the menu
        hub in this scene's place, and every hook checks ``self.town is None`` first)."""
        assert self.town is not None, "the town is used before its map loaded"
        return self.town

    def mood(self) -> int:
        """Which music loop plays where the avatar stands: a quarter's index, else -1."""
        quarter = self.town_map.quarter_at(self.walker.tile)
        ids = [d.id for d in self.ctx.content.districts]
        return (
            ids.index(quarter.district) if quarter is not None and quarter.district in ids else -1
        )

    def pause(self) -> None:
        super().pause()
        if self.town is not None:
            self.sound.stop()

    def leave(self) -> None:
        super().leave()
        if self.town is not None:
            self.sound.stop()

    def resume(self) -> None:
        if self.town is None:
            return
        self.suggestion = self._suggest()
        super().resume()
        set_place(self.ctx, scene="hub")
        if self.ctx.recorder is not None:
            self.ctx.recorder.checkpoint()
        self.held.clear()
        self.walker.stop()
        self.goal = None
        tile = self.walker.tile
        if self.town_map.door_at(tile) is not None:  # step out of the door we came through
            below = (tile[0], tile[1] + 1)
            if self.town_map.grid.free(below):
                self.walker.pos = self.walker.centre(below)
                self.walker.facing = 0
        self.trail.door_near = None
        self.sound.place(self.mood())

    def _suggest(self) -> str | None:
        from game.suggest import suggested_challenge

        found = suggested_challenge(self.ctx) if self.town is not None else None
        if not found or self.is_closed(self.ctx.content.challenges[found[0]].district):
            return None
        return found[0]

    def is_closed(self, district_id: str) -> bool:
        return class_session.is_closed(self.ctx, district_id)

    # -- buttons ---------------------------------------------------------------------
    def build(self) -> None:
        if self.town is None:
            return
        p, t = self.ctx.painter, self.ctx.t
        w, h = self.ctx.size
        bh = max(48, p.button_h("@small"))
        labels = []
        if self.suggestion:
            title = self.ctx.pick(self.ctx.content.challenges[self.suggestion].title)
            labels.append((t("town.go_there", name=title), self.walk_to_suggestion, "@primary"))
        labels += [
            (t("hub.passport"), self.open_passport, "@small"),
            (t("hub.sign_out"), self.sign_out, "@small"),
        ]
        widths = [min(w - 32, max(150, p.button_w(label, style))) for label, _, style in labels]
        rows = [list(range(len(labels)))]
        if (
            sum(widths) + 12 * (len(widths) - 1) > w - 32 and len(labels) > 1
        ):  # large text: two rows
            rows = [[0], list(range(1, len(labels)))]
        self.hud = []
        y = h - 14 - len(rows) * bh - (len(rows) - 1) * 10
        for row in rows:
            x = w - 16 - sum(widths[i] for i in row) - 12 * (len(row) - 1)
            for i in row:
                label, action, style = labels[i]
                self.hud.append(
                    self.ui.button(pygame.Rect(x, y, widths[i], bh), label, action, style)
                )
                x += widths[i] + 12
            y += bh + 10
        self.hud_top = h - 14 - len(rows) * bh - (len(rows) - 1) * 10
        if self.talk is not None:
            talk_panel.build_talk(self, bh)

    def build_all(self) -> None:
        """As every screen, but walking has the keys: no button holds the focus (Enter
        opens what is in reach) until Tab reaches one, or a talk panel opens."""
        super().build_all()
        if self.town is not None and self.talk is None and not self.ui.keyboard_used:
            self.ui.focus_index = None

    def talk_box(self) -> pygame.Rect:
        return talk_panel.talk_box(self)

    def talk_text(self) -> str:
        return talk_panel.talk_text(self)

    # -- input (game.world.town_input) -----------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.town is None or not town_input.handle(self, event):
            super().handle_event(event)

    def _pupil_moves(self) -> None:  # the gamepad's too
        town_input.pupil_moves(self)

    def click(self, pos) -> None:
        """Click-to-walk: to a tile, or up to a door or person and then use it."""
        town_input.click(self, pos)

    def walk_to(self, tile, target=None) -> bool:
        """Find a path and start walking; True when there is one."""
        return town_input.walk_to(self, tile, target)

    def walk_to_suggestion(self) -> None:
        """The 'go there' button (:func:`game.world.town_input.walk_to_suggestion`)."""
        town_input.walk_to_suggestion(self)

    def _closed(self) -> frozenset:
        return town_input.closed(self)

    def use_in_reach(self) -> bool:
        """Enter/Space/A: open the door or talk to the person in reach."""
        return town_input.use_in_reach(self)

    # -- rules per step --------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.town is None:
            return
        w = self.walker
        w.extra = self._closed()
        before = w.tile
        direction = town_input.direction(self) if self.talk is None else (0, 0)
        moved = w.step(dt, direction)
        self.sound.walking(dt, moved)
        if moved:
            door = door_in_reach(self.town_map, w.tile, w.facing_tile())
            person = person_in_reach(self.town_map, w.tile, w.facing_tile())
            place, near = self.trail.place, self.trail.person_near
            self.trail.moved_to(w.tile, door, person)
            if self.trail.place != place:
                self.sound.place(self.mood())
            if person is not None and person is not near:
                self.sound.talk()
            if w.tile != before:
                on = self.town_map.door_at(w.tile)
                if on is not None and on is not self.goal and can_open(on, self.is_closed):
                    self.open_door(on)
                    return
        elif direction != (0, 0):
            ahead = self.town_map.door_at(w.facing_tile())
            if ahead is not None and ahead.kind == "district":  # walked into the notice board
                self.held.clear()
                self.open_door(ahead)
                return
        if self.goal is not None and not w.path and not moved:
            town_input.arrive(self)
        target = w.pos
        if self.ctx.settings.reduced_motion:
            self.camera = target
        else:
            k = min(1.0, dt * CAMERA_EASE)
            cx, cy = self.camera
            self.camera = (cx + (target[0] - cx) * k, cy + (target[1] - cy) * k)
            if abs(self.camera[0] - target[0]) < 0.3 and abs(self.camera[1] - target[1]) < 0.3:
                self.camera = target

    @property
    def animating(self) -> bool:
        """While walking or easing, and on each beat of the people's work loops (4 a second:
        the loop sleeps between beats)."""
        if self.town is None:
            return False
        return (
            self.walker.moving
            or bool(self.walker.path)
            or bool(self.held)
            or self.camera != self.walker.pos
            or self.beat() != self._beat_drawn
        )

    def beat(self) -> int:
        rate = BEATS_PER_S / (2 if self.ctx.settings.reduced_motion else 1)
        return int(self.ctx.clock() * rate)

    # -- doors and people ------------------------------------------------------------
    def open_door(self, door: Door) -> None:
        """A door opens what it leads to, unless its quarter is closed."""
        self.walker.stop()
        self.held.clear()
        if not can_open(door, self.is_closed):
            self.ctx.notices.append(self.ctx.t("teacher.closed_notice"))
            return
        self.trail.end_watch()
        self.sound.door()
        open_doors = [d for d in self.town_map.doors if can_open(d, self.is_closed)]
        open_districts = [d.id for d in self.ctx.content.districts if not self.is_closed(d.id)]
        self.trail.opened(door, open_doors, open_districts)
        self.trail.mode = "free"
        if door.kind == "challenge":
            self._open_challenge(door.target)
        elif door.kind == "district":
            self._open_board(door.target)
        else:
            self.open_landmark(door.target)

    def open_district(self, district_id: str, suggested: bool = False) -> None:
        """Straight to a quarter's notice board (simulated players and tests use this in
        place of walking there); the same checks and statements as walking to it."""
        door = next(
            (d for d in self.town_map.doors if d.kind == "district" and d.target == district_id),
            None,
        )
        if door is None:
            return
        self.trail.mode = "suggested" if suggested else "free"
        self.open_door(door)

    def start_talk(self, person: Person) -> None:
        self.walker.stop()
        self.held.clear()
        self.talk = person
        self.talk_state = "menu"
        self.rebuild()

    def watch(self) -> None:
        """The talk panel's 'watch' button (only shown while talking to someone)."""
        if self.talk is None:
            return
        self.talk_state = "watching"
        self.trail.watch(self.talk)
        self.rebuild()

    def ask(self) -> None:
        """The talk panel's 'ask' button (only shown while talking to someone)."""
        if self.talk is None:
            return
        self.talk_state = "answer"
        self.trail.asked(self.talk)
        self.rebuild()

    def walk_on(self) -> None:
        person = self.talk
        if person is None:
            return
        if self.talk_state == "watching":
            self.trail.end_watch(idle_for=self.ctx.clock() - self.last_input)
        elif self.talk_state == "menu":
            self.trail.walked_on(person)
        self.talk = None
        self.rebuild()
        self.ui.focus_index = None

    # -- the one place that opens other screens (lazy imports, as the hub did) --------
    def _open_challenge(self, challenge_id: str) -> None:
        self.ctx.scenes.go("challenge_intro", challenge_id=challenge_id)

    def _open_board(self, district_id: str) -> None:
        from game.landmarks import open_district_board

        open_district_board(self.ctx, district_id)

    def open_landmark(self, landmark_id: str) -> None:
        from game.landmarks import open_landmark

        open_landmark(self.ctx, landmark_id)

    def open_passport(self) -> None:
        from game.landmarks import open_passport

        open_passport(self.ctx)

    def _open_menu_hub(self) -> None:
        self.ctx.scenes.replace("hub")

    def sign_out(self) -> None:
        from game.research import finish_lesson

        finish_lesson(self.ctx)  # a research class's questionnaire first, then sign out

    # -- drawing ---------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.town is None:
            super().draw(surface)
            return
        from game.world.frame import draw_town

        draw_town(self, surface)
        self._beat_drawn = self.beat()
        self.draw_header(surface)
