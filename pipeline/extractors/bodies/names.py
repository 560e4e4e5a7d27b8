"""Names of bodies in a block: a rule-based chunker over capitalised tokens.

A body name is a run of capitalised words (joined by "and", "of the", "for" ...) that ends in
a head noun from `models/structure/vocabulary.json` ("Board", "Committee", "Partnership" ...).
Organisations (councils, police forces, NHS trusts) are found the same way from their own head
words so that membership lists can name them; acronyms and other capitalised phrases become
mentions too, and so do references that point back: "the Board", "the group", "the two
standing partnerships", "each constituent council" (those in lower case: `references.py`).
What a mention names is settled later:
aliases by `structure.BodyIndex`, references by `structure.Discourse` and `relations.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.references import lower_references
from pipeline.extractors.bodies.units import Joined, Tokens, Unit, numbered_line, places
from pipeline.extractors.bodies.words import (
    APOSTROPHES,
    DETERMINERS,
    HEAD_WORDS,
    NUMERALS,
    Mention,
    Vocabulary,
    Words,
    _adjective_after,
    _base,
    _counted_acronym,
    _singular,
    _words,
    acronym_like,
    body_type,
    clean_name,
    fold,
    head_of,
    initials,
    is_head,
    name_head,
    shared_head_names,
    singular_name,
    vocabulary,
)

__all__ = ["APOSTROPHES", "DETERMINERS", "NUMERALS", "Mention", "Vocabulary", "acronym_like",
           "body_type", "clean_name", "find_mentions", "fold", "head_of", "initials",
           "is_head", "shared_head_names", "singular_name", "vocabulary"]


def _head_at(words: Words, i: int) -> bool:
    # (most words are no head noun anywhere: asked of the word before the pair is made)
    return HEAD_WORDS[words.text[i]] and is_head(words.text[max(i - 1, 0): i + 1], min(i, 1))


def _may_cross(words: Words, last: int, conn: list[str]) -> bool:
    """Whether a name run may go on over connector words to the next capitalised word."""
    vocab = vocabulary()
    prev, upper = _base(words.lower[last]), words.upper(last)
    body_head = _head_at(words, last)
    if conn[0] in ("and", "&"):
        # "X Board and the Y Group" and "X Board and Y Group" are two bodies, not one;
        # "Police and Crime Panel" is one
        return len(conn) == 1 and not body_head
    if conn == ["of", "the"]:
        # "Office of the Police and Crime Commissioner"; not "Membership of the Board"
        return prev in vocab.institution_of
    if conn == ["of"]:
        # "Out of Court Disposal Panel", "Chamber of Commerce"; not "Chair of Cabinet"
        return prev in vocab.institution_of or not (
            body_head or prev in vocab.post_words or prev in vocab.relational_nouns
            or prev in vocab.not_name_starts or upper)
    if len(conn) > 1:
        return False
    if body_head or words.lower[last] in vocab.org_heads:
        return conn[0] == "for" and prev in vocab.institution_of
    return conn[0] in ("for", "from", "in") and not upper


def _runs(words: Words) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (inclusive word ranges)."""
    vocab = vocabulary()
    runs: list[tuple[int, int]] = []
    texts, caps, lowers, count = words.text, words.cap, words.lower, len(words.text)
    connectors = vocab.name_connectors
    after = 0  # the first word after the last run
    # a run starts on a capitalised word or a bracket: only those (a few words) are looked at
    # (a bracket is no capitalised word: the two kinds of start are apart, merged by a sort)
    starts = sorted([*compress(range(count), caps), *places(texts, "(")])
    possessive, plural_possessive = words.possessive, words.plural_possessive
    for i in starts:
        if i < after or numbered_line(texts, caps, i):
            continue  # a line's "VIII PERFORMANCE AND AUDIT COMMITTEE": an item's number
        bracketed = not caps[i] and (i + 3 < count and texts[i] == "(" and caps[i + 1]
                                     and texts[i + 2] == ")" and caps[i + 3])
        if not (caps[i] or bracketed):
            continue
        last = i + 3 if bracketed else i
        k = last + 1
        if not bracketed and (k == count or not caps[k] and lowers[k] not in connectors
                              and texts[k] != "(" and texts[k] != ","
                              and lowers[i] not in vocab.numbered_words):
            # (most runs) one word before a plain one: nothing below could take it on
            runs.append((i, i))
            after = k
            continue
        while k < count:
            # a plural possessive ("Firefighters' Consultative Forum", "Employers' Panel")
            # names the people the body is for, as "Children's" does
            if possessive[last] and not plural_possessive[last] and \
                    _base(lowers[last]) not in vocab.people_possessives:
                break  # "The Pool's Officer Operations Group": the possessor is its own name
            if caps[k] and lowers[k] not in connectors:
                last, k = k, k + 1  # ("OF", "AND" in a capitals heading are connectors)
                continue
            if k + 1 < count and caps[k + 1] and lowers[last] in vocab.numbered_words and \
                    texts[k].isdigit() and len(texts[k]) <= 2:
                last, k = k + 1, k + 2  # "Area 2 Planning Committee": a numbered area's
                continue
            if (texts[k] == "(" and k + 3 < count and words.upper(k + 1)
                    and texts[k + 2] == ")" and caps[k + 3]):
                last, k = k + 3, k + 4  # "Drug and Alcohol Partnership (DAAT) Board"
                continue
            if texts[k] == "," and (end := _subject_series(words, i, k)) is not None:
                last, k = end, end + 1  # "Communities, Housing and Environment Committee"
                continue
            m = k
            while m < count and m - k < 2 and lowers[m] in connectors:
                m += 1
            if m > k and m < count and caps[m] and \
                    lowers[m] not in vocab.calendar_words and _may_cross(
                    words, last, lowers[k:m]):
                last, k = m, m + 1
                continue
            break
        if (last - i >= 2 and words.upper(last) and len(texts[last]) <= 6
                and not words.upper(last - 1)
                and _head_at(words, last - 1)):
            # "Offender Management Group IOM": the acronym after a name is a name of its own
            runs += [(i, last - 1), (last, last)]
        else:
            runs.append((i, last))
        after = last + 1
    return runs


MAX_SERIES_WORDS = 12


def _subject_series(words: Words, first: int, comma: int) -> int | None:
    """Where a body named by a series of subjects ends: 'Communities, Housing and Environment
    Committee', 'Children, Families and Education Committee'. From the capitalised words
    `first`..`comma - 1` the series runs over commas to a last subject after 'and' or '&'
    and ends at a body's head noun; the subjects are no bodies or organisations themselves
    (a list: 'Cabinet, Council and Scrutiny Committee'). None when it is no such name."""
    vocab = vocabulary()
    if comma + 1 == len(words.text) or not words.cap[comma + 1] or \
            words.lower[comma + 1] in vocab.name_connectors:
        return None  # (as the walk below would find at its first word) no subject after it
    after = words.lower[comma + 1: comma + MAX_SERIES_WORDS + 1]
    if "and" not in after and "&" not in after:
        return None  # (most commas) no 'and' near enough to end a series

    def subject(k: int) -> bool:
        lower = words.lower[k]  # (the word tests before the head test, which looks back)
        return (words.cap[k] and lower not in vocab.name_connectors
                and head_of(lower) not in vocab.org_heads
                and lower not in vocab.not_name_starts and not _head_at(words, k))

    while first < comma and (words.lower[first] in vocab.not_name_starts
                             or words.lower[first] == "the"):
        first += 1  # "The Children, Families and ..."
    if first == comma or not all(subject(k) for k in range(first, comma)):
        return None
    k, joined = comma, False
    while k < len(words.text) and k - first <= MAX_SERIES_WORDS:
        if words.text[k] == "," and not joined:
            k += 1
        elif words.lower[k] in ("and", "&") and not joined and k > comma:
            joined, k = True, k + 1
        else:
            return None
        start = k
        while k < len(words.text) and words.cap[k] and words.lower[k] not in vocab.name_connectors:
            if _head_at(words, k):
                return k if joined and k > start else None
            if not subject(k):
                return None
            k += 1
        if k == start:
            return None
    return None


def _trim(words: Words, first: int, last: int) -> tuple[int, int, bool]:
    """Drop leading function words ('The', 'Members', 'Under'); flag a person's name."""
    vocab = vocabulary()
    person = False
    while first <= last and (words.lower[first] in vocab.not_name_starts
                             or words.lower[first].rstrip(".") in vocab.not_name_starts) and \
            not (words.plural_possessive[first] and first < last) and not (  # "Members' Panel"
                words.lower[first] in vocab.name_starting_nouns and last - first >= 2
                and _head_at(words, last)):  # "the Member Working Group"
        person = person or words.lower[first].rstrip(".") in vocab.honorifics
        first += 1
    while last >= first and words.lower[last] in vocab.name_connectors:
        last -= 1
    return first, last, person


def _classify(words: Words, first: int, last: int) -> str:
    """What the name of words first..last is: body, org, plural_name, acronym, phrase or ''."""
    vocab = vocabulary()
    names, lowered = words.text[first: last + 1], words.lower[first: last + 1]
    if is_head(names, len(names) - 1):
        return "body"  # a head where it stands: 'Better Care Fund Executive' (not 'Chief ...')
    if lowered[-1] in vocab.post_words and lowered[0] not in vocab.org_prefixes:
        # "the Place Executive": a head noun that names a body only after some words (else a
        # post) may be a short name the paper gives a body; `ClauseReader.name` asks that
        return "phrase" if len(names) > 1 and head_of(lowered[-1]) in vocab.heads and not any(
            w in vocab.post_words for w in lowered[:-1]) else ""
    if any(n in vocab.post_words for n in lowered[1:-1]) and lowered[0] not in vocab.org_prefixes:
        return ""  # "Cabinet Member for Communities and Public Safety" is a post
    if lowered[-1] in vocab.plural_heads or head_of(lowered[-1]) in vocab.plural_heads:
        return "plural_name"
    if head_of(lowered[-1]) in vocab.org_heads or lowered[0] in vocab.org_prefixes:
        single = lowered[0] in vocab.proper_single_heads | vocab.lower_orgs
        return "org" if len(names) > 1 or single else ""
    if len(names[-1]) <= 8 and words.upper(last):
        return "acronym"
    return "phrase" if len(names) > 1 else ""


def _named(words: Words, first: int, last: int) -> tuple[int, int, str]:
    """The run first..last trimmed (its new ends, from `first`) and what it names, '' if it is
    trimmed away or a person: from its words alone (`_trim`, `_classify` look at no other)."""
    start, end, person = _trim(words, first, last)
    if start > end or person:
        return 0, 0, ""
    return start - first, end - first, _classify(words, start, end)


#: a run's words are trimmed and named the same wherever they stand ('The', 'the Safer Fernley
#: Partnership'): `_named` reads the run's words and nothing around them, so its answer is
#: kept by those words (and their plural possessives), across papers as spaCy keeps a word's
#: lexeme: most runs are words every paper writes ('The', 'Council'); emptied when large
_NAMED: dict[str | tuple[tuple[str, ...], tuple[bool, ...]], tuple[int, int, str]] = {}
MAX_NAMED = 1 << 16


def find_mentions(doc: Tokens, block: int) -> list[Mention]:
    """Every name, acronym and generic reference ('the Board', 'the remaining boards')."""
    vocab = vocabulary()
    words = _words(doc)
    mentions: list[Mention] = []
    covered: set[int] = set()
    named = _NAMED
    if len(named) > MAX_NAMED:
        named.clear()
    for first, last in _split(words, _runs(words)):
        run = words.text[first] if first == last else (  # (no possessive counts in one word)
            tuple(words.text[first: last + 1]), tuple(words.plural_possessive[first: last + 1]))
        found = named.get(run)
        if found is None:
            found = named[run] = _named(words, first, last)
        kind = found[2]
        if not kind:  # trimmed away, a person's name, or names nothing
            continue
        first, last = first + found[0], first + found[1]
        names = words.text[first: last + 1]
        prev = words.lower[first - 1] if first else ""
        following = words.lower[last + 1] if last + 1 < len(words.text) else ""
        if len(names) == 1 and kind in ("body", "org"):
            # a lone head word: "the Board" refers back; "Cabinet" names one; "a Board" neither
            if following in anaphora_rules().meeting_nouns and prev in ("at", "to", "into") \
                    and kind == "body" and head_of(names[0]) not in vocab.proper_single_heads:
                kind = "generic"  # "represented at Board meetings": the Board's
            elif (following in vocab.modifier_nouns and not _verb_after(words, last + 1)) \
                    or prev in ("a", "an", "each", "every", "any"):
                continue
            elif kind == "org":
                pass  # "the Police", "the Council": an organisation as the paper calls it
            elif (prev in ("the", "this", "that", "its", "their", "our") or _adjective_after(
                    words, first)) and head_of(names[0]) not in ("cabinet",):
                kind = "generic"  # "the Board", "this Group", "the new Forum"
            elif head_of(names[0]) not in vocab.proper_single_heads:
                continue
        key, count = "", None
        if kind == "plural_name" and len(names) == 1:  # "Groups reporting to the Board: ..."
            kind, key = "plural", _singular(names[0].lower())
            if prev in NUMERALS and first:  # "both Committees": the two named together
                first, count = first - 1, NUMERALS[prev]
        if kind == "acronym" and len(names) == 1 and (counted := _counted_acronym(
                words, first)) is not None:  # "the three CSPs": the three listed before
            first, count = counted
            kind, key = "plural", names[0][:-1].lower()
        start, end, possessive = words.start[first], words.end[last], words.possessive[last]
        text = doc.text(start, end)
        if possessive:
            text = re.sub("['\u2019]s?$", "", text)
        mentions.append(Mention(block, start, end, text, kind, head=name_head(names),
                                possessive=possessive, key=key, count=count))
        covered.update(range(start, end))
    mentions += lower_references(doc, words, block, covered)
    return sorted(mentions, key=lambda m: m.start)


#: the empty words between two units read in one pass: enough that no rule's look back or
#: ahead (two words at most, before a break at a word that is not a letter) reaches the
#: unit beside
GAP = 2


def paper_mentions(units: list[Unit]) -> list[list[Mention]]:
    """`find_mentions` of each unit (numbered in order), in one pass over the units laid end
    to end. The empty words between two units are no name's words or neighbours: a unit's
    first word sees only them before it, as it sees nothing alone, so each unit's mentions
    are the ones it gives alone (tests/test_body_words.py compares the two)."""
    joined = Joined(units, GAP)
    bases = joined.bases
    found: list[list[Mention]] = [[] for _ in units]
    for m in find_mentions(joined, 0):
        n = bisect_right(bases, m.start) - 1
        m.block, m.start, m.end = n, m.start - bases[n], m.end - bases[n]
        found[n].append(m)
    return found


def _split(words: Words, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs that are two names joined by 'and': 'Kelsey Borough Council and North Rendle District
    Council', 'Healthwatch Fernley and Wessex Police'; not 'Police and Crime Panel'."""
    vocab = vocabulary()

    def org_ended(first: int, last: int) -> bool:
        return last > first and head_of(words.lower[last]) in vocab.org_heads

    def named(first: int, last: int) -> bool:
        return (words.lower[first] in vocab.org_prefixes or org_ended(first, last)
                or last - first >= 2 and _head_at(words, last))

    out = []
    for first, last in runs:
        for cut in range(first + 1, last):
            if words.lower[cut] not in ("and", "&") or cut <= first or \
                    f"{words.lower[cut - 1]} and {words.lower[cut + 1]}" in vocab.joined_words:
                continue  # ('Police and Crime Panel': one phrase of one name)
            # "Probation and Health": a one-word organisation and a word that names nothing
            # "Council and Fernley NHS Trust": a one-word organisation and a full name
            single_orgs = cut - 1 == first and (cut + 1 == last or named(cut + 1, last)) and \
                words.lower[first] in vocab.lower_orgs | vocab.proper_single_heads
            # "Porthaven CSP and Brackmouth CSP": two names that end in the same word
            same_end = cut - first >= 2 and last - cut >= 2 and \
                words.text[cut - 1] == words.text[last]
            # "NHS Westdale and Westdale Third Sector Interface": a prefixed two-word
            # organisation and a name of two words or more
            prefixed = words.lower[first] in vocab.org_prefixes and cut - first == 2 and \
                last - cut >= 2 and not any(" ".join(words.lower[last - n + 1:last + 1])
                                            in vocab.prefixed_whole_ends for n in (1, 3))
            # "Holmfirth Chamber of Trade and Holmfirth Community Foundation": a second
            # name that opens with the first one's place word
            repeated = cut - first >= 2 and last - cut >= 2 and \
                words.text[cut + 1] == words.text[first]
            # "the Probation Service and Tarbet Women's Aid": two all-capitalised names ('Office
            # of the Police and Crime Commissioner' has lower-case words, so stays one)
            capitalised = org_ended(first, cut - 1) and last - cut >= 2 and all(
                words.cap[first: cut]) and all(words.cap[cut + 1: last + 1])
            if (words.lower[first] in vocab.split_prefixes and cut - first >= 2 or single_orgs
                    or prefixed or repeated or capitalised
                    or org_ended(first, cut - 1) and named(cut + 1, last) or same_end):
                out.append((first, cut - 1))
                first = cut + 1
        out.append((first, last))
    return out


def _verb_after(words: Words, k: int) -> bool:
    """'The Group reports to the Committee' (or 'reports annually to'): a verb, not the
    Group's reports (a modifier)."""
    j = k + 1
    while j < len(words.text) and words.lower[j].endswith("ly"):
        j += 1  # an adverb between: "reports annually to", "reports directly into"
    return words.lower[k] in ("report", "reports") and j < len(words.text) and \
        words.lower[j] in ("to", "into")
