"""What a simulated player's session is made of, apart from its decisions: the simulated
clock, the habits that pace it and the record it leaves. Used by ``game.sim.bot`` (and the
benchmarks through it); touches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: seconds of logic per ``update`` call when the bot lets game time pass
UPDATE_CHUNK = 0.5


class OutOfTime(Exception):
    """The bot's budget of simulated minutes is used up."""


class SimClock:
    """Simulated seconds since the bot sat down; callable, so it can be ``ctx.clock``."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Habits:
    """How a bot paces itself and how often it does optional things (probabilities, s).

    Defaults are plausible for a 12-18 year-old in a lesson; they are behaviour, not
    tuned to the estimator.
    """

    hub_seconds: tuple[float, float] = (6.0, 15.0)
    district_seconds: tuple[float, float] = (8.0, 20.0)
    intro_seconds: tuple[float, float] = (12.0, 25.0)
    reflect_seconds: tuple[float, float] = (4.0, 9.0)
    mentor_answer_seconds: tuple[float, float] = (8.0, 18.0)
    item_seconds: tuple[float, float] = (5.0, 10.0)
    challenge_time_sd: float = 0.25
    extra_round_speedup: float = 0.6
    chat_in_district: float = 0.35
    ask_after_challenge: float = 0.55
    cafe_visit: float = 0.12
    more_questions: float = 0.45
    stay_in_district: float = 0.35
    change_difficulty: float = 0.1
    follow_next_board: float = 0.75
    leave_board_per_card: float = 0.02
    #: walk the map to a quarter's board (else open it directly, as older benches did)
    walk_the_town: bool = True
    #: chance of stopping at a person passed on the way; how long a watch lasts (s)
    talk_to_person: float = 0.45
    watch_seconds: tuple[float, float] = (4.0, 12.0)


@dataclass
class BotResult:
    """What one bot left behind: its code, latent profile and a timeline of
    (simulated seconds, statements recorded so far) after every action."""

    code: str
    latent: list[float]
    minutes: float
    timeline: list[tuple[float, int]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    challenges: int = 0
    items: int = 0

    def count_at(self, minute: float) -> int:
        """Statements recorded by simulated minute ``minute``."""
        n = 0
        for t, count in self.timeline:
            if t > minute * 60.0:
                break
            n = count
        return n
