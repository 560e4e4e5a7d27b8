"""Item titles: whether a line reads as a heading, and the title it gives.

A title is short and capitalised and does not read as a sentence ("1. Noted the report.",
"2.1 The gate was replaced."); link furniture, a trailing colon or full stop and a run-on
part are not part of it. A title can wrap onto the next lines ("... asking for the" /
"Formation of a Youth Club") or stand above a lone number ("APOLOGIES" / "PLA146/25").
Used by `headings.py`; rules are data in `models/items/items.json`.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.anchors import LiteralGate, required_strings
from pipeline.extractors.items.item_rules import rules
from pipeline.extractors.items.numbering import deeper_number
from pipeline.extractors.items.row_text import strip_bars
from pipeline.model import Block, BlockKind
from pipeline.regex_cache import compile_cached


def is_address(title: str) -> bool:
    """Whether a line after a bare number reads as a street address ("Market Street",
    "Church Lane, Oakham", "Mill Road - dismissed"): its name, before any comma or
    spaced dash, ends in a street word."""
    name = re.split(r",|\s[-\u2013\u2014]\s", title)[0].strip().rstrip(".")
    words = name.split()
    if words and re.fullmatch(r"\d{1,4}[A-Za-z]?", words[0]):
        return False  # "4 14 ASHDOWN MEWS, W2": item 4 is a planning application at number 14
    return 2 <= len(words) <= 5 and words[-1].casefold() in rules().address_words


_BRACKETED = re.compile(r"\([^()]*\)")  # a name's note: '(Kilbrannan Community Council)'
#: a decision keyword in title case with its colon, that a flattened heading runs into
_TITLED_KEYWORD = re.compile(r"\s(?:Resolved|Agreed|Decided|Noted)\s*:-?\s+(?=[A-Z])")

def split_run_on(title: str, loose: bool = False, described: bool = False) -> str:
    """A heading run on into its text ("Street lighting  Reported – the Clerk had ..."):
    the heading part, where the rest reads as a sentence and the whole is no title, or
    where an upper-case heading runs on into text that is not ("APOLOGIES FOR ABSENCE –
    Cllr Stanser, Cllr Smith"); not on an agenda line with its pages, where the text after
    the dash describes the item ("NOTICE OF MOTIONS – Report by the Head of Legal
    Services. 16 - 19": `described`)."""
    r = rules()
    if label := r.page_label_run_on.search(title):  # a flattened page's line
        if is_title(head := title[:label.start()].strip(), loose=loose):
            title = head  # "Date of next meeting Minutes: The next meeting ..."
        if (note := r.agenda_note_run_on.search(title)) and \
                is_title(head := title[:note.start()].strip(), loose=loose):
            return head  # "Minutes of the previous meeting To approve the minutes of ..."
    if (keyword := r.run_in_keyword.search(title)) and upper_case(
            head := title[:keyword.start()].strip()) and is_title(head, loose=loose):
        return head  # "MINUTES OF THE PREVIOUS MEETING RESOLVED that the minutes ..."
    if (keyword := _TITLED_KEYWORD.search(title)) and is_title(
            head := title[:keyword.start()].strip(), loose=loose):
        return head  # "Minutes of the meeting held on 9th December 2025 Resolved: The Board"
    if (colon := re.search(r":\s+(?=[A-Z])", title)) and (labelled := re.fullmatch(
            r"(.*[A-Z]{3}.*?)\s+(\w+)", title[:colon.start()].strip())) and labelled[2] in \
            r.run_in_labels and upper_case(labelled[1]) and is_title(labelled[1], loose=loose):
        return labelled[1]  # "PRESENT Councillors: A, B & C"
    if (colon := re.search(r":\s+(?=\w)", title)) and r.next_meeting_head.match(
            head := title[:colon.start()].strip()):
        return head  # "Date of next meeting: 17th September 2025, 1.30pm, Memorial Hall"
    if (colon := re.search(r":\s+(?=[A-Z])", title)) and \
            is_title(head := title[:colon.start()].strip(), loose=loose):
        after = title[colon.end():].split()
        lowered = [w for w in after[1:] if w[:1].islower()]
        if after[0].casefold().strip(".,;") in r.colon_run_on or len(lowered) >= 3 and (
                title.rstrip().endswith(".") or len(after) > 12):  # ('Act 2005: Licences
            return head  # granted under ...' is a subtitle) "Finance: Balances were checked."
        parts = _LIST_CUT.split(title[colon.end():].strip(" ."))
        if len(parts) >= 2 and all(p[:1].isupper() and len(_BRACKETED.sub(" ", p).split()) <= 4
                                   for p in parts):
            return head  # "Apologies: C. Linklater; M. Spence (Community Council)": names
    found = r.run_on_split.search(title)
    if not found:
        return title if is_title(title) else run_in(title, loose) or title
    head, rest = title[:found.start()].strip(), title[found.end():]
    if (not described and len(head.split()) >= 2 and upper_case(head)
            and any(c.islower() for c in rest) and is_title(head, loose=loose)):
        return head  # "APOLOGIES FOR ABSENCE – Cllr Stanser, Cllr Smith"
    if not described and r.standing_head.match(head) and is_title(head, loose=loose):
        return head  # "Apologies – Councillors A, B and C", "Declarations of Interest – MR ..."
    words = {w.casefold().strip(",.;:()") for w in rest.split()}
    first = rest.split()[0].casefold().strip(",.;:()") if rest.split() else ""
    if head and rest[:1].isupper() and first in r.run_on_keywords and len(words) >= 3 \
            and is_title(head):
        return head  # "Grass cutting contract – Resolved to accept the quote from ..."
    if is_title(title):
        return title
    if head and is_title(head) and len(words) >= 3 and words & r.verb_words:
        return head
    return run_in(title, loose) or title


_LIST_CUT = compile_cached(r"\s*[;,]\s*(?:and\s+)?|\s+and\s+")

#: upper-case words (and their '&', digits) before a word in sentence case
_CAPS_HEAD = compile_cached(r"((?:[A-Z][A-Z0-9&'’-]*\s+)+)(?=[A-Z][a-z])")


#: a cut that would leave a number behind its comma, apart from the noun it counts
_COUNTED = compile_cached(r",\s*\d+$")


def run_in(title: str, loose: bool = False) -> str | None:
    """The heading of a title run straight into its first sentence ('Highways The pothole
    on Fen Lane had been reported again'): the words before a sentence opener, when the
    rest reads as a sentence and the heading is a title in sentence case (a heading of one
    or two words may be capitalised)."""
    r = rules()
    # "DECLARATIONS OF INTEREST Cllr Meredith declared ...": an upper-case heading whose
    # text opens in sentence case; the change of case is the cut, whatever the first word
    if (caps := _CAPS_HEAD.match(title)) and re.search(r"[A-Z]{3}", caps.group(1)):
        head, rest = caps.group(1).strip(), title[caps.end():].split()
        lowered = {w.casefold().strip(",.;:()") for w in rest[1:] if not w[:1].isupper()}
        if len(rest) >= 4 and len(lowered) >= 2 and is_title(head, loose=loose):
            return head  # the sentence case says a sentence runs on, whatever its verb
    for m in r.run_in_opener.finditer(title):
        head, rest = title[:m.start()].strip(), title[m.end():].split()
        if _COUNTED.search(head):
            continue  # "On a vote being taken, 7 | Members voted ...": a count, not a title
        lowered = {w.casefold().strip(",.;:()") for w in rest[1:] if not w[:1].isupper()}
        if head and len(rest) >= 4 and lowered & r.verb_words and is_title(head, loose=loose) \
                and (len(head.split()) <= 2 or title_case(head)
                     or not any(w[:1].isupper() for w in head.split()[1:])):
            return head
    dated = r.run_in_date.search(title)
    if dated and is_title(head := title[:dated.start()].strip(), loose=loose) and \
            head.split()[-1].casefold() not in r.dangling_words | {"held", "dated"}:
        return head  # "Date of next meeting Thursday 9th May 2024 at 7.30pm."
    return None


def wrapped(blocks: list[Block], index: int, title: str) -> tuple[str, int]:
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
                text[:1].islower() and not text.endswith(".") and heading_part(title) == " ".join(
                    title.replace("\t", " ").split()).strip("*").strip())):
            break
        if (block.kind is BlockKind.TABLE_ROW or not text[:1].isalnum()
                or len(text.split()) > r.wrap_words or r.sub_part.match(text)
                or _sentence(text)
                or any(p.match(text) for p in r.skip_lines + r.item_labels)
                or any(p.match(text) for _, p, _ in r.patterns)):
            break
        joined = f"{clean_title(title)} {text}"
        if not is_title(joined, relaxed=True, loose=True):
            break
        title, index = joined, after
    return title, index


def title_above(blocks: list[Block], index: int) -> tuple[str, int] | None:
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
            or not (emphasised(blocks[j]) or upper_case(text) or title_case(text))):
        return None
    if j > 0 and blocks[j - 1].kind is not BlockKind.TABLE_ROW:
        before = blocks[j - 1].text.strip()
        words = before.split()
        if (words and words[-1].casefold() in r.dangling_words
                and not any(p.match(before) for _, p, _ in r.patterns)
                and is_title(f"{before} {text}", relaxed=True, loose=True)):
            return clean_title(f"{before} {text}"), j - 1
    return clean_title(text), j


def _sentence(text: str) -> bool:
    """A full sentence ('No information reports were called in.'): the text under a title
    ending in 'in', not the rest of it."""
    words = {w.casefold().strip(",.;:()") for w in text.split()}
    return text.endswith(".") and text[:1].isupper() and bool(words & rules().verb_words)


def next_title(blocks: list[Block], index: int, number: str = "") -> tuple[str, int]:
    """The title on the line after a number alone, and that line's index; a paragraph number
    under the item's own ('2.' / '2.1' / 'URGENT ITEMS': a margin column) is passed over."""
    for j in range(index + 1, min(index + 3, len(blocks))):
        text = blocks[j].text.strip().strip("*").strip()
        if number and deeper_number(number, text):
            continue
        if blocks[j].kind is BlockKind.TABLE_ROW:
            filled = [c for c in blocks[j].cells if c.strip()]
            if len(filled) > 2 and blocks[index].kind is not BlockKind.TABLE_ROW:
                break  # 'Item 6.3' over 'Meeting | NAME | Venue | ROOM': a record, no title
            text = " ".join(filled)
        if any(p.match(text) for p in rules().skip_lines):
            continue
        return text, j
    return "", index


class OneLine:
    """While one numbered line is read as a heading (`with OneLine():`), `heading_part` and
    `is_title` answer each text once: the title checks ask both of the same title three or
    four times. The answers go when the line is read, so they serve no other line."""

    parts: dict[str, str] | None = None
    titles: dict[tuple[str, bool, bool], bool] | None = None

    def __enter__(self) -> None:
        OneLine.parts, OneLine.titles = {}, {}

    def __exit__(self, *_: object) -> None:
        OneLine.parts = OneLine.titles = None


def heading_part(title: str) -> str:
    """The heading part of a line: without a run-on first part or link furniture."""
    parts = OneLine.parts
    if parts is None:
        return _heading_part(title)
    found = parts.get(title)
    if found is None:
        found = parts[title] = _heading_part(title)
    return found


def _heading_part(title: str) -> str:
    title = " ".join(title.split()).strip("*").strip()  # (a tab is white space to split)
    title = cut_run_on(title)
    # most lines hold none of the furniture's words, and the gate costs a sixth of a pass
    if _strip_gate().might_match(title):
        for _ in range(2):  # "Title (Agenda Item 1) PDF 12 KB": each ends the line in turn
            title = rules().strip.sub("", title)
    return title


def cut_run_on(text: str) -> str:
    """The text before its first run-on part (`run_on`: "... (a) ...", "... a. ...")."""
    marks = _run_on_marks()
    if marks is not None and not any(mark in text for mark in marks):
        return text  # (the split's search tries its alternatives at every space)
    return rules().run_on.split(text, maxsplit=1)[0]


@cache
def _run_on_marks() -> tuple[str, ...] | None:
    """Strings one of which the text of any run-on part holds as printed (its ')' or '.'),
    or None when the pattern shows none, or one has a letter (a case-blind pattern's
    strings are looked up in the folded text)."""
    found = required_strings(rules().run_on)
    if not found or any(mark.lower() != mark.upper() for mark in found):
        return None
    return tuple(sorted(found))


@cache
def _strip_gate() -> LiteralGate:
    """Whether a line may hold link furniture (`strip`) at all."""
    return LiteralGate([rules().strip])


def clean_title(title: str) -> str:
    """The title as printed, without the trailing colon or full stop of a heading."""
    title = heading_part(title)
    title = strip_bars(title)  # "1. Attendance |": a text table's bar
    title = title.split(" | ")[0]  # "P015/24 | Planning Applications | Clerk |": its cell
    title = re.sub(r"\s*(:-|:|\.|;|\s[-\u2013\u2014])\s*$", "", title)
    return title.strip()


def labelled(blocks: list[Block], index: int) -> bool:
    """Whether a ModernGov label ("Minutes:", "Additional documents:") follows the line."""
    return any(p.match(b.text.strip()) for b in blocks[index + 1:index + 4]
               for p in rules().item_labels)


def is_title(title: str, relaxed: bool = False, loose: bool = False) -> bool:
    """A heading-like line: short, capitalised, not a sentence, date, time or amount
    (`_is_title`; answered once per text while one line is read: `OneLine`)."""
    titles = OneLine.titles
    if titles is None:
        return _is_title(title, relaxed, loose)
    found = titles.get((title, relaxed, loose))
    if found is None:
        found = titles[(title, relaxed, loose)] = _is_title(title, relaxed, loose)
    return found


def _is_title(title: str, relaxed: bool = False, loose: bool = False) -> bool:
    """A heading-like line: short, capitalised, not a sentence, date, time or amount.

    Give the line as printed: a closing full stop is what shows a sentence (unless
    `relaxed`: the line is known to be a title, as in a "No. | Item" table). `loose`: the
    line's number fills a gap in the paper's numbering, so the title may be as long as
    `gap_title` allows and hold a verb ("... to be approved"), but not end as a sentence.
    """
    r = rules()
    title = heading_part(title).rstrip(":-\u2013 ")
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
    if not _letters(title, 3) or title.endswith(",") or (
            title.endswith(";") and not loose):  # "... of the Council;" fills a gap
        return False
    if first in r.decision_verbs and (len(words) == 1 or not words[1][:1].isupper()
                                      or words[0].endswith(":")):
        return False  # "1. Noted the contents of the report." / "6.3 Resolved: The Board"
    # verbs of a sentence are written in lower case ("May" in a date is a month)
    lowered = {w.casefold().strip(",.;:()") for n, w in enumerate(words)
               if n == 0 or not w[:1].isupper()}
    if first in r.sentence_starts and lowered & r.verb_words or lowered & r.vote_words:
        return False  # "1.1 It was" opens a numbered paragraph, "11 Members voted For" counts
    if r.sentence_opening.match(title):
        return False  # "5. Callum Reid introduced the paper": a numbered paragraph
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


def _letters(text: str, least: int) -> bool:
    """Whether the text holds at least `least` letters (counting stops there: a title's
    first letters most often)."""
    for ch in text:
        if ch.isalpha():
            least -= 1
            if least <= 0:
                return True
    return least <= 0


def after_colon(blocks: list[Block], index: int) -> bool:
    return index > 0 and blocks[index - 1].text.rstrip().endswith((":", ":-"))


def upper_case(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_case(title: str) -> bool:
    """Most significant words capitalised, as in "Apologies for Absence"."""
    words = [w for w in title.split() if w.casefold() not in rules().minor_words]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and capitalised / len(words) >= rules().title_case_share


def emphasised(block: Block) -> bool:
    return block.kind is BlockKind.HEADING or block.bold
