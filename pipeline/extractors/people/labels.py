"""What a line of the attendance record says it opens, shared by lines and tables.

A label ('Present:', 'Officers in attendance:', 'ALSO PRESENT', 'Apologies – ') opens a
`Section` (its kind, the capacity and default role of the people under it); a numbered item
heading ('41/24 APOLOGIES') opens or closes one; a P/A/D legend ('P = Present   A =
Apologies') says what a grid's marks mean; a `Pair` is a member and their substitute. The
phrases are models/attendance/cues.json; this module keeps the mechanics of reading them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import islice

from pipeline.extractors.items.row_text import strip_bars
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.names import parse_person
from pipeline.extractors.people.scanning import depths
from pipeline.extractors.people.vocabulary import data, pattern, vocab
from pipeline.model import Block
from pipeline.regex_cache import compile_cached, longest_first

# ---------------------------------------------------------------- sections and pairs


@dataclass(frozen=True)
class Section:
    """Frozen: `cue` hands out the same Section for the same label text."""

    kind: str  # attendees, apologies, substitutes or absent
    capacity: str = "member"
    role: str = ""
    staff_check: bool = False  # "Also present": council staff among guests are officers
    allow_single: bool = False  # under "Councillors" a lone surname is a name
    grouped: bool = False  # absent members sorted by group ('School members', 'Officers')
    # its rows' `rule`: the id of the cues.json label rule or pattern that opened it
    # ('label-present', 'apology_sentence'), else of the reading that needs no rule file
    # ('table-grid', 'unlabelled-list', 'item-apologies': an item titled by item_titles)
    rule: str = ""


@dataclass
class Pair:
    member: str
    substitute: str
    organisation: str
    block: Block
    start: int
    end: int
    label: str = "Substitute"
    rule: str = ""


# ---------------------------------------------------------------- P/A/D legends and marks


def paper_legend(blocks: list[Block]) -> dict[str, str]:
    """The letters a paper's legend explains ('P = Present   A = Apologies'), each with its
    code; empty unless two letters are explained (one "A: Present" is no legend)."""
    found = {m.group(1): mark_code(m.group(2), {}) for b in blocks[:300]
             if may_hold_legend(b.text) for m in pattern("legend").finditer(b.text)}
    return found if len(found) >= 2 else {}


def may_hold_legend(text: str) -> bool:
    """Whether a line may hold a legend ('P = Present'): a capital, then ':' or '=' (the
    legend regex tries a word boundary at every character; this looks for the ':' first)."""
    return (":" in text or "=" in text) and _LEGEND_MARK.search(text) is not None


_LEGEND_MARK = compile_cached(r"[A-Z]\s*[:=]")


def mark_code(mark: str, legend: dict[str, str]) -> str:
    """P (present), A (apologies), D (deputy who attended) or X (absent) for a grid mark."""
    mark = mark.strip()
    for word, code in data("cues")["legend_statuses"].items():
        if mark.casefold().startswith(word):
            return code
    marks = data("cues")["marks"]
    return marks.get(mark.upper()) if len(mark) > 1 and mark.upper() in marks else (
        legend.get(mark[:1].upper()) or marks.get(mark[:1].upper(), "X"))


def status(section: Section, mark: str) -> Section | None:
    """The section a person marked P, A or D belongs to; None for X (absent: recorded nowhere)."""
    if mark == "X":
        return None
    return replace(section, kind="apologies" if mark == "A" else "attendees")


def marked_run(text: str, start: int, end: int,
               legend: dict[str, str]) -> list[tuple[int, int, str]]:
    """A register written as one run of names, each followed by its legend letter ('Mr A
    Rudd (Chairman) A Mr D Okoro P (in the chair) Mrs J Bell P ... P = present, A =
    apology'): each name's span and code; empty unless three names are marked. A mark is
    a legend letter standing alone before the next title, a note or the legend itself."""
    if not legend:
        return []
    if key := pattern("legend").search(text, start, end):
        end = key.start()  # the legend closes the run
    marks = [m for m in _run_mark().finditer(text, start, end) if m.group("mark") in legend]
    if len(marks) < 3:
        return []
    out, at = [], start
    for m in marks:
        out.append((at, m.start(), mark_code(m.group("mark"), legend)))
        at = m.end()
    return out


@cache
def _run_mark() -> re.Pattern:
    """A lone capital letter after a name, before a title, a bracketed note, a legend or
    the end: bounded look-ahead, so a long line is read in one pass."""
    titles = r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|County|Borough|District|Parish|Town|Rev)\b"
    return compile_cached(rf"(?<=[\w)])\s+(?P<mark>[A-Z])(?:\s+\([^()]{{1,40}}\))?"
                      rf"(?=\s+{titles}|\s+[A-Z]\s*[:=]|\s*\|?\s*$)")


# ---------------------------------------------------------------- labels and items



@lru_cache(maxsize=4096)
def cue(text: str) -> tuple[Section, int] | None:
    """The section a label opens ('Officers in attendance:' -> officers) and where the text
    after the label starts; None when the text is no attendance label. Cached: the walk asks
    of each line more than once (is the line above wrapped into it, is it a label)."""
    lead = pattern("numbering").match(text)
    offset = lead.end() if lead else 0
    body = text[offset:]
    # "Clerk • Name, Office": a bullet. (Each alternative needs one of these characters: a
    # line holding none, most prose, is not searched position by position.)
    colon = _COLON.search(body) if any(c in body for c in _COLON_CHARS) else None
    if colon is None and (semi := re.match(r"([A-Za-z ]{3,30});\s", body)) and \
            semi.group(1).casefold().strip() in data("cues")["exact"]:
        colon = compile_cached(";").search(body, semi.end(1))  # "Present; Cllrs A (Chair), B"
    label = body[:colon.start()] if colon else body.rstrip(" :-–")
    # "Religious Representatives Present (Non Voting Observers ...):-": a note in brackets.
    # The label's words are read to the `_label_words_read()`th only: past that many no test
    # below tells a longer label from a shorter one (a paragraph is a label of many words)
    words = [m.group() for m in islice(_LABEL_WORD.finditer(
        _BRACKETED.sub(" ", label).casefold()), _label_words_read())]
    exact = data("cues")["exact"]
    if not colon and len(words) <= 6 and (label.isupper() or words[-1:] == ["present"] and all(
            w[:1].isupper() for w in label.split())) and (section := _section(words)):
        # "ABSENT WITH APOLOGIES", "SNB Member Organisations Present" on a line of its own
        return section, len(text)
    run_on = colon and len(words) > 8  # "PRESENT A Bell C Dee In Attendance: E Fox"
    if (not colon or run_on) and " ".join(words) not in exact:
        # "PRESENT Councillor A (Chair), B": a label run into the list it opens.
        # (a phrase the body opens with starts with the first letter of the body, folded)
        for phrase in _exact_by_letter().get(body[:1].casefold()[:1], ()):
            glued = body[:len(phrase)].casefold() == phrase and bool(
                _GLUED.match(body, len(phrase)))  # "PRESENTProvost A (Chair)": a PDF cell
            if body[:len(phrase) + 1].casefold() != phrase + " " and not glued:
                continue
            verb = None if glued else pattern("label_verb").match(body[len(phrase):])
            after = len(phrase) + (verb.end() if verb else 0)  # "Present were A, B"
            stop = next_label(body, after, len(body)) if run_on else len(body)
            if parse_list(body, after, stop) and (section := _section(phrase.split())):
                if phrase in _plurals():  # "Councillors Mrs A, D Burton, Garten": surnames
                    section = replace(section, allow_single=True)
                return section, offset + after
        return None
    if not words or (len(words) > 8 and " ".join(words) not in exact) or any(
            w.isdigit() or w in data("cues")["exclude"] for w in words):
        return None
    if (vocab()["hon_word"].search(label) or "(" in label) and \
            (who := parse_person(label, 0, len(label))) and (who.titled or "(" in label) and \
            not set(who.name.casefold().split()) & _cue_words():
        return None  # "Mrs E Foxley (Clerk) – unwell", "Jane Smith (Chair) – Fernley": a person
    section = None
    if "/" in label and label.casefold().strip(" .") not in _plurals():
        # "AELODAU/MEMBERS": Welsh, then English; an apology side decides ("Apologies/Subs")
        sides = [found for side in reversed(label.split("/"))
                 if (found := _section(re.findall(r"[\w'’-]+", side.casefold())))]
        section = next((f for f in sides if f.kind == "apologies"), sides[0] if sides else None)
    section = section or _section(words)
    return (section, offset + (colon.end() if colon else len(body))) if section else None


_COLON = compile_cached(r":-?|\s[–—•]\s|\t")
_COLON_CHARS = (":", "\t", "–", "—", "•")
_LABEL_WORD = compile_cached(r"[\w'’/-]+")
_BRACKETED = compile_cached(r"\([^()]*\)")


@cache
def _label_words_read() -> int:
    """How many of a label's words `cue` reads: one more than both the longest exact label
    phrase and the 8 words past which a label with a colon is a run-on line. Beyond that,
    `len(words)` compares alike with 6 and 8 and the joined words are no exact phrase."""
    return max(8, *(len(phrase.split(" ")) for phrase in data("cues")["exact"])) + 1


#: a name run into its label with no space, the label's last letter then a capital that
#: starts a word ('PRESENTProvost', 'PresentCouncillor', 'IN ATTENDANCEKeith')
_GLUED = compile_cached(r"(?<=[A-Za-z])[A-Z][a-z]")


@cache
def _exact_by_letter() -> dict[str, list[str]]:
    """The exact label phrases by their first letter, each list longest first."""
    found: dict[str, list[str]] = {}
    for phrase in sorted(data("cues")["exact"], key=longest_first):
        found.setdefault(phrase[:1], []).append(phrase)
    return found


@cache
def _plurals() -> set[str]:
    """Plural honorifics, folded, as label phrases ('councillors', 'cllrs')."""
    return {p.casefold().rstrip(".") for p in data("names")["plural_honorifics"]}


def next_label(text: str, start: int, end: int) -> int:
    """Where a label with a colon run into a list without a full stop opens the next
    section ('PRESENT A Bell C Dee In Attendance: E Fox Apologies: G Hay'), else end. A
    plural honorific as a sub-label ('Councillors:') is none. 'Also' run on after the last
    name opens the people also present ('... & Mrs E Vaughan Also PCSO G Lloyd')."""
    depth = depths(text)
    if (also := text.find(" Also ", start, end)) >= 0:
        for m in _ALSO_RUN_ON.finditer(text, also, end):
            if depth[m.end()] == 0 and cue(text[m.end():end]):
                end = m.end()
                break
    if text.find(":", start, end) < 0:
        return end  # every other label it looks for ends with a colon
    plural = _plurals()
    for m in re.finditer(r"(?<=\S)\s+(?=((?:[A-Z][\w/'’-]*\s+(?:(?:of|the)\s+){0,2}){0,3}"
                         r"[\w/'’-]+)\s*:)", text[start:end]):
        at, label = start + m.end(), m.group(1).casefold()
        before = re.search(r"(\w+)\s*$", text[start:at])
        if before and before.group(1).casefold() in data("cues")["exclude"]:
            continue  # "Contact Officer: X": one report-header field, no label inside it
        if depth[at] == 0 and label not in plural and text[at:at + 1].isupper() and \
                {w.split("/")[-1] for w in label.split()} - {"of", "the", ""} <= _cue_words() and \
                cue(text[at:end]):  # "YMDDIHEURIADAU/APOLOGIES:": the English half decides
            return at
    return end


_ALSO_RUN_ON = compile_cached(r"(?<=[\w).])\s+(?=Also\s+[A-Z])")


@cache
def _cue_words() -> set[str]:
    """Every word of a label phrase ('in', 'attendance', 'apologies'), and the words that
    name a group of members ('Appointed Members')."""
    cues = data("cues")
    phrases = [r["phrase"] for r in cues["rules"]] + cues["exact"] + cues["group_words"]
    return {w for p in phrases for w in p.rstrip(":").split()}


def opened_under(current: Section | None, section: Section) -> Section:
    """The section a label opens under the `current` one: a bare 'Also:' under apologies
    goes on with them ('Apologies from Cllr A. Also: County Councillor B'), and so does a
    group of members under apologies or absent ('APOLOGIES: Ratepayer Members: Mr A')."""
    if current and (section.rule == "label-also" and current.kind == "apologies"
                    or section.rule in data("cues")["group_labels"]
                    and current.kind in ("apologies", "absent")):
        return replace(current, allow_single=True, grouped=True)
    if current and current.grouped and section.rule == "label-officers":
        # "had been received from: School members ... Officers Louise Marsden": once the
        # absent are sorted by group, a bare 'Officers' is one more group of them
        return current
    return section


def group_line(text: str) -> bool:
    """Whether a line without a colon names a group of members ('School members', 'Non
    school members'), as minutes sort the absent under an apologies sentence."""
    words = text.casefold().split()
    # the group's noun ends the line, and nothing but words stands on it (no list of names:
    # 'Councillors Allardyce, Beckwith and Crane.')
    return 0 < len(words) <= 4 and bool(_GROUP_LINE.fullmatch(text.strip())) and bool(
        (found := _section(words)) and found.rule in data("cues")["group_labels"]
        and words[-1] == next(r["phrase"] for r in data("cues")["rules"]
                              if r["id"] == found.rule).split()[-1])


_GROUP_LINE = compile_cached(r"[A-Za-z][A-Za-z' -]*")


def _section(words: list[str]) -> Section | None:
    """The longest cue phrase among the label's words decides ('Officers in attendance')."""
    joined = f" {' '.join(words)} "
    rules = [r for r in data("cues")["rules"] if f" {r['phrase']} " in joined]
    if not rules:
        return None
    # a negated apology word decides ('Absent without apologies:'), then an apology word
    # ('Apologies had been received from Councillors:'), then the longest phrase
    # ... unless a rule says it decides: 'Attendance and Apologies:' heads both lists, the
    # members first (the apologies have a label of their own below it)
    rules = [r for r in rules if r.get("decides")] or [
        r for r in rules if r["phrase"].startswith(("without ", "no "))] or [
        r for r in rules if r["kind"] == "apologies"] or rules
    best = max(rules, key=lambda r: len(r["phrase"]))
    return Section(best["kind"], best.get("capacity", "member"), best.get("role", ""),
                   best["phrase"].startswith("also"), rule=best["id"])


def item_title(block: Block, following: Block | None) -> str | None:
    """The title of a numbered item heading ('161. MINUTES', '41/24<tab>APOLOGIES',
    'DEV12/24' over its title line), or None."""
    found = _numbered(block.text)
    if found is None:
        return None
    number, title = found
    if not title:
        # a coded number over its title ('DEV12/24'), or a ModernGov '41.' on a line of its
        # own over its title (a bare '12' is rather a page number or a count)
        if following is None or not (re.search(r"[A-Za-z/]", number)
                                     or block.text.strip().endswith(".")):
            return None
        title = following.text
    return title if _titled(title) else None


@lru_cache(maxsize=4096)
def _numbered(text: str) -> tuple[str, str] | None:
    """(number, title) of a line shaped as a numbered item heading; cached, as the walk
    asks of each line more than once."""
    m = pattern("item").match(text.replace("\t", " ").strip())
    return (m.group(1), strip_bars(m.group(2)).strip()) if m else None


@lru_cache(maxsize=4096)
def _titled(title: str) -> bool:
    """Whether a heading's text reads as an item title: "1. Councillor A Smith" numbers a
    person, not an item."""
    return title[:1].isupper() and not parse_list(title, 0, len(title))


@lru_cache(maxsize=4096)
def item_kind(title: str) -> str | None:
    """The section an item title opens (apologies, substitutes), None for any other item;
    cached per title, as its patterns are tried one by one."""
    for kind, patterns in data("cues")["item_titles"].items():
        if any(re.search(p, title.strip(" :").casefold()) for p in patterns):
            return kind
    return None


