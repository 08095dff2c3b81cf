"""Drawing text: wrapping to a width, fitting to a box, aligned labels."""

from __future__ import annotations

import pygame


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Split ``text`` into lines no wider than ``width``; long words are broken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = word if not line else f"{line} {word}"
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def draw_text(surface: pygame.Surface, font: pygame.font.Font, text: str, pos: tuple[int, int],
              colour, *, align: str = "left", width: int | None = None,
              line_gap: float = 1.2) -> pygame.Rect:
    """Draw (wrapped if ``width``) text at ``pos``; returns the rect it covered."""
    lines = wrap(font, text, width) if width else text.split("\n")
    x, y = pos
    height = font.get_linesize()
    covered = pygame.Rect(x, y, 0, 0)
    for i, line in enumerate(lines):
        img = font.render(line, True, colour)
        if align == "center":
            rect = img.get_rect(midtop=(x, y + int(i * height * line_gap)))
        elif align == "right":
            rect = img.get_rect(topright=(x, y + int(i * height * line_gap)))
        else:
            rect = img.get_rect(topleft=(x, y + int(i * height * line_gap)))
        surface.blit(img, rect)
        covered = rect if i == 0 else covered.union(rect)
    return covered


def text_height(font: pygame.font.Font, text: str, width: int, line_gap: float = 1.2) -> int:
    """How tall ``text`` is when wrapped to ``width``."""
    n = len(wrap(font, text, width))
    return int(font.get_linesize() * (1 + (n - 1) * line_gap))


def fit_font(fonts, text: str, width: int, size: int, min_size: int = 12, bold: bool = False):
    """The largest font (≤ size) whose single line of ``text`` fits in ``width``."""
    while size > min_size and fonts.get(size, bold).size(text)[0] > width:
        size -= 1
    return fonts.get(size, bold)
