"""The town hub: six districts laid out as Holland's hexagon order, four landmarks on
the central road, and a 'suggested next' card. Choosing a district is recorded as a
free choice among contrasting options (interest evidence)."""

from __future__ import annotations

import pygame

from game import art, class_session
from game.scenes.base import HEADER_H, UiScene
from game.scenes.flow import set_place, use_settings
from game.scenes.landmarks import open_passport
from game.scenes.mentor import next_mentor_item
from game.scenes.quick_question import QuickQuestionScene

DISTRICT_W, DISTRICT_H = 240, 190


def district_slots() -> list[pygame.Rect]:
    """Top row left→right, bottom row right→left: walking round the town follows the hexagon."""
    top = [pygame.Rect(40 + i * 300, HEADER_H + 34, DISTRICT_W, DISTRICT_H) for i in range(3)]
    bottom = [pygame.Rect(40 + i * 300, 470, DISTRICT_W, DISTRICT_H) for i in (2, 1, 0)]
    return top + bottom


def landmark_slots(n: int) -> list[pygame.Rect]:
    width = 200
    gap = (900 - n * width) // max(1, n - 1) if n > 1 else 0
    return [pygame.Rect(40 + i * (width + gap), 345, width, 86) for i in range(n)]


class HubScene(UiScene):
    name = "hub"
    title_key = "hub.title"
    show_back = False

    def enter(self, ctx) -> None:
        super().enter(ctx)
        set_place(ctx, scene="hub")
        class_session.on_hub(ctx)   # class players: timer, open districts, language, LRS

    def resume(self) -> None:
        super().resume()
        set_place(self.ctx, scene="hub")
        if self.ctx.recorder is not None:
            self.ctx.recorder.checkpoint()
        class_session.on_hub(self.ctx)   # time up: the Time's-up screen signs out

    def build(self) -> None:
        content = self.ctx.content
        for rect, district in zip(district_slots(), content.districts, strict=False):
            label = f"{self.ctx.pick(district.name)} — {self.ctx.pick(district.tagline)}"
            self.ui.hotspot(rect.inflate(0, 40).move(0, 16), label, lambda d=district.id: self.open_district(d))
        for rect, landmark in zip(landmark_slots(len(content.landmarks)), content.landmarks, strict=False):
            self.ui.hotspot(rect, self.ctx.pick(landmark.name), lambda lm=landmark.id: self.open_landmark(lm))
        self.suggestion = self.suggest()
        if self.suggestion:
            self.ui.button((990, 330, 260, 54), self.ctx.t("hub.go_there"),
                           lambda: self.open_district(self.ctx.content.district_of(self.suggestion).id,
                                                      suggested=True), "@primary")
        self.ui.button((990, 500, 260, 50), self.ctx.t("hub.passport"), lambda: open_passport(self.ctx))
        self.ui.button((990, 560, 260, 50), self.ctx.t("hub.settings"), self.open_settings)
        self.ui.button((990, 620, 260, 50), self.ctx.t("hub.sign_out"), self.sign_out)

    def suggest(self) -> str | None:
        from game.scenes.suggest import suggested_challenge

        found = suggested_challenge(self.ctx)
        self.reason = found[1] if found else ""
        return found[0] if found else None

    # -- actions ------------------------------------------------------------------
    def open_district(self, district_id: str, suggested: bool = False) -> None:
        from game.scenes.district import DistrictScene

        if class_session.is_closed(self.ctx, district_id):
            self.ctx.notices.append(self.ctx.t("teacher.closed_notice"))
            return
        options = {d.id: d.riasec for d in self.ctx.content.districts}
        self.ctx.record("selected", "menu", "menu/hub", response=district_id,
                        extensions={"options": options, "riasec": options[district_id],
                                    "mode": "suggested" if suggested else "free"})
        self.ctx.scenes.push(DistrictScene(district_id))
        mentor = self.ctx.content.mentor_of(district_id)
        item_id = next_mentor_item(self.ctx, mentor)
        if item_id is not None:
            self.ctx.scenes.push(QuickQuestionScene(mentor.id, item_id))

    def open_landmark(self, landmark_id: str) -> None:
        from game.scenes.landmarks import open_landmark
        open_landmark(self.ctx, landmark_id)

    def open_settings(self) -> None:
        from game.scenes.settings_screen import SettingsScene
        self.ctx.scenes.push(SettingsScene())

    def sign_out(self) -> None:
        from game.app import sign_out
        from game.scenes.title import TitleScene

        sign_out(self.ctx)
        self.ctx.player = None
        use_settings(self.ctx, None)
        self.ctx.scenes.clear_to(TitleScene())

    # -- drawing ------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        pal = self.ctx.palette
        p = self.ctx.painter
        pygame.draw.rect(surface, pal.ground, (0, HEADER_H + 150, 960, 720))
        pygame.draw.rect(surface, pal.road, (0, 330, 960, 116))
        if not pal.high_contrast:
            for x in range(10, 960, 60):
                pygame.draw.rect(surface, (255, 255, 255), (x, 386, 30, 5), border_radius=2)
        for x, y in ((275, 300), (575, 300), (275, 690), (575, 690), (890, 300), (890, 690)):
            art.tree(surface, (x, y), 46, pal)
        done = self.ctx.player.challenges if self.ctx.player else {}
        hotspots = self.ui.items
        for i, (rect, district) in enumerate(zip(district_slots(), self.ctx.content.districts, strict=False)):
            spot = hotspots[i] if i < len(hotspots) else None
            lift = -6 if spot is not None and getattr(spot, "hovered", False) else 0
            art.building(surface, rect.move(0, lift), p.colour(district.colour), pal, style=i,
                         icon_name=district.icon)
            if class_session.is_closed(self.ctx, district.id):
                class_session.draw_closed(self.ctx, surface, rect)
            plate = pygame.Rect(rect.x - 6, rect.bottom + 4, rect.w + 12, 46)
            p.panel(surface, plate, radius=12, shadow=False)
            p.text_fit(surface, self.ctx.pick(district.name), (plate.x + 12, plate.y + 15), plate.w - 24, 19, bold=True)
            p.text_fit(surface, self.ctx.pick(district.nickname), (plate.x + 12, plate.y + 35), plate.w - 110, 14,
                       colour=pal.muted)
            played = sum(1 for c in district.challenges if c in done)
            self._stars(surface, (plate.right - 42, plate.y + 35), played, len(district.challenges))
        for rect, landmark in zip(landmark_slots(len(self.ctx.content.landmarks)), self.ctx.content.landmarks,
                                  strict=False):
            colour = p.colour(landmark.colour)
            p.panel(surface, rect, radius=16, fill=pal.panel)
            pygame.draw.rect(surface, colour, (rect.x, rect.y, 14, rect.h), border_top_left_radius=16,
                             border_bottom_left_radius=16)
            pygame.draw.circle(surface, colour, (rect.x + 46, rect.centery), 24)
            art.icon(surface, landmark.icon or "star", (rect.x + 46, rect.centery), 30,
                     (255, 255, 255) if not pal.high_contrast else (0, 0, 0))
            p.text_fit(surface, self.ctx.pick(landmark.name), (rect.x + 80, rect.centery - 12), rect.w - 90, 17,
                       bold=True)
            p.text_fit(surface, self.ctx.t(f"theme.{landmark.theme}"), (rect.x + 80, rect.centery + 14),
                       rect.w - 90, 14, colour=pal.muted)
        self._side_panel(surface)

    def _stars(self, surface, centre, filled: int, total: int) -> None:
        pal = self.ctx.palette
        for k in range(total):
            pos = (centre[0] + (k - (total - 1) / 2) * 18, centre[1])
            art.shape(surface, "star", pos, 8, pal.focus if k < filled else pal.panel_edge, outline=pal.ink)

    def _side_panel(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        side = pygame.Rect(975, HEADER_H + 16, 290, 620)
        p.panel(surface, side)
        p.text(surface, self.ctx.t("hub.suggested"), (side.x + 16, side.y + 16), 20, bold=True)
        if self.suggestion:
            chal = self.ctx.content.challenges[self.suggestion]
            district = self.ctx.content.district_of(self.suggestion)
            pygame.draw.circle(surface, p.colour(district.colour), (side.x + 36, side.y + 74), 20)
            p.text(surface, self.ctx.pick(chal.title), (side.x + 66, side.y + 56), 19, bold=True, width=side.w - 80)
            p.text(surface, self.ctx.t(f"hub.reason.{self.reason}"), (side.x + 16, side.y + 110), 17,
                   colour=pal.muted, width=side.w - 32)
        player = self.ctx.player
        if player is not None:
            plays = sum(r.plays for r in player.challenges.values())
            p.text(surface, self.ctx.t("hub.progress", done=len(player.challenges),
                                       total=len(self.ctx.content.challenges), plays=plays),
                   (side.x + 16, side.y + 318), 17, width=side.w - 32)
        p.text(surface, self.ctx.t("hub.help"), (side.x + 16, side.y + 364), 15, colour=pal.muted,
               width=side.w - 32)
