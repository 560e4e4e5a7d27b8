"""One person a line with the person's initials between the name and the office, as NHS
boards, integrated care and partnership bodies minute attendance (a three-column table of
name, initials and role saved as text): 'Dr Imran Sadiq IS Clinical Chair', 'Colin
Ashworth CAs Chief Finance Officer', 'Nadia Okafor NO Director of Public Health – Wexmoor
County Council'. The initials must be those of the name, so a name followed by an
office's own capitals ('A Bell GP Liaison Lead') is left to the list reader."""

from __future__ import annotations

import re

from pipeline.extractors.people.names import Person, is_name, prefix
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
