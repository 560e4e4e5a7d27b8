"""Attendance told in sentences rather than under a label: 'Mr D Thomas, Link Officer, was in
attendance.', 'Also in attendance were A and B', 'X later joined the meeting'."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.people.attendance_sentences import list_end, sentence_end
from pipeline.extractors.people.labels import Section
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.register import Register
from pipeline.extractors.people.vocabulary import pattern
from pipeline.model import Block
from pipeline.regex_cache import compile_cached

_PRESENT = Section("attendees", capacity="officer", rule="present_sentence")
#: a roll in an item (a hearing's parties, a deputation): guests, staff by their role
_INTRODUCED = Section("attendees", allow_single=True, rule="introduced_members")
_ROLL = Section("attendees", capacity="other", staff_check=True, rule="present_sentence")


def present_sentences(register: Register, block: Block, in_item: bool = False) -> None:
    """'Mr D Thomas, Link Officer, was in attendance.', 'County Cllrs A and B were present.',
    'Also in attendance were A and B', 'X later joined the meeting' (before the first item or
    in a welcome item): attendees, staff as officers, councillors as others. `in_item`: the
    block is an item's, where only a roll is read ('Present were A, B', 'X was in
    attendance'): 'X was present at the site visit' or 'welcomed X' there is discussion."""
    text, at = block.text, 0
    if not _gate().might_match(text) or in_item and not _roll_gate().might_match(text):
        return  # none of the sentences' words: no sentence of it says who was there
    while at < len(text):
        end = sentence_end(text, at)
        # a sentence without the words is passed over, as a block would be: its searches
        # are bounded by it, so a match needs the words there (`_by_sentence`)
        clauses = _clauses(text, at, end) if not _by_sentence() or _gate().might_match(
            text[at:end]) else []
        for a, b in clauses:  # "A was present to ... and B was present ..."
            a = note.end() if (note := _NOTE.match(text, a, b)) else a  # "Note: Mr A attended"
            found = [p for m in [pattern("present_sentence").search(text, a, b) or (
                None if in_item else pattern("joined_sentence").search(text, a, b))]
                if m and (not in_item or "attend" in m.group()) for p in parse_list(
                text, a, m.start(), True) or ()] + [  # "Also in attendance were A and B"
                p for m in pattern("present_lead").finditer(text, a, b)
                if not in_item or not m.group().casefold().startswith("welcomed")
                for p in parse_list(text, m.end(), list_end(text, m.end(), b)) or ()]
            for person in found:  # not again as a lone surname ('welcomed Councillor Bell')
                if not register.known("attendees", person.name):
                    register.add("attendees", person, block, _ROLL if in_item else _PRESENT)
            for m in pattern("introduced_members").finditer(text, a, b):  # a hearing's panel
                for person in parse_list(text, m.end(), list_end(text, m.end(), b), True) or ():
                    register.add("attendees", person, block, _INTRODUCED)
        at = end + 1


_AND = compile_cached(r"\s+and\s+")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence text[start:end] cut after each clause that says who was present and goes
    on with 'and' ('Ann Bell was present to the point mentioned and PCSO C Dee was ...')."""
    out, at = [], start
    for m in _AND.finditer(text, start, end):
        if pattern("present_sentence").search(text, at, m.start()):
            out.append((at, m.start()))
            at = m.end()
    return [*out, (at, end)]


_NOTE = compile_cached(r"\s*(?:Note|NB|N\.B\.)\s*[:\-\u2013]\s*")


@cache
def _roll_gate() -> LiteralGate:
    """Whether a block holds the words of a roll an item may give ('Present were', 'in
    attendance')."""
    return LiteralGate([compile_cached(r"present\s+were|attend|introduced", re.I)])


@cache
def _gate() -> LiteralGate:
    """Whether a block, or a sentence of it, holds the words of any of the sentences (one
    search, not three)."""
    return LiteralGate(_sentence_patterns())


def _sentence_patterns() -> list[re.Pattern[str]]:
    return [pattern("present_sentence"), pattern("joined_sentence"), pattern("present_lead"),
            pattern("introduced_members")]


@cache
def _by_sentence() -> bool:
    """Whether `_gate` may pass over a sentence: none of the patterns looks behind (a search
    from a sentence's start could see the words before it)."""
    return not any("(?<" in p.pattern for p in _sentence_patterns())
