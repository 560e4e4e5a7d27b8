"""The words body names are made of: the vocabulary (`models/structure/vocabulary.json`),
a token run regrouped as the words a reader sees, head nouns, and names' forms (folded,
singular, without brackets, as initials, by type). `names.py` finds names with these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from typing import cast

from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.units import Tokens, WordTest, capitalised
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

NUMERALS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "both": 2}
DETERMINERS = {"the", "these", "those", "its", "their", "both", "all", "each", "every", "our"}
APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
#: the token texts `_words` joins words by ('Sub-Committee', 'Behaviour/Harassment': a text
#: `in "-/"`) or marks a possessive with
JOINING = frozenset(("-", "/", "-/", *APOSTROPHES))
POSSESSIVE_END = compile_cached("['\u2019]s?$")
BRACKET_FIRST = compile_cached(r"^\((\w+)\)\s*")  # "(DAAT) Board" -> "DAAT Board"
BRACKETED = compile_cached(r"\s*\([^()]*\)\s*")


class Vocabulary:
    """vocabulary.json: every word list as a frozenset attribute named by its key, plus the
    head nouns (with the words some must follow) and the body-type patterns."""

    def __init__(self, raw: dict) -> None:
        for key, value in raw.items():
            if isinstance(value, dict) and "words" in value:
                setattr(self, key, frozenset(value["words"]))
        self.heads = {h["word"]: tuple(h.get("only_after", ())) for h in raw["body_heads"]}
        # a head that also names a body after a body's acronym ending in one of these letters
        self.after_acronym = {h["word"]: tuple(h.get("after_acronym_ending", ()))
                              for h in raw["body_heads"]}
        self.body_types = tuple((compile_cached(t["pattern"]), t["body_type"])
                                for t in raw["body_types"])

    def __getattr__(self, key: str) -> frozenset[str]:
        # the word lists are set from the file's keys; this tells the type checker so
        raise AttributeError(key)


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary(read_json("structure/vocabulary.json"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Comparison key: case, '&', apostrophes, punctuation and a leading 'the' do not count."""
    text = re.sub("['\u2019]", "", text.casefold().replace("&", " and "))
    words = re.sub(r"[^\w]+", " ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(slots=True)  # (a paper has some hundred; their fields are read all through)
class Mention:
    """A reference to a body or organisation: a token span in one block's Doc."""

    block: int
    start: int
    end: int
    text: str
    kind: str  # body | org | acronym | phrase | generic | plural | plural_name
    head: str = ""
    count: int | None = None
    key: str = ""
    possessive: bool = False


class Words:
    """A unit's words as a reader sees them ('Sub-Committee', 'Behaviour/Harassment'), as
    columns indexed by word: text, lower form, whether capitalised, token range in the unit
    (start, end), possessive ("Children's") and plural possessive ("Firefighters'": the
    apostrophe alone, after an s). Columns, not an object per word: most words are one token
    each, and their columns are the unit's own lists."""

    __slots__ = ("cap", "end", "lower", "plural_possessive", "possessive", "start", "text")

    def __init__(self, text: list[str], lower: list[str], cap: list[bool],
                 start: Sequence[int], end: Sequence[int], possessive: list[bool],
                 plural_possessive: list[bool]) -> None:
        self.text, self.lower, self.cap, self.start, self.end = text, lower, cap, start, end
        self.possessive, self.plural_possessive = possessive, plural_possessive

    def __len__(self) -> int:
        return len(self.text)

    def upper(self, i: int) -> bool:
        """Whether word i looks like an acronym ('HWB', 'CSPs')."""
        return acronym_like(self.text[i])


@lru_cache(maxsize=1 << 16)  # asked for the capitalised words of a paper, often again
def acronym_like(word: str) -> bool:
    """'HWB', 'sHWB', 'GA', 'CSPs'; not 'Vice-Chair'."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and capitals >= 2 and capitals * 2 >= len(letters)


def _words(doc: Tokens) -> Words:
    """Tokens regrouped as the words a reader sees: 'Sub-Committee', 'Behaviour/Harassment'."""
    texts, spaced, lowers, caps = doc.texts, doc.spaces, doc.lowers, doc.caps
    count = len(texts)
    marks = list(compress(range(count), map(JOINING.__contains__, texts)))  # (in C)
    if not marks:  # most units: nothing joins, a word per token
        return Words(texts, lowers, caps, range(count), range(1, count + 1),
                     [False] * count, [False] * count)
    words = Words([], [], [], [], [], [], [])
    text, lower, cap, possessive, plural = (words.text, words.lower, words.cap,
                                            words.possessive, words.plural_possessive)
    starts, ends = cast(list[int], words.start), cast(list[int], words.end)
    i = 0
    for mark in marks:
        # only a joining token (`mark`) and the token before it may make a word of other than
        # one token: the tokens before those are words of their own, taken as they are
        if mark - 1 > i:
            text += texts[i:mark - 1]
            lower += lowers[i:mark - 1]
            cap += caps[i:mark - 1]
            starts += range(i, mark - 1)
            ends += range(i + 1, mark)
            possessive += [False] * (mark - 1 - i)
            plural += [False] * (mark - 1 - i)
            i = mark - 1
        while i <= mark:
            token = texts[i]
            if (token in APOSTROPHES and text and i and not spaced[i - 1]
                    and text[-1][-1:].isalpha()
                    and (token.endswith("s") or text[-1].endswith("s"))):
                possessive[-1] = True
                plural[-1] = token in ("'", "\u2019") and text[-1].endswith("s")
                ends[-1] = i + 1
                i += 1
                continue
            j, word = i + 1, token
            while (j + 1 < count and not spaced[j - 1] and texts[j] in "-/"
                   and not spaced[j] and texts[j + 1][:1].isalpha()):
                word += texts[j] + texts[j + 1]
                j += 2
            text.append(word)
            lower.append(lowers[i] if j == i + 1 else word.lower())
            cap.append(caps[i] if j == i + 1 else capitalised(word))
            starts.append(i)
            ends.append(j)
            possessive.append(False)
            plural.append(False)
            i = j
    if i < count:
        text += texts[i:]
        lower += lowers[i:]
        cap += caps[i:]
        starts += range(i, count)
        ends += range(i + 1, count + 1)
        possessive += [False] * (count - i)
        plural += [False] * (count - i)
    return words


def _base(lower: str) -> str:
    """The lower-case word without its possessive ending."""
    return POSSESSIVE_END.sub("", lower)


def name_head(names: list[str]) -> str:
    """The head noun of a name's words: its last word's, or for 'Combined Fire Authority for
    X and Y' the word's before the places it serves."""
    served = len(names) - 1 - names[::-1].index("for") if "for" in names[1:] else 0
    return head_of(names[served - 1] if served else names[-1])


@lru_cache(maxsize=1 << 16)  # asked for each word of a paper, often several times
def head_of(word: str) -> str:
    """'Sub-Committee' -> 'committee' (the part that names the kind of body)."""
    return word.lower().rsplit("-", 1)[-1].rsplit("/", 1)[-1]


def _head_word(word: str) -> bool:
    """Whether a word is a body head noun somewhere (`is_head` then asks the word before)."""
    heads = vocabulary().heads
    return head_of(word) in heads or word.lower().replace("-", "") in heads


#: `_head_word` by word, asked once per distinct word (most words are no head)
HEAD_WORDS = WordTest(_head_word)


def is_head(words: list[str], index: int) -> bool:
    """Whether words[index] is a body head noun where it stands."""
    if not HEAD_WORDS[words[index]]:
        return False
    vocab = vocabulary()
    head = head_of(words[index])
    after = vocab.heads.get(head, ())
    if not after:
        return True
    before = words[index - 1] if index > 0 else ""
    if POSSESSIVE_END.sub("", before.lower()) in after:
        return True
    # "the RSCP Executive", "the SAB Executive": a partnership's or board's acronym
    endings = vocab.after_acronym.get(head, ())
    return bool(endings) and 2 < len(before) < 7 and before.isupper() and before.isalpha() \
        and before[-1].lower() in endings


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")


def singular_name(name: str) -> str:
    """'Health and Wellbeing Boards' -> 'Health and Wellbeing Board'."""
    words = name.split()
    return " ".join(words[:-1] + [_singular(words[-1])]) if words else name


def clean_name(text: str) -> str:
    """'Drug and Alcohol Partnership (DAAT) Board' -> 'Drug and Alcohol Partnership Board'."""
    if "(" in text:  # (most names have no brackets: both patterns need one)
        text = BRACKET_FIRST.sub(r"\1 ", text)
        text = BRACKETED.sub(" ", text)
    return " ".join(text.split())


def initials(name: str) -> str:
    """'Fernley Health and Wellbeing Board' -> 'FHWB'."""
    shouted = name.isupper()  # ('POLICING AND COMMUNITY': its small words in capitals too)
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name)
                   if (w[0].isupper() and not shouted)
                   or w.lower() not in ("and", "of", "for", "the", "in"))


@cache
def body_types() -> frozenset[str]:
    """Every type `body_type` may give."""
    return frozenset([kind for _, kind in vocabulary().body_types] + ["organisation"])


def body_type(name: str) -> str:
    """The kind of body a name says it is (vocabulary.json body_types), else 'organisation'."""
    lowered = name.lower()
    for pattern, kind in vocabulary().body_types:
        if pattern.search(lowered):
            return kind
    return "organisation"

def _counted_acronym(words: Words, at: int) -> tuple[int, int | None] | None:
    """'the three CSPs', 'both CSPs': a plural acronym after a count (or 'both'), with the
    determiner before it: (the index it starts at, the count); None for any other word."""
    word = words.text[at]
    if not (len(word) > 2 and word.endswith("s") and word[:-1].isupper()):
        return None
    before = words.lower[max(0, at - 2):at]
    count = next((NUMERALS[w] for w in reversed(before) if w in NUMERALS), None)
    if count is None:
        return None
    start = at - 1
    if start > 0 and words.lower[start - 1] in DETERMINERS and words.lower[start] != "both":
        start -= 1
    return start, count


def _adjective_after(words: Words, i: int,
                     determiners: frozenset[str] | None = None) -> bool:
    """Whether words[i] follows a determiner and one adjective a reference may carry: 'the
    new forum', 'this proposed group' (anaphora.json)."""
    rules = anaphora_rules()
    allowed = determiners or rules.demonstratives | {"the"}
    return i > 1 and words.lower[i - 1] in rules.adjectives and words.lower[i - 2] in allowed


def shared_head_names(name: str) -> list[str]:
    """The bodies a plural name with a shared head lists: 'Eastwick and Hollowmere Health and
    Wellbeing Boards' -> 'Eastwick Health and Wellbeing Board', 'Hollowmere Health and
    Wellbeing Board' ([] for any other name). The places before the first 'and' are single
    capitalised words; what follows the last of them, made singular, names a body."""
    words = name.split()
    if len(words) < 4 or words[-1].lower() not in vocabulary().plural_heads:
        return []
    places, k = [], 0
    while k < len(words):
        word = words[k].rstrip(",")
        if not (word[:1].isupper() and word.isalpha()):
            return []
        places.append(word)
        k += 1
        if words[k - 1].endswith(","):
            continue
        if k < len(words) and words[k].lower() in ("and", "&"):
            k += 1
            if k < len(words) and words[k][:1].isupper():
                places.append(words[k])
                k += 1
            break
        return []
    rest = singular_name(" ".join(words[k:]))
    if len(places) < 2 or len(rest.split()) < 2 or not is_head(rest.split(), len(rest.split()) - 1):
        return []
    return [f"{place} {rest}" for place in places]
