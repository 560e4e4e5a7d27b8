"""An agenda pack's parts: the papers one PDF holds, each with its kind, body and date.

Real archives are mostly packs: an agenda front sheet, the minutes of the previous
meeting, reports, a joint-session note, combined into one file. `segment` splits a
document's blocks into parts. A new part starts at a page whose leading blocks begin
a new paper:

- a paper's opening cue: a minutes header that names its body ("Minutes of the
  meeting of X held on ..."), a notice of meeting or agenda heading, a summons, "A
  meeting of X will be held", a report cover ("Report to:", "Title of paper");
- or a title block (a body's name, with or without a date, "AUDIT COMMITTEE 24
  SEPTEMBER 2009") over a page that reads as a paper of its own (a kind cue such as
  PRESENT) for another body or another date than the part it would continue.

A page that leads with the same text as the page before (a running title) continues
its part. Each part's kind, body and date come from the metadata rules
(`header.metadata_of`) applied to that part's blocks. A single paper is one part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.extractors.sections.header import (
    _clean_body,
    _kind_index,
    _minutes_of_index,
    classify_blocks,
    cues,
    header_reach,
    is_body_name,
    metadata_of,
)
from pipeline.extractors.sections.record_cues import recorded
from pipeline.model import Block, BlockKind, Document

LEAD = 3  # how many blocks at the top of a page can open a new paper
PAGE_CUES = {  # kind cues that open a paper wherever they lead a page
    "notice-of-meeting", "agenda-heading", "meeting-will-be-held", "report-to",
    "title-of-paper", "name-and-date", "cofnodion",
}
COVER_CUES = {"report-to", "title-of-paper", "name-and-date"}  # each report is its own part


@dataclass(frozen=True)
class Part:
    """One paper of a pack: blocks `first_block`..`last_block` (inclusive, indexes into
    `Document.blocks`) on pages `first_page`..`last_page`; `number` counts from 1."""

    number: int
    kind: str
    body: str
    date: str
    first_page: int
    last_page: int
    first_block: int
    last_block: int

    def blocks(self, document: Document) -> list[Block]:
        return document.blocks[self.first_block:self.last_block + 1]


def _fold(text: str) -> str:
    words = re.sub(r"[^\w\s]", " ", text.casefold()).split()
    return " ".join(w for w in words if w != "the")


def _page_starts(blocks: list[Block]) -> list[int]:
    return [i for i, b in enumerate(blocks) if i == 0 or b.page != blocks[i - 1].page]


def _lead(blocks: list[Block], start: int) -> list[Block]:
    page = blocks[start].page
    out: list[Block] = []
    for block in blocks[start:]:
        if block.page != page or len(out) == LEAD:
            break
        if len(block.text.strip()) > 2:  # a stray page number is not a lead
            out.append(block)
    return out


#: a line that starts with a number; the words a "Minutes of X" title must open with
NUMBERED = re.compile(r"^\W*\d")
MINUTES_OPENING = re.compile(r"^\W*(minutes?|at a meeting|a meeting)\b", re.I)


def _opening_cue(lead: list[Block]) -> str:
    """The id of a cue in a page's leading blocks that opens a new paper, or ''."""
    for block in lead:
        text = " ".join(block.text.replace("\t", " ").split())
        # (each cue searched only where the line holds the words it needs, as the header's
        # reading tries them: `LiteralIndex.passing` leaves out no cue that matches)
        for (cue_id, _, _, pattern), possible in zip(cues().kind, _kind_index().passing(text),
                                                     strict=True):
            if possible and cue_id in PAGE_CUES and pattern.search(text):
                return cue_id
        if NUMBERED.match(text):
            continue  # a numbered item ("3. Minutes of the meeting of ...") opens nothing
        for pattern, possible in zip(cues().minutes_of, _minutes_of_index().passing(text),
                                     strict=True):
            m = pattern.search(text) if possible else None
            if m and MINUTES_OPENING.match(text[m.start():]) \
                    and is_body_name(_clean_body(m["body"])):
                return "minutes-of"
    return ""


#: a numbered item heading ("29/24 Sub-Committee"), not a date ("24th September")
NUMBERED_ITEM = re.compile(r"^\W*\d+(?:[./]\d+)*\b(?!\s+(?:st|nd|rd|th)?\s*[a-z]{3})", re.I)


def _is_title(lead: list[Block]) -> bool:
    """Whether a page's leading blocks hold a title: a body's name, first or under a line
    of the publisher's furniture ("Agendas, reports and minutes", the council's name)."""
    for block in lead:
        text = " ".join(block.text.replace("\t", " ").split())
        if NUMBERED_ITEM.match(text):
            return False  # a numbered item heading at the top of a page ("29/24 Sub-Committee")
        if len(text.split()) <= 16 and is_body_name(_clean_body(text)):
            return True
    return False


def _opens_part(blocks: list[Block], start: int, end: int, previous_lead: str,
                current: dict) -> bool:
    lead = _lead(blocks, start)
    cue = _opening_cue(lead)
    if cue in COVER_CUES:
        return True  # a report's cover sheet, even one just like the report before it
    text = " | ".join(_fold(b.text) for b in lead)
    if not lead or text == previous_lead:
        return False  # a blank page, or the same running title as the page before
    page = blocks[start:end]
    if cue:
        found = metadata_of(page)
        return (found["kind"], _fold(found["body"]), found["date"]) != (
            current["kind"], _fold(current["body"]), current["date"])
    if _is_title(lead):
        kind, _ = classify_blocks(page)
        if kind == "other":
            return False
        found = metadata_of(page)
        # a report sent out with the agenda of the same meeting (same body, same date)
        # is a paper of its own: its title page reads as a report, the pack's first as not
        return bool(found["body"]) and (_fold(found["body"]) != _fold(current["body"])
                                        or found["date"] != current["date"]
                                        or (kind == "report" != current["kind"]))
    return False


def segment(document: Document) -> list[Part]:
    """The parts of `document` in reading order (one part for a single paper; none for a
    document without blocks).

    Found once per run of blocks when the paper has its Doc (`language.doc_of`): the file,
    the metadata of each part and the attendance reader all ask."""
    blocks = document.blocks
    if not blocks:
        return []
    doc = document.spacy_doc
    key = ("parts", blocks[0].start, blocks[-1].end, len(blocks))
    if doc is not None and key in doc.user_data:
        return list(doc.user_data[key])
    parts, found = _segment(blocks)
    if doc is not None:
        doc.user_data[key] = tuple(parts)
        for part, meta in zip(parts, found, strict=True):
            doc.user_data[metadata_key(blocks[part.first_block:part.last_block + 1])] = meta
    return parts


MIN_AGENDA_BLOCKS = 4  # an agenda part shorter than this is left whole
MAX_TITLE_WORDS = 16


def _split_agendas(blocks: list[Block], starts: list[int], kind: Callable[[int, int], str]
                   ) -> list[int]:
    """Where an agenda part runs on, without a page break, into the minutes it sends out
    ("... Date of Next Meeting / R Smith, Clerk / Minutes of the Meeting of the Parish
    Council / 21st November 2024 ..."), as a text, DOCX or HTML pack does: a new part at
    an unnumbered line titled "Minutes of the meeting of <body>" (the agenda's own
    "3. Minutes of the previous meeting" is numbered, and names no body)."""
    out: list[int] = []  # (what is before the title must read as an agenda on its own)
    heading = BlockKind.HEADING
    bounds = starts + [len(blocks)]
    for first, after in zip(bounds, bounds[1:], strict=False):
        out.append(first)
        for k in range(first + MIN_AGENDA_BLOCKS, after - 1):
            # (a line that is no heading, not in capitals and says no 'minute' is neither
            # title: the tests below, on the block's text, not yet its words; white space
            # changes neither)
            raw = blocks[k].text
            if not (blocks[k].kind is heading or raw.isupper() or "minute" in raw.lower()):
                continue
            # (a tab is white space: the words of the line; a long line is not split whole)
            words = raw.split(maxsplit=MAX_TITLE_WORDS)
            if len(words) > MAX_TITLE_WORDS:
                continue
            text = " ".join(words)
            if "minute" in text.lower() and _opening_cue([blocks[k]]) == "minutes-of" \
                    and kind(first, k) == "agenda" and kind(k, after) == "minutes":
                out.append(k)
                break
            # "... 10. Notices of Motion / MOURNEDALE BOROUGH COUNCIL / Report Classification:
            # ...": a report sent out with the agenda, under a title of its own
            if (blocks[k].kind is heading or text.isupper()) and _is_title(
                    [blocks[k]]) and kind(first, k) == "agenda" \
                    and kind(k, after) == "report":
                out.append(k)
                break
    return out


def metadata_key(blocks: Sequence[Block]) -> tuple:
    """Where the Doc keeps `metadata_of` a part's blocks, found while segmenting: the
    documents row of the file's cover asks for the same blocks again."""
    return ("metadata", blocks[0].start, blocks[-1].end, len(blocks))


def _segment(blocks: list[Block]) -> tuple[list[Part], list[dict]]:
    """The parts, and `metadata_of` each part's blocks."""
    pages = _page_starts(blocks)
    ends = pages[1:] + [len(blocks)]
    starts = [0]
    found_at: dict[tuple[int, int], dict] = {}  # a single page is read as the first and whole
    # the kind cues of each header line read: an agenda's runs from its titles overlap the
    # paper's header (on the bench a quarter of the lines classified were read again)
    seen: dict[str, list] = {}

    def meta(first: int, after: int) -> dict:
        if (first, after) not in found_at:
            found_at[(first, after)] = metadata_of(blocks[first:after], seen)
        return found_at[(first, after)]

    headed: dict[int, str] = {}  # first block -> the kind its header lines give
    recorded_kinds: dict[tuple[int, int], str] = {}  # a run -> the kind its body records

    def kind(first: int, after: int) -> str:
        """meta(first, after)["kind"]: a run reaching past its header lines has the kind
        cues of any other run from the same block (an agenda part is tried at each title
        in it); no run's kind needs its body or date read (as `metadata_of` reads it:
        its header's kind, else the kind its body lines record)."""
        if (first, after) in found_at:
            return str(found_at[(first, after)]["kind"])
        if first not in headed or not header_reach(after - first):
            # a run from the same block read whole already has them: classify_blocks'
            # answer, kept in its metadata
            read = next((found["classified"] for (start, end), found in found_at.items()
                         if start == first and header_reach(end - start)), None) \
                if header_reach(after - first) else None
            classified = (read or classify_blocks(blocks[first:after], seen=seen))[0]
            if not header_reach(after - first):
                return classified if classified != "other" else recorded_kind(first, after)
            headed[first] = classified
        # "other" is read from the run's body lines (`header.recorded`): the whole run's
        return headed[first] if headed[first] != "other" else recorded_kind(first, after)

    def recorded_kind(first: int, after: int) -> str:
        if (first, after) not in recorded_kinds:
            recorded_kinds[(first, after)] = recorded(blocks[first:after])[0]
        return recorded_kinds[(first, after)]

    current = meta(0, ends[0] if len(pages) > 1 else len(blocks))
    previous_lead = " | ".join(_fold(b.text) for b in _lead(blocks, 0))
    for start, end in zip(pages[1:], ends[1:], strict=True):
        if _opens_part(blocks, start, end, previous_lead, current):
            starts.append(start)
            current = meta(start, end)
        previous_lead = " | ".join(_fold(b.text) for b in _lead(blocks, start))
    starts = _split_agendas(blocks, starts, kind)
    parts, founds = [], []
    bounds = starts + [len(blocks)]
    for number, (first, after) in enumerate(zip(bounds, bounds[1:], strict=False), 1):
        found = meta(first, after)
        founds.append(found)
        parts.append(Part(number=number, kind=found["kind"], body=found["body"],
                          date=found["date"], first_page=blocks[first].page,
                          last_page=blocks[after - 1].page, first_block=first,
                          last_block=after - 1))
    return parts, founds
