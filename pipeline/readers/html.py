"""HTML reader for ModernGov-style pages and other council web pages.

Navigation, scripts, styles and site furniture are dropped; headings, paragraphs,
list items and table rows become blocks in document order. A `<br>` inside a
paragraph splits it, because minutes often put one attendee per line that way.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.etree
from lxml.etree import _Element as Element

from pipeline.errors import EmptyDocument, ReadError, warning
from pipeline.model import BlockKind, Document, DocumentBuilder
from pipeline.readers.text import wide_encoding

DROPPED_TAGS = {"script", "style", "noscript", "nav", "head", "template", "svg", "iframe",
                "form", "button", "select", "object", "embed"}
# ModernGov and common CMS furniture, matched on id or class.
FURNITURE_MARKERS = ("mgheader", "mgfooter", "breadcrumb", "cookie", "skiplink", "skip-link",
                     "sitenav", "site-nav", "masthead", "menu", "mgbreadcrumb",
                     # ModernGov's page title is made from the meeting record, not the paper
                     "mgmaintitletxt")
#: an element's text and its descendants' (lxml.html's `text_content`; the page is parsed
#: into plain lxml elements: lxml.html's own classes cost a Python look-up each time the
#: walk meets an element, a tenth of the reading)
text_content = lxml.etree.XPath("string()", smart_strings=False)
#: any of the marks in an element's id or class (one search, not one a mark)
FURNITURE = re.compile("|".join(map(re.escape, FURNITURE_MARKERS)))
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LEAF_BLOCKS = {"p", "pre", "blockquote", "dt", "dd", "caption", "address", "figcaption"}
#: elements that render on lines of their own inside a table cell or a list item
LINE_TAGS = LEAF_BLOCKS | set(HEADINGS) | {"div", "li", "tr", "section", "article"}
CONTAINERS = {"div", "section", "article", "main", "body", "html", "aside", "center", "fieldset",
              "dl", "figure", "header", "footer", "span", "font", "form"}
#: containers that start a line of their own (span and font run on in the line)
BLOCK_CONTAINERS = CONTAINERS - {"span", "font"}


def _is_furniture(element: Element) -> bool:
    if element.tag in ("header", "footer"):
        return True
    ident, classes = element.get("id"), element.get("class")
    if not ident and not classes:  # (most elements: no marks to look through)
        return False
    return FURNITURE.search(f"{ident or ''} {classes or ''}".lower()) is not None


def _inline_lines(element: Element, skip_lists: bool = False) -> list[str]:
    """Text of an element split at `<br>`, ignoring dropped tags (and nested lists if asked)."""
    if not len(element):  # (most: text alone, its one line, as the walk below gives it)
        text = element.text
        return [text] if text and not text.isspace() else []
    lines = [""]

    def visit(node: Element) -> None:
        if not isinstance(node.tag, str) or node.tag in DROPPED_TAGS:
            return
        if skip_lists and node.tag in ("ul", "ol", "table"):
            return
        if node.tag == "br":
            lines.append("")
        elif node.tag in ("sup", "sub"):
            lines[-1] += text_content(node)
            return
        else:
            if node.tag in LINE_TAGS:  # "<td><p>Cllr A</p><p>Cllr B</p>": two lines, not one
                lines.append("")
            lines[-1] += node.text or ""
        for child in node:
            visit(child)
            lines[-1] += child.tail or ""
        if node.tag in LINE_TAGS:
            lines.append("")

    lines[-1] += element.text or ""
    for child in element:
        visit(child)
        lines[-1] += child.tail or ""
    return [line for line in lines if line.strip()]


#: CSS that starts a new printed page: Word's "Save as Web Page" and ModernGov packs
#: mark where one paper ends and the next begins this way.
PAGE_BREAK = re.compile(r"(?:page-)?break-(before|after)\s*:\s*(?:always|page)", re.I)


class _Walker:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.pending: list[str] = []
        self.page = 1
        self.number = ""  # a layout table's item number, put before the next block

    def _add(self, kind: BlockKind, text: str, **layout: Any) -> None:
        if self.number and text.strip():
            if kind is BlockKind.TABLE_ROW:
                self.builder.add(BlockKind.PARAGRAPH, self.number, page=self.page)
            else:
                text = f"{self.number} {text}"
            self.number = ""
        self.builder.add(kind, text, page=self.page, **layout)

    def _break(self, style: str, where: str) -> None:
        """Start a new page when an element's `style` asks for a page break `where`."""
        if any(m.group(1).lower() == where for m in PAGE_BREAK.finditer(style)):
            self.flush()
            if self.builder.last is not None and self.builder.last.page == self.page:
                self.page += 1

    def flush(self) -> None:
        if not self.pending:  # (each block flushes what ran before it: mostly nothing)
            return
        text = "".join(self.pending)
        self.pending = []
        for line in text.split("\n"):
            if line and not line.isspace():  # (a blank line adds no block)
                self._add(BlockKind.PARAGRAPH, line)

    def walk(self, element: Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in DROPPED_TAGS or _is_furniture(element):
            return
        style = element.get("style")  # (most elements have none)
        if style:
            self._break(style, "before")
        self._visit(element, tag)
        if style:
            self._break(style, "after")

    def _visit(self, element: Element, tag: str) -> None:
        if tag in HEADINGS:
            self.flush()
            for line in _inline_lines(element):
                self._add(BlockKind.HEADING, line, level=HEADINGS[tag])
        elif tag in LEAF_BLOCKS:
            self.flush()
            bold = _all_bold(element)
            for line in _inline_lines(element):
                self._add(BlockKind.PARAGRAPH, line, bold=bold)
        elif tag in ("ul", "ol"):
            self.flush()
            self.list_items(element)
        elif tag == "table":
            self.flush()
            self.table(element)
        elif tag == "br":
            self.pending.append("\n")
        elif tag in CONTAINERS or tag not in INLINE_TAGS:
            self.pending.append(element.text or "")
            for child in element:
                if child.tag in BLOCK_CONTAINERS:  # "Present:<div>Cllr A</div>": its own line
                    self.flush()
                self.walk(child)
                self.pending.append(child.tail or "")
            if tag in CONTAINERS and tag != "span" and tag != "font":
                self.flush()
        else:
            self.pending.append(text_content(element))

    def list_items(self, element: Element) -> None:
        ordered = element.tag == "ol"
        number = int(element.get("start", "1") or 1) if ordered else 0
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "li":
                self.walk(child)
                continue
            marker = f"{number}." if ordered else "\u2022"
            number += 1
            for i, line in enumerate(_inline_lines(child, skip_lists=True)):
                kind = BlockKind.LIST_ITEM if i == 0 else BlockKind.PARAGRAPH
                self._add(kind, line, marker=marker if i == 0 else "")
            for nested in child:
                if isinstance(nested.tag, str) and nested.tag in ("ul", "ol", "table"):
                    self.walk(nested)

    def table(self, element: Element) -> None:
        if _is_layout(element):
            self.layout_table(element)
            return
        index = self.builder.new_table()
        for row in _own_rows(element):
            cells = [" ".join(_inline_lines(cell)) for cell in row if cell.tag in ("td", "th")]
            header = all(cell.tag == "th" for cell in row if isinstance(cell.tag, str))
            self._add(BlockKind.TABLE_ROW, "", cells=cells, table=index, bold=header)


    def layout_table(self, element: Element) -> None:
        """A table that lays a page out: each cell's content is read as blocks, row by row.
        A row's leading cell holding only a number ('23.', '45/19') is the number of what
        the next cell holds (ModernGov minutes: number cell, then title and minute)."""
        for row in _own_rows(element):
            number = ""
            for cell in (c for c in row if c.tag in ("td", "th")):
                text = " ".join(_inline_lines(cell))
                if not number and ITEM_NUMBER.fullmatch(text.strip()) and len(row) > 1:
                    number = text.strip()
                    continue
                self.number, number = number, ""
                self.walk_cell(cell)
            if number or self.number:  # a number with nothing after it
                self._add(BlockKind.PARAGRAPH, number or self.number)

    def walk_cell(self, cell: Element) -> None:
        self.pending.append(cell.text or "")
        for child in cell:
            self.walk(child)
            self.pending.append(child.tail or "")
        self.flush()


#: a cell that is only an item's number: "23.", "23", "(4)", "45/19", "CC.201", "7a"
ITEM_NUMBER = re.compile(r"\(?[A-Z]{0,4}\.?\d{1,4}(?:[./:]\d{1,4})*[a-z]?[.)]?")
#: block elements whose presence in a cell makes the table a page's layout, not data
LAYOUT_MARKS = {"table", "h1", "h2", "h3", "h4", "h5", "h6"}
#: a cell with two of these and this many words holds a page's prose, not a datum
PROSE_BLOCKS = {"p", "div", "ul", "ol", "blockquote"}
PROSE_WORDS = 40


def _own_rows(table: Element) -> list[Element]:
    return [row for row in table.iter("tr") if _closest_table(row) is table]


def _is_layout(table: Element) -> bool:
    """Tables used to place a page's parts (old council sites, ModernGov minutes' item
    tables): marked as presentation, or a cell holds a heading or another table, or a
    cell holds paragraphs of prose (a data cell holds a name or a few words a line)."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    for row in _own_rows(table):
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            if any(isinstance(node.tag, str) and node.tag in LAYOUT_MARKS
                   for node in cell.iterdescendants()):
                return True
            blocks = [c for c in cell if isinstance(c.tag, str) and c.tag in PROSE_BLOCKS]
            if len(blocks) >= 2 and len(text_content(cell).split()) >= PROSE_WORDS:
                return True
    return False


INLINE_TAGS = {"a", "b", "strong", "i", "em", "u", "sup", "sub", "small", "abbr", "acronym",
               "cite", "code", "mark", "s", "strike", "del", "ins", "q", "time", "label", "img"}


def _closest_table(row: Element) -> Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _all_bold(element: Element) -> bool:
    own = (element.text or "").strip()
    children = [c for c in element if isinstance(c.tag, str)]
    return not own and len(children) == 1 and children[0].tag in ("b", "strong") and not (
        children[0].tail or "").strip()


#: the charset a page declares: <meta charset>, <meta http-equiv="Content-Type"
#: content="...; charset=...">, an XML declaration's encoding
DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["']"""
    rb"""([\w.:-]+)""", re.I)
#: labels a browser reads as windows-1252 (the WHATWG Encoding Standard): a page saved
#: from Word says iso-8859-1 and uses its curly quotes and dashes
WINDOWS_1252_LABELS = frozenset({
    "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
    "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"})


def page_encoding(data: bytes, source: str) -> tuple[str, bytes, list[str]]:
    """The encoding to read a page's bytes with, the bytes to read, and a warning when
    the encoding is a guess or bytes were replaced.

    A page saved from the web often has no charset of its own (the server sent it in a
    header): left to itself the parser reads those bytes as latin-1, so every UTF-8
    page without one came out as 'SiÃ¢n' and a Word page's 'O\u2019Brien' lost its
    apostrophe. Bytes that are valid UTF-8 are UTF-8, whatever the page says (text in
    any other encoding almost never is); else the declared charset, latin-1 labels read
    as windows-1252 as browsers read them; else UTF-8 with its few bad bytes replaced
    when most of the page is UTF-8, or windows-1252; a guess says so in a warning."""
    try:
        data.decode("utf-8")
        return "utf-8", data, []
    except UnicodeDecodeError:
        pass
    declared = DECLARED_CHARSET.search(data[:4096])
    label = (declared.group(1) or declared.group(2)).decode("ascii").lower() if declared \
        else ""
    if label in WINDOWS_1252_LABELS:
        return "windows-1252", data, []
    if label and label.replace("_", "-") not in ("utf-8", "utf8"):
        try:
            lxml.etree.HTMLParser(encoding=label)
            return label, data, []
        except LookupError:
            pass
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    if len(NON_ASCII.findall(repaired)) > 2 * bad:  # UTF-8 with a few damaged bytes
        return "utf-8", repaired.encode("utf-8"), [warning(
            "encoding", f"{source}: {bad} byte(s) that are not UTF-8 replaced")]
    why = f"declares {label} but is not" if label else "not valid UTF-8 and declares no charset"
    return "windows-1252", data, [warning("encoding", f"{source}: {why}; decoded as cp1252")]


NON_ASCII = re.compile("[^\x00-\x7f]")


def read_html(path: Path, source: str) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument("empty file")
    wide = wide_encoding(data[:4096])
    if b"\x00" in data[:4096] and not wide:
        raise ReadError("binary content: not an HTML page", kind="not_html")
    encoding, data, warnings = (wide, data, []) if wide else page_encoding(data, source)
    try:
        # (lxml.html's parser but for its element classes: `text_content`)
        parser = lxml.etree.HTMLParser(remove_comments=True, no_network=True, huge_tree=True,
                                       encoding=None if wide else encoding)
        # a page saved as UTF-16 ("Unicode" in Word and Notepad) is given as text
        root = lxml.etree.fromstring(
            data.decode(wide, errors="replace").lstrip("\ufeff") if wide else data,
            parser=parser)
        if root is None:  # (as lxml.html.document_fromstring says it)
            raise lxml.etree.ParserError("Document is empty")
    except (lxml.etree.ParserError, ValueError) as error:
        raise ReadError(f"cannot parse HTML: {error}") from None
    body = root.find("body")
    if flatten_deep(body if body is not None else root):
        warnings.append(warning("nesting", f"elements nested over {MAX_DEPTH} deep were read "
                                           "as text"))
    builder = DocumentBuilder(source, "html")
    walker = _Walker(builder)
    walker.walk(body if body is not None else root)
    document = builder.build(pages=builder.last.page if builder.last else 1)
    if not document.blocks:
        raise EmptyDocument("no text in the page")
    document.warnings.extend(warnings)
    return document


#: how deep the reader follows elements: pages nest a few dozen deep; a hostile one nests
#: thousands deep, past Python's recursion limit for the reader's walk
MAX_DEPTH = 150


#: the nodes `MAX_DEPTH` levels below an element that the walk would visit there (an
#: element's children are its elements, comments and processing instructions), found by
#: libxml2 (a walk in Python over every element cost a tenth of the reading)
DEEPEST = lxml.etree.XPath("/".join(["*"] * (MAX_DEPTH - 1) + ["node()[not(self::text())]"]))


def flatten_deep(root: Element) -> bool:
    """Replace each element `MAX_DEPTH` levels below `root` by its text (found without
    recursion), so that the reader's walk never goes deeper; whether any was."""
    deepest: list[Element] = DEEPEST(root)
    for element in deepest:
        text = " ".join(" ".join(t.split()) for t in element.itertext() if t.strip())
        tail = element.tail
        for child in list(element):
            element.remove(child)
        element.text = text
        element.tail = tail
    return bool(deepest)
