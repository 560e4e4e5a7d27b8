"""Attendance, apologies and substitutes, read from a Document's blocks.

The attendance record of UK minutes is a run of labelled sections before the first item
("Present:", "Also in attendance:", "Officers:", "Apologies:") written as lines, sentences,
label/content tables, name/role/organisation grids or P/A/D grids, then an apologies item
and sentences such as "X attended as substitute for Y" further down. The walk only trusts
names under such a label; anyone else a paper mentions is discussion, not attendance.
Vocabularies and patterns are in models/attendance/; parsing one person is in people.py,
reading tables and labels in attendance_tables.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.extractors.people.attendance_tables import (
    Pair,
    Section,
    TableReader,
    collapsed_header,
    cue,
    item_kind,
    item_title,
    next_label,
    paper_legend,
    pattern,
    status,
)
from pipeline.extractors.people.lists import parse_list, run_together
from pipeline.extractors.people.names import Person, clean_name, data, depths, vocab
from pipeline.extractors.provenance import provenance
from pipeline.extractors.sections.metadata import classify_kind
from pipeline.model import Block, BlockKind, Document

ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "cllr", "no", "rev", "revd", "cty"}


def extract_attendance(document: Document) -> dict[str, list[dict]]:
    """Attendees, apologies and substitutes of one paper, each row with its provenance."""
    register = Register()
    if classify_kind(document)[0] == "agenda":
        return register.rows()  # an agenda lists the membership: nobody has attended yet
    Walk(document.blocks, register, opening=True).run()
    _sentences(document.blocks, register)
    return register.rows()


# ---------------------------------------------------------------- the register


@dataclass
class Entry:
    person: Person
    block: Block
    capacity: str = "member"


@dataclass
class Register:
    """Everyone found so far; a repeated mention merges into the first ('Kilbride' into
    'P Kilbride'), keeping the fuller name."""

    people: dict[str, list[Entry]] = field(
        default_factory=lambda: {"attendees": [], "apologies": []})
    pairs: list[Pair] = field(default_factory=list)

    def add(self, kind: str, person: Person, block: Block, section: Section) -> None:
        if kind == "absent":
            return
        here = (person.organisation, block, person.start, person.end)
        if person.sub_for:
            self.pair(Pair(person.sub_for, person.name, *here))
        if person.sub_by:
            self.pair(Pair(person.name, person.sub_by, *here))
        if kind == "substitutes":
            kind = "apologies" if person.sub_by else "attendees"
            if kind == "attendees" and not person.sub_for:
                person.labels = person.labels or ["Substitute"]
        if section.role and not person.labels and not person.prefixed:
            person.labels = [section.role]
        capacity = section.capacity
        if person.sub_for:
            capacity = "member"  # a substitute sits as the member they replace
        elif capacity == "officer" and person.councillor:
            capacity = "other"  # a councillor "in attendance" is not council staff
        elif section.staff_check and not person.councillor and not person.orgs and any(
                s in person.role.casefold() for s in data("roles")["staff_roles"]):
            capacity = "officer"
        for entry in self.people[kind]:
            # One list never names a person twice, and a councillor Jones "present" is not
            # the PCSO Jones "also present": those stay apart.
            if same_person(entry.person.name, person.name) and entry.block is not block \
                    and entry.capacity == capacity:
                old = entry.person
                old.name = _fuller(old.name, person.name)
                old.roles += person.roles
                old.orgs += person.orgs
                old.labels = old.labels or person.labels
                return
        self.people[kind].append(Entry(person, block, capacity))

    def pair(self, new: Pair) -> None:
        for old in self.pairs:
            if same_person(old.member, new.member) and same_person(old.substitute, new.substitute):
                old.member, old.substitute = (_fuller(old.member, new.member),
                                              _fuller(old.substitute, new.substitute))
                old.organisation = old.organisation or new.organisation
                return
        self.pairs.append(new)

    def rows(self) -> dict[str, list[dict]]:
        attendees, apologies = self.people["attendees"], self.people["apologies"]
        subs = []
        for pair in self.pairs:
            member, substitute = pair.member, pair.substitute
            for entry in attendees + apologies:
                member = _fuller(member, entry.person.name, same_person(member, entry.person.name))
                substitute = _fuller(substitute, entry.person.name,
                                     same_person(substitute, entry.person.name))
            absent = next((e.person for e in apologies if same_person(e.person.name, member)), None)
            present = next((e.person for e in attendees if same_person(e.person.name, substitute)),
                           None)
            org = pair.organisation or (absent and absent.organisation) or (
                present and present.organisation) or ""
            if present is None:  # a substitute who attended is an attendee
                present = Person(substitute, pair.start, pair.end, orgs=[org] if org else [])
                attendees.append(Entry(present, pair.block, "member"))
            if not present.role:
                present.labels = [pair.label]
            subs.append({"member": member, "substitute": substitute, "organisation": org,
                         **provenance(pair.block, pair.start, pair.end)})
        out: dict[str, list[dict]] = {"attendees": [], "apologies": [], "substitutes": subs}
        for kind, entries in (("attendees", attendees), ("apologies", apologies)):
            for e in entries:
                p = e.person
                row = {"name": p.name, "role": p.role, "organisation": p.organisation}
                row.update({"capacity": e.capacity} if kind == "attendees" else {})
                out[kind].append({**row, **provenance(e.block, p.start, p.end)})
        return out


def _fuller(name: str, other: str, same: bool = True) -> str:
    return other if same and len(fold(other)) > len(fold(name)) else name


def fold(name: str) -> list[str]:
    """Name words without honorifics, case or punctuation, for matching mentions."""
    hon = {h.casefold().rstrip(".") for h in data("names")["honorifics"]}
    post = {p.casefold() for p in vocab()["post"]}
    words = [re.sub(r"[^\w\-]", "", w).casefold() for w in name.replace("’", "'").split()]
    return [w for w in words if w and w not in hon and w not in post]


def same_person(a: str, b: str) -> bool:
    """'Kilbride' and 'P Kilbride', 'Councillor Sowerby' and 'Imelda Sowerby' are the same
    person."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or fa[-1] != fb[-1]:
        return False
    short, long = sorted((fa, fb), key=len)
    return len(short) == 1 or short == long[-len(short):] or fa[0][0] == fb[0][0]


# ---------------------------------------------------------------- the walk


class Walk(TableReader):
    """Reads blocks in order, keeping the section the last label opened; tables are read by
    the TableReader of attendance_tables.py."""

    def __init__(self, blocks: list[Block], register: Register, opening: bool = False) -> None:
        self.blocks, self.register = list(blocks), register
        self.section: Section | None = None
        self.legend = paper_legend(blocks)
        self.opening = opening  # no label or item seen yet: an unlabelled list may open

    def run(self) -> None:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)

    def step(self, i: int) -> int:
        block = self.blocks[i]
        following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if following is not None and _wrapped(block, following, self.section or cue(block.text)):
            gap = " " * max(following.start - block.end, 1)  # "Cllr Mrs V" / "Penrose, ..."
            self.blocks[i:i + 2] = [replace(block, text=block.text + gap + following.text,
                                            end=following.end)]
            return i
        if block.kind is BlockKind.TABLE_ROW or block.text.count("|") >= 2:
            return self.table(i)
        found = cue(block.text)
        if found or i >= 20:
            self.opening = False
        if self.opening and self.section is None and self.unlabelled(block):
            return i + 1
        if found and block.text[found[1]:].strip(" .:-–—"):
            if self.section and self.section.kind != "attendees" and \
                    re.match(r"\s*(?:Councillors|Cllrs|Aldermen)\b\s*:?", block.text):
                # "APOLOGIES: Alderman A" / "Councillors: B, C", "received from:" / "Councillors A"
                found = (replace(self.section, allow_single=True), found[1])
            self.section, start = found  # "1) Apologies – Councillors A and B": label + list
            self.content(block, start)
            return i + 1
        if (title := item_title(block, following)) is not None:
            self.item(title)
            run_on = re.match(r"\s*apolog\w*(?:\s+for\s+absence)?\s*[.:]\s+(?=\S)", title, re.I)
            if self.section and run_on and title in block.text:  # "141) Apologies. Cllrs A, B"
                self.content(block, block.text.index(title) + run_on.end())
            return i + (2 if following is not None and title == following.text else 1)
        if found:
            self.section, start = found
            self.content(block, start)
            return i + 1
        apology = pattern("apology_sentence").search(block.text)
        if apology and not block.text[apology.end():].strip(" .:"):
            self.section = Section("apologies")  # "Apologies were received from:" + a list
            return i + 1
        if self.section and (header := collapsed_header(block.text)):
            return self.collapsed(i + 1, header)
        low = block.text.casefold().strip(" :")
        if block.kind is BlockKind.HEADING and low not in data("cues")["sublabels"] \
                and "in the chair" not in low:
            self.section = None
        elif self.section and not self.content(block, 0) and len(block.text.split()) >= 8 \
                and block.text.rstrip().endswith("."):
            self.section = None  # narrative: the attendance record is over
        return i + 1

    def unlabelled(self, block: Block) -> bool:
        """Members listed straight under the header with no 'Present' label: 'Ann Rudd (AR),
        Ian Kerr (IK)', 'Cllr Ann Hollis Chair' (a column), 'Councillor X (in the Chair);
        Councillors A, B'. Only before any label or item, and only names that carry an
        initials code or an honorific."""
        if block.kind is not BlockKind.PARAGRAPH:
            return False
        text = block.text
        if _list_end(text, 0, len(text)) < len(text):
            return False  # "Councillor Reid, Convener, presided.": a sentence
        first = parse_list(text, 0, text.find(";") if ";" in text else len(text))
        if not first or not all(p.code or p.titled for p in first) or (
                len(first) == 1 and not first[0].titled):
            return False
        self.section = Section("attendees")
        self.content(block, 0)
        self.section = None
        return True

    def item(self, title: str) -> None:
        self.opening = False
        kind = item_kind(title)
        self.section = Section(kind) if kind else None

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool:
        """Persons in a line under the current label; False for sentences and blanks.
        run_on: the labels of this line run into their lists without punctuation."""
        if self.section is None:
            return False
        if run_on and (pairs := run_together(block.text, start, len(block.text) if end is None
                                             else end)):
            for person in pairs:
                self.register.add(self.section.kind, person, block, self.section)
            return True
        text, section = block.text, self.section
        if section.kind == "absent":  # absent without apologies: neither present nor apologies
            return bool(parse_list(text, start, len(text) if end is None else end, True))
        end = len(text) if end is None else end
        if start == 0 and (marker := re.match(r"\(\w{1,4}\)\s+", text)):
            start = marker.end()  # "(i) Cllr A for Cllr B; and": a list marker
        if section.kind == "apologies" and (m := pattern("received_from").match(text[start:end])):
            start += m.end()  # "These were received from A and B.": a sentence ends the list
            end = _list_end(text, start, min(end, _sentence_end(text, start)))
            for person in parse_list(text, start, end, allow_single=True) or ():
                self.register.add("apologies", person, block, section)
            self.section = None
            return True
        for m in re.finditer(r"[.;]\s+(?=[A-Z])", text[start:end]):
            if found := cue(text[start + m.end():end]):  # "Present: A, B. Also present: C"
                listed = self.content(block, start, start + m.start())
                self.section = found[0]
                return self.content(block, start + m.end() + found[1], end) or listed
        if (at := next_label(text, start, end)) < end and (found := cue(text[at:end])):
            listed = self.content(block, start, at, True)  # "PRESENT A Bell C Dee Apologies: E"
            self.section = found[0]
            return self.content(block, at + found[1], end, True) or listed
        if m := re.match(rf"\s*(?:{_plural()})\.?\s*:\s*(?=\S)", text[start:end]):
            start += m.end()  # "Present: Councillors: A; B": the honorific as a sub-label
            section = self.section = replace(section, allow_single=True)
        if re.fullmatch(rf"\s*(?:{_plural()}|Members)\.?\s*:?\s*", text[start:end]):
            self.section = replace(section, allow_single=True)  # "Present: Councillors" + list
            return True
        m = re.match(r"\s*([A-Z])\s+(?=[A-Z(])", text[start:end])
        if self.legend and m and m.group(1) in self.legend and \
                len(text[start + m.end():end].split("(")[0].split()) >= 2:
            section = status(section, self.legend[m.group(1)])  # "A  Tomas Eriksen"
            start += m.end()
            if section is None:
                return True
        bounds = [start - 1, *(start + c.start() for c in re.finditer(";", text[start:end])), end]
        substitutes = section.kind == "substitutes"
        for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
            if n and (m := re.match(r"\s*(?:and|&)\s+(?=[A-Z])", text[a + 1:b])):
                a += m.end()  # "A, Role; B, Role; and C, Role"
            persons = parse_list(text, a + 1, b, section.allow_single, substitutes)
            if persons is None and n == 0:
                return False
            for person in persons or ():
                self.register.add(section.kind, person, block, section)
        return True


def _wrapped(block: Block, following: Block, section: object) -> bool:
    """A list line under a label that ends inside a name, on an honorific or an initial
    ('Cllr Mrs V' / 'Penrose, Cllr E Ford'): the next line continues it."""
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    if not section or block.kind not in kinds or following.kind not in kinds:
        return False
    tail = re.search(r"(?:^|[\s,(])(\S+)$", block.text.rstrip())
    word = tail.group(1) if tail else ""
    honorific = vocab()["hon"].match(word + " X")
    if not (re.fullmatch(r"[A-Z]\.?", word) or (honorific and honorific.end() == len(word) + 1)):
        return False
    nxt = following.text.lstrip()
    return bool(re.match(r"[A-Z]", nxt)) and not cue(nxt) and item_title(following, None) is None


@cache
def _plural() -> str:
    """Plural honorifics used as a sub-label ('Councillors:', 'Cyng/Cllrs.:'), as a regex."""
    words = {w.rstrip(".") for w in data("names")["plural_honorifics"]} - {"Messrs"}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------- sentences


def _sentence_end(text: str, start: int) -> int:
    for m in re.finditer(r"\.(?=\s|$)", text[start:]):
        before = re.search(r"(\w+)$", text[:start + m.start()])
        word = before.group(1) if before else ""
        if not (len(word) == 1 and word.isupper() or word.casefold() in ABBREVIATIONS):
            return start + m.start()
    return len(text)


def _list_end(text: str, start: int, end: int) -> int:
    """Where a list of names in a sentence stops: at the first lower-case word outside
    brackets that is no name particle or post-nominal ('... and Hurst were noted'), or at a
    capitalised word opening the next sentence ('Cllr Tennant With the absence of ...')."""
    keep = {w.casefold() for w in vocab()["particles"] | vocab()["post"]} | {"and", "from"}
    depth = depths(text)
    for m in re.finditer(r"(?<=\s)([a-z][\w'’-]*)|(?<=[a-z])\s+(?:With|Whilst|While|It|This|"
                         r"There|As|Following|The|In|On|At|Due)\s+(?=[a-z])", text[start:end]):
        if depth[start + m.start()] == 0 and (m.group(1) or "") not in keep:
            return start + m.start()
    return end


def _sentences(blocks: list[Block], register: Register) -> None:
    """Apologies, substitutions and the chair as stated in sentences anywhere in the paper."""
    apologies = Section("apologies", allow_single=True)
    for block in blocks:
        text = block.text
        for m in pattern("apology_sentence").finditer(text):
            # "the apologies of Councillors X, and Y were noted": the list stops at the verb.
            end = _list_end(text, m.end(), _sentence_end(text, m.end()))
            for person in parse_list(text, m.end(), end, allow_single=True) or ():
                register.add("apologies", person, block, apologies)
        if re.search(r"apolog", text, re.I):  # "Councillor X sent apologies"
            spans = name_spans(text)
            for k, (start, end, name) in enumerate(spans):
                if pattern("sent_apologies").match(text[end:]):
                    register.add("apologies", Person(name, start, end), block, apologies)
                    # "Cllr A & Cllr B sent apologies": the names joined to it sent them too.
                    while k and re.fullmatch(r"\s*(?:,|&|and|,\s*and)\s*",
                                             text[spans[k - 1][1]:spans[k][0]]):
                        k -= 1
                        register.add("apologies", Person(spans[k][2], *spans[k][:2]), block,
                                     apologies)
        if block.kind is not BlockKind.TABLE_ROW and pattern("substitution_words").search(text):
            _substitution_sentences(block, register)
        if re.search(r"\bin the chair\b|\belected\b|\bappointed\b|\bpresided\b", text, re.I):
            _chair(block, register)


def _substitution_sentences(block: Block, register: Register) -> None:
    """'X attended as substitute for Y', 'Y was represented by X', '... X for Y and Z for W'."""
    subs = data("substitution")
    spans, orientation = name_spans(block.text), None
    for (a_start, _, a), (_, b_end, b) in zip(spans, spans[1:], strict=False):
        # "Apologies from Councillor A, Chair. Councillor B, Vice-Chair, attended in her absence"
        if re.match(subs["absence"], block.text[b_end:], re.I) and any(
                same_person(e.person.name, a) for e in register.people["apologies"]):
            register.pair(Pair(a, b, "", block, a_start, b_end))
    for (a_start, a_end, a), (b_start, b_end, b) in zip(spans, spans[1:], strict=False):
        between = block.text[a_end:b_start].strip(" ,").casefold()
        if any(re.match(p, between, re.I) for p in subs["between_for"]) or (
                orientation == "for" and re.match(subs["elliptic"], between)):
            orientation = "for"
            register.pair(Pair(b, a, "", block, a_start, b_end))
        elif any(re.match(p, between, re.I) for p in subs["between_by"]) or (
                re.match(subs["with_by"], between) and re.match(subs["with_after"],
                                                                block.text[b_end:])):
            # "Apologies from Cllr A with Cllr B attending as his substitute"
            orientation = "by"
            register.pair(Pair(a, b, "", block, a_start, b_end))


def _chair(block: Block, register: Register) -> None:
    """'Mr G Ballantyne in the Chair'; 'RESOLVED that Councillor X be elected Chair'."""
    text = block.text
    for start, end, name in name_spans(text):
        if presided := pattern("presided").match(text[end:]):  # "Councillor X, Convener, presided"
            role = presided.group(1) or "Chair"
            entry = next((e for e in register.people["attendees"]
                          if same_person(e.person.name, name)), None)
            if entry:
                entry.person.roles.insert(0, role)
            else:
                register.add("attendees", Person(name, start, end, roles=[role]), block,
                             Section("attendees"))
            continue
        short = len(text.split()) <= 10
        m = (short and pattern("chair_line").match(text[end:])) or \
            pattern("elected_chair").match(text[end:])
        if not m or (m.groups() and text[end:].split()[0] == "be"
                     and not re.search(r"\b(?:RESOLVED|AGREED|DECIDED)\b", text[:start])):
            continue  # "proposed that X be appointed Vice-Chair" is no appointment
        role = m.group(1) if m.groups() else "Chair"
        entry = next((e for e in register.people["attendees"]
                      if same_person(e.person.name, name)), None)
        if entry:
            entry.person.roles.insert(0, role)
        elif not m.groups():  # the person in the chair attended, listed or not
            register.add("attendees", Person(name, start, end, roles=[role]), block,
                         Section("attendees"))


@cache
def _matcher():
    """A blank English tokenizer and a Matcher over the honorific vocabulary, to find the
    people a free sentence names ('Councillor X attended as substitute for Councillor Y')."""
    import spacy
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    hon = [h.casefold().rstrip(".") for h in data("names")["honorifics"] if " " not in h]
    word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’]*\.?|-)$"}, "OP": "+"}
    matcher = Matcher(nlp.vocab)
    matcher.add("HONORIFIC_NAME", [[{"LOWER": {"IN": hon}}, {"ORTH": ".", "OP": "?"}, word]])
    matcher.add("NAME", [[{"TEXT": {"REGEX": r"^[A-Z][\w'’]*$"}, "IS_STOP": False}, word]])
    return nlp, matcher, filter_spans


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, bare name) of each person a sentence names, in order."""
    nlp, matcher, filter_spans = _matcher()
    doc = nlp(text)
    out = []
    for span in sorted(filter_spans([doc[a:b] for _, a, b in matcher(doc)]), key=lambda s: s.start):
        end = span.end_char
        if span.text.endswith(("-", ".")) and not re.search(r"\b[A-Z]\.$", span.text):
            end -= 1  # a sentence's full stop, not an initial's
        if name := clean_name(text[span.start_char:end], span.label_ == "HONORIFIC_NAME"):
            out.append((span.start_char, end, name))
    return out
