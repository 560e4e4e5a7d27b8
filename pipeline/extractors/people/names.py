"""People in attendance lists: one person into name, role, organisation (lists: lists.py).

Minutes write one person many ways: "Councillors Smith (Chair), Jones and Brown",
"Borough Commander Kofi Ferrante", "Monitoring Officer (Osian Treharne)",
"Maya Quarrie – Corporate Director, Place, Fernley Borough Council", or a column of names
merged into one cell ("D Halloran (Chairman) K L Winslade"). Everything works on a string
plus offsets, so the caller can point each row back at its block. The words that drive
the decisions live in models/attendance/*.json (read by vocabulary.py). `parse_person`
comes first, then what it shares with lists.py: prefixes, name shapes, roles against
organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.extractors.people.notes import attributes, classify
from pipeline.extractors.people.scanning import BRACKET, CLOSE, OPEN
from pipeline.extractors.people.unique import unique_values
from pipeline.extractors.people.vocabulary import (
    forename_caps,
    initialled_caps,
    pattern,
    vocab,
)
from pipeline.regex_cache import compile_cached

# the regexes of this module, compiled once (re's own cache costs a lookup per call)
_SMALL_AFTER = compile_cached(r"\s+[a-z]")
_SPACED_DASH = compile_cached(r"\s+[–—-]\s+(?=[A-Z])")
_THE = compile_cached(r"^the\s+", re.I)
_BROKEN_HYPHEN = compile_cached(r"(?<=\w)-\s+(?=[A-Z])")
_INITIALS_SURNAME = compile_cached(r"(?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+")
_CODE = compile_cached(r"[A-Z]{2,4}")
_CAPITALISED = compile_cached(r"[A-Z][a-z]")
_WORD = compile_cached(r"\S+")
_INITIAL = compile_cached(r"(?:[A-Z]\.){1,3}|[A-Z]")
#: initials written without a space before the surname, as some councils print every name
_GLUED_INITIALS = compile_cached(r"((?:[A-Z]\.){1,3})([A-Z][a-z][\w'’-]*)")


@dataclass
class Person:
    """One person as found: name, where it was found (offsets in the parsed text), notes."""

    name: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # group labels ("Independent Members")
    prefixed: bool = False  # an office or rank was written before the name
    councillor: bool = False  # written as Councillor/Cllr: never council staff
    titled: bool = False  # written with an honorific ('Mr', 'Cllr'): a new person, not a note
    code: str = ""  # initials code such as (CL), used by P/A/D grids
    sub_for: str = ""  # this person attended in place of sub_for
    sub_by: str = ""  # this (absent) person was replaced by sub_by

    @property
    def role(self) -> str:
        return "; ".join(unique_values((*self.roles, *self.labels)))

    @property
    def organisation(self) -> str:
        return ", ".join(unique_values(tuple(self.orgs)))


def parse_person(text: str, start: int, end: int, allow_single: bool = False, *,
                 carried: bool = False) -> Person | None:
    """One mention such as 'Cllr Jane Tindall (Chair) (Fernley Borough Council)';
    `carried`: a title written once before the list it is in ('Councillors A, B and C')
    is this mention's too, for telling whether its words are a name."""
    seg = text[start:end]
    # "... from X and from Y": the second 'from' belongs to the sentence, not the name.
    lead = m.end() if (m := pattern("person_lead").match(seg)) else 0  # '|': a label/value row
    seg = seg[lead:].rstrip(" ,;:.|–—-")
    groups = _groups(seg)
    if groups and _SMALL_AFTER.match(seg, groups[-1][1]):
        seg = seg[:groups[-1][1]]  # "Brigid Lockyer (Chief Executive) for item 9": a qualifier
    ends = [*groups[1:], (len(seg), 0)]
    between = "".join(seg[b:c] for (_, b), (c, _) in zip(groups, ends, strict=False))
    if not seg or (between.strip(" ,") and _drop_post("X " + between.strip()) != "X"):
        return None  # text after the brackets: not one person
    main = _drop_post(seg[:groups[0][0] if groups else len(seg)].strip())
    offset, roles, labels, honorific, _ = prefix(main)
    name, notes = main[offset:].strip(" ,"), [seg[a + 1:b - 1].strip() for a, b in groups]
    span = (start + lead, start + lead + len(seg))
    if honorific and (after := _name_then_role(name)):
        name, roles = after[0], [*roles, after[1]]  # "Mr T Lowe Clerk to the Board"
    elif not groups and not is_name(name, allow_single, bool(honorific)) and (
            after := _forename_then_office(name)):
        name, notes = after[0], [after[1]]  # "Fiona Balfour Clerk to the Licensing Board"
    v = vocab()
    if honorific.strip() in v["forename_hon"] and len(name.split()) == 1:
        return None  # "Cyngor Sir Ceredwyn": the county council, no knight
    ranked = bool(roles) and len(name.split()) == 1 and name not in v["known"]  # "PC Gow"
    honorific = honorific or ("rank" if ranked else "")
    titled = bool(honorific) or carried
    if not is_name(name, allow_single, titled):
        joined = _SPACED_DASH.sub("-", name)  # "Ela Morgan – Jones"
        if joined != name and is_name(joined, allow_single, titled):
            name = joined
    if not is_name(name, allow_single, titled):
        # "Monitoring Officer (Osian Treharne)": the office first, the name in brackets.
        inner = clean_name(notes[0], allow_single=False) if notes else ""
        if not inner:
            return None
        office = _THE.sub("", main)  # "the High Sheriff (Councillor X)"
        rank = v["rank"].match(office + " X")
        if classify(office) != "role" and not (rank and rank.end() > len(office)):
            return None  # "the RFO (Ms P Quinn)": a rank, too
        main = office
        person = Person(inner, *span, roles=[main])
        _notes(person, notes[1:])
        return person
    person = Person(name, *span, roles=roles, labels=labels, prefixed=bool(roles or labels),
                    councillor=bool(pattern("councillor_honorific").search(honorific)),
                    titled=bool(honorific) and honorific != "rank")
    _notes(person, notes)
    return person


def _name_then_role(text: str) -> tuple[str, str] | None:
    """('T Lowe', 'Clerk to the Board') for 'Mr T Lowe Clerk to the Board': a role written
    straight after a titled name, with no bracket or comma (a column merged into one line).
    Only after an honorific: 'Area Planning Manager' is no name and a role."""
    # "Vice- Chair": a hyphen the line broke after (a padded column, a wrapped cell)
    tokens, v = _BROKEN_HYPHEN.sub("-", text).split(), vocab()
    heads = v["office_heads"]
    last_two = len(tokens) - 2  # where "... County Councillor" would start
    for k in range(1, len(tokens)):
        if tokens[k] not in heads and k != last_two:
            continue  # nothing to join: a long line is not joined again for every word
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if (tokens[k] in heads and classify(tail) == "role" or k == last_two and tail
                in v["tiers"]) and is_name(head, False, True):  # or "... County Councillor"
            return head, tail
    if last_two >= 1 and tokens[last_two][:1].isupper() and tokens[-1] in v["role_nouns"]:
        head, tail = " ".join(tokens[:last_two]), " ".join(tokens[last_two:])
        if _INITIALS_SURNAME.fullmatch(head) and classify(tail) == "role":
            return head, tail  # "Mrs P Kyle Committee Administrator": initials, surname, office
    return None


def _forename_then_office(text: str) -> tuple[str, str] | None:
    """'Fiona Balfour' and 'Clerk to the Licensing Board' with no honorific: a forename (of
    forenames.json) and a surname, then an office of two words or more a known word opens
    or ends ('John Lewis Partnership' stays whole)."""
    tokens, v = text.split(), vocab()
    for k in (2, 3) if len(tokens) > 3 and tokens[0] in v["forenames"] else ():
        head, tail = " ".join(tokens[:k]), " ".join(tokens[k:])
        if k <= len(tokens) - 2 and is_name(head) and tokens[k][:1].isupper() and (
                {tokens[k], tokens[-1]} & v["org_words"] or tokens[k] in v["role_heads"]
                or tokens[-1] in v["role_nouns"]) and classify(tail) in ("role", "org"):
            return head, tail
    return None


def _groups(seg: str) -> list[tuple[int, int]]:
    """Spans of the top-level bracket groups, brackets included (a bracket's depth as
    `depths` gives it, worked out at the brackets only)."""
    if "(" not in seg and "[" not in seg:
        return []
    groups, start, depth = [], None, 0
    for m in BRACKET.finditer(seg):
        at, char = m.start(), m.group()
        depth = outer = max(depth - (char in CLOSE), 0)
        depth += char in OPEN
        if char in OPEN and outer == 0 and start is None:
            start = at
        elif char in CLOSE and outer == 0 and start is not None:
            groups.append((start, at + 1))
            start = None
    return groups + ([(start, len(seg))] if start is not None else [])


def _notes(person: Person, notes: list[str]) -> None:
    """File each bracketed note: chair marker, initials code, substitution, qualifier,
    role or organisation."""
    if not any(notes):
        return  # (most persons have none)
    v = vocab()
    initials = "".join(w[0] for w in person.name.replace("-", " ").split() if w[:1].isupper())
    ends = initials[:1] + initials[-1:]  # (CL) for Carys Lamont, (TKB) for T K Bancroft
    for note in filter(None, notes):
        if note.casefold() in v["chair"]:
            person.roles.append(note)
        elif _CODE.fullmatch(note) and note[0] + note[-1] == ends:
            person.code = note
        elif found := substitution(note):
            setattr(person, *found)
        elif not (note[:1].islower() or note.split()[0].casefold().strip(".,") in v["qualifiers"]):
            roles, orgs = attributes(note)
            person.roles += roles
            person.orgs += orgs


def substitution(note: str) -> tuple[str, str] | None:
    """('sub_for', name) for '(substitute for X)', ('sub_by', name) for '(X substituting)'."""
    for key in ("sub_by", "sub_for"):
        for regex in vocab()[key]:
            m = regex.match(note.strip(" .–—-"))
            # "(Mr D Walsh, Medical Director attended in his absence)": the name before its office
            if m and (name := clean_name(m.group("name")) or clean_name(
                    m.group("name").split(",")[0], False)):
                return key, name
    return None


def clean_name(text: str, allow_single: bool = True) -> str:
    """The bare name in 'Councillor Ivo Rainford' or 'Carys Lamont', '' if none."""
    text = text.strip(" .,;:")
    offset, _, _, honorific, _ = prefix(text)
    name = _drop_post(text[offset:].split("(")[0].strip(" ,.;"))
    return name if is_name(name, allow_single, bool(honorific)) else ""


def _drop_post(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].strip(",") in vocab()["post"]:
        words.pop()
    return " ".join(words)


def prefix(text: str) -> tuple[int, list[str], list[str], str, bool]:
    """Leading honorifics, council tiers and ranks: (name offset, roles, plural group labels,
    honorific words, plural honorific seen)."""
    pos, roles, labels, honorific, plural = _prefix(text)
    return pos, list(roles), list(labels), honorific, plural  # callers extend their lists


@lru_cache(maxsize=8192)
def _prefix(text: str) -> tuple[int, tuple[str, ...], tuple[str, ...], str, bool]:
    """`prefix`, remembered per text: a list's pieces, their names and offices are asked
    about again by the walk, the list and the person."""
    v = vocab()
    roles: list[str] = []
    labels: list[str] = []
    pos, honorific, plural = 0, "", False
    while pos < len(text):
        rest = text[pos:]
        if m := v["tier"].match(rest) or v["hon"].match(rest):
            word = m.group(1)
            if honorific and word.isupper() and len(word) == 2 and \
                    _CAPITALISED.match(rest, m.end()):
                break  # "Mr DR Okoro": after a title, capitals before a surname are initials
            honorific, plural = f"{honorific} {word}", plural or word.casefold() in v["plural"]
            if m.re is v["tier"]:  # "County Councillor(s)": the tier is an office
                (labels if word.casefold() in v["plural"] else roles).append(_singular(word))
        elif m := v["rank"].match(rest) or _office(rest):
            last = m.group(1).split()[-1]
            plural_label = last.endswith("s") and last[:-1] in v["title_nouns"]
            office = _LEADING_ARTICLE.sub("", m.group(1))  # "The Mayor Councillor A Bell"
            (labels if plural_label else roles).append(_singular(office))
        else:
            break
        pos += m.end()
    return pos, tuple(roles), tuple(labels), honorific, plural


_LEADING_ARTICLE = compile_cached(r"^the\s+(?=\S)", re.I)


def _singular(label: str) -> str:
    words = label.split()
    if words[-1].endswith("s") and words[-1][:-1] in vocab()["title_nouns"] | {"Councillor",
                                                                               "Cllr"}:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _office(text: str) -> re.Match | None:
    """'Town and Community Council Member Councillor Bryn Treharne': an office ending in a
    title noun and followed by a name, though the office is in no list."""
    # the office is capitalised words (and joining words) up to the first other word: the
    # words after that one are never read (a long text is not split whole). It ends in a
    # title noun that has a word after it (read, the first other word too): each such noun
    # and the word after it are kept, the last first, and most texts hold none.
    title_nouns = vocab()["title_nouns"]
    ends: list[tuple[re.Match[str], re.Match[str]]] = []  # (title noun, the word after it)
    noun: re.Match[str] | None = None
    for token in _WORD.finditer(text):
        word = token.group()
        if noun is not None:
            ends.append((noun, token))
        noun = token if word in title_nouns else None
        if not (word[:1].isupper() or word in ("and", "of", "for", "&")):
            break
    for noun, after in reversed(ends):
        offset, _, _, honorific, _ = prefix(text[after.start():])
        rest = text[after.start() + offset:].split("(")[0].strip(" ,")
        if (honorific and rest) or (is_name(rest) and len(rest.split()) >= 2):
            return re.match(rf"({re.escape(text[:noun.end()])})\s+", text)
    return None


@lru_cache(maxsize=8192)
def is_name(text: str, allow_single: bool = False, honorific: bool = False) -> bool:
    """Whether text (honorifics already removed) reads as a person's name. Cached: a list's
    pieces are tried as names again when its 'and' cuts are undone."""
    tokens, v = text.split(), vocab()
    if "." in text:  # "N.Prosser", "S.A.Mathias": initials run into the surname
        tokens = [piece for token in tokens for piece in _unglued(token)]
    if not 1 <= len(tokens) <= 5 or (len(tokens) == 1 and not (allow_single or honorific)):
        return False
    kinds = [_kind(t) for t in tokens]
    # "de Vere", "van der Berg": a surname may open with its particles where a lone surname
    # can be a name (in a list under 'Councillors', after a title), not a lone 'y' (Welsh
    # 'the': 'y Cyngor')
    particles = next((i for i, k in enumerate(kinds) if k != "particle"), len(kinds))
    if particles and not ((allow_single or honorific) and len(tokens[0]) > 1
                          and particles < len(kinds)):
        return False
    if "other" in kinds or kinds[-1] not in ("word", "caps"):
        return False
    if kinds[0] == "initial" and "word" in kinds and "initial" in kinds[kinds.index("word"):]:
        return False  # "K L Winslade S Mwangi" is two initialled names run together
    if tokens[0].casefold().rstrip(".") in v["not_names"]:
        return False  # ('No. Item': a ModernGov table's header)
    words = [t.strip(".") for t, k in zip(tokens, kinds, strict=True) if k in ("word", "caps")]
    hits = sum(w in v["known"] for w in words)
    # "Mrs A Bishop", "Cllr J Mayor": after a title and an initial an office word is a surname
    if hits and (not honorific or hits == len(words)) and not (
            honorific and kinds[0] == "initial"):
        return False
    return "word" in kinds or honorific or initialled_caps(words, kinds) or \
        forename_caps(words, kinds)


def _unglued(token: str) -> tuple[str, ...]:
    glued = _GLUED_INITIALS.fullmatch(token)
    return glued.groups() if glued else (token,)


@lru_cache(maxsize=8192)
def _kind(token: str) -> str:
    if token in vocab()["particles"]:
        return "particle"
    if _INITIAL.fullmatch(token):
        return "initial"
    if token[:1].isupper() and all(c.isalpha() or c in "'’-." for c in token):
        return "caps" if token.isupper() and len(token) > 1 else "word"
    return "other"
