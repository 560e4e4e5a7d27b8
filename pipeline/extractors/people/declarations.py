"""Declarations of interest: who declared what interest in which item (issue 13).

One row per (person, item). Three shapes are read, each a rule whose id goes into the
`rule` column:

- a sentence with a declaring verb after the declarers and an interest after it
  ("Councillors Dee and Evans declared a prejudicial interest in item 5 ... and left the
  room"), or a passive one ("A declaration of personal interest was made by Cllr X"): the
  cues of models/declarations/cues.jsonl and passive.jsonl, anywhere in the paper;
- a list entry under a declarations heading ("Item 5.2: Mr D MacAulay (non-financial)",
  "Councillor Cassidy by reason of ... in respect of paragraph 4 - Title", "Cllr X, non
  pecuniary interest in ..."), including what follows the declarations item's title on its
  own line ("5. Declarations of Interest – Cllr X declared ...");
- a table row of a declarations table ("Member | Item | Interest").

Items are named as 'item 5', 'minute 84', a Scottish 'paragraph 4', a bare code in the
items' own numbering ('in A25/021'), or a title (which wins over an agenda number when it
is exactly an item's title).

What is no declaration (nothing declared, invitations, registers, lobbying, statements that
a connection is no interest) is in models/declarations/filters.json; the categories and
their normalisation in kinds.json, what followed a declaration in actions.json. The parts
(declarers, items, kind, action) are read by declaration_parts.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.extractors.anchors import AnySearch
from pipeline.extractors.people.declaration_items import (
    bare_codes,
    entry_spans,
    item_refs,
    resolve,
    titled_in,
)
from pipeline.extractors.people.declaration_parts import (
    action_of,
    cell_kind,
    declarers,
    has_noun,
    item_titled,
    kind_of,
    kind_words,
    label_kind,
    names_in,
    pattern,
    rules,
    sentences,
)
from pipeline.extractors.people.declaration_rows import table_row
from pipeline.extractors.people.names import is_name
from pipeline.extractors.people.person_codes import coded_declarers, file_person_codes
from pipeline.extractors.people.register import once_per_item
from pipeline.extractors.people.scanning import blocks_holding_each, gate_strings
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document


@dataclass
class Section:
    """Where a block sits: its item, whether that item is the declarations item, and a
    category a heading names for the entries under it."""

    item: str = ""
    declarations: bool = False
    register: bool = False
    kind: str = ""
    context: str = ""  # an 'Item 6' line before the declarations that follow it
    listed: bool = False  # "The following members declared ...:": the entries need no more
    headers: list[str] = field(default_factory=list)
    opened: bool = False  # a declarations heading (not an item) opened the section
    holder: str = ""  # a member's line ('Cllr Bexley') over lines that declare for them


@cache
def _searches() -> dict[str, AnySearch]:
    """Searches of every block or sentence, alternatives tried only where their words are:
    the words a declaring sentence or an item line needs, and what is no declaration."""
    return {"gate": AnySearch([pattern("declaration_noun"), pattern("item_word")]),
            "not": AnySearch(rules()["not"])}


@cache
def _strings() -> dict[str, frozenset[str]]:
    """The words the section regex needs, and those of the sentences' gate."""
    return {"section": gate_strings([rules()["section"]]),
            "gate": gate_strings(_searches()["gate"].branches)}


def _heading_like(block: Block) -> bool:
    """A heading, or a line in capitals too long to be read as one ('DECLARATIONS OF
    INTEREST IN TERMS OF THE ETHICAL STANDARDS IN PUBLIC LIFE ETC. (SCOTLAND) ACT 2000'),
    that names no member."""
    if block.kind is not BlockKind.HEADING:
        # the cheap tests first: asked of every block, and most are long or not paragraphs
        if block.kind is not BlockKind.PARAGRAPH or len(block.text) > 200:
            return False
        letters = list(filter(str.isalpha, block.text))  # (no Python step per character)
        if not (len(letters) >= 12 and sum(map(str.isupper, letters)) >= 0.95 * len(letters)
                or rules()["title_line"].match(block.text)):  # 'Declarations of Interests'
            return False
    # names last: "COUNCILLOR REID - ITEM 3 - PERSONAL INTEREST" is an entry
    return not names_in(block.text)


def extract_declarations(document: Document, items: list[dict],
                         people: frozenset[str] = frozenset()) -> list[dict]:
    """declarations.csv rows (name, item, kind, text, action + provenance) of one paper;
    `items` are the paper's items rows, whose numbers a declaration's item must use;
    `people`: the initials of the people it lists, besides the codes it gives them."""
    starts = sorted((i["start"], i) for i in items if "start" in i)
    positions = [start for start, _ in starts]  # the last item at or before a block: a
    rows: list[dict] = []  # bisect, not a pass over every item for every block
    section, current, last_items = Section(), None, [""]
    codes = file_person_codes(document) | people
    # the blocks that may hold a declarations label, and those a sentence of which may
    # declare: one search of the paper each, not one of every block
    named, gated = blocks_holding_each(document, [(_strings()["section"], False),
                                                  (_strings()["gate"], True)])
    for block, may_name, may_declare in zip(document.blocks, named, gated, strict=True):
        at = bisect_right(positions, block.start)
        heading_item = starts[at - 1][1] if at else None
        if heading_item is not current:
            current = heading_item
            title = current.get("title", "") if current else ""
            section = Section(item=current.get("number", "") if current else "",
                              declarations=bool(rules()["section"].search(title)))
            if section.declarations and not re.search(r"\b(?:and|or)\b|[/,&]", title):
                section.kind = kind_of(title)  # "DECLARATIONS OF PERSONAL INTEREST": one kind
            if current and current["start"] == block.start:
                rest = pattern("heading_rest").match(block.text) if section.declarations \
                    else None
                if rest:  # "5. Declarations of Interest – Cllr X declared ...": what follows
                    block = replace(block, kind=BlockKind.PARAGRAPH, start=block.start
                                    + rest.end(), text=block.text[rest.end():])
                elif not _sentences_with_cue(block.text):
                    continue  # the item heading itself
        if may_name and rules()["section"].search(block.text) and _heading_like(block) \
                and not _sentences_with_cue(block.text):
            section.declarations, section.kind, section.headers = True, kind_of(block.text), []
            section.opened = True
            continue
        if section.declarations and (number := item_titled(block.text, items, section.item)):
            # "19/00214/FUL Land at Hatherway Lane" over the declarations on that item
            section.context, section.listed = number, True
            continue
        if section.opened and _heading_like(block) and not pattern("item_only").match(
                block.text) and not pattern("page_label").match(block.text):
            section.declarations = section.opened = False  # the next heading ends it
        found = _from_sentences(block, section, items, last_items, codes) if may_declare \
            else []  # (its gate would turn the block away)
        if not found and section.declarations and not section.register:
            read: dict = {}  # the block's names, read once for both readings of it
            found = (table_row(block, section.headers, section.context, section.kind, items)
                     if block.kind is BlockKind.TABLE_ROW
                     else _from_entry(block, section, items, read, codes)
                     or _held(block, section, items, read))
        if found:
            rows.extend(found)
            last_items = list(dict.fromkeys(r["item"] for r in found))
        elif section.declarations:
            _lead(block, section)
    return once_per_item(rows)


def _lead(block: Block, section: Section) -> None:
    """A line of the declarations section that is no declaration: an 'Item 6' line, a lead
    naming the category of the entries under it, a register, a table header."""
    text = block.text
    if (m := pattern("item_only").match(text)) and re.search(r"\d", m.group("num")):
        section.context = m.group("num").rstrip(".:")
        return
    refs = [n for n, _ in item_refs(text) if n]
    if refs and (text.rstrip().endswith((":", ":-")) or pattern("following").search(text)):
        section.context = refs[0]  # "The following declared an interest in item 5b:"
    if pattern("following_declared").search(text):
        section.listed = True
    if block.kind is BlockKind.TABLE_ROW and not section.headers:
        section.headers = [c.casefold() for c in block.cells]
        return
    if rules()["register"].search(text) and not rules()["invitation"].search(text):
        section.register = True
        return
    if not rules()["invitation"].search(text) and (kind := kind_of(kind_words(text))):
        section.kind = kind


# ---- sentences ---------------------------------------------------------------------------

def _sentences_with_cue(text: str) -> bool:
    return any(c.verb.search(text) for c in rules()["cues"])


def _from_sentences(block: Block, section: Section, items: list[dict],
                    last_items: list[str], codes: frozenset[str] = frozenset()) -> list[dict]:
    text = block.text.replace("\t", " ")
    if not _searches()["gate"].search(text):
        return []  # no sentence of it can declare, nor name the item of those that follow
    spans = sentences(text)
    # a sentence without a declaration noun declares nothing (_declaration's first test):
    # with none in the block, its sentences are only read for their 'Item 6' lines
    nouns = has_noun(text)
    found: list[tuple[int, list[dict]]] = []
    for index, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if (m := pattern("item_only").match(sentence)) and re.search(r"\d", m.group("num")) \
                and len(sentence) < 40:
            section.context = m.group("num").rstrip(".:")
            continue
        if not nouns:
            continue
        rows = _declaration(block, s, sentence, section, items, last_items, codes)
        if rows:
            found.append((index, rows))
            last_items = list(dict.fromkeys(r["item"] for r in rows))
    out: list[dict] = []
    for n, (index, rows) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(spans)
        stop = next((k for k in range(index + 1, stop)
                     if re.match(r"\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)", text[spans[k][0]:])), stop)
        after = " ".join(text[s:e] for s, e in spans[index + 1:stop])
        if after and any(p.search(after) for p in rules()["not"][2:4]):
            continue  # "... He did not consider this to be a disclosable interest."
        refers = pattern("minute_refers").match(after.strip())
        number = resolve(refers.group("num"), "", items) if refers else ""
        for row in rows:
            row["action"] = row["action"] or action_of(after)
            # "... interest in agenda item 17(6) as ... (Minute 48 refers).": the minute
            row["item"] = row["item"] or number
        out.extend(rows)
    return out


def _declaration(block: Block, offset: int, sentence: str, section: Section,
                 items: list[dict], last_items: list[str],
                 codes: frozenset[str] = frozenset()) -> list[dict]:
    r = rules()
    # Most sentences name no interest: one search spares the filters and the cues.
    if not has_noun(sentence) or _searches()["not"].search(sentence):
        return []
    for cue in r["cues"]:
        for verb in cue.verb.finditer(sentence):
            obj = cue.object.match(sentence[verb.end():])
            if not obj or r["reminder"].search(sentence[:verb.start()]):
                continue
            people = declarers(sentence[:verb.start()], codes)
            if not people:
                continue
            if rules()["label"].search(head := sentence[:people[0][1]]) and \
                    r["section"].search(head):  # "3. Declarations of interest: Jo Bloggs ..."
                cut = people[0][1]
                block_offset, sentence, verb_end = offset + cut, sentence[cut:], verb.end() - cut
            else:
                block_offset, verb_end = offset, verb.end()
            close = obj.group("noun").lower().startswith("close")
            kind = kind_of(obj.group("kind") + " " + obj.group("noun")) or (
                "other" if close else "") or label_kind(head)  # "declared a DPI"
            if not kind and any(p.search(sentence) for p in r["weak"]):
                return []
            return _rows(block, block_offset, sentence, people, kind, cue.id,
                         sentence[verb_end:], section, items, last_items)
    for rule_id, passive in r["passive"]:
        if m := passive.search(sentence):
            people = [(n, m.start("who") + s, m.start("who") + e)
                      for n, s, e in declarers(m.group("who"))] or names_in(m.group("who"))
            if people:
                return _rows(block, offset, sentence, people, kind_of(m.group("kind")), rule_id,
                             sentence[m.end("kind"):], section, items, last_items)
    return []


def _rows(block: Block, offset: int, sentence: str, people: list, kind: str, rule: str,
          after: str, section: Section, items: list[dict], last_items: list[str]) -> list[dict]:
    numbers = _items_of(sentence, after, section, items, last_items)
    action = action_of(after)
    return [{"name": name, "item": number, "kind": kind, "text": sentence.strip(),
             "action": action, **provenance(block, offset, offset + len(sentence)), "rule": rule}
            for name, _, _ in people for number in numbers]


def _items_of(sentence: str, after: str, section: Section, items: list[dict],
              last_items: list[str]) -> list[str]:
    """The items a declaration names, in the items' numbering; the enclosing item when it
    names none and sits in an item that is not the declarations item."""
    refs = item_refs(sentence)
    resolved = [resolve(n, t, items) for n, t in refs]
    numbers = list(dict.fromkeys(n for n in resolved if n))
    if numbers:
        return numbers
    if codes := bare_codes(after, items) or [n for n, _ in titled_in(after, items)]:
        return codes  # "declared a personal interest in A25/021", "... in relation to <title>"
    if pattern("same_item").search(sentence):
        return last_items
    if refs:
        return [""]
    if section.context:
        return [resolve(section.context, "", items)]
    if section.item and not section.declarations:
        return [section.item]
    return [""]


def _from_entry(block: Block, section: Section, items: list[dict], named: dict,
                codes: frozenset[str] = frozenset()) -> list[dict]:
    """'Item 5.2: Mr D MacAulay (non-financial)', 'Cllr A Lee – item 7 – personal
    (member of the bowls club)', 'MR and EW in relation to <an item's title>' (the codes the
    paper gave its members): a titled name with an item or a category, no verb."""
    text = block.text
    if len(spans := entry_spans(text)) > 1 and (item_refs(text) or pattern(
            "interest_word").search(text)) and all(
            names_in(text[a:b], named) or coded_declarers(text[a:b], codes) for a, b in spans):
        # "HR and TG in relation to <title>; Cllr L Ashworth, item 8, as a trustee": entries
        return [row for a, b in spans for row in _from_entry(replace(
            block, start=block.start + a, end=block.start + b, text=text[a:b]),
            replace(section, listed=True), items, named, codes)]  # (each one an entry)
    if len(text) > 300 or rules()["invitation"].search(text) or _searches()["not"].search(text):
        return []
    people = names_in(text, named) or coded_declarers(text, codes)
    if not people and section.listed and (m := pattern("listed_name").match(text)) \
            and is_name(m.group("name"), True):
        people = [(m.group("name"), m.start("name"), m.end("name"))]  # "Ellerby - Trustee ..."
    refs = item_refs(text)
    if (m := pattern("entry_number").match(text)) and not refs:
        refs = [(m.group("num"), "")]
    refs = refs or [(n, "") for n in bare_codes(text, items)] or titled_in(text, items)
    kind = kind_of(" ".join(re.findall(r"\(([^()]*)\)", text)) + " " + kind_words(text)) \
        or label_kind(text)  # "Item 3: Cllr Pike, personal", "Cllr Pike - Item 3 - Personal"
    if not kind and refs:
        kind = cell_kind(text, refs[0][0])  # "Cllr M Jones 23/205 Personal Member is ..."
    if not people or not (refs or kind or section.listed or pattern("interest_word").search(text)):
        return []
    if re.fullmatch(r"\s*:\s*[-–—]?\s*", text[people[-1][2]:]):
        return []  # "Councillor Aird:-": a member's label over the lines of their declarations
    numbers = list(dict.fromkeys(resolve(n, t, items) for n, t in refs)) or (
        [resolve(section.context, "", items)] if section.context else [""])
    if len(numbers) > 1 and "" in numbers:
        numbers.remove("")
    rows: list[dict] = []
    for index, (name, _, end) in enumerate(people):
        upto = people[index + 1][1] if index + 1 < len(people) else len(text)
        own = re.match(r"\s*\(([^()]*)\)", text[end:upto])  # "Mr A Lee (Financial) and ..."
        rows.extend({"name": name, "item": number,
                     "kind": (kind_of(own.group(1)) if own else "") or kind or section.kind,
                     "text": text, "action": action_of(text), **provenance(block),
                     "rule": "list-entry"} for number in numbers)
    return rows


def _held(block: Block, section: Section, items: list[dict], named: dict) -> list[dict]:
    """'Cllr Bexley' on a line of its own, then 'Personal interest in item 7 (Title) as a
    Borough Councillor.': the member's line names who declares on the lines under it."""
    text = block.text.strip()
    people = names_in(text, named)
    if len(people) == 1 and not text[:people[0][1]].strip() and \
            re.fullmatch(r"[\s:;,.\-–—]*", text[people[0][2]:]):
        section.holder = people[0][0]
        return []
    if not section.holder or people or not pattern("interest_word").search(text) or \
            any(p.search(text) for p in rules()["not"]) or len(text) > 300:
        return []
    refs = item_refs(text)
    numbers = list(dict.fromkeys(resolve(n, t, items) for n, t in refs)) or [""]
    return [{"name": section.holder, "item": number, "kind": kind_of(text) or section.kind,
             "text": text, "action": action_of(text), **provenance(block), "rule": "member-line"}
            for number in numbers]
