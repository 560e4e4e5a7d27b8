"""Shapes of single attendance lines that the walk (`attendance.py`) asks about: a line of
titled people only, numbered lines run together into one paragraph, and a list line that
ends inside a name and runs on into the next."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.people.attendance_sentences import (
    list_end,
    sentence_end,
    substitute_sentence,
)
from pipeline.extractors.people.labels import cue, item_title
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.vocabulary import (
    alternation,
    data,
    lone_honorific,
    pattern,
    vocab,
)
from pipeline.model import Block, BlockKind
from pipeline.regex_cache import compile_cached, longest_first

_DOT_DIGIT = compile_cached(r"\.\d")
#: '1.2 Present: ...' at the start or after a space: `(?:(?<=\s)|^)\d` turned round, the
#: digit first (so that a search only tries digits) and then no non-space before it
_SUB_NUMBER = compile_cached(r"\d(?<!\S\d)\d{0,2}\.\d{1,3}\s+(?=[A-Z])")


def titled_line(text: str) -> bool:
    """A line that is nothing but titled people ('Councillor A Bell', 'Aldermen B Carr and
    D Ennis'), whatever its style."""
    people = (parse_list(text, 0, len(text)) if list_end(text, 0, len(text)) == len(text)
              else None) or []
    return bool(people) and (all(person.titled for person in people) or text.split()[0]
                             .casefold() in vocab()["plural"])  # "Aldermen B Carr, D Ennis"


def sub_numbered(block: Block) -> list[Block]:
    """A paragraph run together from numbered lines, one of them a label ('1.1 Welcome
    1.2 Present: A, B 1.3 Apologies: C'): its lines as blocks of their own; else none."""
    text = block.text
    if not _DOT_DIGIT.search(text):
        return []  # no '1.2' to cut at (the regex's dot and the digit after it)
    marks = [m.start() for m in _SUB_NUMBER.finditer(text)]
    if len(marks) < 2 or not any(cue(text[a:b]) for a, b in zip(marks, [*marks[1:], len(text)],
                                                                 strict=True)):
        return []
    cuts = ([0] if marks[0] else []) + marks + [len(text)]
    return [replace(block, text=text[a:b].rstrip(), start=block.start + a,
                    end=block.start + a + len(text[a:b].rstrip()))
            for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def wrapped(block: Block, following: Block, section: object) -> bool:
    """A list line under a label that ends inside a name, on an honorific or an initial
    ('Cllr Mrs V' / 'Penrose, Cllr E Ford'): the next line continues it."""
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    if not section or block.kind not in kinds or following.kind not in kinds:
        return False
    # the line's last word: what `(?:^|[\s,(])(\S+)$` finds in it, read from its end
    tail = block.text.rsplit(None, 1)
    word = tail[-1] if tail else ""
    if not (re.fullmatch(r"[A-Z]\.?", word) or lone_honorific(word)):
        return False
    nxt = following.text.lstrip()
    return bool(re.match(r"[A-Z]", nxt)) and not cue(nxt) and item_title(following, None) is None


@cache
def sub_labels() -> dict[str, re.Pattern[str]]:
    """Plural honorifics as sub-labels ('Councillors:', 'Cyng/Cllrs.:'): after a list
    ('after'), opening one ('lead'), or alone with the words that, like them, head a list
    of lone surnames ('bare': 'Members:')."""
    words = {w.rstrip(".") for w in data("names")["plural_honorifics"]} - {"Messrs"}
    plural = "|".join(re.escape(w) for w in sorted(words, key=longest_first))
    members = alternation(data("cues")["member_sublabels"])
    return {"after": compile_cached(rf"(?<=\S)\s+(?:{plural})\.?\s*:\s*(?=\S)"),
            "lead": compile_cached(rf"\s*(?:{plural})\.?\s*[:,]\s*(?=\S)"),
            "bare": compile_cached(rf"\s*(?:{plural}|{members})\.?\s*:?\s*")}


#: 'Label – value' in words that name no person (no honorific, no initial); not 'Area:
#: value', which a forum's record writes one area a line
FIELD_LINE = compile_cached(r"\s*[A-Z][a-z'’]+(?:\s+[a-z'’]+|\s+[A-Z][a-z'’]+){0,5}\s+[–—-]\s+\S")
#: a place and a spaced dash before titled names ("Glenesk - Mrs N. Baird, Mr F. Skene")
PLACE_LEAD = compile_cached(
    r"(?:[A-Z][\w'’.]*\s+(?:(?:and|&|of|on|the|upon)\s+)?){0,3}[A-Z][\w'’]*"
    r"\s+[-–—]\s+(?=(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllrs?|CCllr|CClr|Councillor|Rev|Revd|Prof|Sir|Dame)\b)")

#: the item a guest came for, before the titled names on their line ("Item 5.2: Mr N
#: Drummond, Solicitor for the Applicant") under an 'Also in attendance' label
ITEM_LEAD = compile_cached(
    r"(?:agenda\s+)?item\s+\d{1,3}(?:\.\d{1,2})?[a-z]?\s*[:\-–—]\s*"
    r"(?=(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllrs?|CCllr|CClr|Councillor|Rev|Revd|Prof|Sir|Dame)\b)", re.I)


@cache
def apology_gate() -> LiteralGate:
    """Whether a block may hold an apology sentence ('apolog'): its words, found without
    the sentence's search."""
    return LiteralGate([pattern("apology_sentence")])


_BRACKETED = re.compile(r"\([^()]*\)")


def substitute_statement(text: str, start: int) -> bool:
    """Whether the sentence from `start` tells of a substitute with its verb straight after
    the first name ('Mr B Ellery attended as a substitute for Mr G Ransome.'): no entry of
    an apologies list, as 'Cllr A, for whom Cllr B was substitute;' is."""
    sentence = text[start:sentence_end(text, start)]
    # (a note in brackets is no verb of the sentence: 'Mark Sedgwick (Carys Lowe attending
    # as nominated substitute), Helen Stansfield' is a list)
    return substitute_sentence(sentence) and bool(
        pattern("substitute_verb").search(_BRACKETED.sub("", sentence.split(",")[0])))
