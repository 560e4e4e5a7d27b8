"""The vocabularies of models/attendance/, read once per process: the words (`data`), the
sets and patterns built from them (`vocab`), and the id'd regular expressions (`pattern`).
Every people module reads its conventions through this one, so none imports another just
for a word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from pipeline.regex_cache import compile_cached, longest_first
from pipeline.rules import read_json


@cache
def data(name: str) -> dict:
    """One vocabulary file of models/attendance, read once per process."""
    return read_json(f"attendance/{name}.json")


@cache
def pattern(name: str) -> re.Pattern:
    """A regular expression of models/attendance/cues.json, by its id, compiled once."""
    flags = 0 if name in data("cues")["case_sensitive"] else re.I
    return compile_cached(data("cues")["patterns"][name], flags | re.S)


def alternation(words: Iterable[str]) -> str:
    """Words as one regex alternation, longest first (so 'Cllrs' wins over 'Cllr')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=longest_first))


def _first(words: list[str]) -> str:
    """A look-ahead for the first characters of `words` (under the flags of the regex it
    opens, as its alternatives are): a text matches the alternation only where it holds."""
    if not all(words):
        return ""  # an empty word matches anywhere
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def _capital(words: list[str]) -> str:
    """`(?=[A-Z])` when every word opens with an ASCII capital, else nothing."""
    return "(?=[A-Z])" if all("A" <= w[:1] <= "Z" for w in words) else ""


@cache
def vocab() -> dict:
    """The vocabularies as sets and compiled patterns."""
    names, ranks, roles, subs = data("names"), data("ranks"), data("roles"), data("substitution")
    honorifics, tiers = alternation(names["honorifics"]), alternation(names["tier_honorifics"])
    modifiers, ranked = alternation(ranks["modifiers"]), alternation(ranks["ranks"])
    plural = names["plural_honorifics"] + [t for t in names["tier_honorifics"] if t.endswith("s")]
    # (each regex opens with a look-ahead for the first letters of its words: a position
    # whose letter opens none of them is turned away before the alternatives are tried)
    return {
        "tier": compile_cached(rf"{_first(names['tier_honorifics'])}({tiers})\.?\s+(?=\S)",
                               re.I),
        "hon": compile_cached(rf"{_first(names['honorifics'])}({honorifics})\.?\s+(?=\S)", re.I),
        "hon_word": compile_cached(rf"{_first(names['tier_honorifics'] + names['honorifics'])}"
                                   rf"(?<!\S)(?:{tiers}|{honorifics})\.?\s+(?=[A-Z])"),
        "plural": {p.casefold() for p in plural},
        # every modifier and rank opens with a capital: the lookahead lets the search skip
        # every other position at once (the alternation alone is tried at each)
        "rank": compile_cached(rf"{_capital(ranks['modifiers'] + ranks['ranks'])}"
                               rf"((?:(?:{modifiers})\s+)*(?:{ranked}))\s+(?=[A-Z])"),
        "title_nouns": set(ranks["title_nouns"]),
        "post": set(names["post_nominals"]),
        "particles": set(names["particles"]),
        "not_names": {w.casefold() for w in names["not_names"]},
        "role_heads": set(roles["role_heads"]),
        "role_nouns": set(roles["role_nouns"]),
        "org_words": set(roles["org_words"]),
        "departments": set(roles["departments"]),
        # words of offices and organisations, which no name is made of
        "known": set(roles["org_words"]) | set(roles["role_nouns"]) | set(roles["role_heads"])
        | set(ranks["title_nouns"]),
        "chair": {r.casefold() for r in roles["chair_roles"]},
        # what opens an office after a titled name ('Mr T Lowe Clerk to the Board')
        "office_heads": set(roles["role_heads"]) | set(ranks["title_nouns"])
        | {r.casefold().title() for r in roles["chair_roles"]},
        "qualifiers": {q.casefold() for q in roles["qualifiers"]},
        "sub_for": [compile_cached(p, re.I) for p in subs["for"]],
        "sub_by": [compile_cached(p, re.I) for p in subs["by"]],
        "inline": compile_cached(subs["inline"], re.I),
        # offices written out, for the ones whose name holds 'and'
        "ranked": set(ranks["ranks"]),
        "known_phrases": set(roles["role_heads"]) | set(roles["role_nouns"]),
        "forename_hon": set(names["forename_honorifics"]),  # "Sir X" alone: no person
        "tiers": set(names["tier_honorifics"]),  # "County Councillor" after a name
        "forenames": set(data("forenames")["forenames"]),  # "Fiona Balfour Clerk to ..."
    }


def forename_caps(words: list[str], kinds: list[str]) -> bool:
    """'ELSPETH GRAY', 'ALAN McBRAYNE': a full name printed in capitals, as Scottish and
    some English minutes print them; the first word must be a forename the vocabulary
    knows and no word an office or organisation word, so 'NHS FIFE', 'HOUSING OFFICER'
    and 'POLICE SCOTLAND' stay no names."""
    v = vocab()
    return 2 <= len(words) <= 4 and kinds[0] == "caps" and \
        all(k in ("caps", "word") for k in kinds) and \
        words[0].split("-")[0].title() in v["forenames"] and \
        any(c in "AEIOUY" for c in words[-1].upper()) and \
        not any(w.title() in v["known"] for w in words)


@lru_cache(maxsize=8192)
def lone_honorific(word: str) -> bool:
    """Whether a word is an honorific by itself ('Cllr', 'Mrs.'): "hon" read before a
    stand-in name ends at that name. Cached per word: lists ask it of each of their words,
    and the same few words come back."""
    return (m := vocab()["hon"].match(word + " X")) is not None and m.end() == len(word) + 1


def initialled_caps(words: list[str], kinds: list[str]) -> bool:
    """'H ABERNETHY', 'J.W. MOXON': initials before one upper-case surname, as grids print
    names (the word kinds of names.py); the surname needs a vowel and three letters and is
    no office or organisation word, so 'A NHS' and 'B COUNCIL' stay no names."""
    return kinds[-1] == "caps" and kinds.count("caps") == 1 and kinds[0] == "initial" and \
        len(words[-1]) >= 3 and any(c in "AEIOUY" for c in words[-1]) and \
        words[-1].title() not in vocab()["known"]
