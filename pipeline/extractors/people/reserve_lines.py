"""A table of ordinary members and the reserves who sat for them, set as lines.

ModernGov's "Attendance by Reserve Members" minute notes a two-column table, 'Ordinary
Member | Reserve Member', one pair a row. A copy of the page that lost the table (as
text, or a mirror) gives each cell a line of its own: the two headers, then the names
two by two ('Councillor Anita Pellow' / 'Councillor Graham Tisdall' / ...). Read so,
each pair is a substitution: the reserve attended, for the ordinary member. The headers'
words are data: `reserve_headers` in models/attendance/substitution.json."""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from pipeline.extractors.people.labels import Section
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.register import Register
from pipeline.extractors.people.vocabulary import data
from pipeline.model import Block

#: the walk expects the reserves' header, then a member's line, then their reserve's
HEADER, MEMBER = "header", ""
_SECTION = Section("substitutes", rule="reserve-lines")


class Walk(Protocol):
    """The attendance walk, as this module uses it (attendance.Walk)."""

    register: Register
    reserve: str | None  # None, HEADER, MEMBER or the ordinary member awaiting a reserve


@cache
def _headers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = data("substitution")["reserve_headers"]
    return re.compile(raw["member"], re.I), re.compile(raw["reserve"], re.I)


def read_reserve_lines(walk: Walk, block: Block, following: Block | None) -> bool:
    """Reads a line of such a table (a header, or one of a pair's names); False when the
    line is none, which ends the table."""
    member_header, reserve_header = _headers()
    text = block.text.strip()
    if walk.reserve is None:
        if member_header.fullmatch(text) and following is not None and \
                reserve_header.fullmatch(following.text.strip()):
            walk.reserve = HEADER
            return True
        return False
    if walk.reserve == HEADER:
        walk.reserve = MEMBER if reserve_header.fullmatch(text) else None
        return walk.reserve is not None
    persons = parse_list(text, 0, len(text), True)
    if not persons or len(persons) != 1 or persons[0].end < len(text.rstrip(" .")):
        walk.reserve = None  # the table is over
        return False
    person = persons[0]
    if walk.reserve == MEMBER:
        walk.reserve = person.name
        return True
    person.sub_for, walk.reserve = walk.reserve, MEMBER
    walk.register.add("substitutes", person, block, _SECTION)
    return True
