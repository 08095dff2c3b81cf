"""A tiny text extractor for the PDFs fpdf2 writes (Type0 fonts, ToUnicode maps), so the
tests can read a report's words without poppler or pypdf. Not a general PDF parser."""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(?:^|\n)(\d+) 0 obj\s*")


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    out: dict[int, tuple[bytes, bytes | None]] = {}
    for m in _OBJ.finditer(data):
        start = m.end()
        end = data.index(b"endobj", start)
        body = data[start:end]
        cut = body.find(b"stream")
        if cut < 0:
            out[int(m.group(1))] = (body, None)
            continue
        head = body[:cut]
        length = int(re.search(rb"/Length (\d+)", head).group(1))
        first = start + cut + len(b"stream")
        first += 2 if data[first : first + 2] == b"\r\n" else 1
        end = data.index(b"endobj", first + length)
        out[int(m.group(1))] = (head, data[first : first + length])
    return out


def _unescape(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i]
        if c == 0x5C:  # backslash
            i += 1
            n = raw[i : i + 1]
            if n.isdigit():
                m = re.match(rb"[0-7]{1,3}", raw[i:])
                out.append(int(m.group(0), 8))
                i += len(m.group(0))
                continue
            out.extend({b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(n, n))
        else:
            out.append(c)
        i += 1
    return bytes(out)


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, in drawing order."""
    objs = _objects(data)

    def stream(num: int) -> bytes:
        d, s = objs[num]
        return zlib.decompress(s) if b"FlateDecode" in d else s

    fonts: dict[bytes, dict[int, str]] = {}
    for d, _ in objs.values():
        for name, num in re.findall(rb"/(F\d+) (\d+) 0 R", d):
            tu = re.search(rb"/ToUnicode (\d+) 0 R", objs[int(num)][0])
            if tu and name not in fonts:
                cmap = stream(int(tu.group(1)))
                table: dict[int, str] = {}
                for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
                    for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                        table[int(a, 16)] = chr(int(b, 16))
                for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
                    for lo, hi, dst in re.findall(
                        rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
                    ):
                        for k in range(int(lo, 16), int(hi, 16) + 1):
                            table[k] = chr(int(dst, 16) + k - int(lo, 16))
                fonts[name] = table
    pages = []
    for d, _ in objs.values():
        if re.search(rb"/Type /Page\b", d):
            contents = re.search(rb"/Contents (\d+) 0 R", d)
            if not contents:
                continue
            text, font = [], {}
            ops = re.compile(rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj|\[(.*?)\] TJ", re.S)
            for m in ops.finditer(stream(int(contents.group(1)))):
                if m.group(1):
                    font = fonts.get(m.group(1), {})
                    continue
                if m.group(2) is not None:
                    parts = [m.group(2)]
                else:
                    parts = re.findall(rb"\(((?:\\.|[^\\)])*)\)", m.group(3), re.S)
                raw = b"".join(_unescape(p) for p in parts)
                text.append(
                    "".join(
                        font.get(int.from_bytes(raw[i : i + 2], "big"), "?")
                        for i in range(0, len(raw) - 1, 2)
                    )
                )
            pages.append("\n".join(text))
    return pages
