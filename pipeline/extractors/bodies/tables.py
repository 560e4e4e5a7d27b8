"""Relations a structure table states: a header row with a relation column ('Group | Reports
to | Chair | Meets', 'Body | Accountable to', 'Organisation | Represented on') says, for every
row below it in the same table, how the body the row names stands to the bodies in that
column's cell. The header words are data (`models/structure/table_columns.json`); the names
in the cells are the mentions `names.py` found in the row, resolved by the sentence reader."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.bodies.clauses import ClauseReader
from pipeline.extractors.bodies.clauses import Context as _Context
from pipeline.extractors.bodies.names import Mention, fold
from pipeline.extractors.bodies.units import Unit
from pipeline.model import Block
from pipeline.rules import read_json

__all__ = ["TableReader"]

TABLE_COLUMNS = "structure/table_columns.json"
#: the kinds of mention a cell may name a body by ('the Board' too: the paper's)
_NAMED = ("body", "acronym", "generic", "phrase", "org")


@dataclass(frozen=True)
class ColumnRules:
    relations: dict[str, tuple[str, bool]]  # folded header -> (relation, reverse)
    names: frozenset[str]  # headers of the column that names each row's body


@cache
def column_rules(path: str = TABLE_COLUMNS) -> ColumnRules:
    raw = read_json(path)
    relations = {h: (c["relation"], c["reverse"]) for c in raw["relation_columns"]
                 for h in c["headers"]}
    return ColumnRules(relations, frozenset(raw["name_headers"]))


def _header(cell: str) -> str:
    return " ".join(cell.lower().strip().rstrip(":.").split())


@dataclass
class _Layout:
    name: int  # the column naming each row's body
    columns: list[tuple[int, str, bool]]  # (column, relation, reverse)


class TableReader:
    """Reads a paper's table rows in order, remembering each table's header."""

    def __init__(self, reader: ClauseReader) -> None:
        self.reader = reader
        self.layouts: dict[int, _Layout | None] = {}  # table -> its layout (None: none yet)

    def row(self, block: Block, doc: Unit, mentions: list[Mention]) -> None:
        """One table row: a header row sets its table's layout, a row below it gives edges."""
        if block.table is None:
            return
        layout = self.layouts.get(block.table)
        if layout is None:  # (a title row may stand above the header)
            self.layouts[block.table] = self._layout(block)
            return  # a header row names no body's line; a row above a header has no layout
        if not mentions:
            return
        # one entry per tab (an empty cell's two tabs may be one token)
        tabs = [k for k, text in enumerate(doc.texts) if "\t" in text
                for _ in range(text.count("\t"))]
        by_cell: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.kind in _NAMED and not m.possessive:
                by_cell.setdefault(bisect_right(tabs, m.start), []).append(m)
        ctx = _Context(doc, doc.span(0, len(doc.texts)), mentions)
        named = by_cell.get(layout.name, [])
        for column, relation, reverse in layout.columns:
            # a row names one body (its first name: an acronym may follow it); an
            # organisation's row states where it sits, not what it reports to
            first = next((m for m in named if relation == "member_of" or m.kind != "org"), None)
            sources = self.reader.name(first, ctx)[:1] if first is not None else []
            targets = [n for m in by_cell.get(column, ()) for n in self.reader.name(m, ctx)]
            for s in sources:
                for t in targets:
                    source, target = (t, s) if reverse else (s, t)
                    if fold(source) and fold(target) and fold(source) != fold(target):
                        self.reader.edges.append((source, relation, target, block, ctx.sent))

    @staticmethod
    def _layout(block: Block) -> _Layout | None:
        """A header row's layout: its relation columns and the column naming each row's body
        (a column with a name header, else the first that is no relation column)."""
        rules = column_rules()
        cells = [_header(c) for c in (block.cells or tuple(block.text.split("\t")))]
        columns = [(k, *rules.relations[c]) for k, c in enumerate(cells) if c in rules.relations]
        if not columns:
            return None
        taken = {k for k, _, _ in columns}
        name = next((k for k, c in enumerate(cells) if c in rules.names and k not in taken),
                    next((k for k in range(len(cells)) if k not in taken), None))
        return None if name is None else _Layout(name, columns)
