"""The metadata rules' cue phrases, compiled once from `models/metadata/cues.json`: what
says a paper's kind, names its body, labels its date, and marks lines that are not its
header (venues, contacts, earlier minutes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.anchors import any_of
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


@dataclass(frozen=True)
class Cues:
    head_nouns: frozenset[str]
    head_phrases: tuple[str, ...]
    person_first_words: frozenset[str]  # 'Mr X   Chairman of the Trust': a person
    not_body: tuple[str, ...]
    not_body_lines: tuple[re.Pattern[str], ...]
    council_prefix: re.Pattern[str]
    council_name: re.Pattern[str]
    meeting_prefix: re.Pattern[str]
    meeting_suffix: re.Pattern[str]
    kind: tuple[tuple[str, str, int, re.Pattern[str]], ...]
    kind_by_words: frozenset[str]  # kind cues looked up by their words first (header.py)
    record: tuple[tuple[str, str, re.Pattern[str]], ...]  # body lines of a record
    body_labels: tuple[re.Pattern[str], ...]
    date_labels: tuple[re.Pattern[str], ...]
    minutes_of: tuple[re.Pattern[str], ...]
    earlier_minutes: tuple[re.Pattern[str], ...]
    own_minutes_title: re.Pattern[str]
    specific_date_label: re.Pattern[str]
    meeting_type_prefix: re.Pattern[str]
    welsh_council_prefix: re.Pattern[str]
    welsh_words: re.Pattern[str]
    notice_sentence: re.Pattern[str]
    later_meeting: re.Pattern[str]
    body_patterns: tuple[re.Pattern[str], ...]
    row_labels: re.Pattern[str]
    bare_body: re.Pattern[str]  # "COMMUNITY COUNCIL" alone: the kind of the name above it
    meeting_words: frozenset[str]
    single_word_bodies: frozenset[str]
    meeting_kinds: frozenset[str]
    page_head: re.Pattern[str]  # "Agenda and minutes": a meeting page's title follows
    letter_salutation: re.Pattern[str]  # "Dear Councillor": a covering letter (cover_letter)
    item_stamp: re.Pattern[str]  # "Agenda Item 5": the paper a pack sends starts under it
    stamped_line: re.Pattern[str]  # "X PSB 22.01.26   AGENDA ITEM 02": a pack's page header
    own_minutes_held: re.Pattern[str]  # "Minutes of the Meeting held on 26 June 2026"


def _council_name(prefix: str) -> str:
    """The council prefix's pattern for a whole council name (its rest dropped)."""
    rest = r"[.,:]?\s+(?P<rest>.+)$"
    assert prefix.endswith(rest)
    return prefix[:-len(rest)] + r"[.,:]?$"


@cache
def cues() -> Cues:
    raw = read_json("metadata/cues.json")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_cached(c["pattern"], re.I) for c in raw[key])

    return Cues(
        head_nouns=frozenset(raw["body_head_nouns"]),
        head_phrases=tuple(raw["body_head_phrases"]),
        person_first_words=frozenset(raw["person_first_words"]),
        not_body=tuple(raw["not_body_words"]),
        not_body_lines=any_of(compiled("not_body_lines")),  # (any matches: `any_of`)
        council_prefix=compile_cached(raw["council_prefix"], re.I),
        council_name=compile_cached(_council_name(raw["council_prefix"]), re.I),
        meeting_prefix=compile_cached(raw["meeting_prefix"], re.I),
        meeting_suffix=compile_cached(raw["meeting_suffix"], re.I),
        kind=tuple((c["id"], c["kind"], c["weight"], compile_cached(c["pattern"], re.I))
                   for c in raw["kind_cues"]),
        kind_by_words=frozenset(raw["kind_cues_by_words"]),
        record=tuple((c["id"], c["kind"], compile_cached(c["pattern"], re.I))
                     for c in raw["record_cues"]),
        body_labels=compiled("body_labels"),
        date_labels=compiled("date_labels"),
        minutes_of=compiled("minutes_of"),
        earlier_minutes=compiled("earlier_minutes"),
        own_minutes_title=compile_cached(raw["own_minutes_title"], re.I),
        specific_date_label=compile_cached(raw["specific_date_label"], re.I),
        meeting_type_prefix=compile_cached(raw["meeting_type_prefix"], re.I),
        welsh_council_prefix=compile_cached(raw["welsh_council_prefix"], re.I),
        welsh_words=compile_cached(raw["welsh_words"], re.I),
        notice_sentence=compile_cached(raw["notice_sentence"], re.I),
        later_meeting=compile_cached(raw["later_meeting"], re.I),
        body_patterns=any_of(compiled("body_patterns")),
        row_labels=compile_cached(raw["row_labels"], re.I),
        bare_body=compile_cached(raw["bare_body"], re.I),
        meeting_words=frozenset(raw["meeting_words"]),
        single_word_bodies=frozenset(raw["single_word_bodies"]),
        meeting_kinds=frozenset(raw["meeting_kinds"]),
        page_head=compile_cached(raw["page_head"], re.I),
        letter_salutation=compile_cached(raw["letter_salutation"], re.I),
        item_stamp=compile_cached(raw["item_stamp"], re.I),
        stamped_line=compile_cached(raw["stamped_line"], re.I),
        own_minutes_held=compile_cached(raw["own_minutes_held"], re.I),
    )
