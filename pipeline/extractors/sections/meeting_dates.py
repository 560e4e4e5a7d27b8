"""What tells a paper's own meeting date from the other dates of its header: minutes of an
earlier meeting, a notice of the meeting to come, a later meeting named, the minutes' own
title (`header.find_date` chooses among them)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from pipeline.extractors.anchors import AnySearch, LiteralGate
from pipeline.extractors.sections.cues import cues
from pipeline.extractors.sections.dates import FoundDate, find_dates, first_date
from pipeline.model import Block
from pipeline.regex_cache import compile_cached

Lines = list[tuple[Block, str]]
HEADER_BLOCKS = 14  # how far into a paper its title and header block reach


@cache
def later_gate() -> LiteralGate:
    return LiteralGate([cues().later_meeting])  # (its search: ten times the lookup)


@cache
def notice_gate() -> LiteralGate:
    return LiteralGate([cues().notice_sentence])


#: A header line about earlier minutes says so early; a block of a hundred pages says
#: nothing the cues need past this, and searching it whole cost minutes (a 1.2M-character
#: paper's one block).
EARLIER_MINUTES_CHARS = 1000


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def earlier_minutes(text: str) -> bool:
    text = text[:EARLIER_MINUTES_CHARS]
    return not cues().own_minutes_title.match(text) and earlier_search().search(text)


@cache
def earlier_search() -> AnySearch:
    """The earlier-minutes cues, each alternative tried only where its words are: one of
    them ('... the minutes of the') backtracks over two hundred characters at each one."""
    return AnySearch(cues().earlier_minutes)


def minutes_held(lines: Lines, earlier: Sequence[bool]) -> tuple[FoundDate, Block] | None:
    """The date a minutes paper's own title gives ('Minutes of the Meeting held on 26 June
    2026', after the body's name or none), not that of the minutes of an earlier meeting
    ('The notes of the meeting held on 11 May 2022 were accepted')."""
    for (block, text), before in zip(lines[:HEADER_BLOCKS], earlier, strict=False):
        held = None if before else cues().own_minutes_held.search(text)
        if held and held.group()[:1].isupper() and _TITLE_WORDS.fullmatch(
                text, 0, held.start()) and (found := first_date(text[held.end():])):
            return found, block
    return None


#: the body's name before a title ('Wendmoor Records Committee Minutes of ...')
_TITLE_WORDS = compile_cached(r"(?:[A-Z][\w'’&,-]*\s+|(?:of|and|the|for)\s+)*")


def notice_date(lines: list[tuple[Block, str]],
                 weak: FoundDate) -> tuple[FoundDate, Block] | None:
    """The first date later than `weak` that a notice line gives ("summoned to attend ...
    on", "to be held on"), or a date label after a notice line ("will be held as follows:
    / Date: ...")."""
    noticed = False
    for block, text in lines:
        if earlier_minutes(text) or (later_gate().might_match(text)
                                      and cues().later_meeting.search(text)):
            continue
        notice = notice_gate().might_match(text) and bool(cues().notice_sentence.search(text))
        found = None
        if notice:
            found = next((d for d in find_dates(text) if d.value > weak.value), None)
        elif noticed:
            for pattern in cues().date_labels:
                m = pattern.match(text)
                found = first_date(m["rest"]) if m else None
                if found and found.value <= weak.value:
                    found = None
                if found:
                    break
        if found:
            return found, block
        noticed = noticed or notice
    return None
