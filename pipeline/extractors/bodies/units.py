"""A reading unit as the body readers see it: a stretch of the paper's one Doc, read from its
token columns with token numbers counted from the unit's first token.

The readers used to copy each unit into a Doc of its own (a paper has some seventy units, and
a Doc and its Token objects cost more than all the reading done on them). A `Unit` is a view
instead: its slices of the paper's columns (`language.columns`), its sentences as the
sentencizer would find them in the unit alone (`Stretch`), and the character offsets and
`like_num` of its tokens, read from arrays the paper's Doc makes once (`PaperColumns`).
The same numbers, the same texts: the copy's tokens were the paper's, counted from the unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING

from pipeline.extractors.language import Columns, _sentence_punct, columns

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Joined", "PaperColumns", "Stretch", "Tokens", "Unit", "WordTest", "capitalised",
           "numbered_line", "opening_it", "places", "unit_of"]


class PaperColumns:
    """The paper's token columns, whether each token is capitalised, and each token's
    character offset and `like_num` flag, read from its Token when asked (a paper asks for
    a few dozen: an array of all of them from the Doc cost more)."""

    __slots__ = ("caps", "columns", "doc")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.columns: Columns = columns(doc)
        # (`capitalised` of each text, asked once per distinct word)
        self.caps = list(map(_CAPITALS.__getitem__, self.columns.texts))

    def idx(self, k: int) -> int:
        """Where token k of the paper starts (spaCy's `Token.idx`)."""
        return self.doc[k].idx

    def like_num(self, k: int) -> bool:
        """spaCy's `like_num` of token k of the paper (its lexeme's flag is the language's
        `like_num` of the token's text: asked of the text, with no Token made)."""
        return _LIKE_NUM[self.columns.texts[k]]


class WordTest(dict[str, bool]):
    """A test of one word, computed on the word's first lookup and kept: a paper's tokens
    are a few hundred distinct words, so the test of each token is one C-level map over the
    texts (`list(map(test.__getitem__, texts))`). Keyed on single words only (as spaCy's
    lexeme cache), so kept across papers, and emptied when it grows large."""

    MAX_WORDS = 1 << 16

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, word: str) -> bool:
        if len(self) >= self.MAX_WORDS:
            self.clear()
        found = self[word] = self.test(word)
        return found


class Tokens:
    """Tokens as the name readers read them: texts, trailing spaces, lower forms and whether
    each is capitalised, as lists indexed from 0."""

    __slots__ = ("caps", "lowers", "spaces", "texts")

    texts: list[str]
    spaces: list[bool]
    lowers: list[str]
    caps: list[bool]

    def __len__(self) -> int:
        return len(self.texts)

    def text(self, start: int, end: int) -> str:
        """The text of tokens start..end: each token's text with the space after each but the
        last (`doc[start:end].text` of the unit's Doc)."""
        start, end = max(start, 0), min(end, len(self.texts))
        if start >= end:
            return ""
        texts, spaces = self.texts, self.spaces
        if all(spaces[start:end - 1]):  # (most names: a space after each word)
            return " ".join(texts[start:end])
        return "".join([texts[k] + " " if spaces[k] else texts[k] for k in range(start, end - 1)]
                       ) + texts[end - 1]


class Unit(Tokens):
    """Tokens `offset`..`offset + len(texts)` of the paper: their texts, trailing spaces,
    lower forms, capitals and is_punct as lists indexed from 0."""

    __slots__ = ("offset", "paper", "punct")

    def __init__(self, paper: PaperColumns, start: int, end: int) -> None:
        whole = paper.columns
        self.paper, self.offset = paper, start
        self.texts = whole.texts[start:end]
        self.spaces = whole.spaces[start:end]
        self.lowers = whole.lowers[start:end]
        self.punct = whole.punct[start:end]
        self.caps = paper.caps[start:end]  # whether each token is capitalised

    def start_char(self, k: int) -> int:
        """Where token k starts, counted from the unit's first character."""
        idx = self.paper.idx
        return idx(self.offset + k) - idx(self.offset)

    def end_char(self, k: int) -> int:
        """Where token k ends, counted from the unit's first character."""
        return self.start_char(k) + len(self.texts[k])

    def like_num(self, k: int) -> bool:
        """spaCy's `like_num` of token k ('12', 'ten', '1/2')."""
        return self.paper.like_num(self.offset + k)

    def span(self, start: int, end: int) -> Stretch:
        return Stretch(self, start, end)

    def sentences(self) -> list[Stretch]:
        """The unit's sentences as spaCy's sentencizer would find them in the unit alone (as
        `language._starts` marks them): one starts at the first token, and at the first token
        after sentence-final punctuation that is neither punctuation nor sentence-final."""
        texts, punct, count = self.texts, self.punct, len(self.texts)
        if not count:
            return []
        finals = _sentence_punct()
        bounds = [0]
        if not finals.isdisjoint(texts):  # (most units are one sentence: no final to look at)
            settled = 0
            for final in compress(range(count), map(finals.__contains__, texts)):  # (in C)
                if final < settled:
                    continue  # passed over from the final before
                k = final + 1
                while k < count and (punct[k] or texts[k] in finals):
                    k += 1
                if k < count:
                    bounds.append(k)
                settled = k
        bounds.append(count)
        return [Stretch(self, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]


class Stretch:
    """Tokens start..end of a unit (a sentence, or a mention's tokens), as a Span of the
    unit's Doc was read: its place, length, characters and text."""

    __slots__ = ("end", "start", "unit")

    def __init__(self, unit: Unit, start: int, end: int) -> None:
        self.unit, self.start, self.end = unit, start, end

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def start_char(self) -> int:
        return self.unit.start_char(self.start)

    @property
    def end_char(self) -> int:
        return self.unit.end_char(self.end - 1)

    @property
    def text(self) -> str:
        return self.unit.text(self.start, self.end)


class Joined(Tokens):
    """Units laid end to end, `gap` empty tokens after each (an empty text, no capital, a
    space after it), for readers that read a paper's units in one pass; `bases[n]` is where
    unit n starts."""

    __slots__ = ("bases",)

    def __init__(self, units: list[Unit], gap: int) -> None:
        self.texts, self.spaces, self.lowers, self.caps = [], [], [], []
        self.bases: list[int] = []
        empty, spaced, plain = [""] * gap, [True] * gap, [False] * gap
        for unit in units:
            self.bases.append(len(self.texts))
            self.texts += unit.texts
            self.texts += empty
            self.spaces += unit.spaces
            self.spaces += spaced
            self.lowers += unit.lowers
            self.lowers += empty
            self.caps += unit.caps
            self.caps += plain


def places(items: list[str], value: str) -> list[int]:
    """Where `value` stands in `items`, in order: found by list.index, which compares in C
    (a comprehension over a paper's tokens asking each cost twice as much)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = items.index(value, at + 1)
            found.append(at)
    except ValueError:
        return found


def opening_it(unit: Unit, start: int, end: int) -> int | None:
    """Where 'It' or 'Its' stands when tokens start..end (a sentence) open with it, after
    numbering and punctuation; else None. (like_num is asked last: few tokens get so far.)"""
    texts, lowers, punct = unit.texts, unit.lowers, unit.punct
    for k in range(start, end):
        if texts[k][:1].isdigit() or punct[k] or texts[k].isspace():
            continue
        if lowers[k] in ("it", "its"):
            return k
        if not unit.like_num(k):
            return None
    return None


def capitalised(text: str) -> bool:
    """Whether a word is capitalised: a first capital that is a letter settles it; the search
    is for those that are not (Ⅻ)."""
    first = text[:1]
    if "/" in text and any(c.isdigit() for c in text):
        return False  # a minute's number, no name's word ('PCSP/045/2025 POLICING COMMITTEE')
    return first.isupper() and (first.isalpha() or any(c.isalpha() for c in text))


_CAPITALS = WordTest(capitalised)
_ROMAN = re.compile(r"[IVXL]{2,6}")


def numbered_line(texts: list[str], caps: list[bool], i: int) -> bool:
    """Whether word i is a roman numeral opening a line before a capitalised word: an
    item's number ('VIII PERFORMANCE AND AUDIT COMMITTEE'), not part of a name."""
    return (i == 0 or not texts[i - 1].strip()) and i + 1 < len(texts) and caps[i + 1] and \
        _ROMAN.fullmatch(texts[i]) is not None


def _like_num(text: str) -> bool:
    """spaCy's English `like_num` of a word: the lexeme flag `Token.like_num` reads."""
    from spacy.lang.en.lex_attrs import like_num

    return bool(like_num(text))


_LIKE_NUM = WordTest(_like_num)


def unit_of(doc: Doc, start: int = 0, end: int | None = None) -> Unit:
    """Tokens start..end of a Doc (all of it by default) as a unit."""
    return Unit(PaperColumns(doc), start, len(doc) if end is None else end)
