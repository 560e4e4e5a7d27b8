"""References to bodies written in lower case: 'the police', 'the group' just named, 'these
meetings', 'the steering group', 'the two standing partnerships', 'each constituent council'.
What each points back to is settled later (`discourse.py`, `relations.py`)."""

from __future__ import annotations

from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.units import Unit
from pipeline.extractors.bodies.words import (
    DETERMINERS,
    NUMERALS,
    Mention,
    _adjective_after,
    _singular,
    _Word,
    head_of,
    vocabulary,
)

#: Words that name a body after "each" or "every" without being a body head noun.
SINGULAR_EACH_HEADS = ("council", "authority", "partner")


@cache
def _not_name_words() -> frozenset[str]:
    """Words that make no body's name before its head noun ('the other group')."""
    return frozenset(STOP_WORDS | anaphora_rules().adjectives)


def lower_references(doc: Unit, words: list[_Word], block: int,
                      covered: set[int]) -> list[Mention]:
    """'the police', 'the two standing partnerships', 'each constituent council'."""
    vocab = vocabulary()
    rules = anaphora_rules()
    heads, lower_orgs, meeting_nouns = vocab.heads, vocab.lower_orgs, rules.meeting_nouns
    plural_heads = vocab.plural_heads
    not_named = _not_name_words()
    found = []
    for i, word in enumerate(words):
        lower = word.lower
        head = head_of(lower)
        # every reference below is a word of one of these lists: the rest (most words) go
        if not (head in heads or lower in lower_orgs or lower in meeting_nouns
                or lower in plural_heads or lower in SINGULAR_EACH_HEADS) \
                or word.start in covered:
            continue
        if lower in lower_orgs and i and words[i - 1].lower in ("the", ",", "and", ":"):
            found.append(Mention(block, word.start, word.end, word.text, "org", head=lower))
            continue
        demonstrative = i and words[i - 1].lower in rules.demonstratives
        if lower in meeting_nouns and (demonstrative or _adjective_after(
                words, i, rules.demonstratives)):
            # "these meetings": the body whose meetings they are
            found.append(Mention(block, word.start, word.end, word.text, "generic",
                                 head=lower))
            continue
        if (head in heads and i and (words[i - 1].lower in ("the", "this", "that")
                                     or _adjective_after(words, i))
                and word.text.islower() and (i + 1 == len(words) or words[i + 1].lower
                                             not in vocab.modifier_nouns)):
            # "would have a seat on the group": the group just named
            found.append(Mention(block, word.start, word.end, word.text, "generic",
                                 head=head))
            continue
        if (head in heads and i > 1 and word.text.islower()
                and words[i - 2].lower in ("the", "this", "that")
                and words[i - 1].text.isalpha() and words[i - 1].text.islower()
                and words[i - 1].lower not in not_named
                and words[i - 1].start not in covered
                and (i + 1 == len(words) or words[i + 1].lower not in vocab.modifier_nouns)):
            # "sit on the steering group": the body just named whose name ends so (key)
            found.append(Mention(block, words[i - 1].start, word.end,
                                 doc.text(words[i - 1].start, word.end), "generic",
                                 head=head, key=f"{words[i - 1].lower} {lower}"))
            continue
        singular_each = i and words[i - 1].lower in ("each", "every") or (
            i > 1 and words[i - 2].lower in ("each", "every"))
        plural = lower in plural_heads
        if not plural and not (singular_each and (head in heads
                                                  or lower in SINGULAR_EACH_HEADS)):
            continue
        j, count, adjectives = i - 1, None, list[str]()
        while j >= 0 and i - j <= 4:
            w = words[j].lower
            if w in DETERMINERS:
                count = 2 if w == "both" else count
                j -= 1
                break
            if w in NUMERALS or w.isdigit():
                count = NUMERALS.get(w) or int(w)
            elif w.isalpha() and w.islower() and (w not in STOP_WORDS or w in ("other", "further")):
                adjectives.insert(0, w)
            else:
                break
            j -= 1
        first = j + 1
        if first == i or words[first].lower not in (DETERMINERS | set(NUMERALS)) and \
                not words[first].lower.isdigit():
            continue
        singular = _singular(lower)
        key = " ".join(adjectives[-1:] + [singular])
        found.append(Mention(block, words[first].start, word.end,
                             doc.text(words[first].start, word.end), "plural",
                             head=singular, count=count, key=key))
    return found


