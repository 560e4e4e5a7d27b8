"""An officer written office first, the name in brackets at the end: 'Area Manager
(Glentanar) (K Esslemont)', 'Team Manager, Planning (F Geddes)', 'Fund Actuary, Barlow
Hennessy LLP (Neil Ashworth)', as councils list officers and advisers, the entries
separated by semicolons."""

from __future__ import annotations

from pipeline.extractors.people.names import Person, classify, parse_person
from pipeline.regex_cache import compile_cached

#: the office, an area in brackets if any, then the name in the last brackets
_OFFICE_NAME = compile_cached(
    r"\s*(?P<office>[A-Z][^()]*?)\s*(?:\((?P<area>[^()]{1,40})\)\s*)?"
    r"\((?P<name>[^()]{3,60})\)\s*[.;,]?\s*$")


def office_then_name(text: str, start: int, end: int) -> Person | None:
    """The person of an 'Office (Area) (Name)' entry, the office (with its area) as the
    role; None unless the office reads as a role and the brackets' last holds a full name
    ('K Esslemont', 'Karen Esslemont'), not a note ('item 4 only')."""
    found = _OFFICE_NAME.match(text, start, end)
    if found is None or found.end() != end and text[found.end():end].strip():
        return None
    office, organisation = found.group("office").rstrip(" ,"), ""
    if classify(office) != "role" and "," in office:
        # "Fund Actuary, Barlow Hennessy LLP (Neil Ashworth)": the office, then its firm
        head, _, rest = office.partition(",")
        if classify(head) == "role" and classify(rest.strip()) == "org":
            office, organisation = head.strip(), rest.strip()
    if classify(office) != "role":
        return None
    person = parse_person(text, found.start("name"), found.end("name"), True)
    if person is None or len(person.name.split()) < 2:
        return None
    area = f" ({found.group('area')})" if found.group("area") else ""
    person.roles.insert(0, office + area)
    person.orgs = [organisation] if organisation else person.orgs
    person.start = start + len(text[start:end]) - len(text[start:end].lstrip())
    return person
