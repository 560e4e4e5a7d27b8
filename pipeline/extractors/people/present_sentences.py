"""Attendance told in sentences rather than under a label: 'Mr D Thomas, Link Officer, was in
attendance.', 'Also in attendance were A and B', 'X later joined the meeting'."""

from __future__ import annotations

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


def present_sentences(register: Register, block: Block) -> None:
    """'Mr D Thomas, Link Officer, was in attendance.', 'County Cllrs A and B were present.',
    'Also in attendance were A and B', 'X later joined the meeting' (before the first item or
    in a welcome item): attendees, staff as officers, councillors as others."""
    text, at = block.text, 0
    if not _gate().might_match(text):
        return  # none of the sentences' words: no sentence of it says who was there
    while at < len(text):
        end = sentence_end(text, at)
        for a, b in _clauses(text, at, end):  # "A was present to ... and B was present ..."
            found = [p for m in [pattern("present_sentence").search(text, a, b) or pattern(
                "joined_sentence").search(text, a, b)] if m for p in parse_list(
                text, a, m.start(), True) or ()] + [  # "Also in attendance were A and B"
                p for m in pattern("present_lead").finditer(text, a, b)
                for p in parse_list(text, m.end(), list_end(text, m.end(), b)) or ()]
            for person in found:  # not again as a lone surname ('welcomed Councillor Bell')
                if not register.known("attendees", person.name):
                    register.add("attendees", person, block, _PRESENT)
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


@cache
def _gate() -> LiteralGate:
    """Whether a block holds the words of any of the sentences (one search, not three)."""
    return LiteralGate([pattern("present_sentence"), pattern("joined_sentence"),
                        pattern("present_lead")])
