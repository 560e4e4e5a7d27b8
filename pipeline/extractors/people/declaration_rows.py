"""A row of a declarations table ('Member | Item | Interest | Details'): who declares,
on which items, what kind of interest."""

from __future__ import annotations

from pipeline.extractors.people.declaration_items import cell_numbers, item_refs, resolve
from pipeline.extractors.people.declaration_parts import (
    action_of,
    kind_of,
    member_cell,
    names_in,
    pattern,
)
from pipeline.extractors.provenance import provenance
from pipeline.model import Block
from pipeline.regex_cache import compile_cached

_FOOTNOTE_MARK = compile_cached(r"\s*[*\u2020\u2021]+$")


def table_row(block: Block, headers_found: list[str], context: str, section_kind: str,
              items: list[dict]) -> list[dict]:
    """A row of a declarations table: a member cell, item cells, the rest for the kind.
    `headers_found`: the table's header cells (folded); `context`: the item the section is
    about, if any; `section_kind`: the kind its heading gives."""
    cells = [_FOOTNOTE_MARK.sub("", cell) for cell in block.cells]  # "Abdul Qadir*"
    headers = headers_found if len(headers_found) == len(cells) else [""] * len(cells)
    people: list[tuple[str, int, int]] = []
    numbers: list[str] = []
    rest: list[str] = []
    for cell, header in zip(cells, headers, strict=True):
        if not people and (found := names_in(cell) or member_cell(cell, header)) and \
                not pattern("item_header").search(header):
            people = found
        elif not numbers and (nums := cell_numbers(cell)) and not pattern(
                "not_item_header").search(header):
            numbers = [resolve(n, "", items) for n in nums]
        else:
            rest.append(cell)
    if not people:
        return []
    if not numbers:  # 'Re: Agenda Item 7 – Regional Transport Plan, as he is employed ...'
        numbers = [number for n, title in item_refs(" ".join(rest))
                   if (number := resolve(n, title, items))]
    kind = kind_of(" ".join(rest))
    numbers = list(dict.fromkeys(numbers)) or (
        [resolve(context, "", items)] if context else [""])
    text = " ".join(c for c in cells if c)
    return [{"name": name, "item": number, "kind": kind or section_kind, "text": text,
             "action": action_of(" ".join(rest)), **provenance(block), "rule": "table-row"}
            for name, _, _ in people for number in numbers]
