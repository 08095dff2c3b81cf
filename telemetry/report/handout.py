"""The code handout: one cut-out card per player code, as PDF or HTML.

Called by the class command and the teacher panel. The teacher prints it, writes a
pupil's name on the card by hand (never in the game) and hands it out. Cards show the
class code, the player code in large letters and how to start. Pure rendering plus one
atomic write of the target file (:func:`write_handout`); reads the DejaVu fonts.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from telemetry.report.pdf import FONT_DIR, NAVY
from telemetry.words import say
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = ["render_handout_pdf", "render_handout_html", "write_handout"]


def _t(lang: str, key: str, **values: str) -> str:
    """One ``handout.*`` text of the locale files (``assets/locale/*.handout.json``)."""
    return say("handout", lang, key, **values)


def render_handout_pdf(class_code: str, codes: Sequence[str], lang: str = "en") -> bytes:
    """A4, two columns of five cards per page, dashed cut lines."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{_t(lang, 'title')}: {class_code}")
    pdf.set_auto_page_break(False)
    cw, ch, x0, y0 = 95.0, 55.0, 10.0, 10.0
    for i, code in enumerate(codes):
        if i % 10 == 0:
            pdf.add_page()
        col, row = i % 2, (i % 10) // 2
        x, y = x0 + col * cw, y0 + row * ch
        pdf.set_draw_color(150, 150, 150)
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.rect(x, y, cw, ch)
        pdf.set_dash_pattern()
        pdf.set_text_color(*NAVY)
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_xy(x + 5, y + 4)
        pdf.cell(cw - 10, 5, f"Worktown · {_t(lang, 'class', **{'class': class_code})}")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_xy(x + 5, y + 12)
        pdf.multi_cell(cw - 10, 4, _t(lang, "how"))
        pdf.set_font("DejaVu", "B", 20)
        pdf.set_xy(x + 5, y + 22)
        pdf.cell(cw - 10, 10, code, align="C")
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_xy(x + 5, y + 36)
        pdf.multi_cell(cw - 10, 3.6, _t(lang, "keep"))
        pdf.set_xy(x + 5, y + 46)
        pdf.cell(cw - 10, 4, _t(lang, "name") + " " + "_" * 22)
    return bytes(pdf.output())


def render_handout_html(class_code: str, codes: Sequence[str], lang: str = "en") -> str:
    """The same cards as one printable HTML page."""
    e = html.escape
    cls = e(_t(lang, "class", **{"class": class_code}))
    cards = "".join(
        f"<div class='card'><p class='cls'>Worktown · {cls}</p><p>{e(_t(lang, 'how'))}</p>"
        f"<p class='code'>{e(code)}</p><p class='small'>{e(_t(lang, 'keep'))}</p>"
        f"<p class='small'>{e(_t(lang, 'name'))} ____________________</p></div>"
        for code in codes
    )
    css = (
        "body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:10mm}"
        ".grid{display:grid;grid-template-columns:1fr 1fr;gap:0}"
        ".card{border:1px dashed #999;padding:4mm 5mm;height:47mm;break-inside:avoid}"
        ".cls{color:#123a63;font-weight:bold;margin:0}.code{font-size:22pt;font-weight:bold;"
        "text-align:center;letter-spacing:2px;margin:3mm 0}.small{font-size:8pt;margin:1mm 0}"
    )
    return (
        f"<!DOCTYPE html><html lang='{e(lang)}'><head><meta charset='utf-8'>"
        f"<title>{e(_t(lang, 'title'))}: {e(class_code)}</title><style>{css}</style></head>"
        f"<body><div class='grid'>{cards}</div></body></html>"
    )


def write_handout(
    path: Path | str, class_code: str, codes: Sequence[str], fmt: str, lang: str = "en"
) -> Path:
    """Write the handout as ``pdf`` or ``html`` (atomic); returns the path."""
    path = Path(path)
    data = (
        render_handout_pdf(class_code, codes, lang)
        if fmt == "pdf"
        else render_handout_html(class_code, codes, lang).encode("utf-8")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    return path
