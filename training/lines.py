"""What the model and the rules share: one attendance line made ready to parse, and gold
people found in the lines of a paper.

`prepare` strips what is not a mention (markup, bullets, a section label, an apology
sentence's lead-in, P/A/D marks, item numbers) and joins table cells with ", ", so both
systems read the same single line. `gold_lines` pairs each gold attendee or apology of a
paper with its source line: the first line holding the full name, else the surname.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.extractors.people.attendance_sentences import ABBREVIATIONS
from pipeline.extractors.people.labels import cue
from pipeline.extractors.people.names import parse_person
from pipeline.extractors.people.vocabulary import data, pattern

CELL = re.compile(r"\t+|\s*\|\s*|\s{2,}")
LABEL = re.compile(r"^([A-Z][A-Za-z'’ -]{1,40}):\s*")
BULLET = re.compile(r"^\s*(?:[-•·*–▪●]|\d{1,3}[.)])\s+")


@dataclass
class GoldPerson:
    name: str
    role: str
    organisation: str


@dataclass
class GoldLine:
    """A prepared line, the gold people whose source it is, and every gold person it names."""

    doc: str
    raw: str
    text: str
    sourced: list[GoldPerson] = field(default_factory=list)
    mentioned: list[GoldPerson] = field(default_factory=list)


def prepare(line: str) -> str:
    """The mention text of one attendance line, cells joined by ', '."""
    text = BULLET.sub("", line.replace("**", "").replace("__", "")).strip()
    if (m := pattern("apology_sentence").search(text)) and m.start() < 3:
        text = _sentence(text[m.end():])
    elif (found := cue(text)) and parse_person(text, 0, found[1]) is None:
        text = text[found[1]:]  # a label, not a name cell before a tab
    elif (m := LABEL.match(text)) and "(" not in m.group(1):
        text = text[m.end():]
    cells = [c.strip() for c in CELL.split(text.strip())]
    return ", ".join(c for i, c in enumerate(cells) if c and not _noise(c, i)).rstrip(" .")


def _sentence(text: str) -> str:
    """Text up to the first full stop that is no initial's or abbreviation's."""
    for m in re.finditer(r"\.(?=\s|$)", text):
        word = re.search(r"(\w+)$", text[:m.start()])
        word_text = word.group(1) if word else ""
        if not (len(word_text) == 1 and word_text.isupper()) \
                and word_text.casefold() not in ABBREVIATIONS:
            return text[:m.start()]
    return text


def _noise(cell: str, index: int) -> bool:
    """A P/A/D mark, an item number, a bullet or a sub-label: no part of a mention."""
    marks, low = data("cues")["marks"], cell.casefold().strip(" :")
    if cell in marks or cell in data("tables")["bullets"] or re.fullmatch(r"\d+[/.]\d+", cell):
        return True
    if index and re.fullmatch(r"[A-Z]\s*\([^()]*\)", cell):  # "D (for MD)": a mark and a note
        return True
    return low in data("cues")["sublabels"]


@cache
def _honorifics() -> re.Pattern:
    names = data("names")
    words = sorted({*names["honorifics"], *names["plural_honorifics"],
                    *names["tier_honorifics"]}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:(?:{alternatives})\.?\s+)+", re.I)


def fold_name(name: str) -> str:
    """A name without honorifics and post-nominals, whitespace and case folded."""
    name = _honorifics().sub("", " ".join(name.split()))
    words = name.split()
    while len(words) > 1 and words[-1].strip(",") in data("names")["post_nominals"]:
        words.pop()
    return " ".join(words).casefold()


def fold_value(value: str) -> frozenset[str]:
    """A role or organisation as the set of its '; '-parts, whitespace and case folded."""
    return frozenset(" ".join(p.split()).casefold() for p in value.split(";") if p.strip())


def surname(name: str) -> str:
    return name.split()[-1]


def names_in(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(surname(name))}(?![\w-])", text) is not None


def gold_lines(gold_dir: Path, docs_dir: Path) -> list[GoldLine]:
    """Each gold attendee and apology of every paper with its source line, grouped by line."""
    out: list[GoldLine] = []
    for path in sorted(gold_dir.glob("*.json")):
        doc = docs_dir / f"{path.stem}.txt"
        if not doc.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines = doc.read_text(encoding="utf-8").splitlines()
        people: dict[str, GoldPerson] = {}
        for row in gold.get("attendees", []) + gold.get("apologies", []):
            people.setdefault(row["name"], GoldPerson(row["name"], row["role"],
                                                      row["organisation"]))
        by_line: dict[int, GoldLine] = {}
        for person in people.values():
            index = _source(person.name, lines)
            if index is None:
                continue
            text = prepare(lines[index])
            entry = by_line.setdefault(index, GoldLine(path.stem, lines[index], text))
            entry.sourced.append(person)
        for entry in by_line.values():
            entry.mentioned = [p for p in people.values() if names_in(p.name, entry.text)]
        out += [by_line[i] for i in sorted(by_line)]
    return out


def _source(name: str, lines: list[str]) -> int | None:
    full = next((i for i, line in enumerate(lines) if name in line), None)
    return full if full is not None else next(
        (i for i, line in enumerate(lines) if names_in(name, line)), None)
