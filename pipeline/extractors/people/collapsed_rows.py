"""Rows of a space-aligned attendance table whose spacing a reader collapsed into single
spaces ('Cllr A Bell Lowbridge Council Cabinet Member'), cut back into name, role and
organisation by vocabulary, under a header line ('Name Organisation Role', as
`attendance_tables.collapsed_header` finds it)."""

from __future__ import annotations

from pipeline.extractors.people.names import Person, classify, parse_person, prefix
from pipeline.extractors.people.vocabulary import vocab


def split_collapsed(text: str, header: list[str], tail: str) -> Person | None:
    """Name, then the other columns in header order, from a row whose spacing is gone; a
    lone word on the next line ends a name wrapped after the forename."""
    offset, roles, labels, _, _ = prefix(text)
    tokens = text[offset:].split()
    if not tokens:
        return None
    size = 1 if tail or len(tokens) < 2 or tokens[1].startswith("(") else 2
    while size < min(len(tokens), 3) and (len(tokens[size - 1].rstrip(".")) == 1
                                          or tokens[size] in vocab()["particles"]):
        size += 1  # initials and particles do not count towards the two words of a name
    name = " ".join(tokens[:size] + ([tail] if tail else []))
    person, rest = parse_person(name, 0, len(name), True), tokens[size:]
    if person is None:
        return None
    while rest and rest[0].startswith("("):  # "(Chair)" written after the name
        note = [rest.pop(0)]
        while not note[-1].endswith(")") and rest:
            note.append(rest.pop(0))
        person.roles.append(" ".join(note).strip("()"))
    person.roles[:0], person.labels, person.start, person.end = roles, labels, 0, len(text)
    columns = [h for h in header[1:] if h in ("role", "organisation")]
    if len(columns) == 1 and rest:
        (person.roles if columns[0] == "role" else person.orgs).append(" ".join(rest))
    elif len(columns) == 2 and len(rest) >= 2:
        cut = max(range(1, len(rest)),
                  key=lambda k: _fit(rest[:k], columns[0]) + _fit(rest[k:], columns[1]))
        for part, column in ((rest[:cut], columns[0]), (rest[cut:], columns[1])):
            (person.roles if column == "role" else person.orgs).append(" ".join(part))
    return person


def _fit(tokens: list[str], column: str) -> int:
    """How well tokens read as a role or an organisation (for cutting a collapsed row)."""
    text, v = " ".join(tokens), vocab()
    kind = classify(text)
    score = 2 if kind == ("role" if column == "role" else "org") else 0 if kind is None else -2
    if column == "organisation":
        return score + (tokens[-1] in v["org_words"])
    score += tokens[0] in v["role_heads"] or tokens[-1].strip("()") in v["role_nouns"]
    return score + 2 * bool(v["rank"].match(text + " X"))
