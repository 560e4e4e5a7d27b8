"""Words a relation's clause reader steps back over to find the name a clause is about:
a group's lower-case topic ('a Task and Finish Group on damp and mould, which ...') and an
adjunct after a body is set up ('... be re-established for the municipal year 2025/26,
reporting to ...'), an indefinite apposition ('the X Group, an officer group which
reports to ...') and an aside before a verb phrase ('the X Board, made up of ..., meets
monthly and reports to'). Used by `clauses.py`; the words are data (`relation_words.json`)."""

from __future__ import annotations

from pipeline.extractors.bodies.positions import Context
from pipeline.extractors.bodies.relation_cues import WORDS
from pipeline.extractors.bodies.words import Mention

#: the longest adjunct or topic stepped over, in tokens
MOST_TOKENS = 8


def before_topic(ctx: Context, last: int, start: int) -> Mention | None:
    """The name before a lower-case topic that ends at token `last` ('a Task and Finish
    Group on damp and mould'), when a topic preposition (`topic_prepositions`) opens it."""
    k = last
    while k > start and last - k < MOST_TOKENS and ctx.texts[k].islower():
        if ctx.lowers[k] in WORDS.topic_prepositions:
            return ctx.at(k - 1, ending=True)
        k -= 1
    return None


def before_adjunct(ctx: Context, last: int, start: int) -> int:
    """Where the words of a body's setting up end, when an adjunct ending at token `last`
    follows them ('established for the municipal year 2025/26', 'set up from 1 April'):
    the token before the adjunct's preposition; `last` when there is none."""
    for k in range(last, max(start, last - MOST_TOKENS), -1):
        if ctx.lowers[k] in WORDS.adjunct_prepositions:
            return k - 1 if ctx.lowers[k - 1] in WORDS.set_up_before_comma else last
    return last


def before_apposition(ctx: Context, last: int, start: int) -> Mention | None:
    """The name before an indefinite apposition that ends at token `last` ('the Pensions
    Administration Working Group, an officer group which reports to the Board'): the name
    before its comma, when the apposition is 'a' or 'an' and lower-case words."""
    k = last
    while k > start and last - k < MOST_TOKENS and ctx.texts[k].islower():
        k -= 1
    if k > start and k < last and ctx.texts[k] == "," and ctx.lowers[k + 1] in ("a", "an"):
        return ctx.at(k - 1, ending=True)
    return None


def apposed_subject(ctx: Context, i: int) -> Mention | None:
    """The body a sentence is about when an aside in commas follows it and a verb phrase
    leads to the 'and' at token `i` ('the Partnership Board, made up of the heads of planning
    of the three authorities, continues to meet monthly and reports to'): the last name
    before `i` whose comma opens an aside that closes before `i`, with no name after it."""
    before = [m for m in ctx.mentions if ctx.sent.start <= m.start and m.end < i]
    for m in reversed(before):
        if ctx.texts[m.end] != "," or m.possessive:
            continue
        close = next((k for k in range(m.end + 1, i) if ctx.texts[k] == ","), None)
        if close is not None and not any(n.start > close for n in before):
            return m
    return None
