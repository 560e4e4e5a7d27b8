"""Members listed one a line with their ward after a dash ('Councillor Anne Bright -
Hillside'): whether a paper does so, and where the ward starts. Used by the attendance walk
(attendance.py), which cuts the ward off the name."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.people.names import classify
from pipeline.model import Block
from pipeline.regex_cache import compile_cached


def ward_column(blocks: list[Block]) -> bool:
    """Whether a paper lists its members one a line with their ward after a dash
    ('Councillor Anne Bright - Hillside'): three such lines at least, and most of the
    one-person lines, so that a double-barrelled name written 'Wendy Morris – Twiddy'
    among plain ones stays whole."""
    dashed = plain = 0
    for block in blocks[:300]:
        if ward_at(block.text, 0, len(block.text)):
            dashed += 1
        elif len(block.text.split(None, _MOST_WORDS)) <= _MOST_WORDS and \
                _person_line().fullmatch(block.text):
            plain += 1  # (a person line has no more words than _PERSON: a longer one is not)
    return dashed >= 3 and dashed >= 3 * plain


class Wards:
    """`ward_column` of a paper's blocks, worked out when first asked (as a truth value):
    the walk asks only of a list line that has a dash and a place after it, which most
    papers never write, and reading every block costs more than the rest of the test."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.found: bool | None = None

    def __bool__(self) -> bool:
        if self.found is None:
            self.found = ward_column(self.blocks)
        return self.found


def ward_at(text: str, start: int, end: int) -> int | None:
    """Where the dash before a place opens in a line 'Councillor Anne Bright - Hillside';
    None when there is none, or what follows the dash is an office or a body ('- Clerk')."""
    if text.find("-", start, end) < 0 and text.find("–", start, end) < 0 and \
            text.find("—", start, end) < 0:
        return None  # the line's regex needs a dash (of _DASHES): most lines have none
    m = _ward_line().fullmatch(text, start, end)
    return m.start(1) if m and classify(m.group(1).strip(" -–—")) is None else None


_DASHES = "-–—"  # the dashes `_ward_line` accepts before a ward


@cache
def _ward_line() -> re.Pattern:
    """A person line with a dash and a place after it; group 1 from the dash on."""
    return compile_cached(rf"\s*{_PERSON}(\s+[-–—]\s+[A-Z][\w'’.]*(?:\s+(?:[A-Z][\w'’.]*|&|and|"
                      r"with|on|upon|of|the|in))*)\s*")


@cache
def _person_line() -> re.Pattern:
    return compile_cached(rf"\s*{_PERSON}\s*")


#: the most words a `_PERSON` match has: a two-word honorific ('County Councillor') and four
#: words of name (none of its words holds a space)
_MOST_WORDS = 6
_PERSON = (r"(?:(?:Councillor|Cllr\.?|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Alderman)\s+)?"
           r"(?:[A-Z][\w'’.]*\s+){1,3}[A-Z][\w'’]+")
