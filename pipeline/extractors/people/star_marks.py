"""A star before each member who attended, explained by a legend line ('*attended'): a
parliamentary committee's official report lists its convener, members and substitutes in
full and stars those present. Only a legend that says the star means attendance turns the
convention on; the lines under a members' or substitutes' label without a star are then
members who did not attend, recorded nowhere."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from pipeline.extractors.people.labels import Section
from pipeline.extractors.people.vocabulary import data, pattern
from pipeline.model import Block


class Walk(Protocol):
    """The attendance walk, as this module uses it (attendance.Walk)."""

    section: Section | None

    def content(self, block: Block, start: int, end: int | None = None,
                run_on: bool = False) -> bool: ...


def star_legend(blocks: list[Block]) -> bool:
    """Whether the paper says that a star marks the members who attended."""
    return any(pattern("star_legend").match(b.text) for b in blocks[:300])


def read_starred(walk: Walk, block: Block) -> bool:
    """Reads one line of a starred list; False when the line is none of the convention's
    (the walk then reads it as usual)."""
    text = block.text.lstrip()
    if pattern("star_legend").match(block.text):
        walk.section = None  # the legend line itself ('*attended') opens no section
        return True
    section = walk.section
    if text.startswith("*") and not text.startswith("**"):
        own = section if section and section.kind in ("attendees", "substitutes") else \
            Section("attendees", rule="star-attended")
        walk.section = replace(own, kind="attendees")
        walk.content(replace(block, text=block.text.replace("*", " ", 1)), 0)
        walk.section = section
        return True
    # an unstarred member under a members' or substitutes' label did not attend
    return bool(section and section.rule in data("cues")["star_sections"]
                and block.text[:1].isupper() and not block.text.isupper())
