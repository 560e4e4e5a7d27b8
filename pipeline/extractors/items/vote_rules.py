"""The rules of recorded votes (models/votes/cues.json), compiled, and the readers of
what a cue captured: counts in digits or words, result and position words, the motion as
the minutes name it, and the names of a members list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.anchors import LiteralGate, LiteralIndex
from pipeline.extractors.people.lists import parse_list
from pipeline.regex_cache import compile_cached, longest_first
from pipeline.rules import read_json

ARTICLES = ("the", "this", "that", "his", "her", "their")
MOVER = compile_cached(r"\s+(?:moved|proposed|standing\s+in\s+the\s+name\s+of|in\s+the\s+name\s+of)"
                       r"\b", re.I)


@dataclass(frozen=True)
class Cue:
    id: str
    pattern: re.Pattern[str]
    needs: tuple[re.Pattern[str], ...] = ()  # a text one of these misses cannot match

    def finditer(self, text: str, needed: dict[re.Pattern[str], bool] | None = None
                 ) -> list[re.Match[str]]:
        """The matches in `text`; `needed` remembers, for one text, which `needs` it passed
        (cues share them, and a sentence is tried with all of them)."""
        for need in self.needs:
            passed = None if needed is None else needed.get(need)
            if passed is None:
                passed = bool(need.search(text))
                if needed is not None:
                    needed[need] = passed
            if not passed:
                return []
        return list(self.pattern.finditer(text))


@dataclass(frozen=True)
class VoteRules:
    numbers: dict[str, int]
    results: dict[str, str]
    positions: dict[str, str]
    context: re.Pattern[str]
    count_items: tuple[Cue, ...]
    count_pairs: tuple[Cue, ...]
    result_cues: tuple[Cue, ...]
    opens: tuple[Cue, ...]
    label: Cue
    skip: Cue
    named: tuple[Cue, ...]
    header_cells: frozenset[str]
    no_names: frozenset[str]
    trailing_count: re.Pattern[str]
    number: re.Pattern[str]  # a count: every count cue reads one (number_of(m.group(...)))
    number_words: LiteralGate  # a text without a digit matches `number` only with one of them
    # passes every sentence an opening, result or members cue could match (most fail it)
    cue_gate: LiteralGate
    count_gate: LiteralGate  # likewise for the count cues
    # which of the opening, result and members cues (in that order) a sentence might match;
    # and which of the count items and count pairs
    cue_index: LiteralIndex
    count_index: LiteralIndex


@cache
def rules() -> VoteRules:
    raw = read_json("votes/cues.json")
    numbers = dict(raw["units"])
    digits = [unit for unit, value in raw["units"].items() if 1 <= value <= 9]
    for ten, value in raw["tens"].items():
        numbers[ten] = value
        for unit in digits:
            numbers[f"{ten}-{unit}"] = numbers[f"{ten} {unit}"] = value + raw["units"][unit]
    # as a grammar, not the 200 forms listed: the same matches, a tenth of the regex to
    # compile (every count cue embeds it, and compiling was most of a one-paper run's rules)
    number = (rf"\d+|(?:{_by_first_letter(_longest_first(raw['tens']))})"
              rf"(?:[-\s](?:{_by_first_letter(_longest_first(digits))}))?"
              rf"|{_by_first_letter(_longest_first(raw['units']))}")
    # the characters a number opens with, asked first: the alternation was tried at every
    # word of a sentence (the same matches: each alternative opens with one of them)
    firsts = "".join(sorted({word[0].lower() for word in (*raw["tens"], *raw["units"])}))
    number = rf"(?=[\d{re.escape(firsts)}])(?:{number})"
    results = raw["results"]
    result = "|".join(sorted((r.replace(" ", r"\s+") for r in results), key=longest_first))

    def compile_(pattern: str) -> re.Pattern[str]:
        pattern = (pattern.replace("{N}", f"(?:{number})").replace("{MOTION}", raw["motion"])
                   .replace("{RESULT}", f"(?:{result})"))
        return compile_cached(pattern, re.I)

    # a pattern opening with the motion is tried at every character: first ask for its word
    motion_words = compile_cached("|".join(map(re.escape, raw["motion_words"]["words"])), re.I)

    # a result cue reads its result word (result_of(m.group("res"))): it has one to match
    result_word = compile_cached(f"(?:{result})", re.I)

    def needs(pattern: str) -> tuple[re.Pattern[str], ...]:
        return (*((motion_words,) if pattern.startswith("(?P<mot>{MOTION})") else ()),
                *((result_word,) if "(?P<res>{RESULT})" in pattern else ()))

    def cues(key: str) -> tuple[Cue, ...]:
        return tuple(Cue(c["id"], compile_(c["pattern"]), needs(c["pattern"])) for c in raw[key])

    labels = cues("labels")
    opens, result_cues, named = cues("opens"), cues("results_patterns"), cues("named")
    count_items, count_pairs = cues("count_items"), cues("count_pairs")
    return VoteRules(
        numbers=numbers, results=results, positions=raw["positions"],
        context=compile_cached(raw["context"], re.I), count_items=count_items,
        count_pairs=count_pairs, result_cues=result_cues, opens=opens, label=labels[0],
        skip=labels[1], named=named, header_cells=frozenset(raw["header_cells"]),
        no_names=frozenset(raw["no_names"]), trailing_count=compile_cached(raw["trailing_count"]),
        number=compile_("{N}"),
        number_words=LiteralGate(compile_cached(w.replace(" ", r"\s"), re.I)
                                 for w in (*raw["units"], *raw["tens"])),
        cue_gate=LiteralGate(c.pattern for c in (*opens, *result_cues, *named)),
        count_gate=LiteralGate(c.pattern for c in (*count_items, *count_pairs)),
        cue_index=LiteralIndex(c.pattern for c in (*opens, *result_cues, *named)),
        count_index=LiteralIndex(c.pattern for c in (*count_items, *count_pairs)))


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(words, key=longest_first)


def _by_first_letter(words: list[str]) -> str:
    """The words as one alternation, longest first, grouped under their first letter.

    The regex engine tries an alternation's branches one by one at every place a count could
    start; words with different first letters cannot both match at one place, so grouping
    them keeps what matches (and in which order it backtracks) while a place is rejected after
    one test per letter instead of one per word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].casefold(), []).append(word)
    space = r"\s"
    return "|".join(f"{letter}(?:{'|'.join(w[1:].replace(' ', space) for w in group)})"
                    for letter, group in groups.items())


def names_of(text: str) -> list[str] | None:
    """The names of a members list; [] for 'None'; None when the text is no list."""
    r = rules()
    text = r.trailing_count.sub("", text.strip()).strip(" .;:")
    if text.casefold() in r.no_names:
        return []
    names: list[str] = []
    for segment in re.split(r"\s*;\s*(?:and\s+)?", text):
        segment = segment.strip(" ,.")
        if not segment:
            continue
        persons = parse_list(segment, 0, len(segment), allow_single=True)
        if persons:
            names.extend(p.name for p in persons if p.name)
            continue
        office = re.sub(r"^(?:and\s+)?(?:the\s+)?", "", segment, flags=re.I)
        words = office.split()
        if 0 < len(words) <= 4 and all(w[0].isupper() for w in words if w.isalpha()):
            names.append(office)  # an office standing for its holder: "Lord Provost"
        else:
            return None
    return names


def motion_of(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    mover = MOVER.search(text)
    head, tail = (text[:mover.start()], text[mover.start():]) if mover else (text, "")
    if head.split()[0].casefold() in ARTICLES:
        head = head.casefold()
    if tail:
        tail = re.sub(r"^\s+(\w+(?:\s+\w+)*?)(?=\s+(?:the\s+)?(?-i:[A-Z]))",
                      lambda m: " " + m.group(1).casefold(), tail, flags=re.I)
    return head + tail


def result_of(text: str) -> str:
    return rules().results[" ".join(text.casefold().split())]


def position_of(text: str) -> str:
    return rules().positions[" ".join(text.casefold().replace("voted ", "").replace(
        "voting ", "").split())]


def number_of(text: str) -> int:
    text = " ".join(text.casefold().split())
    return int(text) if text.isdigit() else rules().numbers[text]
