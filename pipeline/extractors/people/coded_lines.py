"""One person a line, as a table of columns saved as text prints them:
- the person's initials between the name and the office, as NHS boards, integrated care
  and partnership bodies minute attendance: 'Dr Imran Sadiq IS Clinical Chair', 'Colin
  Ashworth CAs Chief Finance Officer', 'Nadia Okafor NO Director of Public Health – Wexmoor
  County Council'. The initials must be those of the name, so a name followed by an
  office's own capitals ('A Bell GP Liaison Lead') is left to the list reader;
- an initialled name and the council that appointed the member, as fire authorities,
  police and crime panels and joint committees list their members: 'T Pritchard (Chair)
  Aberwen County Borough Council', 'C Ll Edwards Dyffryn County Council'."""

from __future__ import annotations

import re

from pipeline.extractors.bodies.words import vocabulary as body_words
from pipeline.extractors.people.names import Person, is_name, parse_person, prefix
from pipeline.regex_cache import compile_cached

_CODE = compile_cached(r"[A-Z]{1,3}[a-z]?")
_NOTE = compile_cached(r"\s*\((?:[a-z]|items?\b|agenda\b)[^()]*\)", re.I)  # notes
_SPACED_DASH = compile_cached(r"\s+[–—-]\s+")


def coded_line(text: str, start: int, end: int) -> Person | None:
    """The person of a line 'Name INITIALS Role' (an honorific may open it), else None."""
    offset = start + prefix(text[start:end])[0]
    words = text[offset:end].split()
    for size in range(2, min(5, len(words) - 1)):
        name, code = words[:size], words[size]
        if not _CODE.fullmatch(code) or not _initials_of(name, code) or \
                not is_name(" ".join(name)):
            continue
        rest = _NOTE.sub("", " ".join(words[size + 1:])).strip(" ,;")
        if not rest:
            return None
        # the third column is the role, whatever its words ('Governing Body GP'); an
        # organisation follows it after a dash
        role, _, org = _SPACED_DASH.sub(" – ", rest).partition(" – ")
        roles, orgs = [role.strip()], [org.strip()] if org.strip() else []
        at = text.index(name[0], offset)
        return Person(" ".join(name), at, end, roles=roles, orgs=orgs, code=code)
    return None


def _initials_of(name: list[str], code: str) -> bool:
    """Whether the capitals of `code` are the name's initials: all of them ('IS'), or the
    first and the last ('JS' for 'Jane Mary Smith'); 'CAs' counts as 'CA'."""
    capitals = "".join(c for c in code if c.isupper())
    initials = "".join(word[0] for word in name)
    return len(capitals) >= 2 and (capitals == initials or capitals == initials[0] + initials[-1])


#: initials (a Welsh one may be two letters: 'C Ll Edwards'), a surname, a note in brackets,
#: then the rest of the line
_INITIALLED_THEN = compile_cached(
    r"\s*(?P<name>[A-Z]\.?(?:\s+(?:[A-Z]|Ll|Ch|Dd|Ff|Th|Rh)\.?){0,2}\s+"
    r"[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)\s*(?:\((?P<note>[^()]*)\))?\s+(?P<org>[A-Z].*?)\s*$")


def member_and_council(text: str, start: int, end: int) -> Person | None:
    """The member of a line 'T Pritchard (Chair) Aberwen County Borough Council': an
    initialled name, an office in brackets, then an organisation of two words or more
    ending in an organisation's head word (the bodies' vocabulary: council, police ...)."""
    m = _INITIALLED_THEN.match(text, start + prefix(text[start:end])[0], end)
    if not m:  # ('Councillor' over the column may run into the first row)
        return None
    org = m["org"].split()
    if len(org) < 2 or org[-1].lower() not in body_words().org_heads or \
            not all(w[:1].isupper() or w in ("of", "and", "&", "the") for w in org):
        return None
    notes = [m["note"].strip()] if m["note"] and m["note"].strip() else []
    return Person(m["name"], m.start("name"), m.end("org"), roles=notes, orgs=[" ".join(org)])


_LEAD_CODE = compile_cached(r"\s*([A-Z]{2,3})\s+(?=[A-Z])")


def code_then_name(text: str, start: int, end: int) -> Person | None:
    """The person of a line that opens with the initials the minutes call them by ('PB
    Priya Bhandari (Wendlebury DC)', 'SR Sgt Sam Rendell (Downland Police)'), as partnership
    notes and action logs list those present; the initials must be the name's."""
    m = _LEAD_CODE.match(text, start, end)
    person = parse_person(text, m.end(), end) if m else None
    if m is None or person is None or not _initials_of(person.name.split(), m.group(1)):
        return None
    person.code = m.group(1)
    return person
