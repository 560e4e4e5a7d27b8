"""The decision rules (`models/items/decisions.json`, `decision_patterns.jsonl`) loaded once:
the keyword and lead-in Matchers and the regular expressions `decisions.py` reads lines with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher

from pipeline.extractors.anchors import PatternGate, any_of
from pipeline.extractors.language import language
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json, read_jsonl

__all__ = ["DecisionRules", "PatternInfo", "rules"]


@dataclass(frozen=True)
class PatternInfo:
    id: str
    role: str  # "keyword" or "lead_in"
    label: str = ""
    leading_only: bool = False  # keyword that never follows a lead-in
    anywhere: bool = False  # lead-in that need not start its sentence
    generic: bool = False  # lead-in "The <Body>": not trusted in all-capital lines


@dataclass(frozen=True)
class DecisionRules:
    keywords: Matcher  # the keyword patterns
    #: each keyword pattern's one word, when every one is a single token's LOWER (distinct):
    #: its matches are then the tokens whose lower form is one of them (`decisions.span_hits`)
    keyword_words: dict[str, PatternInfo] | None
    lead_ins: Matcher  # the rest: matched in a line only when a keyword there needs them
    info: dict[str, PatternInfo]
    title_case_that: frozenset[str]
    title_case_to: frozenset[str]
    numbered_title_case: frozenset[str]  # "12. Agreed to award ...", "2. Agreed, subject to"
    part_verbs: frozenset[str]  # "1. Noted the report." opens a numbered part of a decision
    lower_formal: dict[str, frozenset[str]]
    lower_led: dict[str, frozenset[str]]  # lower-case keyword: words after it, formal ...
    lower_leads: frozenset[str]  # ... only after one of these lead-ins
    bare_empty: frozenset[str]
    keyword_gate: PatternGate
    terminators: tuple[re.Pattern[str], ...]
    inline_stop: re.Pattern[str]
    enumerator: re.Pattern[str]
    line_number: re.Pattern[str]
    minute_number: re.Pattern[str]
    short_list_words: int
    decision_label: re.Pattern[str]
    inline_label: re.Pattern[str]
    decision_like: tuple[re.Pattern[str], ...]
    bare_sentence_words: frozenset[str]
    resolution_paragraph: re.Pattern[str]
    part_mark: re.Pattern[str]
    next_part: re.Pattern[str]


@cache
def rules() -> DecisionRules:
    raw = read_json("items/decisions.json")
    keywords, lead_ins = Matcher(language().vocab), Matcher(language().vocab)
    info: dict[str, PatternInfo] = {}
    keyword_patterns, keyword_ids = [], []
    for entry in read_jsonl("items/decision_patterns.jsonl"):
        if entry["role"] == "keyword":
            keyword_patterns.append(entry["pattern"])
            keyword_ids.append(entry["id"])
        # a Matcher matches each pattern alone: two give the matches, in order, one gave
        (keywords if entry["role"] == "keyword" else lead_ins).add(entry["id"], [entry["pattern"]])
        info[entry["id"]] = PatternInfo(entry["id"], entry["role"], entry.get("label", ""),
                                        bool(entry.get("leading_only")),
                                        bool(entry.get("anywhere")), bool(entry.get("generic")))
    return DecisionRules(
        keywords=keywords, lead_ins=lead_ins,
        keyword_words=_single_words(keyword_patterns, keyword_ids, info),
        info=info,
        # a decision needs a keyword; lead-ins alone match nothing
        keyword_gate=PatternGate(keyword_patterns),
        title_case_that=frozenset(raw["title_case_that"]),
        title_case_to=frozenset(raw["title_case_to"]),
        numbered_title_case=frozenset(raw["numbered_title_case"]),
        part_verbs=frozenset(raw["part_verbs"]),
        lower_formal={k: frozenset(v) for k, v in raw["lower_formal"].items()},
        lower_led={k: frozenset(v) for k, v in raw["lower_formal_led"]["keywords"].items()},
        lower_leads=frozenset(raw["lower_formal_led"]["leads"]),
        bare_empty=frozenset(raw["bare_empty"]),
        # (both asked only whether any matches a line: one alternation each, `any_of`)
        terminators=any_of(compile_cached(p, re.I) for p in raw["terminators"]),
        inline_stop=compile_cached("|".join(f"(?:{p})" for p in raw["inline_stops"]), re.I),
        enumerator=compile_cached(raw["enumerator"], re.I),
        line_number=compile_cached(raw["line_number"], re.I),
        minute_number=compile_cached(raw["minute_number"]),
        short_list_words=raw["short_list_words"],
        decision_label=compile_cached(raw["decision_label"]),
        inline_label=compile_cached(raw["inline_decision_label"]),
        decision_like=any_of(compile_cached(p) for p in raw["decision_like"]),
        bare_sentence_words=frozenset(raw["bare_sentence_words"]),
        resolution_paragraph=compile_cached(raw["resolution_paragraph"]),
        part_mark=compile_cached(raw["part_mark"], re.I),
        next_part=compile_cached(raw["next_part"], re.I),
    )


def _single_words(patterns: list[list[dict]], ids: list[str], info: dict[str, PatternInfo]
                  ) -> dict[str, PatternInfo] | None:
    """Each keyword's word, when every keyword pattern is one token with a LOWER string and
    no other attribute or operator, and no two share a word (None else: the Matcher reads
    them). spaCy's LOWER is the token text's `str.lower`, as the Doc's columns keep it."""
    words: dict[str, PatternInfo] = {}
    for pattern, pattern_id in zip(patterns, ids, strict=True):
        if len(pattern) != 1 or set(pattern[0]) != {"LOWER"} or not isinstance(
                pattern[0]["LOWER"], str) or pattern[0]["LOWER"] in words:
            return None
        words[pattern[0]["LOWER"]] = info[pattern_id]
    return words
