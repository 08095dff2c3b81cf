"""The class summary report (PDF and HTML) from :func:`telemetry.classroom.classes.class_summary`.

Called by the class command and the teacher panel. It reads only the aggregate model,
so it cannot show a single pupil's answers: suppressed counts arrive as ``None`` and are
printed as "fewer than 3". The PDF reuses the practitioner report's page machinery
(:class:`telemetry.report.pdf.ReportPDF`: DejaVu fonts, headings) and hexagon geometry
(:mod:`telemetry.report.layout`); the HTML is one self-contained file, every value
escaped. :func:`write_class_report` writes atomically and touches only the target.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fpdf.enums import XPos, YPos
from fpdf.util import Padding

from telemetry.report.layout import RINGS, fmt_score, hex_point, ring
from telemetry.report.pdf import GREY, NAVY, ReportPDF
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = ["render_class_pdf", "render_class_html", "write_class_report", "shown"]

PURPOSE = (
    "For exploration and discussion in class, never for selection. No single "
    "pupil's answers are shown; any group smaller than {n} pupils is hidden."
)
LEVEL_NAMES = {
    "none": "no evidence yet",
    "emerging": "emerging",
    "developing": "developing",
    "secure": "secure",
}


def shown(value: Any, n: int = 3) -> str:
    """A count as printed: the number, or 'fewer than n' when suppressed."""
    return f"fewer than {n}" if value is None else str(value)


def _band(b: Mapping[str, Any]) -> str:
    return f"{b['from']}+ min" if b["to"] is None else f"{b['from']}–{b['to']} min"


def _facts(m: Mapping[str, Any]) -> list[tuple[str, str]]:
    e = m["engagement"]

    def opt(v: Any, unit: str = "") -> str:
        return "— (too few pupils)" if v is None else f"{v}{unit}"

    return [
        ("Player codes handed out", str(m["players"])),
        ("Pupils who have played", str(m["played"])),
        ("Median minutes played", opt(e["median_minutes"])),
        ("Median challenges completed", opt(e["median_challenges"])),
        ("Total minutes (all pupils)", opt(e["total_minutes"])),
        ("Sessions (all pupils)", opt(e["sessions"])),
    ]


# ------------------------------------------------------------------------------- PDF


class _ClassPDF(ReportPDF):
    def __init__(self, model: Mapping[str, Any]) -> None:
        super().__init__({"language": "en", "player": {"code": model["class_code"]}})
        self.model = model
        self.set_title(f"Worktown class summary: {model['class_code']}")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(
            0,
            4,
            self.safe(f"Worktown class summary · {self.model['class_code']} · aggregate only"),
            align="L",
        )
        self.cell(0, 4, f"Page {self.page_no()}", align="R")
        self.set_text_color(0, 0, 0)

    def row(self, cells: Sequence[tuple[str, float]], bold: bool = False) -> None:
        self.set_font("DejaVu", "B" if bold else "", 9)
        if bold:
            self.set_fill_color(241, 244, 248)
        for text, w in cells:
            self.cell(w, 5.6, self.safe(text), border="B", fill=bold)
        self.ln(5.6)
        self.set_font("DejaVu", "", 9.5)


def _pdf_hexagon(
    pdf: _ClassPDF, scores: list[Mapping[str, Any]], x: float, y: float, size: float
) -> None:
    cx, cy, r = x + size / 2, y + size / 2, size / 2 - 10
    pdf.set_draw_color(154, 166, 180)
    for level in RINGS:
        pdf.set_line_width(0.35 if level == 0 else 0.15)
        pdf.polygon(ring(level, cx, cy, r), style="D")
    pdf.set_draw_color(*NAVY)
    pdf.set_fill_color(200, 216, 234)
    pdf.set_line_width(0.6)
    pdf.polygon([hex_point(i, s["score"], cx, cy, r) for i, s in enumerate(scores)], style="DF")
    pdf.set_line_width(0.2)
    for i, s in enumerate(scores):
        lx, ly = hex_point(i, 2.5, cx, cy, r + 6.5)
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.set_xy(lx - 16, ly - 3.6)
        pdf.cell(32, 3.6, f"{s['letter']} {fmt_score(s['score'])}", align="C")
        pdf.set_font("DejaVu", "", 6.8)
        pdf.set_xy(lx - 16, ly)
        pdf.cell(32, 3.2, pdf.safe(s["name"]), align="C")


def render_class_pdf(model: Mapping[str, Any]) -> bytes:
    """The class summary as PDF bytes."""
    pdf = _ClassPDF(model)
    n = model["min_cell"]
    pdf.add_page()
    pdf.h1(f"Class summary: {model['class_code']}")
    pdf.para(f"Made {model['generated_at'][:10]} by Worktown.", colour=GREY)
    pdf.set_draw_color(183, 121, 31)
    pdf.set_fill_color(255, 248, 232)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(
        0,
        5,
        PURPOSE.format(n=n),
        border=1,
        fill=True,
        padding=Padding.new(1.5),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.h2("Participation and engagement")
    for label, value in _facts(model):
        pdf.row([(label, 90), (value, 60)])
    pdf.ln(2)
    pdf.row([("Minutes played", 50), ("Pupils", 40)], bold=True)
    for b in model["engagement"]["minute_bands"]:
        pdf.row([(_band(b), 50), (shown(b["count"], n), 40)])
    if model["engagement"]["districts"]:
        pdf.ln(2)
        pdf.row([("District visited", 90), ("Pupils", 40)], bold=True)
        for d in model["engagement"]["districts"]:
            pdf.row([(d["name"], 90), (shown(d["pupils"], n), 40)])
    pdf.h2("Class average interest profile")
    if model["average"]:
        top = pdf.get_y()
        _pdf_hexagon(pdf, model["average"], pdf.l_margin, top, 70)
        pdf.set_xy(pdf.l_margin + 78, top + 6)
        pdf.para(
            "The average of every pupil's six interest scores (centre −2.5, rim +2.5; "
            "the solid ring is 0). A class average hides the variety inside the class: "
            "read it with the distribution below.",
            x=pdf.l_margin + 78,
            w=100,
        )
        pdf.set_y(top + 72)
    else:
        pdf.para(f"Hidden: fewer than {n} pupils have played.")
    pdf.h2("Holland codes: strongest interest type")
    pdf.row([("Type", 60), ("District", 60), ("Pupils", 40)], bold=True)
    for r in model["first_letters"]:
        pdf.row(
            [(f"{r['letter']} {r['name']}", 60), (r["district"], 60), (shown(r["count"], n), 40)]
        )
    if model["codes"] or model["other_codes"]:
        pdf.ln(2)
        pdf.row([("Three-letter code", 100), ("Pupils", 40)], bold=True)
        for c in model["codes"]:
            pdf.row([(f"{c['code']} ({c['names']})", 100), (str(c["count"]), 40)])
        if model["other_codes"]:
            pdf.row(
                [(f"Other codes, each fewer than {n} pupils", 100), (str(model["other_codes"]), 40)]
            )
    pdf.h2("Career management skills: coverage")
    pdf.para("How many pupils have evidence of each competence so far, by level.", colour=GREY)
    widths = (62, 24, 22, 22, 22, 22)
    pdf.row(
        [("Competence", widths[0]), ("Any evidence", widths[1])]
        + [
            (LEVEL_NAMES[k].split()[0] if k != "none" else "none", w)
            for k, w in zip(("none", "emerging", "developing", "secure"), widths[2:], strict=True)
        ],
        bold=True,
    )
    for c in model["cms"]:
        pdf.row(
            [(f"{c['name']} ({c['theme']})", widths[0]), (shown(c["evidenced"], n), widths[1])]
            + [
                (shown(c["levels"][k], n), w)
                for k, w in zip(
                    ("none", "emerging", "developing", "secure"), widths[2:], strict=True
                )
            ]
        )
    return bytes(pdf.output())


# ------------------------------------------------------------------------------ HTML

_CSS = """body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1d2430;margin:0;
background:#eef1f5;font-size:10.5pt}.page{background:#fff;max-width:210mm;margin:12px auto;
padding:14mm}h1{color:#123a63;margin:0}h2{color:#123a63;border-bottom:2px solid #c9d6e6}
table{border-collapse:collapse;margin:6px 0}th,td{text-align:left;padding:3px 8px;
border-bottom:1px solid #dde3ea}th{background:#f1f4f8}.purpose{border:2px solid #b7791f;
background:#fff8e8;padding:6px 10px;font-weight:bold}.sub{color:#4a5566}"""


def _table(head: list[str], rows: list[list[Any]]) -> str:
    e = html.escape
    out = ["<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in rows]
    return "".join(out) + "</table>"


def _svg_hexagon(scores: list[Mapping[str, Any]]) -> str:
    cx = cy = 130
    r = 95
    parts = [
        '<svg width="260" height="260" viewBox="0 0 260 260" role="img" '
        'aria-label="class average hexagon">'
    ]
    for level in RINGS:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in ring(level, cx, cy, r))
        parts.append(
            f'<polygon points="{pts}" fill="none" stroke="#9aa6b4" '
            f'stroke-width="{1.2 if level == 0 else 0.5}"/>'
        )
    pts = " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (hex_point(i, s["score"], cx, cy, r) for i, s in enumerate(scores))
    )
    parts.append(f'<polygon points="{pts}" fill="#c8d8ea" stroke="#123a63" stroke-width="2"/>')
    for i, s in enumerate(scores):
        x, y = hex_point(i, 2.5, cx, cy, r + 18)
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="11" '
            f'font-weight="bold">{html.escape(s["letter"])} '
            f"{html.escape(fmt_score(s['score']))}</text>"
        )
    return "".join(parts) + "</svg>"


def render_class_html(model: Mapping[str, Any]) -> str:
    """The class summary as one self-contained HTML page (no scripts)."""
    e = html.escape
    n = model["min_cell"]
    body = [
        f"<h1>Class summary: {e(model['class_code'])}</h1>",
        f"<p class='sub'>Made {e(model['generated_at'][:10])} by Worktown.</p>",
        f"<p class='purpose'>{e(PURPOSE.format(n=n))}</p>",
        "<h2>Participation and engagement</h2>",
        _table(["", ""], [list(f) for f in _facts(model)]),
        _table(
            ["Minutes played", "Pupils"],
            [[_band(b), shown(b["count"], n)] for b in model["engagement"]["minute_bands"]],
        ),
    ]
    if model["engagement"]["districts"]:
        body.append(
            _table(
                ["District visited", "Pupils"],
                [[d["name"], shown(d["pupils"], n)] for d in model["engagement"]["districts"]],
            )
        )
    body.append("<h2>Class average interest profile</h2>")
    body.append(
        _svg_hexagon(model["average"])
        if model["average"]
        else f"<p>Hidden: fewer than {n} pupils have played.</p>"
    )
    body.append("<h2>Holland codes: strongest interest type</h2>")
    body.append(
        _table(
            ["Type", "District", "Pupils"],
            [
                [f"{r['letter']} {r['name']}", r["district"], shown(r["count"], n)]
                for r in model["first_letters"]
            ],
        )
    )
    rows = [[f"{c['code']} ({c['names']})", c["count"]] for c in model["codes"]]
    if model["other_codes"]:
        rows.append([f"Other codes, each fewer than {n} pupils", model["other_codes"]])
    if rows:
        body.append(_table(["Three-letter code", "Pupils"], rows))
    body.append("<h2>Career management skills: coverage</h2>")
    levels = ("none", "emerging", "developing", "secure")
    body.append(
        _table(
            ["Competence", "Any evidence", *[LEVEL_NAMES[k] for k in levels]],
            [
                [
                    f"{c['name']} ({c['theme']})",
                    shown(c["evidenced"], n),
                    *[shown(c["levels"][k], n) for k in levels],
                ]
                for c in model["cms"]
            ],
        )
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Worktown class summary: {e(model['class_code'])}</title>"
        f"<style>{_CSS}</style></head><body><div class='page'>{''.join(body)}</div></body></html>"
    )


def write_class_report(path: Path | str, model: Mapping[str, Any], fmt: str) -> Path:
    """Write the summary as ``pdf`` or ``html`` (atomic). Returns the path."""
    path = Path(path)
    data = render_class_pdf(model) if fmt == "pdf" else render_class_html(model).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    return path
