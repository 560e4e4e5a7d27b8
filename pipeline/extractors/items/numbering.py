"""Which item-heading candidates a paper's numbering keeps, and in what order.

Item numbers rise through a paper, so the heaviest rising run of candidates is kept
(`rising`). An agenda pack holds more than one numbering (a front sheet's items 1-8,
then the previous meeting's minutes numbered again from 1): a further run before or
after the main one is kept when it restarts at 1 (`sequences`). A running page header
("412 The Council No. 5", "12 FULL COUNCIL") is not an item (`drop_page_headers`), and
a front sheet's page numbers ("Work programme 169") are not part of its titles
(`strip_page_numbers`). Rules are data in `models/items/items.json`.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.extractors.items.item_rules import Item, ItemRules
from pipeline.model import Block, BlockKind
from pipeline.regex_cache import compile_cached


def minute_number(block: Block, pattern: re.Pattern[str]) -> str:
    """The minute number a line or table row opens with ('22 RESOLVED that ...', a 'Min No'
    cell '22'), by `pattern` (its group 1); '' when none."""
    first = block.cells[0] if block.kind is BlockKind.TABLE_ROW and block.cells else block.text
    found = pattern.match(first)
    return found.group(1) if found else ""


def number_key(number: str, rules: ItemRules) -> tuple[int, ...]:
    """Sortable key: "5" < "5.1" < "5a" < "6"; "41/24", "DEV12/24" sort on 41 and 12."""
    if ROMAN.fullmatch(number):
        return (_roman(number),)  # "IV": item 4 where items are numbered I, II, III ...
    if lone := _LONE_LETTER.fullmatch(number):
        return (ord(lone.group(1).lower()) - ord("a") + 1,)  # "(c)": the third lettered item
    head = rules.year_suffix.sub("", number)
    if not _DIGIT.search(head):
        head = number  # "RC/19": the number after the slash is the running number
    elif head != number and _runs_last(head, number[len(head):]):
        head = number  # "01/25/03": item 3 of meeting 01 in 2025, not a year
    parts: list[int] = [int(p) for p in _DIGITS.findall(head)]
    letter = _LETTER.search(head)
    if letter:
        parts.append(ord(letter.group(1).lower()) - ord("a") + 1)
    return tuple(parts) or (0,)


def paper_keys(numbers: list[str], rules: ItemRules) -> list[tuple[int, ...]]:
    """The keys of a paper's item numbers. A trailing '/NN' is a year ('41/24', '42/24')
    unless it is what runs: where three numbers or more share the part before the slash
    and differ after it ('335/01', '335/02', '335/03': meeting 335, its items 1, 2, 3;
    'ICB/25/40', 'ICB/25/41', 'ICB/25/42': the board's 2025 minutes 40, 41, 42), those
    numbers sort on every number in them."""
    keys = [number_key(n, rules) for n in numbers]
    heads: dict[str, set[str]] = {}
    for n in numbers:
        if (m := _MEETING_ITEM.fullmatch(n)):
            heads.setdefault(m.group(1), set()).add(m.group(2))
    running = {h for h, tails in heads.items() if len(tails) >= 3}
    if running:
        keys = [(*map(int, _DIGITS.findall(m.group(1))), int(m.group(2)))
                if (m := _MEETING_ITEM.fullmatch(n)) and m.group(1) in running else k
                for n, k in zip(numbers, keys, strict=True)]
    return keys


#: a number whose part after its last slash might be a year: what comes before it has a number
_MEETING_ITEM = compile_cached(r"([A-Za-z]{0,6}[ /]?\d{1,5})/(\d{2})")
# number_key's regexes, compiled once (it is asked of every candidate's number)
_DIGIT = compile_cached(r"\d")
_DIGITS = compile_cached(r"\d+")
_LETTER = compile_cached(r"\d\s?\(?([a-z])\)?$", re.I)
_LONE_LETTER = compile_cached(r"\(([a-z])\)")
ROMAN = compile_cached(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(number: str) -> int:
    values = [ROMAN_VALUES[c] for c in number]
    return sum(-v if n + 1 < len(values) and v < values[n + 1] else v
               for n, v in enumerate(values))


def _runs_last(head: str, suffix: str) -> bool:
    """Whether the number after the last slash runs, though shaped like a year: after two
    numbers ("01/25/03", "10531/04/25"), where it does not carry on a year range
    ("268/24/25": minute 268 of 2024/25)."""
    numbers = re.findall(r"\d+", head)
    tail = re.findall(r"\d+", suffix)
    if len(numbers) < 2 or len(tail) != 1 or len(numbers[-1]) != len(tail[0]):
        return False
    return int(tail[0]) != int(numbers[-1]) + 1


RISING_WINDOW = 2000


def rising(candidates: list[Item], rules: ItemRules) -> list[Item]:
    """The heaviest subsequence of candidates whose numbers strictly rise (O(n^2), n small)."""
    if not candidates:
        return []
    keys = paper_keys([c.number for c in candidates], rules)
    best = [c.weight for c in candidates]
    previous = [-1] * len(candidates)
    for i in range(len(candidates)):
        # a paper of thousands of numbered lines: the chain is looked for among the last
        # RISING_WINDOW before each (every earlier one for any real paper's few hundred)
        for j in range(max(0, i - RISING_WINDOW), i):
            if not keys[j] < keys[i]:
                continue
            # a leap in the numbering ("2. Planning" then "14 Market Street") weighs less
            leap = rules.leap_penalty if keys[i][0] - keys[j][0] > rules.leap_size else 0.0
            if best[j] + candidates[i].weight - leap > best[i]:
                best[i] = best[j] + candidates[i].weight - leap
                previous[i] = j
    end = max(range(len(candidates)), key=lambda i: (best[i], -i))
    chain = []
    while end != -1:
        chain.append(candidates[end])
        end = previous[end]
    return chain[::-1]


def sequences(candidates: list[Item], blocks: list[Block], rules: ItemRules) -> list[Item]:
    """The main rising run, with the further runs before and after it that restart at 1."""
    chain = _main_style(rising(candidates, rules), candidates, rules)
    if not chain:
        return chain
    before = [c for c in candidates if c.index < chain[0].index]
    after = [c for c in candidates if c.index > chain[-1].index]
    before, after = _restart(before, blocks, rules), _restart(after, blocks, rules)
    # a table of the items above the minutes gives way to the headings it lists
    if _repeats(before, chain):
        before = []
    if _repeats(after, chain):
        chain, after = after, []
    return before + chain + after


def _repeats(run: list[Item], chain: list[Item]) -> bool:
    """A run that lists the main run's items again, number for number, each title opening
    with the same words: a table of key decisions or contents above the minutes ("1.  The
    Mayor's Business   Received" over "1. THE MAYOR'S BUSINESS"), not items of its own."""
    if len(run) < 3 or [c.number for c in run] != [c.number for c in chain]:
        return False
    for mine, theirs in zip(run, chain, strict=True):
        a, b = _fold(mine.title).split(), _fold(theirs.title).split()
        size = min(3, len(a), len(b))
        if not size or a[:size] != b[:size]:
            return False
    return True


def drop_nested_lists(candidates: list[Item], rules: ItemRules) -> list[Item]:
    """Without the numbered lists inside an item: a run numbered again from 1 ("1. Bench
    repairs", "2. Hedge cutting", "3. Dog bins") after a higher number ("2. Matters
    arising") and followed by a heading that carries on the outer numbering ("3. Finance")."""
    keys = [number_key(c.number, rules) for c in candidates]
    nested: set[int] = set()
    outer: tuple[int, ...] | None = None
    i = 0
    while i < len(candidates):
        if keys[i] == (1,) and outer is not None and outer > (1,):
            end = i
            while end + 1 < len(candidates) and keys[end + 1] == (keys[end][0] + 1,):
                end += 1
            if end > i and end + 1 < len(candidates) and keys[end + 1] > outer:
                nested.update(range(i, end + 1))
                i = end + 1
                continue
        outer = keys[i]
        i += 1
    return [c for n, c in enumerate(candidates) if n not in nested]


def _family(item: Item, rules: ItemRules) -> str:
    return rules.families.get(item.rule, item.rule)


def _main_style(chain: list[Item], candidates: list[Item], rules: ItemRules) -> list[Item]:
    """The run in the paper's own numbering style where headings of another style broke
    into it and pushed some of its headings out: "4. UPDATES" / "Minute 110 – Defib ..." /
    "Minute 115 – Bench ..." / "5. PLANNING" (references to earlier minutes are not items,
    and item 5 is)."""
    if not chain:
        return chain
    styles = [_family(c, rules) for c in chain]
    main = max(set(styles), key=lambda f: (styles.count(f), -styles.index(f)))
    if styles.count(main) == len(chain):
        return chain
    own = rising([c for c in candidates if _family(c, rules) == main], rules)
    return own if len(own) > styles.count(main) else chain


def _restart(candidates: list[Item], blocks: list[Block], rules: ItemRules) -> list[Item]:
    """A numbering of its own outside the main run: kept when it starts at 1, holds enough
    headings, and is not a table's numbered rows (an action log, a list of names)."""
    chain = rising(candidates, rules)
    if (len(chain) < rules.extra_sequence_min or number_key(chain[0].number, rules) != (1,)
            or any(blocks[c.index].kind is BlockKind.TABLE_ROW for c in chain)
            or any(c.weight < 1.0 for c in chain)):
        return []
    return sequences(candidates, blocks, rules)


_NOT_WORD = compile_cached(r"[^\w\s]")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def drop_page_headers(candidates: list[Item], blocks: list[Block],
                      rules: ItemRules) -> list[Item]:
    """Without running page headers: a title printed under two or more numbers, or one
    that repeats one of the paper's first lines (its body or title)."""
    numbers: dict[str, set[str]] = {}
    folded = [_fold(c.title) for c in candidates]  # (each title folded once)
    for c, title in zip(candidates, folded, strict=True):
        numbers.setdefault(title, set()).add(c.number)
    first = {_fold(b.text) for b in blocks[:rules.header_lines] if b.text.strip()}
    return [c for c, title in zip(candidates, folded, strict=True)
            if len(numbers[title]) < 2
            and not (min(c.index, c.title_block) >= rules.header_lines and title in first)]


def drop_contents(candidates: list[Item], blocks: list[Block], rules: ItemRules) -> list[Item]:
    """Without a table of contents: the candidates under a contents label ('Table of
    Contents', 'No Item Decisions') up to where their numbering starts again (the minutes'
    own first item); all are kept when it never does (the list is the paper's items)."""
    label = next((n for n, b in enumerate(blocks) if rules.contents_label.match(b.text)), None)
    if label is None:
        return candidates
    listed = [c for c in candidates if c.index > label]
    for n in range(1, len(listed)):
        if number_key(listed[n].number, rules) <= number_key(listed[n - 1].number, rules):
            dropped = {id(c) for c in listed[:n]}
            return [c for c in candidates if id(c) not in dropped]
    return candidates


def strip_page_numbers(items: list[Item], rules: ItemRules) -> None:
    """Drop the page numbers that end a front sheet's item lines ("Annual report 9"):
    where two or more items end in a number and those numbers rise through the list."""
    found = [(item, rules.page_number.search(item.title)) for item in items]
    numbered = [(item, m) for item, m in found if m]
    pages = [int(m.group("page")) for _, m in numbered]
    if len(numbered) < 2 or pages != sorted(pages) or len(set(pages)) < len(pages):
        return
    for item, found_page in numbered:
        head = item.title[:found_page.start()].rstrip()
        if head:
            item.title = head
    _strip_wrapped_page_numbers([(item, m) for item, m in found], rules)


def _dated(title: str, found: re.Match[str], rules: ItemRules) -> bool:
    """Whether the words around a number read it as a date or quantity ("May 3", "3 per")."""
    words = title[:found.start()].split()[-1:] + title[found.end():].split()[:1]
    return any(w.casefold().strip(",.;:()") in rules.bad_first_words for w in words)


def _strip_wrapped_page_numbers(found: list[tuple[Item, re.Match[str] | None]],
                                rules: ItemRules) -> None:
    """A front-sheet title that wrapped onto a second line carries its page number at the
    end of its first line, so in the middle of the joined title ("Minutes of the meeting
    held on ... and notes of 3 the joint session ..."): a lone number between the pages of
    the items before and after it, not part of a date, is dropped."""
    pages = [int(m.group("page")) if m else None for _, m in found]
    # the page of the nearest item before and after each that has one, found in two passes
    before: list[int | None] = []
    last: int | None = None
    for page_number in pages:
        before.append(last)
        last = page_number if page_number is not None else last
    after: list[int | None] = []
    last = None
    for page_number in reversed(pages):
        after.append(last)
        last = page_number if page_number is not None else last
    after.reverse()
    for n, (item, page) in enumerate(found):
        low, high = before[n], after[n]
        if page is not None or low is None or high is None:
            continue
        inside = [m for m in rules.wrapped_page.finditer(item.title)
                  if low <= int(m.group("page")) <= high
                  and not _dated(item.title, m, rules)]
        if len(inside) == 1:
            m = inside[0]
            item.title = item.title[:m.start()] + " " + item.title[m.end():]


def lettered_candidates(candidates: list[Item], rules: ItemRules) -> list[Item]:
    """The candidates numbered as lettered parts ('A1', 'A2'), where there are enough of them
    to be a run of their own; [] otherwise."""
    pattern, fewest = rules.lettered_parts
    lettered = [c for c in candidates if pattern.match(c.number)]
    return lettered if len(lettered) >= fewest else []


def lettered_parts(candidates: list[Item], items: list[Item], rules: ItemRules) -> list[Item]:
    """The items with the lettered parts of an item put back: planning applications 'A1',
    'A2', 'B1' under '74. PLANNING APPLICATIONS' rise in a numbering of their own, so the
    paper's run leaves them out; a rising run of them between two kept items (or after the
    last) is kept under the item above."""
    lettered = lettered_candidates(candidates, rules)
    if not lettered or not items:
        return items
    fewest = rules.lettered_parts[1]
    kept = {c.index for c in items}
    added: list[Item] = []
    for n, item in enumerate(items):
        end = items[n + 1].index if n + 1 < len(items) else None
        run = [c for c in lettered if c.index > item.index and (end is None or c.index < end)
               and c.index not in kept]
        keys = [(c.number[0], int(c.number[1:])) for c in run]
        if len(run) >= fewest and keys == sorted(set(keys)):
            added.extend(run)
    return sorted(items + added, key=lambda c: c.index) if added else items


_BARE_NUMBER = compile_cached(r"(\d{1,3}(?:\.\d{1,3})*)\.?")


def deeper_number(number: str, text: str) -> bool:
    """Whether `text` is a paragraph number alone under item `number` ('2.1', '3.1.1' under
    '2', '3')."""
    found = _BARE_NUMBER.fullmatch(text)
    return found is not None and found.group(1).startswith(number.rstrip(".") + ".")


_POINT_ZERO = re.compile(r"(\d{1,3})\.0{1,2}")


def drop_repeated_heads(candidates: list[Item]) -> list[Item]:
    """Without a 'N.0 TITLE' line under item N: a Scottish board's minute repeats each
    item's heading as its paragraph 0 ('1.' / 'Order of Business' / 'Minutes:' / '1.0
    ORDER OF BUSINESS' / '1.1 The Convener ...'), which would make a run of its own."""
    seen: set[str] = set()
    kept = []
    for c in candidates:
        head = _POINT_ZERO.fullmatch(c.number)
        if head is None or head.group(1) not in seen:
            kept.append(c)
        seen.add(c.number.rstrip("."))
    return kept
