"""My data (Self, privacy): everything Worktown keeps about the player, in words, on a
page that scrolls when it is longer than the window; and erasing it, after a second
"are you sure?" step.

The description is worked out once in ``enter`` (in the player's language, with the
challenges' titles from the content). Erasing stops LRS forwarding, closes the player's
recorder (``game.flow.sign_out``), erases every copy of their data on this computer and
voids what reached an LRS (``telemetry.classroom.erase.erase_everywhere``), and returns to the
title screen with a notice that says what happened, here and at the LRS.
"""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H, UiScene
from telemetry.classroom.erase import erase_everywhere
from telemetry.classroom.privacy import describe_player_data
from zones.ui_layout import button_row, columns_for

LINE_SIZE = 18
PAGE_X, PAGE_W = 24, 1232
SIDE_W, GAP = 328, 24
PAD = 24  # inside the list card


class MyDataScene(UiScene):
    name = "my_data"
    title_key = "mydata.title"
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        self.confirming = False

    def enter(self, ctx) -> None:
        self.ctx = ctx
        statements = ctx.recorder.statements() if ctx.recorder is not None else []
        folder = ctx.recorder.player_dir if ctx.recorder is not None else None
        names = {
            cid: ctx.pick(challenge.title) for cid, challenge in ctx.content.challenges.items()
        }
        self.sentences = describe_player_data(
            statements, ctx.i18n.language, folder=folder, names=names
        )
        super().enter(ctx)

    @property
    def scroll(self) -> int:
        """How far the page is scrolled (pixels)."""
        return self.ui.scroll

    # -- layout ---------------------------------------------------------------------
    def layout(self) -> dict:
        """Every rect of the page from measured text: the list card beside the erase
        column (one column under the other at large text)."""
        p = self.ctx.painter
        t = self.ctx.t
        top = HEADER_H + 18 + p.height(t("mydata.intro"), 18, PAGE_W) + 18
        two = columns_for(p, 2, PAGE_W, 600) == 2
        list_w = PAGE_W - SIDE_W - GAP if two else PAGE_W
        text_w = list_w - 2 * PAD - 26
        ys, y = [], top + PAD
        for sentence in self.sentences:
            ys.append(y)
            y += p.height(sentence, LINE_SIZE, text_w) + 6
        card = pygame.Rect(PAGE_X, top, list_w, y - top + PAD - 6)
        side = (
            pygame.Rect(card.right + GAP, top, SIDE_W, 0)
            if two
            else pygame.Rect(PAGE_X, card.bottom + GAP, PAGE_W, 0)
        )
        if self.confirming:
            code = self.ctx.player.code if self.ctx.player else ""
            text = t("mydata.confirm", code=code)
            text_y = side.y + 18
            y = text_y + p.height(text, 18, side.w - 36, True) + 16
            labels = [t("mydata.erase_yes"), t("mydata.erase_no")]
            buttons = button_row(
                p, labels, side.x + 18, y, side.w - 36, min_w=side.w - 36 if two else 0
            )
            side.h = buttons[-1].bottom + 18 - side.y
        else:
            text = t("mydata.erase_explain")
            text_y = side.y
            hint_y = text_y + p.height(text, 16, side.w) + 14
            y = hint_y + p.height(t("mydata.scroll_hint"), 16, side.w) + 18
            buttons = button_row(
                p, [t("mydata.erase")], side.x, y, side.w, min_w=side.w if two else 0
            )
            side.h = buttons[-1].bottom - side.y
        return {
            "card": card,
            "ys": ys,
            "text_w": text_w,
            "side": side,
            "side_text": text,
            "text_y": text_y,
            "hint_y": None if self.confirming else hint_y,
            "buttons": buttons,
        }

    def page_bottom(self) -> int:
        lay = self.layout()
        return max(lay["card"].bottom, lay["side"].bottom)

    # -- controls -------------------------------------------------------------------
    def build(self) -> None:
        buttons = self.layout()["buttons"]
        if self.confirming:
            self.ui.button(buttons[0], self.ctx.t("mydata.erase_yes"), self.erase, "@default")
            self.ui.button(buttons[1], self.ctx.t("mydata.erase_no"), self.cancel)
            self.ui.focus_index = len(self.ui.items) - 1  # the safe choice is focused
            self.ui.ensure_visible(self.ui.focused)
            return
        self.ui.button(buttons[0], self.ctx.t("mydata.erase"), self.ask_erase)

    def ask_erase(self) -> None:
        self.confirming = True
        self.rebuild()

    def cancel(self) -> None:
        self.confirming = False
        self.rebuild()

    def erase(self) -> None:
        """Second step: stop LRS forwarding, close the recorder, erase every copy
        (:func:`telemetry.classroom.erase.erase_everywhere`: folder, exports, handouts, spill files;
        voiding at the LRS), go to the title screen saying what happened, here and there."""
        from game import class_session
        from game.class_tools import erase_message, lrs_configs
        from game.flow import sign_out
        from telemetry.classroom.class_store import class_of_player
        from telemetry.xapi.store import PlayerLocked

        ctx = self.ctx
        code = (
            ctx.player.code if ctx.player else (ctx.recorder.player_code if ctx.recorder else None)
        )
        if code is None:
            return
        session = getattr(ctx, "class_session", None)
        forwarder = getattr(session, "forwarder", None)
        class_session.end(ctx)
        if forwarder is not None:
            forwarder.join(10.0)  # its last push is in the ledger before voiding
        sign_out(ctx)
        ctx.player = None
        try:
            result = erase_everywhere(
                ctx.data_dir, [code], lrs_configs=lrs_configs(class_of_player(ctx.data_dir, code))
            )
        except (PlayerLocked, OSError) as exc:
            ctx.notices.append(ctx.t("mydata.erase_failed", problem=str(exc)))
            ctx.scenes.clear_to("title")
            return
        ctx.saves.forget_last(code)
        ctx.notices.append(erase_message(ctx.t, code, result))
        ctx.scenes.clear_to("title")

    def back(self) -> None:
        if self.confirming:
            self.cancel()
            return
        super().back()

    def handle_event(self, event: pygame.event.Event) -> None:
        """The page's height comes from the layout, so Page Down works before a draw."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEWHEEL):
            self.ui.page_height = self.page_bottom() + 24
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_HOME, pygame.K_END):
            self.ui.set_scroll(0 if event.key == pygame.K_HOME else self.ui.max_scroll)
            return
        super().handle_event(event)

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        p.text(surface, self.ctx.t("mydata.intro"), (PAGE_X, HEADER_H + 18), 18, width=PAGE_W)
        card = lay["card"]
        p.panel(surface, card)
        line = p.line(LINE_SIZE)
        for sentence, y in zip(self.sentences, lay["ys"], strict=True):
            pygame.draw.circle(surface, pal.accent, (card.x + PAD + 8, y + line // 2), 5)
            p.text(
                surface, sentence, (card.x + PAD + 26, y), LINE_SIZE, width=lay["text_w"], box=card
            )
        side = lay["side"]
        if self.confirming:
            p.panel(surface, side, edge=pal.bad)
            p.text(
                surface,
                lay["side_text"],
                (side.x + 18, lay["text_y"]),
                18,
                bold=True,
                width=side.w - 36,
                box=side,
            )
        else:
            p.text(surface, lay["side_text"], (side.x, lay["text_y"]), 16, width=side.w)
            p.text(
                surface,
                self.ctx.t("mydata.scroll_hint"),
                (side.x, lay["hint_y"]),
                16,
                colour=pal.muted,
                width=side.w,
            )
        return max(card.bottom, side.bottom)
