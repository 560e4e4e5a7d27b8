"""The pieces of a declaration of interest: who declared, on which item, what kind of
interest, what followed (issue 13). The words live in models/declarations/*; the paper-level
walk is in declarations.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.people.merged_names import forename
from pipeline.extractors.people.names import clean_name, is_name, prefix, vocab
from pipeline.regex_cache import compile_cached, longest_first
from pipeline.rules import read_json, read_jsonl


@dataclass(frozen=True)
class Cue:
    """A declaring verb with the object that must follow it (the interest)."""

    id: str
    verb: re.Pattern
    object: re.Pattern


@cache
def _patterns() -> dict:
    return read_json("declarations/patterns.json")


@cache
def pattern(name: str) -> re.Pattern:
    """A regular expression of models/declarations/patterns.json, by its id, compiled once
    ({NUM} and {TITLE} filled in)."""
    found = _patterns()
    entry = found["patterns"][name]
    regex = entry["regex"].replace("{NUM}", found["num"]).replace("{TITLE}", found["title"])
    return compile_cached(regex, re.I if entry.get("flags") == "i" else 0)


@cache
def _noun_gate() -> LiteralGate:
    return LiteralGate([pattern("declaration_noun")])


def has_noun(text: str) -> bool:
    """Whether the declaration noun's pattern matches in the text: its words looked up
    first (its case-blind search of a text without one tries every character: 20 us on a
    300-character block, the lookup 1.5 us)."""
    return _noun_gate().might_match(text) and pattern("declaration_noun").search(text) is not None


@cache
def _number() -> re.Pattern:
    """One item number as minutes print it, matched as written."""
    return compile_cached(_patterns()["num"])


@cache
def rules() -> dict:
    """Every vocabulary of models/declarations, compiled once per process."""
    kinds, actions, filters = (read_json(f"declarations/{n}.json")
                               for n in ("kinds", "actions", "filters"))
    offices = sorted(filters["offices"], key=longest_first)
    # a rank names the holder after it ('Inspector Colin Ferriday'), not alone ('Baillie')
    titles = sorted({*offices, *read_json("attendance/ranks.json")["ranks"]}, key=longest_first)
    quantifiers = "|".join(filters["quantifiers"])
    return {
        "cues": [Cue(c["id"], compile_cached(rf"\b{c['verb']}\b", re.I),
                     compile_cached(c["object"], re.I))
                 for c in read_jsonl("declarations/cues.jsonl")],
        "passive": [(p["id"], compile_cached(p["pattern"], re.I))
                    for p in read_jsonl("declarations/passive.jsonl")],
        "spellings": kinds["spellings"],
        "negated": [compile_cached(p) for p in kinds["negated"]],
        "categories": [(c["kind"], compile_cached(c["pattern"])) for c in kinds["categories"]],
        "strength": kinds["strength"],
        "other": compile_cached(r"\b(?:" + "|".join(map(re.escape, kinds["other"])) + r")\b"),
        "other_alone": set(kinds["other_alone"]),
        "actions": [(a["action"], compile_cached(a["pattern"], re.I)) for a in actions["actions"]],
        "not": [compile_cached(p, re.I) for p in filters["not_declaration"]],
        "weak": [compile_cached(p, re.I) for p in filters["weak_only"]],
        "reminder": compile_cached(filters["reminder"], re.I),
        "section": compile_cached(filters["section"], re.I),
        "register": compile_cached(filters["register"], re.I),
        "title_line": compile_cached(filters["title_line"], re.I),
        "invitation": compile_cached(filters["invitation"], re.I),
        "office": compile_cached(r"^(?:the\s+)?(?P<office>" + "|".join(
            re.escape(o).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for o in offices)
            + r")(?:\s+of\s+the\s+[A-Z][\w ]+)?$", re.I),
        "office_name": compile_cached(r"^(?:the\s+)?(?:" + "|".join(
            re.escape(o).replace(r"\ ", r"\s+") for o in titles)
            + r")\s+(?P<rest>(?-i:[A-Z]).*)$", re.I),
        "trail": compile_cached(rf"(?:[\s,]+|\b(?:{quantifiers})\b)+$", re.I),
        "appositive": compile_cached(filters["appositive"], re.I),
        "not_surnames": {w.casefold() for w in filters["not_surnames"]},
        "label": compile_cached(filters["label"]),
    }


# ---- kind -------------------------------------------------------------------------------

def kind_of(phrase: str) -> str:
    """The category a phrase names, normalised ('a personal and prejudicial' gives
    'prejudicial', 'personal but not prejudicial' 'personal'), '' when none."""
    r = rules()
    text = re.sub(r"[\-\u2010-\u2015/]", " ", phrase.casefold())
    for variant, usual in r["spellings"].items():
        text = text.replace(variant, usual)
    text = " ".join(text.split())
    for pattern in r["negated"]:
        text = pattern.sub(" ", text)
    found = set()
    for kind, pattern in r["categories"]:
        text, hits = pattern.subn(" ", text)
        if hits:
            found.add(kind)
    if not found and (m := r["other"].search(text)) and (
            m.group() not in r["other_alone"] or text.strip() == m.group()):
        found = {"other"}
    return next((k for k in r["strength"] if k in found), "")


@cache
def _label_words() -> frozenset[str]:
    """The words of category labels ('personal', 'prejudicial', 'interest')."""
    return frozenset(read_json("declarations/kinds.json")["label_words"])


def label_kind(head: str) -> str:
    """The category of a label set off by dashes, commas or brackets ('Councillor A Lee -
    Personal - Councillor A Lee declared ...', 'Item 3: Cllr Pike, personal'): a part made
    only of category words."""
    words = _label_words()
    for part in re.split(r"\s[-–—]\s|[,;:()]", head):
        tokens = re.findall(r"[a-z]+", part.casefold())
        if tokens and len(tokens) <= 5 and set(tokens) <= words and (kind := kind_of(part)):
            return kind
    return ""


def cell_kind(text: str, number: str) -> str:
    """The category printed right after an entry's item number, as the cell after the item
    cell of a table flattened to a line ('Cllr M Jones 23/205 Personal and prejudicial
    Member has ...'): the category words that follow it, '' when none do."""
    at = text.find(number) if number else -1
    if at < 0:
        return ""
    words = _label_words()
    taken: list[str] = []
    for token in text[at + len(number):].split():
        if re.sub(r"[^a-z]", "", token.casefold()) not in words:
            break
        taken.append(token)
    return kind_of(" ".join(taken)) if taken else ""


_NOT_WORD = compile_cached(r"[^\w\s]")


def item_titled(text: str, items: list[dict], own: str) -> str:
    """The number of the item (not the declarations item itself) whose title the line is,
    word for word; '' for any other line. After an agenda's number ('Agenda Item 9 –
    Scrutiny Review of X', the minutes numbering it 41) the line may give the title's end
    ('Recommendation I: Scrutiny Review of X'), three words or more of it."""
    led = _ITEM_LEAD.match(text)
    folded = fold_title(text[led.end():] if led else text)
    if len(folded) < 8:
        return ""
    # (asked of each line of a declarations section: the titles are folded once a paper)
    for item, title in zip(items, folded_titles(items), strict=True):
        if (title == folded or led and folded.count(" ") >= 2 and title.endswith(
                " " + folded)) and item.get("number", "") != own:
            return str(item.get("number", ""))
    return ""


_ITEM_LEAD = compile_cached(r"\s*(?:agenda\s+)?item\s+[\w.()]{1,6}\s*[–—:-]\s*(?=\S)", re.I)


def fold_title(title: str) -> str:
    """A title as titles are compared: casefolded, its punctuation as spaces, its words
    joined by one space."""
    return " ".join(_NOT_WORD.sub(" ", title.casefold()).split())


#: the last paper's items, their titles and those folded (`folded_titles`)
_TITLES: list = [None, (), ()]


def folded_titles(items: list[dict]) -> tuple[str, ...]:
    """Each item's title folded (`fold_title`), in the items' order: one paper's lines and
    entries each compare with all of them, so they are folded once a paper (kept for the
    same list of items while its titles are the same)."""
    titles = tuple(item.get("title", "") for item in items)
    if _TITLES[0] is not items or _TITLES[1] != titles:
        _TITLES[:] = [items, titles, tuple(map(fold_title, titles))]
    return _TITLES[2]


def member_cell(cell: str, header: str) -> list[tuple[str, int, int]]:
    """The name in a cell of a members column ('H.A.L. Evans' under 'Councillor'), which
    needs no honorific there."""
    name = clean_name(cell)
    if not pattern("member_header").match(header) or not name or not is_name(name, True):
        return []
    return [(name, 0, len(cell))]


# ---- action -----------------------------------------------------------------------------

def action_of(text: str) -> str:
    """What followed the declaration, by the first action pattern found in text."""
    for action, pattern in rules()["actions"]:
        if pattern.search(text):
            return action
    return ""


# ---- declarers --------------------------------------------------------------------------

SPLIT = compile_cached(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
# a bullet or a paragraph number before the sentence: "3.", "(iv)", "b)", and a dotted
# one, "3.1." or "12.4", read whole (else "1. Jo Bloggs declared" is read after "3.")
LEAD = compile_cached(r"^[\s•·*\-–—]*(?:\d{1,3}(?:\.\d{1,3})+\.?(?=\s)|\(?[0-9ivxlc]{1,4}[.)]"
                      r"|\(?[a-z][.)])?\s*", re.I)


_ROLE_NOTE = compile_cached(r"(?<=[a-z])\s*\([A-Z][\w'-]*(?:\s[\w'-]+){0,3}\)\s*$")


def declarers(pre: str, codes: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    """The people (name, start, end in pre) written just before a declaring verb:
    'Councillors Dee, Evans and Morgan', 'The Chair, Councillor Grewal,', 'Danny Connellan',
    'the Vice Convener', and 'BK' where the paper gave a member that code ('Bryony Keech
    (BK)': `codes`). The longest run ending at the verb that reads wholly as people."""
    r = rules()
    end = len(pre)
    while True:  # "Councillors A and B, as members of the Board, each": the people before
        if m := r["trail"].search(pre[:end]):
            end = m.start()
        if m := _ROLE_NOTE.search(pre[:end]):  # "Gethin Morse (Co-optee) declared"
            end = m.start()
        if not (m := r["appositive"].search(pre[:end])):
            break
        end = m.start()
    lead = m.end() if (m := LEAD.match(pre)) else 0
    starts = sorted({lead} | {m.end() for m in re.finditer(r"[,;:(]\s*|\s", pre[:end])
                               if m.end() > lead})
    for start in starts:
        # a name right after a label ("Declarations of interest: Jo Bloggs") starts a clause
        opens = start == lead or bool(r["label"].search(pre[:start]))
        found = _names(pre, start, end, at_start=opens, codes=codes)
        if found:
            return _shared_surname(found)
    # "D. Gunn declared": the 'marker' read off the front was the declarer's initial
    return _names(pre, 0, end, at_start=True, codes=codes) if lead and pre[:1].isupper() else []


def _names(text: str, start: int, end: int, at_start: bool,
           codes: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    segment = text[start:end]
    if not segment.strip() or not (segment[0].isupper() or segment.lower().startswith("the ")):
        return []
    pieces, pos = [], 0
    for m in SPLIT.finditer(segment):
        pieces.append((segment[pos:m.start()], start + pos, m.group()))
        pos = m.end()
    pieces.append((segment[pos:], start + pos, ""))
    out: list[tuple[str, int, int]] = []
    plural = False
    bare_names: list[bool] = []  # whether each name so far was read without a title
    for index, (piece, s, joint) in enumerate(pieces):
        piece = pattern("county_councillor").sub("", piece.strip())
        if not piece:
            return []
        # an office before a name names the person ("Bailie Anne Reid", "Leader of the
        # Council Peter Johnston"): tried first, as the office's "of the ..." takes any words
        if (m := rules()["office_name"].match(piece)) and (found := _office_holder(
                m.group("rest"))):
            out.append((found, s + m.start("rest"), s + len(piece)))
            continue
        if m := rules()["office"].match(piece):
            nxt = pieces[index + 1] if index + 1 < len(pieces) else None
            if nxt and "," in joint and prefix(nxt[0].strip())[3]:
                continue  # "The Chair, Councillor Grewal," : the office names the person after it
            office = " ".join(m.group("office").split())
            out.append((office[:1].upper() + office[1:], s, s + len(piece)))
            continue
        offset, _, _, honorific, many = prefix(piece)
        if honorific:
            plural = plural or many
            name = clean_name(piece, allow_single=True) or _rank_surname(piece[offset:])
        elif piece in codes:
            name = piece  # a member's initials, as the paper's attendance list gave them
        elif piece.split()[-1].casefold() in rules()["not_surnames"]:
            name = ""  # "Several Councillors", "Two Councillors": a count, no name
        elif plural or (at_start and len(piece.split()) >= 2 and len(out) == index
                        and all(bare for bare in bare_names)):
            # "Naseem Begum and Gareth Lumb declared": full names without titles, joined
            # from the clause's start (not 'Item 5 and Gareth Lumb')
            name = piece if is_name(piece, allow_single=plural) else (
                _rank_surname(piece) if plural else "")
            bare_names.append(not plural)
        else:
            name = ""
        if not name:
            return []
        out.append((name, s, s + len(piece)))
    return out


def _office_holder(rest: str) -> str:
    """The person an office names before them ('Provost Anne Reid', 'Bailie Anne Reid',
    'the Chair Councillor Grewal'), '' when the rest reads as no name."""
    if prefix(rest)[3]:
        return clean_name(rest, allow_single=True)
    return rest if len(rest.split()) >= 2 and is_name(rest) else ""


def _rank_surname(rest: str) -> str:
    """'Councillor Baillie': after a personal honorific a lone word that is also a rank
    (Bailie, Baillie) is the surname, not an office."""
    rest = rest.strip()
    if re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?", rest) and not rules()["office"].match(
            rest) and rest.casefold() not in vocab()["not_names"]:
        return rest  # (not a flattened table header's 'Councillor Agenda item ...')
    return ""


#: how far one entry's names may run: a window, so a long line is not re-read per word
NAME_WINDOW = 400
#: a capital at the text's start or after a space or a mark: `(?:(?<=^)|(?<=[\s(:;,–—-]))
#: (?=[A-Z])` with the capital taken first, so the search skips to capitals
_NAME_OPENING = compile_cached(r"[A-Z](?:(?<=^.)|(?<=[\s(:;,–—-].))")


def names_in(text: str, named: dict | None = None) -> list[tuple[str, int, int]]:
    """The people of a list entry or table cell ('Mr D MacAulay', 'Cllrs A Lee and B Roe',
    'Mr A Lee (Financial) and Mrs B Roe (Non-Financial)'): runs of titled names or offices,
    the later ones only when joined to the one before by 'and' or a comma. `named`: what
    was read already, by text (the readings of one block share it)."""
    if named is not None and text in named:
        return named[text]
    out: list[tuple[str, int, int]] = []
    for m in _NAME_OPENING.finditer(text):
        if out and (m.start() < out[-1][2] or not re.fullmatch(
                r"\s*(?:\([^()]*\))?\s*(?:,|and|&|;)\s*(?:and\s+)?", text[out[-1][2]:m.start()])):
            continue
        tail = text[m.start():m.start() + NAME_WINDOW]  # bounded: one pass on a long line
        stop = pattern("name_stop").search(tail)
        segment = tail[:stop.start()] if stop else tail
        if segment.rstrip().endswith(","):  # 'Cllr L Ashworth, item 8, ...': the names end
            segment = segment.rstrip()[:-1]
        if not segment:
            continue
        # a run must open with an honorific or an office: tested before the names are read
        # (most capitals open neither: 'Item', 'Personal'), which reads them for nothing
        if (prefix(segment)[3] or rules()["office"].match(segment.split(",")[0])) and (
                found := _names(text, m.start(), m.start() + len(segment), at_start=False)):
            out.extend(found)
    if named is not None:
        named[text] = out
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a block (a full stop after an initial, an honorific or a
    number ends none), and of '(1) ...; (2) ...' parts (and a lead ending ':-' before them)."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[(“\"‘'A-Z0-9•])"
                         r"|[;:]-?\s*(?:and\s+)?(?=\(?[0-9ivx]{1,4}\)\s)", text):
        if m.group().startswith(".") and \
                pattern("abbreviation_stop").search(text[max(0, m.start() - 6):m.end()]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans
            if text[s:e].strip()]


def kind_words(text: str) -> str:
    """The words a lead line names interests with: 'the following personal interests'."""
    # kind_words tries up to 60 characters at every position: only where 'interest' is
    m = pattern("kind_words").search(text) if pattern("interest_word").search(text) else None
    return m.group(1) if m else ""


def _shared_surname(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """'Councillors Derek and Pauline Ashdown': a lone forename before a full name shares
    its surname."""
    out = list(found)
    for n in range(len(out) - 2, -1, -1):
        name, start, end = out[n]
        after = out[n + 1][0].split()
        if " " not in name and len(after) >= 2 and forename(name) and forename(after[0]):
            out[n] = (f"{name} {after[-1]}", start, end)
    return out
