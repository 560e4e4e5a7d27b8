"""Items of minutes that number nothing: headings in capitals (or bold) over their minutes;
and the one item of a single agenda-item page (`single_item`).

Some authorities (fire authorities, joint boards) print their minutes as 'APOLOGIES FOR
ABSENCE' / 'Apologies were received from ...' / 'MINUTES OF THE PREVIOUS MEETING' /
'RESOLVED that ...' with no item numbers. Where a paper has no numbered item at all, each
such heading after the paper's opening lines is an item with an empty number. The words
and limits are data in models/items/items.json ('title.unnumbered').
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.items.item_rules import Item, rules
from pipeline.extractors.items.titles import clean_title, is_address, is_title
from pipeline.model import Block, BlockKind
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

RULE = "unnumbered-heading"


def unnumbered_items(blocks: list[Block]) -> list[Item]:
    """The paper's unnumbered headings as items, or none when fewer than the minimum."""
    spec = _spec()
    marks = [_heading(block, spec) for block in blocks]
    # the opening lines (the council's name in capitals) come before any running text
    opened = next((i for i, (b, m) in enumerate(zip(blocks, marks, strict=True))
                   if not m and b.kind is BlockKind.PARAGRAPH), len(blocks))
    found = [Item(i, "", clean_title(blocks[i].text), RULE, 1.0, i)
             for i in range(opened + 1, len(blocks) - 1)
             if marks[i] and not marks[i + 1]]  # a heading stands over text of its own
    if len(found) < spec["min_headings"]:
        return []
    # minutes say who attended before their first item: a report's headings are no items
    attendance = compile_cached(spec["attendance"], re.I)
    if not any(attendance.match(b.text.strip()) for b in blocks[:found[0].index]):
        return []
    return found


@cache
def _spec() -> dict:
    return dict(read_json("items/items.json")["title"]["unnumbered"])


def _heading(block: Block, spec: dict) -> bool:
    """A short line in capitals (or a bold or heading line in title case) that reads as a
    title and is no attendance label or date."""
    text = block.text.strip()
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or not text or \
            len(text.split()) > spec["max_words"] or text.endswith((".", ",", ";", "?")):
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    if not (capitals or block.bold or block.kind is BlockKind.HEADING):
        return False
    words = set(re.findall(r"[a-z]+", text.casefold()))
    if text.casefold().strip(" :") in spec["not_titles"] or (
            words & rules().bad_first_words and re.search(r"\b(?:19|20)\d{2}\b", text)):
        return False  # "PRESENT", "MONDAY 12 FEBRUARY 2024"
    return is_title(clean_title(text), relaxed=True)


def single_item(blocks: list[Block]) -> Item | None:
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
            number, title = _page_number(text, title)
            return Item(j, number, title, "single-item-page", 1.0, j)
        return None
    return None


def _page_number(text: str, title: str) -> tuple[str, str]:
    """The number a one-item page's title line opens with ('8 Health and Wellbeing Board -
    Terms of reference', as ModernGov's issue pages print it), and the title without it."""
    for _, pattern, strict in rules().patterns:
        found = pattern.match(text)
        if found and found.group("title").strip() and not any(
                p.match(found.group("num")) for p in rules().not_numbers) and not (
                strict and is_address(found.group("title"))):  # "42 Brookfield Road"
            return found.group("num").rstrip("."), clean_title(found.group("title"))
    return "", title
