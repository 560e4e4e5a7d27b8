"""A table of people with an initials column, flattened into one paragraph, cut back
into its rows.

Partnership, LEP and NHS boards minute attendance as a table: name, the person's
initials (used in the action column), then their role or organisation. A PDF-to-text
mirror or a copied web page runs the rows together: "Directors Representing Gareth
Whitlow GW Private Sector Priya Sandhu PS Private Sector Cllr Ruth Okafor RO Marchfield
District Councils ...". Each row starts at a name followed by its own initials, which
a role's capitals ('GP', 'MEP') are not, so the rows can be found again. Each row is
then a line 'Name INITIALS Role', as `extractors/people/coded_lines.py` reads it.
The pieces are spans of the same text, as in `unflatten`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.model import Block, BlockKind, Document
from pipeline.readers.cut_lines import cut_blocks
from pipeline.rules import read_json

_WORD = re.compile(r"\S+")
#: two or three capitals standing alone: `(?<!\S)[A-Z]{2,3}(?!\S)` with its first capital
#: taken before the look back, so the search skips to capitals (twice as fast on a paper)
_CODE_WORD = re.compile(r"[A-Z](?<!\S[A-Z])[A-Z]{1,2}(?!\S)")
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|Mc[A-Z][a-z]+|O'[A-Z][a-z]+")


@dataclass(frozen=True)
class CodedRowRules:
    min_rows: int  # (two could be a sentence's 'Ann Bell AB and ...')
    honorifics: frozenset[str]
    not_name_words: frozenset[str]


@cache
def coded_row_rules() -> CodedRowRules:
    raw = read_json("layout/coded_rows.json")
    return CodedRowRules(raw["min_rows"], frozenset(raw["honorifics"]),
                         frozenset(raw["not_name_words"]))


def split_coded_rows(document: Document) -> Document:
    """`document` with each paragraph that runs three or more 'Name INITIALS' rows
    together cut before each row (the same object when none does)."""
    if not any(block.kind is BlockKind.PARAGRAPH and len(block.text) > 80
               for block in document.blocks):
        return document
    rules = coded_row_rules()

    def rows(n: int, block: Block) -> list[int]:
        starts = _row_starts(block.text, rules) if block.kind is BlockKind.PARAGRAPH else []
        return starts if len(starts) >= rules.min_rows else []
    return cut_blocks(document, rows)


def _row_starts(text: str, rules: CodedRowRules) -> list[int]:
    """Where each 'Name INITIALS' row starts (at its honorific, if any), in order."""
    # most paragraphs hold fewer codes than a table has rows: count them before splitting
    # the paragraph into words
    code_starts = [found.start() for found in _CODE_WORD.finditer(text)]
    if len(code_starts) < rules.min_rows:
        return []
    words = list(_WORD.finditer(text))
    index_at = {word.start(): k for k, word in enumerate(words)}
    starts: list[int] = []
    for k in (index_at[start] for start in code_starts):
        word = words[k]
        if k < 2:
            continue
        first = _name_before(words, k, word.group())
        if first is None or words[k - 1].group() in rules.not_name_words:
            continue
        if first and words[first - 1].group() in rules.honorifics:
            first -= 1
        if not starts or words[first].start() > starts[-1]:
            starts.append(words[first].start())
    return starts


def _name_before(words: list[re.Match[str]], k: int, code: str) -> int | None:
    """The index of the first word of the name just before the code at `k` whose
    initials the code gives (all of them, or the first and last: 'JS' for 'Jane Mary
    Smith'); the shortest such name, of two to four words; None when there is none."""
    for size in range(2, 5):
        first = k - size
        if first < 0:
            return None
        name = [w.group() for w in words[first:k]]
        if not all(_NAME_WORD.fullmatch(w) for w in name):
            return None
        initials = "".join(w[0] for w in name)
        if code in (initials, initials[0] + initials[-1]):
            return first
    return None
