"""Words a relation's clause reader steps back over to find the name a clause is about:
a group's lower-case topic ('a Task and Finish Group on damp and mould, which ...') and an
adjunct after a body is set up ('... be re-established for the municipal year 2025/26,
reporting to ...'), and an indefinite apposition ('the X Group, an officer group which
reports to ...'). Used by `clauses.py`; the words are data (`relation_words.json`)."""

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
