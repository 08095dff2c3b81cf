"""Where a person's speech bubble goes in the town view: above their head, or below their
feet when above it would cover the pupil's avatar (standing just above them) or be pushed
onto the person by the top of the view.

Called by ``game.world.frame`` each frame a person is in reach; pure rectangle arithmetic,
it draws nothing and touches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

GAP = 10  # between the bubble and the head (or feet) its tail points at


@dataclass(frozen=True)
class BubblePlace:
    """The bubble's rectangle, the point its tail touches, and whether it hangs below."""

    rect: pygame.Rect
    tip: tuple[int, int]
    below: bool


def place_bubble(
    size: tuple[int, int],
    head: tuple[int, int],
    person: pygame.Rect,
    avatar: pygame.Rect,
    room_above: pygame.Rect,
    room_below: pygame.Rect,
) -> BubblePlace:
    """Above ``head`` if that leaves ``avatar`` and ``person`` (screen rectangles) in view;
    else below the person if that does; else above as before (nothing fits better)."""
    above = pygame.Rect((0, 0), size)
    above.midbottom = (head[0], head[1] - GAP)
    above.clamp_ip(room_above)
    if not above.colliderect(avatar) and not above.colliderect(person):
        return BubblePlace(above, head, False)
    feet = (head[0], person.bottom)
    below = pygame.Rect((0, 0), size)
    below.midtop = (feet[0], feet[1] + GAP)
    below.clamp_ip(room_below)
    if not below.colliderect(avatar) and not below.colliderect(person):
        return BubblePlace(below, feet, True)
    return BubblePlace(above, head, False)
