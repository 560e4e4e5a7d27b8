"""DOCX reader with python-docx's parser and element classes.

The package's document, styles and numbering parts are read as python-docx finds them
(`docx_package.py`), not the whole package; the styles read from a styles part are kept for
the next paper with the identical part (a council's template). A package of another shape
is opened whole by python-docx.

Body paragraphs and tables in document order; Heading/Title styles become
headings, list paragraphs list items (Word's automatic numbers are rebuilt, since
council minutes often number their items that way), table rows one block each
with merged cells given once. Headers, footers and text boxes are not body text
and are left out. The zip is checked before parsing: Word never writes a DTD,
so one is refused, and so is a zip that would inflate past the size limit.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline.errors import EmptyDocument, EncryptedDocument, ReadError, TooLarge
from pipeline.model import BlockKind, Document, DocumentBuilder
from pipeline.readers.docx_package import parse_styles, read_parts

MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200
HEADING_STYLE = re.compile(r"^(?:heading|título|titre|überschrift)\s*(\d)", re.I)
BULLET_FORMATS = {"bullet", "none"}
# What python-docx's CT_R.text selects with an XPath union, in the same (document) order
_RUN_TEXT_TAGS = frozenset(qn(f"w:{tag}") for tag in ("br", "cr", "noBreakHyphen", "ptab", "t",
                                                     "tab"))
_R = qn("w:r")
_RPR, _B, _RSTYLE, _VAL = qn("w:rPr"), qn("w:b"), qn("w:rStyle"), qn("w:val")
_STYLE, _STYLE_ID, _NAME, _TYPE, _DEFAULT = (qn("w:style"), qn("w:styleId"), qn("w:name"),
                                             qn("w:type"), qn("w:default"))
_STYLE_BOLD = f"{_RPR}/{_B}"


def _run_text(run: Any) -> str:
    """python-docx's `run.text` without its XPath call, which was most of the reading time."""
    return "".join([str(child) for child in run if child.tag in _RUN_TEXT_TAGS])


# Elements that hold a paragraph's runs: hyperlinks, and what python-docx's `paragraph.text`
# passes over although Word shows their text: tracked insertions, content controls, simple
# fields (a date, a page number), smart tags (Word 2003-2007 wrapped names, places and
# dates in them), custom XML, moved-to text and bidirectional spans. Deleted and moved-from
# text is not shown, and is not here.
_RUN_HOLDERS = frozenset(qn(f"w:{tag}") for tag in (
    "hyperlink", "ins", "sdt", "sdtContent", "fldSimple", "smartTag", "customXml", "moveTo",
    "dir", "bdo"))


def _paragraph_text(element: Any) -> str:
    """The text of a paragraph's runs, wherever they are held (python-docx's `paragraph.text`
    reads only runs and hyperlinks straight under the paragraph), without XPath."""
    return "".join([_run_text(child) if child.tag == _R else _paragraph_text(child)
                    for child in element if child.tag == _R or child.tag in _RUN_HOLDERS])


# a Compound File: a Word 97-2003 document, or a .docx locked with a password (which then
# holds an EncryptionInfo stream)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def _check_package(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
        if head.startswith(OLE_MAGIC):
            if ENCRYPTION_INFO in head or ENCRYPTION_INFO in path.read_bytes():
                raise EncryptedDocument("password-protected Word document: it cannot be read "
                                        "without its password")
            raise ReadError("a Word 97-2003 (.doc) file under a .docx name: save it as .docx",
                            kind="mislabelled")
        raise ReadError("not a Word document (not a zip package)", kind="not_docx")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        if "word/document.xml" not in names:
            raise ReadError("not a Word document (no word/document.xml)", kind="not_docx")
        total = 0
        for info in package.infolist():
            total += info.file_size
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and (
                    info.file_size > 10 * 1024 * 1024):
                raise TooLarge(f"zip bomb suspected: {info.filename} inflates "
                               f"{info.file_size // info.compress_size}x")
        if total > MAX_UNCOMPRESSED:
            raise TooLarge(f"package inflates to {total // 2**20} MiB, over the limit")
        with package.open("word/document.xml") as part:
            head = part.read(1 << 16)  # the prolog, where a DTD would have to be
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ReadError("Word XML declares a DTD or entities; refused", kind="unsafe_xml")


class _Numbering:
    """Rebuilds the labels of Word's automatic numbering ("1.", "a)", "iv.")."""

    def __init__(self, numbering: Any | None) -> None:
        """`numbering`: the package's numbering part (CT_Numbering), None without one."""
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        if numbering is None:
            return
        abstract = {}
        for node in numbering.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for level, spec in abstract.get(ref.get(qn("w:val")) if ref is not None else "",
                                            {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = spec

    def label(self, num_id: str, level: int) -> str | None:
        """The next label, or None for a bullet (or an unknown list)."""
        spec = self.formats.get((num_id, level))
        if spec is None or spec[0] in BULLET_FORMATS:
            return None
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, spec[2] - 1) + 1
        for (other, deeper) in list(self.counters):
            if other == num_id and deeper > level:
                del self.counters[(other, deeper)]
        label = spec[1]
        for n in range(level + 1):
            fmt = self.formats.get((num_id, n), ("decimal", "", 1))[0]
            value = self.counters.get((num_id, n), 1)
            label = label.replace(f"%{n + 1}", _format_number(value, fmt))
        return label


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for number, letters in numerals:
        while value >= number:
            out += letters
            value -= number
    return out


class _Styles:
    """Style names and boldness by style id, read once: python-docx resolves a style by
    scanning every style element, which made styles most of the reading time."""

    def __init__(self, styles: Any) -> None:
        """`styles`: the package's styles part (CT_Styles)."""
        self.names: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.default = ""
        # a template has some 160 styles: the qualified names are made once, not per style
        for style in styles.findall(_STYLE):
            style_id = style.get(_STYLE_ID, "")
            name = style.find(_NAME)
            self.names[style_id] = name.get(_VAL, style_id) if name is not None else ""
            bold = style.find(_STYLE_BOLD)
            self.bold[style_id] = bold is not None and bold.get(_VAL, "1") not in (
                "0", "false")
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true"):
                self.default = style_id

    @staticmethod
    @lru_cache(maxsize=8)
    def of_xml(xml: bytes) -> _Styles:
        """The styles of a styles part's XML, kept for the next paper with the same part:
        a council's papers share their template, whose styles part is often the largest
        part of the package (some 350 KB, most of a short paper's reading time). The
        cache's key is the XML itself, so only an identical part is read from it."""
        return _Styles(parse_styles(xml))

    def of(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else self.default
        return style_id or ""


class _Reader:
    def __init__(self, styles: _Styles, numbering: Any | None, builder: DocumentBuilder
                 ) -> None:
        self.builder = builder
        self.numbering = _Numbering(numbering)
        self.styles = styles
        self.page = 1

    def paragraph(self, paragraph: Paragraph) -> None:
        element = paragraph._p
        breaks = len(element.findall(f".//{qn('w:lastRenderedPageBreak')}")) + sum(
            1 for br in element.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
        self.page += breaks
        text = _paragraph_text(element)
        style_id = self.styles.of(paragraph)
        style = self.styles.names.get(style_id, "")
        bold = self._all_bold(paragraph, style_id)
        heading = HEADING_STYLE.match(style or "")
        if heading or style == "Title":
            level = int(heading.group(1)) if heading else 1
            self.builder.add(BlockKind.HEADING, text, level=level, page=self.page, bold=bold)
            return
        num_pr: Any = element.pPr.numPr if element.pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            label = self.numbering.label(str(num_pr.numId.val), level)
            if label:
                text = f"{label} {text}"
            self.builder.add(BlockKind.LIST_ITEM, text, marker=label or "\u2022",
                             level=level + 1, page=self.page, bold=bold)
        elif "List" in (style or "") and "Paragraph" not in style:
            self.builder.add(BlockKind.LIST_ITEM, text, marker="\u2022", page=self.page,
                             level=2 if style.endswith("2") else 1, bold=bold)
        else:
            for line in text.split("\n"):
                self.builder.add(BlockKind.PARAGRAPH, line, page=self.page, bold=bold)

    def _all_bold(self, paragraph: Paragraph, style_id: str) -> bool:
        # python-docx's run.bold and run style read straight from the run's rPr: a Run and
        # its Font cost more than the lookups (b.val and rStyle.val keep python-docx's parse)
        runs = [r for r in paragraph._p.r_lst if _run_text(r).strip()]
        if not runs:
            return False
        for run in runs:
            rpr = run.find(_RPR)
            bold_element = rpr.find(_B) if rpr is not None else None
            bold = bold_element.val if bold_element is not None else None
            if bold is not None:
                if not bold:
                    return False
                continue
            run_style_element = rpr.find(_RSTYLE) if rpr is not None else None
            run_style = run_style_element.val if run_style_element is not None else None
            if not (self.styles.bold.get(run_style or "", False)
                    or self.styles.bold.get(style_id, False)):
                return False
        return True

    def table(self, table: Table) -> None:
        index = self.builder.new_table()
        seen: dict[int, object] = {}  # holding the elements keeps their ids unique
        for row in table.rows:
            cells: list[tuple[int, str]] = []
            for cell in row.cells:
                key = id(cell._tc)
                if key in seen:
                    if cells and cells[-1][0] == key:
                        continue  # horizontally merged: once
                    cells.append((key, ""))  # vertically merged: the text stays above
                    continue
                seen[key] = cell._tc
                cells.append((key, " ".join(_paragraph_text(part._p)
                                            for part in _body_content(cell._tc, cell)
                                            if isinstance(part, Paragraph))))
            self.builder.add(BlockKind.TABLE_ROW, "", cells=[text for _, text in cells],
                             table=index, page=self.page)
            for cell in row.cells:
                for nested in cell.tables:
                    self.table(nested)


_P, _TBL = qn("w:p"), qn("w:tbl")
_BLOCK_HOLDERS = frozenset(qn(f"w:{tag}") for tag in ("sdt", "sdtContent", "customXml"))


def _body_content(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of the body (or a cell) in order, those inside block content
    controls included: a council template's cover page and Word's 'Title' and 'Date' boxes
    are content controls, which python-docx's `iter_inner_content` passes over."""
    for child in element:
        if child.tag == _P:
            yield Paragraph(child, parent)
        elif child.tag == _TBL:
            yield Table(child, parent)
        elif child.tag in _BLOCK_HOLDERS:
            yield from _body_content(child, parent)


def _open(path: Path) -> docx.document.Document:
    """The whole package, opened by python-docx (a package of an unusual shape)."""
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises many types for a broken package
        if "Excessive depth" in str(error):  # lxml's limit of 256 nested elements
            raise ReadError("Word document nested more than 256 elements deep (damaged or "
                            "hostile): not read", kind="corrupt") from None
        raise ReadError(f"cannot open Word document: {type(error).__name__}: {error}",
                        kind="not_docx") from None


def _numbering_part(document: docx.document.Document) -> Any | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def read_docx(path: Path, source: str) -> Document:
    if path.stat().st_size == 0:
        raise EmptyDocument("empty file")
    try:
        _check_package(path)
    # zipfile raises NotImplementedError for an unknown compression method and
    # RuntimeError for an encrypted entry: both are what a bit-flipped header gives.
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError,
            NotImplementedError, RuntimeError) as error:
        raise ReadError(f"corrupt Word package: {type(error).__name__}: {error}",
                        kind="not_docx") from None
    with zipfile.ZipFile(path) as package:
        parts = read_parts(package)
    builder = DocumentBuilder(source, "docx")
    if parts is not None:  # the three parts read, not the whole package
        reader = _Reader(_Styles.of_xml(parts.styles_xml), parts.numbering, builder)
        # no parent: the reader reads elements, never the package part a parent leads to
        content = _body_content(parts.document.body, cast(Any, None))
    else:
        document = _open(path)
        reader = _Reader(_Styles(document.styles.element), _numbering_part(document), builder)
        content = _body_content(document.element.body, document._body)
    for part in content:
        if isinstance(part, Paragraph):
            reader.paragraph(part)
        else:
            reader.table(part)
    result = builder.build(pages=reader.page)
    if not result.blocks:
        raise EmptyDocument("no text in the document body")
    return result
