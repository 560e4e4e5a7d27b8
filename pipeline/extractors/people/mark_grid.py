"""An attendance grid set as lines: a header row naming the status columns ('Board Member P
A DNA D/R', 'Name Organisation P A'), then one member a line with the mark of the column
ticked at its end ('Ann Bell (AB) - Independent Chair P'). Safeguarding, NHS and other
partnership boards keep their record so, with a legend above ('P= Present A= Apologies
DNA=Did not attend'). A mark says which list the member belongs to: present (P),
apologies (A), deputy or representative (D, R, D/R: present) or did not attend (DNA, X:
recorded nowhere)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from pipeline.extractors.people.labels import Section, mark_code
from pipeline.extractors.people.vocabulary import data
from pipeline.model import Block
from pipeline.regex_cache import compile_cached

#: a header row: a few words, then two or more column marks ('Board Member P A DNA D/R')
_HEADER = compile_cached(r"^(?P<words>[A-Za-z][A-Za-z ,'&/()-]{0,60}?)"
                         r"(?P<marks>(?:\s+[A-Z]{1,3}(?:/[A-Z]{1,3})?){2,6})\s*$")
#: a member's row: the member, then one mark at the end of the line
_ROW = compile_cached(r"^(?P<member>\S.*?\S)\s+(?P<mark>[A-Z]{1,3}(?:/[A-Z]{1,3})?|[✓✔✗xX])\s*$")


class Walk(Protocol):
    """The attendance walk, as this module uses it (attendance.Walk)."""

    section: Section | None
    legend: dict[str, str]
    mark_columns: tuple[str, ...]
    items: bool

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool: ...


def read_grid(walk: Walk, block: Block) -> bool:
    """Reads a line of a grid: its header row (before any item) or a member's row under it;
    False when the line is neither (the walk then reads it as usual)."""
    if walk.mark_columns and read_grid_row(walk, block, walk.mark_columns):
        return True
    walk.mark_columns = () if walk.items else grid_marks(block.text, walk.legend)
    return bool(walk.mark_columns)


def grid_marks(text: str, legend: dict[str, str]) -> tuple[str, ...]:
    """The column marks of a grid's header row, or () when the line is no such header: its
    marks must be ones a legend or the marks table explains, two of them at least, and the
    words before them must not be a sentence (at most eight words)."""
    m = _HEADER.match(text)
    if m is None or len(m["words"].split()) > 8:
        return ()
    marks = tuple(m["marks"].split())
    known = data("cues")["marks"]
    if all(mark in legend or mark in known or mark[:1] in legend for mark in marks) and \
            len(set(marks)) == len(marks):
        return marks
    return ()


def read_grid_row(walk: Walk, block: Block, marks: tuple[str, ...]) -> bool:
    """Reads one member's row of the grid whose header gave `marks`; False when the line is
    not one (it ends in none of them): the grid is over."""
    m = _ROW.match(block.text)
    if m is None or not (m["mark"] in marks or m["mark"].upper() in ("X", "✓", "✔", "✗") or any(
            m["mark"] in column.split("/") for column in marks)):  # 'R' under 'D/R'
        return False
    code = data("cues")["marks"].get(m["mark"]) or mark_code(m["mark"], walk.legend)
    if code == "X":
        return True  # did not attend, and sent no apologies: recorded nowhere
    section = walk.section
    walk.section = Section("apologies" if code == "A" else "attendees", rule="mark-grid",
                           allow_single=True)
    walk.content(replace(block, text=block.text[:m.end("member")]), 0)
    walk.section = section
    return True
