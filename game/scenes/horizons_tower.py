"""Horizons Tower (Horizons): explore every occupation in the game's O*NET table.

A search box filters by title as the player types; chips filter by main interest type
and by how much preparation a job needs (Job Zone). The list pages with PageUp/PageDown
and the arrow keys; Enter opens a job's details, where it can be saved to the career
passport. Recorded: reading time per opened job (``accessed item occupation/<code>``,
measured with ``ctx.clock``), saving (``used item occupation/<code>``) and the search
text, once it is finished (Enter) or a result is opened — never per keystroke.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.occupation_search import filter_occupations
from game.scenes.base import HEADER_H, UiScene
from game.scenes.flow import toggle_saved_occupation
from game.text import wrap

ROWS = 10
LIST = pygame.Rect(24, 206, 600, 446)
ROW_H = 42
DETAIL = pygame.Rect(644, 206, 612, 494)
ENTRY = pygame.Rect(24, HEADER_H + 36, 320, 50)
CHIP_Y, CHIP_H = HEADER_H + 36, 50
ZONES = (1, 2, 3, 4, 5)
TYPE_X, ZONE_X = 362, 714


class HorizonsTowerScene(UiScene):
    name = "horizons_tower"
    title_key = "tower.title"

    def __init__(self) -> None:
        super().__init__()
        self.query = ""
        self.recorded_query = ""
        self.letters: set[str] = set()
        self.zones: set[int] = set()
        self.page = 0
        self.open_code: str | None = None
        self.opened_at = 0.0

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self.results = filter_occupations(ctx.content.occupations.values())
        super().enter(ctx)
        self.entry.focus()

    # -- building -------------------------------------------------------------------
    def build(self) -> None:
        ui = self.ui
        self.entry = pygame_gui.elements.UITextEntryLine(ENTRY, self.ctx.manager, initial_text=self.query)
        self.entry.set_text_length_limit(40)
        ui.own(self.entry)
        self.search_spot = ui.hotspot(ENTRY, self.ctx.t("tower.search"), self.entry.focus)
        self.type_chips = {}
        for i, district in enumerate(self.ctx.content.districts):
            rect = (TYPE_X + i * 56, CHIP_Y, 50, CHIP_H)
            self.type_chips[district.riasec] = ui.button(rect, self._chip_text(district.riasec),
                                                         lambda k=district.riasec: self.toggle_letter(k))
        self.zone_chips = {}
        for i, zone in enumerate(ZONES):
            rect = (ZONE_X + i * 109, CHIP_Y, 103, CHIP_H)
            self.zone_chips[zone] = ui.button(rect, self._zone_text(zone), lambda z=zone: self.toggle_zone(z),
                                              "@small")
        self.rows = [ui.hotspot((LIST.x + 10, LIST.y + 10 + i * ROW_H, LIST.w - 20, ROW_H - 4), "",
                                lambda i=i: self.open_row(i)) for i in range(ROWS)]
        self.prev_button = ui.button((LIST.x, 660, 150, 44), self.ctx.t("tower.prev"), lambda: self.turn(-1),
                                     "@small")
        self.next_button = ui.button((LIST.right - 150, 660, 150, 44), self.ctx.t("tower.next"),
                                     lambda: self.turn(1), "@small")
        self.save_button = ui.button((DETAIL.x + 20, DETAIL.bottom - 66, 400, 50), "", self.toggle_save, "@primary")
        self.close_button = ui.button((DETAIL.right - 180, DETAIL.bottom - 66, 160, 50),
                                      self.ctx.t("tower.close"), self.close_detail)
        ui.on_focus = self._on_focus
        self.refresh()

    def _chip_text(self, letter: str) -> str:
        return f"✓{letter}" if letter in self.letters else letter

    def _zone_text(self, zone: int) -> str:
        words = self.ctx.t(f"tower.zone.{zone}")
        return f"✓ {words}" if zone in self.zones else words

    def refresh(self) -> None:
        """Update row labels, paging and the detail buttons after any change (no rebuild,
        so the search box keeps its cursor)."""
        pages = self.pages()
        self.page = max(0, min(self.page, pages - 1))
        for i, row in enumerate(self.rows):
            k = self.page * ROWS + i
            row.visible = k < len(self.results)
            row.label = self.results[k].title if row.visible else ""
        self.prev_button.set_enabled(self.page > 0)
        self.next_button.set_enabled(self.page < pages - 1)
        for letter, chip in self.type_chips.items():
            chip.set_text(self._chip_text(letter))
        for zone, chip in self.zone_chips.items():
            chip.set_text(self._zone_text(zone))
        showing = self.open_code is not None
        for button in (self.save_button, self.close_button):
            button.visible = showing
            if showing:
                button.element.show()
            else:
                button.element.hide()
        if showing:
            saved = self.ctx.player is not None and self.open_code in self.ctx.player.saved_occupations
            self.save_button.set_text(self.ctx.t("horizons.saved" if saved else "horizons.save"))
        if self.ui.focused is not None and not self.ui.focused.visible:
            self.ui.focus(self.search_spot)

    def pages(self) -> int:
        return max(1, -(-len(self.results) // ROWS))

    # -- filtering ------------------------------------------------------------------
    def apply_filters(self) -> None:
        self.results = filter_occupations(self.ctx.content.occupations.values(), self.query, self.letters,
                                          self.zones)
        self.page = 0
        self.refresh()

    def set_query(self, text: str) -> None:
        """Live filter: called on every change of the search box."""
        if text != self.query:
            self.query = text
            if self.entry.get_text() != text:
                self.entry.set_text(text)
            self.apply_filters()

    def toggle_letter(self, letter: str) -> None:
        self.letters ^= {letter}
        self.apply_filters()

    def toggle_zone(self, zone: int) -> None:
        self.zones ^= {zone}
        self.apply_filters()

    def record_search(self) -> None:
        """Debounced: the finished search text, once per distinct query."""
        query = self.query.strip()
        if query and query != self.recorded_query:
            self.recorded_query = query
            self.ctx.record("selected", "menu", "menu/horizons_search", response=query,
                            extensions={"competences": ["horizons_occupations"]})

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages() - 1, self.page + step))
        self.refresh()

    # -- the detail panel -----------------------------------------------------------
    def open_row(self, i: int) -> None:
        k = self.page * ROWS + i
        if k < len(self.results):
            self.open_detail(self.results[k].code)

    def open_detail(self, code: str) -> None:
        self.record_search()
        self._record_reading()
        self.open_code = code
        self.opened_at = self.ctx.clock()
        self.refresh()

    def close_detail(self) -> None:
        row = self._row_of(self.open_code)
        self._record_reading()
        self.open_code = None
        self.refresh()
        self.ui.focus(self.rows[row] if row is not None else self.search_spot)

    def _row_of(self, code: str | None) -> int | None:
        for i, row in enumerate(self.rows):
            k = self.page * ROWS + i
            if row.visible and self.results[k].code == code:
                return i
        return None

    def _record_reading(self) -> None:
        if self.open_code is None:
            return
        occ = self.ctx.content.occupations[self.open_code]
        seconds = round(max(0.0, self.ctx.clock() - self.opened_at), 2)
        self.ctx.record("accessed", "item", f"occupation/{occ.code}", duration_s=seconds,
                        extensions={"riasec": occ.holland[0], "occupation": occ.code,
                                    "competences": ["horizons_occupations", "horizons_pathways"]})

    def toggle_save(self) -> None:
        if self.open_code is not None and toggle_saved_occupation(self.ctx, self.open_code):
            self.refresh()

    # -- leaving --------------------------------------------------------------------
    def leave(self) -> None:
        self._record_reading()
        self.open_code = None
        super().leave()

    def back(self) -> None:
        if self.open_code is not None:
            self.close_detail()
            return
        self.record_search()
        super().back()

    # -- events ---------------------------------------------------------------------
    def _on_focus(self, item) -> None:
        if item is self.search_spot:
            self.entry.focus()
        elif self.entry.is_focused:
            self.entry.unfocus()

    def focused_row(self) -> int | None:
        item = self.ui.focused
        return self.rows.index(item) if item in self.rows else None

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.set_query(self.entry.get_text())
            return
        if event.type == pygame.TEXTINPUT and self.entry.is_focused:
            self.set_query(self.entry.get_text())
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and ENTRY.collidepoint(event.pos):
            self.ui.focus(self.search_spot)
            return
        if event.type == pygame.KEYDOWN:
            if self.entry.is_focused:
                self.set_query(self.entry.get_text())
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    self.record_search()
                    self.ui.keyboard_used = True
                    self.entry.unfocus()
                    self.ui.focus(self.rows[0] if self.rows[0].visible else self.search_spot)
                    return
                if event.key not in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_UP):
                    return          # typing belongs to the search box
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                self.ui.keyboard_used = True
                self.turn(1 if event.key == pygame.K_PAGEDOWN else -1)
                return
            row = self.focused_row()
            if row is not None and event.key in (pygame.K_UP, pygame.K_DOWN) and self._move_in_list(
                    row, -1 if event.key == pygame.K_UP else 1):
                return
        super().handle_event(event)

    def _move_in_list(self, row: int, step: int) -> bool:
        """Move the list cursor one job, turning the page at its ends. False at the ends
        of the whole list, so focus leaves the list as usual."""
        k = self.page * ROWS + row + step
        if not 0 <= k < len(self.results):
            return False
        self.ui.keyboard_used = True
        self.page = k // ROWS
        self.refresh()
        self.ui.focus(self.rows[k % ROWS])
        return True

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("tower.search"), (ENTRY.x + 2, HEADER_H + 10), 15, colour=pal.muted)
        p.text(surface, self.ctx.t("tower.main_type"), (TYPE_X, HEADER_H + 10), 15, colour=pal.muted)
        p.text(surface, self.ctx.t("tower.preparation"), (ZONE_X, HEADER_H + 10), 15, colour=pal.muted)
        p.text(surface, self.ctx.t("tower.filter_help"), (LIST.x + 2, HEADER_H + 96), 15, colour=pal.muted,
               width=1230)
        p.panel(surface, LIST)
        focused = self.ui.focused
        for i, row in enumerate(self.rows):
            if not row.visible:
                continue
            occ = self.results[self.page * ROWS + i]
            rect = row.rect
            if occ.code == self.open_code or row is focused or row.hovered:
                pygame.draw.rect(surface, pal.sky_low if not pal.high_contrast else (60, 60, 0), rect,
                                 border_radius=8)
            if occ.code == self.open_code:
                pygame.draw.rect(surface, pal.accent, (rect.x, rect.y + 4, 6, rect.h - 8), border_radius=3)
            saved = self.ctx.player is not None and occ.code in self.ctx.player.saved_occupations
            mark = "★ " if saved else ""
            p.text_fit(surface, mark + occ.title, (rect.x + 14, rect.centery), rect.w - 150, 16,
                       bold=occ.code == self.open_code)
            p.text(surface, f"{occ.holland} · {self.ctx.t(f'tower.zone.{occ.job_zone}')}", (rect.right - 12, rect.centery - 10), 15,
                   colour=pal.muted, align="right")
        if not self.results:
            p.text(surface, self.ctx.t("tower.none"), (LIST.x + 24, LIST.y + 24), 18, width=LIST.w - 48)
        p.text(surface, self.ctx.t("tower.count", n=len(self.results), page=self.page + 1, pages=self.pages()),
               (LIST.centerx, 672), 15, align="center", colour=pal.ink)
        self._detail(surface)

    def _detail(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, DETAIL)
        if self.open_code is None:
            p.icon(surface, "tower", (DETAIL.centerx, DETAIL.y + 150), 120)
            p.text(surface, self.ctx.t("tower.pick_job"), (DETAIL.x + 40, DETAIL.y + 260), 18,
                   width=DETAIL.w - 80, align="center")
            return
        occ = self.ctx.content.occupations[self.open_code]
        x, w = DETAIL.x + 24, DETAIL.w - 48
        y = p.text(surface, occ.title, (x, DETAIL.y + 18), 22, bold=True, width=w).bottom
        y = p.text(surface, self._code_words(occ.holland), (x, y + 6), 15, colour=pal.muted, width=w).bottom
        limit = DETAIL.bottom - 84
        font = p.font(15)
        lines = wrap(font, occ.description, w)
        room = max(1, (limit - 150 - y) // int(font.get_linesize() * 1.2))
        if len(lines) > room:
            lines = lines[:room]
            lines[-1] = lines[-1].rstrip(".,; ") + "…"
        y = p.text(surface, "\n".join(lines), (x, y + 12), 15, width=w).bottom
        y = p.text(surface, self.ctx.t("horizons.education", words=self.ctx.t(f"jobzone.{occ.job_zone}")),
                   (x, y + 12), 15, width=w).bottom
        if occ.esco_labels:
            p.text(surface, self.ctx.t("horizons.esco", label=occ.esco_labels[0]), (x, y + 8), 15,
                   colour=pal.muted, width=w)

    def _code_words(self, code: str) -> str:
        names = []
        for letter in code:
            district = next((d for d in self.ctx.content.districts if d.riasec == letter), None)
            names.append(f"{letter} {self.ctx.pick(district.nickname)}" if district else letter)
        return self.ctx.t("tower.code", code=code, names=", ".join(names))
