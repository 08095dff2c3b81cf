"""The pygame-gui button every screen uses, with its looks built when first shown.

A pygame-gui button has five looks (normal, hovered, pressed, selected, disabled). Out of the
box it draws the first at once and then one more look per frame until all are made; each
look is a rounded rectangle drawn at four times its size and scaled down, 1-3 ms for a
wide button. A screen of eight buttons so spent its first frames at 10-20 ms (the frame-time
bench's slowest frames came from there). :class:`LookOnDemandButton` keeps the look it shows
and builds another only when the button first needs it (pygame-gui's ``set_active_state``
does that by itself for a look not made yet); a new text or size marks the other looks stale
again. Created by :class:`game.ui.GuiButton`; touches only its own drawable shape.
"""

from __future__ import annotations

from typing import Any

from pygame_gui.elements import UIButton


class LookOnDemandButton(UIButton):
    """A ``UIButton`` that builds its hovered / pressed / selected / disabled looks on first
    use instead of one per frame after it is made."""

    def rebuild(self) -> None:
        """pygame-gui calls this when the button is made and when its theme or size changes."""
        super().rebuild()
        self._only_the_shown_look()

    def set_text(self, text: str, *, text_kwargs: dict[str, str] | None = None) -> None:
        super().set_text(text, text_kwargs=text_kwargs)
        self._only_the_shown_look()

    def set_dimensions(self, dimensions: Any, clamp_to_container: bool = False) -> None:
        super().set_dimensions(dimensions, clamp_to_container)
        self._only_the_shown_look()

    def _only_the_shown_look(self) -> None:
        """After pygame-gui has redrawn the normal look (it always draws that one first):
        draw the look on screen now if it is another, and mark the rest to be made again,
        with the current text and size, when first shown."""
        shape = self.drawable_shape
        if shape is None:
            return
        shape.states_to_redraw_queue.clear()
        shown = shape.active_state
        if shown is not None and shown.state_id != "normal":
            shape.redraw_state(shown.state_id)
        for look_id, look in shape.states.items():
            if look is not shown and look_id != "normal":
                look.generated = False

    def looks_built(self) -> list[str]:
        """The looks drawn so far (tests read it)."""
        shape = self.drawable_shape
        return [] if shape is None else [k for k, v in shape.states.items() if v.generated]
