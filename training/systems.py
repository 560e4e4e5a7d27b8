"""The two systems under test, each reading one prepared line into (name, role, organisation)
per person it finds.

rules: the project's parser, `people.parse_list` on each ';' part of the line (as
`attendance.Walk.content` calls it), falling back to single-name mode and to `parse_person`;
names a substitution note gives (sub_for / sub_by) count as persons found.
model: the NER's PERSON spans; each ROLE or ORG span goes to the person it stands before
('Chief Constable Rachel Imrie', 'Monitoring Officer (Nia Wynne)') or else the nearest
person before it. fallback: the rules, and the model on lines where the rules find nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language

from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.names import Person, parse_person
from pipeline.extractors.people.vocabulary import data

HONORIFIC = "|".join(re.escape(h) for h in sorted(data("names")["honorifics"], key=len,
                                                   reverse=True))
LEADS_INTO_NAME = re.compile(rf"\s*(?:\(|[–—-])?\s*(?:(?:{HONORIFIC})\.?\s+)*", re.I)


@dataclass
class Found:
    name: str
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)

    @property
    def role(self) -> str:
        return "; ".join(self.roles)

    @property
    def organisation(self) -> str:
        return ", ".join(self.orgs)


def rules(text: str) -> list[Found]:
    out: list[Found] = []
    bounds = [-1, *(m.start() for m in re.finditer(";", text)), len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        persons = parse_list(text, a + 1, b) or parse_list(text, a + 1, b, allow_single=True)
        if persons is None:
            single = parse_person(text, a + 1, b, allow_single=True)
            persons = [single] if single else []
        out += [found for person in persons for found in _from_person(person)]
    return out


def _from_person(person: Person) -> list[Found]:
    role = person.role
    found = [Found(person.name, role.split("; ") if role else [],
                   [person.organisation] if person.organisation else [])]
    return found + [Found(name) for name in (person.sub_for, person.sub_by) if name]


def model(nlp: Language, text: str) -> list[Found]:
    doc = nlp(text)
    return from_spans(text, [(e.start_char, e.end_char, e.label_) for e in doc.ents])


def fallback(nlp: Language, text: str) -> list[Found]:
    """The rules, and the model only where the rules find nobody on the line."""
    return rules(text) or model(nlp, text)


def from_spans(text: str, spans: list[tuple[int, int, str]]) -> list[Found]:
    """Persons from labelled character spans (the model's, or a generated line's gold)."""
    spans = sorted(spans)
    people = [s for s in spans if s[2] == "PERSON"]
    if not people:
        return []
    found = {p[0]: Found(text[p[0]:p[1]]) for p in people}
    for start, end, label in spans:
        if label == "PERSON":
            continue
        owner = _owner(start, end, people, text)
        value = "Chair" if text[start:end].casefold() == "in the chair" else text[start:end]
        (found[owner].roles if label == "ROLE" else found[owner].orgs).append(value)
    return [found[p[0]] for p in people]


def _owner(start: int, end: int, people: list[tuple[int, int, str]], text: str) -> int:
    """The start of the person a ROLE/ORG span belongs to."""
    after = next((p for p in people if p[0] >= end), None)
    if after is not None and LEADS_INTO_NAME.fullmatch(text[end:after[0]]):
        return after[0]  # "Temporary Chief Constable Rachel Imrie", "Monitoring Officer (X)"
    before = [p for p in people if p[1] <= start]
    return before[-1][0] if before else people[0][0]
