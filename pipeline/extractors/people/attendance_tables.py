"""Attendance written as tables, and the labels that tables share with lines.

Minutes often lay the attendance record out as a table rather than as lines: label/content
rows ("Officers:" | names), name/role/organisation grids with or without a header row,
P/A/D grids explained by a legend ("P = Present   A = Apologies"), tick grids
("Members | Attendance"), rows that only carry the wrapped end of the row above, and
space-aligned tables whose spacing a reader collapsed into single spaces.

`TableReader` reads those: `attendance.Walk` mixes it in and hands over at the first table
row; it adds what it finds to the walk's register and hands label cells (and a group's,
'Group A | Mr X') back to the walk's `content`. What tables share with lines is labels.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extractors.people.collapsed_rows import split_collapsed
from pipeline.extractors.people.labels import (
    Pair,
    Section,
    cue,
    item_kind,
    item_title,
    mark_code,
    status,
)
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.names import (
    Person,
    classify,
    clean_name,
    parse_person,
    prefix,
    substitution,
)
from pipeline.extractors.people.register import Register
from pipeline.extractors.people.vocabulary import data, pattern
from pipeline.model import Block, BlockKind
from pipeline.regex_cache import compile_cached

LONE_WORD, ACRONYM = compile_cached(r"[A-Z][\w'’-]+"), compile_cached(r"[A-Z]{2,6}")


class TableReader:
    """The table half of `attendance.Walk`, which supplies `blocks`, `register`, `section`,
    `legend`, `content` (persons in a line under the open label) and `item` (an item
    heading opens or closes a section)."""

    blocks: list[Block]
    register: Register
    section: Section | None
    legend: dict[str, str]
    # a header row standing alone over a label line ('NAME | ORGANISATION | Attending' /
    # 'Board Members' / the rows): kept for the rows under the label, with its cells
    held_header: tuple[list[str | None], list[str]] | None = None
    # whether the grid's mark column marks those present ('√', 'P'): a blank mark is then
    # someone who did not attend, not someone present
    present_marked: bool = False

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool:
        raise NotImplementedError

    def item(self, title: str) -> None:
        raise NotImplementedError

    def table(self, i: int) -> int:
        """A run of table rows (or '|' rows): header grid, label/content rows, or a
        headerless name/role/organisation grid."""
        rows, j = self.rows(i)
        if any(text.casefold().strip(" :*") in data("tables")["not_attendance"]
               for text, _ in rows[0][1]):
            return j  # a declarations table: its members are declarers, not attendance
        header = _header(rows[0][1])
        if header and len(rows) == 1 and self.section:
            self.held_header = (header, [t for t, _ in rows[0][1]])
            return j
        if header is None and self.held_header and self.section and \
                max(len(c) for _, c in rows) == len(self.held_header[0]):
            self.grid(rows, *self.held_header)
            return j
        self.held_header = None
        if header and (self.section or {"member", "substitute"} <= set(header)
                       or {"attendance", "apologies"} & set(header)):
            self.grid(rows[1:], header, [t for t, _ in rows[0][1]])
            return j
        pending: list = []
        for n, (block, cells) in enumerate(rows):
            following = rows[n + 1][0] if n + 1 < len(rows) else None
            first = cells[0][0]
            found = cue(first) if first else None
            if self.minuted_item(block, cells) or self.labelled_item(block, cells):
                continue
            if (title := item_title(block, following)) is not None:
                self.grid(pending, None)
                pending = []
                self.item(title)
                if self.section and first and len(cells) > 2:
                    # '1 | Apologies | • B Naylor': the list starts in the row's next cell
                    for text, offset in cells[2:]:
                        self.content(block, offset, offset + len(text))
            elif (not first and len(cells) > 1 and not pending) or found \
                    or first.casefold().strip(" :") in data("cues")["sublabels"] or (self.section
                    and self.section.kind == "attendees" and pattern("group_cell").fullmatch(
                        first.strip(" :"))):
                if first:  # a label cell ("Officers:", "Whole of meeting") opens new rows
                    self.grid(pending, None)
                    pending = []
                    self.section = found[0] if found else self.section
                for text, offset in cells[1:]:
                    self.content(block, offset, offset + len(text))
            else:
                pending.append((block, cells))
        self.grid(pending, None)
        return j

    def labelled_item(self, block: Block, cells: list[tuple[str, int]]) -> bool:
        """A minute row whose number cell stands before a label and its list ('23/101 |
        Apologies for absence: Cllr A (work), Cllr B. |'): the list is read under the label."""
        if len(cells) < 2 or not (m := pattern("item").match(cells[0][0].strip())) or m.group(2):
            return False
        text, offset = cells[1]
        found = cue(text)
        if not found or not text[found[1]:].strip(" .:-\u2013\u2014"):
            return False
        self.section = found[0]
        self.content(block, offset + found[1], offset + len(text))
        return True

    def minuted_item(self, block: Block, cells: list[tuple[str, int]]) -> bool:
        """A ModernGov item row 'No. | Title, agenda note, Minutes: what was minuted': an
        apologies or substitutes item reads what follows its 'Minutes:' ('Cllr A King.')."""
        if len(cells) != 2 or not re.fullmatch(r"\d{1,4}[.)]?", cells[0][0]):
            return False
        text, offset = cells[1]
        marker = pattern("minutes_in_cell").search(text)
        if marker is None:
            return False
        kind = item_kind(text[:min(marker.start(), 60)])
        self.section = Section(kind, rule=f"item-{kind}") if kind else None
        if self.section:
            self.content(block, offset + marker.end(), offset + len(text))
        return True

    def rows(self, i: int) -> tuple[list[tuple[Block, list[tuple[str, int]]]], int]:
        """The blocks of one table from block i, with their cells."""
        rows: list[tuple[Block, list[tuple[str, int]]]] = []
        first, j, wrapped = self.blocks[i], i, False
        table = first.table
        while j < len(self.blocks):
            b = self.blocks[j]
            after = self.blocks[j + 1] if j + 1 < len(self.blocks) else None
            if first.kind is not BlockKind.TABLE_ROW:
                same = b.text.count("|") >= 2
            elif b.kind is BlockKind.TABLE_ROW:
                same, table, wrapped = b.table == table or wrapped, b.table, False
            else:
                # A wrapped name cell without a tab ("Okonjo", "Nell Devlin)") splits the
                # table in a text rendering; it belongs to the row above.
                above = rows[-1][1][0][0] if rows else ""
                same = wrapped = (after is not None and after.kind is BlockKind.TABLE_ROW
                                  and b.kind is BlockKind.PARAGRAPH and len(b.text.split()) <= 3
                                  and not cue(b.text)  # ('Officers' over the next table)
                                  and (LONE_WORD.fullmatch(b.text) is not None
                                       or above.count("(") > above.count(")")))
            if not same:
                break
            cells = _cells(b) if b.kind is BlockKind.TABLE_ROW or "|" in b.text else [(b.text, 0)]
            rows.append((b, cells))
            j += 1
        return rows, j

    def grid(self, rows: list, header: list[str | None] | None, titles: list | None = None) -> None:
        """Name/role/organisation rows; wrapped cells are joined to the row they continue."""
        if not rows or (header is None and not self.section):
            return
        width = max(len(c) for _, c in rows)
        header = header or _infer(rows, width)
        if header is None:
            return
        key = next((header.index(k) for k in ("name", "member", "apologies") if k in header), 0)
        merged: list[tuple[Block, list[list] | Section]] = []
        for block, cells in rows:
            cells = [list(c) for c in cells] + [["", 0] for _ in range(width - len(cells))]
            if (found := _label_row(cells)) is not None:
                merged.append((block, found))  # 'Guests' alone in its row: a new section
            elif merged and isinstance(above := merged[-1][1], list) and \
                    _continues(above[key][0], cells[key][0], rows, key):
                for col, (text, _) in enumerate(cells[:len(above)]):
                    if text:
                        above[col][0] = f"{above[col][0]} {text}".strip()
            else:
                merged.append((block, cells))
        label = next((t for t, h in zip(titles or [], header, strict=False)
                      if h == "substitute"), "Substitute")
        marks = [k for k, h in enumerate(header) if h == "attendance"]
        self.present_marked = any(
            mark_code(cells[k][0], self.legend) == "P" for _, cells in merged
            if isinstance(cells, list) for k in marks if k < len(cells) and cells[k][0].strip())
        codes: dict[str, str] = {}
        # people side by side ("name | role | name | role"): each name with the cells after it
        starts = [k for k, h in enumerate(header) if h == "name"] or [0]
        groups = list(zip(starts, [*starts[1:], len(header)], strict=True))
        for block, cells in merged:
            if isinstance(cells, Section):
                self.section = cells
                continue
            for a, b in groups if len(groups) > 1 else [(0, len(header))]:
                self.grid_row(block, dict(zip(header[a:b], cells[a:b], strict=False)), codes,
                              label)

    def grid_row(self, block: Block, row: dict, codes: dict, label: str) -> None:
        text = {h: cell[0] for h, cell in row.items() if h}
        section = self.section or Section("attendees", rule="table-grid")
        span = {h: (cell[1], min(cell[1] + len(cell[0]), len(block.text)))
                for h, cell in row.items()}
        if text.get("substitute") and text.get("member"):
            member, substitute = clean_name(text["member"]), clean_name(text["substitute"])
            if member and substitute:
                self.register.pair(Pair(member, substitute, text.get("organisation", ""), block,
                                        *span["substitute"], label, "substitutes-table"))
            return
        mark = text.get("apologies")
        if mark is not None and text.get("name") and (
                len(mark) <= 3 or _column(mark) == "apologies"):
            # "Name | Title | Apols": the cell marks the row's person; an empty one, present
            section = replace(section, kind="apologies" if mark.strip() else "attendees")
            text["apologies"] = ""
        for kind in ("apologies", "name"):  # a "Present | Apologies" grid has both
            value = text.get(kind, "")
            for person in parse_list(value, 0, len(value), allow_single=True) or ():
                person.start, person.end = span[kind]
                target = section if kind == "apologies" else self.mark(person, text, codes, section)
                if target:
                    self.register.add("apologies" if kind == "apologies" else target.kind,
                                      person, block, target)

    def mark(self, person: Person, text: dict, codes: dict, section: Section) -> Section | None:
        """Role, organisation and P/A/D mark from a grid row's other cells."""
        role = text.get("role", "").strip()
        bracket = re.search(r"\(([^()]*)\)\s*$", role)
        if bracket and (sub := substitution(bracket.group(1))):
            setattr(person, *sub)  # "Superintendent (deputising for Ch Supt X)" as the role
            role = role[:bracket.start()]
        role = role.strip()
        if role[:1] in "-–—" and (sub := substitution(role.lstrip("-–— "))):
            setattr(person, *sub)  # "Superintendent G Lowde | - Chief Inspector A Stroud
            role = ""  # substituted": an apology's cell naming who came instead
        if role.startswith("(") and role.endswith(")"):  # "(Chair)" in a cell of its own
            role = role[1:-1].strip()
        person.roles += [role] if role else []
        person.orgs = [text["organisation"]] if text.get("organisation") else person.orgs
        codes[person.code] = person.name
        if text.get("note") and (sub := substitution(text["note"])):
            setattr(person, *sub)  # "Substitute for Councillor X" in an attendance comment
        if text.get("role", "").strip().casefold() in ("officer", "officers") and \
                section.capacity == "member":
            section = replace(section, capacity="officer")  # ModernGov's 'Role: Officer'
        mark = text.get("attendance", "").strip()
        if not mark:  # ('Owain Tudor | Careers Wales |' among ticks: he did not come)
            return None if self.present_marked and "attendance" in text else section
        status_code = mark_code(mark, self.legend)
        # "D (for TA)": a deputy for the member coded TA; "Present as substitute for Cllr X"
        target = pattern("deputy_for").search(mark) or pattern("status_for").search(mark)
        if status_code == "D" and target:
            person.sub_for = person.sub_for or codes.get(target.group(1).strip(),
                                                         clean_name(target.group(1)))
        return status(section, status_code)

    def collapsed(self, i: int, header: list[str]) -> int:
        """Rows of a space-aligned table whose spacing the reader collapsed: cut by vocabulary."""
        while i < len(self.blocks) and self.section:
            block = self.blocks[i]
            following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if block.kind is BlockKind.HEADING or cue(block.text) or item_title(block, following):
                break
            tail = following.text if following is not None and LONE_WORD.fullmatch(
                following.text) else ""
            lone = bool(tail)
            person = split_collapsed(block.text, header, tail)
            if person is None:
                break
            self.register.add(self.section.kind, person, block, self.section)
            i += 2 if lone else 1
        return i


# ---------------------------------------------------------------- table helpers


def collapsed_header(text: str) -> list[str] | None:
    """'Name Organisation Role' on a line of its own: the header of a space-aligned table."""
    words = text.casefold().split()
    if not 2 <= len(words) <= 5:
        return None  # a paragraph under a label: not looked up word by word
    header = [_column(w) for w in words]
    if all(header) and header[0] == "name" and len(set(header)) == len(header):
        return [h for h in header if h]
    return None


def _cells(block: Block) -> list[tuple[str, int]]:
    """(text, offset in block.text) of each cell; a bullet in the first cell is no text."""
    out, offset = [], 0
    for part in block.cells if block.kind is BlockKind.TABLE_ROW else block.text.split("|"):
        out.append((part.strip(), offset + len(part) - len(part.lstrip())))
        offset += len(part) + 1
    if out[0][0] in data("tables")["bullets"]:
        out[0] = ("", out[0][1])
    return out


def _column(word: str) -> str | None:
    """The column a header cell names, after the body's initials ('HSAB Members')."""
    word = word.strip(" :*")
    head, _, rest = word.partition(" ")
    return _columns().get((rest if rest and ACRONYM.fullmatch(head) else word).casefold())


def _label_row(cells: list[list]) -> Section | None:
    """The section a grid row opens that holds only a label ('Guests', 'In attendance')."""
    found = cue(cells[0][0]) if cells[0][0] and not any(c[0] for c in cells[1:]) else None
    return found[0] if found and not cells[0][0][found[1]:].strip(" :") else None


@cache
def _columns() -> dict[str, str]:
    """Each header word of models/attendance/tables.json with its column (the first that
    lists it)."""
    found: dict[str, str] = {}
    for kind, words in data("tables")["columns"].items():
        for word in words:
            found.setdefault(word, kind)
    return found


def _header(cells: list[tuple[str, int]]) -> list[str | None] | None:
    kinds = [_column(text) if text else None for text, _ in cells]
    if any(t and not k for k, (t, _) in zip(kinds, cells, strict=True)) or \
            not {"name", "member", "substitute", "apologies"} & set(kinds):
        return None
    if "member" in kinds and "substitute" not in kinds:
        kinds = ["name" if k == "member" else k for k in kinds]
    return kinds


def _infer(rows: list, width: int) -> list[str | None] | None:
    """Columns of a grid without a header: names first, then whichever of role and
    organisation the cells read as."""
    names = sum(parse_person(c[0][0], 0, len(c[0][0])) is not None for _, c in rows)
    if width < 2 or names < max(1, len(rows) // 3):
        return None
    header: list[str | None] = ["name"]
    for col in range(1, width):
        texts = [c[col][0] for _, c in rows if col < len(c) and c[col][0]]
        people = [p for t in texts if (p := parse_person(t, 0, len(t))) is not None]
        titled = sum(p.titled for p in people)
        if texts and (titled * 2 > len(texts) or len(people) == len(texts) and not any(
                classify(t) for t in texts)):
            # "Cllr A Bell | (Chair) | Cllr D Evans", "Ann Bell | Carl Dee": people side by side
            header.append("name")
            continue
        kinds = [classify(t) for t in texts]
        header.append("organisation" if kinds.count("org") > kinds.count("role") else "role")
    if header.count("role") > 1 and "organisation" not in header and header.count("name") == 1:
        header[-1] = "organisation"
    return header


def _continues(previous: str, name: str, rows: list, key: int) -> bool:
    """Whether a row only carries the wrapped end of the row above: an empty name cell, a
    lone bracket, an open bracket above, or a lone surname under a rank and forename."""
    if not name.strip() or re.fullmatch(r"\(.*\)", name.strip()):
        return True
    if previous.count("(") > previous.count(")"):
        return True
    if not LONE_WORD.fullmatch(name.strip()):
        return False
    offset, roles, _, honorific, _ = prefix(previous)
    if len(previous[offset:].split("(")[0].split()) != 1 or (honorific and not roles):
        return False
    longer = sum(len(c[key][0].split()) >= 2 for _, c in rows if key < len(c))
    return longer * 2 > len(rows)
