"""Attendance, apologies and substitutes, read from a Document's blocks.

The attendance record of UK minutes is a run of labelled sections before the first item
("Present:", "Also in attendance:", "Officers:", "Apologies:") written as lines, sentences,
label/content tables, name/role/organisation grids or P/A/D grids, then an apologies item
and sentences such as "X attended as substitute for Y" further down. The walk only trusts
names under such a label; anyone else a paper mentions is discussion, not attendance.
Before the first item, "Mr X, Link Officer, was in attendance." counts too; on a ModernGov
page an item's agenda note closes its section and a bare "Minutes:" line reopens it; a
paper that writes each member's ward after a dash ("Councillor A Bright - Hillside") has
the ward cut off. Vocabularies: models/attendance/; one person names.py, coded_lines.py;
lists lists.py; labels labels.py; tables attendance_tables.py; sentences *_sentences.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extractors.people.attendance_sentences import (
    AREA_LABEL,
    area_line,
    list_end,
    narrative,
    run_on_sentence,
    sentence_end,
    sentences,
    substitute_sentence,
)
from pipeline.extractors.people.attendance_tables import TableReader, collapsed_header
from pipeline.extractors.people.coded_lines import coded_line, member_and_council
from pipeline.extractors.people.labels import (
    Section,
    cue,
    group_line,
    item_kind,
    item_title,
    marked_run,
    next_label,
    opened_under,
    paper_legend,
    status,
)
from pipeline.extractors.people.line_shapes import (
    FIELD_LINE,
    ITEM_LEAD,
    PLACE_LEAD,
    apology_gate,
    sub_labels,
    sub_numbered,
    substitute_statement,
    titled_line,
    wrapped,
)
from pipeline.extractors.people.lists import parse_list, run_together
from pipeline.extractors.people.mark_grid import read_grid
from pipeline.extractors.people.merged_names import bare, list_lines, split_merged
from pipeline.extractors.people.names import classify, clean_name
from pipeline.extractors.people.office_brackets import office_then_name
from pipeline.extractors.people.present_sentences import present_sentences
from pipeline.extractors.people.register import Register, same_person
from pipeline.extractors.people.reserve_lines import read_reserve_lines
from pipeline.extractors.people.star_marks import read_starred, star_legend
from pipeline.extractors.people.titled_runs import titled_run
from pipeline.extractors.people.unlabelled import unlabelled
from pipeline.extractors.people.vocabulary import data, pattern, vocab
from pipeline.extractors.people.wards import Wards, ward_at
from pipeline.extractors.sections.metadata import classify_kind
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached

__all__ = ["extract_attendance", "same_person"]  # same_person: callers match names with it

def extract_attendance(document: Document) -> dict[str, list[dict]]:
    """Attendees, apologies and substitutes of one paper, each row with its provenance."""
    register = Register()
    if classify_kind(document)[0] == "agenda":
        return register.rows()  # an agenda lists the membership: nobody has attended yet
    Walk(document.blocks, register, opening=True).run()
    sentences(document, register)
    return register.rows()


# ---------------------------------------------------------------- the walk


class Walk(TableReader):
    """Reads blocks in order, keeping the section the last label opened; tables are read by
    the TableReader of attendance_tables.py."""

    def __init__(self, blocks: list[Block], register: Register, opening: bool = False) -> None:
        self.blocks, self.register = list(blocks), register
        self.section: Section | None = None
        self.legend = paper_legend(blocks)
        self.wards = Wards(blocks)  # (read off the blocks when first asked)
        self.opening = opening  # no label or item seen yet: an unlabelled list may open
        # the section a narrative paragraph closed: a ModernGov page gives an item's agenda
        # text, then 'Minutes:' and what the meeting recorded under the same item
        self.paused: Section | None = None
        self.items = False  # an item heading seen: the attendance record is behind
        self.welcome = False  # inside an opening welcome item, whose sentences say who came
        self.listed = False  # an unlabelled list read
        self.at = 0  # the index of the block being read
        self.star = star_legend(blocks)  # '*attended': a star marks who was present
        self.mark_columns: tuple[str, ...] = ()  # a grid header's status columns (mark_grid)
        self.reserve: str | None = None  # where a table of reserves is read (reserve_lines)

    def run(self) -> None:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)

    def step(self, i: int) -> int:
        block, self.at = self.blocks[i], i
        following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if following is not None and wrapped(block, following, self.section or cue(block.text)):
            gap = " " * max(following.start - block.end, 1)  # "Cllr Mrs V" / "Penrose, ..."
            self.blocks[i:i + 2] = [replace(block, text=block.text + gap + following.text,
                                            end=following.end)]
            return i
        if block.kind is BlockKind.PARAGRAPH and (parts := sub_numbered(block)):
            self.blocks[i:i + 1] = parts  # "1.2 Present: A, B 1.3 Apologies: C 1.4 Absent: D"
            return i
        if block.kind is BlockKind.TABLE_ROW and self.opening and self.section is None and len(
                block.cells) <= 3 and unlabelled(self, block):
            return i + 1  # "Cllr Ann Hollis | Chair": an unlabelled list set as a borderless table
        if block.kind is BlockKind.TABLE_ROW or block.text.count("|") >= 2:
            return self.table(i)
        if self.star and read_starred(self, block):
            return i + 1
        if read_grid(self, block) or read_reserve_lines(self, block, following):
            return i + 1  # "Member P A DNA" grids, "Ordinary Member" / "Reserve Member" lines
        if self.paused and pattern("minutes_marker").match(block.text):
            self.section, self.paused = self.paused, None  # "Apologies" / agenda / "Minutes:"
            return i + 1
        if block.text.rstrip()[-1:] not in (".", ":"):
            self.paused = None  # a title line: the next item's "Minutes:" are not this one's
        if self.section and self.section.kind in ("attendees", "apologies") and (coded := (
                coded_line(block.text, 0, len(block.text))  # "Dr A Bell AB Chair"
                or member_and_council(block.text, 0, len(block.text)))):  # "A Bell X Council"
            self.register.add(self.section.kind, coded, block, self.section)  # (no label)
            return i + 1
        if self.section and self.section.kind in ("apologies", "absent") and \
                group_line(block.text):  # "had been received from: -" / "School members"
            self.section = replace(self.section, allow_single=True, grouped=True)
            return i + 1
        found = cue(block.text)
        if found and run_on_sentence(block.text, found[1]):
            found = None  # "Councillors A and B declared an interest in ...": no label
        if found or i >= 20:
            self.opening = False
        if self.opening and self.section is None and unlabelled(self, block):
            return i + 1
        if found and block.text[found[1]:].strip(" .:-–—"):
            if self.section and self.section.kind != "attendees" and \
                    pattern("councillors_label").match(block.text):
                # "APOLOGIES: Alderman A" / "Councillors: B, C", "received from:" / "Councillors A"
                found = (replace(self.section, allow_single=True), found[1])
            self.section, start = self.opened(found[0]), found[1]  # "1) Apologies – Cllrs A and B"
            self.content(block, start)
            if not self.items or self.welcome:  # "Present: A, B. Cllr C was in attendance."
                present_sentences(self.register, block)
            if self.section and self.section.rule in data("cues")["line_roles"]:
                self.section = replace(self.section, role="")  # "Chair: X" / the others
            return i + 1
        if self.section and self.section.kind == "attendees" and (
                item_lead := ITEM_LEAD.match(block.text)):  # "Item 5.2: Mr N Drummond, Solicitor"
            self.content(block, item_lead.end())
            return i + 1
        if (title := item_title(block, following)) is not None:
            self.item(title)
            if self.welcome:  # "1. Welcome: ... he welcomed CClrs A and B."
                present_sentences(self.register, block)
            run_on = pattern("apologies_run_on").match(title)
            if self.section and run_on and title in block.text:  # "141) Apologies. Cllrs A, B"
                self.content(block, block.text.index(title) + run_on.end())
            return i + (2 if following is not None and title == following.text else 1)
        if found:
            self.section, start = self.opened(found[0]), found[1]
            self.content(block, start)
            return i + 1
        if block.kind is BlockKind.PARAGRAPH:  # before the first item, or in a welcome item;
            present_sentences(self.register, block, self.items and not self.welcome)  # or a roll
        apology = pattern("apology_sentence").search(block.text) \
            if apology_gate().might_match(block.text) else None
        if apology and not block.text[apology.end():].strip(" .:-–—"):
            # "Apologies were received from:" + a list
            self.section = Section("apologies", rule="apology_sentence")
            return i + 1
        if apology and self.section and self.section.kind == "attendees" and ":" not in \
                (lead := block.text[:apology.start()]) and len(lead.split()) >= 3:
            # "The Clerk advised that apologies had been intimated from A (X), B (Y) and C":
            # a sentence (its apologies read as one), not more of the list above it
            self.section, self.paused = None, self.section
            return i + 1
        if self.section and (header := collapsed_header(block.text)):
            return self.collapsed(i + 1, header)
        low = block.text.casefold().strip(" :")
        if block.kind is BlockKind.HEADING and low not in data("cues")["sublabels"] \
                and not any(words in low for words in data("cues")["heading_sublabels"]):
            if not (self.section and titled_line(block.text)):
                self.section = None
            else:  # a member's line that Word styled as a heading: "The Mayor Councillor A Bell"
                self.content(block, 0)
        elif self.section and not self.content(block, 0) and (
                len(block.text.split()) >= 8 and block.text.rstrip().endswith(".")
                or FIELD_LINE.match(block.text) and low not in data("cues")["sublabels"]):
            # narrative, or a field of another kind ('Register of Interest – None'): the
            # record is over
            self.section, self.paused = None, self.section
        return i + 1

    def opened(self, section: Section) -> Section:
        return opened_under(self.section, section)

    def item(self, title: str) -> None:
        # a new item's heading ends the last one: its "Minutes:" reopen nothing before it
        # (a ModernGov title in capitals ending in a full stop kept the pause: "2." / "X.")
        self.opening, self.items, self.paused = False, True, None
        self.welcome = bool(pattern("welcome_item").match(title))
        kind = item_kind(title)
        self.section = Section(kind, rule=f"item-{kind}") if kind else None

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool:
        """Persons in a line under the current label; False for sentences and blanks.
        run_on: the labels of this line run into their lists without punctuation.

        A line's later labels ("Present: A, B. Apologies: C") are read in turn, not by
        recursion: a page of thousands of labels in one block ran out of stack."""
        listed = False
        while True:
            found = self._content(block, start, end, run_on)
            if isinstance(found, bool):
                return found or listed
            earlier, start, end, run_on = found  # the rest of the line, under a new label
            listed = listed or earlier

    def _content(self, block: Block, start: int, end: int | None,
                 run_on: bool) -> bool | tuple[bool, int, int | None, bool]:
        """`content` up to the line's next label: a bool when the line is done, else (whether
        persons were listed before it, where the rest starts and ends, run_on)."""
        if self.section is None:
            return False
        if run_on and (pairs := run_together(block.text, start, len(block.text) if end is None
                                             else end)):
            for person in pairs:
                self.register.add(self.section.kind, person, block, self.section)
            return True
        text, section = block.text, self.section
        if (dash := ward_at(text, start, len(text) if end is None else end)) and self.wards:
            end = dash  # "Councillor Anne Bright - Hillside": the ward is no name
        if section.kind == "absent":  # absent without apologies: neither present nor apologies
            return bool(parse_list(text, start, len(text) if end is None else end, True))
        end = len(text) if end is None else end
        if (tail := pattern("present_sentence").search(text, start, end)) and \
                text[start:tail.start()].rstrip().endswith(","):
            end = tail.start()  # "A (AB), B (BC), the temporary clerk, was in attendance."
            if section.kind != "attendees":  # (after a list of substitutes: an observer)
                section = self.section = Section("attendees", "other", rule="present_sentence")
        if section.kind == "apologies" and substitute_statement(text, start):
            return False  # "Mr B Ellery attended as a substitute for Mr G Ransome.": a sentence
        if section.kind != "substitutes" and (stop := list_end(text, start, end)) < end and (
                pattern("sent_apologies").match(text[stop:end])
                or pattern("joined_sentence").match(text[stop:end])):
            return False  # "Councillors A and B apologised for ..." / "attended ...": sentences
        if start == 0 and (marker := _MARKER.match(text) or PLACE_LEAD.match(text)):
            start = marker.end()  # "(i) Cllr A for Cllr B; and", "Balnacraig - CClr A, ..."
        if ditto := pattern("ditto").match(text[start:end]):
            start += ditto.end()  # '“ Lady Howell': the honorific above repeats
            section = self.section = replace(section, allow_single=True)
        if section.kind == "attendees" and (area := AREA_LABEL.match(text[start:end])) and \
                not cue(area.group(1) + ":") and not vocab()["hon_word"].match(area.group(1)) \
                and classify(area.group(1)) is None and not set(area.group(1).casefold().split()) \
                & set(data("cues")["exclude"]):  # a place: no office ('Contact Officer:')
            return area_line(self.register, block, section, start + area.end(), end)
        lead = next(((k, m) for k in ("received_from", "prevented_attendance")
                     if (m := pattern(k).match(text[start:end]))), None) \
            if section.kind == "apologies" else None
        if lead:
            # "These were received from A and B.", "A broken-down car prevented the attendance
            # of R. Fenwick": a sentence ends the list
            start += lead[1].end()
            stop = min(end, sentence_end(text, start))
            received = replace(section, rule=lead[0])
            for person in parse_list(text, start, list_end(text, start, stop), True) or ():
                self.register.add("apologies", person, block, received)
            if also := _ALSO.match(text[stop:end]):
                self.section = replace(received, allow_single=True)  # ". Also: County Cllr X"
                return True, stop + also.end(), end, False
            self.section = None
            return True
        for m in _STOP.finditer(text[start:end]):
            if text[start + m.start()] == "." and sentence_end(
                    text, start + m.start()) != start + m.start():
                continue  # an abbreviation's stop: "Cllr. Stainforth. Absent: Cllr. Oxley."
            if found := cue(text[start + m.end():end]):  # "Present: A, B. Also present: C"
                listed = self.content(block, start, start + m.start())
                self.section = self.opened(found[0])
                return listed, start + m.end() + found[1], end, False
            following = text[start + m.end():sentence_end(text, start + m.end())]
            # "Cllrs A and B. County Councillor C was in attendance.": a sentence of its own
            if (narrative(text[start + m.end():min(end, start + m.end() + 120)])
                    or substitute_sentence(following)
                    or pattern("present_sentence").search(following)) and \
                    sentence_end(text, start + m.start()) == start + m.start():
                end = start + m.start()  # "Cllr A (leave). The meeting accepted these ..."
                break
        if (at := next_label(text, start, end)) < end and (found := cue(text[at:end])):
            listed = self.content(block, start, at, True)  # "PRESENT A Bell C Dee Apologies: E"
            self.section = self.opened(found[0])
            return listed, at + found[1], end, True
        if (sub := _OFFICE_LABEL.match(text[start:end])) \
                and (office := cue(sub.group(1) + ":")) and office[0].role \
                and office[0].kind == section.kind:
            # "Present: Chairman: Cllr X Councillors: A, B": an office as a sub-label, then
            # the plural honorific as another
            after = start + sub.end()
            plural = sub_labels()["after"].search(text[after:end])
            stop = after + plural.start() if plural else end
            self.section = office[0]
            listed = self.content(block, after, stop)
            self.section = section
            return (self.content(block, stop, end) or listed) if plural else listed
        if m := sub_labels()["lead"].match(text[start:end]):
            start += m.end()  # "Present: Councillors: A; B", "Councillors, Mr A": a sub-label
            section = self.section = replace(section, allow_single=True)
        if sub_labels()["bare"].fullmatch(text[start:end]):
            self.section = replace(section, allow_single=True)  # "Present: Councillors" + list
            return True
        if run := marked_run(text, start, end, self.legend):  # "Mr A Rudd A Mr D Okoro P ..."
            for a, b, code in run:
                if (marked := status(section, code)) is not None:
                    # each name is read on its own: a list reader's pass over the whole
                    # line per name would be quadratic on a long register
                    for person in parse_list(text[a:b], 0, b - a, True) or ():
                        person.start, person.end = person.start + a, person.end + a
                        self.register.add(marked.kind, person, block, marked)
            return True
        m = _LETTER.match(text[start:end])
        if self.legend and m and m.group(1) in self.legend and \
                len(text[start + m.end():end].split("(")[0].split()) >= 2:
            marked = status(section, self.legend[m.group(1)])  # "A  Tomas Eriksen"
            start += m.end()
            if marked is None:
                return True
            section = marked
        if _INNER_LABEL.match(text, start, end) and (inner := cue(text[start:end])):
            self.section = self.opened(inner[0])  # "IN ATTENDANCE: Officers: Mr A – Clerk"
            return False, start + inner[1], end, False
        if section.kind in ("attendees", "apologies") and self.blocks[self.at] is block and \
                len(text[start:end].split()) >= 4 and bare(text[start:end]) and \
                (merged := split_merged(text, start, end, list_lines(
                    [b.text for b in self.blocks[max(0, self.at - 41):self.at + 42]],
                    min(self.at, 41), cue))):  # its list's other lines, near it
            for person in merged:  # "Ann Bell Carl Dee": two columns merged into one line
                self.register.add(section.kind, person, block, section)
            return True
        bounds = [start - 1, *(c.start() for c in _ENTRY.finditer(text, start, end)), end]
        substitutes = section.kind == "substitutes"
        for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
            if n and (m := _AND.match(text[a + 1:b])):
                a += m.end()  # "A, Role; B, Role; and C, Role"
            # "Martin Okeke – Manager, X Council (MO) – deputising for Alison Reddy"
            deputy = pattern("deputy_tail").search(text[a + 1:b]) if "for" in text[a + 1:b] \
                else None
            persons = parse_list(text, a + 1, a + 1 + deputy.start() if deputy else b,
                                 section.allow_single, substitutes)
            if deputy and persons and len(persons) == 1 and not persons[0].sub_for:
                persons[0].sub_for = clean_name(deputy.group("name"))
            if persons is None and (officer := office_then_name(text, a + 1, b)):
                persons = [officer]  # "Officers: Area Manager (Glentanar) (K Esslemont); ..."
            if persons is None and n == 0 and not (persons := titled_run(text, a + 1, b)):
                return False  # (not "X Council Mr G Bell (Chair) Mrs J Tay ...": titled_runs)
            for person in persons or ():
                self.register.add(section.kind, person, block, section)
        return True


_INNER_LABEL = compile_cached(r"\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*:\s+\S")  # a label's label
_ENTRY = compile_cached("[;•]")  # between the entries of a list: "A, Role; B" / "A, Role. • B"
_MARKER, _STOP = compile_cached(r"\(\w{1,4}\)\s+"), compile_cached(r"[.;]\s+(?=[A-Z])")
_ALSO = compile_cached(r"[.;]?\s*also\s*:\s*", re.I)
_OFFICE_LABEL = compile_cached(r"\s*([A-Z][\w-]*(?: [A-Z][\w-]*)?)\s*:\s*(?=\S)")
_LETTER = compile_cached(r"\s*([A-Z])\s+(?=[A-Z(])")
_AND = compile_cached(r"\s*(?:and|&)\s+(?=[A-Z])")
