"""Members listed straight under a paper's header with no 'Present' label, read by the
attendance walk (`attendance.Walk`) before any label or item."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from pipeline.extractors.people.attendance_sentences import list_end
from pipeline.extractors.people.coded_lines import code_then_name
from pipeline.extractors.people.labels import Section
from pipeline.extractors.people.line_shapes import PLACE_LEAD
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.register import Register
from pipeline.extractors.people.scanning import may_be_titled
from pipeline.model import Block, BlockKind

_CODED = Section("attendees", capacity="member", rule="unlabelled-list")


class Walk(Protocol):
    """What of the attendance walk (`attendance.Walk`) the reading uses."""

    register: Register
    listed: bool
    section: Section | None

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool: ...


def unlabelled(walk: Walk, block: Block) -> bool:
    """Members listed straight under the header with no 'Present' label: 'Ann Rudd (AR),
    Ian Kerr (IK)', 'Cllr Ann Hollis Chair' (a column), 'Councillor X (in the Chair);
    Councillors A, B'. Only before any label or item, and only names that carry an
    initials code or an honorific. `walk`: the attendance walk (its register, section,
    content and whether it has listed members yet)."""
    if block.kind is BlockKind.TABLE_ROW:  # its cells as one line, tabs as spaces
        block = replace(block, kind=BlockKind.PARAGRAPH, text=block.text.replace("\t", " "))
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):  # (a bold line in Word)
        return False
    text = block.text
    if (coded := code_then_name(text, 0, len(text))) is not None:  # "PB Priya Bhandari"
        walk.register.add("attendees", coded, block, _CODED)
        walk.listed = True
        return True
    # "Edzell - Mr C. Sinclair, Mr I. Rennie": a community council's members by place
    start = place.end() if (place := PLACE_LEAD.match(text)) else 0
    if list_end(text, start, len(text)) < len(text):
        return False  # "Councillor Reid, Convener, presided.": a sentence
    stop = text.find(";") if ";" in text else len(text)
    if not walk.listed and "(" not in text[start:stop] and "[" not in text[start:stop] \
            and not may_be_titled(text, start, stop):
        return False  # no initials code, no honorific: whatever it lists, it is not one
    first = parse_list(text, start, stop)
    # "Jo Lambourne (JL) Clerk" under an unlabelled list of coded members: staff
    # (or "PCSO Jo Bell North Wales Police": a rank and a force under the members)
    staff = bool(walk.listed and first and len(first) == 1 and first[0].roles and (
        first[0].code or first[0].orgs))
    if not first or not staff and (not all(p.code or p.titled for p in first) or (
            len(first) == 1 and not first[0].titled)) and not (  # "Ann Bell (Probation
            walk.listed and len(first) == 1 and first[0].orgs):  # Service)" in the list
        return False
    walk.section = Section("attendees", capacity="officer" if staff else "member",
                           rule="unlabelled-list")
    walk.listed = True
    walk.content(block, start)
    walk.section = None
    return True
