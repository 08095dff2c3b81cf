"""How a :class:`game.sim.bot.Bot` plays one challenge: the intro's rating and
difficulty, the mechanic's actions (clicks on its controls, ``game.sim.drive``) spread
over the challenge's minutes, the reflection, the Horizons reading and the "what next?"
board.

Functions of the bot; they call its methods (``act``, ``wait``, ``play_mechanic``,
``mentor_turn``) so that a subclass's changes hold. They touch only the scenes on top of
the bot's App. Called by ``Bot.district_turn`` and from here.
"""

from __future__ import annotations

import math

#: actions a challenge may take before the bot gives up and presses Stop
MAX_ACTIONS = 400


class Abandoned(Exception):
    """A challenge the bot could not finish (pressed Stop); play goes on from the district."""


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def play_challenge(bot, cid: str, letter: str) -> None:
    intro = bot.top
    bot.act(bot.span(bot.habits.intro_seconds), intro.rate, bot.player.rate_expectation(letter))
    if bot.rng.random() < bot.habits.change_difficulty:
        level = max(1, min(3, intro.difficulty + bot.rng.choice((-1, 1))))
        bot.act(bot.span((2, 5)), intro.set_difficulty, level)
    bot.act(bot.span((1, 4)), intro.start)
    minutes = float(bot.ctx.content.challenges[cid].minutes)
    play_levels(bot, minutes * 60.0, letter)
    bot.run_result.challenges += 1
    play = bot.top
    score = float(play.result.score) if getattr(play, "reported", False) else None
    if bot.player.wants_extra_round(letter):
        bot.act(bot.span((2, 5)), play.play_extra)
        play_levels(bot, minutes * 60.0 * bot.habits.extra_round_speedup / 3, letter)
    bot.act(bot.span((2, 5)), bot.top.to_reflection)
    reflect(bot, letter, score)
    horizons(bot)


def skill_now(bot, letter: str, difficulty: int) -> float:
    """Chance of doing the right thing now, from the bot's ability for this type."""
    ability = float(bot.player.ability["RIASEC".index(letter)])
    return logistic(0.9 * ability - 0.7 * (difficulty - 2) + 1.0)


def play_levels(bot, seconds: float, letter: str) -> None:
    """Play every level of the challenge on top, ``seconds`` spread over them, reading
    each level card before pressing *Next level*."""
    play = bot.top
    per_level = seconds / len(play.plan)
    bot.play_mechanic(per_level, letter)
    while not play.reported:
        bot.act(bot.span((3, 7)), play.next_level)
        bot.play_mechanic(per_level, letter)


def play_mechanic(bot, seconds: float, letter: str) -> None:
    """Act until the mechanic finishes; the target time is spread over the actions."""
    play = bot.top
    mechanic = play.mechanic
    target = seconds * math.exp(bot.rng.gauss(0.0, bot.habits.challenge_time_sd))
    skill = skill_now(bot, letter, play.difficulty)
    actions = 0
    while not mechanic.finished and actions < MAX_ACTIONS:
        progress = max(0.0, min(1.0, float(mechanic.progress)))
        expected = actions / progress if progress > 0.1 and actions else 12.0
        think = target / max(expected, actions + 1.0)
        action = mechanic.bot_action(bot.rng, skill)
        if action is None:
            bot.wait(think)
            actions += 1
            continue
        bot.act(think * bot.rng.uniform(0.6, 1.4), do, bot, play, action)
        actions += 1
    if not mechanic.finished:
        bot.act(bot.span((2, 5)), play.stop)
        if bot.top is not play and bot.top.name == "confirm":
            bot.act(bot.span((1, 3)), bot.top.yes)  # yes, stop
        raise Abandoned


def do(bot, play, action) -> None:
    """Do a mechanic's action as a pupil would: a click on its control, through
    ``App.handle`` (``game.sim.drive``); an action no single control does now (a
    palette item not yet picked) is picked first, else done through ``perform``."""
    from game.sim.drive import do_action
    from zones.challenges.base import Action

    if do_action(bot.app, play, action):
        return
    if (
        action.kind == "place"
        and action.value
        and do_action(bot.app, play, Action("tool", "", action.value))
        and do_action(bot.app, play, action)
    ):
        return
    play.perform(action)


def reflect(bot, letter: str, score: float | None) -> None:
    scene = bot.top
    h = bot.habits
    bot.act(bot.span(h.reflect_seconds), scene.rate, bot.player.rate_enjoyment(letter, score))
    bot.act(bot.span(h.reflect_seconds), scene.could, bot.player.could_be_me(letter))
    own = set(scene.challenge.skills)
    for sid in scene.skill_options:
        if bot.rng.random() < (0.6 if sid in own else 0.2):
            bot.act(bot.span((2, 5)), scene.toggle, sid)
    bot.act(bot.span((2, 5)), scene.done)


def horizons(bot) -> None:
    """Read the occupations (time follows interest in each), maybe save, maybe ask."""
    scene = bot.top
    for occ in scene.occupations:
        bot.wait(bot.player.reading_seconds(occ.holland[0]))
        if bot.player.wants_save(occ.holland[0]):
            bot.act(bot.span((1, 3)), scene.toggle_save, occ.code)
    if bot.rng.random() < bot.habits.ask_after_challenge:
        bot.act(bot.span((1, 3)), scene.ask)
        bot.mentor_turn(first_question=True)
        bot.act(bot.span((1, 3)), bot.top.back)
    bot.act(bot.span((1, 4)), bot.top.to_town)
    next_board(bot)


def next_board(bot) -> None:
    """On 'what next?': usually pick one of the contrasting challenges, else go back."""
    from game.scenes.next_board import NextChallengeScene

    board = bot.top
    if not isinstance(board, NextChallengeScene):
        return
    if bot.rng.random() < bot.habits.follow_next_board:
        cid = bot.player.choose_option(board.options)
        letter = board.options[cid]
        bot.act(bot.span(bot.habits.district_seconds), board.choose, cid)
        try:
            play_challenge(bot, cid, letter)
        except Abandoned:
            pass
    else:
        bot.act(bot.span((2, 5)), board.back_to_district)
