"""Formal decisions: RESOLVED, AGREED, DECIDED, NOTED ... and bare "Decision" headings.

A keyword is found with a spaCy `Matcher` over the paper's one Doc (`language.py`), so
every row names its pattern (`models/items/decision_patterns.jsonl`). It counts leading
its sentence ("RESOLVED:", "Resolved", "NOTED -") or after a lead-in ("It was RESOLVED
that", "The Sub-Committee RESOLVED to"); mid-sentence it must be upper case, because
minutes write the narrative "the Board noted that" in lower case. Its text runs from the
keyword to the end of its line, then over the blocks that continue it (the line under a
bare keyword, numbered parts, a table after a colon, a lower-case run-on) up to the next
item or decision or any other text ("Reasons:", "Proposed by", signatures). In a paper
without item headings a row's minute number ('22 RESOLVED that ...') is its item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.block_gates import literal_blocks, pattern_blocks
from pipeline.extractors.items.decision_rules import PatternInfo, rules
from pipeline.extractors.items.keyword_case import (
    KEYWORD_PUNCT,
    SENTENCE_END,
    keyword_case,
    part_of_decision_above,
    resolution_number,
)
from pipeline.extractors.items.numbering import minute_number
from pipeline.extractors.items.row_text import block_text, row_number, strip_bars
from pipeline.extractors.language import cell_spans, columns, labels, span_of, span_text, tokenize
from pipeline.extractors.language import doc_of as _doc_of  # (a line of its own: 100 columns)
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached

# Tokens after which a keyword starts a new sentence or clause ('|': a cell of a table
# saved as text).
BOUNDARIES = frozenset({".", ";", ":", "?", "!", "\u2013", "\u2014", "-", ":-", "|"})
LEADING_PUNCT = compile_cached(r"^[\s:;,.\-\u2012\u2013\u2014]*")
DECISION_HITS = "decision_hits"  # the label a block's keyword hits are kept under
DANGLING_THAT = compile_cached(r"that\s*:-?", re.I)


@dataclass(slots=True)
class Hit:
    """A keyword occurrence in one block; offsets are into the block's text."""

    label: str
    rule: str
    clause_start: int  # where its sentence or lead-in begins (ends the decision before it)
    start: int
    end: int  # just after the keyword


def keyword_hits(text: str) -> list[Hit]:
    """Decision keywords in one line of text that count as decisions, in order (a text
    that is not a paper's: the paper's lines are read from its Doc by `span_hits`)."""
    if not rules().keyword_gate.might_match(text):
        return []
    return span_hits(tokenize(text)[:], text)


def span_hits(doc: Span, gated: str | None = None) -> list[Hit]:
    """Decision keywords in one line (a span of the paper's Doc) that count as decisions, in
    order; offsets are into the span's text. `gated`: a text the keyword gate passed."""
    r = rules()
    text = span_text(doc.doc, doc.start, doc.end)  # (Span.text makes a Token per token)
    if text != gated and not r.keyword_gate.might_match(text):  # (most often the same text)
        return []
    base = doc.start_char
    if r.keyword_words is not None:  # one-word keywords: the tokens so written (no Matcher)
        words, lowers = r.keyword_words, columns(doc.doc).lowers
        keywords = [(k - doc.start, k - doc.start + 1, words[lowers[k]])
                    for k in range(doc.start, doc.end) if lowers[k] in words]
    else:
        keywords = [(start, end, r.info[doc.vocab.strings[match_id]])
                    for match_id, start, end in r.keywords(doc)]
    # lead-ins by the token they end on, matched when a keyword not leading its sentence asks
    lead_ins: dict[int, list[tuple[int, PatternInfo]]] | None = None
    # a line in capitals (an ASCII line with a lower-case letter is not: one pass in C)
    letters = [] if text.isascii() and text.upper() != text else [c for c in text if c.isalpha()]
    shouting = len(letters) > 12 and all(c.isupper() for c in letters)
    first = _first_content_token(doc, text)
    hits: list[Hit] = []
    previous: int | None = None  # token after the last accepted keyword
    for start, end, info in sorted(keywords, key=lambda k: k[0]):
        token = doc[start]
        after = doc[end] if end < len(doc) else None
        case = keyword_case(token, after, _sentence_start(doc, text, start, first), info, doc,
                            numbered=0 < first == start)
        if case is None:
            continue
        clause, rule = None, info.id + ("+numbered" if case == "numbered" else "")
        if case == "run-in" or _sentence_start(doc, text, start, first) and case not in (
                "lower", "lower-led"):
            clause = start
        elif not info.leading_only:
            if lead_ins is None:
                lead_ins = {}
                for found, s, e in r.lead_ins(doc):
                    lead_ins.setdefault(e, []).append((s, r.info[doc.vocab.strings[found]]))
            for lead_start, lead in lead_ins.get(start, ()):
                if (lead.generic and shouting) or (case == "lower-led"
                                                   and lead.id not in r.lower_leads):
                    continue
                # A lead-in may follow a comma: "Following discussion, the Panel AGREED".
                placed = lead.anywhere or _sentence_start(doc, text, lead_start, first) or (
                    doc[lead_start - 1].text == ",")
                if placed and (clause is None or lead_start < clause):
                    clause, rule = lead_start, f"{lead.id}+{info.id}"
        coordinated = clause is None and _coordinated(doc, start, hits, info.label)
        if coordinated:  # "The Board NOTED the report and AGREED to respond ...": two
            clause, rule = start, f"and+{info.id}"
        if clause is None or (shouting and start != first and clause == start):
            continue
        if previous is not None and not coordinated and not any(
                t.text in BOUNDARIES for t in doc[previous:clause]):
            continue  # same sentence as the keyword before: "RESOLVED: that the Board AGREED"
        # the text starts after the keyword, or after its resolution's number ('25/087:')
        number = resolution_number(after, doc) if after is not None else None
        hits.append(Hit(info.label, rule, doc[clause].idx - base, token.idx - base,
                        (number.idx if number is not None else token.idx + len(token.text))
                        - base))
        previous = end
        while previous < len(doc) and doc[previous].text in KEYWORD_PUNCT:
            previous += 1  # the keyword's own colon or dash does not end its sentence
    return hits


def _coordinated(doc: Span, start: int, hits: list[Hit], label: str) -> bool:
    """Whether the keyword at `start` is a second verb of the decision before it, joined by
    'and' in capitals as that one is ('The Board NOTED the report and AGREED to respond'): a
    decision of its own. Not within a resolution's text ('RESOLVED that the report be
    NOTED and AGREED'), where the verbs are what was resolved."""
    token = doc[start]
    return bool(hits) and start > 0 and doc[start - 1].lower_ == "and" and \
        token.text.isupper() and len(token.text) > 1 and "+" in hits[-1].rule and \
        "RESOLVED" not in (hits[-1].label, label)


def _first_content_token(doc: Span, text: str) -> int:
    """Index (in the line) of the first token after a leading part or paragraph number
    ("(a)", "1.4"); `text` is the line's."""
    found = rules().line_number.match(text)
    if not found:
        return 0
    end = found.end()
    # the tokens' offsets in the line from the Doc's columns (no Token objects)
    whole = columns(doc.doc)
    at = 0
    for k in range(doc.start, doc.end):
        size = len(whole.texts[k])
        if at >= end or at + size > end:
            return k - doc.start
        at += size + whole.spaces[k]
    return len(doc)


def _sentence_start(doc: Span, text: str, index: int, first: int) -> bool:
    if index <= first or doc[index - 1].text in BOUNDARIES:
        return True
    # a part's mark after a boundary: "Finance: (a) RESOLVED to approve ...; (b) ..."
    before = text[:doc[index].idx - doc.start_char].rstrip()
    return bool(before.endswith(")") and rules().part_mark.search(before))


def extract_decisions(document: Document, headings: dict[int, str]) -> list[dict]:
    """Decision rows; `headings` maps the block index of each item heading to its number."""
    blocks = document.blocks
    found = [[(hit, end) for hit, end in pairs if not hit.rule.endswith("+numbered")
              or not part_of_decision_above(blocks, index)]
             for index, pairs in enumerate(paper_hits(document))]
    hits = [[hit for hit, _ in pairs] for pairs in found]
    inline = literal_blocks(_inline_gate(), document)  # (most blocks hold none of its words)
    rows: list[dict] = []
    item = ""
    for index in range(len(blocks)):
        if index in headings:
            # A heading line can run on into its item's first decision ("2503.06 Planning
            # Applications a) ... It was RESOLVED that ..."), so it is still searched.
            item = headings[index]
        # no item headings, rows opening with their minute number ('22 RESOLVED that ...')
        own = item or ("" if headings or not found[index]
                       else minute_number(blocks[index], rules().minute_number))
        own = (row_number(blocks[index], set(headings.values())) or own) if found[index] else own
        for n, (hit, cell_end) in enumerate(found[index]):
            stop = hits[index][n + 1].clause_start if n + 1 < len(hits[index]) else None
            if cell_end is not None:
                until = _label_cell_end(blocks[index], hit, cell_end)
                if until is not None:
                    stop = until if stop is None else min(stop, until)
            row = _decision(blocks, hits, headings, index, hit.start, hit.end, stop,
                            hit.label, hit.rule, own)
            if row["text"] or cell_end is None:  # a bare "Agreed" status cell is no decision
                rows.append(row)
        label = _decision_label(blocks, hits, headings, index, inline[index])
        first = hits[index][0].clause_start if hits[index] else None
        # A flattened row can print the "Decision:" summary before the minutes' own keyword
        # ("Decision: To approve X. Minutes: ... it was resolved to approve X"): both are rows.
        if label is not None and (first is None or blocks[index].text[label:first].strip()):
            rows.append(_decision(blocks, hits, headings, index, 0, label, first,
                                  "DECISION", "decision-label", item))
    return rows


def _label_cell_end(block: Block, hit: Hit, cell_end: int) -> int | None:
    """Where a table row's decision stops: at its cell's end, unless the keyword with its
    colon is the whole of the row's first cell, a label over the text in the next cell
    ('RESOLVED:<tab>that the Minutes ... be approved', a Word paper's tab): the decision
    is that cell's, and where it is the last cell it goes on below (None)."""
    text = block.text
    if hit.start != 0 or ":" not in text[hit.end:cell_end] or \
            text[hit.end:cell_end].strip(" :-\u2013\u2014") or cell_end >= len(text):
        return cell_end
    following = text.find("\t", cell_end + 1)
    return None if following < 0 else following


def paper_hits(document: Document) -> list[list[tuple[Hit, int | None]]]:
    """Every block's keyword hits, in order, found once per paper (items, decisions and votes
    read them; kept on the paper's Doc by where its blocks start and how many there are: a
    part of a pack shares the file's Doc, and each block's under its labels). In a table row
    each cell is read as its own line, and the hit carries the end of its cell (the
    decision's text stops there). The keyword gate's first search is made once over the
    paper's text (`block_gates`): most blocks hold none of its words."""
    remembered: dict[Any, Any] = _doc_of(document).user_data
    blocks = document.blocks
    key = (DECISION_HITS, blocks[0].start if blocks else -1, len(blocks))
    out: list[list[tuple[Hit, int | None]]] | None = remembered.get(key)
    if out is None:
        out = remembered[key] = []
        for block, possible in zip(blocks, pattern_blocks(rules().keyword_gate, document),
                                   strict=True):
            found = labels(document, block)
            if DECISION_HITS not in found:
                found[DECISION_HITS] = _block_hits(document, block) if possible else []
            out.append(found[DECISION_HITS])
    return out


def _block_hits(document: Document, block: Block) -> list[tuple[Hit, int | None]]:
    if not rules().keyword_gate.might_match(block.text):
        return []
    if block.kind is not BlockKind.TABLE_ROW:
        return [(hit, None) for hit in span_hits(span_of(document, block), block.text)]
    out: list[tuple[Hit, int | None]] = []
    offset = 0
    for cell, span in zip(block.cells, cell_spans(document, block), strict=True):
        for hit in span_hits(span):
            out.append((Hit(hit.label, hit.rule, hit.clause_start + offset, hit.start + offset,
                            hit.end + offset), offset + len(cell)))
        offset += len(cell) + 1  # the tab between cells
    return out


def _decision_label(blocks: list[Block], hits: list[list[Hit]], headings: dict[int, str],
                    index: int, gated: bool) -> int | None:
    """Where the text of a bare "Decision:" heading starts, if it heads a decision; `gated`:
    whether the inline label's gate passes the block's text (it then passes the text's
    part too, or the search finds nothing there)."""
    block = blocks[index]
    if block.kind is BlockKind.TABLE_ROW:
        return None
    text, cut = block.text.strip(), 0
    found = rules().decision_label.match(text)
    if not found and gated and (
            inline := rules().inline_label.search(text)):  # "... circulated.
        cut, found = inline.end(), rules().decision_label.match(text[inline.end():])  # Decision"
    if not found:
        return None
    if rest := found.group("rest"):
        # "Decision: £20,000 of the allocation to be ring-fenced ...": a label with its
        # colon heads whatever follows; run into a paragraph, only a decision's wording
        labelled = found.group(2) is not None and not cut
        return cut + found.start("rest") if labelled or _decision_like(rest) else None
    after = index + 1
    if after >= len(blocks) or after in headings or hits[after]:
        return None  # the keyword under it makes its own row ("Decision / The Committee AGREED")
    if _decision_like(blocks[after].text):
        return len(block.text)
    # "Decision / The Board: / (a) approved ...": a short lead-in ending in a colon over parts
    lead = blocks[after].text.strip()
    below = after + 1
    if (lead.endswith((":", ":-", " -", " –")) and len(lead.split()) <= rules().short_list_words
            and below < len(blocks) and below not in headings and not hits[below]
            and rules().enumerator.match(blocks[below].text.strip())
            and _decision_like(blocks[below].text)):
        return len(block.text)
    return None


@cache
def _inline_gate() -> LiteralGate:
    """Whether a line may hold an inline "Decision" label (its search tries a look-behind
    at every character; most lines hold none of its words)."""
    return LiteralGate([rules().inline_label])


@cache
def _stop_gate() -> LiteralGate:
    """Whether a decision's text may hold an inline stop ("Proposed by", "Reasons:")."""
    return LiteralGate([rules().inline_stop])


def _decision_like(text: str) -> bool:
    text = text.strip()
    numbered = rules().enumerator.match(text)
    if numbered:
        text = text[numbered.end():].strip()  # "Decision / 1. Noted the report."
    return any(p.match(text) for p in rules().decision_like)


def _decision(blocks: list[Block], hits: list[list[Hit]], headings: dict[int, str],
              index: int, start: int, end: int, stop: int | None, label: str, rule: str,
              item: str) -> dict:
    r = rules()
    block = blocks[index]
    tail = block.text[end:stop]
    rest = LEADING_PUNCT.sub("", tail, count=1)
    # "NOTED" alone (no colon or dash) records the text above it and takes nothing below.
    bare = not rest.strip() and not KEYWORD_PUNCT.intersection(tail)
    # (the stop's search tries its eight alternatives at every character: most decisions
    # hold none of their words)
    cut = r.inline_stop.search(rest) if _stop_gate().might_match(rest) else None
    if cut:
        rest = rest[:cut.start()]
    if r.part_mark.search(block.text[:start].rstrip()) and (
            part := r.next_part.search(rest)):  # "(a) RESOLVED to ... (b) The report ..."
        cut, rest = part, rest[:part.start()]
    rest = strip_bars(rest.strip())
    if stop is not None and rest.endswith(" and"):
        rest = rest[:-4].rstrip(" ,")  # "NOTED the report and" / "AGREED to ...": the next's
    if DANGLING_THAT.fullmatch(rest):
        rest = ""  # "RESOLVED THAT:" with the decision on the lines below
    elif rest.endswith(tuple(KEYWORD_PUNCT)) and all(
            w.casefold() in r.bare_sentence_words for w in rest.rstrip(":-\u2013\u2014 ").split()):
        rest = ""  # "Resolved unanimously:" over the decision on the lines below
    parts = [rest] if rest else []
    last = block
    if stop is None and not cut and not (bare and label in r.bare_empty):
        more = _continuation(blocks, hits, headings, index, rest)
        parts += [block_text(b) for b in more]
        last = more[-1] if more else block
    row = {"item": item, "kind": label, "text": "\n".join(parts)}
    finish = (last.end - block.start) if last is not block else (
        end + len(tail) if stop is None else stop)
    row.update(provenance(block, start, finish))
    row["rule"] = rule
    return row


def _continuation(blocks: list[Block], hits: list[list[Hit]], headings: dict[int, str],
                  index: int, first: str) -> list[Block]:
    """The blocks after a keyword's line that are still part of its decision."""
    r = rules()
    taken: list[Block] = []
    previous = first
    list_mode = not first or first.endswith((":", ":-", "-", "\u2013", "\u2014")) or bool(
        r.enumerator.match(first))
    listing = first.endswith((":", ":-"))  # a colon introduces a list, marked or not
    for j in range(index + 1, len(blocks)):
        block = blocks[j]
        text = block_text(block)
        if j in headings or hits[j] or any(p.match(text) for p in r.terminators):
            break
        label = r.decision_label.match(text) if block.kind is not BlockKind.TABLE_ROW else None
        if label and not label.group("rest"):
            break  # a "Decision:" heading opens the next decision
        numbered = r.enumerator.match(text)
        if numbered and not text[numbered.end():].strip():
            break  # a number alone on its line heads the next item ("5." / "Title")
        enumerated = bool(numbered) or block.kind is BlockKind.LIST_ITEM
        if not previous or (previous.endswith((":", ":-")) and not taken):
            take = True  # the line under a bare "RESOLVED" / "RESOLVED THAT:" / "That the Board:"
        elif enumerated:
            take = list_mode or not previous.endswith(SENTENCE_END)
        elif not first and r.resolution_paragraph.match(text):
            take = True  # "RESOLVED:" / "That ..." / "That ...": each paragraph a part
        elif block.kind is BlockKind.TABLE_ROW:
            prior = taken[-1] if taken else None
            take = previous.endswith((":", ":-")) or (
                prior is not None and prior.kind is BlockKind.TABLE_ROW
                and prior.table == block.table)
        elif listing and len(text.split()) <= r.short_list_words and not text.endswith("."):
            take = True  # "... reserved for its meetings in 2019/20:" / "Friday 24 May 2019"
        else:
            take = not previous.endswith(SENTENCE_END) and text[:1].islower()
        if not take:
            break
        taken.append(block)
        if enumerated or text.endswith((":", ":-")):
            list_mode = True
        listing = text.endswith((":", ":-")) or (listing and not text.endswith("."))
        previous = text
    return taken
