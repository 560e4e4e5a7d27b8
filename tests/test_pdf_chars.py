"""pdf_chars: characters read run by run are those a one-by-one reading gives.

The reader asks PDFium for every character's text object and origin in two sweeps and
builds each text object's run at once; `one_by_one` below is the plain loop it replaced
(one character at a time, each asked for its object, origin and width), kept here as
the reference. The rare paths are drawn on purpose: turned and mirrored text, a scaled
and spaced line, fonts changing inside a line, and a TrueType font's ligatures.
"""

from __future__ import annotations

import ctypes
import random
from itertools import compress, filterfalse, groupby
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pipeline.readers import pdf_chars
from pipeline.readers.pdf_chars import Char, CharReader

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def one_by_one(reader: CharReader) -> list[Char]:
    """The characters as the per-character loop read them (the reference)."""
    raw, current = reader.textpage.raw, None
    chars: list[Char] = []
    count = pdfium_c.FPDFText_CountChars(raw)
    text = pdf_chars._page_text(reader.textpage, count)
    box, x, y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    for index in range(count):
        char = text[index] if text is not None else chr(
            pdfium_c.FPDFText_GetUnicode(raw, index)).translate(pdf_chars._HYPHEN_MARKS)
        if char.isspace() and pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        obj = pdfium_c.FPDFText_GetTextObject(raw, index)
        if not obj:
            continue
        handle = ctypes.cast(obj, ctypes.c_void_p).value
        same = handle == current
        if not same:
            current, style = handle, reader._style(index, handle)
        if style.rotated:
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
            c_top, c_bottom = reader.page_top - box.top, reader.page_top - box.bottom
            chars.append((char, box.left, box.right, c_top, c_bottom, c_bottom - c_top,
                          style.font, style.upright))
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        known = reader._widths(style).get(char)
        if same and x.value == chars[-1][1]:  # one glyph, two characters
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
            x1 = box.right
            last = chars[-1]
            chars[-1] = (*last[:2], max(x1, last[2]), *last[3:])
        elif known is not None and known[1]:
            x1 = x.value + known[0] * style.x_scale
        else:
            x1 = reader._right(index, char, x.value, style)
        chars.append((char, x.value, x1, style.top, style.bottom, style.size, style.font,
                      style.upright))
    return chars


def draw_rare(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if DEJAVU.exists():
        pdfmetrics.registerFont(TTFont("DejaVuTest", str(DEJAVU)))
        pdf.setFont("DejaVuTest", 11)
        pdf.drawString(72, 800, "The \ufb01nance o\ufb03cer\u2019s \ufb02at: e\ufb03cient.")
    for angle, (x, y) in ((90, (300, 500)), (30, (300, 300))):
        pdf.saveState()
        pdf.translate(x, y)
        pdf.rotate(angle)
        pdf.setFont("Helvetica", 12)
        pdf.drawString(0, 0, f"Turned {angle} degrees")
        pdf.restoreState()
    pdf.saveState()
    pdf.translate(500, 200)
    pdf.scale(-1, 1)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(0, 0, "Mirrored")
    pdf.restoreState()
    text = pdf.beginText(72, 700)
    text.setFont("Helvetica-Oblique", 10)
    text.setHorizScale(80)
    text.setCharSpace(1.5)
    text.textLine("Scaled and spaced: kfk fluffy staff \U0001d538 beyond the BMP")
    text.setFont("Times-Roman", 12)
    text.textOut("Same ")
    text.setFont("Times-Bold", 12)
    text.textOut("line ")
    text.setFont("Times-Roman", 12)
    text.textOut("mixed   fonts\tand a tab")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return path


def test_runs_read_as_one_by_one(tmp_path: Path) -> None:
    path = draw_rare(tmp_path / "rare.pdf")
    doc = pdfium.PdfDocument(path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        top = page.get_mediabox()[3]
        got = CharReader(textpage, top).read()
        assert got == one_by_one(CharReader(textpage, top))
        assert any(not c[-1] for c in got) and len(got) > 100  # some not upright
    finally:
        doc.close()


def test_runs_leave_out_and_join_as_the_loop_did() -> None:
    """Characters without an object, or made up, are left out; a text object's
    characters on both sides of them are one run."""
    rng = random.Random(16)
    for _ in range(300):
        objects = [rng.choice([None, 11, 12, 13]) for _ in range(rng.randint(1, 40))]
        spaces = {i for i in range(len(objects)) if rng.random() < 0.2}
        generated = {i for i in spaces if objects[i] is not None and rng.random() < 0.5}
        kept = filterfalse(generated.__contains__, compress(range(len(objects)), objects))
        expected = [(obj, list(run)) for obj, run in groupby(kept, objects.__getitem__)]
        got = [(obj, list(run)) for obj, run in pdf_chars._runs(objects, generated)]
        assert got == expected


@pytest.mark.parametrize("bulk", [True, False])
def test_page_text_or_unicode_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          bulk: bool) -> None:
    path = draw_rare(tmp_path / "rare.pdf")
    if not bulk:
        monkeypatch.setattr(pdf_chars, "_page_text", lambda textpage, count: None)
    doc = pdfium.PdfDocument(path)
    try:
        page = doc[0]
        textpage = page.get_textpage()
        top = page.get_mediabox()[3]
        assert CharReader(textpage, top).read() == one_by_one(CharReader(textpage, top))
    finally:
        doc.close()
