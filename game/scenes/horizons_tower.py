"""Horizons Tower (Horizons): explore every occupation in the game's O*NET table.

A search box finds jobs as the player types, in their own words: O*NET titles, ESCO's
English and Spanish names ("joiner", "fontanero"), typos and plurals forgiven
(``game.occupation_search``); a row found by another name shows that name after the title.
Chips filter by main interest type and by how much preparation a job needs (Job Zone).
The list pages with PageUp/PageDown and the arrow keys; Enter opens a job's details, where it can be
saved to the career passport. Recorded: reading time per opened job (``accessed item
occupation/<code>``, measured with ``ctx.clock``), saving (``used item occupation/<code>``) and a
search's use (number of results, the job opened from them) once it is finished (Enter) or a result
is opened — never per keystroke, and never the text typed. The list and the details are drawn
by ``game.widgets.tower_draw``.
"""

from __future__ import annotations

from functools import partial

import pygame
import pygame_gui

from game.flow import record_occupation_read, toggle_saved_occupation
from game.occupation_search import SearchIndex
from game.ui_scene import UiScene
from game.widgets import tower_draw, tower_layout
from game.widgets.tower_layout import ROWS, ZONES

__all__ = ["ROWS", "HorizonsTowerScene"]


class HorizonsTowerScene(UiScene):
    name = "horizons_tower"
    title_key = "tower.title"
    scrolls = True

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
        self.index = SearchIndex(ctx.content.occupations.values())
        self.hits = self.index.search()
        self.results = [hit.occ for hit in self.hits]
        super().enter(ctx)
        self.entry.focus()

    # -- building -------------------------------------------------------------------
    def filter_layout(self) -> dict:
        return tower_layout.filters(
            self.ctx.painter,
            self.ctx.t,
            [d.riasec for d in self.ctx.content.districts],
            [self.ctx.t(f"tower.zone.{z}") for z in ZONES],
        )

    def page_layout(self) -> dict:
        """Rects below the filters for the current page and open job."""
        shown = self.results[self.page * ROWS : (self.page + 1) * ROWS]
        meta = [tower_draw.meta(self, occ) for occ in shown]
        labels = [tower_draw.row_label(self, self.page * ROWS + i) for i in range(len(shown))]
        detail = None
        if self.open_code is not None:
            occ = self.ctx.content.occupations[self.open_code]
            detail = tower_layout.detail_blocks(
                self.ctx, occ, tower_draw.code_words(self, occ.holland)
            )
        return tower_layout.page(
            self.ctx, shown, meta, self.filter_layout()["bottom"], detail, labels
        )

    def build(self) -> None:
        ui = self.ui
        lay = self.filter_layout()
        self.entry = pygame_gui.elements.UITextEntryLine(
            lay["entry"], self.ctx.manager, initial_text=self.query
        )
        self.entry.set_text_length_limit(40)
        ui.own(self.entry)
        self._entry_at: tuple[tuple[int, int], bool] | None = None  # where it was placed
        self.search_spot = ui.hotspot(lay["entry"], self.ctx.t("tower.search"), self.entry.focus)
        self.type_chips = {}
        for rect, district in zip(lay["types"], self.ctx.content.districts, strict=False):
            self.type_chips[district.riasec] = ui.button(
                rect,
                self._chip_text(district.riasec),
                partial(self.toggle_letter, district.riasec),
            )
        self.zone_chips = {}
        for rect, zone in zip(lay["zones"], ZONES, strict=True):
            self.zone_chips[zone] = ui.button(
                rect, self._zone_text(zone), partial(self.toggle_zone, zone), "@small"
            )
        page = self.page_layout()
        self.rows = [
            ui.hotspot(page["rows"][i], "", partial(self.open_row, i)) for i in range(ROWS)
        ]
        self.prev_button = ui.button(
            page["prev"], self.ctx.t("tower.prev"), lambda: self.turn(-1), "@small"
        )
        self.next_button = ui.button(
            page["next"], self.ctx.t("tower.next"), lambda: self.turn(1), "@small"
        )
        spare = pygame.Rect(page["detail"].topleft, (160, 50))  # placed when a job opens
        self.save_button = ui.button(
            page["save"] if page["save"].w else spare, "", self.toggle_save, "@primary"
        )
        self.close_button = ui.button(
            page["close"] if page["close"].w else spare,
            self.ctx.t("tower.close"),
            self.close_detail,
        )
        ui.on_focus = self._on_focus
        self.refresh()

    def _put(self, button, rect: pygame.Rect) -> None:
        """Move a scrolling button to page ``rect`` (list rows and open jobs change size)."""
        resized = bool(rect.w and rect.h and rect != button.rect)
        if resized:
            button.rect = pygame.Rect(rect)
        button.place(self.ui.screen_rect(button), self.ui.in_view(button))
        if resized:  # after show(): pygame-gui does not redraw a hidden button's new size
            button.element.set_dimensions(rect.size)
            button.element.rebuild()

    def _place_entry(self) -> None:
        """The search box is a pygame-gui element: move it with the page by hand, and hide
        it while it is not wholly in view."""
        rect = self.ui.screen_rect(self.search_spot)
        shown = self.ui.in_view(self.search_spot)
        if (rect.topleft, shown) == self._entry_at:
            return
        self._entry_at = (rect.topleft, shown)
        self.entry.set_relative_position(rect.topleft)
        if shown:
            self.entry.show()
        else:
            self.entry.unfocus()
            self.entry.hide()

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
        lay = self.page_layout()
        showing = self.open_code is not None
        list_shown = lay["two"] or not showing  # in one column the details take the list's place
        for i, row in enumerate(self.rows):
            k = self.page * ROWS + i
            row.visible = list_shown and k < len(self.results)
            row.label = tower_draw.row_label(self, k) if k < len(self.results) else ""
            row.rect = (
                pygame.Rect(lay["rows"][i])
                if list_shown
                else pygame.Rect(lay["detail"].topleft, (0, 0))
            )
        for button, on in (
            (self.prev_button, self.page > 0),
            (self.next_button, self.page < pages - 1),
        ):
            button.set_enabled(on)
            button.visible = list_shown
        for letter, chip in self.type_chips.items():
            chip.set_text(self._chip_text(letter))
        for zone, chip in self.zone_chips.items():
            chip.set_text(self._zone_text(zone))
        for button in (self.save_button, self.close_button):
            button.visible = showing
            if not showing:  # hidden buttons must not lengthen the page
                button.rect.y = lay["detail"].y
        if showing:
            saved = (
                self.ctx.player is not None and self.open_code in self.ctx.player.saved_occupations
            )
            self.save_button.set_text(self.ctx.t("horizons.saved" if saved else "horizons.save"))
        self.ui.page_height = self._page_end(lay) + 24
        self.ui.set_scroll(self.ui.scroll)  # clamped: a smaller text size makes a shorter page
        for button, rect in (
            (self.prev_button, lay["prev"]),
            (self.next_button, lay["next"]),
            (self.save_button, lay["save"]),
            (self.close_button, lay["close"]),
        ):
            self._put(button, rect)
        if self.ui.focused is not None and not self.ui.focused.visible:
            self.ui.focus(self.search_spot)

    def pages(self) -> int:
        return max(1, -(-len(self.results) // ROWS))

    # -- filtering ------------------------------------------------------------------
    def apply_filters(self) -> None:
        self.hits = self.index.search(self.query, self.letters, self.zones)
        self.results = [hit.occ for hit in self.hits]
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

    def record_search(self, opened: str | None = None) -> None:
        """A search was used: recorded once per finished search (Enter) and when a job is
        opened from its results, with the number of results and the job opened. The text
        typed is never recorded or stored (a pupil may type a name or a phone number);
        it lives in this scene only."""
        query = self.query.strip()
        if not query or (opened is None and query == self.recorded_query):
            return
        self.recorded_query = query
        extensions = {"results": len(self.results), "competences": ["horizons_occupations"]}
        if opened is not None:
            extensions["occupation"] = opened
        self.ctx.record("selected", "menu", "menu/horizons_search", extensions=extensions)

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages() - 1, self.page + step))
        self.refresh()

    # -- the detail panel -----------------------------------------------------------
    def open_row(self, i: int) -> None:
        k = self.page * ROWS + i
        if k < len(self.results):
            self.open_detail(self.results[k].code)

    def open_detail(self, code: str) -> None:
        self.record_search(opened=code)
        self._record_reading()
        self.open_code = code
        self.opened_at = self.ctx.clock()
        self.refresh()
        if not tower_layout.two_columns(self.ctx.painter):  # the details replaced the list
            viewport = self.ui.viewport
            assert viewport is not None  # the tower scrolls
            self.ui.set_scroll(self.page_layout()["detail"].y - viewport.y - 12)
            self.ui.focus(self.save_button)

    def close_detail(self) -> None:
        row = self._row_of(self.open_code)
        self._record_reading()
        self.open_code = None
        self.refresh()
        self.ui.focus(self.rows[row] if row is not None else self.search_spot)

    def _row_of(self, code: str | None) -> int | None:
        for i in range(ROWS):
            k = self.page * ROWS + i
            if k < len(self.results) and self.results[k].code == code:
                return i
        return None

    def _record_reading(self) -> None:
        if self.open_code is None:
            return
        occ = self.ctx.content.occupations[self.open_code]
        seconds = round(max(0.0, self.ctx.clock() - self.opened_at), 2)
        record_occupation_read(self.ctx, occ, seconds)

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
            self.ui.set_scroll(0)  # with its label, at the top of the page
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
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.ui.in_view(self.search_spot)
            and self.ui.screen_rect(self.search_spot).collidepoint(event.pos)
        ):
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
                    return  # typing belongs to the search box
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                self.ui.keyboard_used = True
                self.turn(1 if event.key == pygame.K_PAGEDOWN else -1)
                return
            row = self.focused_row()
            if (
                row is not None
                and event.key in (pygame.K_UP, pygame.K_DOWN)
                and self._move_in_list(row, -1 if event.key == pygame.K_UP else 1)
            ):
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
    def draw(self, surface: pygame.Surface) -> None:
        self._place_entry()
        super().draw(surface)

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        for text, pos, w in self.filter_layout()["labels"]:
            p.text(surface, text, pos, 15, colour=pal.muted, width=w)
        lay = self.page_layout()
        p.text(
            surface,
            self.ctx.t("tower.filter_help"),
            (26, lay["help_y"]),
            15,
            colour=pal.muted,
            width=1230,
        )
        if lay["two"] or self.open_code is None:
            tower_draw.draw_list(self, surface, lay)
        tower_draw.draw_detail(self, surface, lay)
        return self._page_end(lay)

    def _page_end(self, lay: dict) -> int:
        """The page's bottom for scrolling; a page that fits the window does not scroll."""
        bottom = lay["bottom"]
        return bottom - 24 if bottom <= self.ctx.size[1] else bottom
