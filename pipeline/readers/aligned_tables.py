"""Tables a text file lays out with runs of spaces, read back into rows of cells.

pdftotext's layout mode, a copied CMIS or ModernGov attendance tab and a clerk's typed
table set their columns with runs of spaces, one row a line:

    Name                      Role                 Attendance
    Cllr R J Ainsworth        Chairman             Present
    Cllr F Osei               Substitute           Present as substitute for Cllr T Whitcombe

A run of lines is taken for a table only under a header whose cells are all column names
(`models/layout/aligned_tables.json`, with the attendance tables' own), or, without one,
when `min_rows` lines or more give a short name-like first cell and a second cell at the
same two columns ('Mr Jonathan Aske            Chairman of the Trust'): a paragraph
typed with two spaces after its full stops, or items numbered '1.  Title', are no tables. The
rows are the lines after it whose cells each start at one of the header's columns (give
or take `slack` characters); a blank line between rows is allowed. A cell at no column of
the header, or a lone cell in the first column ('Officers'), ends the table, but for a
short one straight under a row: the wrapped end of the first cell above. A row whose first
cell is empty, or that has only its first, continues the row above (a wrapped cell): the
table readers join it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.rules import read_json

#: a cell: words one space apart (two spaces or more end it)
_CELL = re.compile(r"\S+(?: \S+)*")


@dataclass(frozen=True)
class AlignedRules:
    header_cells: frozenset[str]
    slack: int
    min_rows: int
    name_chars: int
    cell_chars: int


@cache
def aligned_rules() -> AlignedRules:
    raw = read_json("layout/aligned_tables.json")
    columns = read_json("attendance/tables.json")["columns"]
    words = {word for names in columns.values() for word in names} | set(raw["header_cells"])
    return AlignedRules(frozenset(words), raw["slack"], raw["min_rows"], raw["name_chars"],
                         raw["cell_chars"])


def aligned_tables(lines: list[str]) -> dict[int, tuple[int, list[str] | None]]:
    """line index -> (the table's first line, the row's cells) for each line of a
    space-aligned table; None for a blank line inside one."""
    rules = aligned_rules()
    found: dict[int, tuple[int, list[str] | None]] = {}
    i = 0
    while i < len(lines):
        columns = _header(lines[i], rules) if "  " in lines[i] else None
        rows = _rows(lines, i + 1, columns, rules.slack) if columns is not None else []
        if rows:
            found[i] = (i, [cell for _, cell in _cells(lines[i])])
        elif "  " in lines[i] and (columns := _name_columns(lines[i], rules)) is not None:
            rows = _rows(lines, i, columns, rules.slack)
            named = [cells for _, cells in rows if cells and cells[0]]
            if len(named) < rules.min_rows or not all(_name_cell(c[0], rules) for c in named) \
                    or any(len(cells[1]) > rules.cell_chars for _, cells in rows if cells):
                rows = []  # (a long second cell: a sentence, 'Cllr X     Personal interest')
        for j, cells in rows:
            found[j] = (i, cells)
        i = max(rows)[0] + 1 if rows else i + 1
    return found


def _name_columns(line: str, rules: AlignedRules) -> list[int] | None:
    """The columns of a headerless table's first row: a short cell holding words (a name),
    then one more ('Mr Jonathan Aske            Chairman of the Trust')."""
    cells = _cells(line)
    if len(cells) != 2 or "\t" in line or not _name_cell(cells[0][1], rules):
        return None
    return [start for start, _ in cells]


#: a name's words in lower case ('Ann van der Berg', 'Dafydd ap Rhys')
_PARTICLES = frozenset({"van", "der", "den", "de", "du", "da", "di", "von", "ap", "la", "le"})


def _name_cell(text: str, rules: AlignedRules) -> bool:
    """A first column's cell as a list of people has it: short, its words capitalised
    (a note in brackets aside), no list or sentence ('1.', '26/061', 'For the amendment
    (8)', 'Councillors Akhtar, Challis,')."""
    words = re.sub(r"\([^()]*\)", " ", text).split()
    return len(text) <= rules.name_chars and sum(c.isalpha() for c in text) >= 3 and \
        not any(c in text for c in ",;:") and not text.endswith(".") and bool(words) and \
        all(w[:1].isupper() or w in _PARTICLES for w in words)


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _CELL.finditer(line.replace("\t", " "))]


def _header(line: str, rules: AlignedRules) -> list[int] | None:
    cells = _cells(line)
    if len(cells) < 2 or "\t" in line:
        return None
    if all(text.casefold().strip(" :*") in rules.header_cells for _, text in cells):
        return [start for start, _ in cells]
    return None


def _rows(lines: list[str], i: int, columns: list[int],
          slack: int) -> list[tuple[int, list[str] | None]]:
    rows: list[tuple[int, list[str] | None]] = []
    blank = False
    for j in range(i, len(lines)):
        line = lines[j].replace("\f", "")
        if not line.strip():
            if blank or not rows:
                break
            blank = True
            continue
        cells = _fit(line, columns, slack) if "\t" not in line else None
        if cells is None and rows and not blank and _wrapped_first(line, lines, j, columns,
                                                                   slack):
            cells = [line.strip()] + [""] * (len(columns) - 1)
        if cells is None or (not rows and not cells[0]):
            break
        if blank:
            rows.append((j - 1, None))
        rows.append((j, cells))
        blank = False
    return rows


def _wrapped_first(line: str, lines: list[str], j: int, columns: list[int],
                   slack: int) -> bool:
    """A short lone cell in the first column straight under a row, before another row or
    the table's end: the end of the first cell above, wrapped ('Superintendent Daniel
    Lowbridge Police' / 'Amankwah'). Not a column's name ('Officers') nor a label."""
    cells = _cells(line)
    following = lines[j + 1].replace("\f", "") if j + 1 < len(lines) else ""
    if len(cells) != 1 or abs(cells[0][0] - columns[0]) > slack:
        return False
    text = cells[0][1]
    if len(text.split()) > 3 or text.endswith(":") or \
            text.casefold() in aligned_rules().header_cells:
        return False
    return not following.strip() or ("\t" not in following and _fit(
        following, columns, slack) is not None and _header(following, aligned_rules()) is None)


def _fit(line: str, columns: list[int], slack: int) -> list[str] | None:
    """The line's cells in the header's columns, or None when it is no row of them."""
    out = [""] * len(columns)
    last = -1
    for start, text in _cells(line):
        column = next((k for k, at in enumerate(columns) if abs(start - at) <= slack), None)
        if column is None or column <= last:
            return None
        out[column], last = text, column
    filled = [k for k, text in enumerate(out) if text]
    if filled in ([], [0]):
        return None  # a lone first cell: a label or a paragraph after the table
    return out
