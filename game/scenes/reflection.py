"""After a challenge (Self and Strengths): enjoyment 1–5, 'could this be you?', and the
skills the player thinks they used. Every answer is recorded as it is given."""

from __future__ import annotations

from functools import partial

import pygame

from game import challenge_record
from game.ui import Hotspot
from game.ui_scene import HEADER_H, UiScene
from game.widgets.reflow import centred_buttons
from zones.ui_layout import bottom, columns_for, grid

ANSWERS = ("yes", "maybe", "no")


class ReflectionScene(UiScene):
    name = "reflection"
    title_key = "reflect.title"
    show_back = False
    scrolls = True

    def __init__(self, challenge_id: str) -> None:
        super().__init__()
        self.challenge_id = challenge_id
        self.enjoyment: int | None = None
        self.could_be: str | None = None
        self.skills: set[str] = set()

    def enter(self, ctx) -> None:
        self.challenge = ctx.content.challenges[self.challenge_id]
        self.riasec = ctx.content.riasec_of(self.challenge_id)
        # the challenge's own skills plus two from elsewhere, so naming skills is a real choice
        others = [s for s in ctx.content.skills if s not in self.challenge.skills]
        ctx.rng.shuffle(others)
        self.skill_options = list(self.challenge.skills) + others[:2]
        ctx.rng.shuffle(self.skill_options)
        super().enter(ctx)

    def layout(self) -> dict:
        """The three questions' y, their buttons and skill chips, and the Next button,
        from measured text (chips go to fewer columns at large text)."""
        p = self.ctx.painter
        t = self.ctx.t
        enjoy_y = HEADER_H + 30
        y = enjoy_y + p.height(
            t("reflect.enjoy_q", title=self.ctx.pick(self.challenge.title)), 22, 1160, True
        )
        ratings = centred_buttons(
            p,
            [t(f"rate.enjoy{v}") for v in range(1, 6)],
            640,
            max(HEADER_H + 78, y + 14),
            1200,
            min_w=180,
            min_h=56,
            gap=20,
        )
        could_y = max(HEADER_H + 164, ratings[-1].bottom + 30)
        y = could_y + p.height(t("reflect.could_q"), 22, 1160, True)
        could = centred_buttons(
            p,
            [t(f"reflect.could_{a}") for a in ANSWERS],
            640,
            max(HEADER_H + 210, y + 14),
            1200,
            min_w=250,
            min_h=56,
            gap=20,
        )
        skills_y = max(HEADER_H + 294, could[-1].bottom + 28)
        y = skills_y + p.height(t("reflect.skills_q"), 22, 1160, True)
        cols = columns_for(p, 3, 1000, 330)
        chip_h = max(56, p.line(18) + 24)
        chips = grid(
            [chip_h] * len(self.skill_options), 140, max(HEADER_H + 340, y + 14), 1000, cols, gap=16
        )
        after = bottom(chips, y)
        done = centred_buttons(
            p, [t("reflect.next")], 640, max(630, after + 30), 1200, "@primary", min_w=300, min_h=60
        )[0]
        return {
            "enjoy_y": enjoy_y,
            "ratings": ratings,
            "could_y": could_y,
            "could": could,
            "skills_y": skills_y,
            "chips": chips,
            "next": done,
        }

    def build(self) -> None:
        lay = self.layout()
        self.ui.shortcuts(
            [
                self.ui.button(rect, self.ctx.t(f"rate.enjoy{i + 1}"), partial(self.rate, i + 1))
                for i, rect in enumerate(lay["ratings"])
            ],
            "12345",
        )
        for rect, answer in zip(lay["could"], ANSWERS, strict=True):
            self.ui.button(rect, self.ctx.t(f"reflect.could_{answer}"), partial(self.could, answer))
        for rect, sid in zip(lay["chips"], self.skill_options, strict=True):
            self.ui.hotspot(
                rect, self.ctx.pick(self.ctx.content.skills[sid].name), partial(self.toggle, sid)
            )
        self.next_button = self.ui.button(
            lay["next"], self.ctx.t("reflect.next"), self.done, "@primary"
        )

    def rate(self, value: int) -> None:
        self.enjoyment = value
        challenge_record.reflection_answer(
            self, "enjoy", str(value), ["self_reflecting"], enjoyment=value
        )

    def could(self, answer: str) -> None:
        self.could_be = answer
        challenge_record.reflection_answer(self, "could_be_me", answer, ["self_interests"])

    def toggle(self, skill_id: str) -> None:
        self.skills ^= {skill_id}

    def done(self) -> None:
        if self.skills:
            comps = sorted({self.ctx.content.skills[s].competence for s in self.skills})
            skills = sorted(self.skills)
            challenge_record.reflection_answer(
                self, "skills", ",".join(skills), comps, skills=skills
            )
        self.ctx.scenes.replace("horizons", challenge_id=self.challenge_id)

    def page_key(self) -> object:
        """The page changes only with the answers chosen and the skills ticked."""
        return self.enjoyment, self.could_be, tuple(sorted(self.skills))

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        questions = (
            (self.ctx.t("reflect.enjoy_q", title=self.ctx.pick(self.challenge.title)), "enjoy_y"),
            (self.ctx.t("reflect.could_q"), "could_y"),
            (self.ctx.t("reflect.skills_q"), "skills_y"),
        )
        for text, y_key in questions:
            p.text(surface, text, (640, lay[y_key]), 22, bold=True, align="center", width=1160)
        chosen_labels = {
            self.ctx.t(f"rate.enjoy{self.enjoyment}") if self.enjoyment else None,
            self.ctx.t(f"reflect.could_{self.could_be}") if self.could_be else None,
        }
        for item in self.ui.items:
            if item.label in chosen_labels and not isinstance(item, Hotspot):
                pygame.draw.rect(surface, pal.accent, item.rect.inflate(8, 8), 4, border_radius=16)
        for item in self.ui.items:
            if isinstance(item, Hotspot):  # skill chips
                sid = next(
                    s
                    for s in self.skill_options
                    if self.ctx.pick(self.ctx.content.skills[s].name) == item.label
                )
                on = sid in self.skills
                fill = pal.accent if on else pal.panel
                pygame.draw.rect(surface, fill, item.rect, border_radius=28)
                pygame.draw.rect(
                    surface, pal.ink if on else pal.panel_edge, item.rect, 2, border_radius=28
                )
                mark = "check" if on else "lock"
                colour = (255, 255, 255) if on and not pal.high_contrast else pal.ink
                if on:
                    p.icon(surface, mark, (item.rect.x + 28, item.rect.centery), 22, colour)
                else:
                    pygame.draw.circle(
                        surface, pal.panel_edge, (item.rect.x + 28, item.rect.centery), 10, 2
                    )
                p.text_fit(
                    surface,
                    item.label,
                    (item.rect.x + 50, item.rect.centery),
                    item.rect.w - 64,
                    18,
                    colour=(0, 0, 0) if on and pal.high_contrast else colour,
                    box=item.rect,
                )
        return lay["next"].bottom
