"""Definite and demonstrative references to bodies across a section: 'this group', 'the new
forum', 'these meetings', 'the Board' some paragraphs after the body was named.

A reader keeps the bodies named in the last blocks (a window) in order, and per section (from
one top-level numbered block to the next) the body the section is about (its topic: the last
body that opened a sentence or was a clause's subject) and the body it sets up. A reference
resolves to the most recent body of the window with the same head noun; a demonstrative with a
noun any body may be called by ('this group', 'these meetings') resolves to the section's
topic when no body with that head was named. The cue words are data:
`models/structure/anaphora.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

__all__ = ["AnaphoraRules", "Section", "anaphora_rules", "opening_skip"]


@dataclass(frozen=True)
class AnaphoraRules:
    demonstratives: frozenset[str]
    adjectives: frozenset[str]
    any_body_nouns: frozenset[str]
    meeting_nouns: frozenset[str]
    section_start: re.Pattern[str]
    window_blocks: int
    clause_subject_followers: frozenset[str]
    set_up_after: frozenset[str]
    set_up_before: frozenset[str]
    be: frozenset[str]


@cache
def anaphora_rules(path: str = "structure/anaphora.json") -> AnaphoraRules:
    raw = read_json(path)

    def words(key: str) -> frozenset[str]:
        return frozenset(raw[key]["words"])

    return AnaphoraRules(words("demonstratives"), words("adjectives"), words("any_body_nouns"),
                         words("meeting_nouns"), compile_cached(raw["section_start"]["pattern"]),
                         int(raw["window_blocks"]["value"]), words("clause_subject_followers"),
                         *setting_up_words())


@cache
def setting_up_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words after a name, before its determiner, and the forms of 'be' by which a paper
    sets a body up: one list (`models/structure/setting_up.json`) for this and descriptive.py."""
    raw = read_json("structure/setting_up.json")
    return (frozenset(raw["after"]["words"]), frozenset(raw["before"]["words"]),
            frozenset(raw["be"]["words"]))


@cache
def opening_skip() -> frozenset[str]:
    """The words before the body a sentence opens with: 'the', 'this', 'new' ..."""
    rules = anaphora_rules()
    return frozenset({"the"} | rules.demonstratives | rules.adjectives)


@dataclass
class Section:
    """The bodies a section has named, most recent last, and the body it is about."""

    # (head, name, block) of the bodies named in the window, earlier sections included: 'this
    # partnership' may point back over a section's number to the partnership named before it
    named: list[tuple[str, str, int]] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    set_up: list[str] = field(default_factory=list)  # the body the section sets up
    owner: list[str] = field(default_factory=list)  # a 'Name: X' line's body: label lines'
    block: int = 0  # blocks read so far

    def new_block(self, text: str) -> None:
        """A block begins: a top-level number opens a new section (an unnumbered heading
        does not: a PDF or Word paper makes headings of lines that a text file keeps as
        paragraphs, so the sections would differ by format)."""
        self.block += 1
        if anaphora_rules().section_start.match(text):
            self.topic, self.set_up, self.owner = [], [], []
        low = self.block - anaphora_rules().window_blocks
        if self.named and self.named[0][2] < low:
            self.named = [entry for entry in self.named if entry[2] >= low]

    def add(self, head: str, name: str) -> None:
        self.named.append((head, name, self.block))

    def about(self, names: list[str]) -> None:
        """A sentence or clause of the section has the one body `names` as its subject."""
        if len(names) == 1:
            self.topic = list(names)

    def resolve(self, head: str, demonstrative: bool) -> str:
        """The body a reference with this head noun points back to, or ''."""
        same = next((name for h, name, _ in reversed(self.named) if h == head), "")
        if same or not demonstrative or head not in anaphora_rules().any_body_nouns:
            return same
        return self.topic[0] if self.topic else ""
