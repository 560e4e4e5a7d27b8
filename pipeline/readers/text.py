"""Plain text and Markdown reader.

Committee papers saved as text keep one visual line per line: a list of names,
one per line, means something, so each line is its own block unless it is the
lower-case continuation of an unfinished sentence. Tab-separated lines are
table rows; `#` lines are headings; `-`, `*` and bullet glyphs start list items.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipeline.errors import EmptyDocument, ReadError, warning
from pipeline.model import BlockKind, Document, DocumentBuilder
from pipeline.model.bullets import split_bullet
from pipeline.readers.aligned_tables import aligned_tables
from pipeline.rules import read_json

BULLET = re.compile(r"^\s*([-*\u2022\u25aa\u25cf\u2013])\s+(.*)$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Tags that HTML leftovers in exported text use; block tags become line breaks.
BLOCK_TAGS = re.compile(r"</?(?:p|li|ol|ul|div|br|tr|h[1-6])(?:\s[^>]*)?/?>", re.I)
INLINE_TAGS = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|font|a)(?:\s[^>]*)?>", re.I)
BOLD_MARK = re.compile(r"\*\*(.+?)\*\*")
SENTENCE_END = ".:;!?"


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else cp1252 with a warning; binary content is refused."""
    if not data.strip():
        raise EmptyDocument("empty file")
    sample = data[:65536]
    warnings: list[str] = []
    wide = wide_encoding(sample)
    if wide:  # Windows' "Unicode" text: UTF-16 (or UTF-32), whose NUL bytes are text
        text = data.decode(wide, errors="replace").lstrip("\ufeff")
        if "\ufffd" in text:
            warnings.append(warning("encoding", f"{source}: {wide} with undecodable bytes"))
    elif b"\x00" in sample:
        raise ReadError("binary content (NUL bytes): not a text file", kind="not_text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(warning("encoding", f"{source}: not valid UTF-8, decoded as cp1252"))
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise ReadError("binary content (control characters): not a text file", kind="not_text")
    return text, warnings


#: byte order marks of the wide encodings, longest first (UTF-32's LE mark starts as UTF-16's)
WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
             (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def wide_encoding(sample: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding of a text, by its byte order mark or, without one, by
    the NUL half of every pair that Latin text in UTF-16 has; None for any other bytes."""
    for mark, encoding in WIDE_BOMS:
        if sample.startswith(mark):
            return encoding
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    for parity, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        nuls = sample[parity::2].count(0)
        others = sample[1 - parity::2].count(0)
        if nuls >= 0.9 * pairs and others <= 0.02 * pairs:
            return encoding
    return None


def _strip_markup(line: str) -> tuple[str, bool]:
    """Remove `**` and inline tags; report whether the whole line was bold."""
    stripped = line.strip()
    whole_bold = bool(re.fullmatch(r"(\*\*|<b>)(.+)(\*\*|</b>)", stripped))
    line = BOLD_MARK.sub(r"\1", line).replace("**", "")
    return INLINE_TAGS.sub("", line), whole_bold


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(line.split()) <= 14


def parse_text(text: str, source: str, fmt: str = "text") -> Document:
    """Turn decoded text into a Document (also used for tests and other readers)."""
    builder = DocumentBuilder(source, fmt)
    text = BLOCK_TAGS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    page = 1
    table: int | None = None
    previous_blank, finished = True, False
    lines = [part for line in text.split("\n") for part in _heading_after_sentence(line)]
    margin = wrap_width(lines)
    slashed = slash_table(lines)
    aligned = aligned_tables(lines)
    aligned_at, aligned_table = -1, 0
    before = 0  # how long the line before is (with its indent), in a hard-wrapped text
    for index, raw_line in enumerate(lines):
        pages_here = raw_line.count("\f")
        page += pages_here
        raw_line = raw_line.replace("\f", "")
        if index in aligned:
            first, row = aligned[index]
            if row is not None:
                if first != aligned_at:
                    aligned_at, aligned_table = first, builder.new_table()
                builder.add(BlockKind.TABLE_ROW, "", cells=row, page=page, table=aligned_table)
                previous_blank, table = False, None
            continue
        if slashed and SLASH_CELL in raw_line and raw_line.strip() and \
                not _BILINGUAL_HEADING.match(raw_line):
            raw_line = raw_line.replace(SLASH_CELL, "\t")  # a cell of a table set as " / "
        if "\t" in raw_line.strip("\n") and raw_line.strip() and (
                "\t" in raw_line.strip() or (table is not None and not previous_blank)):
            if table is None:
                table = builder.new_table()
            cells = [_strip_markup(c)[0] for c in raw_line.split("\t")]
            builder.add(BlockKind.TABLE_ROW, "", cells=cells, page=page, table=table)
            previous_blank = False
            continue
        table = None
        line, bold = _strip_markup(raw_line)
        if not line.strip():
            previous_blank = True
            continue
        # a word that would have fitted at the end of the line before went on this one by
        # choice: only a word too long for that line's room was wrapped
        wrapped = margin is not None and previous_blank is False and \
            before + 1 + len(line.split()[0]) > margin - margin // 25  # (a margin is rough)
        _add_line(builder, line, raw_line, bold, page, previous_blank or finished,
                  wrapped)
        # a line's text, without an action column's initials: its width, and whether it ends
        # a sentence (the next line then starts afresh: '... Committee.    SL' / 'ICB/2526/118')
        text_part = _ACTION_COLUMN.sub("", raw_line.rstrip())
        previous_blank, finished = False, text_part != raw_line.rstrip() and \
            text_part.endswith(tuple(SENTENCE_END))
        before = len(text_part)
    document = builder.build(pages=page)
    return document


#: what a web mirror of a Word table writes between its cells ('1. / Welcome and apologies',
#: 'Group A / Mr X / Mrs Y')
SLASH_CELL = " / "
#: lines so written, two of them in a row, that make a paper's " / " a cell's edge
SLASH_ROWS = 3


def slash_table(lines: list[str]) -> bool:
    """Whether the text is a table whose cells a mirror joined with ' / ': `SLASH_ROWS`
    lines holding it or more, two of them in a row (a lone 'A / B' is prose), and two rows
    a table's own: a number's cell ('1. / Welcome'), or three cells or more. A Welsh
    paper's bilingual lines ('Presennol / Present:', 'PENDERFYNWYD / RESOLVED') are two
    halves of one line, no table."""
    marked = [SLASH_CELL in line for line in lines if line.strip()]
    pairs = zip(marked, marked[1:], strict=False)
    rows = sum(bool(_NUMBER_CELL.match(line)) or line.count(SLASH_CELL) >= 2 for line in lines)
    return sum(marked) >= SLASH_ROWS and rows >= 2 and any(a and b for a, b in pairs)


_NUMBER_CELL = re.compile(r"\s*\d{1,4}[.)]?\s/\s")
#: an item's heading run on after the sentence before it by a copy ('... any items on the
#: agenda. - 412 APOLOGIES FOR ABSENCE'): a numbered title in capitals after a spaced dash
_GLUED_HEADING = re.compile(r"(.*[.!?])\s+[-–—]\s+(\d{1,4}\.?\s+[A-Z][A-Z ,&'’-]{3,})$")


def _heading_after_sentence(line: str) -> tuple[str, ...]:
    glued = _GLUED_HEADING.match(line) if any(f" {d} " in line for d in "-–—") else None
    return glued.groups() if glued else (line,)


#: an item's heading in two languages ('1. Apologies / Ymddiheuriadau'): one line, no row
_BILINGUAL_HEADING = re.compile(
    r"\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z][^/]*\s/\s[A-Z][^/]*(?:\s/\s[^/]{0,12})?$")


def wrap_width(lines: list[str]) -> int | None:
    """The margin a hard-wrapped text was typed or exported to (pdftotext's output, a minute
    volume, an e-mail): 50 to 100 characters, that a quarter of its twenty lines or more
    come within a seventh of (the longest of those lines). None for a text whose paragraphs
    are one line each, or too short to tell."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 20:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = [n for n in lengths if 0.85 * width <= n <= 1.1 * width]
    return max(near) if 50 <= max(near, default=0) <= 100 and \
        len(near) >= 0.25 * len(lengths) else None


#: a line that opens an item or a part of one: never the run-on of the line before
_OPENS_PART = re.compile(r"\(?(?:\d{1,4}|[a-z]{1,2}|[ivx]{1,5})[.)]\s|\d{1,4}\.\d"
                         r"|[A-Z][\w'’ -]{0,40}:(?:\s|$)"  # ('Apologies:', 'In attendance:')
                         r"|[A-Z]{1,8}/\d[\d/.-]*:?\s"  # a minute's number ('ICB/2526/118:')
                         r"|(?:Present|Apologies(?: for absence)?|In attendance|Also present"
                         r"|Absent|Officers(?: present| in attendance)?)\s*[-–—]\s")
#: an action column's initials after a run of spaces at a line's end ('... Committee.    SL')
_ACTION_COLUMN = re.compile(r"\s{3,}[A-Z]{2,4}(?:[/,]\s?[A-Z]{2,4})*\s*$")


@cache
def _dangling_words() -> frozenset[str]:
    return frozenset(read_json("layout/line_joins.json")["dangling_words"])


def _dangling(text: str) -> bool:
    """Whether `text` ends in a word that leaves its sentence unfinished (an article, a
    conjunction, a preposition that needs what follows: `models/layout/line_joins.json`)."""
    last = text[text.rfind(" ") + 1:]
    return last in _dangling_words()  # (in lower case: "| A" is a column's code, "Cllr A" a name)


def _add_line(builder: DocumentBuilder, line: str, raw: str, bold: bool, page: int,
              previous_blank: bool, wrapped: bool = False) -> None:
    heading = MARKDOWN_HEADING.match(line.strip())
    if heading:
        builder.add(BlockKind.HEADING, heading.group(2), level=len(heading.group(1)), page=page)
        return
    bullet = BULLET.match(line)  # else a glyph's ('o Cllr B' is an item, not run on)
    found = (bullet.group(1), bullet.group(2)) if bullet else split_bullet(line.strip())
    if found:
        builder.add(BlockKind.LIST_ITEM, found[1], marker=found[0], page=page,
                    level=1 + (len(raw) - len(raw.lstrip())) // 2, bold=bold)
        return
    stripped = line.strip()
    last = builder.last
    if (not previous_blank and last is not None and last.kind is not BlockKind.TABLE_ROW
            and last.kind is not BlockKind.HEADING and last.text[-1] not in SENTENCE_END
            and (stripped[0].islower()
                 or (wrapped or _dangling(last.text)) and not _OPENS_PART.match(stripped))):
        # a sentence going on: in lower case, or wrapped at a hard-wrapped text's margin
        # ('... report to the East' / 'Burgh Area Committee twice a year'), or after a word
        # no line ends a sentence with ('... approved for Ashby Lane Primary and' / 'Hollins')
        builder.extend_last(stripped)
        return
    if previous_blank and _is_caps_heading(stripped):
        builder.add(BlockKind.HEADING, stripped, level=1, page=page, bold=bold)
        return
    builder.add(BlockKind.PARAGRAPH, stripped, page=page, bold=bold)


def read_text(path: Path, source: str) -> Document:
    data = path.read_bytes()
    text, warnings = decode(data, source)
    markdown = path.name.split("?", 1)[0].lower().endswith(".md")  # ('notes.md?raw=1')
    document = parse_text(text, source, "markdown" if markdown else "text")
    document.warnings.extend(warnings)
    if not document.blocks:
        raise EmptyDocument("no text")
    return document
