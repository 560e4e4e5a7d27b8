"""References to bodies written in lower case: 'the police', 'the group' just named, 'these
meetings', 'the steering group', 'the two standing partnerships', 'each constituent council'.
What each points back to is settled later (`discourse.py`, `relations.py`)."""

from __future__ import annotations

from functools import cache
from itertools import compress

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.units import Tokens, WordTest
from pipeline.extractors.bodies.words import (
    DETERMINERS,
    NUMERALS,
    Mention,
    Words,
    _adjective_after,
    _singular,
    head_of,
    vocabulary,
)

#: Words that name a body after "each" or "every" without being a body head noun.
SINGULAR_EACH_HEADS = ("council", "authority", "partner")


def _ends_reference(lower: str) -> bool:
    """Whether a lower-case word may end a reference: its head a body's head noun, or the
    word a lower-case organisation, a meeting noun, a plural head or one 'each' takes."""
    vocab = vocabulary()
    return head_of(lower) in vocab.heads or lower in vocab.lower_orgs or \
        lower in anaphora_rules().meeting_nouns or lower in vocab.plural_heads or \
        lower in SINGULAR_EACH_HEADS


_REFERENCE_ENDS = WordTest(_ends_reference)  # (keyed on a word: the lists are fixed)


@cache
def _not_name_words() -> frozenset[str]:
    """Words that make no body's name before its head noun ('the other group')."""
    return frozenset(STOP_WORDS | anaphora_rules().adjectives)


def lower_references(doc: Tokens, words: Words, block: int,
                      covered: set[int]) -> list[Mention]:
    """'the police', 'the two standing partnerships', 'each constituent council'."""
    vocab = vocabulary()
    rules = anaphora_rules()
    heads, lower_orgs, meeting_nouns = vocab.heads, vocab.lower_orgs, rules.meeting_nouns
    plural_heads = vocab.plural_heads
    not_named = _not_name_words()
    found = []
    lowers, texts, starts, ends = words.lower, words.text, words.start, words.end
    # every reference below ends on a word of one of these lists (`_ends_reference`): the
    # rest (most words) go, by one C-level map over the words
    for i in compress(range(len(lowers)), map(_REFERENCE_ENDS.__getitem__, lowers)):
        if starts[i] in covered:  # (a capitalised name's word: most candidates)
            continue
        lower = lowers[i]
        head = head_of(lower)
        if lower in lower_orgs and i and lowers[i - 1] in ("the", ",", "and", ":"):
            found.append(Mention(block, starts[i], ends[i], texts[i], "org", head=lower))
            continue
        demonstrative = i and lowers[i - 1] in rules.demonstratives
        if lower in meeting_nouns and (demonstrative or _adjective_after(
                words, i, rules.demonstratives)):
            # "these meetings": the body whose meetings they are
            found.append(Mention(block, starts[i], ends[i], texts[i], "generic",
                                 head=lower))
            continue
        if (head in heads and i and (lowers[i - 1] in ("the", "this", "that")
                                     or _adjective_after(words, i))
                and texts[i].islower() and (i + 1 == len(words.text) or lowers[i + 1]
                                             not in vocab.modifier_nouns)):
            # "would have a seat on the group": the group just named
            found.append(Mention(block, starts[i], ends[i], texts[i], "generic",
                                 head=head))
            continue
        if (head in heads and i > 1 and texts[i].islower()
                and lowers[i - 2] in ("the", "this", "that")
                and texts[i - 1].isalpha() and texts[i - 1].islower()
                and lowers[i - 1] not in not_named
                and starts[i - 1] not in covered
                and (i + 1 == len(words.text) or lowers[i + 1] not in vocab.modifier_nouns)):
            # "sit on the steering group": the body just named whose name ends so (key)
            found.append(Mention(block, starts[i - 1], ends[i],
                                 doc.text(starts[i - 1], ends[i]), "generic",
                                 head=head, key=f"{lowers[i - 1]} {lower}"))
            continue
        singular_each = i and lowers[i - 1] in ("each", "every") or (
            i > 1 and lowers[i - 2] in ("each", "every"))
        plural = lower in plural_heads
        if not plural and not (singular_each and (head in heads
                                                  or lower in SINGULAR_EACH_HEADS)):
            continue
        j, count, adjectives = i - 1, None, list[str]()
        while j >= 0 and i - j <= 4:
            w = lowers[j]
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
        if first == i or lowers[first] not in (DETERMINERS | set(NUMERALS)) and \
                not lowers[first].isdigit():
            continue
        singular = _singular(lower)
        key = " ".join(adjectives[-1:] + [singular])
        found.append(Mention(block, starts[first], ends[i],
                             doc.text(starts[first], ends[i]), "plural",
                             head=singular, count=count, key=key))
    return found


