"""Tables drawn without rules, found from how their lines line up.

Word tables whose borders are switched off are common in minutes (an attendance grid,
"Officers: | Name | Post"), and pdfplumber's table finder, which follows ruling lines, does
not see them: their rows reached the extractors as lines whose cells ran into each other
("Lara Moss Head of Planning"). A line whose words leave a tab-wide gap has parts
(`Line.cells`); consecutive lines whose parts start at the same x positions are the rows of
a table, and become one, as a ruled table would.

A line of one part under a later column ends the table: it is as often a hanging indent's
wrapped text ("12 <tab> MINUTES OF THE MEETING ..." and its next line) as a cell's, and a
list's number or bullet before a tab is no cell either.
"""

from __future__ import annotations

from pipeline.readers.pdf_blocks import BARE_NUMBER_RE, BULLETS, NUMBER_RE, SYMBOL_BULLETS
from pipeline.readers.pdf_layout import Item, Line, TableItem

COLUMN_SLACK = 4.0  # pt: how far apart the parts of one column may start
ROW_GAP = 1.5  # x font size: the most white space between two rows of one table
MIN_ROWS = 2  # lines with parts that make a table


def borderless_tables(items: list[Item]) -> list[Item]:
    """The items, with each run of lined-up lines replaced by one table."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        run = _run(items, i)
        if run:
            out.append(_table(run))
            i += len(run)
        else:
            out.append(items[i])
            i += 1
    return out


def _tabular(line: Item) -> bool:
    if not isinstance(line, Line) or len(line.cells) < 2 or line.band or line.ocr is not None:
        return False
    first = line.cells[0][1]
    # "1.<tab>Apologies", "12<tab>MINUTES", "•<tab>text": a list's number or bullet, not a cell
    return not (NUMBER_RE.fullmatch(first) or BARE_NUMBER_RE.fullmatch(first)
                or first in BULLETS or first in SYMBOL_BULLETS)


def _near(x: float, columns: list[float]) -> int | None:
    return next((k for k, c in enumerate(columns) if abs(x - c) <= COLUMN_SLACK), None)


def _run(items: list[Item], i: int) -> list[Line]:
    """The lines from i that make one table (none when they do not)."""
    first = items[i]
    if not _tabular(first):
        return []
    assert isinstance(first, Line)
    columns = [x for x, _ in first.cells]
    run, rows = [first], 1
    for line in items[i + 1:]:
        previous = run[-1]
        if not isinstance(line, Line) or line.page != first.page or line.band or \
                line.top - previous.bottom > ROW_GAP * previous.size or line.top < previous.top:
            break
        if _tabular(line):
            # every part starts where the first row's parts start (a row may leave cells
            # empty): text set at tab stops lines up now and then, a table's columns always
            if any(_near(x, columns) is None for x, _ in line.cells) or \
                    _near(line.cells[0][0], columns[:1]) is None:
                break
            rows += 1
        else:
            break  # a lone part under a column: a hanging indent's text as likely as a cell's
        run.append(line)
    if all(line.cells[0][1].endswith(":") for line in run):
        return []  # "Wards affected:<tab>All": labelled lines set at a tab stop, as Word's are
    return run if rows >= MIN_ROWS else []


def _table(run: list[Line]) -> TableItem:
    columns = sorted({x for line in run for x, _ in line.cells})
    merged: list[float] = []
    for x in columns:  # the starts of one column, a few points apart, are one column
        if not merged or x - merged[-1] > COLUMN_SLACK:
            merged.append(x)
    rows: list[list[str | None]] = []
    for line in run:
        parts = line.cells
        row: list[str | None] = [None] * len(merged)
        for x, text in parts:
            k = min(range(len(merged)), key=lambda c: abs(merged[c] - x))
            row[k] = f"{row[k]} {text}" if row[k] else text
        rows.append(row)
    return TableItem(rows, run[0].page)

