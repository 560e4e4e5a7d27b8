"""Cuts inside a list of people that no separator marks: a name run on after the one
before it ('Councillor A (Chair) Councillor B', 'Cllr A, Dunmere District Council Cllr B',
'A Bell (AB) C Dunn (CD)'). Used by lists.parse_list; the cuts already made are searched by
bisection, so a list of thousands of names costs time in proportion to its length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from pipeline.extractors.people.names import _kind, classify, is_name, parse_person, prefix
from pipeline.extractors.people.scanning import word_char
from pipeline.extractors.people.vocabulary import lone_honorific, pattern, vocab
from pipeline.regex_cache import compile_cached


class _Cuts:
    """Sorted cuts (start, end, kind) that do not overlap, searched by bisection: a list of
    thousands of names must not be scanned again for each of them."""

    def __init__(self, cuts: list) -> None:
        self.items = sorted(cuts)
        self.starts = [c[0] for c in self.items]
        self.ends = [c[1] for c in self.items]

    def inside(self, at: int) -> bool:
        """Whether `at` falls inside a cut."""
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and self.items[i][0] <= at < self.items[i][1]

    def count_before(self, at: int) -> int:
        """How many cuts end at or before `at` (they come first)."""
        return bisect_right(self.ends, at)

    def add(self, cut: tuple[int, int, str]) -> None:
        i = bisect_right(self.starts, cut[0])
        self.items.insert(i, cut)
        self.starts.insert(i, cut[0])
        self.ends.insert(i, cut[1])


#: how far back from an honorific the words of the name before it are read
LOOK_BACK = 200
_FIRST_WORD = compile_cached(r"\s*(\S+)")


def run_on_cuts(text: str, start: int, end: int, cuts: list, depth: tuple[int, ...]) -> list:
    """Cuts before an honorific that follows a finished name without a separator:
    'Councillor A (Chair) Councillor B' in a column merged into one cell."""
    v = vocab()
    extra: list[tuple[int, int, str]] = []
    # the separators; with the cuts added here (a copy made at the first cut added)
    base = merged = _Cuts(cuts)

    def cut(at: int, kind: str) -> None:
        nonlocal merged
        if merged is base:
            merged = _Cuts(base.items)
        extra.append((at, at, kind))
        merged.add((at, at, kind))

    # before an honorific, or an office written before a name ('... Joan BOYLE Depute
    # Convener Callum CAIRNS')
    ranks = {m.start(): m for m in v["rank"].finditer(text, start, end)
             if (m.start() == 0 or text[m.start() - 1].isspace())
             and (after := _RANK_AFTER.match(text, m.end(), end))
             and after.group(1) not in office_words()}
    found = sorted([*v["hon_word"].finditer(text, start, end), *ranks.values()],
                   key=lambda m: m.start())
    for m in found:
        if m.start() == start or depth[m.start()] or base.inside(m.start()):
            continue
        k = base.count_before(m.start())
        last = base.items[k - 1] if k else None
        # the words since the last cut: the last few, and the first, are all that is read
        # (a run of thousands of words without a separator is not split once per honorific)
        since = max(start, last[1]) if last else start
        words = text[max(since, m.start() - LOOK_BACK):m.start()].split()
        first = _FIRST_WORD.match(text, since, m.start())
        if not words or words[-1] in ("and", "of", "for", "&", "The", "the") or ranks.get(
                m.start()) is m and (len(words) < 2 or first is None
                                     or first.group(1) in ("The", "the")):
            continue  # an office after a name, not "The Deputy Lord Mayor", "The Lord Mayor"
        tail = words[-1].strip(".,")
        if lone_honorific(words[-1]):
            continue  # "Cllr Mrs J Tonkin": honorifics in a row open one name
        # a surname in capitals ('Councillor Neil BAXTER Councillor ...') ends a name too,
        # after a forename or an initial
        ended = tail.endswith(")") or (last and last[2] == "dash") or tail in v["post"] or (
            _kind(tail) == "word" and tail not in ending_words()) or (
            _kind(tail) == "caps" and len(words) > 1 and _kind(words[-2]) in ("word", "initial"))
        if not ended and _noted_name(text, start, merged, m.start()):
            ended = True  # "Cllr M Aldous, Dunmere District Council Cllr ...": a note ends
        if ended:
            cut(m.start(), "comma")
    # "J Bolt, Westmarch Police Authority G Mills, ...": an initialled name straight after
    # the organisation noted on the name before
    # (a note is only ever after a comma: without one, nothing to look for)
    for m in _INITIALLED_BEFORE_COMMA.finditer(text, start, end) if any(
            kind == "comma" for _, _, kind in merged.items) else ():
        at = m.start()
        if depth[at] == 0 and not base.inside(at) and _noted_name(text, start, merged, at):
            cut(at, "lead")  # a person, not more of the note
    # "A Bell (AB) Chair, E Fox (EF) G Hay (GH)": after an initials code a new piece starts;
    # "Carys Price (Town Clerk) Delyth Morgan (Assistant Town Clerk)": after an office too.
    for m in _CODED.finditer(text[start:end]):
        at, word = start + m.end(), m.group(1)
        if depth[start + m.start()] == 0 and not base.inside(at) and (
                word[:1].isupper() or word.casefold() in v["chair"]) and word not in ("and",):
            cut(at, "comma")
    # "A Dee Esq., Elected Members. Cllr B Fox, ...": a full stop after a word of offices or
    # groups ends the group; a new piece starts after it (not after 'Ian. Howells')
    for word, at in word_stops(text, start, end):
        if depth[at] == 0 and not base.inside(at) and word in v["known"]:
            # an initialled or titled name after it is a person, not more of a note
            cut(at, "lead" if _NAME_START.match(text, at) else "comma")
    # "Jim Buchan, Chief Finance Officer, Resources Tony Crerar, Head of Housing Claire
    # Dunlop, Committee Officer": a forename and surname before a comma, straight after an
    # office or department word, start the next person of a 'Name, Post' list
    office = office_words()
    # (only after a separator: none in the text, nothing to look for)
    for m in _NAME_BEFORE_COMMA.finditer(text[start:end]) if base.items else ():
        at = start + m.start()
        previous = _word_before(text, start, at)
        if depth[at] == 0 and previous in office and base.items and base.items[0][1] <= at \
                and not base.inside(at) and all(
                w not in office and is_name(w, True) for w in m.groups()):
            cut(at, "lead")  # a person, not a note on the one before
    # "Councillor K CarleCouncillor M Donaghy", "PSNIMs N Devine": a PDF mirror that lost the
    # break between two entries glues the next one's honorific to the word before it
    for m in GLUED_HONORIFIC.finditer(text, start, end):
        if depth[m.start()] == 0 and not base.inside(m.start()):
            cut(m.start(), "comma")
    # "Graham NewbouldChairman, Land Management": an old web page ran a table's name cell
    # into the next one; a small letter after three, then a capital, is the cells' edge
    for m in GLUED_CELL.finditer(text, start, end):
        if depth[m.start()] == 0 and not base.inside(m.start()):
            cut(m.start(), "comma")
    # "Councillor A (Council) with Councillor B deputising": the note on who stood in is a
    # piece of its own, as after a comma
    for m in _WITH_DEPUTY.finditer(text, start, end) if " with " in text else ():
        if depth[m.start()] == 0 and not base.inside(m.start()):
            cut(m.start(), "comma")
    return extra


#: the capital that opens the next cell after four letters, a capital or a small letter then
#: three small ones (the match is that capital: starting on a character, the search skips
#: every other one at once, where looking behind first tried each; a fifth of the time)
GLUED_CELL = compile_cached(r"[A-Z](?<=[A-Za-z][a-z]{3}[A-Z])(?=[a-z])")
_WITH_DEPUTY = compile_cached(r"(?<=\S )(?=with\s+[^,;()]{2,60}?\s+(?:substituting|deputising|"
                              r"deputizing)\b)")


#: an honorific glued to the end of the word before it, a name after it
#: (the lookahead for the honorifics' first letters turns away most places before the
#: look back: 2.5 times as fast on a list)
GLUED_HONORIFIC = compile_cached(
    r"(?=[ACDM])(?:(?<=[a-z])(?=(?:Councillor|Cllr|Alderman|Mrs|Mr|Ms|Miss|Dr)\s+[A-Z])"
    r"|(?<=[A-Z]{2})(?=(?:Mrs|Mr|Ms|Miss|Dr)\s+[A-Z]))")


#: a bracketed code or office and the word after it ('(AB) C Dunn', '(Town Clerk) Delyth')
_CODED = compile_cached(r"\((?:[A-Z]{2,4}|(?:[A-Z][\w'’-]*\s?){1,5})\)\s+(?=([\w-]+))")
#: a forename and a surname before a comma
#: (each capital is asked whether a space is before it, `(?<=\s)[A-Z]` turned round: a
#: regex that opens with its capital is only tried where a capital is)
_NAME_BEFORE_COMMA = compile_cached(r"([A-Z](?<=\s[A-Z])[a-z'’-]+)\s+([A-Z][\w'’-]+)(?=\s*,)")
_INITIALLED = compile_cached(r"[A-Z]\.?\s")
_NAME_START = compile_cached(r"[A-Z]\.?\s+[A-Z]|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b")
#: a full stop and the gap after it, before a capital
_DOT_GAP = compile_cached(r"\.\s+(?=[A-Z])")
_CAPITALISED = compile_cached(r"[A-Z][a-z'’]+")


def word_stops(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """(word, where the next piece starts) for each word ending in a full stop before a
    capital ('Members. Cllr'): a capital and a small letter, then letters, digits, "-" or
    apostrophes, not straight after a letter or a stop. These are the matches of
    `(?<![\\w.])([A-Z][a-z][\\w'’-]*)\\.\\s+(?=[A-Z])`, found from each stop backwards: as
    a regular expression it tries every capital of a long hyphenated run, re-reading the
    run each time."""
    for gap in _DOT_GAP.finditer(text, start, end):
        dot = gap.start()
        first = dot
        while first > start and word_char(text[first - 1]):
            first -= 1
        for at in range(first, dot - 1):
            if "A" <= text[at] <= "Z" and "a" <= text[at + 1] <= "z" and (
                    at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_.")):
                yield text[at:dot], gap.end()
                break


_RANK_AFTER = compile_cached(r"([A-Z][\w'’-]*)\.?\s+[A-Z]")
_INITIALLED_BEFORE_COMMA = compile_cached(  # (a space before its first capital, as above)
    r"[A-Z](?<=\s[A-Z])\.?(?:\s?[A-Z]\.?)*\s+[A-Z][a-z][\w'’-]*(?=\s*(?:,|$))")


def _word_before(text: str, start: int, at: int) -> str:
    """The last word of text[start:at] ('' when none), without splitting all of it."""
    stop = at
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]


def _noted_name(text: str, start: int, cuts: _Cuts, at: int) -> bool:
    """Whether the words from the last comma to `at` are an organisation noted on a titled
    or initialled name just before that comma ('Cllr M Aldous, Dunmere District Council'
    before 'Cllr ...', 'J Bolt, Westmarch Police Authority' before 'G Mills'), in a list
    whose entries each carry one: the note is over where the next name starts. An office
    is not enough: it may open the next name ('..., Vice Chair Cllr B')."""
    last = cuts.count_before(at) - 1
    while last >= 0 and cuts.items[last][2] != "comma":
        last -= 1  # "Kestrel City and District Council": an 'and' inside the note
    if last < 0:
        return False
    note = text[cuts.items[last][1]:at]
    if len(note.split()) < 2 or vocab()["hon_word"].search(note + " ") or \
            classify(note) != "org":
        return False
    opened = cuts.items[last - 1][1] if last else start
    person = parse_person(text, opened, cuts.items[last][0])
    return bool(person and (person.titled or _INITIALLED.match(person.name)))


@cache
def ending_words() -> set[str]:
    """Words that leave an office or organisation open before an honorific (not a name)."""
    v = vocab()
    return v["title_nouns"] | v["org_words"] | v["role_nouns"]


@cache
def office_words() -> set[str]:
    """Words of offices, organisations and departments: no surname after a dash."""
    return vocab()["known"] | vocab()["departments"]


def merge_dashes(text: str, parts: list) -> list:
    """Undo a dash split inside a double-barrelled surname ('Ela Morgan – Jones'): one
    capitalised word after the dash that is no role, organisation or department, after a
    forename and surname, and followed by no dash of its own. When every name of a list
    has one, they are wards, not surnames ('Cllr A Bright - Hillside, Cllr T Carver - Abbey')."""
    v = vocab()
    merged: list[tuple[str, int, int]] = []
    joins = 0
    known = office_words()
    for n, (kind, s, e) in enumerate(parts):
        word = text[s:e].strip(" ,;:.–—-")
        after = parts[n + 1][0] if n + 1 < len(parts) else "end"
        if kind == "dash" and merged and after != "dash" and _CAPITALISED.fullmatch(word) \
                and word not in known and word.casefold() not in v["not_names"]:
            before = text[merged[-1][1]:merged[-1][2]]
            name = before[prefix(before.strip(" ,;:"))[0]:].split("(")[0].split()
            if len(name) >= 2 and "(" not in before and _kind(name[-1]) == "word":
                merged[-1] = (merged[-1][0], merged[-1][1], e)
                joins += 1
                continue
        merged.append((kind, s, e))
    return parts if joins >= 2 and joins == len(merged) else merged


_DANGLING = compile_cached(r"\s+(?:&|and|[A-Z][A-Z'’-]+/)\s*$")  # as dangling_at reads it
_CAPS_SLASH = compile_cached(r"[A-Z][A-Z'’-]+/")
_COUNT = compile_cached(r"\s*\d+\s")

def _is_count(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] counts people without naming them ('4 members of the public',
    'two residents'): models/attendance/cues.json's count_entry."""
    return bool(_COUNT.match(text, start, end) or pattern("count_entry").match(
        text[start:end]))


def unnamed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is an office with no name ('the Clerk', 'the Responsible
    Financial Officer'), as a parish's list of those present ends: '... and the Clerk.'"""
    piece = text[start:end].strip(" ,;:.")
    return piece[:4].casefold() == "the " and "(" not in piece and classify(piece) == "role" \
        and not vocab()["hon_word"].search(piece)


def dangling_at(seg: str) -> int | None:
    """Where _DANGLING's match starts in seg, None when there is none: a last word '&',
    'and' or capitals before a slash, and the spaces before it, read from the end (the
    search tries every space of the line)."""
    stripped = seg.rstrip()
    word = len(stripped)
    while word and not stripped[word - 1].isspace():
        word -= 1
    gap = word
    while gap and stripped[gap - 1].isspace():
        gap -= 1
    last = stripped[word:]
    return gap if gap < word and (last in ("&", "and") or _CAPS_SLASH.fullmatch(last)) else None


_SQUARE_CODE = compile_cached(r"\[([A-Z]{2,4})\]")
_FOOTNOTE_MARK = compile_cached(r"(?:(?<=\s)|^)\(\d{1,2}\)(?=\s+[A-Z])")


def plain_marks(text: str) -> str:
    """A list's text with its marks made plain, each the same length (offsets hold): a
    code in square brackets as in round ones ('Mrs H Quarmby [HQ] Chair'), a footnote's
    mark between names blanked ('(3) Mr C Doherty (Chair) Ms R Kilfedder (4) Mr T ...',
    whose '(3) Item 3.2 to close' stands below the list)."""
    if "[" in text:
        text = _SQUARE_CODE.sub(r"(\1)", text)
    if "(" in text:
        text = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    return text
