"""Two columns of names merged into one line with no separator between them.

A PDF or a web page that prints a PRESENT table in two columns often reaches us as lines
such as 'Ann Bell Carl Dee': two people, nothing between them. Such a line is split only
on evidence, never by counting words alone:

- a name starts at an honorific, an initial or a given name of models/attendance/
  forenames.json, and ends at a surname; a line is read every way its words make names
  ('Mary Ann Lowry' is one person: 'Lowry' starts no name);
- one reading with two names or more, and no reading as one person: that reading;
- several readings ('David Thomas Owen Evans': one person, or two): the other lines of the
  same list decide how many names a line holds ('Neil Gow Innes Petrie' above it: two);
  with no other line to tell, the line is left to the list reader as it was.

A list whose other lines say two names a line also splits a line of four plain words whose
given names the vocabulary does not know.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.extractors.people.list_cuts import GLUED_HONORIFIC
from pipeline.extractors.people.names import Person, _kind, parse_person
from pipeline.extractors.people.vocabulary import data, lone_honorific, vocab
from pipeline.regex_cache import compile_cached

MOST_WORDS = 40  # words in a line read this way: a longer run is prose, not a list line
MOST_READINGS = 64  # readings enumerated per line; more and the line is too loose to split
MOST_LIST_LINES = 40  # lines of one list looked at for evidence, each way
NAME_WORDS = (2, 4)  # words of one name, honorifics aside ('A Bell' .. 'Mary Ann Rose Lowry')
# anything but name words: a separator, a bracket, a note, a lower-case word
_NOT_BARE = compile_cached(r"[,;:&()\[\]/|0-9]|\s[-–—]\s|(?<!\S)[a-z]")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    word: str
    cls: str  # hon, initial, particle, word, known (a word of offices or bodies)


def split_merged(text: str, start: int, end: int, others: list[str]) -> list[Person] | None:
    """The persons of a line of a list that runs names together ('Ann Bell Carl Dee'),
    text[start:end], given the other lines of the same list; None when the line is not
    such a run or the evidence does not say where to cut (the caller reads it as before)."""
    tokens = _tokens(text, start, end)
    if tokens is None or len(tokens) < 4:
        return None
    chosen = _choose(_readings(tokens), lambda: _votes(others), tokens)
    if chosen is None:
        return None
    persons = []
    for a, b in chosen:
        first, last = tokens[a].start, tokens[b - 1].end
        person = parse_person(text, first, last, True)
        if person is None and tokens[a].cls != "hon":
            # 'Colin Baillie': a surname that is also an office, after a given name
            person = Person(text[first:last], first, last)
        if person is None:
            return None
        persons.append(person)
    return persons


def bare(text: str) -> bool:
    """Whether a line holds nothing but name words (a candidate list line); not when an
    honorific is glued to a word ('K CarleCouncillor M Donaghy': the list reader cuts there)."""
    return _tokens(text, 0, len(text)) is not None and not GLUED_HONORIFIC.search(text)


def _choose(readings: list[list[tuple[int, int]]] | None, votes: Callable[[], int],
            tokens: list[_Token]) -> list[tuple[int, int]] | None:
    if readings is None:
        return None
    multi = [r for r in readings if len(r) >= 2]
    whole = any(len(r) == 1 for r in readings)
    if len(multi) == 1 and not whole:
        return multi[0]
    if (vote := votes()) >= 2:  # asked only here: the other lines cost a reading each
        fits = [r for r in multi if len(r) == vote]
        if len(fits) == 1:
            return fits[0]
        if not readings and len(tokens) == 2 * vote and all(t.cls == "word" for t in tokens):
            # 'Fraser Aird Morven Lennox' under lines of two names each, its given names
            # unknown to the vocabulary: two words a name
            return [(i, i + 2) for i in range(0, len(tokens), 2)]
    return None if multi or whole else _guessed(tokens)


def _votes(others: list[str]) -> int:
    """How many names a line of this list holds, as its other lines say when each can be
    read one way only; 0 when they do not tell or disagree evenly."""
    counts = Counter(n for line in others if (n := _line_names(line)))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return 0
    return ranked[0][0]


@lru_cache(maxsize=4096)
def _line_names(line: str) -> int:
    """How many names a line holds when it can be read one way only, else 0. Cached: each
    line is asked about again by every line of its list."""
    tokens = _tokens(line, 0, len(line))
    readings = _readings(tokens) if tokens is not None else None
    if readings and len(readings) == 1:
        return len(readings[0])
    multi = [r for r in readings or [] if len(r) > 1]
    return len(multi[0]) if len(multi) == 1 and not any(len(r) == 1 for r in readings or []) \
        else 0


def _tokens(text: str, start: int, end: int) -> list[_Token] | None:
    """The words of text[start:end] with their classes; None unless every word is an
    honorific, initial, particle or capitalised name word (a plural honorific, which
    makes every name of a list a councillor, is left to the list reader)."""
    seg = text[start:end]
    if not seg.strip() or _NOT_BARE.search(seg):
        return None
    v = vocab()
    out: list[_Token] = []
    titled = 0  # where a council tier's honorific ('County Cllr') ends
    for m in re.finditer(r"\S+", seg):
        word = m.group()
        if len(out) >= MOST_WORDS:
            return None
        if (tier := v["tier"].match(seg + " X", m.start())) and seg[tier.end() - 1:][:1].isspace():
            titled = tier.end()
        if m.start() < titled or lone_honorific(word):
            if word.rstrip(".").casefold() in v["plural"]:
                return None
            cls = "hon"
        else:
            cls = {"word": "word", "caps": "word", "initial": "initial",
                   "particle": "particle"}.get(_kind(word), "")
            if not cls or word.casefold() in v["not_names"]:
                return None
            if word in v["known"]:
                cls = "known"  # an office word ('Manager'), or a surname ('Colin Baillie')
        out.append(_Token(start + m.start(), start + m.end(), word, cls))
    return out


def _readings(tokens: list[_Token], guess: bool = False
              ) -> list[list[tuple[int, int]]] | None:
    """Every way the tokens split into names, as (first, past-last) token indexes; None
    when there are more than MOST_READINGS. With `guess`, two plain words also make a name
    whose given name the vocabulary does not know."""
    ends = [sorted(set(_name_ends(tokens, i)) | ({i + 2} if guess and _pair(tokens, i) else set()))
            for i in range(len(tokens))]
    memo: dict[int, list[list[tuple[int, int]]] | None] = {len(tokens): [[]]}

    def from_(i: int) -> list[list[tuple[int, int]]] | None:
        if i in memo:
            return memo[i]
        found: list[list[tuple[int, int]]] = []
        for j in ends[i]:
            rest = from_(j)
            if rest is None:
                memo[i] = None
                return None
            found += [[(i, j), *r] for r in rest]
            if len(found) > MOST_READINGS:
                memo[i] = None
                return None
        memo[i] = found
        return found

    return from_(0)


def _pair(tokens: list[_Token], i: int) -> bool:
    """Two plain words from token i, the first no given name the vocabulary knows."""
    return i + 2 <= len(tokens) and all(t.cls == "word" for t in tokens[i:i + 2]) and \
        not forename(tokens[i].word)


def _guessed(tokens: list[_Token]) -> list[tuple[int, int]] | None:
    """A long run the vocabulary reads but for a few given names ('... Bethan Lewis Ifor
    Jenkins' without 'Ifor'): the one reading with the fewest two-word names it had to
    guess, when they are at most one name in three, and then the most names (a run of
    names is mostly forename and surname); else None."""
    scored = []
    for reading in _readings(tokens, guess=True) or []:
        guesses = sum(1 for a, b in reading if b - a == 2 and _pair(tokens, a)
                      and b not in _name_ends(tokens, a))
        if len(reading) >= 3 and guesses <= len(reading) // 3:
            scored.append(((guesses, -len(reading)), reading))
    best = [r for g, r in scored if g == min(g for g, _ in scored)] if scored else []
    return best[0] if len(best) == 1 else None


def _name_ends(tokens: list[_Token], i: int) -> list[int]:
    """Where a name starting at token i may end: honorifics, given names (or initials)
    and particles, then a surname. A given name must be one the vocabulary knows unless an
    honorific opens the name ('Mr Tomasz Nowak')."""
    k = i
    while k < len(tokens) and tokens[k].cls == "hon":
        k += 1
    titled = k > i
    out = []
    low, high = NAME_WORDS
    for j in range(k + low, min(len(tokens), k + high) + 1):
        *given, last = tokens[k:j]
        if last.cls != "word" and not (last.cls == "known" and any(
                t.cls == "word" and forename(t.word) for t in given)):
            continue  # an office word ends a name only after a known given name
        while given and given[-1].cls == "particle":
            given.pop()  # 'Anna van Dijk': the particle belongs to the surname
        if given and all(t.cls == "initial" or t.cls == "word" and (
                forename(t.word) or titled and n == 0) for n, t in enumerate(given)):
            out.append(j)
    return out


def forename(word: str) -> bool:
    """Whether a word is a given name of the vocabulary ('Siân', 'ANN-MARIE' too)."""
    folded = _fold(word.strip(".,'’"))
    return folded in _forenames() or folded.split("-")[0] in _forenames()


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _forenames() -> frozenset[str]:
    return frozenset(_fold(n) for n in data("forenames")["forenames"])


def list_lines(texts: list[str], at: int, label: Callable[[str], object]) -> list[str]:
    """The other lines of the list texts[at] belongs to: the name-only lines next to it,
    up to a label or any other line."""
    out = []
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(texts) and abs(k - at) <= MOST_LIST_LINES and bare(texts[k]) \
                and not label(texts[k]):
            out.append(texts[k])
            k += step
    return out
