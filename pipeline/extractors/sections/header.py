"""A paper's kind (minutes, report, agenda, other), its body and its meeting date, read from
a run of blocks (a paper's, or one part's of a pack).

All three are read from the paper's opening blocks, where councils put them: a
report's header block ("Report to:", "Date of meeting:"), a minutes' title lines
("X / Minutes of the meeting held on ...", "Minutes of the meeting of the X held
on ...", "MINUTES OF X PARISH COUNCIL MEETING Held on ...", "At a meeting of the X
held on ..."), an agenda's notice ("NOTICE OF MEETING", "You are summoned to attend
a meeting of X", "A meeting of the X will be held"). Cue phrases are data in
`models/metadata/cues.json`.

Every function reads a run of blocks, so the same rules give the metadata of a whole
paper or of one part of an agenda pack (`pipeline.extractors.sections.parts.segment`). A pack's
documents row is that of its first part, the cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.extractors.anchors import LiteralIndex
from pipeline.extractors.sections.bodyname import (
    _DATE_LINE,
    _SENTENCE_WORD,
    _clean_body,
    _not_body_line,
    is_body_name,
    page_title_body,
)
from pipeline.extractors.sections.cover_letter import after_cover_letter
from pipeline.extractors.sections.cues import WEEKDAY, Cues, cues
from pipeline.extractors.sections.dates import FoundDate, find_dates, first_date, yearless_date
from pipeline.extractors.sections.meeting_dates import (
    HEADER_BLOCKS,
    earlier_minutes,
    later_gate,
    minutes_held,
    notice_date,
)
from pipeline.extractors.sections.record_cues import minuted_agenda, recorded
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached

__all__ = ["HEADER_BLOCKS", "WEEKDAY", "Blocks", "Cues", "_clean_body", "classify_blocks", "cues",
           "find_body", "find_date", "header_reach", "is_body_name",
           "metadata_of"]


Blocks = Sequence[Block]


def _blocks(source: Document | Blocks) -> Blocks:
    return source.blocks if isinstance(source, Document) else source


def _row_text(block: Block) -> str:
    """A table row's cells as one line; a two-cell row whose first cell is a header label
    without its colon ("Meeting | Cabinet", "Date | 14/03/2024") reads as "Label: Value"."""
    cells = [" ".join(c.split()) for c in block.cells if c.strip()]
    labels = cues().row_labels
    if len(cells) >= 2 and len(cells) % 2 == 0 and all(labels.match(c) for c in cells[::2]):
        # "Meeting | NAME | Venue | ROOM 4": label/value pairs side by side, the first read
        return f"{cells[0]}: {cells[1]}"
    return block.text.replace("\t", " ")


_DANGLING = compile_cached(
    r"^\W*(?:minutes?|cofnodion|a meeting|meeting)\b.{0,60}\b(?:of|of the|of a|of an)$", re.I)
_LEADING_NOTE = compile_cached(r"^\([^()]{20,400}\)\s+(?=\S)")


def _lines(blocks: Blocks) -> list[tuple[Block, str]]:
    """The header's lines: a table row's cells count as one line ("Label:\tValue")."""
    out: list[tuple[Block, str]] = []
    for block in blocks[:HEADER_BLOCKS * 2]:
        text = _row_text(block) if block.kind is BlockKind.TABLE_ROW else block.text
        # a leading note in brackets ("(These minutes are subject to approval ...) X Parish
        # Council Minutes of ...") is not the line's heading
        text = _LEADING_NOTE.sub("", " ".join(text.split()))
        if out and _DANGLING.search(out[-1][1]):
            # "MINUTES of the" / "CABINET": a title broken after its "of the" reads whole
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        elif out and out[-1][1].endswith(":") and not text.endswith(":") and \
                cues().row_labels.match(out[-1][1][:-1].strip()):
            # "Minutes Title:" / "Kingfisher Vale Academy Local Governing Body": a label over
            # its value, as a form laid out in one column gives it
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            continue
        elif out and cues().bare_body.match(text) and out[-1][1].isupper() and \
                len(out[-1][1].split()) <= 4 and not is_body_name(out[-1][1]):
            # "GLAN TEIFWY" / "COMMUNITY COUNCIL": a council's name broken before its kind
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            continue
        out.append((block, text))
    return out


Lines = list[tuple[Block, str]]


def classify_blocks(blocks: Blocks, lines: Lines | None = None,
                    seen: dict[str, list] | None = None) -> tuple[str, str]:
    """(kind, id of the deciding cue) of a run of blocks: the heaviest cue family wins.
    `lines`: the blocks' `_lines`, when the caller has them; `seen`: the cues of lines read
    before, by text, that one paper's caller keeps (its runs overlap)."""
    scores: dict[str, int] = {}
    reasons: dict[str, str] = {}
    found = []
    for _, text in (_lines(blocks) if lines is None else lines):
        cued = seen.get(text) if seen is not None else None
        if cued is None:
            cued = [(cue_id, kind, weight, earlier_minutes(text))
                    for (cue_id, kind, weight, pattern), possible in zip(
                        cues().kind, _kind_index().passing(text), strict=True)
                    if possible and pattern.search(text)]
            if seen is not None:
                seen[text] = cued
        found += cued
    # an agenda's or report's "Minutes of previous meeting" item does not make it minutes
    other = any(kind != "minutes" for _, kind, _, _ in found)
    counted: set[str] = set()
    for cue_id, kind, weight, earlier in found:
        if other and earlier and kind == "minutes":
            continue
        if cue_id not in counted:  # each cue counts once, however many lines show it
            counted.add(cue_id)
            scores[kind] = scores.get(kind, 0) + weight
            reasons.setdefault(kind, cue_id)
    if not scores:
        return "other", ""
    best = max(scores, key=lambda k: (scores[k], k == "minutes"))
    if best == "agenda" and reasons[best] == "agenda-heading" and minuted_agenda(
            blocks, [cue_id for cue_id, kind, _, _ in found if kind == "agenda"]):
        return "minutes", "minuted-agenda"
    return best, reasons[best]


@cache
def _kind_index() -> LiteralIndex:
    """The words each kind cue needs, looked up in a header line at once: most lines hold
    those of a few cues, and a cue's case-blind search costs more than all the lookups.
    (The cues anchored at a line's start are tried as one alternation, but for those that
    read several words before the ones they need: `kind_cues_by_words`.)"""
    c = cues()
    return LiteralIndex((pattern for _, _, _, pattern in c.kind),
                        alone=[k for k, cue in enumerate(c.kind) if cue[0] in c.kind_by_words])


def header_reach(count: int) -> bool:
    """Whether a run of `count` blocks reaches past the lines `classify_blocks` reads: its
    kind cues are then those of any longer run from the same first block."""
    return count >= HEADER_BLOCKS * 2


def _same_head(earlier: str, named: str) -> bool:
    return earlier.lower().split()[-1] == named.lower().split()[-1]


def find_body(source: Document | Blocks, lines: Lines | None = None
              ) -> tuple[str, Block | None]:
    lines = _lines(_blocks(source)) if lines is None else lines
    if len(lines) > 1 and cues().page_head.match(lines[0][1]) and (titled := page_title_body(
            lines[1][1], lines[2][1] if len(lines) > 2 else "")):
        # "Agenda and minutes / Finance and Resources - Friday, 16th January ...": the page's
        # title, before any "Report to: X" label of an item further down
        return titled, lines[1][0]
    addressed: tuple[str, Block | None] = ("", None)
    for block, text in lines:
        for pattern in cues().body_labels:
            m = pattern.match(text)
            if m and is_body_name(_clean_body(m["body"])):
                if _ADDRESSEE.match(text) and len(_clean_body(m["body"]).split()) == 1:
                    # "To: All Members of the Council": a letter's addressee, named in full
                    # by the summons below it if at all
                    addressed = addressed if addressed[0] else (_clean_body(m["body"]), block)
                    continue
                return _clean_body(m["body"]), block
    found = _find_heading_body(lines)
    return found if found[0] or not addressed[0] else addressed


_ADDRESSEE = compile_cached(r"^\W*to\s*[:\-\u2013]", re.I)


_ITEM_PAGE = compile_cached(r"^\W*agenda\s+item\W*$", re.I)
_MINUTES_TITLE = compile_cached(r"^\W*minutes?\b(?!\s*:)", re.I)


def _earlier(lines: list[tuple[Block, str]]) -> list[bool]:
    """Which header lines are about earlier minutes: the approval cues, and on a ModernGov
    item page ("Agenda item" over the item's title) every "Minutes ..." title, which is
    the item about the last meeting's minutes, not this page's header."""
    item_page = bool(lines) and bool(_ITEM_PAGE.match(lines[0][1]))
    return [earlier_minutes(text) or (item_page and bool(_MINUTES_TITLE.match(text)))
            for _, text in lines]


def _find_heading_body(lines: list[tuple[Block, str]]) -> tuple[str, Block | None]:
    headings: list[str] = []
    heading_at: list[int] = []  # the line of each heading
    item_page = bool(lines) and bool(_ITEM_PAGE.match(lines[0][1]))
    for n, ((block, text), about_earlier) in enumerate(zip(lines, _earlier(lines), strict=True)):
        if _not_body_line(text) or (item_page and _MINUTES_TITLE.match(text)):
            continue
        titles = () if about_earlier else zip(cues().minutes_of,
                                              _minutes_of_index().passing(text), strict=True)
        for pattern, possible in titles:
            m = pattern.search(text) if possible else None
            if not m:
                continue
            named = _clean_body(m["body"])
            if not named or not is_body_name(named):
                continue
            named = _committee_of_council(m.groupdict().get("kind") or "", named)
            before = _clean_body(text[:m.start()])
            if before and is_body_name(before):
                headings.append(before)
            for earlier in reversed(headings):
                if _same_head(earlier, named) and len(earlier) > len(named):
                    return earlier, block
            return named, block
        if re.match(r"^\W*minutes?\b", text, re.I) and headings:
            return headings[-1], block
        if len(text.split()) > 24 or (item_page and n == 1):
            # an item page's title is the item's, not the paper's heading: "Agenda item /
            # Safer X Partnership - annual update" is an item about that body
            continue
        candidate = _clean_body(text)
        if is_body_name(candidate) and not _SENTENCE_WORD.search(candidate):
            headings.append(candidate)
            heading_at.append(n)
            if len(headings) == 1 and n + 1 < len(lines) and _DATE_LINE.match(lines[n + 1][1]):
                # "The Council" / "Thursday, 16th October, 2014 6.30 pm": the page's first
                # title and its date; a later "Cabinet held on 23rd September" is another
                # meeting's ("BOARD / Title of the paper / date": the title is the second)
                return candidate, block
    if len(headings) > 1 and heading_at[1] <= heading_at[0] + 2 and \
            _council_over_committee(headings[0], headings[1]):
        # "WYNDHAMSHIRE COUNTY COUNCIL / CABINET" (or with a 'Report by ...' line between):
        # a report's header names the council, then the committee the paper goes to
        return headings[1], None
    return (headings[0], None) if headings else ("", None)




@cache
def _minutes_of_index() -> LiteralIndex:
    """The words each "Minutes of X" title needs, looked up in a header line at once; each
    tried alone, anchored or not (their tries read a body's name before those words)."""
    titles = cues().minutes_of
    return LiteralIndex(titles, alone=range(len(titles)))


def _council_over_committee(first: str, second: str) -> bool:
    # the committee's line is a bare name: no item number, no label, no sentence
    return bool(cues().council_name.match(first)) and not cues().council_name.match(second) \
        and second.lower().split()[-1] not in ("council", "authority", "meeting") \
        and len(second.split()) <= 8 and not re.search(r"[\d:;]", second)


def _committee_of_council(kind: str, named: str) -> str:
    """'Minutes of the Environmental Services Committee Meeting of Ardmore District Council':
    the committee named before 'Meeting of' the council, not the council."""
    committee = _clean_body(kind)
    if committee and cues().council_name.match(named) and is_body_name(committee) and \
            committee.lower().split()[-1] not in ("council", "authority", "meeting"):
        return committee
    return named


def find_date(source: Document | Blocks, kind: str = "", lines: Lines | None = None
              ) -> tuple[str, Block | None]:
    """The meeting date: a "Date of meeting:" label's, else a "Date:" label's, else the
    first date on a header line that names the meeting or is short. In an agenda a date
    that says nothing of the meeting (a summons letter's "Date: 25 September 2020", a
    letter's own date line) gives way to a later one that the notice gives the meeting
    ("you are summoned to attend ... on 1 October 2020")."""
    lines = _lines(_blocks(source)) if lines is None else lines
    labelled: list[tuple[FoundDate, Block, bool]] = []
    heading = " ".join(text for _, text in lines[:HEADER_BLOCKS])
    for block, text in lines:
        for pattern in cues().date_labels:
            m = pattern.match(text)
            # "Date: Tuesday 23 January" under "... BID Board – January 2024": that year's
            found = (first_date(m["rest"]) or yearless_date(m["rest"], heading)) if m else None
            if m and found:
                labelled.append((found, block, bool(cues().specific_date_label.match(
                    m["label"]))))
    chosen: tuple[FoundDate, Block] | None = None
    weak = is_specific = False
    if labelled:
        specific = [entry for entry in labelled if entry[2]]
        found, block, is_specific = specific[0] if specific else labelled[0]
        chosen, weak = (found, block), not is_specific
    else:
        item_page = bool(lines) and bool(_ITEM_PAGE.match(lines[0][1]))
        for (block, text), earlier in zip(lines[:HEADER_BLOCKS], _earlier(lines), strict=False):
            if earlier or item_page and len(text) >= 80 and text.rstrip().endswith(".") \
                    or cues().stamped_line.search(text):
                continue  # (an item page's minutes: "the ICB was formed on 1 July 2022."; a
                # pack's page header: "X PSB 22.01.26    AGENDA ITEM 02")
            describes = _names_meeting(text)
            if describes or len(text) < 80:
                # "... agreed to chair the next meeting on 11th March": no date after that
                later = cues().later_meeting.search(text) if later_gate().might_match(
                    text) else None
                found = _meeting_date(text[:later.start()] if later else text)
                if found:
                    chosen, weak = (found, block), not describes
                    break
    if chosen and weak and kind == "agenda":
        chosen = notice_date(lines, chosen[0]) or chosen
    elif chosen and kind == "minutes" and not is_specific:
        # a pack's "Date: 13 November" (or its dated cover line) is the meeting it goes to;
        # a "Meeting: 19/05/2026" label over an issue titled by earlier minutes is not
        chosen = minutes_held(lines, _earlier(lines)) or chosen
    return (chosen[0].iso, chosen[1]) if chosen else ("", None)


_TIME = compile_cached(r"\b\d{1,2}[.:]\d\d\s?(?:am|pm|a\.m\.|p\.m\.|yh|yb)|\b\d{1,2}\s?(?:am|pm)\b"
                       r"|\b(?:19|20)\d\d,?\s+(?:at\s+)?\d{1,2}[.:]\d\d\b",  # "2026, 10:30"
                       re.I)


def _meeting_date(text: str) -> FoundDate | None:
    """A line's meeting date: the first date its weekday introduces ("Cabinet - for meetings
    after 09/05/11 see ... - Monday, 29 October 2007"), else its first date."""
    found = find_dates(text)
    if len(found) > 1 and (visit := _SITE_VISIT.search(text)):
        # "Minutes of the site visits held on Monday 9 February ... and of the meeting of the
        # Sub-Committee held ... on Wednesday 11 February": the meeting's day, not the visits'
        meeting = next((date for date in found if date.start > visit.end()
                        and _MEETING_WORD.search(text, visit.end(), date.start)), None)
        if meeting:
            return meeting
    for date in found:
        if re.search(rf"\b{WEEKDAY}\W{{0,3}}$", text[:date.start], re.I):
            return date
    return found[0] if found else None


_SITE_VISIT = compile_cached(r"\bsite\s+(?:visits?|inspections?)\b", re.I)
_MEETING_WORD = compile_cached(r"\bmeeting\b", re.I)


def _names_meeting(text: str) -> bool:
    """A line that names the meeting: its title, "held", or its time ("<venue> 7.30pm
    5th of November 2013")."""
    return bool(re.search(r"\bminutes? of\b|\bheld\b|\bmeeting\b|\bcofnodion\b"
                          r"|\bdecisions? taken\b", text, re.I)  # "Record of decisions taken on"
                or (len(text) <= 200 and _TIME.search(text))
                or is_body_name(_clean_body(text)))


def metadata_of(blocks: Blocks, seen: dict[str, list] | None = None) -> dict:
    """kind, body, date (and the deciding cue and anchor blocks) of a run of blocks; `seen`:
    as classify_blocks takes it."""
    blocks = after_cover_letter(blocks)  # "Dear Councillor ... Agenda Item 5": the paper's
    lines = _lines(blocks)  # (read by all three)
    classified = kind, cue = classify_blocks(blocks, lines, seen)
    if kind == "other":
        kind, cue = recorded(blocks)
    body, body_block = find_body(blocks, lines)
    when, date_block = find_date(blocks, kind, lines)
    # "classified": classify_blocks' own answer, kept for `metadata.classify_kind`
    return {"kind": kind, "body": body, "date": when, "kind_cue": cue,
            "anchor": body_block or date_block, "classified": classified}
