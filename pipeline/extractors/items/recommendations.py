"""Recommendations a report makes, or that minutes record as RECOMMENDED.

Three shapes are read, with cue phrases in `models/structure/recommendation_cues.json`:
a section headed "Recommendation(s)" (its numbered or bulleted entries, else its paragraphs);
a list introduced by "recommends that:", "is recommended to:", "Members are asked to:" (its
first part may open "That (1) ..."); and a single sentence "It is recommended that ...". A
recommendation repeated word for word (an executive summary and the body) is listed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.anchors import any_of
from pipeline.extractors.bodies.names import fold
from pipeline.extractors.language import block_span, hand_on, labels, sentences, take
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

LIST_NUMBER = compile_cached(r"^\s*(?:that\s+(?=\())?(?:\((?P<a>\d{1,2}|[a-z]|[ivx]{1,6})\)"
                             r"|(?P<b>\d{1,2}|[a-z]|[ivx]{1,6})(?P<close>[.)]))\s+(?=\S)", re.I)
DECIMAL = compile_cached(r"^\s*\d{1,2}(?:\.\d{1,2}){1,2}\.?\s*(?=\S)")
SECTION_NUMBER = compile_cached(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
ADDRESSEE = compile_cached(r"\s*\((?:to|for)\s+[^()]{2,60}\)$", re.I)  # (no ")" last: no search)
BULLET = compile_cached(r"^\s*[-*\u2022\u25aa\u25cf\u00b7\u2013\u2043\u25e6]\s+")
SMALL_WORDS = {"and", "of", "for", "the", "to", "in", "on", "a", "an", "by", "with", "&"}
ROMANS = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]
MIN_DEDUP_WORDS = 4  # "Grant." twice in planning minutes is two recommendations
SECTION, LINES = "recommendations_section", "recommendation_lines"  # a block's label; Doc key


@dataclass(frozen=True)
class Cues:
    sections: tuple[re.Pattern[str], ...]
    not_sections: tuple[re.Pattern[str], ...]
    label: re.Pattern[str]
    intros: tuple[re.Pattern[str], ...]
    section_intros: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]
    stop_label: re.Pattern[str]


@cache
def cues() -> Cues:
    raw = read_json("structure/recommendation_cues.json")

    def compiled(entries: list[dict]) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_cached(e["pattern"], 0 if e.get("case_sensitive") else re.I)
                     for e in entries)

    return Cues(any_of(compiled(raw["section_headings"])), compiled(raw["not_section_headings"]),
                compile_cached(raw["label_line"]["pattern"], re.I), compiled(raw["intro_lines"]),
                compiled(raw["section_intro_lines"]), compiled(raw["inline"]),
                compile_cached(raw["stop_labels"]["pattern"]))


@dataclass(slots=True)
class Line:
    """A block as a list reader sees it: its text without bullet or list number."""

    index: int
    block: Block
    text: str
    number: str = ""
    style: str = ""  # digit. | (alpha) | roman. ... | bullet | "" (a paragraph)
    offset: int = 0  # where text starts in block.text

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(document: Document) -> list[Line]:
    lines: list[Line] = []
    for n, block in enumerate(document.blocks):
        text = block.text
        if block.kind is BlockKind.TABLE_ROW:
            cells = [c for c in block.cells if c]
            heading = cells[0].rstrip(":").strip() if cells else ""
            if len(cells) > 1 and any(p.match(heading) for p in cues().sections):
                cells[0] = heading + ":"  # a cover sheet's "Recommendations | That ..." row
            text = " ".join(cells)
        offset = len(block.text) - len(text.lstrip()) if text == block.text else 0
        text = text.strip()
        style = "bullet" if block.kind is BlockKind.LIST_ITEM and block.marker and \
            not block.marker[:1].isalnum() else ""
        bullet = BULLET.match(text)
        if bullet:
            style, offset, text = "bullet", offset + bullet.end(), text[bullet.end():]
        if DECIMAL.match(text) or (style and not bullet and SECTION_NUMBER.match(text)):
            # "2.1 That the Board:" is a numbered paragraph however it is rendered, and so is a
            # list item of an HTML page that prints its own section number ("5 Recommendations")
            style = ""
        line = Line(n, block, text, style=style, offset=offset)
        found = LIST_NUMBER.match(text)
        if found:
            number = found.group("a") or found.group("b")
            form = "()" if found.group("a") else found.group("close")
            previous = lines[-1].style if lines else ""
            if number.isdigit():
                kind = "digit"
            elif re.fullmatch("[ivx]+", number, re.I) and (len(number) > 1 or "roman" in previous
                                                            or number.lower() == "i"
                                                            and "alpha" not in previous):
                kind = "roman"
            else:
                kind = "alpha"
            line.number, line.style = number, kind + form
            line.offset, line.text = offset + found.end(), text[found.end():]
        lines.append(line)
    return lines


def _strip_number(text: str) -> str:  # (a letter first, as most lines: no number opens it)
    return (text if text[:1].isalpha() else SECTION_NUMBER.sub("", text, count=1)).strip()


def _heading_like(line: Line) -> bool:
    if line.block.kind is BlockKind.HEADING:
        return True
    if line.block.kind is BlockKind.TABLE_ROW:
        return False
    text = _strip_number(line.text)
    words = text.split(None, 8)  # (nine parts: over eight words, without splitting them all)
    if not words or len(words) > 8 or text[-1] in ".;!?,":
        return False
    big = [w for w in words if w.lower() not in SMALL_WORDS and w[:1].isalpha()]
    return line.block.bold or text.isupper() or all(w[:1].isupper() for w in big)


def _is_section(line: Line) -> bool:
    # (the asterisks of a bold line saved as text: most lines have none to take out)
    text = _strip_number(re.sub(r"\*+", "", line.text) if "*" in line.text else line.text
                         ).rstrip(":").strip()
    c = cues()  # (a section heading first: most lines match none, and no more is asked)
    if not any(p.match(text) for p in c.sections):
        return False
    return line.style != "bullet" and (_heading_like(line) or len(text.split(None, 3)) <= 3) \
        and not any(p.search(text) for p in c.not_sections)


def _is_intro(text: str, in_section: bool) -> bool:
    c = cues()
    patterns = c.intros + (c.section_intros if in_section else ())
    return any(p.search(text) for p in patterns)


def _next_number(line: Line) -> str | None:
    """The number the entry after this one should carry ('b' after 'a', 'iv' after 'iii')."""
    number = line.number.lower()
    if not number:
        return None
    if number.isdigit():
        return str(int(number) + 1)
    if line.style.startswith("roman"):
        return ROMANS[ROMANS.index(number) + 1] if number in ROMANS[:-1] else None
    return chr(ord(number) + 1)


def _continues(line: Line, style: str | None, expected: str | None) -> bool:
    """Whether a list line carries on the series being read."""
    if not line.style or (style is not None and line.style != style):
        return False
    return expected is None or line.style == "bullet" or line.number.lower() == expected


def _ends_section(line: Line, style: str | None, expected: str | None) -> bool:
    if cues().stop_label.match(line.text) and not cues().label.match(line.text):
        return True
    if not _heading_like(line) or line.text.rstrip().endswith((":", ":-")):
        return False
    if line.style and line.style != "bullet" and not line.text.isupper():
        if _continues(line, style, expected) and style is not None:
            return False
        if style is None and line.words > 8:
            return False
    return True


def _continued(lines: list[Line], k: int) -> tuple[str, int]:
    """A line's text with the wrapped lines that carry on its sentence; the next index."""
    text, k = lines[k].text, k + 1
    while (k < len(lines) and not lines[k].style and lines[k].text[:1].islower()
           and text[-1:] not in ".;!?:"):
        text, k = f"{text} {lines[k].text}", k + 1
    return text, k


class _Series:
    """Entries of one numbering style, in sequence. An entry that ends with a colon and is
    followed by parts of another style ('1. That Cabinet:' / '(a) ...') introduces them: the
    parts are the recommendations."""

    def __init__(self) -> None:
        self.found: list[tuple[Line, str]] = []
        self.used: set[int] = set()
        self.style: str | None = None
        self.expected: str | None = None
        self.parts = ""  # the style of the parts being read

    def take(self, lines: list[Line], k: int) -> int | None:
        """Read the entry at line k; the index after it, or None when it is not one."""
        line = lines[k]
        text, nxt = _continued(lines, k)
        if _continues(line, self.style, self.expected):
            self.style, self.expected = line.style, _next_number(line)
        elif line.style and (line.style == self.parts or self.found and self.found[-1][1]
                             .rstrip().endswith((":", ":-"))):
            if line.style != self.parts:
                self.found.pop()
                self.parts = line.style
        else:
            return None
        self.found.append((line, text))
        self.used.update(range(k, nxt))
        return nxt


def _entries(lines: list[Line], k: int) -> tuple[_Series, int]:
    """The list that an intro line ('Cabinet is recommended to:') opens at line k."""
    series = _Series()
    while k < len(lines) and lines[k].style and not (
            series.found and _ends_section(lines[k], series.style, series.expected)):
        nxt = series.take(lines, k)
        if nxt is None:
            break
        k = nxt
    return series, k


def _plain_entries(lines: list[Line], k: int) -> tuple[_Series, int]:
    """An intro followed by unmarked lines: 'That Cabinet:' / 'agrees X;' / 'notes Y.' (or the
    one paragraph after a minutes' 'RECOMMENDED:')."""
    series = _Series()
    while k < len(lines) and not lines[k].style and not _heading_like(lines[k]):
        text, nxt = _continued(lines, k)
        if text.rstrip().endswith(":") or cues().stop_label.match(text):
            break
        series.found.append((lines[k], text))
        series.used.update(range(k, nxt))
        k = nxt
        if not text.rstrip().endswith((";", "; and", "; or", ",", "and", "or")):
            break
    return series, k


def _section(lines: list[Line], k: int) -> tuple[list[tuple[Line, str]], int, set[int]]:
    """The recommendations under a Recommendations heading; the index after the section."""
    series = _Series()
    paragraphs: list[tuple[Line, str]] = []
    used: set[int] = set()
    stopped = False
    while k < len(lines) and not _ends_section(lines[k], series.style, series.expected):
        line = lines[k]
        if line.style:
            k = series.take(lines, k) or k + 1
            continue
        if _is_intro(line.text, True):
            used.add(k)
        elif line.text.rstrip().endswith(":") or cues().stop_label.match(line.text):
            stopped = True
        elif not stopped and not any(p.search(line.text) for p in cues().inline):
            text, nxt = _continued(lines, k)
            label = cues().label.match(text)
            number = DECIMAL.match(text)
            if label:
                text = label.group("text")
            elif number:
                line.number, text = number.group().strip().rstrip("."), text[number.end():]
            paragraphs.append((line, text))
            used.update(range(k, nxt))
            k = nxt
            continue
        k += 1
    if series.found:
        return series.found, k, used | series.used
    return paragraphs, k, used


def label_sections(document: Document) -> list[Block]:
    """Label the blocks that open a recommendations section ("Recommendations", "RECOMMENDED:",
    a cover sheet's "Recommendation(s)" row) on the paper's Doc; returns them."""
    heads = []
    hand_on(document, LINES, lines := _lines(document))  # extract_recommendations takes them
    for line in lines:
        opens = _is_section(line)
        labels(document, line.block)[SECTION] = opens
        if opens:
            heads.append(line.block)
    return heads


def _opens_section(document: Document, line: Line) -> bool:
    found = labels(document, line.block).get(SECTION)
    return _is_section(line) if found is None else bool(found)


def extract_recommendations(document: Document) -> list[dict]:
    """Recommendation rows: number as printed ('' for a bullet), text without its number."""
    lines = take(document, LINES) or _lines(document)
    found: list[tuple[Line, str]] = []
    used: set[int] = set()
    k = 0
    while k < len(lines):
        line = lines[k]
        label = cues().label.match(line.text)
        if label and label.groupdict().get("number"):
            line.number = label.group("number")
        if _opens_section(document, line):
            recs, k, taken = _section(lines, k + 1)
            found += recs
            used |= taken | {line.index}
            continue
        if label and not line.style:
            text = label.group("text").strip()
            if _is_intro(text, True):
                series, k = _entries(lines, k + 1)
                found += series.found
                used |= {line.index} | series.used
                continue
            found.append((line, text))
            used.add(k)
        elif (ADDRESSEE.sub("", t) if (t := line.text.rstrip()).endswith(")") else t).endswith(
                (":", ":-", "-", "\u2013")) and _is_intro(line.text, False):  # ("X: (to Y)")
            series, nxt = _entries(lines, k + 1)
            if not series.found:
                series, nxt = _plain_entries(lines, k + 1)
            if series.found:
                found += series.found
                used |= {k} | series.used
                k = nxt
                continue
        k += 1
    for line in lines:
        if line.index not in used:
            found += _inline(document, line)
    return _rows(found)


@cache
def _inline_word() -> str:
    word: str = read_json("structure/recommendation_cues.json")["inline_word"]["word"]
    return word.casefold()


def _inline(document: Document, line: Line) -> list[tuple[Line, str]]:
    """'It is recommended that ...' / 'we recommend that ...' / 'RECOMMENDED that ...': the
    rest of the sentence (a sentence ending in a colon introduces a list instead)."""
    if _inline_word() not in line.block.text.casefold():
        return []  # (most blocks: their span is not needed)
    block = block_span(document, line.block)
    out = []
    for sent in sentences(block):
        found = next((m for p in cues().inline if (m := p.search(sent.text))), None)
        if found and not found.group("text").rstrip().endswith((":", ":-")):
            text = found.group("text").strip()
            out.append((Line(line.index, line.block, text,
                             offset=sent.start_char - block.start_char + found.start("text")),
                        text))
    return out


def _run_in(line: Line, text: str) -> list[tuple[str, str]]:
    """'b) Agrees X; and c) Instructs Y.' (a Word paragraph that runs the next lettered entry
    on after '; and'): each entry with its own number. Only letters and numerals closed by a
    bracket, and only the number that comes next, so a reference ('see 2) above') stays."""
    pieces, number = [(line.number, text)], line.number
    while line.style.endswith(")") and number and not number.isdigit():
        after = _next_number(Line(line.index, line.block, "", number, line.style))
        found = re.search(rf"[;,]\s+(?:(and|or)\s+)?\(?{re.escape(after)}\)\s+(?=\S)",
                          pieces[-1][1]) if after else None
        if found is None or after is None:
            break
        rest = pieces[-1][1]
        head = rest[:found.start() + 1] + (f" {found.group(1)}" if found.group(1) else "")
        pieces[-1] = (pieces[-1][0], head)
        pieces.append((after, rest[found.end():]))
        number = after
    return pieces


def _rows(found: list[tuple[Line, str]]) -> list[dict]:
    found = [(Line(line.index, line.block, part, number, line.style, line.offset), part)
             for line, text in found for number, part in _run_in(line, text)]
    rows, seen = [], set()
    for line, text in found:
        text = text.strip()
        key = fold(text)
        if not key or (len(key.split()) >= MIN_DEDUP_WORDS and key in seen):
            continue
        seen.add(key)
        start = line.offset if line.block.text[line.offset:].startswith(text[:20]) else \
            max(line.block.text.find(text[:20]), 0)
        end = min(start + len(text), len(line.block.text))
        rows.append({"number": line.number, "text": text, **provenance(line.block, start, end)})
    return rows
