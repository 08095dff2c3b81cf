"""The town hub: six districts laid out as Holland's hexagon order, four landmarks on
the central road, and a 'suggested next' card. Choosing a district is recorded as a
free choice among contrasting options (interest evidence)."""

from __future__ import annotations

from functools import partial

import pygame

from game import art, class_session
from game.flow import set_place
from game.landmarks import open_district_board, open_passport
from game.ui_scene import UiScene
from game.widgets.hub_map import HubLayout
from game.widgets.reflow import StaticPage


class HubScene(UiScene):
    name = "hub"
    title_key = "hub.title"
    show_back = False
    scrolls = True

    def enter(self, ctx) -> None:
        self.static = StaticPage()
        super().enter(ctx)
        set_place(ctx, scene="hub")  # a class session follows the stack (game.class_session)

    def resume(self) -> None:
        super().resume()
        set_place(self.ctx, scene="hub")
        if self.ctx.recorder is not None:
            self.ctx.recorder.checkpoint()

    def build(self) -> None:
        content = self.ctx.content
        self.suggestion = self.suggest()
        self.lay = lay = HubLayout(self)
        for building, plate, district in zip(
            lay.buildings, lay.plates, content.districts, strict=False
        ):
            label = f"{self.ctx.pick(district.name)} — {self.ctx.pick(district.tagline)}"
            spot = building.inflate(0, 40).move(0, 16) if lay.compact else building.union(plate)
            self.ui.hotspot(spot, label, partial(self.open_district, district.id))
        for rect, landmark in zip(lay.landmarks, content.landmarks, strict=False):
            self.ui.hotspot(
                rect, self.ctx.pick(landmark.name), partial(self.open_landmark, landmark.id)
            )
        if self.suggestion:
            self.ui.button(
                lay.go,
                self.ctx.t("hub.go_there"),
                self.open_suggestion,
                "@primary",
            )
        passport, settings, sign_out = lay.buttons
        self.ui.button(passport, self.ctx.t("hub.passport"), lambda: open_passport(self.ctx))
        self.ui.button(settings, self.ctx.t("hub.settings"), self.open_settings)
        self.ui.button(sign_out, self.ctx.t("hub.sign_out"), self.sign_out)

    def suggest(self) -> str | None:
        from game.suggest import suggested_challenge

        found = suggested_challenge(self.ctx)
        self.reason = found[1] if found else ""
        return found[0] if found else None

    # -- actions ------------------------------------------------------------------
    def open_suggestion(self) -> None:
        """The 'go there' button: the suggested challenge's quarter, as a suggestion."""
        if self.suggestion:
            self.open_district(self.ctx.content.district_of(self.suggestion).id, suggested=True)

    def open_district(self, district_id: str, suggested: bool = False) -> None:
        if class_session.is_closed(self.ctx, district_id):
            self.ctx.notices.append(self.ctx.t("teacher.closed_notice"))
            return
        options = {d.id: d.riasec for d in self.ctx.content.districts}
        self.ctx.record(
            "selected",
            "menu",
            "menu/hub",
            response=district_id,
            extensions={
                "options": options,
                "riasec": options[district_id],
                "mode": "suggested" if suggested else "free",
            },
        )
        open_district_board(self.ctx, district_id)

    def open_landmark(self, landmark_id: str) -> None:
        from game.landmarks import open_landmark

        open_landmark(self.ctx, landmark_id)

    def open_settings(self) -> None:
        self.ctx.scenes.go("settings")

    def sign_out(self) -> None:
        from game.research import finish_lesson

        finish_lesson(self.ctx)  # a research class's questionnaire first, then sign out

    # -- drawing ------------------------------------------------------------------
    def draw_page(self, surface: pygame.Surface) -> None:
        """The town is drawn once into ``self.static`` and blitted every frame; it is drawn
        again only when the hover, progress, suggestion, class session or settings change."""
        districts = self.ctx.content.districts
        player = self.ctx.player
        progress = (
            tuple(sorted((c, r.plays) for c, r in player.challenges.items())) if player else ()
        )
        hovered = next(
            (
                i
                for i, item in enumerate(self.ui.items[: len(districts)])
                if getattr(item, "hovered", False)
            ),
            None,
        )
        closed = tuple(class_session.is_closed(self.ctx, d.id) for d in districts)
        key = (hovered, self.suggestion, self.reason, progress, closed)
        self.static.show(self, surface, key, self.lay.bottom + 24)

    def draw_content(self, surface: pygame.Surface) -> int:
        pal = self.ctx.palette
        p = self.ctx.painter
        lay = self.lay
        pygame.draw.rect(surface, pal.ground, lay.ground)
        pygame.draw.rect(surface, pal.road, lay.road)
        if not pal.high_contrast:
            for x in range(10, lay.road.w, 60):
                pygame.draw.rect(
                    surface, (255, 255, 255), (x, lay.road.centery - 2, 30, 5), border_radius=2
                )
        for x, y in lay.trees:
            art.tree(surface, (x, y), 46, pal)
        done = self.ctx.player.challenges if self.ctx.player else {}
        hotspots = self.ui.items
        for i, (rect, plate, district) in enumerate(
            zip(lay.buildings, lay.plates, self.ctx.content.districts, strict=False)
        ):
            spot = hotspots[i] if i < len(hotspots) else None
            lift = -6 if spot is not None and getattr(spot, "hovered", False) else 0
            art.building(
                surface,
                rect.move(0, lift),
                p.colour(district.colour),
                pal,
                style=i,
                icon_name=district.icon,
            )
            if class_session.is_closed(self.ctx, district.id):
                class_session.draw_closed(self.ctx, surface, rect)
            p.panel(surface, plate, radius=12, shadow=False)
            played = sum(1 for c in district.challenges if c in done)
            if lay.compact:
                p.text_fit(
                    surface,
                    self.ctx.pick(district.name),
                    (plate.x + 12, plate.y + 15),
                    plate.w - 24,
                    19,
                    bold=True,
                )
                p.text_fit(
                    surface,
                    self.ctx.pick(district.nickname),
                    (plate.x + 12, plate.y + 35),
                    plate.w - 110,
                    14,
                    colour=pal.muted,
                )
                self._stars(
                    surface, (plate.right - 42, plate.y + 35), played, len(district.challenges)
                )
                continue
            y = (
                p.text(
                    surface,
                    self.ctx.pick(district.name),
                    (plate.x + 12, plate.y + 8),
                    19,
                    bold=True,
                    width=lay.name_w,
                    box=plate,
                ).bottom
                + 2
            )
            nick = p.text(
                surface,
                self.ctx.pick(district.nickname),
                (plate.x + 12, y),
                14,
                colour=pal.muted,
                width=lay.nick_w,
                box=plate,
            )
            self._stars(surface, (plate.right - 42, nick.centery), played, len(district.challenges))
        for rect, landmark in zip(lay.landmarks, self.ctx.content.landmarks, strict=False):
            self._landmark(surface, rect, landmark)
        self._side_panel(surface)
        return lay.bottom

    def _landmark(self, surface: pygame.Surface, rect: pygame.Rect, landmark) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        colour = p.colour(landmark.colour)
        p.panel(surface, rect, radius=16, fill=pal.panel)
        pygame.draw.rect(
            surface,
            colour,
            (rect.x, rect.y, 14, rect.h),
            border_top_left_radius=16,
            border_bottom_left_radius=16,
        )
        pygame.draw.circle(surface, colour, (rect.x + 46, rect.centery), 24)
        art.icon(
            surface,
            landmark.icon or "star",
            (rect.x + 46, rect.centery),
            30,
            (255, 255, 255) if not pal.high_contrast else (0, 0, 0),
        )
        name, theme = self.ctx.pick(landmark.name), self.ctx.t(f"theme.{landmark.theme}")
        if self.lay.compact:
            p.text_fit(surface, name, (rect.x + 80, rect.centery - 12), rect.w - 90, 17, bold=True)
            p.text_fit(
                surface, theme, (rect.x + 80, rect.centery + 14), rect.w - 90, 14, colour=pal.muted
            )
            return
        w = self.lay.lm_w
        h = p.height(name, 17, w, True) + 4 + p.height(theme, 14, w)
        y = p.text(
            surface, name, (rect.x + 80, rect.centery - h // 2), 17, bold=True, width=w, box=rect
        ).bottom
        p.text(surface, theme, (rect.x + 80, y + 4), 14, colour=pal.muted, width=w, box=rect)

    def _stars(self, surface, centre, filled: int, total: int) -> None:
        pal = self.ctx.palette
        for k in range(total):
            pos = (centre[0] + (k - (total - 1) / 2) * 18, centre[1])
            art.shape(
                surface,
                "star",
                pos,
                8,
                pal.focus if k < filled else pal.panel_edge,
                outline=pal.ink,
            )

    def _side_panel(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.lay
        side = lay.side
        p.panel(surface, side)
        compact = lay.compact
        p.text(
            surface,
            self.ctx.t("hub.suggested"),
            (side.x + 16, side.y + 16),
            20,
            bold=True,
            width=side.w - 32,
            box=side,
        )
        if self.suggestion:
            chal = self.ctx.content.challenges[self.suggestion]
            district = self.ctx.content.district_of(self.suggestion)
            title_y = side.y + 56 if compact else lay.suggestion_y
            pygame.draw.circle(surface, p.colour(district.colour), (side.x + 36, title_y + 18), 20)
            p.text(
                surface,
                self.ctx.pick(chal.title),
                (side.x + 66, title_y),
                19,
                bold=True,
                width=side.w - 80,
                box=side,
            )
            p.text(
                surface,
                self.ctx.t(f"hub.reason.{self.reason}"),
                (side.x + 16, side.y + 110 if compact else lay.reason_y),
                17,
                colour=pal.muted,
                width=side.w - 32,
                box=side,
            )
        if self.ctx.player is not None:
            p.text(
                surface,
                lay.progress_text(),
                (side.x + 16, side.y + 318 if compact else lay.progress_y),
                17,
                width=side.w - 32,
                box=side,
            )
        p.text(
            surface,
            self.ctx.t("hub.help"),
            (side.x + 16, side.y + 364 if compact else lay.help_y),
            15,
            colour=pal.muted,
            width=side.w - 32,
            box=side,
        )
