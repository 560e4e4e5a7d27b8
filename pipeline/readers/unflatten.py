"""A paper flattened into one paragraph, cut back into its lines.

PDF-to-text mirrors of council archives, and some web pages, give a whole set of
minutes as one line: "X Board Minutes of the meeting held on ... Present Mr A (Chair)
Cllr B In Attendance Mr C (Clerk) 1. Apologies for absence Apologies were received
from ... 2. Declarations of interest ...". Every extractor reads a paper by its lines
(a label over its list, an item's number at a line's start, a decision under its
item), so such a paper gave nothing but a few stray rows.

`unflatten` cuts a long paragraph at what starts a line in a paper: a run of item
numbers counting up ('1. ', '2. ', '3. '), the title's end after each, attendance
labels, decision keywords in capitals and the minutes' own heading. Only a paragraph
that holds such a run is cut, so a long report paragraph stays whole. Each piece is a
span of the same text (the space before it becomes a line break), so every offset,
and the provenance of every row, still points into the paper as read. The cues are
data: `models/layout/flattened.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.model import BlockKind, Document
from pipeline.readers.cut_lines import cut_blocks
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

RULES = "layout/flattened.json"
#: words after which a capitalised word goes on with the title rather than opening a sentence
TITLE_JOINERS = frozenset({"of", "from", "for", "by", "to", "and", "&", "the", "on", "in",
                           "with", "at", "into", "about", "between"})


@dataclass(frozen=True)
class FlattenedRules:
    min_chars: int
    min_chain: int
    item_number: re.Pattern[str]
    item_number_plain: re.Pattern[str]
    label: re.Pattern[str]
    header: re.Pattern[str]
    header_chars: int
    decision: re.Pattern[str]
    title_openers: frozenset[str]
    title_words: int
    page_footer: re.Pattern[str]
    file_footer: re.Pattern[str]
    heading_words: int
    label_prefix_words: int
    sub_number: re.Pattern[str]


@cache
def flattened_rules() -> FlattenedRules:
    raw = read_json(RULES)
    labels = "|".join(re.escape(label) for label in
                      sorted(raw["labels"], key=len, reverse=True))
    return FlattenedRules(
        raw["min_chars"], raw["min_chain"], compile_cached(raw["item_number"]),
        compile_cached(raw["item_number_plain"]),
        compile_cached(rf"(?<=\s)(?:{labels})(?={raw['person_after_label']})"),
        compile_cached(raw["header"]), raw["header_chars"], compile_cached(raw["decisions"]),
        frozenset(raw["title_openers"]), raw["title_words"], compile_cached(raw["page_footer"]),
        compile_cached(raw["file_footer"]), raw["heading_words"], raw["label_prefix_words"],
        compile_cached(raw["sub_number"]))


def unflatten(document: Document, rules: FlattenedRules | None = None) -> Document:
    """`document` with each flattened paragraph cut into lines (the same object when
    none is): blocks are spans of the text, and the space before each cut becomes a
    line break, so offsets do not move. The run of item numbers may go on from one long
    paragraph to the next (a mirror that keeps a PDF's pages as one line each)."""
    rules = rules or flattened_rules()
    if not any(block.kind is BlockKind.PARAGRAPH and len(block.text) >= rules.min_chars
               for block in document.blocks):
        return document
    # a flattened paper's shorter items are paragraphs too ('5. Air Services – Summer
    # Timetable After consideration of a report ...' between two long ones): the run is
    # looked for in paragraphs of a third of the length, and must take in a long one
    long = [n for n, block in enumerate(document.blocks) if block.kind is BlockKind.PARAGRAPH
            and len(block.text) >= rules.min_chars // 3]
    run = _numbered_run(document, long, rules.item_number, rules.sub_number)
    if len(run) < rules.min_chain:
        run = _numbered_run(document, long, rules.item_number_plain)
    if len(run) < rules.min_chain or all(
            len(document.blocks[where].text) < rules.min_chars for where, _, _ in run):
        return document
    starts = {(where, at) for where, at, _ in run} | _sub_numbers(document, run, rules)
    first = long[0]
    return cut_blocks(document, lambda n, block: _cuts(
        block.text, sorted(at for where, at in starts if where == n), rules, header=n == first)
        if n in long else [])


#: an item's or a paragraph's number standing as a word ('4.', '4.1'; not a date's '10')
_NUMBER_WORD = re.compile(r"\d{1,4}\.(?:\d{1,2}\.?)?")

#: a word in capitals that may lead a label in capitals ('PSNI', 'OFFICIALS', "BOARD'S")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’&-]+")


def _label_start(text: str, start: int, label: str, rules: FlattenedRules) -> int:
    """Where a label starts: 'IN ATTENDANCE' in capitals takes the words in capitals just
    before it, that say who attends ('PSNI IN ATTENDANCE', 'OFFICIALS IN ATTENDANCE')."""
    if not label.isupper() or not label.startswith("IN "):
        return start
    for _ in range(rules.label_prefix_words):
        before = text.rfind(" ", 0, start - 1) + 1
        if start < 2 or not _CAPS_WORD.fullmatch(text[before:start - 1]):
            break
        start = before
    return start


def _sub_numbers(document: Document, run: list[tuple[int, int, int]],
                 rules: FlattenedRules) -> set[tuple[int, int]]:
    """(block, offset) of each paragraph number under an item of the run, between its
    item's number and the next's ('3. MATTERS ARISING 3.1 Stop and Search ... 3.2 ...')."""
    found: set[tuple[int, int]] = set()
    for k, (where, at, number) in enumerate(run):
        text = document.blocks[where].text
        end = run[k + 1][1] if k + 1 < len(run) and run[k + 1][0] == where else len(text)
        found.update((where, m.start()) for m in rules.sub_number.finditer(text, at, end)
                     if int(m.group("number")) == number)
    return found


def _cuts(text: str, numbers: list[int], rules: FlattenedRules, header: bool) -> list[int]:
    """Where the pieces of a flattened paragraph start (after a space), in order:
    `numbers` are the starts of its item numbers; `header`: the first such paragraph,
    where the minutes' own heading may follow the body's name."""
    cuts = set(numbers)
    titles = set()  # where each title starts: an item titled 'Apologies' is no label
    for start in numbers:
        if (end := _title_end(text, start, rules)) is not None:
            cuts.add(end)
        if number := rules.item_number.match(text, start) or rules.item_number_plain.match(
                text, start):
            titles.add(number.end())
    cuts.update(_label_start(text, m.start(), m.group(), rules)
                for m in rules.label.finditer(text) if m.start() not in titles)
    cuts.update(m.start() for m in rules.decision.finditer(text))
    for start in numbers:
        if (heading := _heading_before(text, start, rules)) is not None:
            cuts.add(heading)
    for footers in (rules.page_footer, rules.file_footer):
        for footer in footers.finditer(text):
            cuts.update((footer.start(), footer.end() + 1))
    if header and (found := rules.header.search(text, 0, rules.header_chars)):
        cuts.add(found.start())
    return sorted(cut for cut in cuts if 0 < cut < len(text) and text[cut - 1] == " ")


def _numbered_run(document: Document, long: list[int], pattern: re.Pattern[str],
                  sub_number: re.Pattern[str] | None = None) -> list[tuple[int, int, int]]:
    """The longest run of item numbers counting up by one, in reading order, over the
    long paragraphs `long` (by their place in the document's blocks), as (block, offset,
    number) of each: '1. Apologies', '2. Declarations', ... A number in a sentence
    ('item 6', '4.2p') is none, and a stray '12. ' rarely has its 11 and 13 in order
    around it. With `sub_number`, an item's first paragraph number ('2.1 DRAFT MINUTES')
    stands for the item's where the minutes print none."""
    best: dict[int, list[tuple[int, int, int]]] = {}  # number -> the longest run ending in it
    longest: list[tuple[int, int, int]] = []
    for n in long:
        text = document.blocks[n].text
        found = [(m.start(), int(m.group("number"))) for m in pattern.finditer(text)]
        if sub_number is not None:
            found += [(m.start(), int(m.group("number"))) for m in sub_number.finditer(text)
                      if m.group("part") == "1"]
        for start, number in sorted(found):
            run = [*best.get(number - 1, []), (n, start, number)]
            if len(run) > len(best.get(number, [])):
                best[number] = run
            if len(run) > len(longest):
                longest = run
    return longest


def _title_end(text: str, start: int, rules: FlattenedRules) -> int | None:
    """Where an item's title ends and its first sentence starts: before the first word,
    within a title's length, that opens a sentence ('The', 'There', 'Mr', 'RESOLVED')
    or repeats the title's first word; None when none does, or when what follows the
    number is a sentence itself (a paragraph numbered under an unnumbered heading)."""
    words = list(re.finditer(r"\S+", text[start:start + 200]))
    if len(words) < 3:
        return None
    if words[1].group() in rules.title_openers:
        return None  # '1. The Convener welcomed Members': a numbered paragraph, no title
    first = words[1].group().casefold().rstrip(",.;:")  # (words[0] is the number)
    for before, word in zip(words[1:rules.title_words + 1], words[2:rules.title_words + 2],
                            strict=False):
        token = word.group()
        # 'Questions from Members', 'Report of The Director': a title's own words
        if before.group()[-1:] in ".;:" or before.group()[-1:] == "," and not before.group(
                ).isupper():
            return None  # 'Ewan McAskill left the room. The Board ...': a sentence (not
            # a title in capitals with its comma, 'APOLOGIES, ETC')
        if before.group() not in TITLE_JOINERS and (
                token in rules.title_openers or token.casefold() == first):
            return start + word.start()
        if token[:1].isdigit() and _NUMBER_WORD.fullmatch(token):
            return None  # the next item's or paragraph's number: a title with no text under it
    return None


#: a sentence's end: a full stop after a word of three letters or more (not 'Mr H.', 'No.')
SENTENCE_END = re.compile(r"(?<=\w\w\w)[.!?]\s+(?=[A-Z])")


def _heading_before(text: str, start: int, rules: FlattenedRules) -> int | None:
    """Where an unnumbered heading starts that is glued to the end of the paragraph
    before the number at `start` ('... noted as above. Minutes of Last Meeting 2. Agreed'):
    the words after the last sentence's end, when they read as a title; None else."""
    window = text[max(0, start - 160):start]
    ends = list(SENTENCE_END.finditer(window))
    if not ends:
        return None
    tail = window[ends[-1].end():].rstrip()
    words = tail.split()
    if not words or len(words) > rules.heading_words or tail[-1:] in ".,;:" or any(
            word in rules.title_openers for word in words):
        return None
    significant = [w for w in words if w.casefold() not in TITLE_JOINERS]
    if sum(w[:1].isupper() or w[:1].isdigit() for w in significant) * 2 < len(significant):
        return None  # 'Members asked about the cost' is a sentence's start, no heading
    return start - len(window) + ends[-1].end()
