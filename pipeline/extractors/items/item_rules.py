"""The item rules (`models/items/items.json`) and the item heading they find.

Shared by `headings.py`, which finds the candidate headings, and `numbering.py`, which keeps
those that number the paper's items in sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.anchors import any_of
from pipeline.extractors.first_chars import FirstChars
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json


@dataclass(frozen=True)
class ItemRules:
    patterns: tuple[tuple[str, re.Pattern[str], bool], ...]  # (id, regex, strict)
    cell_number: re.Pattern[str]
    max_words: int
    max_chars: int
    sentence_words: int
    verb_words: frozenset[str]
    verb_min_words: int
    bad_first_words: frozenset[str]
    decision_verbs: frozenset[str]
    run_on_keywords: frozenset[str]
    colon_run_on: frozenset[str]
    standing_head: re.Pattern[str]  # "Apologies – Cllrs A, B": the title ends at the dash
    next_meeting_head: re.Pattern[str]  # "Date of next meeting: 17th September 2025, 1.30pm"
    cell_bar: re.Pattern[str]
    minute_ref_run_on: re.Pattern[str]
    agenda_wording: re.Pattern[str]
    year_suffix: re.Pattern[str]
    not_numbers: tuple[re.Pattern[str], ...]
    full_stop_patterns: frozenset[str]
    skip_lines: tuple[re.Pattern[str], ...]
    run_on: re.Pattern[str]
    strip: re.Pattern[str]
    title_case_share: float
    minor_words: frozenset[str]
    report_cues: tuple[tuple[str, int, re.Pattern[str]], ...]
    minutes_cues: tuple[tuple[str, int, re.Pattern[str]], ...]
    numbered_paragraphs: tuple[re.Pattern[str], int, int, int]  # (regex, words, count, weight)
    decisions_weight: int
    single_item_labels: tuple[re.Pattern[str], ...]
    single_item_skip: tuple[re.Pattern[str], ...]
    sentence_starts: frozenset[str]
    sentence_opening: re.Pattern[str]  # "Callum Reid introduced the paper": no title
    agenda_number: re.Pattern[str]
    page_range: re.Pattern[str]
    page_number: re.Pattern[str]
    wrapped_page: re.Pattern[str]
    run_on_split: re.Pattern[str]
    run_in_opener: re.Pattern[str]  # a sentence's first word after a run-in heading
    run_in_date: re.Pattern[str]  # a date a heading runs into
    run_in_keyword: re.Pattern[str]  # a decision keyword an upper-case heading runs into
    run_in_labels: frozenset[str]  # a list's label an upper-case heading runs into
    page_label_run_on: re.Pattern[str]  # a flattened page's "Minutes:" after the title
    agenda_note_run_on: re.Pattern[str]  # the agenda's "To receive ..." after the title
    clock_time: re.Pattern[str]
    clock_closing: re.Pattern[str]
    item_labels: tuple[re.Pattern[str], ...]
    extra_sequence_min: int
    header_lines: int
    vote_words: frozenset[str]  # "11 Members voted For": a count, no heading
    contents_label: re.Pattern[str]  # "Table of Contents": the numbered lines under it list
    dangling_words: frozenset[str]  # a title line ending in one of these wrapped
    wrap_words: int  # the longest line that can finish a wrapped title
    sub_part: re.Pattern[str]  # a lettered part under a title ('a. Current Position')
    wrap_lines: int  # the most lines a wrapped title runs on to
    leap_size: int  # a rise in the leading number above this is a leap ...
    leap_penalty: float  # ... and costs the chain this much weight
    address_words: frozenset[str]  # "14 Market Street": an address, not item 14
    families: dict[str, str]  # number rule -> numbering style ("plain-dot" -> "plain")
    minor_styles: frozenset[str]  # number styles that count only where most items use them
    minute_references: frozenset[str]  # number rules of a minute reference under a heading
    gap_title: tuple[int, int]  # (words, characters) of a title that fills a numbering gap
    lettered_parts: tuple[re.Pattern[str], int]  # ("A1", "A2" under an item, their fewest)


@cache
def rules() -> ItemRules:
    raw = read_json("items/items.json")
    title = raw["title"]

    def cues(key: str) -> tuple[tuple[str, int, re.Pattern[str]], ...]:
        return tuple((c["id"], c["weight"], compile_cached(c["pattern"], re.I)) for c in raw[key])

    def many(values: list[str]) -> tuple[re.Pattern[str], ...]:
        # (each list is asked only whether any of it matches a line: one alternation)
        return any_of(compile_cached(v, re.I) for v in values)

    return ItemRules(
        patterns=tuple((p["id"],
                        compile_cached(p["regex"], re.I if "i" in p.get("flags", "") else 0),
                        bool(p.get("strict"))) for p in raw["number_patterns"]),
        cell_number=compile_cached(raw["cell_number"], re.I),
        max_words=title["max_words"],
        max_chars=title["max_chars"],
        sentence_words=title["sentence_words"],
        verb_words=frozenset(title["verb_words"]),
        verb_min_words=title["verb_min_words"],
        bad_first_words=frozenset(title["bad_first_words"]),
        decision_verbs=frozenset(title["decision_verbs"]),
        run_on_keywords=frozenset(title["run_on_keywords"]),
        colon_run_on=frozenset(title["colon_run_on"]),
        standing_head=compile_cached(title["standing_head"], re.I),
        next_meeting_head=compile_cached(title["next_meeting_head"], re.I),
        cell_bar=compile_cached(title["cell_bar"]),
        minute_ref_run_on=compile_cached(title["minute_ref_run_on"]),
        agenda_wording=compile_cached(title["agenda_wording"]),
        year_suffix=compile_cached(title["year_suffix"]),
        not_numbers=many(raw["not_numbers"]),
        full_stop_patterns=frozenset(title["full_stop_patterns"]),
        skip_lines=many(title["skip_lines"]),
        run_on=compile_cached(title["run_on"]),
        strip=compile_cached(title["strip"], re.I),
        title_case_share=title["title_case_share"],
        minor_words=frozenset(title["minor_words"]),
        report_cues=cues("report_cues"),
        minutes_cues=cues("minutes_cues"),
        numbered_paragraphs=(compile_cached(raw["numbered_paragraphs"]["pattern"]),
                             raw["numbered_paragraphs"]["min_words"],
                             raw["numbered_paragraphs"]["count"],
                             raw["numbered_paragraphs"]["weight"]),
        decisions_weight=raw["decisions_weight"],
        single_item_labels=many(raw["single_item_labels"]),
        single_item_skip=many(raw["single_item_skip"]),
        sentence_starts=frozenset(title["sentence_starts"]),
        sentence_opening=compile_cached(title["sentence_opening"]),
        agenda_number=compile_cached(title["agenda_number"]),
        page_range=compile_cached(title["page_range"]),
        page_number=compile_cached(title["page_number"]),
        wrapped_page=compile_cached(title["wrapped_page"], re.I),
        run_on_split=compile_cached(title["run_on_split"]),
        # a space before an opener, not inside "Borough Cllr" (a tier's honorific); the space
        # first, so a search skips to the next space instead of trying the look-behinds at
        # every character (a space after a tier word is the space of "Borough Cllr")
        run_in_opener=compile_cached(r"\s(?=(?:" + "|".join(
            re.escape(w) for w in title["run_in_openers"]) + r")\s)" + "".join(
            rf"(?<!\b{re.escape(w)}\s)" for w in title["run_in_not_after"])),
        run_in_date=compile_cached(title["run_in_dates"]),
        run_in_keyword=compile_cached(title["run_in_keywords"]),
        run_in_labels=frozenset(title["run_in_labels"]),
        page_label_run_on=compile_cached(title["page_label_run_on"]),
        agenda_note_run_on=compile_cached(title["agenda_note_run_on"]),
        clock_time=compile_cached(raw["clock_time"]),
        clock_closing=compile_cached(title["clock_closing"], re.I),
        item_labels=many(raw["item_labels"]),
        extra_sequence_min=raw["extra_sequence_min"],
        header_lines=raw["header_lines"],
        vote_words=frozenset(title["vote_words"]),
        contents_label=compile_cached(raw["contents_label"], re.I),
        dangling_words=frozenset(title["dangling_words"]),
        wrap_words=title["wrap_words"],
        sub_part=compile_cached(title["sub_part"]),
        wrap_lines=title["wrap_lines"],
        leap_size=raw["leap"]["size"],
        leap_penalty=raw["leap"]["penalty"],
        address_words=frozenset(title["address_words"]),
        families=dict(raw["families"]),
        minor_styles=frozenset(raw["minor_styles"]),
        minute_references=frozenset(raw["minute_references"]),
        gap_title=(raw["gap_title"]["max_words"], raw["gap_title"]["max_chars"]),
        lettered_parts=(compile_cached(raw["lettered_parts"]["pattern"]),
                        raw["lettered_parts"]["min"]),
    )


@cache
def number_starts() -> FirstChars:
    """Which number patterns a line's first character leaves to try (most lines none)."""
    return FirstChars([pattern for _, pattern, _ in rules().patterns])


@dataclass(slots=True)
class Item:
    """One item heading: where it is (`index` into the blocks) and what it says."""

    index: int
    number: str
    title: str
    rule: str
    weight: float
    title_block: int  # the block the title came from (the next one for a lone number)
