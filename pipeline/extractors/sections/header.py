"""A paper's kind (minutes, report, agenda, other), its body and its meeting date, read from
a run of blocks (a paper's, or one part's of a pack).

All three are read from the paper's opening blocks, where councils put them: a
report's header block ("Report to:", "Date of meeting:"), a minutes' title lines
("X / Minutes of the meeting held on ...", "Minutes of the meeting of the X held
on ...", "MINUTES OF X PARISH COUNCIL MEETING Held on ...", "At a meeting of the X
held on ..."), an agenda's notice ("NOTICE OF MEETING", "You are summoned to attend
a meeting of X", "A meeting of the X will be held"). Cue phrases are data in
`models/metadata/cues.json`.

Every function reads a run of blocks, so the same rules give the metadata of a whole
paper or of one part of an agenda pack (`pipeline.extractors.sections.parts.segment`). A pack's
documents row is that of its first part, the cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.extractors.sections.dates import find_dates, first_date
from pipeline.model import Block, BlockKind, Document
from pipeline.rules import read_json

HEADER_BLOCKS = 14  # how far into a paper its title and header block reach
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

Blocks = Sequence[Block]


@dataclass(frozen=True)
class Cues:
    head_nouns: frozenset[str]
    head_phrases: tuple[str, ...]
    not_body: tuple[str, ...]
    not_body_lines: tuple[re.Pattern[str], ...]
    council_prefix: re.Pattern[str]
    meeting_prefix: re.Pattern[str]
    meeting_suffix: re.Pattern[str]
    kind: tuple[tuple[str, str, int, re.Pattern[str]], ...]
    body_labels: tuple[re.Pattern[str], ...]
    date_labels: tuple[re.Pattern[str], ...]
    minutes_of: tuple[re.Pattern[str], ...]
    earlier_minutes: tuple[re.Pattern[str], ...]


@cache
def cues() -> Cues:
    raw = read_json("metadata/cues.json")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(c["pattern"], re.I) for c in raw[key])

    return Cues(
        head_nouns=frozenset(raw["body_head_nouns"]),
        head_phrases=tuple(raw["body_head_phrases"]),
        not_body=tuple(raw["not_body_words"]),
        not_body_lines=compiled("not_body_lines"),
        council_prefix=re.compile(raw["council_prefix"], re.I),
        meeting_prefix=re.compile(raw["meeting_prefix"], re.I),
        meeting_suffix=re.compile(raw["meeting_suffix"], re.I),
        kind=tuple((c["id"], c["kind"], c["weight"], re.compile(c["pattern"], re.I))
                   for c in raw["kind_cues"]),
        body_labels=compiled("body_labels"),
        date_labels=compiled("date_labels"),
        minutes_of=compiled("minutes_of"),
        earlier_minutes=compiled("earlier_minutes"),
    )


def _blocks(source: Document | Blocks) -> Blocks:
    return source.blocks if isinstance(source, Document) else source


def _lines(blocks: Blocks) -> list[tuple[Block, str]]:
    """The header's lines: a table row's cells count as one line ("Label:\tValue")."""
    out = []
    for block in blocks[:HEADER_BLOCKS * 2]:
        text = block.text.replace("\t", " ") if block.kind is BlockKind.TABLE_ROW else block.text
        out.append((block, " ".join(text.split())))
    return out


def classify_blocks(blocks: Blocks) -> tuple[str, str]:
    """(kind, id of the deciding cue) of a run of blocks: the heaviest cue family wins."""
    scores: dict[str, int] = {}
    reasons: dict[str, str] = {}
    for _, text in _lines(blocks):
        for cue_id, kind, weight, pattern in cues().kind:
            if pattern.search(text) and cue_id not in reasons.values():
                scores[kind] = scores.get(kind, 0) + weight
                reasons.setdefault(kind, cue_id)
    if not scores:
        return "other", ""
    best = max(scores, key=lambda k: (scores[k], k == "minutes"))
    return best, reasons[best]


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def is_body_name(text: str) -> bool:
    words = re.findall(r"[\w'-]+", text.lower())
    if not words or len(words) > 14:
        return False
    if any(re.search(rf"\b{re.escape(phrase)}", text, re.I) for phrase in cues().not_body):
        return False
    if any(" ".join(words).endswith(phrase) for phrase in cues().head_phrases):
        return True
    return words[-1] in cues().head_nouns or (len(words) > 1 and words[-2] in cues().head_nouns
                                             and words[-1] in ("board", "meeting"))


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def _not_body_line(text: str) -> bool:
    return any(p.search(text) for p in cues().not_body_lines)


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def _clean_body(text: str) -> str:
    text = text.strip(" :-\u2013,.#*")
    # a leading date ("07/03/2022 - Planning Committee", "Tuesday 4 May 2021: Cabinet")
    dates = find_dates(text)
    if dates and re.fullmatch(rf"\W*(?:{WEEKDAY}\W*)?", text[:dates[0].start], re.I):
        rest = text[dates[0].end:]
        if re.match(r"\s*[-\u2013\u2014:,|]", rest):
            text = rest.strip(" :-\u2013\u2014,|")
    text = re.split(rf"\s+[-\u2013\u2014,]\s+|\s*,\s*(?={WEEKDAY}\b)", text, flags=re.I)[0]
    dates = find_dates(text)
    if dates:
        text = text[:dates[0].start]
    text = re.sub(rf"(?:\s+(?:on|held|the|{WEEKDAY}))+\W*$", "", text, flags=re.I)
    for _ in range(2):
        text = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", text.strip(" :-\u2013,.#*"))
    text = cues().meeting_prefix.sub("", text.strip(" :-\u2013,.#*"))
    text = cues().meeting_suffix.sub("", text)
    m = cues().council_prefix.match(text)
    if m and is_body_name(m["rest"].strip(" :-\u2013,.#*")):
        text = m["rest"]
    return text.strip(" :-\u2013,.#*")


def _same_head(earlier: str, named: str) -> bool:
    return earlier.lower().split()[-1] == named.lower().split()[-1]


def find_body(source: Document | Blocks) -> tuple[str, Block | None]:
    lines = _lines(_blocks(source))
    for block, text in lines:
        for pattern in cues().body_labels:
            m = pattern.match(text)
            if m and is_body_name(_clean_body(m["body"])):
                return _clean_body(m["body"]), block
    headings: list[str] = []
    for block, text in lines:
        if _not_body_line(text):
            continue
        for pattern in () if _earlier_minutes(text) else cues().minutes_of:
            m = pattern.search(text)
            if not m:
                continue
            named = _clean_body(m["body"])
            if not named or not is_body_name(named):
                continue
            before = _clean_body(text[:m.start()])
            if before and is_body_name(before):
                headings.append(before)
            for earlier in reversed(headings):
                if _same_head(earlier, named) and len(earlier) > len(named):
                    return earlier, block
            return named, block
        if re.match(r"^\W*minutes?\b", text, re.I) and headings:
            return headings[-1], block
        candidate = _clean_body(text)
        if len(text.split()) <= 24 and is_body_name(candidate):
            headings.append(candidate)
    return (headings[0], None) if headings else ("", None)


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def _earlier_minutes(text: str) -> bool:
    return any(p.search(text) for p in cues().earlier_minutes)


def find_date(source: Document | Blocks) -> tuple[str, Block | None]:
    lines = _lines(_blocks(source))
    for block, text in lines:
        for pattern in cues().date_labels:
            m = pattern.match(text)
            found = first_date(m["rest"]) if m else None
            if found:
                return found.iso, block
    for block, text in lines[:HEADER_BLOCKS]:
        if _earlier_minutes(text):
            continue
        if re.search(r"\bminutes? of\b|\bheld\b|\bmeeting\b|\bcofnodion\b", text, re.I) \
                or len(text) < 80 or is_body_name(_clean_body(text)):
            found = first_date(text)
            if found:
                return found.iso, block
    return "", None


def metadata_of(blocks: Blocks) -> dict:
    """kind, body, date (and the deciding cue and anchor blocks) of a run of blocks."""
    kind, cue = classify_blocks(blocks)
    body, body_block = find_body(blocks)
    when, date_block = find_date(blocks)
    return {"kind": kind, "body": body, "date": when, "kind_cue": cue,
            "anchor": body_block or date_block}
