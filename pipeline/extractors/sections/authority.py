"""The authority a paper belongs to: the council (or the partnership's lead council, or an
authority such as a fire or combined authority) whose paper it is.

Read from the paper, strongest evidence first, and said where it came from:

- `header`: the paper's header names an authority ("WYVERN VALLEY DISTRICT COUNCIL",
  "London Borough of Kelmscott", "X District Council - Planning Committee - <date>");
- `body`: the paper's body is an authority ("Severnvale Fire and Rescue Authority");
- `body-place`: the body starts with a place ("Westbridge Youth Justice Management
  Board") that a council the paper names has ("Westbridge Council");
- `host`: a council the paper names as a partnership's host or lead ("Kelsey Borough
  Council (host)", "hosted by X Council");
- `body-place`: as above;
- `text`: one council is named more often than any other (at least twice);
- `domain`: a web or e-mail address of the paper ("democracy.eastbury.gov.uk");
- `none`: the paper names none of these ("the Council" names nothing).

A run can override it (`--authority`, `--authority-map`: `pipeline.batch.authorities`).
The rules (name shapes, words that start no place, words dropped from a key) are data in
`models/metadata/authority.json`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from pipeline.extractors.anchors import LiteralIndex, unfolded
from pipeline.model import Block, Document
from pipeline.model.bodies import authority_key
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

RULES = "metadata/authority.json"
TEXT_CHARS = 200_000  # how much of a paper the text, host and domain evidence reads
SMALL_WORDS = {"of", "and", "upon", "on", "le", "in", "the", "a"}


@dataclass(frozen=True)
class AuthorityRules:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    not_places: frozenset[str]
    type_words: frozenset[str]
    header_blocks: int
    header_stop: re.Pattern[str]
    header_max_words: int
    host_before: re.Pattern[str]
    host_after: re.Pattern[str]
    domain: re.Pattern[str]
    domain_not_labels: frozenset[str]


@cache
def rules() -> AuthorityRules:
    raw = read_json(RULES)
    return AuthorityRules(
        tuple((entry["id"], compile_cached(entry["pattern"].replace("{PLACE}", raw["place"]), re.I))
              for entry in raw["authorities"]),
        frozenset(raw["not_places"]), frozenset(raw["type_words"]), raw["header_blocks"],
        compile_cached(raw["header_stop"], re.I), raw["header_max_words"],
        compile_cached(raw["host_before"], re.I), compile_cached(raw["host_after"], re.I),
        compile_cached(raw["domain"], re.I), frozenset(raw["domain_not_labels"]))


@cache
def _index() -> LiteralIndex:
    """The words each authority shape needs, looked up in a text at once."""
    return LiteralIndex(pattern for _, pattern in rules().patterns)


@dataclass(frozen=True)
class Found:
    """An authority named at `start`..`end` of a text, and the place it names."""

    name: str
    place: str
    start: int
    end: int


def authorities_in(text: str) -> list[Found]:
    """The authorities a text names, in order; overlapping shapes give the first rule's."""
    r = rules()
    found: list[Found] = []
    taken: list[tuple[int, int]] = []  # the spans found, sorted: an overlap is a bisect away
    index = _index()
    lines = _Lines(text) if "\n" in text else None
    # a shape whose words ('Authority', 'Borough') the text lacks is not tried: each costs
    # a case-blind pass over a paper's first pages at every capital letter
    for (_, pattern), possible, needs, one_line in zip(
            r.patterns, index.passing(text), index.needs, _one_line(), strict=True):
        if not possible:
            continue
        # a shape that stays on one line is tried only on the lines holding its words (a
        # paper's first pages are some ninety lines, a few of which name a council)
        spans = lines.holding(needs[0]) if lines and one_line and needs else ((0, len(text)),)
        for m in (m for begin, end in spans for m in pattern.finditer(text, begin, end)):
            place = " ".join(m.group("place").split())
            if not place or place.split()[0].lower().strip("'\u2019") in r.not_places:
                continue
            at = bisect.bisect_left(taken, (m.start(), m.end()))
            if (at and taken[at - 1][1] > m.start()) or (at < len(taken)
                                                          and taken[at][0] < m.end()):
                continue
            taken.insert(at, (m.start(), m.end()))
            found.append(Found(tidy(m.group()), place, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


@cache
def _one_line() -> tuple[bool, ...]:
    """For each shape, whether its matches are found line by line as in the whole text: it
    matches no line break and asks nothing of the text's end (see `_in_line`)."""
    parser = import_module("re._parser")
    return tuple(_in_line(list(parser.parse(p.pattern, p.flags)), p.flags)
                 for _, p in rules().patterns)


#: character classes that hold no line break
_LINE_CLASSES = frozenset({"CATEGORY_WORD", "CATEGORY_DIGIT", "CATEGORY_NOT_SPACE",
                           "CATEGORY_NOT_LINEBREAK"})
_LINE_ATS = frozenset({"AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_UNI_BOUNDARY",
                       "AT_UNI_NON_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING"})


def _in_line(items: list, flags: int) -> bool:
    """Whether parsed regex items (and their look-arounds) can read no line break and no end
    of text but as a boundary reads it. Such a regex searched from a line's start to its
    end (pos and endpos) finds what it finds there in the whole text: every try that reads
    the line's break fails on it in the one and at the end of text in the other, a look-
    behind sees the text before the line, and a boundary reads the break and the end alike
    (neither is a word character). Unknown items answer False."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and arg != 10 or name == "ANY" and not flags & re.DOTALL:
            continue
        if name == "AT" and str(arg) in _LINE_ATS:
            continue
        if name == "IN" and all(
                str(o) == "LITERAL" and a != 10 or str(o) == "RANGE" and not a[0] <= 10 <= a[1]
                or str(o) == "CATEGORY" and str(a) in _LINE_CLASSES for o, a in arg):
            continue
        if name == "SUBPATTERN" and _in_line(list(arg[3]), (flags | arg[1]) & ~arg[2]):
            continue
        if name == "BRANCH" and all(_in_line(list(b), flags) for b in arg[1]):
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and _in_line(
                list(arg[2]), flags):
            continue
        if name == "ATOMIC_GROUP" and _in_line(list(arg), flags) or name in (
                "ASSERT", "ASSERT_NOT") and _in_line(list(arg[1]), flags):
            continue
        return False
    return True


class _Lines:
    """The lines of a text that hold any of some strings (casefolded, as a LiteralIndex
    looks them up): (start, end) of each, in order."""

    def __init__(self, text: str) -> None:
        self.text, self.folded = text, text.casefold()

    def holding(self, strings: frozenset[str]) -> Iterable[tuple[int, int]]:
        text, folded = self.text, self.folded
        if len(folded) != len(text) or any("\n" in s for s in strings) or (
                not text.isascii() and unfolded(text)):
            return ((0, len(text)),)  # (its lines are not the text's, or hold what it lacks)
        spans = set()
        for string in strings:
            at = folded.find(string)
            while at >= 0:
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
                spans.add((text.rfind("\n", 0, at) + 1, end))
                at = folded.find(string, end)
        return sorted(spans)


def tidy(name: str) -> str:
    """The name as a heading would print it: white space folded, a leading 'the' dropped,
    capitals made title case ('WYVERN VALLEY DISTRICT COUNCIL')."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if any(c.islower() for c in "".join(words)):
        return " ".join(words)
    out = []
    for n, word in enumerate(words):
        lower = word.lower()
        out.append(lower if n and lower in SMALL_WORDS else
                   "-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(out)


def find_authority(document: Document, body: str = "",
                   header: list[Block] | None = None) -> tuple[str, str]:
    """(authority, where it came from) of a paper whose body is `body`; `header` is the
    cover's blocks (default: the document's)."""
    r = rules()
    for block in (header if header is not None else document.blocks)[:r.header_blocks]:
        if r.header_stop.match(block.text):
            break  # the attendance list names members' councils, not the paper's
        text = block.text.strip()
        if len(text.split()) <= r.header_max_words and not text.endswith(".") \
                and (title := authorities_in(text)):  # a heading, not a sentence
            return title[0].name, "header"
    if body and (own := authorities_in(body)) and own[0].end - own[0].start >= len(body) - 2:
        return own[0].name, "body"
    # the paper's first pages say whose it is; a pack of hundreds of pages need not be read
    named = authorities_in(document.text[:TEXT_CHARS])
    councils: dict[str, Found] = {}
    counts: Counter[str] = Counter()
    for one in named:
        key = authority_key(one.name)
        counts[key] += 1
        # the fullest spelling names it: "Kingsmere Borough Council" over "Kingsmere Council"
        if key not in councils or len(one.name) > len(councils[key].name):
            councils[key] = one
    text = document.text[:TEXT_CHARS]
    hosts = [f for f in named if r.host_before.search(text[max(0, f.start - 40):f.start])
             or r.host_after.match(text[f.end:f.end + 20])]
    if len({authority_key(f.name) for f in hosts}) == 1:
        return councils[authority_key(hosts[0].name)].name, "host"
    place = _leading_place(body)
    if place and place in councils:
        return councils[place].name, "body-place"
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return councils[ranked[0][0]].name, "text"
    domains = Counter(m.group("label").lower() for m in r.domain.finditer(text)
                      if m.group("label").lower() not in r.domain_not_labels)
    if domains:
        label = domains.most_common(1)[0][0]
        key = authority_key(label.replace("-", " "))
        if key in councils:
            return councils[key].name, "domain"
        return " ".join(w.capitalize() for w in label.split("-")), "domain"
    return "", "none"


def _leading_place(body: str) -> str:
    """The key of the place a body's name starts with ('Westbridge' of 'Westbridge Youth
    Justice Management Board'), or ''."""
    words = body.split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() in rules().not_places:
        return ""
    return authority_key(words[0])
