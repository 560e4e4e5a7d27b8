"""The register of one paper's attendance: everyone found so far, by list, and the
member/substitute pairs. A person named twice (a list, then a sentence) is one row, with
the fuller name; the rows of attendees, apologies and substitutes come out of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pipeline.extractors.people.labels import Pair, Section
from pipeline.extractors.people.names import Person
from pipeline.extractors.people.vocabulary import data, vocab
from pipeline.extractors.provenance import provenance
from pipeline.model import Block


@dataclass
class Entry:
    person: Person
    block: Block
    capacity: str = "member"
    rule: str = ""  # the id of the label or pattern it was found under


@dataclass
class Register:
    """Everyone found so far; a repeated mention merges into the first ('Kilbride' into
    'P Kilbride'), keeping the fuller name."""

    people: dict[str, list[Entry]] = field(
        default_factory=lambda: {"attendees": [], "apologies": []})
    pairs: list[Pair] = field(default_factory=list)
    # the entries of each list by the last word of the folded name: a mention can only be
    # the same person as an entry with that surname (same_person), so a list of thousands
    # of names is not scanned again for each new one
    by_surname: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    # how many of those entries each block holds, by (key, id of the block)
    in_block: dict[tuple[tuple[str, str], int], int] = field(default_factory=dict)

    def known(self, kind: str, name: str) -> bool:
        """Whether an entry of that kind is the same person (looked up by surname)."""
        surname = fold(name)[-1:][0] if fold(name) else ""
        return any(same_person(e.person.name, name)
                   for e in self.by_surname.get((kind, surname), []))

    def add(self, kind: str, person: Person, block: Block, section: Section) -> None:
        if kind == "absent":
            return
        here = (person.organisation, block, person.start, person.end)
        if person.sub_for:
            self.pair(Pair(person.sub_for, person.name, *here, rule=section.rule))
        if person.sub_by:
            self.pair(Pair(person.name, person.sub_by, *here, rule=section.rule))
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
        key = (kind, fold(person.name)[-1:][0] if fold(person.name) else "")
        same_surname = self.by_surname.get(key, []) if key[1] else []
        if self.in_block.get((key, id(block)), 0) == len(same_surname):
            same_surname = []  # all in this block: none can be this person (a list of
            # thousands of one surname is not scanned once per name)
        for entry in same_surname:
            # One list never names a person twice, and a councillor Jones "present" is not
            # the PCSO Jones "also present": those stay apart.
            if same_person(entry.person.name, person.name) and entry.block is not block \
                    and (entry.capacity == capacity or _member_again(entry, person, capacity)):
                old = entry.person
                old.name = _fuller(old.name, person.name)  # the same surname: the same key
                old.roles += person.roles
                old.orgs += person.orgs
                old.labels = old.labels or person.labels
                return
        entry = Entry(person, block, capacity, section.rule)
        self.people[kind].append(entry)
        self.by_surname.setdefault(key, []).append(entry)
        self.in_block[key, id(block)] = self.in_block.get((key, id(block)), 0) + 1

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
                attendees.append(Entry(present, pair.block, "member", pair.rule))
            if not present.role:
                present.labels = [pair.label]
            subs.append({"member": member, "substitute": substitute, "organisation": org,
                         **provenance(pair.block, pair.start, pair.end), "rule": pair.rule})
        # ('A and B attended as substitute' after an apologies lead: B came, for A); first,
        # so that a substitute's line under the apologies does not take them off the list below
        apologies = [e for e in apologies if not any(
            same_person(p.substitute, e.person.name) for p in self.pairs)]
        # a membership list ('Members: Councillors A, B and C' on an agenda's front) names
        # people who did not come where the paper records their apologies
        listed = set(data("cues")["membership_rules"])
        sent: dict[str, list[str]] = {}  # apologies by last word, so that a long register
        for a in apologies:  # is not compared name by name
            sent.setdefault(_last(a.person.name), []).append(a.person.name)
        attendees = [e for e in attendees if e.rule not in listed or not any(
            same_person(name, e.person.name) for name in sent.get(_last(e.person.name), ()))]
        out: dict[str, list[dict]] = {"attendees": [], "apologies": [], "substitutes": subs}
        for kind, entries in (("attendees", attendees), ("apologies", apologies)):
            for e in entries:
                p = e.person
                row = {"name": p.name, "role": p.role, "organisation": p.organisation}
                row.update({"capacity": e.capacity} if kind == "attendees" else {})
                out[kind].append({**row, **provenance(e.block, p.start, p.end), "rule": e.rule})
        return out


def _last(name: str) -> str:
    return (name.split() or [""])[-1].casefold().strip(".,")


def _fuller(name: str, other: str, same: bool = True) -> str:
    return other if same and len(fold(other)) > len(fold(name)) else name


@cache
def _ignored() -> frozenset[str]:
    """Honorifics and post-nominals, which say nothing about who a mention is."""
    hon = {h.casefold().rstrip(".") for h in data("names")["honorifics"]}
    return frozenset(hon | {p.casefold() for p in vocab()["post"]})


@lru_cache(maxsize=8192)
def fold(name: str) -> tuple[str, ...]:
    """Name words without honorifics, case or punctuation, for matching mentions. Cached:
    the register folds every earlier entry again for each new mention."""
    ignored = _ignored()
    words = [re.sub(r"[^\w\-]", "", w).casefold() for w in name.replace("’", "'").split()]
    return tuple(w for w in words if w and w not in ignored)


@lru_cache(maxsize=16384)
def same_person(a: str, b: str) -> bool:
    """'Kilbride' and 'P Kilbride', 'Councillor Sowerby' and 'Imelda Sowerby' are the same
    person."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb or fa[-1] != fb[-1]:
        return False
    short, long = sorted((fa, fb), key=len)
    return len(short) == 1 or short == long[-len(short):] or fa[0][0] == fb[0][0]


def _key(name: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", name.casefold()).split()


def once_per_item(rows: list[dict]) -> list[dict]:
    """Declarations rows with each (person, item) once: a declaration repeated later (at
    the item itself) is the same row; the fuller form of the name is kept."""
    kept: list[dict] = []
    for row in rows:
        words = _key(row["name"])
        same = next((k for k in kept if k["item"] == row["item"] and (
            _key(k["name"])[-len(words):] == words or words[-len(_key(k["name"])):]
            == _key(k["name"]))), None)
        if same is None:
            kept.append(row)
        elif len(words) > len(_key(same["name"])):
            same["name"] = row["name"]
    return kept


def _member_again(entry: Entry, person: Person, capacity: str) -> bool:
    """Whether a councillor by surname alone, read where others are 'also present' ('Also
    Present: ... Councillor DRUMMOND, Convener, in the Chair.'), is the member of that
    surname already present: one councillor is not both a member and a visitor."""
    return entry.capacity == "member" and capacity == "other" and person.councillor and \
        len(person.name.split()) == 1
