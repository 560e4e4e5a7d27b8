"""Names linked into people within an authority (`PeopleLinker`), and how a written name
is read for that ('Jane P. Okafor' -> surname okafor, forename jane, initials JP): the
rules `pipeline.people` describes, apart from the tables it writes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.model.bodies import authority_key

__all__ = ["HONORIFICS", "PARTICLES", "ParsedName", "PeopleLinker", "parse_name"]

HONORIFICS = {"councillor", "councillors", "cllr", "cllrs", "mr", "mrs", "ms", "miss", "mx",
              "dr", "sir", "dame", "prof", "professor", "rev", "revd", "reverend", "lord",
              "lady", "alderman", "baroness", "baron", "county", "district", "borough", "cty",
              "co", "dist", "the", "cyng", "cynghorydd"}
#: Words that belong to the surname they stand before ("ap Dafydd", "Ó Murchú"); matched
#: as written, so that the initial "O" of "O Rendall" stays an initial.
PARTICLES = {"ap", "ab", "van", "von", "de", "del", "della", "der", "den", "di", "da", "du",
             "la", "le", "st", "mac", "bin", "al", "ó", "ní", "nic", "mc"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w\s'-]", " ", text).replace("\u2019", "'")


@dataclass(frozen=True)
class ParsedName:
    surname: str  # folded
    forename: str  # folded; "" when only initials (or nothing) precede the surname
    initials: str  # upper case, one letter per given name or initial

    def fits(self, other: ParsedName) -> bool:
        """Whether two names of one surname may be one person."""
        if self.forename and other.forename:
            return self.forename == other.forename and _initials_fit(self.initials,
                                                                     other.initials)
        return _initials_fit(self.initials, other.initials)


def _initials_fit(a: str, b: str) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def parse_name(name: str) -> ParsedName | None:
    """'Jane P. Okafor' -> (okafor, jane, JP); 'J Okafor' -> (okafor, '', J); 'Okafor' ->
    (okafor, '', ''); None for no name."""
    words = [w for w in re.split(r"[\s.]+", re.sub(r"\([^)]*\)", " ", name)) if w]
    while words and _fold(words[0]).strip("'") in HONORIFICS:
        words = words[1:]
    if not words:
        return None
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in PARTICLES:
        cut -= 1
    surname = " ".join(_fold(w) for w in words[cut:])
    given = words[:cut]
    initials, forename = "", ""
    for n, word in enumerate(given):
        if word.isupper() and len(word) <= 3 and word.isalpha():
            initials += word  # "J", "JP"
        elif word[:1].isupper():
            initials += word[0].upper()
            if n == 0:
                forename = _fold(word)
    return ParsedName(surname, forename, initials)


@dataclass
class _Person:
    authority: str
    parsed: ParsedName
    variants: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    note: str = ""
    person_id: str = ""


class PeopleLinker:
    """`add` every (authority, sitting, name) a run's rows give, `link` once, then `person`
    gives each its person. A sitting is where a name is written: a body in a year (the
    members a bare surname can mean); any string that tells sittings apart will do."""

    def __init__(self) -> None:
        #: (authority, name as written) -> the bodies at whose meetings it is written
        self._seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        # (authority, name as written) -> its person, or, where the name is two people
        # (or linked sitting by sitting), sitting -> person: one entry per written name,
        # not one per name and sitting, so a large archive's names fit in memory
        self._by_name: dict[tuple[str, str], _Person | dict[str, _Person]] = {}
        self.people: list[_Person] = []

    def add(self, authority: str, body: str, name: str) -> None:
        if name.strip():
            self._seen[(authority, name.strip())].add(body)

    def link(self) -> None:
        groups: dict[tuple[str, str], list[tuple[str, str, ParsedName]]] = defaultdict(list)
        for authority, name in self._seen:
            parsed = parse_name(name)
            if parsed is not None:
                scope = authority_key(authority) if authority else ""
                groups[(scope, parsed.surname)].append((authority, name, parsed))
        for _, names in sorted(groups.items()):
            self._link_surname(names)
        self._name_ids()
        self._compact()

    def _compact(self) -> None:
        """Drop what only the linking needed: the sittings of each name and person, and a
        name's sitting-by-sitting entry where every sitting gave the same person."""
        for key, found in self._by_name.items():
            if isinstance(found, dict) and len({id(p) for p in found.values()}) == 1:
                self._by_name[key] = next(iter(found.values()))
        self._seen = defaultdict(set)
        for person in self.people:
            person.bodies = set()

    def _link_surname(self, names: list[tuple[str, str, ParsedName]]) -> None:
        """Link the names of one surname in one authority."""
        people: list[_Person] = []

        def join(person: _Person, authority: str, name: str, bodies: set[str]) -> None:
            person.variants.add(name)
            person.bodies |= bodies
            key = (authority, name)
            found = self._by_name.get(key)
            if found is None and bodies == self._seen[key]:
                self._by_name[key] = person  # the name is this person wherever it is written
                return
            if not isinstance(found, dict):
                found = {sitting: found for sitting in self._seen[key]} if found else {}
                self._by_name[key] = found
            for body in bodies:
                found[body] = person

        # forenames first (the longest given names first), then initials
        given = sorted((n for n in names if n[2].forename or n[2].initials),
                       key=lambda n: (not n[2].forename, -len(n[2].initials), n[1]))
        for authority, name, parsed in given:
            fits = [p for p in people if p.parsed.fits(parsed) and not p.note]
            if len(fits) == 1:
                join(fits[0], authority, name, self._seen[(authority, name)])
            elif not fits:
                person = _Person(authority, parsed)
                people.append(person)
                join(person, authority, name, self._seen[(authority, name)])
            else:  # "T Reid" fits Tom and Tessa: at each body, the one who sits there
                for body in sorted(self._seen[(authority, name)]):
                    there = [p for p in fits if body in p.bodies]
                    if len(there) == 1:
                        join(there[0], authority, name, {body})
                        continue
                    person = _Person(authority, parsed, note=(
                        f"ambiguous: fits {len(there or fits)} people named {name}"))
                    people.append(person)
                    join(person, authority, name, {body})
        known = [p for p in people if not p.note]
        only_bare: _Person | None = None  # a person the papers only ever call by surname
        for authority, name, parsed in sorted(n for n in names if not (n[2].forename
                                                                       or n[2].initials)):
            for body in sorted(self._seen[(authority, name)]):
                members = [p for p in known if body in p.bodies]
                if not members:  # none that year: the members of that body in any year
                    members = [p for p in known if _body_of(body) in map(_body_of, p.bodies)]
                if len(members) == 1:
                    join(members[0], authority, name, {body})
                elif not known:
                    if only_bare is None:
                        only_bare = _Person(authority, parsed)
                        people.append(only_bare)
                    join(only_bare, authority, name, {body})
                else:
                    where = body.replace("\t", " in ") or "the body"
                    why = (f"ambiguous: {len(members)} members of {where} are named {name}"
                           if members else f"not linked: no member of {where} is named {name}")
                    person = _Person(authority, parsed, note=why)
                    people.append(person)
                    join(person, authority, name, {body})
        self.people += people

    def _name_ids(self) -> None:
        taken: Counter[str] = Counter()
        for person in sorted(self.people, key=lambda p: (p.authority, p.parsed.surname,
                                                         p.parsed.forename, p.parsed.initials,
                                                         sorted(p.variants))):
            given = person.parsed.forename or person.parsed.initials.lower() or "x"
            base = f"{authority_key(person.authority) or 'unknown'}/" \
                   f"{_slug(person.parsed.surname)}-{_slug(given)}"
            if person.note:
                base += "-unlinked"
            taken[base] += 1
            person.person_id = base if taken[base] == 1 else f"{base}-{taken[base]}"

    def person(self, authority: str, body: str, name: str) -> _Person | None:
        found = self._by_name.get((authority, name.strip()))
        return found.get(body) if isinstance(found, dict) else found


def _body_of(sitting: str) -> str:
    """The body of a sitting ("body<TAB>year"; a sitting without a tab is a body)."""
    return sitting.split("\t", 1)[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-") or "x"


def _fullest(variants: set[str]) -> str:
    """The name of a person: the variant with a forename and the most words."""
    def weight(variant: str) -> tuple[bool, int, int, str]:
        parsed = parse_name(variant)
        return bool(parsed and parsed.forename), len(variant.split()), len(variant), variant
    return max(variants, key=weight)
