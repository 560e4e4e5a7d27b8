"""Lists of people: split 'Councillors A (Chair), B and C', 'X, Role, Organisation' or
'X – Role, Y – Role' into persons.

A list is cut at commas, 'and', '&' and dashes outside brackets; cuts are added where a
column merged into one cell runs names together ('Councillor A (Chair) Councillor B',
'A Bell (AB) C Dunn (CD)', 'Cllr A, X Council Cllr B': list_cuts.py), and undone where
an 'and' joins words of one office. Each piece is a person (people.parse_person) or a
note on the person before it (role, organisation, substitution). Persons are in names.py,
vocabularies in vocabulary.py.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.people.list_cuts import (
    _is_count,
    dangling_at,
    merge_dashes,
    office_words,
    plain_marks,
    run_on_cuts,
    unnamed,
)
from pipeline.extractors.people.names import (
    Person,
    _drop_post,
    _kind,
    attributes,
    classify,
    clean_name,
    is_name,
    parse_person,
    prefix,
    substitution,
)
from pipeline.extractors.people.scanning import depths
from pipeline.extractors.people.vocabulary import lone_honorific, pattern, vocab
from pipeline.regex_cache import compile_cached, longest_first

#: "the clerk A. Brimble", "the assistant to the clerk Mrs J. Thorne": an office in lower case
#: after 'the', then the name (its words classify as a role)
_LOWER_OFFICE = compile_cached(r"\s*the\s+((?:[a-z]+\s+){0,4}[a-z]+)\s+(?=[A-Z])")
_CODED = compile_cached(r"\s*((?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+)\s*\(([A-Z]{2,4})\)\s*")
_LONE_CODED = compile_cached(r"\s*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*\(([A-Z]{2,4})\)\s*")
_SMALL = compile_cached(r"\b(?!(?:to|the|of|and|for)\b)[a-z]")  # capitals for classify()

# "A Bright / T Carver" and "Bright/Carver": a slash between names, not inside "Cyng/Cllr";
# "... Mr G and, in the Chair, Mr H": an 'and' before a comma. Every separator opens with a
# space, ',', ';', '/' or 'together'/'along', and after its spaces comes ',', ';', '/', '&',
# a dash, 'and', 'along' or 'together': the two look-aheads turn other positions (a space
# between two words of a sentence) away before the eight alternatives are tried at each
# (the same matches, in a quarter of the time)
SEPARATOR = compile_cached(r"(?=[\s,;/]|together|along)(?=\s*(?:[,;/&–—-]|and|along|together))(?:"
                           r"\s*,?\s*(?:together|along)\s+with\s+|\s*[,;]\s*(?:and\s+|&\s+)?"
                           r"|\s+(?:and|&)\s+|\s+(?:and|&)(?=,)|\s+[–—]\s*|\s+-\s+"
                           r"|\s+/\s+|(?<=[a-z])/(?=[A-Z][a-z])(?!Cllr|Councillor|Cynghorydd))")


# this module's other regexes, compiled once (re's own cache costs a lookup per call)
_INITIALLED = compile_cached(r"[A-Z]\.?\s")
_THE = compile_cached(r"^the\s+", re.I)
_INNER = compile_cached(r"\(([^()]+)\)")
_BRACKETED = compile_cached(r"\([^()]*\)")
_WORD = compile_cached(r"\S+")
_SEPARATED = compile_cached(r"[,;&()]|\s(?:and|-|–|—)\s")


def parse_list(text: str, start: int, end: int, allow_single: bool = False,
               substitutes: bool = False) -> list[Person] | None:
    """Persons in 'Councillors A (Chair), B and C', 'X, Role, Organisation' or 'X – Role';
    None when the text does not open with a person (a sentence, a heading). Under a
    Substitutes label 'X for Y' names the member X stood in for."""
    text = plain_marks(text)
    if (dangling := dangling_at(text[start:end])) is not None:
        end = start + dangling  # "Mrs A Owain & ALSO: ...", "R Bell IS-GADEIRYDD/ ..."
    depth = depths(text)
    held = [(m.start(), m.end()) for m in _and_offices().finditer(text, start, end)] \
        if text.find(" and ", start, end) >= 0 else []  # (each office holds ' and ')
    cuts = [(m.start(), m.end(), _separator(m.group()))
            for m in SEPARATOR.finditer(text, start, end) if depth[m.start()] == 0
            and (m.group() != "/" or _names_slash(text, m.start()))
            and not any(a < m.start() < b for a, b in held)]
    cuts = sorted(cuts + run_on_cuts(text, start, end, cuts, depth))
    bounds = [(start, start, "comma"), *cuts, (end, end, "end")]
    parts = [(kind, a, b) for (_, a, kind), (b, _, _) in zip(bounds, bounds[1:], strict=False)]
    lead = prefix(text[start:end].lstrip(" :"))
    # "The Mayor (Cllr A), the Deputy Mayor and Councillors B, C and Smith": a plural
    # honorific anywhere in the list makes its lone surnames names
    single = allow_single or lead[4] or bool(_plural_inside().search(text, start, end)) or sum(
        bool(_LONE_CODED.fullmatch(text, a, b)) for _, a, b in parts) >= 2  # "Hollie (KC), ..."
    # "Councillors BRIGHTWELL (Chair), CATTERMOLE and DEWAR": a plural councillor title
    # opening the list is each entry's title, so a lone surname in capitals is a name there
    # as it is after 'Councillor' (in a list without one it may be a body: 'NHS, HWB')
    carried = lead[4] and bool(pattern("councillor_honorific").search(lead[3]))
    tried: dict[tuple[int, int], list[Person]] = {}  # pieces read while undoing 'and' cuts
    parts = merge_dashes(text, _merge_ands(text, parts, single, substitutes, tried, carried))
    persons: list[Person] = []
    head = text[parts[0][1]:parts[0][2]].strip()
    if len(parts) > 1 and parts[1][0] in ("dash", "comma") and classify(head) == "role" \
            and not vocab()["hon_word"].search(head) and not _ranked_name(head) \
            and (person := parse_person(text, parts[1][1], parts[1][2], single)) \
            and (parts[1][0] == "dash" or person.titled and head[:1].isupper()):
        # "Chief Executive – Jane Smith", "Clerk to Council, Mrs S Knowles": office, name
        person.roles.insert(0, head)
        person.start, persons, parts = parts[0][1], [person], parts[2:]
    attrs: dict[int, tuple[int, int]] = {}  # person index -> span of its plain notes
    offices: dict[int, str] = {}  # part index -> an office the next part (a dash) names
    label: list[str] = []
    chair_next = False
    counted = False  # the last part was a count: a dash then brings the people counted
    for n, (kind, s, e) in enumerate(parts):
        piece = text[s:e].strip(" ,;:")
        if _is_count(text, s, e) or kind == "and" and n == len(parts) - 1 and unnamed(text, s, e):
            counted = True  # (or "... Cllr P Nance and the Clerk.": an office, no name)
            continue  # "4 members of the public" is a count, not a person or a role
        if not piece or piece in ("and", "&"):
            continue
        if counted and kind == "dash":
            kind = "comma"  # "two members of the public - A and B": A is one of them
        counted = False
        offset, roles, _, _, _ = prefix(piece + " X")  # a stand-in name after the piece
        if offset > len(piece) and not roles or _drop_post("X " + piece) == "X":
            continue  # only honorifics ("Councillors" before "Ms D Welwick"): no person
        found = [] if kind == "dash" and persons else tried.pop((s, e), None)
        if found is None:
            found = _persons(text, s, e, single, substitutes, carried)
        if kind == "comma" and persons and attrs.get(len(persons) - 1) is None and \
                not persons[-1].roles and _office_then_bracket(text[s:e], found):
            found = []  # "Callum Brodie, Community Manager (East Burgh), ...": his office
        if kind in ("dash", "comma") and n and n - 1 in offices:
            # "... and the Clerk – Adrian Ives", "... and Assistant Clerk, Mrs R Lusk"
            found = _persons(text, s, e, single, substitutes, carried)
            for person in found:
                person.roles.insert(0, offices[n - 1])
        dash_next = n + 1 < len(parts) and parts[n + 1][0] == "dash"  # "A – Clerk, B – Head"
        if found and attrs.get(len(persons) - 1) and not dash_next and kind != "lead" \
                and not any(_strong(p) for p in found) and not (kind == "and" and (
                    all(_INITIALLED.match(p.name) for p in found)
                    or _office_next(text, parts, n))) \
                and not _parallel(text, parts, n):
            # "Ms T Varga, Network Planning Manager, Kestrel Waterways"; but "L Moss, Head of
            # Policy and B Lamb, Manager": an initialled name after 'and' is a new person,
            # and so is "A, Head of Policy, and B, Manager": ', and' then a name and its office
            found = []
        for person in found:
            label = person.labels or label
            person.labels = person.labels if person.prefixed else list(label)
        if found:
            if chair_next:  # "Mr G and, in the Chair, Mr H": the chair is H
                found[0].roles.insert(0, "Chair")
                chair_next = False
            persons += found
        elif n + 1 < len(parts) and pattern("chair_note").fullmatch(piece) and (
                kind == "and" or parts[n - 1][0] == "and"
                and not text[parts[n - 1][1]:parts[n - 1][2]].strip(" ,")):
            chair_next = True  # ", in the Chair," between 'and' and the name it belongs to
        elif persons and kind == "and" and classify(piece) == "role" and (
                dash_next or _titled_next(text, parts, n, single, substitutes, carried)):
            offices[n] = _THE.sub("", piece)  # the office of the next
        elif persons:
            attrs[len(persons) - 1] = (attrs.get(len(persons) - 1, (s, e))[0], e)
        elif kind != "dash" and n + 1 < len(parts) and parts[n + 1][0] in ("and", "comma") \
                and _THE.match(piece) and classify(piece) == "role":
            continue  # "from the Mayor and Councillors A and B": an office, no name given
        else:
            return None
    for index, (a, e) in attrs.items():
        person, note = persons[index], text[a:e]
        person.end = max(person.end, e)
        if sub := substitution(note):
            setattr(person, *sub)
        else:
            roles, orgs = attributes(note)
            person.roles += roles
            person.orgs += orgs
    if lead[4] and pattern("councillor_honorific").search(lead[3]):
        for person in persons:  # "County Cllrs A, B and C": each a councillor
            person.councillor = person.councillor or not person.titled
    last = text[persons[-1].start:persons[-1].end] if persons else ""
    if shared := pattern("shared_note").search(last):  # "A, B and C (all Finance)"
        roles, orgs = attributes(shared.group(1))
        for person in persons:
            person.roles += [r for r in roles if r not in person.roles]
            person.orgs += [o for o in orgs if o not in person.orgs]
    return persons



def _titled_next(text: str, parts: list, n: int, single: bool, substitutes: bool,
                 carried: bool) -> bool:
    """Whether part n + 1 follows a comma and is a titled person: "Clerk to Council, Mrs A
    Bell and Assistant Clerk, Mrs R Lusk" (the office after 'and' is the next person's)."""
    if n + 1 >= len(parts) or parts[n + 1][0] != "comma":
        return False
    _, s, e = parts[n + 1]
    return any(p.titled for p in _persons(text, s, e, single, substitutes, carried))




def _ranked_name(piece: str) -> bool:
    """Whether a piece is an office written before a name ('Provost Moira Rankin (in the
    Chair)') or with its holder in brackets ('The Mayor (Councillor Jean Farrow)'): a
    person, not the office of the person after it."""
    if any(vocab()["hon_word"].match(inner) for inner in _INNER.findall(piece)):
        return True
    offset, roles, _, _, _ = prefix(piece)
    rest = _BRACKETED.sub(" ", piece[offset:]).split()
    return bool(roles) and len(rest) >= 2 and all(is_name(w, True) for w in rest)


def _names_slash(text: str, at: int) -> bool:
    """A bare slash between two names ('Bright/Carver'), not between two office words
    ('Admin/Finance Officer', 'Clerk/Responsible Finance Officer')."""
    left = re.search(r"([\w'’-]+)$", text[:at])
    right = re.match(r"[\w'’-]+", text[at + 1:])
    if not (left and right):
        return False
    return not {left.group(1), right.group()} & office_words()


@cache
def _and_offices() -> re.Pattern:
    """Offices whose name holds 'and' ('Police and Crime Commissioner'): never cut there."""
    v = vocab()
    words = [w for w in v["ranked"] | v["known_phrases"] if " and " in w]
    return compile_cached("|".join(re.escape(w) for w in sorted(words, key=longest_first))
                          or r"(?!)")


@cache
def _inline_gate() -> LiteralGate:
    """Whether a list entry may hold an inline substitution ('for', 'in place of'): the
    strings one of which every match of vocabulary's "inline" holds."""
    return LiteralGate([vocab()["inline"]])


@cache
def _plural_inside() -> re.Pattern:
    """A plural honorific opening a piece of a list ('..., and Councillors B, C')."""
    words = "|".join(re.escape(w) for w in sorted(vocab()["plural"], key=longest_first))
    return compile_cached(rf"(?:[,;]\s*|\s(?:and|&)\s+)(?:{words})\.?\s+(?=[A-Z])", re.I)


def _separator(sep: str) -> str:
    sep = sep.strip()
    if sep.split()[-1:] == ["with"]:
        return "and"  # "..., together with Mr X"
    return "dash" if sep in ("–", "—", "-") else "and" if sep in ("and", "&") else "comma"


def _parallel(text: str, parts: list, n: int) -> bool:
    """Whether part n follows ', and' (or an office) and an office follows it after a comma,
    as the office of the person before it did: "A, Non-Executive Director, and B, Chief
    Operating Officer" (B is no note on A)."""
    kind, s, e = parts[n]
    if kind != "comma" or n + 1 >= len(parts) or parts[n + 1][0] != "comma" or \
            classify(text[parts[n + 1][1]:parts[n + 1][2]].strip(" ,;:.")) != "role":
        return False
    if text[max(0, s - 6):s].rstrip().endswith(("and", "&")):
        return True
    # "A, Director of Communities, B, Service Leader (Housing), and C, ...": name and office
    # in turn, an office before the part and after it, and no office or body word in it
    piece = text[s:e].strip(" ,;:.")
    return n >= 2 and parts[n - 1][0] == "comma" and classify(
        text[parts[n - 1][1]:parts[n - 1][2]].strip(" ,;:.")) == "role" and (
        classify(piece) is None or is_name(piece))  # ('NEIL GRAY' reads as capitals' body)


def _office_then_bracket(piece: str, found: list[Person]) -> bool:
    """Whether a piece read as 'Office (Name)' ('Monitoring Officer (Osian Treharne)') is
    one person whose name came out of the brackets: after a name with no office yet it is
    that name's office and its area ('Community Manager (East Burgh)')."""
    return len(found) == 1 and not found[0].titled and "(" in piece and \
        piece.split("(")[0].strip(" ,;") in found[0].roles


def _office_next(text: str, parts: list, n: int) -> bool:
    """Whether an office follows part n after a comma: "A, Manager - Housing and B, Lead
    Officer" (after 'and', B and an office: a new person, not a note on A)."""
    return n + 1 < len(parts) and parts[n + 1][0] == "comma" and classify(
        text[parts[n + 1][1]:parts[n + 1][2]].strip(" ,;:.")) == "role"


def _strong(person: Person) -> bool:
    return bool(person.roles or person.labels or person.code or person.sub_for or person.titled)


def _persons(text: str, s: int, e: int, single: bool, substitutes: bool = False,
             carried: bool = False) -> list[Person]:
    """The persons of one piece of a list; `carried`: the list opened with a plural
    councillor title, which is this piece's title too."""
    if person := parse_person(text, s, e, single, carried=carried):
        return [person]
    if (coded := _CODED.fullmatch(text, s, e)) and coded.group(2) == "".join(
            w[0] for w in coded.group(1).split()):
        # "D Court (DC)": initials and a code that spells them make a name of an office word
        return [Person(coded.group(1), coded.start(1), coded.end(1), code=coded.group(2))]
    if single and (lone := _LONE_CODED.fullmatch(text, s, e)) and classify(
            lone.group(1)) is None and lone.group(1) not in vocab()["known"]:
        # "Hollie (KC)": a young member by forename, with the initials of her school
        return [Person(lone.group(1), lone.start(1), lone.end(1), orgs=[lone.group(2)])]
    if (office := _LOWER_OFFICE.match(text, s, e)) and classify(_SMALL.sub(
            lambda m: m.group().upper(), office.group(1))) == "role" and \
            (person := parse_person(text, office.end(), e, single)):
        person.roles.insert(0, office.group(1))  # "and the clerk A. Brimble": an office first
        person.start = s
        return [person]
    # "Councillor X as substitute for Councillor Y" inside a list entry (searched for only
    # in an entry holding one of the words such a phrase holds)
    for m in vocab()["inline"].finditer(text, s, e) if _inline_gate().might_match(
            text[s:e]) else ():
        if m.group().strip().casefold() == "for" and not substitutes:
            continue
        person, absent = parse_person(text, s, m.start(), single), clean_name(text[m.end():e])
        if person and absent:
            person.sub_for, person.end = absent, e
            return [person]
    # "D Halloran (Chairman) K L Winslade (Vice-Chairman) A Oduwole-Marsh": a merged column.
    offset = s + prefix(text[s:e])[0]
    found = list(pattern("initialled_name").finditer(text, offset, e))
    if len(found) >= 2 and text[offset:e].strip() == " ".join(m.group() for m in found):
        people = [p for m in found if (p := parse_person(text, m.start(), m.end(), True))]
        if len(people) == len(found):
            return people
    return _pairs(text, s, e)


def _pairs(text: str, s: int, e: int, most: int = 16) -> list[Person]:
    """'Alan Smith Bob Jones Carol White': a column of full names merged into one cell,
    read as forename-surname pairs when nothing else is there; an honorific may open a
    pair ('Eve Ford Mrs Gail Hale')."""
    words: list[re.Match[str]] = []
    titled: set[int] = set()
    for w in _WORD.finditer(text[s:e]):
        if lone_honorific(w.group()) and len(words) % 2 == 0:
            titled.add(len(words))
            continue
        words.append(w)
        if len(words) > most or not (_kind(w.group()) == "word" and is_name(w.group(), True)):
            # too many to be pairs, or a word that is no name makes none: a long entry
            # (most often a sentence) is not read to its end
            return []
    if not 4 <= len(words) <= most or len(words) % 2:
        return []
    return [Person(f"{a.group()} {b.group()}", s + a.start(), s + b.end(), titled=2 * n in titled)
            for n, (a, b) in enumerate(zip(words[::2], words[1::2], strict=True))]


def run_together(text: str, start: int, end: int) -> list[Person]:
    """Full names with no separator at all ('Ann Bell Carl Dee Mrs Eve Ford') in a record
    whose labels also run on without punctuation: forename-surname pairs."""
    if _SEPARATED.search(text[start:end]):
        return []
    return _pairs(text, start, end, most=60)


def _merge_ands(text: str, parts: list, single: bool, substitutes: bool,
                tried: dict[tuple[int, int], list[Person]], carried: bool = False) -> list:
    """Undo an 'and' split unless both sides are persons ('Town and Community Council Member
    X' and 'Legal Manager and Clerk' stay whole). The persons read are kept in `tried`
    by span, so that parse_list does not read the pieces it keeps again."""

    def persons(s: int, e: int) -> list[Person]:
        if (s, e) not in tried:
            tried[s, e] = _persons(text, s, e, single, substitutes, carried)
        return tried[s, e]

    merged: list = []
    for n, (kind, s, e) in enumerate(parts):
        if kind == "and" and merged and not _is_count(text, s, e) and not (
                n == len(parts) - 1 and unnamed(text, s, e)) and \
                text[s:e].strip(" ,;"):  # "... Mr G and, in the Chair, Mr H": nothing between
            # "P Marsh and 3 members of the public": a count stays apart (and is skipped)
            pkind, ps, pe = merged[-1]
            nxt = parts[n + 1] if n + 1 < len(parts) else None
            if (pkind == "dash" and (any(p.titled for p in persons(s, e)) or (
                    # "A, Manager - Housing Access and B, Lead Officer": B has an office too
                    _office_next(text, parts, n) and persons(s, e)))) or (
                    nxt and classify(text[s:e].strip()) == "role" and (
                        nxt[0] == "comma" and any(p.titled for p in persons(nxt[1], nxt[2]))
                        and any(p.titled for p in persons(ps, pe))
                        or nxt[0] == "dash" and persons(nxt[1], nxt[2]) and persons(ps, pe))) or (
                    pkind == "comma" and classify(text[ps:pe].strip()) in ("role", "org")
                    and not persons(ps, pe) and persons(s, e)
                    and not any(p.prefixed for p in persons(s, e))):
                # "A Bell - Abbey and Cllr C Dee", "Clerk, Mrs A Bell and Deputy Clerk, Mrs
                # C Dee", "L Moss, Head of Policy and B Lamb, Manager": a new person, or a
                # new office before one
                merged.append((kind, s, e))
                continue
            if not (persons(ps, pe) and persons(s, e)):
                merged[-1] = (pkind, ps, e)
                continue
        merged.append((kind, s, e))
    return merged
