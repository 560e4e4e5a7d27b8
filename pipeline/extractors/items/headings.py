"""Numbered agenda / minute items, and the decisions recorded under them.

An item heading is found by its shape, never by the paper's name or format: a
number as councils print them ("87.", "3.2", "5a", "41/24", "DEV12/24", "2503.04",
"Minute 45", "Item 6a", a number cell in a "No. | Item" table, a number alone on a
line above its title) followed by a short, title-like line. Four checks keep
numbered text that is not an item out:

- shape: a title is short and does not read as a sentence (numbered paragraphs,
  reasons and decision parts do: "1. Noted the report.", "2.1 The gate was replaced.");
- order: item numbers rise through a paper, so only the heaviest rising sequence of
  candidates is kept (a "58/25 | Name" officers table above the minutes, or a
  "5.2: Mr X" declaration under item 2, falls out);
- lists: numbered rows of one table with nothing between them weigh little;
- kind: a report ("Report of:", "Purpose", "Recommendations", "Background" ...) has
  sections, not items.

A page with no numbered heading but one "Minutes:" label is a single agenda-item
page: its title line gives one item numbered "". Rules are data in
`models/items/items.json`; decisions are found by `pipeline.extractors.items.decisions`.
"""

from __future__ import annotations

import re

from pipeline.extractors.items.decisions import block_hits, extract_decisions
from pipeline.extractors.items.item_rules import Item, ItemRules, rules
from pipeline.extractors.items.numbering import (
    drop_page_headers,
    sequences,
    strip_page_numbers,
)
from pipeline.extractors.items.numbering import number_key as _number_key
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document

# Weight of a numbered row inside a run of numbered rows: kept when nothing else is
# numbered (an agenda laid out as one table), outweighed by any run of real headings.
LIST_WEIGHT = 0.2
SHORT_TITLE = 8  # words: longer sentence-case lines after a bare number read as text

__all__ = ["Item", "ItemRules", "extract_items", "find_items", "number_key", "rules"]


def extract_items(document: Document, items: list[Item] | None = None
                  ) -> dict[str, list[dict]]:
    """Items (number, title) and decisions (item, kind, text), each with provenance.

    `items` are the paper's item headings when the sections component has found them.
    Extra columns: `rule` names the pattern that found the row.
    """
    if items is None:
        items = find_items(document)
    blocks = document.blocks
    item_rows = []
    for item in items:
        block, title_block = blocks[item.index], blocks[item.title_block]
        row = {"number": item.number, "title": item.title}
        # The span covers the number's line and, for a lone number, the title line below.
        row.update(provenance(block, 0, max(block.end, title_block.end) - block.start))
        row["rule"] = item.rule
        item_rows.append(row)
    headings = {item.index: item.number for item in items}
    headings.update({item.title_block: item.number for item in items})
    return {"items": item_rows, "decisions": extract_decisions(document, headings)}


def find_items(document: Document) -> list[Item]:
    """The paper's item headings in reading order (empty for a report)."""
    if is_report(document):
        return []
    blocks = document.blocks
    candidates = [c for i in range(len(blocks)) if (c := _candidate(blocks, i)) is not None]
    # a line that is a lone number's title is not a heading of its own ("4.1" / "Minute 6 - ...")
    titles = {c.title_block for c in candidates if c.title_block != c.index}
    candidates = [c for c in candidates if c.index not in titles]
    candidates = drop_page_headers(candidates, blocks, rules())
    _damp_lists(blocks, candidates)
    items = sequences(candidates, blocks, rules())
    minor = [c for c in items if c.rule in rules().minor_styles]
    if minor and 2 * len(minor) < len(items):
        # "(1) Present:" above minutes numbered 110, 111 ...: a list, not the paper's items
        candidates = [c for c in candidates if c.rule not in rules().minor_styles]
        items = sequences(candidates, blocks, rules())
    if not items:
        single = _single_item(blocks)
        return [single] if single else []
    items = _fill_gaps(blocks, items)
    strip_page_numbers(items, rules())
    return items


def _fill_gaps(blocks: list[Block], items: list[Item]) -> list[Item]:
    """Headings the title checks missed where the numbering has a gap: between items 55
    and 57, a line numbered 56 in the same style is item 56 however long its title (up to
    `gap_title` words) and even when it holds a verb ("56. Notes of the meeting held on
    ... to be approved and signed by the Chair"); it must still not read as a sentence."""
    taken = {i for item in items for i in (item.index, item.title_block)}
    out: list[Item] = []
    for before, after in zip(items, items[1:] + [None], strict=True):
        out.append(before)
        if after is None:
            continue
        low, high = number_key(before.number), number_key(after.number)
        if not low < high or len(low) != len(high) or high[-1] - low[-1] < 2:
            continue
        shapes = {_shape(before.number), _shape(after.number)}
        found: list[Item] = []
        for index in range(before.title_block + 1, after.index):
            if index in taken:
                continue
            candidate = _candidate(blocks, index, loose=True)
            if (candidate is None or _shape(candidate.number) not in shapes
                    or not low < number_key(candidate.number) < high
                    or (found and number_key(candidate.number) <= number_key(found[-1].number))):
                continue
            found.append(candidate)
            taken.update((candidate.index, candidate.title_block))
        out.extend(found)
    return out


def _shape(number: str) -> str:
    return re.sub(r"\d+", "0", number)


def is_report(document: Document) -> bool:
    """Whether the paper reads as a report: its section labels outweigh minutes' labels."""
    report, minutes = kind_cues(document)
    return sum(report.values()) >= 2 and sum(report.values()) > sum(minutes.values())


def kind_cues(document: Document) -> tuple[dict[str, int], dict[str, int]]:
    """The report cues and the minutes cues the paper shows, each id with its weight."""
    r = rules()
    report: dict[str, int] = {}
    minutes: dict[str, int] = {}
    numbered, min_words, min_count, numbered_weight = r.numbered_paragraphs
    paragraphs = 0
    for block in document.blocks:
        text = _plain(block)
        words = len(text.split())
        if words >= min_words and numbered.match(text):
            paragraphs += 1
        if "decisions" not in minutes and block.kind is not BlockKind.TABLE_ROW and (
                block_hits(document, block)):
            minutes["decisions"] = r.decisions_weight
        # Section labels are short lines; only "the meeting closed" is read in body text.
        short = words <= 16
        for cue_id, weight, pattern in r.report_cues:
            if short and pattern.search(text):
                report.setdefault(cue_id, weight)
        for cue_id, weight, pattern in r.minutes_cues:
            if (short or cue_id == "meeting-closed") and pattern.search(text):
                minutes.setdefault(cue_id, weight)
    if paragraphs >= min_count:
        report["numbered-paragraphs"] = numbered_weight
    return report, minutes


def _plain(block: Block) -> str:
    return " ".join(block.text.replace("\t", " ").split())


def _candidate(blocks: list[Block], index: int, loose: bool = False) -> Item | None:
    """The item heading the block opens, if any; `loose`: a line where the numbering has
    a gap, whose title may be longer and hold a verb (see `is_title`)."""
    block = blocks[index]
    if block.kind is BlockKind.TABLE_ROW:
        return _table_candidate(blocks, index, loose)
    text = block.text.strip().strip("*").strip()
    for rule_id, pattern, strict in rules().patterns:
        found = pattern.match(text)
        if not found:
            continue
        r = rules()
        number = found.group("num").rstrip(".")
        if any(p.match(number) for p in r.not_numbers):
            return None
        title = r.agenda_number.sub("", r.run_on.split(found.group("title").strip(), maxsplit=1)[0])
        if r.clock_time.match(number) and (r.clock_closing.match(title) or not (
                _upper(title) or _title_case(title))):
            return None  # "19.30 The meeting closed" is a time, "19.27 PLANNING" an item
        if rule_id == "letters-number" and re.match(r"\d[A-Z]{2}\b", title):
            return None  # a postcode ("SA31 1JP")
        if strict and _address(title):
            return None  # "14 Market Street, Oakham"
        agenda = bool(r.page_range.search(title))  # "CO-LEADERS' REPORT 13 - 15"
        title = r.page_range.sub("", title)
        title = _split_run_on(title)
        if rule_id in r.full_stop_patterns and title.endswith(".") and not agenda:
            return None  # "1.1 There were no declarations." is a numbered paragraph
        if _after_colon(blocks, index) and title.endswith((".", ";")):
            return None  # a numbered part of the list the line above introduces
        if rule_id in r.minor_styles and (_after_colon(blocks, index) or any(
                pattern.match(blocks[j].text.strip()) for j in (index - 1, index + 1)
                if 0 <= j < len(blocks))):
            return None  # "RESOLVED:" / "(1) Agree ..." / "(2) Approve ...": a list
        return _item(blocks, index, number, title, rule_id, strict, relaxed=agenda,
                     loose=loose)
    return None


def _address(title: str) -> bool:
    """Whether a line after a bare number reads as a street address ("Market Street",
    "Church Lane, Oakham", "Mill Road - dismissed"): its name, before any comma or
    spaced dash, ends in a street word."""
    name = re.split(r",|\s[-\u2013\u2014]\s", title)[0].strip().rstrip(".")
    words = name.split()
    return 2 <= len(words) <= 5 and words[-1].casefold() in rules().address_words


def _split_run_on(title: str) -> str:
    """A heading run on into its text ("Street lighting  Reported – the Clerk had ..."):
    the heading part, where the rest reads as a sentence and the whole is no title."""
    r = rules()
    found = r.run_on_split.search(title)
    if not found or is_title(title):
        return title
    head, rest = title[:found.start()].strip(), title[found.end():]
    words = {w.casefold().strip(",.;:()") for w in rest.split()}
    if head and is_title(head) and len(words) >= 3 and words & r.verb_words:
        return head
    return title


def _table_candidate(blocks: list[Block], index: int, loose: bool = False) -> Item | None:
    """A row whose first filled cell is a number and whose next filled cell is a title
    (a lone number cell takes the next line as its title, like "PLA46/23" alone)."""
    cells = [c.strip() for c in blocks[index].cells]
    if cells and not cells[0]:
        cells = cells[1:]  # tab-indented text ("\t14.\tTitle") gives an empty first cell
    number = _cell_number(cells[0]) if cells else None
    if not number:
        return None
    rest = [c for c in cells[1:] if c]
    if len(cells) > 1 and not rest:
        return None
    return _item(blocks, index, number, rest[0] if rest else "", "table-number", False,
                 relaxed=True, loose=loose)


def _item(blocks: list[Block], index: int, number: str, title: str, rule: str,
          strict: bool, relaxed: bool = False, loose: bool = False) -> Item | None:
    """The item, if its title (on its line, or the next line when empty) is title-like.

    `relaxed`: the line is known to be a title (a number cell's neighbour, an agenda line
    with its pages), so a full stop does not make it a sentence."""
    title_block = index
    if not title:
        title, title_block = _next_title(blocks, index)
        relaxed = relaxed or _labelled(blocks, title_block)
        if not is_title(title, relaxed, loose):
            above = _title_above(blocks, index)
            if above is None:
                return None
            title, title_block = above
            return Item(index, number, title, rule, _weight(blocks, index, index, title),
                        title_block)
    if not is_title(title, relaxed, loose):
        return None
    title, title_block = _wrapped(blocks, title_block, title)
    title = clean_title(title)
    weight = _weight(blocks, index, title_block, title)
    if strict and not (_emphasised(blocks[index]) or _upper(title) or _title_case(title)):
        # "1 Welcome and apologies": no full stop, tab or emphasis to mark the number, and
        # a sentence-case title; kept only where no better-marked candidate competes.
        if len(title.split()) > SHORT_TITLE and not loose:
            return None
        weight /= 2
    return Item(index, number, title, rule, weight, title_block)


def _wrapped(blocks: list[Block], index: int, title: str) -> tuple[str, int]:
    """A title that wrapped onto the next lines, as a line ending in "the", "of", "and" ...
    or a next line starting in lower case shows ("9 To consider a petition from residents
    asking for the" / "Formation of a Youth Club"): the title joined with those lines, and
    the line it ends on."""
    r = rules()
    for _ in range(r.wrap_lines):
        words = clean_title(title).split()
        after = index + 1
        if not words or after >= len(blocks) or title.rstrip().endswith((".", ":", ";")):
            break
        block = blocks[after]
        text = block.text.strip()
        # "... accept apologies and" / "the reasons ...", "... Act 2011" / "and consider ..."
        # (not a description under a linked title: "Minutes PDF 138 KB" / "of the ... .")
        if not (words[-1].casefold() in r.dangling_words or (
                text[:1].islower() and not text.endswith(".") and _head(title) == " ".join(
                    title.replace("\t", " ").split()).strip("*").strip())):
            break
        if (block.kind is BlockKind.TABLE_ROW or not text[:1].isalnum()
                or len(text.split()) > r.wrap_words
                or any(p.match(text) for p in r.skip_lines + r.item_labels)
                or any(p.match(text) for _, p, _ in r.patterns)):
            break
        joined = f"{clean_title(title)} {text}"
        if not is_title(joined, relaxed=True, loose=True):
            break
        title, index = joined, after
    return title, index


def _cell_number(text: str) -> str | None:
    found = rules().cell_number.match(text)
    if not found or any(p.match(found.group("num")) for p in rules().not_numbers):
        return None
    return found.group("num")


def _title_above(blocks: list[Block], index: int) -> tuple[str, int] | None:
    """The title printed above a lone number whose next line is text, not a title
    ("APOLOGIES" / "PLA146/25" / "Apologies were recorded from ..."): a capitalised
    heading line, joined with the line above it where that one ends in "of", "for" ...
    (a heading that wrapped). The title block returned is the first line of the title."""
    r = rules()
    j = index - 1
    if j < 0 or blocks[j].kind is BlockKind.TABLE_ROW:
        return None
    text = blocks[j].text.strip().strip("*").strip()
    if (not is_title(text) or text.endswith(".") or any(p.match(text) for _, p, _ in r.patterns)
            or any(p.match(text) for p in r.skip_lines + r.item_labels)
            or not (_emphasised(blocks[j]) or _upper(text) or _title_case(text))):
        return None
    if j > 0 and blocks[j - 1].kind is not BlockKind.TABLE_ROW:
        before = blocks[j - 1].text.strip()
        words = before.split()
        if (words and words[-1].casefold() in r.dangling_words
                and not any(p.match(before) for _, p, _ in r.patterns)
                and is_title(f"{before} {text}", relaxed=True, loose=True)):
            return clean_title(f"{before} {text}"), j - 1
    return clean_title(text), j


def _next_title(blocks: list[Block], index: int) -> tuple[str, int]:
    for j in range(index + 1, min(index + 3, len(blocks))):
        text = blocks[j].text.strip().strip("*").strip()
        if blocks[j].kind is BlockKind.TABLE_ROW:
            text = " ".join(c for c in blocks[j].cells if c.strip())
        if any(p.match(text) for p in rules().skip_lines):
            continue
        return text, j
    return "", index


def _head(title: str) -> str:
    """The heading part of a line: without a run-on first part or link furniture."""
    title = " ".join(title.replace("\t", " ").split()).strip("*").strip()
    title = rules().run_on.split(title, maxsplit=1)[0]
    for _ in range(2):  # "Title (Agenda Item 1) PDF 12 KB": each ends the line in turn
        title = rules().strip.sub("", title)
    return title


def clean_title(title: str) -> str:
    """The title as printed, without the trailing colon or full stop of a heading."""
    title = _head(title)
    title = re.sub(r"\s*(:-|:|\.|;|\s[-\u2013\u2014])\s*$", "", title)
    return title.strip()


def _labelled(blocks: list[Block], index: int) -> bool:
    """Whether a ModernGov label ("Minutes:", "Additional documents:") follows the line."""
    return any(p.match(b.text.strip()) for b in blocks[index + 1:index + 4]
               for p in rules().item_labels)


def is_title(title: str, relaxed: bool = False, loose: bool = False) -> bool:
    """A heading-like line: short, capitalised, not a sentence, date, time or amount.

    Give the line as printed: a closing full stop is what shows a sentence (unless
    `relaxed`: the line is known to be a title, as in a "No. | Item" table). `loose`: the
    line's number fills a gap in the paper's numbering, so the title may be as long as
    `gap_title` allows and hold a verb ("... to be approved"), but not end as a sentence.
    """
    r = rules()
    title = _head(title).rstrip(":-\u2013 ")
    if relaxed:
        title = title.rstrip(".;")
    max_words, max_chars = r.gap_title if loose else (r.max_words, r.max_chars)
    if not title or len(title) > max_chars:
        return False
    words = title.split()
    if len(words) > max_words:
        return False
    first = words[0].casefold().strip(",.;:()")
    if first in r.bad_first_words or not (title[0].isupper() or title[0].isdigit()
                                           or title[0] in "'\"\u2018\u201c("):
        return False
    if sum(ch.isalpha() for ch in title) < 3 or title.endswith((",", ";")):
        return False
    if first in r.decision_verbs and (len(words) == 1 or not words[1][:1].isupper()):
        return False  # "1. Noted the contents of the report." is a decision's part
    # verbs of a sentence are written in lower case ("May" in a date is a month)
    lowered = {w.casefold().strip(",.;:()") for n, w in enumerate(words)
               if n == 0 or not w[:1].isupper()}
    if first in r.sentence_starts and lowered & r.verb_words:
        return False  # "1.1 It was" opens a numbered paragraph
    if r.agenda_wording.match(title):
        return True  # "5. To approve the minutes of the meeting held on 2 April 2024."
    if title.endswith(".") and len(words) >= 3 and lowered & r.verb_words:
        return False  # "No declarations of lobbying were made."
    if loose:
        # a title ending in a full stop is still a numbered sentence if a verb shows it
        return not (title.endswith(".") and len(words) > r.sentence_words
                    and lowered & r.verb_words)
    if title.endswith(".") and len(words) > r.sentence_words:
        return False
    return not (len(words) > r.verb_min_words and lowered & r.verb_words)


def _after_colon(blocks: list[Block], index: int) -> bool:
    return index > 0 and blocks[index - 1].text.rstrip().endswith((":", ":-"))


def _upper(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title_case(title: str) -> bool:
    """Most significant words capitalised, as in "Apologies for Absence"."""
    words = [w for w in title.split() if w.casefold() not in rules().minor_words]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and capitalised / len(words) >= rules().title_case_share


def _emphasised(block: Block) -> bool:
    return block.kind is BlockKind.HEADING or block.bold


def _weight(blocks: list[Block], index: int, title_block: int, title: str) -> float:
    """How sure we are, to choose between candidates with clashing numbers: emphasis, a
    capitalised title and body text after it make a heading likelier; a full stop less so
    ("1) To note the report." under a motion)."""
    weight = 1.0
    if _emphasised(blocks[index]) or _emphasised(blocks[title_block]) or _upper(title):
        weight += 0.5
    elif _title_case(title):
        weight += 0.25
    after = title_block + 1
    if after < len(blocks) and blocks[after].kind is not BlockKind.TABLE_ROW:
        weight += 0.25
    if _head(blocks[title_block].text).endswith("."):
        weight -= 0.5
    return weight


def _damp_lists(blocks: list[Block], candidates: list[Item]) -> None:
    """Numbered rows of one table with no text between them are a list (members, votes,
    officers by item), weaker evidence than headings that each open a section."""
    by_index = {c.index: c for c in candidates}
    for candidate in candidates:
        block = blocks[candidate.index]
        if block.table is None:
            continue
        for neighbour in (candidate.index - 1, candidate.index + 1):
            other = by_index.get(neighbour)
            if other is not None and blocks[neighbour].table == block.table:
                candidate.weight = LIST_WEIGHT
                break


def number_key(number: str) -> tuple[int, ...]:
    """Sortable key: "5" < "5.1" < "5a" < "6"; "41/24", "DEV12/24" sort on 41 and 12."""
    return _number_key(number, rules())


def _single_item(blocks: list[Block]) -> Item | None:
    """A one-item page (ModernGov agenda-item view): the title above its only label."""
    r = rules()
    labels = [i for i, b in enumerate(blocks)
              if b.kind is not BlockKind.TABLE_ROW and any(p.match(b.text.strip())
                                                           for p in r.single_item_labels)]
    if len(labels) != 1:
        return None
    floor = max(-1, labels[0] - 6)
    for j in range(labels[0] - 1, -1, -1):
        if j <= floor:
            break
        text = blocks[j].text.strip()
        if any(p.match(text) for p in r.item_labels):
            floor = max(-1, j - 6)  # "Decision:" / "Agreed." above "Minutes:": look above it
            continue
        if any(p.match(text) for p in r.single_item_skip) or text.endswith("."):
            continue
        title = clean_title(text)
        if blocks[j].kind is not BlockKind.TABLE_ROW and is_title(text):
            return Item(j, "", title, "single-item-page", 1.0, j)
        return None
    return None
