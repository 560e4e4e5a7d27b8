"""Which characters a match of a regex anchored at the text's start can begin with.

A block is tried against a dozen item-number regexes ('^(?P<num>\\d{1,4}...)', '^\\((?P<num>',
'^(?:minute|mins?\\.?)\\s+...'), and most blocks begin with a character none of them can
begin with. `FirstChars` works the characters out from the regexes' parse (the stdlib's
own, as `anchors.required_sets` does) and says which regexes a text's first character
leaves: a set lookup instead of a match per regex.

Only ASCII first characters are told apart: a text opening with any other character (or
none) is tried with every regex, so case-blind matching's few non-ASCII equivalents of
ASCII letters ('K' for 'k') never need working out.
"""

from __future__ import annotations

import re
import string
from importlib import import_module
from typing import Any

from pipeline.extractors.anchors import starts_line
from pipeline.regex_cache import derived

_WORD = frozenset(string.ascii_letters + string.digits + "_")
_DIGIT = frozenset(string.digits)
_SPACE = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of the regex can start with, for a regex anchored at
    the text's start (`anchors.starts_line`); None when any character might, or the parse
    holds something not worked out here."""
    return derived(pattern, "first_chars", _first_chars)


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    if not starts_line(pattern):
        return None
    items = list(import_module("re._parser").parse(pattern.pattern, pattern.flags))
    found = _first(items, bool(pattern.flags & re.IGNORECASE))
    if found is None or found[1]:  # may match an empty start: any text might
        return None
    chars = found[0]
    return frozenset(chars | {c.swapcase() for c in chars}) if pattern.flags & re.IGNORECASE \
        else frozenset(chars)


def _first(items: list, fold: bool) -> tuple[set[str], bool] | None:
    """(the characters the sequence's first consumed character may be, whether the sequence
    may consume nothing), or None when that is not worked out."""
    c: Any = import_module("re._constants")
    chars: set[str] = set()
    for op, arg in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # consumes nothing: a superset is kept
            continue
        if op is c.LITERAL:
            if arg >= 128 and fold:
                return None  # a non-ASCII letter may match an ASCII one case-blind
            return chars | ({chr(arg)} if arg < 128 else set()), False
        if op is c.IN:
            one = _class(arg, fold)
            if one is None:
                return None
            return chars | one, False
        if op in (c.SUBPATTERN, c.ATOMIC_GROUP):
            inner = _first(list(arg[3] if op is c.SUBPATTERN else arg), fold)
        elif op is c.BRANCH:
            inner = _branches(arg[1], fold)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner = _first(list(arg[2]), fold)
            if inner is not None and arg[0] == 0:
                inner = (inner[0], True)
        else:  # any character, a group reference, a category outside a class ...
            return None
        if inner is None:
            return None
        chars |= inner[0]
        if not inner[1]:
            return chars, False
    return chars, True


def _branches(branches: list, fold: bool) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    empty = False
    for branch in branches:
        found = _first(list(branch), fold)
        if found is None:
            return None
        chars |= found[0]
        empty = empty or found[1]
    return chars, empty


def _class(items: list, fold: bool) -> set[str] | None:
    """The ASCII characters of a character class (None for a negated class, or a category
    other than digits, word or space characters)."""
    c: Any = import_module("re._constants")
    chars: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            if arg >= 128 and fold:
                return None
            if arg < 128:
                chars.add(chr(arg))
        elif op is c.RANGE:
            low, high = arg
            if high >= 128 and fold:
                return None
            chars.update(chr(k) for k in range(low, min(high, 127) + 1))
        elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            chars |= _DIGIT
        elif op is c.CATEGORY and arg is c.CATEGORY_WORD:
            chars |= _WORD
        elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
            chars |= _SPACE
        else:
            return None
    return chars


class FirstChars:
    """Which of some regexes a text's first character leaves to try (each regex tried on
    a text's start: `match`, or `search` of one anchored at the start)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.firsts = [first_chars(p) for p in patterns]
        ascii_chars = [chr(k) for k in range(128)]
        # for each ASCII first character, whether each regex may match
        self.by_char = {char: [f is None or char in f for f in self.firsts]
                        for char in ascii_chars}
        self.every = [True] * len(patterns)

    def possible(self, text: str) -> list[bool]:
        """For each regex, in order: False when no match can start with the text's first
        character."""
        found = self.by_char.get(text[:1])
        return self.every if found is None else found
