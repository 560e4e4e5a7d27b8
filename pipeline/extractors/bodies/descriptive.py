"""Bodies a paper names in lower case, by what they do: 'we recommend a joint neighbourhood
resilience group', 'the review proposes that a slimmer housing delivery group be set up'.

The capitalised-name chunker (`names.py`) cannot see them. Here a lower-case noun phrase (a
determiner, describing words, then a singular head noun such as 'group') is a body's name when
its describing words are at least `min_modifiers` and the paper either uses the same name
again or sets the body up with it ('a X be established', 'to create a X'). Adjectives that
describe rather than name ('new', 'slimmer') end the name on the left; plurals ('task and
finish groups') are kinds of body, never one. The word lists are data:
`models/structure/descriptive_names.json`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import compress

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.extractors.bodies.anaphora import setting_up_words
from pipeline.extractors.bodies.units import Unit
from pipeline.extractors.bodies.words import Mention, vocabulary
from pipeline.rules import read_json

__all__ = ["add_descriptive_bodies"]


@dataclass(frozen=True)
class _Rules:
    heads: frozenset[str]
    determiners: frozenset[str]
    adjectives: frozenset[str]
    not_modifiers: frozenset[str]
    min_modifiers: int
    max_modifiers: int
    after: frozenset[str]
    before: frozenset[str]
    content_words: frozenset[str]


@cache
def _rules(path: str = "structure/descriptive_names.json") -> _Rules:
    raw = read_json(path)
    return _Rules(frozenset(raw["heads"]["words"]), frozenset(raw["determiners"]["words"]),
                  frozenset(raw["adjectives"]["words"]), frozenset(raw["not_modifiers"]["words"]),
                  int(raw["min_modifiers"]["value"]), int(raw["max_modifiers"]["value"]),
                  *setting_up_words()[:2],
                  frozenset(raw["content_words"]["words"]))


@dataclass(frozen=True)
class _Candidate:
    unit: int
    start: int  # first describing word
    head: int  # the head noun's token
    words: tuple[str, ...]  # describing words and head, lower case
    set_up: bool  # the paper sets the body up here


def _modifier(token: str, rules: _Rules) -> bool:
    return (token.isalpha() or "-" in token) and token.islower() and (
        token not in STOP_WORDS or token in rules.content_words) \
        and token not in rules.adjectives and token not in rules.not_modifiers \
        and not token.endswith("ly") and token not in vocabulary().plural_heads


def _candidates(doc: Unit, unit: int, rules: _Rules) -> list[_Candidate]:
    found: list[_Candidate] = []
    # the head nouns' positions from the unit's token texts; lower case only: capitalised
    # names are names.py's
    texts, lowers = doc.texts, doc.lowers
    if rules.heads.isdisjoint(texts):
        return found  # (most units: no head noun in lower case; tested in C, as below)
    for i in compress(range(len(texts)), map(rules.heads.__contains__, texts)):
        if i + 1 < len(texts) and lowers[i + 1] in vocabulary().modifier_nouns:
            continue  # "the core group meeting"
        k = i - 1
        while k >= 0 and i - k <= rules.max_modifiers and _modifier(texts[k], rules):
            k -= 1
        if i - k - 1 < rules.min_modifiers:
            continue
        d = k
        while d >= 0 and lowers[d] in rules.adjectives:
            d -= 1
        if d < 0 or lowers[d] not in rules.determiners:
            continue
        after = set(lowers[i + 1: i + 4])
        before = lowers[d - 1] if d > 0 else ""
        set_up = bool(after & rules.after and ("be" in after or "been" in after
                                                or "is" in after or "was" in after)
                      or before in rules.before)
        found.append(_Candidate(unit, k + 1, i, tuple(lowers[k + 1: i + 1]),
                                set_up))
    return found


def add_descriptive_bodies(docs: list[Unit], mentions: list[list[Mention]]) -> None:
    """Add the paper's lower-case body names to each unit's mentions (in place), replacing
    the references and plain words they cover ('the partnership' inside 'the partnership
    tasking group')."""
    rules = _rules()
    found = [c for n, doc in enumerate(docs) for c in _candidates(doc, n, rules)]
    if not found:
        return
    uses = Counter(c.words[k:] for c in found
                   for k in range(len(c.words) - rules.min_modifiers))
    set_up = {c.words[k:] for c in found if c.set_up
              for k in range(len(c.words) - rules.min_modifiers)}
    for c in found:
        # the longest ending of the phrase the paper names a body by
        name = next((c.words[k:] for k in range(len(c.words) - rules.min_modifiers)
                     if uses[c.words[k:]] > 1 or c.words[k:] in set_up), None)
        if name is None:
            continue
        start, end = c.head + 1 - len(name), c.head + 1
        doc = docs[c.unit]
        kept = [m for m in mentions[c.unit] if m.end <= start or m.start >= end]
        kept.append(Mention(c.unit, start, end, doc.text(start, end), "body", head=name[-1]))
        mentions[c.unit] = sorted(kept, key=lambda m: m.start)
