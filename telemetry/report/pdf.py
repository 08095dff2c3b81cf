"""The practitioner report as an A4 PDF (fpdf2, DejaVu fonts embedded, vector hexagon).

:class:`ReportRenderer` is created once per command run (or class run) and reused for every
player: it holds the parsed fonts (:mod:`telemetry.report.pdf_fonts`), read once from the
two DejaVu files. Its :meth:`~ReportRenderer.render` returns the PDF bytes of one report
model (:mod:`telemetry.report.model`), :meth:`~ReportRenderer.write` writes them
atomically; the module functions :func:`render_pdf` / :func:`write_pdf` do the same with
a renderer of their own (for a single report). The core (profile, scores, starters,
matches, CMS, reflections, session facts, attribution) is laid out on pages 1-2; the
appendix starts on a new page. Player text is made safe by :func:`safe_text`: control
characters removed, characters the font lacks replaced with U+FFFD, right-to-left runs put
in visual order (fpdf2's own shaping needs uharfbuzz, which is not a dependency).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.util import Padding

from telemetry.report.layout import (
    RINGS,
    bounded,
    fmt_interval,
    fmt_score,
    hex_point,
    matches_by_zone,
    pct,
    ring,
    score_polygon,
)
from telemetry.report.pdf_fonts import FONT_DIR, ReportFonts, wrap
from telemetry.report.pdf_parts import appendix, core_page_two, session_table
from telemetry.report.words import say, texts
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = [
    "build_pdf",
    "render_pdf",
    "write_pdf",
    "safe_text",
    "FONT_DIR",
    "ReportPDF",
    "ReportRenderer",
]

NAVY, GREY, LIGHT = (18, 58, 99), (74, 85, 102), (241, 244, 248)


def _visual_rtl(text: str) -> str:
    """Reverse runs of right-to-left characters (with their inner spaces) for display."""
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL") or (run and bidi in ("WS", "NSM", "ON", "CS", "EN", "AN")):
            run.append(ch)
            continue
        if run:
            tail: list[str] = []
            while run and unicodedata.bidirectional(run[-1]) not in ("R", "AL"):
                tail.insert(0, run.pop())
            out.extend(reversed(run))
            out.extend(tail)
            run = []
        out.append(ch)
    if run:
        tail = []
        while run and unicodedata.bidirectional(run[-1]) not in ("R", "AL"):
            tail.insert(0, run.pop())
        out.extend(reversed(run))
        out.extend(tail)
    return "".join(out)


class ReportPDF(FPDF):
    """FPDF with the report's fonts, header line, footer and a few drawing helpers.
    ``fonts`` are the parsed faces to share (parsed here when none are given)."""

    def __init__(self, rep: Mapping[str, Any], fonts: ReportFonts | None = None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.rep = rep
        self.t = texts(rep["language"])
        self.set_margins(14, 14, 14)
        self.set_auto_page_break(True, 16)
        fonts = fonts or ReportFonts()
        fonts.install(self)
        self.set_font("DejaVu", "", 9.5)
        self._cmap = fonts.cmap
        self.set_title(f"{self.t['title']}: {rep['player']['code']}")
        self.set_creator("Worktown")
        self.set_lang(rep["language"])
        self.core_pages = 0

    def safe(self, value: Any) -> str:
        """Text the embedded font can show (see module docstring)."""
        text = "" if value is None else str(value)
        text = "".join(ch if ch.isprintable() else " " for ch in text)
        text = "".join(ch if ord(ch) in self._cmap or ch == " " else "\ufffd" for ch in text)
        return _visual_rtl(text)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(
            0,
            4,
            self.safe(
                f"{self.t['title']} · {self.rep['player']['code']} · "
                f"{self.t['purpose'].split('.')[0]}."
            ),
            align="L",
        )
        self.cell(0, 4, say(self.rep["language"], "page", n=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)

    def h1(self, text: str) -> None:
        self.set_font("DejaVu", "B", 16)
        self.set_text_color(*NAVY)
        self.flow(0, 8, self.safe(text), XPos.LMARGIN)
        self.set_text_color(0, 0, 0)

    def h2(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", 11.5)
        self.set_text_color(*NAVY)
        self.cell(0, 6, self.safe(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_draw_color(201, 214, 230)
        self.set_line_width(0.5)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", "", 9.5)

    def h3(self, text: str) -> None:
        self.set_font("DejaVu", "B", 9.5)
        self.flow(0, 5, self.safe(text), XPos.LMARGIN)
        self.set_font("DejaVu", "", 9.5)

    def para(
        self,
        text: str,
        size: float = 9.5,
        h: float = 4.6,
        x: float | None = None,
        w: float = 0,
        bold: bool = False,
        colour: tuple[int, int, int] = (0, 0, 0),
    ) -> None:
        if x is not None:
            self.set_x(x)
        self.set_font("DejaVu", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.flow(w, h, self.safe(text), XPos.LMARGIN if x is None else XPos.LEFT)
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", "", 9.5)

    def bullet(self, text: str, size: float = 9.5, mark: str = "•") -> None:
        self.set_font("DejaVu", "", size)
        self.cell(5, 4.6, mark)
        self.flow(0, 4.6, self.safe(text), XPos.LMARGIN)

    def flow(self, w: float, h: float, text: str, new_x: XPos) -> None:
        """What ``multi_cell(w, h, text, align="L")`` prints, one ``cell`` per line
        (``multi_cell`` measures in quadratic time; :func:`wrap` breaks the same way)."""
        box = w or (self.w - self.r_margin - self.get_x())
        fits = self.get_string_width(text) <= box - 2 * self.c_margin
        lines = [text] if fits else wrap(self, text, box)
        for i, line in enumerate(lines):
            last = i == len(lines) - 1
            self.cell(box, h, line, new_x=new_x if last else XPos.LEFT, new_y=YPos.NEXT)

    def purpose_box(self) -> None:
        self.set_draw_color(183, 121, 31)
        self.set_fill_color(255, 248, 232)
        self.set_line_width(0.6)
        self.set_font("DejaVu", "B", 9.5)
        self.multi_cell(
            0,
            5,
            self.safe(self.t["purpose"]),
            border=1,
            fill=True,
            padding=Padding.new(1.5),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align="L",
        )
        self.set_font("DejaVu", "", 9.5)
        self.ln(1)


def _hexagon(pdf: ReportPDF, x: float, y: float, size: float) -> None:
    scores = pdf.rep["profile"]["scores"]
    c_x, c_y, r = x + size / 2, y + size / 2, size / 2 - 10
    pdf.set_line_width(0.15)
    pdf.set_draw_color(154, 166, 180)
    for level in RINGS:
        pdf.set_line_width(0.35 if level == 0 else 0.15)
        if level:
            pdf.set_dash_pattern(dash=0.8, gap=0.8)
        pdf.polygon(ring(level, c_x, c_y, r), style="D")
        pdf.set_dash_pattern()
    pdf.set_line_width(0.15)
    pdf.set_draw_color(196, 204, 214)
    for i in range(6):
        pdf.line(c_x, c_y, *hex_point(i, 2.5, c_x, c_y, r))
    pdf.set_draw_color(*NAVY)
    pdf.set_fill_color(200, 216, 234)
    pdf.set_line_width(0.6)
    pdf.polygon(score_polygon(scores, c_x, c_y, r), style="DF")
    pdf.set_draw_color(120, 150, 185)
    pdf.set_line_width(1.0)
    for i, s in enumerate(scores):
        pdf.line(*hex_point(i, s["low"], c_x, c_y, r), *hex_point(i, s["high"], c_x, c_y, r))
    pdf.set_fill_color(*NAVY)
    for i, s in enumerate(scores):
        px, py = hex_point(i, s["score"], c_x, c_y, r)
        pdf.circle(px, py, 0.9, style="F")
        lx, ly = hex_point(i, 2.5, c_x, c_y, r + 6.5)
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.set_xy(lx - 14, ly - 3.6)
        pdf.cell(28, 3.6, f"{s['letter']} {fmt_score(s['score'])}", align="C")
        pdf.set_font("DejaVu", "", 6.8)
        pdf.set_xy(lx - 14, ly)
        pdf.set_text_color(*GREY)
        pdf.cell(28, 3.2, pdf.safe(s["name"]), align="C")
        pdf.set_text_color(0, 0, 0)
    pdf.set_line_width(0.2)


def _scores_table(pdf: ReportPDF) -> None:
    t = pdf.t
    widths = (38, 16, 34, 46, 28, 20)
    heads = (t["col_type"], t["col_score"], t["col_interval"], "", t["col_top"], t["col_evidence"])
    pdf.set_font("DejaVu", "B", 8)
    pdf.set_fill_color(*LIGHT)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for w, h in zip(widths, heads, strict=True):
        pdf.set_xy(x, y0)
        pdf.multi_cell(w, 3.6, pdf.safe(h), fill=True, max_line_height=3.6, align="L")
        x += w
    pdf.set_y(y0 + 7.2)
    pdf.set_font("DejaVu", "", 9)
    for s in pdf.rep["profile"]["scores"]:
        y = pdf.get_y()
        cells = (
            f"{s['letter']}  {s['name']}",
            fmt_score(s["score"]),
            fmt_interval(s["low"], s["high"], t["interval_to"]),
            "",
            pct(s["first_probability"]),
            str(s["n_evidence"]),
        )
        x = pdf.l_margin
        for i, (w, text) in enumerate(zip(widths, cells, strict=True)):
            pdf.set_xy(x, y)
            pdf.cell(w, 5.4, pdf.safe(text), align="L" if i == 0 else "R" if i != 3 else "C")
            x += w
        bx, bw = pdf.l_margin + sum(widths[:3]) + 3, widths[3] - 6

        def pos(v: float, bx: float = bx, bw: float = bw) -> float:
            return bx + (min(max(v, -2.5), 2.5) + 2.5) / 5 * bw

        pdf.set_draw_color(207, 216, 227)
        pdf.set_fill_color(*LIGHT)
        pdf.rect(bx, y + 1.6, bw, 2.4, style="DF")
        pdf.set_fill_color(159, 185, 214)
        pdf.rect(pos(s["low"]), y + 1.8, max(0.3, pos(s["high"]) - pos(s["low"])), 2.0, style="F")
        pdf.set_fill_color(*NAVY)
        pdf.rect(pos(s["score"]) - 0.4, y + 1.1, 0.8, 3.4, style="F")
        pdf.set_draw_color(122, 134, 150)
        pdf.set_dash_pattern(dash=0.5, gap=0.5)
        pdf.line(pos(0), y + 0.8, pos(0), y + 4.8)
        pdf.set_dash_pattern()
        pdf.set_draw_color(221, 227, 234)
        pdf.line(pdf.l_margin, y + 5.4, pdf.l_margin + sum(widths), y + 5.4)
        pdf.set_y(y + 5.4)


def _page_one(pdf: ReportPDF) -> None:
    rep, t, lang = pdf.rep, pdf.t, pdf.rep["language"]
    prof = rep["profile"]
    pdf.h1(t["title"])
    pdf.para(t["subtitle"], colour=GREY)
    pdf.para(
        f"{t['player']}: {rep['player']['code']}    {t['generated']}: {rep['generated_at'][:10]}",
        size=9,
        colour=GREY,
    )
    pdf.purpose_box()
    pdf.h2(t["h_profile"])
    top = pdf.get_y()
    _hexagon(pdf, pdf.l_margin - 2, top, 64)
    x, w = pdf.l_margin + 72, pdf.epw - 72
    pdf.set_xy(x, top + 1)
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_text_color(*NAVY)
    pdf.cell(w, 10, prof["code"], new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.para(prof["code_names"], bold=True, x=x, w=w)
    pdf.para(prof["certainty"]["text"], size=8.8, h=4.2, x=x, w=w)
    for head, key in (("h_diff", "differentiation"), ("h_cons", "consistency")):
        pdf.ln(1)
        pdf.para(t[head], bold=True, x=x, w=w)
        pdf.para(prof[key]["text"], size=8.8, h=4.2, x=x, w=w)
    pdf.set_y(max(pdf.get_y(), top + 64))
    pdf.h2(t["h_scores"])
    _scores_table(pdf)
    pdf.para(
        say(lang, "scale_note", pct=round(100 * prof["interval"])), size=7.8, h=3.8, colour=GREY
    )
    pdf.h2(t["h_starters"])
    for s in rep["starters"]:
        pdf.bullet(s, size=8.8)
    session_table(pdf)


class ReportRenderer:
    """Makes the PDF of one report after another with the fonts parsed once. Create one
    per command run and pass it every player's report; it keeps nothing between reports
    but the parsed fonts."""

    def __init__(self, fonts: ReportFonts | None = None) -> None:
        self.fonts = fonts or ReportFonts()

    def build(self, rep: Mapping[str, Any]) -> ReportPDF:
        """The laid-out document; ``core_pages`` = pages before the appendix. Every
        string and list is bounded first (:func:`telemetry.report.layout.bounded`)."""
        rep = bounded(rep)
        pdf = ReportPDF(rep, self.fonts)
        pdf.add_page()
        _page_one(pdf)
        pdf.add_page()
        core_page_two(pdf, matches_by_zone(rep, 1, balance=False))
        pdf.core_pages = pdf.page_no()
        pdf.add_page()
        appendix(pdf, matches_by_zone(rep))
        return pdf

    def render(self, rep: Mapping[str, Any]) -> bytes:
        """The report PDF as bytes."""
        return bytes(self.build(rep).output())

    def write(self, path: Path | str, rep: Mapping[str, Any]) -> Path:
        """Write :meth:`render` to ``path`` atomically."""
        path = Path(path)
        atomic_write_bytes(path, self.render(rep))
        return path


def build_pdf(rep: Mapping[str, Any]) -> ReportPDF:
    """:meth:`ReportRenderer.build` for a single report."""
    return ReportRenderer().build(rep)


def render_pdf(rep: Mapping[str, Any]) -> bytes:
    """The report PDF as bytes (see module docstring)."""
    return ReportRenderer().render(rep)


def safe_text(rep: Mapping[str, Any], value: Any) -> str:
    """What :meth:`ReportPDF.safe` makes of ``value`` (for tests and other renderers)."""
    return ReportPDF(rep).safe(value)


def write_pdf(path: Path | str, rep: Mapping[str, Any]) -> Path:
    """Write :func:`render_pdf` to ``path`` atomically."""
    return ReportRenderer().write(path, rep)
