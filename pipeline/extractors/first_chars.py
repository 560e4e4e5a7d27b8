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
    found = word_start(pattern)
    return None if found is None or found[1] else found[0]


def word_start(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """`first_chars`, or for a regex that opens by passing over any non-word characters
    ('^\\W*minutes?'), the word characters its first word character can be (and True)."""
    return derived(pattern, "word_start", _word_start)


def _word_start(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    if not starts_line(pattern):
        return None
    c: Any = import_module("re._constants")
    items = list(import_module("re._parser").parse(pattern.pattern, pattern.flags))
    items = [item for item in items[:1] if item[0] is not c.AT] + items[1:]
    skips = bool(items) and items[0][0] in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) \
        and items[0][1][0] == 0 and list(items[0][1][2]) == [(c.IN, [(c.CATEGORY,
                                                                        c.CATEGORY_NOT_WORD)])]
    found = _first(items[1:] if skips else items, bool(pattern.flags & re.IGNORECASE))
    if found is None or found[1]:  # may match an empty start: any text might
        return None
    chars = found[0]
    if pattern.flags & re.IGNORECASE:
        chars |= {char.swapcase() for char in chars}
    if skips and not chars <= _WORD:  # what follows the skip may open with a non-word one
        return None
    return frozenset(chars), skips


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


_FIRST_WORD = re.compile(r"\w")


class FirstChars:
    """Which of some regexes a text's first character (or first word character, for a
    regex passing over non-word ones first) leaves to try (each regex tried on a text's
    start: `match`, or `search` of one anchored at the start)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        starts = [word_start(p) for p in patterns]
        self.firsts = [None if s is None or s[1] else s[0] for s in starts]
        self.words = [s[0] if s is not None and s[1] else None for s in starts]
        self.by_word = any(w is not None for w in self.words)
        ascii_chars = [chr(k) for k in range(128)]
        # for each ASCII first character (and first word character), whether each regex
        # may match; a character outside ASCII leaves a regex to try
        self.by_char = {char: [f is None or char in f for f in self.firsts]
                        for char in ascii_chars}
        self.by_first_word = {char: [w is None or char in w for w in self.words]
                              for char in ascii_chars}
        self.every = [True] * len(patterns)
        self.tried: dict[tuple[str, str], list[int]] = {}

    def possible(self, text: str) -> list[bool]:
        """For each regex, in order: False when no match can start with the text's first
        character (or its first word character)."""
        found = self.by_char.get(text[:1], self.every)
        if not self.by_word:
            return found
        word = _FIRST_WORD.search(text)
        words = self.by_first_word.get(word.group() if word else "", self.every)
        return [a and b for a, b in zip(found, words, strict=True)]

    def which(self, text: str) -> list[int]:
        """The indices of the regexes `possible` leaves, in order (the same few lists serve
        every text: kept by its first character and first word character)."""
        word = _FIRST_WORD.search(text) if self.by_word else None
        key = (text[:1], word.group() if word else "")
        found = self.tried.get(key)
        if found is None:
            if len(self.tried) >= 4096:  # (a hostile text's every character)
                self.tried.clear()
            found = self.tried[key] = [k for k, maybe in enumerate(self.possible(text)) if maybe]
        return found
