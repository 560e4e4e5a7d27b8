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

from pipeline.extractors.items.decisions import extract_decisions, keyword_hits
from pipeline.extractors.items.item_rules import Item, ItemRules, number_starts, rules
from pipeline.extractors.items.numbering import (
    deeper_number,
    drop_contents,
    drop_nested_lists,
    drop_page_headers,
    drop_repeated_heads,
    lettered_candidates,
    lettered_parts,
    sequences,
    strip_page_numbers,
)
from pipeline.extractors.items.numbering import number_key as _number_key
from pipeline.extractors.items.paper_kind import is_report
from pipeline.extractors.items.row_text import strip_bars
from pipeline.extractors.items.titles import (
    OneLine,
    after_colon,
    clean_title,
    cut_run_on,
    emphasised,
    heading_part,
    is_address,
    is_title,
    labelled,
    next_title,
    split_run_on,
    title_above,
    title_case,
    upper_case,
    wrapped,
)
from pipeline.extractors.items.unnumbered import single_item, unnumbered_items
from pipeline.extractors.provenance import provenance
from pipeline.extractors.sections.bodyname import is_body_name
from pipeline.extractors.sections.cover_letter import after_cover_letter
from pipeline.model import Block, BlockKind, Document

# Weight of a numbered row inside a run of numbered rows: kept when nothing else is
# numbered (an agenda laid out as one table), outweighed by any run of real headings.
LIST_WEIGHT = 0.2
_CLOCK = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
SHORT_TITLE = 8  # words: longer sentence-case lines after a bare number read as text
SENTENCE_WORDS = 5  # words: a numbered paragraph under a heading of its own reads as text

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
        # The span covers the number's line and, for a lone number, the title line below;
        # a title printed above the number ("APOLOGIES" / "12/24 Apologies were ...") opens it.
        first = title_block if title_block.start < block.start else block
        row.update(provenance(first, 0, max(block.end, title_block.end) - first.start))
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
    # "51." / "WEBCASTING" / "1. This meeting is ...": the heading is the lone number's title,
    # not the title of a numbered paragraph under it
    below = {c.title_block for c in candidates if c.title_block > c.index}
    candidates = [c for c in candidates if not (c.title_block < c.index and c.title_block in below)]
    candidates = drop_contents(drop_page_headers(drop_repeated_heads(candidates), blocks,
                                                 rules()), blocks, rules())
    if (sent := len(after_cover_letter(blocks))) < len(blocks):  # "Dear Councillor ... /
        stamp = len(blocks) - sent - 1  # Agenda Item 5 / PLANNING COMMITTEE": no item 5
        candidates = [c for c in candidates if c.index != stamp]
    if candidates and candidates[0].index == 0 and candidates[0].rule == "item-prefix" and len(
            candidates) > 1 and is_body_name(candidates[0].title):
        candidates = candidates[1:]  # "Item 2 National Park Authority Planning Committee": the
        # pack's stamp over minutes it sends, naming their body (their items follow)
    # 'A1', 'A2' under an item rise in a numbering of their own (and may read as a list
    # nested in it): the paper's run is found without them, where it has one, and they are
    # put back under their item
    lettered = lettered_candidates(candidates, rules())
    candidates = drop_nested_lists(candidates, rules())
    _damp_lists(blocks, candidates)
    if lettered and (rest := [c for c in candidates if c not in lettered]) and sequences(
            rest, blocks, rules()):
        candidates = rest
    items = sequences(candidates, blocks, rules())
    minor = [c for c in items if c.rule in rules().minor_styles]
    if minor and (2 * len(minor) < len(items) or len(minor) < 2):
        # "(1) Present:" above minutes numbered 110, 111 ...: a list, not the paper's items;
        # a lone "V SMITH" is an initial
        candidates = [c for c in candidates if c.rule not in rules().minor_styles]
        items = sequences(candidates, blocks, rules())
    if not items:
        single = single_item(blocks)
        return [single] if single else unnumbered_items(blocks)
    items = lettered_parts(lettered, _fill_gaps(blocks, items), rules())
    _minute_numbers(blocks, items)
    strip_page_numbers(items, rules())
    return items


def _fill_gaps(blocks: list[Block], items: list[Item]) -> list[Item]:
    """Headings the title checks missed where the numbering has a gap: between items 55
    and 57, a line numbered 56 in the same style is item 56 however long its title (up to
    `gap_title` words) and even when it holds a verb ("56. Notes of the meeting held on
    ... to be approved and signed by the Chair"); it must still not read as a sentence."""
    taken = {i for item in items for i in (item.index, item.title_block)}
    out: list[Item] = _leading(blocks, items[0], taken)
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


def _minute_numbers(blocks: list[Block], items: list[Item]) -> None:
    """Items numbered by the minute reference printed alone under their heading ("1.
    Election of the Chairman of the Council;" / "01/25"): where most items carry one, it
    is the item's number, as a minute number is wherever the items carry them."""
    r = rules()
    found: list[tuple[Item, str]] = []
    for item in items:
        below = item.title_block + 1
        if below >= len(blocks) or blocks[below].kind is BlockKind.TABLE_ROW:
            continue
        text = blocks[below].text.strip()
        for rule_id, pattern, _ in r.patterns:
            match = pattern.match(text)
            if match and rule_id in r.minute_references and not match.group("title"):
                found.append((item, match.group("num")))
                break
    if found and 2 * len(found) > len(items) and all(
            r.families.get(item.rule, item.rule) == "plain" for item, _ in found):
        for item, number in found:
            item.number = number


def _leading(blocks: list[Block], first: Item, taken: set[int]) -> list[Item]:
    """The items before the first one found when the numbering starts above 1 and the
    lines numbered 1 ... up to it are there in the same style, each with a title the gap
    rules accept ("1.  Election of the Chairman of the Council;" before "2.  Address by
    the New Chairman")."""
    key = number_key(first.number)
    if len(key) != 1 or key[0] < 2:
        return []
    found: list[Item] = []
    for index in range(first.index):
        if index in taken:
            continue
        candidate = _candidate(blocks, index, loose=True)
        if (candidate is None or _shape(candidate.number) != _shape(first.number)
                or number_key(candidate.number) != (len(found) + 1,)):
            continue
        found.append(candidate)
    return found if len(found) == key[0] - 1 else []


def _shape(number: str) -> str:
    return re.sub(r"\d+", "0", number)


def _candidate(blocks: list[Block], index: int, loose: bool = False) -> Item | None:
    """The item heading the block opens, if any; `loose`: a line where the numbering has
    a gap, whose title may be longer and hold a verb (see `is_title`)."""
    block = blocks[index]
    if block.kind is BlockKind.TABLE_ROW:
        return _table_candidate(blocks, index, loose)
    text = block.text.strip().strip("*").strip()
    for k in number_starts().which(text):  # the patterns the line's first character leaves
        rule_id, pattern, strict = rules().patterns[k]
        if found := pattern.match(text):
            with OneLine():  # its title checks ask the same of the same texts
                return _numbered(blocks, index, found, rule_id, pattern, strict, loose)
    return None


def _numbered(blocks: list[Block], index: int, found: re.Match[str], rule_id: str,
              pattern: re.Pattern[str], strict: bool, loose: bool) -> Item | None:
    """The item heading of a line that `pattern` (rule `rule_id`) matched, if any."""
    r = rules()
    number = found.group("num").rstrip(".")
    if any(p.match(number) for p in r.not_numbers) or _CLOCK.match(found.string):
        return None  # ("7:00 pm to 8:35 pm": the meeting's times, no item 7)
    # (every check below but the last turns the line away, whatever the order: this one,
    # which reads no title, comes before the title is worked out)
    if rule_id in r.minor_styles and (after_colon(blocks, index) or any(
            pattern.match(blocks[j].text.strip()) for j in (index - 1, index + 1)
            if 0 <= j < len(blocks))):
        return None  # "RESOLVED:" / "(1) Agree ..." / "(2) Approve ...": a list
    title = r.agenda_number.sub(
        "", cut_run_on(r.cell_bar.sub("", strip_bars(found.group("title")))))
    if ref := r.minute_ref_run_on.match(title):
        title = ref.group("head")  # "1. Welcome: 071/24 The Chairman ...": its minute
    if r.clock_time.match(number) and (r.clock_closing.match(title) or not (
            upper_case(title) or title_case(title))):
        return None  # "19.30 The meeting closed" is a time, "19.27 PLANNING" an item
    if rule_id == "letters-number" and re.match(r"\d[A-Z]{2}\b", title):
        return None  # a postcode ("SA31 1JP")
    if strict and is_address(title):
        return None  # "14 Market Street, Oakham"
    agenda = bool(r.page_range.search(title))  # "CO-LEADERS' REPORT 13 - 15"
    title = r.page_range.sub("", title) if agenda else title  # (nothing to cut else)
    title = split_run_on(title, loose, described=agenda)
    if rule_id in r.full_stop_patterns and title.endswith(".") and not agenda:
        return None  # "1.1 There were no declarations." is a numbered paragraph
    if after_colon(blocks, index) and title.endswith((".", ";")):
        return None  # a numbered part of the list the line above introduces
    return _item(blocks, index, number, title, rule_id, strict, relaxed=agenda,
                 loose=loose)


def _table_candidate(blocks: list[Block], index: int, loose: bool = False) -> Item | None:
    """A row whose first filled cell is a number and whose next filled cell is a title
    (a lone number cell takes the next line as its title, like "PLA46/23" alone)."""
    cells = [c.strip() for c in blocks[index].cells]
    if cells and not cells[0]:
        cells = cells[1:]  # tab-indented text ("\t14.\tTitle") gives an empty first cell
    number = _cell_number(cells[0]) if cells else None
    if not number:
        # "IV | CARERS STRATEGY": a roman numeral cell over an upper-case title, kept (as the
        # minor "roman" style) only where most of the paper's items are numbered so
        return _roman_cell(blocks, index, cells, loose)
    rest = [c for c in cells[1:] if c]
    if len(cells) > 1 and not rest:
        return None
    if (rest and "." in number.strip(".") and rest[0].endswith(".") and not upper_case(rest[0])
            and "dotted" in rules().full_stop_patterns):
        return None  # "1.1. | The Chair welcomed members.": a numbered paragraph, as on a line
    # "1512 | APPOINTMENT OF CHAIR – Resolved – That ...": a minute's whole text in the cell
    title = split_run_on(rest[0], loose) if rest else ""
    return _item(blocks, index, number, title, "table-number", False, relaxed=True,
                 loose=loose)


def _item(blocks: list[Block], index: int, number: str, title: str, rule: str,
          strict: bool, relaxed: bool = False, loose: bool = False) -> Item | None:
    """The item, if its title (on its line, or the next line when empty) is title-like.

    `relaxed`: the line is known to be a title (a number cell's neighbour, an agenda line
    with its pages), so a full stop does not make it a sentence."""
    title_block = index
    if not title:
        if index and re.fullmatch(r"\d{1,3}\.?", prior := blocks[index - 1].text.strip()) \
                and deeper_number(prior, number):
            return None  # '2.' / '2.1' / 'URGENT ITEMS': the item is 2, 2.1 its paragraph
        title, title_block = next_title(blocks, index, number)
        relaxed = relaxed or labelled(blocks, title_block)
        if not is_title(title, relaxed, loose):
            above = title_above(blocks, index)
            if above is None:
                return None
            title, title_block = above
            return Item(index, number, title, rule, _weight(blocks, index, index, title),
                        title_block)
    if not is_title(title, relaxed, loose):
        # "NPCA APOLOGIES FOR ABSENCE" / "12/24 Apologies for absence were recorded ...":
        # a numbered paragraph under an upper-case heading of its own is that item
        above = title_above(blocks, index)
        if (above is None or not upper_case(above[0]) or keyword_hits(above[0])
                or upper_case(title) or len(title.split()) < SENTENCE_WORDS):
            return None  # "PLANNING COMMITTEE" / "14 MARCH 2024" is a date
        return Item(index, number, above[0], rule, _weight(blocks, index, index, above[0]) / 2,
                    above[1])
    title, title_block = wrapped(blocks, title_block, title)
    title = clean_title(title)
    weight = _weight(blocks, index, title_block, title)
    if strict and not (emphasised(blocks[index]) or upper_case(title) or title_case(title)):
        # "1 Welcome and apologies": no full stop, tab or emphasis to mark the number, and
        # a sentence-case title; kept only where no better-marked candidate competes.
        if len(title.split()) > SHORT_TITLE and not loose:
            return None
        weight /= 2
    return Item(index, number, title, rule, weight, title_block)


def _roman_cell(blocks: list[Block], index: int, cells: list[str], loose: bool) -> Item | None:
    rest = [c for c in cells[1:] if c]
    if len(rest) != 1 or not cells[0] or cells[0][0] not in "IVX":
        return None
    pattern = next((p for rule_id, p, _ in rules().patterns if rule_id == "roman"), None)
    found = pattern.match(f"{cells[0]} {rest[0]}") if pattern else None
    if not found:
        return None
    return _item(blocks, index, found.group("num"), found.group("title"), "roman", False,
                 relaxed=True, loose=loose)


def _cell_number(text: str) -> str | None:
    found = rules().cell_number.match(text)
    if not found or any(p.match(found.group("num")) for p in rules().not_numbers):
        return None
    return found.group("num")


def _weight(blocks: list[Block], index: int, title_block: int, title: str) -> float:
    """How sure we are, to choose between candidates with clashing numbers: emphasis, a
    capitalised title and body text after it make a heading likelier; a full stop less so
    ("1) To note the report." under a motion)."""
    weight = 1.0
    if emphasised(blocks[index]) or emphasised(blocks[title_block]) or upper_case(title):
        weight += 0.5
    elif title_case(title):
        weight += 0.25
    after = title_block + 1
    if after < len(blocks) and blocks[after].kind is not BlockKind.TABLE_ROW:
        weight += 0.25
    if heading_part(blocks[title_block].text).endswith("."):
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
