"""App pitch (``"mode": "pitch"``): win investors over one by one, then ask for money.

The player picks an app idea (a free choice), then faces the investors in turn. Each
investor cares about something (money, users, good causes, clever tech, fun...); the
player reads the investor's card and plays the argument that matches. Convinced
investors pledge coins. Finally the player asks for an amount: too much and the deal is
off, too little and money is left on the table.

Params::

    {"mode": "pitch", "time_limit": [0, 210, 160], "investors_count": [3, 3, 4],
     "wants": [1, 2, 2], "tries": [2, 3, 3], "asks": [100, 200, 300, 500, 800],
     "ideas": [{"id": "water", "shape": "circle", "colour": "#3A86FF", "label": {...}}],
     "interests": [{"id": "money", "icon": "coin", "label": {...}}],
     "arguments": [{"id": "ads", "interest": "money", "label": {...}}],
     "investors": [{"id": "rita", "shape": "star", "colour": "#E07A3F", "name": {...},
                    "bio": {...}, "wants": ["money", "users"], "pledge": 300,
                    "yes": {...}, "no": {...}}]}

Difficulty: more investors, pickier ones (``wants``: how many interests must be hit,
within ``tries`` pitches), a clock; easy shows each investor's interest icons and the
total pledged, medium shows the icons on the argument cards only, hard shows no icons.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones.challenges import board_text, enterprise_pitch_large
from zones.challenges.base import Action, MechanicResult, check_langmap
from zones.challenges.enterprise_common import SHAPES, EnterpriseBase, check_items, check_levels


class PitchGame(EnterpriseBase):
    @classmethod
    def validate_mode(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        for key, low in (("time_limit", 0), ("investors_count", 1), ("wants", 1), ("tries", 1)):
            problems += check_levels(params, key, int, low)
        asks = params.get("asks")
        if not (isinstance(asks, list) and len(asks) >= 3 and all(isinstance(a, int) and a > 0 for a in asks)
                and asks == sorted(set(asks))):
            problems.append("asks: needs at least 3 rising whole amounts")
        ideas = check_items(params, "ideas", 2)
        if ideas is None:
            problems.append("ideas: needs at least 2 ideas, each with an id")
        for i, idea in enumerate(ideas or []):
            problems += check_langmap(idea.get("label"), f"ideas[{i}].label", languages)
            if idea.get("shape") not in SHAPES:
                problems.append(f"ideas[{i}].shape: must be one of {SHAPES}")
        interests = check_items(params, "interests", 3)
        if interests is None:
            return problems + ["interests: needs at least 3 interests, each with an id"]
        ids = {x["id"] for x in interests}
        for i, x in enumerate(interests):
            problems += check_langmap(x.get("label"), f"interests[{i}].label", languages)
            if not isinstance(x.get("icon"), str):
                problems.append(f"interests[{i}].icon: needs an icon name")
        args = check_items(params, "arguments", 3)
        if args is None:
            return problems + ["arguments: needs at least 3 arguments, each with an id"]
        for i, a in enumerate(args):
            problems += check_langmap(a.get("label"), f"arguments[{i}].label", languages)
            if a.get("interest") not in ids:
                problems.append(f"arguments[{i}].interest: '{a.get('interest')}' is not an interest")
        covered = {a.get("interest") for a in args}
        investors = check_items(params, "investors", 2)
        if investors is None:
            return problems + ["investors: needs at least 2 investors, each with an id"]
        for i, inv in enumerate(investors):
            for key in ("name", "bio", "yes", "no"):
                problems += check_langmap(inv.get(key), f"investors[{i}].{key}", languages)
            wants = inv.get("wants")
            if not (isinstance(wants, list) and len(wants) >= 2 and set(wants) <= covered and len(set(wants)) == len(wants)):
                problems.append(f"investors[{i}].wants: needs 2+ different interests that some argument covers")
            if not isinstance(inv.get("pledge"), int) or inv["pledge"] <= 0:
                problems.append(f"investors[{i}].pledge: must be a whole number above 0")
            if inv.get("shape") not in SHAPES:
                problems.append(f"investors[{i}].shape: must be one of {SHAPES}")
        counts = params.get("investors_count")
        if isinstance(counts, list) and all(isinstance(c, int) for c in counts) and max(counts) > len(investors):
            problems.append("investors_count: more investors asked for than listed")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        pool = list(params["investors"])
        rng.shuffle(pool)
        self.investors = pool[:int(self.per_level("investors_count"))]
        n_wants = int(self.per_level("wants"))
        self.wants = [list(inv["wants"][:n_wants]) for inv in self.investors]
        self.hits: list[set[str]] = [set() for _ in self.investors]
        self.tries_left = [int(self.per_level("tries")) for _ in self.investors]
        self.status = ["wait"] * len(self.investors)     # wait, yes, no
        self.interests = {x["id"]: x for x in params["interests"]}
        self.arguments = list(params["arguments"])
        rng.shuffle(self.arguments)
        self.phase = "idea"
        self.idea: dict[str, Any] | None = None
        self.current = 0
        self.asked = 0
        self.raised = 0

    @property
    def pledged(self) -> int:
        return sum(inv["pledge"] for inv, st in zip(self.investors, self.status, strict=True) if st == "yes")

    @property
    def progress(self) -> float:
        steps = len(self.investors) + 2
        done = (self.phase != "idea") + self.current + (self.phase == "done")
        return min(1.0, done / steps)

    # -- layout -----------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.area = area
        self.large = None
        if self.kit.painter is not None and board_text.large(self.kit.painter):
            enterprise_pitch_large.build(self, area)
            self._refresh()
            return
        n = len(self.investors)
        gap = 16
        w = (area.w - gap * (n - 1)) // n
        self.inv_rects = [pygame.Rect(area.x + i * (w + gap), area.y, w, 200) for i in range(n)]
        self.deck = pygame.Rect(area.x, area.y + 220, 800, area.h - 220)
        self.side = pygame.Rect(self.deck.right + 20, self.deck.y, area.right - self.deck.right - 20, self.deck.h)
        d = self.deck
        self.idea_btns = []
        for i, idea in enumerate(self.params["ideas"][:4]):
            r = (d.x + 20 + (i % 2) * 390, d.y + 70 + (i // 2) * 78, 370, 64)
            self.idea_btns.append(self.button(r, self.kit.pick(idea["label"]), Action("idea", idea["id"]),
                                              shape=idea["shape"], colour=idea["colour"]))
        self.arg_btns = []
        cols = 2
        rows = (len(self.arguments) + 1) // cols
        h = min(64, (d.h - 80 - 10 * (rows - 1)) // rows)
        for i, arg in enumerate(self.arguments):
            r = (d.x + 20 + (i % cols) * 390, d.y + 64 + (i // cols) * (h + 10), 370, h)
            icon = self.interests[arg["interest"]]["icon"] if self.difficulty < 3 else ""
            self.arg_btns.append(self.button(r, self.kit.pick(arg["label"]), Action("argue", arg["id"]), icon=icon))
        asks = self.params["asks"]
        self.ask_btns = []
        for i, amount in enumerate(asks[:8]):
            r = (d.x + 20 + (i % 2) * 390, d.y + 70 + (i // 2) * 62, 370, 52)
            self.ask_btns.append(self.button(r, self.kit.t("enterprise.pitch.ask_for", n=amount), Action("ask", str(amount)),
                                             icon="coin"))
        self._refresh()

    def _refresh(self) -> None:
        for b in self.idea_btns:
            b.show(self.phase == "idea" and not self.finished)
        for b in self.arg_btns:
            b.show(self.phase == "pitch" and not self.finished)
        for b in self.ask_btns:
            b.show(self.phase == "ask" and not self.finished)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "idea":
            return [Action("idea", x["id"]) for x in self.params["ideas"][:4]]
        if self.phase == "pitch":
            return [Action("argue", a["id"]) for a in self.arguments]
        return [Action("ask", str(a)) for a in self.params["asks"][:8]]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "idea":
            self.idea = next(x for x in self.params["ideas"] if x["id"] == action.target)
            self.emit("choice", step="idea", response=action.target)
            self.phase = "pitch"
            self.feedback = ""
            self.emit("progress", progress=self.progress)
        elif action.kind == "argue":
            self._argue(action.target)
        elif action.kind == "ask":
            self._ask(int(action.target))
        self._refresh()
        if self.phase == "pitch" and self.arg_btns:
            self.focus(self.arg_btns[0])
        elif self.phase == "ask" and self.ask_btns:
            self.focus(self.ask_btns[0])

    def _argue(self, arg_id: str) -> None:
        i = self.current
        inv = self.investors[i]
        arg = next(a for a in self.arguments if a["id"] == arg_id)
        self.emit("choice", step=f"investor_{inv['id']}", response=arg_id)
        self.tries_left[i] -= 1
        missing = [w for w in self.wants[i] if w not in self.hits[i]]
        if arg["interest"] in missing:
            self.hits[i].add(arg["interest"])
            done = len(self.hits[i]) == len(self.wants[i])
            self.judge(True, self.kit.pick(inv["yes"]) if done else self.kit.t("enterprise.pitch.more", name=self.kit.pick(inv["name"])))
        else:
            self.judge(False, self.kit.pick(inv["no"]))
        if len(self.hits[i]) == len(self.wants[i]):
            self.status[i] = "yes"
        elif self.tries_left[i] <= 0:
            self.status[i] = "no"
        if self.status[i] != "wait":
            self.current += 1
            self.emit("progress", progress=self.progress)
            if self.current >= len(self.investors):
                self.phase = "ask"

    def _best_ask(self) -> int:
        fitting = [a for a in self.params["asks"][:8] if a <= self.pledged]
        return max(fitting) if fitting else 0

    def _ask(self, amount: int) -> None:
        self.asked = amount
        self.emit("choice", step="ask", response=str(amount))
        best = self._best_ask()
        if amount > self.pledged:
            self.judge(False, self.kit.t("enterprise.pitch.too_much"))
        elif amount < best:
            self.raised = amount
            self.judge(False, self.kit.t("enterprise.pitch.too_little", n=best))
        else:
            self.raised = amount
            self.judge(True, self.kit.t("enterprise.pitch.deal", n=amount))
        self.phase = "done"
        self.finished = True
        self.emit("progress", progress=1.0)

    def bot_action(self, rng, skill: float) -> Action | None:
        options = self.actions()
        if not options:
            return None
        if self.phase == "idea":
            return rng.choice(options)
        if self.phase == "pitch":
            i = self.current
            missing = [w for w in self.wants[i] if w not in self.hits[i]]
            good = [Action("argue", a["id"]) for a in self.arguments if a["interest"] in missing]
            bad = [o for o in options if o not in good]
            return rng.choice(good if rng.random() < skill or not bad else bad)
        best = Action("ask", str(self._best_ask()))
        others = [o for o in options if o != best]
        return best if best in options and rng.random() < skill else rng.choice(others)

    def result(self) -> MechanicResult:
        success = self.raised > 0
        share = self.raised / self.pledged if self.pledged else 0.0
        score = 0.6 * self.accuracy + 0.4 * share if success else 0.4 * self.accuracy * self.progress
        return MechanicResult(success, round(score, 3), round(self.accuracy, 3),
                              {"raised": self.raised, "pledged": self.pledged, "asked": self.asked,
                               "convinced": self.status.count("yes")})

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        if self.large:
            enterprise_pitch_large.draw(self, surface)
            return
        for i, rect in enumerate(self.inv_rects):
            self._draw_investor(surface, i, rect)
        p = self.kit.painter
        pal = p.palette
        p.panel(surface, self.deck)
        head = {"idea": "enterprise.pitch.choose_idea", "pitch": "enterprise.pitch.choose_argument", "ask": "enterprise.pitch.choose_ask",
                "done": "enterprise.pitch.finished"}[self.phase]
        name = self.kit.pick(self.investors[min(self.current, len(self.investors) - 1)]["name"])
        p.text(surface, self.kit.t(head, name=name), (self.deck.x + 20, self.deck.y + 16), 21, bold=True,
               width=self.deck.w - 40)
        if self.phase == "done":
            self.draw_feedback(surface, (self.deck.x + 20, self.deck.y + 70, self.deck.w - 40, 44))
        self.draw_buttons(surface)
        s = self.side
        p.panel(surface, s)
        if self.idea:
            p.shape(surface, self.idea["shape"], (s.x + 34, s.y + 36), 16, p.colour(self.idea["colour"]))
            p.text(surface, self.kit.pick(self.idea["label"]), (s.x + 60, s.y + 16), 18, bold=True, width=s.w - 76)
        self.draw_clock(surface, (s.x + 70, s.y + 84, s.w - 90, 22))
        if self.difficulty == 1:
            self.coins(surface, (s.x + 18, s.y + 124), self.pledged, 20,
                       label=self.kit.t("enterprise.pitch.pledged", n=self.pledged), max_width=s.w - 36)
        else:
            p.text(surface, self.kit.t("enterprise.pitch.add_up"), (s.x + 18, s.y + 124), 18, colour=pal.muted,
                   width=s.w - 36)
        if self.phase != "done":
            self.draw_feedback(surface, (s.x + 12, s.bottom - 120, s.w - 24, 100))

    def _draw_investor(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        p = self.kit.painter
        pal = p.palette
        inv = self.investors[i]
        active = self.phase == "pitch" and i == self.current
        p.panel(surface, rect, radius=16, edge=pal.focus if active else None)
        if active:
            pygame.draw.rect(surface, pal.focus, rect, 4, border_radius=16)
        face = (rect.x + 50, rect.y + 56)
        p.shape(surface, inv["shape"], face, 34, p.colour(inv["colour"]))
        st = self.status[i]
        ink = pal.ink
        for dx in (-10, 10):
            pygame.draw.circle(surface, ink, (face[0] + dx, face[1] - 6), 4)
        mouth = pygame.Rect(face[0] - 12, face[1] + 2, 24, 14)
        if st == "yes":
            pygame.draw.arc(surface, ink, mouth, 3.5, 5.9, 3)
        elif st == "no":
            pygame.draw.arc(surface, ink, mouth.move(0, 8), 0.4, 2.7, 3)
        else:
            pygame.draw.line(surface, ink, (mouth.x + 2, mouth.y + 8), (mouth.right - 2, mouth.y + 8), 3)
        p.text(surface, self.kit.pick(inv["name"]), (rect.x + 96, rect.y + 14), 20, bold=True)
        words = {"yes": "enterprise.pitch.status_yes", "no": "enterprise.pitch.status_no"}.get(st, "enterprise.pitch.status_listening"
                                                                            if active else "enterprise.pitch.status_waiting")
        colour = pal.good if st == "yes" else pal.bad if st == "no" else pal.muted
        if st in ("yes", "no"):
            p.icon(surface, "check" if st == "yes" else "cross", (rect.x + 106, rect.y + 54), 18, colour)
        p.text(surface, self.kit.t(words), (rect.x + (120 if st in ("yes", "no") else 96), rect.y + 44), 17,
               colour=colour, bold=True)
        if st == "yes" or self.difficulty < 3:
            self.coins(surface, (rect.x + 96, rect.y + 72), inv["pledge"], 17,
                       label=self.kit.t("enterprise.pitch.could_invest", n=inv["pledge"]), max_width=rect.w - 110)
        p.text(surface, self.kit.pick(inv["bio"]), (rect.x + 16, rect.y + 104), 17, width=rect.w - 32)
        if self.difficulty == 1:
            for k, want in enumerate(self.wants[i]):
                c = (rect.right - 28 - k * 34, rect.y + 28)
                p.icon(surface, self.interests[want]["icon"], c, 26, pal.ink)
                if want in self.hits[i]:
                    p.icon(surface, "check", (c[0] + 8, c[1] + 12), 14, pal.good)
