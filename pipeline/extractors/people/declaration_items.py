"""The items a declaration names: 'item 5.2', 'items 11.2 (Title) and 11.3', 'Minute No. 84',
a coded number the paper's items use ('A25/021'), or an item's whole title; and the number,
in the paper's own numbering, of the item each names."""

from __future__ import annotations

import difflib
import re

from pipeline.extractors.people.declaration_parts import _number, folded_titles, pattern
from pipeline.regex_cache import compile_cached

#: the minutes a list of items gives in brackets: 'Items 13 and 14 (minutes 322 and 323)'
_MINUTES_LISTED = re.compile(r"\s*\(\s*minutes?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)+)\s*\)", re.I)


def item_refs(text: str) -> list[tuple[str, str]]:
    """(number, title) of every item the text names: 'item 5.2', 'items 11.2 (Title) and
    11.3', 'agenda item “Title”', 'Minute No. 84'."""
    refs: list[tuple[str, str]] = []
    found = [m for m in pattern("item_ref").finditer(text)]
    # "in respect of paragraph 4 - Title": a minute paragraph; not "paragraph 5.3 of the Code"
    found += [m for m in pattern("paragraph_ref").finditer(text)
              if not pattern("paragraph_cited").match(text, m.end())]
    for m in sorted(found, key=lambda m: m.start()):
        numbers = list(pattern("item_number").finditer(m.group("list")))
        shared = len(numbers) > 1 and not any(one.group("title") for one in numbers[:-1])
        minutes = _MINUTES_LISTED.search(m.group("list"))
        pairs = re.findall(r"\d+", minutes.group(1)) if minutes else []
        if len(numbers) > 1 and len(pairs) == len(numbers):
            # "Items 13 and 14 (minutes 322 and 323)": each item with its own minute
            refs += [(one.group("num").strip(), f"minute {n}") for one, n in zip(
                numbers, pairs, strict=True)]
            continue
        for one in numbers:
            title = one.group("title").strip().strip("()“”\"‘’'")
            if shared:
                title = ""  # "items 10.9 and 11.1 (Title)": a title of the pair, not of 11.1
            if one is numbers[-1] and not title and (
                    dash := pattern("dash_title").match(text, m.end())):
                title = dash.group("title")  # "item 9 – Title as ..."
            refs.append((one.group("num").strip(), title))
    for m in pattern("quoted_item").finditer(text):
        refs.append(("", m.group("title").strip("“”\"‘’")))
    return refs


_REFERENCE = compile_cached(r"\w+(?:/\w+){2,}")


def bare_codes(text: str, items: list[dict]) -> list[str]:
    """Item numbers of the paper's own coded shape ('A25/021', '04/06:05', 'C 26/047')
    that the text names without 'item' or 'minute' before them, in their order; or the
    reference an item's title holds ('4.1 LA09/2021/1104/F - Erection of ...')."""
    found: list[tuple[int, str]] = []
    # an application's reference anywhere in a title ('APPLICATION FOR DECISION - 25/03117/FULL
    # - 4 Orchard Mews'), where no other item's title holds it
    refs = [next((w for w in i.get("title", "").split() if _REFERENCE.fullmatch(w)), "")
            for i in items]
    for i, ref in zip(items, refs, strict=True):
        number = i.get("number", "")
        for code in (number, ref if ref and refs.count(ref) == 1 else ""):
            if not code or not pattern("coded_number").search(code):
                continue
            at = re.search(r"(?<![\w/:.])" + re.escape(code).replace(r"\ ", r"\s?")
                           + r"(?![\w/:]|\.\d)", text)
            if at and number:
                # a sub-reference in the item's own numbering is kept as printed: '23/106(b)'
                sub = re.match(r"\([a-z0-9]{1,3}\)", text[at.end():], re.I)
                found.append((at.start(), number + (sub.group() if sub else "")))
                break
    return [n for _, n in sorted(found)]


def cell_numbers(cell: str) -> list[str]:
    """The item numbers of a table cell that holds only numbers ('0654 & 0655')."""
    m = pattern("cell_numbers").match(cell)
    if not m or len(cell.strip()) > m.end() + 60:
        return []
    return [n.group().strip() for n in _number().finditer(m.group())]


_SPACES, _NOT_WORD = compile_cached(r"\s+"), compile_cached(r"[^\w\s]")  # (compiled once)


def _fold(number: str) -> str:
    return _SPACES.sub("", number).rstrip(".:").casefold()


def _loose(number: str) -> str:
    """An item number without the brackets or the dot before a letter: '7(b)', '7.b', '7 b'
    and '7b' are one."""
    return re.sub(r"[()\s]|\.(?=[a-z])", "", _fold(number))


def _title_fold(title: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", title.casefold()).split())


def resolve(number: str, title: str, items: list[dict]) -> str:
    """The number, in the items' numbering, of the item a reference names ('' when the page
    does not tie it to one of its items)."""
    numbered = [i for i in items if i.get("number")]
    if number and not numbered:
        return number
    by_number = {_fold(i["number"]): i["number"] for i in numbered}
    wanted = _title_fold(title)
    if number and len(wanted) > 12:  # agenda item 5 'Title' that the minutes number 7
        same = [i["number"] for i in numbered if _title_fold(i.get("title", "")) == wanted]
        if len(same) == 1:
            return same[0]
    if number and _fold(number) in by_number:
        return by_number[_fold(number)]
    loose = {_loose(i["number"]): i["number"] for i in numbered}
    if number and _loose(number) in loose:  # "item 7(b)" where the items print "7b"
        return loose[_loose(number)]
    for i in numbered:  # a sub-reference in the items' own numbering: '6.2(b)'
        if number and re.fullmatch(re.escape(_fold(i["number"])) + r"\(?[a-z0-9ivx]{1,4}\)?",
                                   _fold(number)):
            return number
    m = pattern("minute_title").match(title)
    if m and _fold(m.group(1)) in by_number:
        return by_number[_fold(m.group(1))]
    if len(wanted) > 3:
        for i in numbered:
            have = _title_fold(i.get("title", ""))
            if have and (wanted == have or difflib.SequenceMatcher(None, wanted, have).ratio()
                         >= 0.8 or (len(wanted) > 12 and (wanted in have or have in wanted))):
                return i["number"]
    return ""


def titled_in(text: str, items: list[dict]) -> list[tuple[str, str]]:
    """'MR and EW in relation to the Cae Mawr field lease': the item an entry names by its
    whole title (two words or more), with no 'item' before it."""
    folded = f" {_title_fold(text)} "
    return [(i.get("number", ""), i["title"]) for i, title in zip(
        items, folded_titles(items), strict=True) if len(i.get("title", "").split()) >= 2
        and f" {title} " in folded][:1]


_ENTRY_BREAK = re.compile(r";\s+")


def entry_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each entry of a line that runs entries together with semicolons
    ('HR and TG in relation to <title>; Cllr L Ashworth, item 8, as a trustee')."""
    starts = [0, *(m.end() for m in _ENTRY_BREAK.finditer(text))]
    ends = [m.start() for m in _ENTRY_BREAK.finditer(text)] + [len(text)]
    return list(zip(starts, ends, strict=True))
