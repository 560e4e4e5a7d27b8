"""Invented attendance lines in the layouts UK minutes use, with PERSON, ROLE and ORG spans.

A line is built from pieces (text, label or None) so every span is known by construction:
'Cllr Jane X, Role, Org', 'X – Role, Org', 'X (Role) (Org)', 'Rank X, Org', 'Role (X)',
'Councillors A (Chair), B and C', '(substitute for Y)', initials codes and qualifiers.
Honorifics, codes, post-nominals and qualifiers are left unlabelled, as the gold does.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache

from pipeline.rules import read_json
from training import inventory as inv

Piece = tuple[str, str | None]
Example = dict  # {"text": str, "spans": [[start, end, label], ...]}


@cache
def vocabularies() -> dict[str, list[str]]:
    """The project's own word lists used by the generator."""
    def load(name: str) -> dict:
        return read_json(name)
    names, ranks, roles = (load(f"attendance/{n}.json") for n in ("names", "ranks", "roles"))
    structure = load("structure/vocabulary.json")
    plural = set(names["plural_honorifics"])
    return {
        "honorifics": [h for h in names["honorifics"] if h not in plural],
        "plural": [p for p in names["plural_honorifics"] if p.startswith(("C", "M"))],
        "tiers": [t for t in names["tier_honorifics"] if not t.endswith("s")],
        "post": [p for p in names["post_nominals"] if p.isalpha()],
        "ranks": [r for r in ranks["ranks"] if not r.endswith(("Members", "Representatives"))],
        "modifiers": ranks["modifiers"],
        "chair": roles["chair_roles"],
        "org_words": [w for w in roles["org_words"] if w[:1].isupper()],
        "org_heads": [w.title() for w in structure["org_heads"]["words"]],
    }


class Generator:
    """Random names, roles and organisations, and the line layouts that combine them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.v = vocabularies()

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    # ------------------------------------------------------------ words

    def surname(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            word = self.pick(inv.SURNAMES)
        elif r < 0.5:
            word = self.forename() + self.pick(["", "son", "er", "a", "ey"])
        else:
            word = self.pick(inv.SURNAME_HEADS) + self.pick(inv.SURNAME_TAILS)
        return f"{word}-{self.surname()}" if self.rng.random() < 0.1 else word

    def forename(self) -> str:
        """A listed first name, or (one in three) one made of syllables, so the model
        learns the shape of a name rather than the list."""
        if self.rng.random() < 0.67:
            return self.pick(inv.FIRST_NAMES)
        size = self.rng.choice([2, 2, 3])
        return "".join(self.pick(inv.NAME_SYLLABLES) for _ in range(size)).capitalize()

    def name(self) -> str:
        first, last, r = self.forename(), self.surname(), self.rng.random()
        initial = first[0]
        if r < 0.5:
            return f"{first} {last}"
        if r < 0.65:
            return f"{initial} {last}"
        if r < 0.75:
            return f"{initial}. {last}"
        if r < 0.85:
            return f"{initial} {self.forename()[0]} {last}"
        if r < 0.92:
            return f"{initial}. {self.forename()[0]}. {last}"
        return f"{first} {self.forename()} {last}"

    def place(self) -> str:
        place = self.pick(inv.PLACE_HEADS) + self.pick(inv.PLACE_TAILS)
        r = self.rng.random()
        return f"North {place}" if r < 0.05 else f"{place} Vale" if r < 0.1 else place

    def org(self) -> str:
        shape = self.pick(inv.ORG_SHAPES)
        if self.rng.random() < 0.15:
            shape = "{p} " + self.pick(self.v["org_words"] + self.v["org_heads"])
        return shape.format(p=self.place(), q=self.place(), s=self.surname(), t=self.surname())

    def office(self) -> str:
        adjective = self.pick(inv.OFFICE_ADJECTIVES)
        words = [adjective, self.pick(inv.DEPARTMENTS), self.pick(inv.OFFICE_NOUNS)]
        return " ".join(w for w in words if w)

    def role(self) -> str:
        r, dept = self.rng.random(), self.pick(inv.DEPARTMENTS)
        shapes: list[Callable[[], str]] = [
            lambda: f"Head of {dept}",
            lambda: f"{self.pick(['', 'Assistant ', 'Executive '])}Director of {dept}",
            lambda: f"{self.pick(['Corporate', 'Strategic', 'Assistant'])} Director, {dept}",
            lambda: f"Cabinet Member for {self.pick(inv.PORTFOLIOS)}",
            lambda: f"Portfolio Holder for {self.pick(inv.PORTFOLIOS)}",
            lambda: f"Chair of the {self.place()} {self.pick(['Board', 'Committee', 'Forum'])}",
            self.office, self.office, lambda: self.pick(inv.FIXED_ROLES),
        ]
        return shapes[int(r * len(shapes))]()

    def rank(self) -> str:
        if self.rng.random() < 0.25:
            modifier = self.pick(self.v["modifiers"])
            return f"{modifier} {self.pick(['Chief Constable', 'Chief Fire Officer'])}"
        if self.rng.random() < 0.2:
            return self.pick(["Borough Commander", "Station Manager", "Area Commander",
                              "Independent Member", "Group Manager", "Watch Manager"])
        return self.pick(self.v["ranks"])

    def dash(self) -> str:
        return self.pick([" – ", " – ", " - ", " — "])
