"""The people of a flattened attendance table that names its organisations between them.

A PDF mirror runs a 'Present' table of organisations and their members into one line,
the organisation cells as group headers: "Present: Wendham County Council Harlow District
Council Mr G Petherick (Chairman) Mrs J Tolliver-Hart Wendham City Council Ms P Adeyemi
...". The list opens with no person, so no list reading finds them; but each person
here has an honorific, and what lies between them is title-case names of bodies. Only
such a line is read: three titled people or more, and no sentence (no word in lower case
but a name's small words, no full stop before a capital).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.people.names import Person, parse_person
from pipeline.extractors.people.vocabulary import data
from pipeline.regex_cache import compile_cached

#: words in lower case that a body's name may hold ('Representative of the X Society')
SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "on", "in", "with", "&"})
MIN_PEOPLE = 3


@cache
def _titled() -> re.Pattern[str]:
    """An honorific, then a name's initials or forenames and surname, then a note in
    brackets if any ('Mr G Petherick (Chairman)', 'Prof W Karimi', 'Dr R Faulconbridge')."""
    honorifics = sorted((h.rstrip(".") for h in data("names")["honorifics"]
                         if " " not in h and h[:1].isupper()), key=len, reverse=True)
    alternation = "|".join(re.escape(h) for h in dict.fromkeys(honorifics))
    word = rf"(?!(?:{alternation})\b)[A-Z][\w'’-]+"  # (no honorific: the next person's)
    return compile_cached(
        rf"(?<!\S)(?:{alternation})\.?\s+(?:(?:[A-Z]\.?\s+){{1,3}}{word}|{word}\s+{word})"
        rf"(?:\s*\([^()]{{1,60}}\))?")


def titled_run(text: str, start: int, end: int) -> list[Person]:
    """The titled people of a flattened organisations-and-members line; [] for any other."""
    found = list(_titled().finditer(text, start, end))
    if len(found) < MIN_PEOPLE or re.search(r"\.\s+[A-Z]", text[start:end]):
        return []
    gaps = [text[a.end():b.start()] for a, b in zip(found, found[1:], strict=False)]
    gaps += [text[start:found[0].start()], text[found[-1].end():end]]
    words = [w for gap in gaps for w in re.sub(r"\([^()]*\)", " ", gap).split()]
    if any(w[:1].islower() and w not in SMALL_WORDS for w in words):
        return []  # a sentence's words between the names: no table of bodies
    people = [p for m in found if (p := parse_person(text, m.start(), m.end(), True))]
    return people if len(people) >= MIN_PEOPLE else []
