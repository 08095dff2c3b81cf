"""How a :class:`game.sim.bot.Bot` walks the town: along the map to a quarter's notice
board (click-to-walk on the real collision layer, ``TownScene.walk_to``), stopping at
people on the way now and then to read their speech bubble and maybe watch them work.

Functions of the bot (its clock, habits, rng and decisions); each step of walking time goes
through ``bot.walk_tick`` (a subclass may draw frames there). They touch only the town
scene they are given and the bot's clock. Called by ``Bot.hub_turn``.
"""

from __future__ import annotations

from game.sim.pacing import OutOfTime

#: the town's logic step while the bot walks (s), and the most steps one walk may take
WALK_TICK_S = 1 / 15
MAX_WALK_TICKS = 15 * 120


def walk_to_board(bot, hub, district_id: str) -> bool:
    """Walk the avatar along the map to the quarter's notice board (click-to-walk on
    the real collision layer), stopping at people on the way now and then
    (``Habits.talk_to_person``); True once the board opened. A door walked through on
    the way opens what it opens, as for a pupil: the caller finds out by the top scene."""
    door = next(
        (d for d in hub.town.doors if d.kind == "district" and d.target == district_id), None
    )
    bot.wait(bot.span(bot.habits.hub_seconds))  # look at the map, decide
    if door is None:
        return False
    met: set[str] = set()
    people = [p for p in hub.town.people if p.district == district_id]
    if people and bot.rng.random() < bot.habits.talk_to_person:
        person = bot.rng.choice(people)  # someone at work there first
        met.add(person.id)
        if hub.walk_to(person.tile, person):
            for _ in range(MAX_WALK_TICKS):
                if hub.talk is not None or not (hub.walker.path or hub.walker.moving):
                    break
                bot.walk_tick(hub)
            if hub.talk is person:
                meet(bot, hub, person, talking=True)
        if bot.top is not hub:
            return True
    if not hub.walk_to(door.tile, door):
        return False
    bot._mark()
    for _ in range(MAX_WALK_TICKS):
        if bot.top is not hub:
            return True
        person = hub.trail.person_near
        if person is not None and person.id not in met and hub.talk is None:
            met.add(person.id)
            if bot.rng.random() < bot.habits.talk_to_person:
                meet(bot, hub, person)
                if bot.top is not hub or not hub.walk_to(door.tile, door):
                    return bot.top is not hub
        bot.walk_tick(hub)
    return bot.top is not hub


def walk_tick(bot, hub) -> None:
    """One step of walking time (``WALK_TICK_S`` of the town's update)."""
    if bot.clock.now + WALK_TICK_S > bot.minutes * 60.0:
        bot.clock.now = bot.minutes * 60.0
        raise OutOfTime
    bot.clock.now += WALK_TICK_S
    hub.update(WALK_TICK_S)


def meet(bot, hub, person, talking: bool = False) -> None:
    """At a person's speech bubble (opened now unless ``talking``): read it, then
    watch them work for a while, or walk on."""
    letter = hub.trail.occupation_letter(person.occupation)
    if not talking:
        bot.act(bot.span((1, 3)), hub.start_talk, person)
    else:
        bot.wait(bot.span((2, 4)))
    if letter and bot.player.wants_watch(letter):
        bot.act(bot.span((1, 3)), hub.watch)
        hub.last_input = bot.clock.now  # the Watch button was pressed
        bot.wait(bot.span(bot.habits.watch_seconds))
    bot.act(bot.span((1, 2)), hub.walk_on)
