#!/usr/bin/env python3
"""Render the fictional Fernley sample corpus into DOCX, PDF, HTML and RTF.

    .venv/bin/python corpus/render.py            # from the project root
    .venv/bin/python corpus/render.py NAME ...   # only the named papers (stems)

Each ``corpus/NAME.txt`` is parsed into blocks (headings, paragraphs, bullets,
tables) and written as ``corpus/docx/NAME.docx`` (python-docx),
``corpus/pdf/NAME.pdf`` (reportlab platypus), ``corpus/html/NAME.html``
(a ModernGov-style page) and ``corpus/rtf/NAME.rtf`` (RTF as Word writes it). The .txt files are the source of truth; the other
three formats can always be regenerated from them.

Text conventions in the .txt files:

- ``**bold**`` marks bold text;
- lines with tab-separated cells are table rows; a row whose first cell is
  empty continues the wrapped cells of the row above and is merged into it;
- ``- `` starts a bullet;
- upper-case lines, numbered item headings (``23. Title:``, ``Item 1 – Title``,
  ``45/24 Title``, ``5a Title``, ``4.1 Title``) and short stand-alone lines
  are headings;
- paragraphs are single lines separated by blank lines;
- a line holding only a form feed (``\f``) is a page break: an agenda pack
  (``corpus/packs/NAME.txt``, rendered into ``corpus/packs/docx/`` ...) puts one
  between its papers. DOCX gets a Word page break, PDF a new page; HTML has no
  pages, so each paper becomes a ``<div class="mgPackPaper">`` section.

Output is deterministic as far as the libraries allow: DOCX core properties
carry fixed dates and the DOCX zip is rewritten with fixed timestamps;
reportlab runs with ``invariant=1`` (fixed dates and document id).

Dependencies: python-docx, reportlab (lxml comes with python-docx).
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
COUNCIL = "London Borough of Fernley"
SITE = "https://democracy.fernley.example.gov.uk"
# Other fictional councils (a paper's META "council"): their site and address.
COUNCILS = {COUNCIL: (SITE, "Fernley Civic Centre, Station Parade, Fernley"),
            "Kelmere District Council": ("https://democracy.kelmere.example.gov.uk",
                                         "Kelmere House, Market Street, Kelmere")}

# Per-paper facts used for running headers, page titles and document metadata.
META = {
    "fernley_hwb_minutes_2024-03-14": {
        "kind": "Minutes", "body": "Fernley Health and Wellbeing Board",
        "date": "Thursday, 14th March 2024", "created": (2024, 3, 18, 9, 30),
        "title": "Minutes of the Fernley Health and Wellbeing Board, 14 March 2024"},
    "fernley_csp_minutes_2024-03-13": {
        "kind": "Minutes", "body": "Safer Fernley Partnership",
        "date": "Wednesday, 13th March 2024", "created": (2024, 3, 20, 11, 0),
        "title": "Minutes of the Safer Fernley Partnership, 13 March 2024"},
    "fernley_osc_minutes_2024-02-06": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 6th February 2024", "created": (2024, 2, 12, 14, 15),
        "title": "Minutes of the Overview and Scrutiny Committee, 6 February 2024"},
    "fernley_hwb_report_2024-03-14": {
        "kind": "Report", "body": "Fernley Health and Wellbeing Board",
        "date": "Thursday, 14th March 2024", "created": (2024, 3, 4, 10, 0),
        "title": "Partnership Governance Review"},
    "fernley_planning_agenda_2024-04-09": {
        "kind": "Agenda", "body": "Planning Committee",
        "date": "Tuesday, 9th April 2024", "created": (2024, 3, 28, 16, 45),
        "title": "Agenda of the Planning Committee, 9 April 2024"},
    "fernley_cabinet_item_2024-01-23": {
        "kind": "Minutes", "body": "Cabinet",
        "date": "Tuesday, 23rd January 2024", "created": (2024, 1, 25, 12, 0),
        "title": "Safer Fernley Partnership Annual Report 2022/23"},
    "fernley_council_minutes_2024-05-22": {
        "kind": "Minutes", "body": "Council",
        "date": "Wednesday, 22nd May 2024", "created": (2024, 5, 28, 10, 30),
        "title": "Minutes of the Council, 22 May 2024"},
    # Agenda packs (corpus/packs/): the running header and page title are the cover's.
    "fernley_planning_pack_2024-04-09": {
        "kind": "Agenda", "body": "Planning Committee",
        "date": "Tuesday, 9th April 2024", "created": (2024, 3, 28, 17, 0),
        "title": "Agenda reports pack of the Planning Committee, 9 April 2024"},
    "fernley_hwb_pack_2024-07-11": {
        "kind": "Agenda", "body": "Fernley Health and Wellbeing Board",
        "date": "Thursday, 11th July 2024", "created": (2024, 7, 3, 12, 0),
        "title": "Agenda reports pack of the Fernley Health and Wellbeing Board, 11 July 2024"},
    # A series (corpus/series/): the same committees over 2023-2024, and a second authority.
    "fernley_licensing_minutes_2023-06-28": {
        "kind": "Minutes", "body": "Licensing Committee",
        "date": "Wednesday, 28th June 2023", "created": (2023, 7, 4, 10, 0),
        "title": "Minutes of the Licensing Committee, 28 June 2023"},
    "fernley_licensing_minutes_2023-11-15": {
        "kind": "Minutes", "body": "Licensing Committee",
        "date": "Wednesday, 15th November 2023", "created": (2023, 11, 21, 10, 0),
        "title": "Minutes of the Licensing Committee, 15 November 2023"},
    "fernley_licensing_minutes_2024-07-17": {
        "kind": "Minutes", "body": "Licensing Committee",
        "date": "Wednesday, 17th July 2024", "created": (2024, 7, 23, 10, 0),
        "title": "Minutes of the Licensing Committee, 17 July 2024"},
    "fernley_licensing_minutes_2024-10-23": {
        "kind": "Minutes", "body": "Licensing Committee",
        "date": "Wednesday, 23rd October 2024", "created": (2024, 10, 29, 10, 0),
        "title": "Minutes of the Licensing Committee, 23 October 2024"},
    "fernley_osc_minutes_2023-07-11": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 11th July 2023", "created": (2023, 7, 17, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 11 July 2023"},
    "fernley_osc_minutes_2023-10-03": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 3rd October 2023", "created": (2023, 10, 9, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 3 October 2023"},
    "fernley_osc_minutes_2024-03-19": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 19th March 2024", "created": (2024, 3, 25, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 19 March 2024"},
    "fernley_osc_minutes_2024-06-25": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 25th June 2024", "created": (2024, 7, 1, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 25 June 2024"},
    "fernley_osc_minutes_2024-09-17": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 17th September 2024", "created": (2024, 9, 23, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 17 September 2024"},
    "fernley_osc_minutes_2024-11-26": {
        "kind": "Minutes", "body": "Overview and Scrutiny Committee",
        "date": "Tuesday, 26th November 2024", "created": (2024, 12, 2, 10, 0),
        "title": "Minutes of the Overview and Scrutiny Committee, 26 November 2024"},
    "kelmere_audit_minutes_2023-07-26": {
        "kind": "Minutes", "body": "Audit Committee", "council": "Kelmere District Council",
        "date": "Wednesday, 26th July 2023", "created": (2023, 8, 1, 10, 0),
        "title": "Minutes of the Audit Committee, 26 July 2023"},
    "kelmere_audit_minutes_2024-01-24": {
        "kind": "Minutes", "body": "Audit Committee", "council": "Kelmere District Council",
        "date": "Wednesday, 24th January 2024", "created": (2024, 1, 30, 10, 0),
        "title": "Minutes of the Audit Committee, 24 January 2024"},
    "kelmere_audit_minutes_2024-07-24": {
        "kind": "Minutes", "body": "Audit Committee", "council": "Kelmere District Council",
        "date": "Wednesday, 24th July 2024", "created": (2024, 7, 30, 10, 0),
        "title": "Minutes of the Audit Committee, 24 July 2024"},
}

# Lines that the heading rules would catch but that are not headings (and the reverse).
NOT_HEADINGS: set[str] = set()
FORCE_HEADINGS: dict[str, int] = {
    "Overview and Scrutiny Committee": 1,
    "Cabinet - Tuesday 23rd January 2024": 1,
    "Safer Fernley Partnership Annual Report 2022/23": 2,
}

# Known header-row cells: a table whose first row is made only of these has a header row.
HEADER_CELLS = {"name", "role", "organisation", "ordinary member", "reserve member",
                "board or group", "chair", "meetings per year"}

DECISION_KEYWORD = re.compile(r"^(RESOLVED|AGREED|DECIDED|NOTED|RECOMMENDED)\b")
ITEM_HEADING = re.compile(r"^(?:\d{1,3}\.\s+\S|Item\s+\d+\b|\d{1,3}/\d{2}\s+\S)")
SUB_HEADING = re.compile(r"^(?:\d{1,3}[a-z]\s+[A-Z]|\d{1,3}\.\d{1,2}\s+\S)")
LABEL = re.compile(r"^((?!That |The )[A-Z][A-Za-z']*(?: [A-Za-z']+){0,3}:)(\s|$)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b")


# ---------------------------------------------------------------- parsing

@dataclass
class Block:
    kind: str                    # title, h1, h2, h3, para, bullet, table, pagebreak
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header: bool = False


def plain(text: str) -> str:
    return text.replace("**", "")


def heading_level(line: str, first: bool) -> int | None:
    """0 for the Title, 1-3 for Heading 1-3, None for body text."""
    text = plain(line).strip()
    if text in NOT_HEADINGS:
        return None
    if text in FORCE_HEADINGS:
        return FORCE_HEADINGS[text]
    if DECISION_KEYWORD.match(text) or text.startswith(("-", "(")):
        return None
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(words) <= 14:
        return 0 if first else 1
    ends_sentence = text[-1] in ".;!?"
    if ITEM_HEADING.match(text) and not ends_sentence and len(words) <= 14:
        return 2
    if SUB_HEADING.match(text) and not ends_sentence and len(words) <= 14:
        return 3
    if (len(words) <= 8 and text[0].isupper() and text[-1] not in ".:;,!?"
            and not any(mark in text for mark in ",:(") and not line.startswith("**")):
        return 0 if first else 3
    return None


def merge_rows(lines: list[str]) -> list[list[str]]:
    """Table rows from tab-separated lines; an empty first cell continues the row above."""
    rows: list[list[str]] = []
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if rows and not cells[0]:
            above = rows[-1]
            above.extend([""] * (len(cells) - len(above)))
            for i, cell in enumerate(cells):
                if cell:
                    above[i] = f"{above[i]} {cell}".strip()
        else:
            rows.append(cells)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    table: list[str] = []

    def flush_table() -> None:
        if table:
            rows = merge_rows(table)
            header = len(rows) > 1 and all(plain(c).strip().lower() in HEADER_CELLS
                                           for c in rows[0])
            blocks.append(Block("table", rows=rows, header=header))
            table.clear()

    first = True  # the next heading-like line opens a paper (its Title)
    # split on newlines only: str.splitlines() would also split at the form feed
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()  # (this strips a form feed too: test `raw`)
        if "\f" in raw:
            if raw.replace("\f", "").strip():
                raise ValueError(f"a form feed must stand on a line of its own: {raw!r}")
            flush_table()
            blocks.append(Block("pagebreak"))
            first = True
            continue
        if "\t" in line:
            table.append(line)
            continue
        flush_table()
        if not line.strip():
            continue
        if line.startswith("- "):
            blocks.append(Block("bullet", line[2:].strip()))
            first = False
            continue
        level = heading_level(line, first=first)
        first = False
        if level is None:
            blocks.append(Block("para", line.strip()))
        else:
            blocks.append(Block(("title", "h1", "h2", "h3")[level], plain(line).strip()))
    flush_table()
    return blocks


def runs(text: str) -> list[tuple[str, bool]]:
    """(text, bold) segments: ``**x**`` is bold, as is a leading label or decision keyword."""
    if "**" not in text:
        keyword = DECISION_KEYWORD.match(text)
        label = LABEL.match(text)
        if keyword:
            end = keyword.end()
            if text[end:end + 1] == ":":
                end += 1
            text = f"**{text[:end]}**{text[end:]}"
        elif label:
            text = f"**{label.group(1)}**{text[label.end(1):]}"
    parts: list[tuple[str, bool]] = []
    pos = 0
    for found in BOLD.finditer(text):
        if found.start() > pos:
            parts.append((text[pos:found.start()], False))
        parts.append((found.group(1), True))
        pos = found.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


def council(stem: str) -> str:
    return META[stem].get("council", COUNCIL)


def header_text(stem: str) -> str:
    return f"{council(stem)} - {META[stem]['body']}"


# ---------------------------------------------------------------- DOCX

def write_docx(stem: str, blocks: list[Block], path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    meta = META[stem]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12)):
        style = doc.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), "Arial")
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)

    header = section.header.paragraphs[0]
    header.text = header_text(stem)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field_run(paragraph, instruction: str) -> None:
        for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                           ("result", "1"), ("end", None)):
            run = paragraph.add_run()
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = f" {text} "
            elif kind == "result":
                element = OxmlElement("w:t")
                element.text = text
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._r.append(element)

    footer.add_run("Page ")
    field_run(footer, "PAGE")
    footer.add_run(" of ")
    field_run(footer, "NUMPAGES")

    def add_runs(paragraph, text: str) -> None:
        for part, bold in runs(text):
            run = paragraph.add_run(part)
            run.bold = bold or None

    styles = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3"}
    for block in blocks:
        if block.kind == "pagebreak":
            doc.add_page_break()  # a paragraph holding <w:br w:type="page"/>
        elif block.kind in styles:
            doc.add_paragraph(block.text, style=styles[block.kind])
        elif block.kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), block.text)
        elif block.kind == "para":
            paragraph = doc.add_paragraph()
            if re.match(r"^\((\d+|[a-z])\)\s", block.text):
                paragraph.paragraph_format.left_indent = Cm(1.0)
                paragraph.paragraph_format.first_line_indent = Cm(-0.8)
            add_runs(paragraph, block.text)
        else:
            width = len(block.rows[0])
            table = doc.add_table(rows=0, cols=width)
            table.style = doc.styles["Table Grid"]
            for r, row in enumerate(block.rows):
                cells = table.add_row().cells
                for c, value in enumerate(row):
                    paragraph = cells[c].paragraphs[0]
                    for part, bold in runs(value) if value else ():
                        run = paragraph.add_run(part)
                        run.bold = True if (block.header and r == 0) or bold else None
            doc.add_paragraph()

    created = _dt.datetime(*meta["created"], tzinfo=_dt.UTC)
    props = doc.core_properties
    props.author = f"Democratic Services, {council(stem)}"
    props.last_modified_by = f"Democratic Services, {council(stem)}"
    props.title = meta["title"]
    props.subject = meta["body"]
    props.keywords = meta["kind"].lower()
    props.comments = "Fictional sample paper rendered by corpus/render.py"
    props.category = meta["kind"]
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1

    buffer = io.BytesIO()
    doc.save(buffer)
    _write_stable_zip(buffer.getvalue(), path)


def _rtf(text: str) -> str:
    """Text as RTF: the three special characters escaped, anything past ASCII as \\uN."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def _rtf_runs(text: str) -> str:
    return "".join(f"{{\\b {_rtf(part)}}}" if bold else _rtf(part) for part, bold in runs(text))


def write_rtf(stem: str, blocks: list[Block], path: Path) -> None:
    """The paper as Word writes RTF: a stylesheet with Title and Heading 1-3, header and
    footer groups, list bullets in \\listtext groups, tables as \\trowd ... \\cell ... \\row."""
    meta = META[stem]
    out = [r"{\rtf1\ansi\ansicpg1252\deff0\uc1",
           r"{\fonttbl{\f0\fswiss\fcharset0 Arial;}}",
           r"{\stylesheet{\s0\f0\fs22 Normal;}{\s1\b\fs30 heading 1;}{\s2\b\fs26 heading 2;}"
           r"{\s3\b\fs24 heading 3;}{\s15\b\fs36 Title;}{\s20\fi-360\li720 List Bullet;}}",
           f"{{\\info{{\\title {_rtf(meta['title'])}}}{{\\author Democratic Services, "
           f"{_rtf(council(stem))}}}}}",
           f"{{\\header\\pard\\plain\\qr {_rtf(header_text(stem))}\\par}}",
           r"{\footer\pard\plain\qc Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"]
    styles = {"title": 15, "h1": 1, "h2": 2, "h3": 3}
    for block in blocks:
        if block.kind == "pagebreak":
            out.append(r"\page")
        elif block.kind in styles:
            number = styles[block.kind]
            out.append(f"\\pard\\plain\\s{number}\\b {_rtf(block.text)}\\par")
        elif block.kind == "bullet":
            out.append(r"\pard\plain\s20{\listtext\pard\plain \u8226?\tab}\ls1\ilvl0 "
                       f"{_rtf_runs(block.text)}\\par")
        elif block.kind == "para":
            out.append(f"\\pard\\plain {_rtf_runs(block.text)}\\par")
        else:
            width = len(block.rows[0])
            edges = "".join(f"\\cellx{9000 * (c + 1) // width}" for c in range(width))
            for r, row in enumerate(block.rows):
                bold = block.header and r == 0
                cells = "".join(
                    (f"{{\\b {_rtf(plain(value))}}}" if bold else _rtf_runs(value)) + r"\cell "
                    for value in row)
                out.append(f"\\trowd{edges}\\pard\\plain\\intbl {cells}\\row")
            out.append(r"\pard\plain\par")
    out.append("}")
    path.write_text("\n".join(out) + "\n", encoding="ascii")


def _write_stable_zip(data: bytes, path: Path) -> None:
    """Rewrite a zip with fixed timestamps and attributes so that reruns give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename))
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- PDF

def write_pdf(stem: str, blocks: list[Block], path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as pdfcanvas
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    meta = META[stem]
    running_header = header_text(stem)

    class NumberedCanvas(pdfcanvas.Canvas):
        """Defers page output so that every page can say "Page N of M"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont("Helvetica", 9)
            self.drawRightString(width - 2.2 * cm, height - 1.3 * cm, running_header)
            self.setLineWidth(0.4)
            self.line(2.2 * cm, height - 1.45 * cm, width - 2.2 * cm, height - 1.45 * cm)
            self.drawCentredString(width / 2, 1.2 * cm, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    base = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14,
                          spaceAfter=6, alignment=TA_LEFT)
    styles = {
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold",
                                fontSize=17, leading=21, spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=base, fontName="Helvetica-Bold", fontSize=14,
                             leading=18, spaceBefore=8, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName="Helvetica-Bold", fontSize=12.5,
                             leading=16, spaceBefore=8, spaceAfter=6),
        "h3": ParagraphStyle("h3", parent=base, fontName="Helvetica-Bold", fontSize=11.5,
                             leading=15, spaceBefore=6, spaceAfter=4),
        "para": base,
        "part": ParagraphStyle("part", parent=base, leftIndent=28, firstLineIndent=-22),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
    }

    def markup(text: str) -> str:
        out = []
        for part, bold in runs(text):
            part = html.escape(part, quote=False)
            out.append(f"<b>{part}</b>" if bold else part)
        return "".join(out)

    bullet_style = ParagraphStyle("bullet", parent=base, leftIndent=20, bulletIndent=6,
                                  bulletFontName="Symbol", bulletFontSize=9)
    story = []

    usable = A4[0] - 4.4 * cm
    for block in blocks:
        if block.kind == "pagebreak":
            story.append(PageBreak())
        elif block.kind in ("title", "h1", "h2", "h3"):
            story.append(Paragraph(html.escape(block.text, quote=False), styles[block.kind]))
        elif block.kind == "bullet":
            story.append(Paragraph(markup(block.text), bullet_style, bulletText="\u2022"))
        elif block.kind == "para":
            style = styles["part"] if re.match(r"^\((\d+|[a-z])\)\s", block.text) else base
            story.append(Paragraph(markup(block.text), style))
        else:
            ncols = len(block.rows[0])
            longest = [max(len(plain(row[c])) for row in block.rows) + 4 for c in range(ncols)]
            widths = _column_widths(longest, usable)
            data = []
            for r, row in enumerate(block.rows):
                cells = []
                for value in row:
                    text = markup(value)
                    if block.header and r == 0:
                        text = f"<b>{text}</b>"
                    cells.append(Paragraph(text, styles["cell"]))
                data.append(cells)
            table = Table(data, colWidths=widths, repeatRows=1 if block.header else 0,
                          hAlign="LEFT")
            commands = [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
            if block.header:
                commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)))
            table.setStyle(TableStyle(commands))
            story.append(table)
            story.append(Spacer(1, 8))

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
        topMargin=2.2 * cm, bottomMargin=2.2 * cm, invariant=1,
        title=meta["title"], author=f"Democratic Services, {council(stem)}",
        subject=meta["body"], creator="Fernley sample corpus (corpus/render.py)")
    doc.build(story, canvasmaker=NumberedCanvas)


def _column_widths(longest: list[int], usable: float, least: float = 42.5) -> list[float]:
    """Column widths in proportion to their longest cells, none narrower than `least` (points,
    1.5 cm): a
    short number cell beside a long paragraph ('1.1' / 'The Board ...') would otherwise get
    less room than its padding, which reportlab refuses (negative availWidth)."""
    widths = [usable * n / sum(longest) for n in longest]
    narrow = [w < least for w in widths]
    wide = sum(w for w, small in zip(widths, narrow) if not small)
    room = usable - least * sum(narrow)
    if not any(narrow) or wide <= 0 or room <= 0:
        return widths
    return [least if small else w * room / wide for w, small in zip(widths, narrow)]


# ---------------------------------------------------------------- HTML

def _inline_html(text: str) -> str:
    out = []
    for part, bold in runs(text):
        part = ORDINAL.sub(r"\1<sup>\2</sup>", html.escape(part, quote=False))
        out.append(f"<strong>{part}</strong>" if bold else part)
    return "".join(out)


def write_html(stem: str, blocks: list[Block], path: Path) -> None:
    meta = META[stem]
    COUNCIL = council(stem)  # noqa: N806 (this paper's council, site and address)
    SITE, address = COUNCILS[COUNCIL]  # noqa: N806
    body_name = html.escape(meta["body"])
    page_title = f"{meta['kind']} - {meta['body']}, {meta['date']}"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(page_title)} | {COUNCIL}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="stylesheet" type="text/css" href="/SiteSpecific/ssMgStyles.css">',
        "</head>",
        "<body>",
        '<div id="mgHeader">',
        f'<div class="mgSiteName"><a href="{SITE}/">{COUNCIL}</a></div>',
        '<ul class="mgMenu">',
        f'<li><a href="{SITE}/mgCalendarMonthView.aspx">Calendar</a></li>',
        f'<li><a href="{SITE}/mgListCommittees.aspx">Committees</a></li>',
        f'<li><a href="{SITE}/mgMemberIndex.aspx">Councillors</a></li>',
        f'<li><a href="{SITE}/mgListDocuments.aspx">Library</a></li>',
        f'<li><a href="{SITE}/mgSearchDocuments.aspx">Search documents</a></li>',
        "</ul>",
        '<div class="mgBreadcrumbs">',
        f'<a href="{SITE}/">Home</a> &gt; '
        f'<a href="{SITE}/mgListCommittees.aspx">Councillors and committees</a> &gt; '
        f'<a href="{SITE}/mgCommitteeDetails.aspx">{body_name}</a> &gt; '
        f'<span>{html.escape(meta["kind"])}</span>',
        "</div>",
        "</div>",
        '<div id="modgov">',
        '<div class="mgContent">',
        f'<h1 class="mgMainTitleTxt">{_inline_html(page_title)}</h1>',
    ]
    # A pack: one HTML page cannot have pages, so each paper is a section of its own,
    # with a CSS page break before it for printing.
    pack = any(block.kind == "pagebreak" for block in blocks)
    if pack:
        lines.append('<div class="mgPackPaper">')
    in_list = False
    for block in blocks:
        if block.kind == "bullet" and not in_list:
            lines.append('<ul class="mgBulletList">')
            in_list = True
        elif block.kind != "bullet" and in_list:
            lines.append("</ul>")
            in_list = False
        if block.kind == "pagebreak":
            lines.append("</div>")
            lines.append('<div class="mgPackPaper" style="page-break-before: always">')
        elif block.kind in ("title", "h1"):
            lines.append(f'<h2 class="mgSubTitleTxt">{_inline_html(block.text)}</h2>')
        elif block.kind in ("h2", "h3"):
            lines.append(f'<h3 class="mgSectionTitle">{_inline_html(block.text)}</h3>')
        elif block.kind == "bullet":
            lines.append(f"<li>{_inline_html(block.text)}</li>")
        elif block.kind == "para":
            lines.append(f'<p class="mgText">{_inline_html(block.text)}</p>')
        else:
            lines.append('<table class="mgStatsTable" summary="table">')
            for r, row in enumerate(block.rows):
                tag = "th" if block.header and r == 0 else "td"
                cells = "".join(f"<{tag}>{_inline_html(c)}</{tag}>" for c in row)
                lines.append(f"<tr>{cells}</tr>")
            lines.append("</table>")
    if in_list:
        lines.append("</ul>")
    if pack:
        lines.append("</div>")
    lines += [
        "</div>",
        "</div>",
        '<script type="text/javascript">',
        "//<![CDATA[",
        "if (window.mgInit) { mgInit('mgContent'); }",
        "document.documentElement.className += ' js';",
        "//]]>",
        "</script>",
        '<div id="mgFooter">',
        f"<p>{COUNCIL}, {address}. "
        "This is a fictional sample page.</p>",
        f'<p><a href="{SITE}/ieAccessibility.aspx">Accessibility</a> | '
        f'<a href="{SITE}/mgRss.aspx">RSS</a></p>',
        "</div>",
        "</body>",
        "</html>",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- main

PACKS = HERE / "packs"  # agenda packs: several papers in one file, with their own renderings
SERIES = HERE / "series"  # a series of meetings (issue 14), with their own renderings


def source(stem: str) -> Path:
    """The .txt of a paper (corpus/NAME.txt), a pack (corpus/packs/NAME.txt) or a series
    paper (corpus/series/NAME.txt)."""
    for folder in (PACKS, SERIES):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    return HERE / f"{stem}.txt"


def render(stem: str) -> str:
    path = source(stem)
    text = path.read_text(encoding="utf-8")
    blocks = parse(text)
    folder = path.parent
    for name in ("docx", "pdf", "html", "rtf"):
        (folder / name).mkdir(exist_ok=True)
    write_docx(stem, blocks, folder / "docx" / f"{stem}.docx")
    write_rtf(stem, blocks, folder / "rtf" / f"{stem}.rtf")
    write_pdf(stem, blocks, folder / "pdf" / f"{stem}.pdf")
    write_html(stem, blocks, folder / "html" / f"{stem}.html")
    return folder.relative_to(HERE).as_posix().replace(".", "").strip("/")


def main(argv: list[str]) -> int:
    stems = argv or sorted(p.stem for p in [*HERE.glob("*.txt"), *PACKS.glob("*.txt"),
                                              *SERIES.glob("*.txt")])
    unknown = [s for s in stems if s not in META]
    if unknown:
        print(f"no META entry for: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for stem in stems:
        prefix = render(stem)
        prefix = f"{prefix}/" if prefix else ""
        print(f"rendered {stem}: {prefix}docx/{stem}.docx {prefix}pdf/{stem}.pdf "
              f"{prefix}html/{stem}.html {prefix}rtf/{stem}.rtf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
