"""The PDF report's fonts, parsed once for many documents, and fast line wrapping.

:class:`ReportFonts` is created once per command run (by
:class:`telemetry.report.pdf.ReportRenderer`) and reads the two DejaVu files once. fpdf2
parses a font in ``add_font`` for every document (~0.1 s for the two faces); here each
document gets its own copy of the parsed face (fpdf2's ``TTFFont.__deepcopy__``, which
shares the read-only tables) with a fresh glyph subset map and a fresh fontTools object
read from the cached bytes, because writing the PDF subsets that object in place.
Touches only the font files, once.

:func:`wrap` breaks one line of plain text exactly as fpdf2's ``multi_cell`` does (word
wrap, break at the last space, a word wider than the box broken where it overflows) in
linear time; ``multi_cell`` re-measures the whole line for every character.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap

__all__ = ["FAMILY", "FONT_DIR", "ReportFonts", "wrap"]

FAMILY = "DejaVu"
FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
_FACES = (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"))
_TOLERANCE = 1e-9  # fpdf2's FloatTolerance


class ReportFonts:
    """The report's font faces, read and parsed once; :meth:`install` gives a document
    its own copies. Holds no per-document state, so one object serves a whole class."""

    def __init__(self, font_dir: Path = FONT_DIR) -> None:
        scratch = FPDF()
        self._faces: list[tuple[str, Any, bytes]] = []
        for style, name in _FACES:
            path = Path(font_dir) / name
            data = path.read_bytes()
            scratch.add_font(FAMILY, style, str(path))
            key = f"{FAMILY.lower()}{style}"
            self._faces.append((key, scratch.fonts[key], data))
        self.cmap: frozenset[int] = frozenset(self._faces[0][1].cmap)

    def install(self, pdf: FPDF) -> None:
        """Add both faces to ``pdf`` (in place of two ``add_font`` calls)."""
        for key, parsed, data in self._faces:
            font = copy.copy(parsed)  # shares the read-only cmap, glyph ids, descriptor
            font.i = len(pdf.fonts) + 1
            font.cw = parsed.cw.copy()  # a defaultdict: looking up a missing char adds it
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font.subset = SubsetMap(font)
            font.ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True)
            pdf.fonts[key] = font


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """``text`` (one paragraph, no line breaks) as the lines ``pdf.multi_cell(width, ...)``
    would print in the current font: the same breaks, in linear time."""
    font: Any = pdf.current_font  # the font set by ``pdf.set_font`` before wrapping
    cw, size, k = font.cw, pdf.font_size_pt, pdf.k
    room = (width - pdf.c_margin) - pdf.c_margin
    lines: list[str] = []
    start, total, space_at = 0, 0.0, -1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        w = cw[ord(ch)]
        # the same float operations, in the same order, as fpdf2's line breaker
        if (total * size * 0.001 / k + w * size * 0.001 / k) - room > _TOLERANCE:
            if ch == " ":  # a space at the edge is dropped
                lines.append(text[start:i])
                i += 1
            elif space_at >= 0:  # break at the last space, dropping it
                lines.append(text[start:space_at])
                i = space_at + 1
            elif i > start:  # a word wider than the box: break inside it
                lines.append(text[start:i])
            else:  # not even one character fits: let fpdf2 deal with it
                return [text]
            start, total, space_at = i, 0.0, -1
            continue
        if ch == " ":
            space_at = i
        total += w
        i += 1
    if total:  # fpdf2 keeps a last line only if it has width
        lines.append(text[start:])
    return lines or [""]
