"""Character-level scans the people extractors share: bracket depths, a paper's initials
codes, and which blocks of a paper may hold a gate's words.

A regex search that has no literal to look for tries every position of its text; the
scans here start from the rare character a match must hold ('(' of an initials code) and
read back from it, or look a gate's words up in the whole paper once instead of in each
block. Each gives exactly what the test it stands for gives (tests/test_people_scanning.py
compares them on generated texts).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from operator import attrgetter, le
from typing import TYPE_CHECKING

from pipeline.extractors.anchors import required_strings, unfolded
from pipeline.extractors.people.vocabulary import vocab
from pipeline.regex_cache import compile_cached

if TYPE_CHECKING:
    from pipeline.model import Document

OPEN, CLOSE = "([", ")]"
BRACKET = compile_cached(r"[()\[\]]")


@lru_cache(maxsize=256)
def depths(text: str) -> tuple[int, ...]:
    """Bracket depth of each character (brackets themselves at the outer depth). Cached,
    and stepped from bracket to bracket: a list, its pieces and its labels ask again for
    the same line, which mostly has no bracket at all."""
    if "(" not in text and "[" not in text:
        return (0,) * len(text)
    out: list[int] = []
    depth, last = 0, 0
    for m in BRACKET.finditer(text):
        at = m.start()
        out += [depth] * (at - last)
        depth = max(depth - (text[at] in CLOSE), 0)
        out.append(depth)
        depth += text[at] in OPEN
        last = at + 1
    out += [depth] * (len(text) - last)
    return tuple(out)


def split_top(text: str, separator: str) -> list[str]:
    """Pieces of text between separators that are outside brackets."""
    if separator not in text:
        return [text.strip()] if text.strip() else []  # (most notes hold no separator)
    depth, pieces, last = depths(text), [], 0
    for i, char in enumerate(text):
        if char == separator and depth[i] == 0:
            pieces.append(text[last:i])
            last = i + 1
    return [p.strip() for p in [*pieces, text[last:]] if p.strip()]


#: "Bryony Keech (BK)": the code a paper gives a person it lists, to call them by later
PERSON_CODE = compile_cached(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z]\s*\((?P<code>[A-Z]{2,4})\)")
_CODE = compile_cached(r"[(\[](?P<code>[A-Z]{2,4})[)\]]")  # "(BK)", a board's "[RF]"


def word_char(char: str) -> bool:
    """`[\\w'’-]` of a regular expression: a letter, digit or underscore, "-" or an
    apostrophe (re's \\w is str.isalnum() or '_')."""
    return char.isalnum() or char in "_'’-"


def person_codes(text: str) -> frozenset[str]:
    """The codes of PERSON_CODE's matches in a text: found from each bracketed code back
    to the word before it (PERSON_CODE's own search tries every capital of the paper,
    which holds few codes). A match's word is the whole run of word characters before
    the spaces and the bracket (nothing of that run may come before it), so the run
    decides: a capital first, a small letter last."""
    found = set()
    # (a search of the code pattern steps through every character of the paper in the
    # regex engine; str.find jumps to the few brackets)
    for m in (m for opening in "([" for m in _at_each(text, opening) if m is not None):
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin and word_char(text[begin - 1]):
            begin -= 1
        if end - begin >= 2 and "A" <= text[begin] <= "Z" and "a" <= text[end - 1] <= "z":
            found.add(m.group("code"))
    # "KO Kerry Osei (OPCC)": a code column first; (?m)^ is tried at every character, a
    # line break is looked for as a literal (no match holds one: each line is tried alike)
    for line in (_CODE_FIRST.match(text), *_CODE_FIRST_AFTER.finditer(text)):
        if line is None:
            continue
        names = line.group("name").split()
        if line.group("code") in (names[0][0] + names[-1][0], "".join(n[0] for n in names)):
            found.add(line.group("code"))
    return frozenset(found)


def _at_each(text: str, opening: str) -> Iterator[re.Match[str] | None]:
    """_CODE tried at each place of `opening` in a text."""
    at = text.find(opening)
    while at >= 0:
        yield _CODE.match(text, at)
        at = text.find(opening, at + 1)


#: a line that opens with a person's initials before their name ('KO Kerry Osei (OPCC)',
#: 'SR Sgt Sam Rendell'): partnership notes that call people by those initials later
_CODE_LINE = (r"[ \t]*(?P<code>[A-Z]{2,4})[ \t]+(?:(?:Cllr|Sgt|Insp|Dr|Mr|Mrs|Ms|Miss|Councillor)"
              r"\.?[ \t]+)?(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})\b")
_CODE_FIRST = compile_cached(_CODE_LINE)  # (matched at the text's start)
_CODE_FIRST_AFTER = compile_cached("\n" + _CODE_LINE)  # (after each line break)


_START, _END = attrgetter("start"), attrgetter("end")


@cache
def _shortest(strings: frozenset[str]) -> frozenset[str]:
    """The strings that hold none of the others: a text holds one of `strings` exactly when
    it holds one of these ('sub' stands for 'substitut')."""
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def blocks_holding(document: Document, strings: frozenset[str],
                   tabs_as_spaces: bool = False) -> list[bool]:
    """For each block of a paper, False when its casefolded text (tabs as spaces, if asked)
    holds none of `strings` (lower case) and no letter a gate passes every text for; True
    otherwise, or when one search cannot tell. One search of the paper's text for all its
    blocks: a gate asked of each block casefolds and searches it once per block (most
    blocks hold none of a cue's words).

    A block whose text is not the paper's text at its span, and a paper whose casefold
    changes its length ('ß'), are passed: the test is then not this one."""
    return blocks_holding_each(document, [(strings, tabs_as_spaces)])[0]


def blocks_holding_each(document: Document, sets: list[tuple[frozenset[str], bool]]
                        ) -> list[list[bool]]:
    """`blocks_holding` for several (strings, tabs as spaces) at once: the paper casefolded
    once (twice if tabs matter to a set: only a word holding a space or a tab sees them),
    each string looked up once, each block compared with the paper's text once."""
    blocks = document.blocks
    everywhere = [True] * len(blocks)
    if not blocks:
        return [everywhere for _ in sets]
    low, high = min(map(_START, blocks)), max(map(_END, blocks))
    raw = document.text[low:high]
    folded, found = _folded(document.text, low, high)
    if len(folded) != len(raw) or (not raw.isascii() and unfolded(raw)):
        return [everywhere for _ in sets]  # (a tab becomes a space: the same length)
    folds = {False: folded}
    # a block whose text is not the paper's at its span is passed by every set
    other, bounds = _layout(blocks, document.text)
    out = []
    for strings, tabs in sets:
        if not strings or "" in strings:
            out.append(everywhere)
            continue
        spaced = tabs and any(c in w for w in strings for c in " \t")
        if spaced not in folds:
            # (casefolding keeps a tab and a space as they are and makes neither: the
            # casefolded text with its tabs as spaces is the text's with them, casefolded)
            folds[spaced] = folded.replace("\t", " ")
        # where each string occurs (all occurrences, overlapping ones too: str.find, far
        # cheaper than one regex of all the strings); a block holds one only if one starts
        # in it
        starts = []
        for string in _shortest(strings):
            if (spaced, string) not in found:
                found[spaced, string] = at = []
                where = folds[spaced].find(string)
                while where >= 0:
                    at.append(where + low)
                    where = folds[spaced].find(string, where + 1)
            starts += found[spaced, string]
        starts.sort()
        if bounds is None:
            out.append([k < len(starts) and starts[k] < block.end or differs
                        for block, differs in zip(blocks, other, strict=True)
                        for k in (bisect_left(starts, block.start),)])
            continue
        # blocks in order and apart: an occurrence lies in the one block (if any) that
        # starts last at or before it, so the few occurrences mark their blocks instead of
        # each block looking for one among them
        flags = list(other)
        begins, ends = bounds
        for hit in starts:
            k = bisect_right(begins, hit) - 1
            if k >= 0 and hit < ends[k]:
                flags[k] = True
        out.append(flags)
    return out


def _layout(blocks: list, text: str) -> tuple[list[bool], tuple[list[int], list[int]] | None]:
    """For a paper's blocks: whether each block's text is not the paper's at its span, and
    the blocks' starts and ends when they come in order without overlapping (else None).
    Kept with the last paper read (`_LAST`): the attendance sentences and the declarations
    both ask of the same blocks."""
    if _LAST[5] is blocks and _LAST[6] is text and len(_LAST[7][0]) == len(blocks):
        return _LAST[7]
    other = [text[block.start:block.end] != block.text for block in blocks]
    begins, ends = list(map(_START, blocks)), list(map(_END, blocks))
    apart = all(map(le, begins, ends)) and all(map(le, ends, begins[1:]))
    _LAST[5:8] = [blocks, text, (other, (begins, ends) if apart else None)]
    return _LAST[7]


#: the last paper read: its text (the object itself), the span read, that span casefolded
#: and where each string was found in it. The attendance sentences and the declarations
#: each ask of the same paper, and casefolding a paper costs more than its searches; the
#: next paper replaces it (a text equal to it but another object is read afresh).
_LAST: list = [None, 0, 0, "", {}, None, None, None]


def _folded(text: str, low: int, high: int) -> tuple[str, dict[tuple[bool, str], list[int]]]:
    """text[low:high] casefolded, and the occurrences found in it so far (by tabs as
    spaces and string), read once per paper."""
    if not (_LAST[0] is text and _LAST[1] == low and _LAST[2] == high):
        _LAST[:5] = [text, low, high, text[low:high].casefold(), {}]
    return _LAST[3], _LAST[4]


def gate_strings(patterns: Iterable[re.Pattern[str]]) -> frozenset[str]:
    """The strings a `LiteralGate` of these regexes looks for (one of which a text must hold
    to match any of them); empty when a regex requires none, and then no block is turned
    away."""
    strings: set[str] = set()
    for pattern in patterns:
        found = required_strings(pattern)
        if not found:
            return frozenset()
        strings |= found
    return frozenset(strings)


def may_be_titled(text: str, start: int, end: int) -> bool:
    """Whether a person read from text[start:end] may carry an honorific or a council tier
    ('Cllr', 'County Councillor'): False only when neither regex (vocabulary's "hon",
    "tier") matches the range with its words joined by single spaces, as parse_person
    joins a name's words before it reads them (a name's words are the range's, the first
    perhaps cut short, which a search without a word boundary finds as well)."""
    words = " ".join(text[start:end].split())
    v = vocab()
    return bool(v["hon"].search(words) or v["tier"].search(words))
