"""Attendance stated in sentences anywhere in a paper: 'Apologies were received from
Councillors A and B', 'Councillor X sent apologies', 'X attended as substitute for Y'
(with its variants: an organisation between the names, 'A and B ... for C and D
respectively', 'Y, for whom X was substituting', 'X replaced Y for this meeting', 'X was
also present as a substitute'), 'Councillor Z in the Chair', 'RESOLVED that Councillor Z
be elected Chair'. Apologies recorded for another meeting (a correction to earlier
minutes) and apologies for lateness or a delay are none. Also where a
list of names inside a sentence ends (`list_end`, `sentence_end`), which the walk of
attendance.py uses for lists written as sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extractors.anchors import LiteralIndex
from pipeline.extractors.people.labels import Pair, Section, may_hold_legend
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.name_spans import name_spans
from pipeline.extractors.people.names import Person, classify
from pipeline.extractors.people.register import Register, same_person
from pipeline.extractors.people.scanning import blocks_holding, depths
from pipeline.extractors.people.vocabulary import alternation, data, pattern, vocab
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached

ABBREVIATIONS = set(data("cues")["abbreviations"])


def sentence_end(text: str, start: int) -> int:
    for m in _FULL_STOP.finditer(text[start:]):
        word = last_word(text, start + m.start())
        if not (len(word) == 1 and word.isupper() or word.casefold() in ABBREVIATIONS):
            return start + m.start()
    return len(text)


_FULL_STOP = compile_cached(r"\.(?=\s|$)")


def last_word(text: str, end: int) -> str:
    """The word that text[:end] ends with: what `(\\w+)$` finds in it ('' when none; `$`
    also before a final newline), read back from its end, not searched from each
    position of a long line (\\w: str.isalnum() or '_')."""
    if end and text[end - 1] == "\n":
        end -= 1
    begin = end
    while begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    return text[begin:end]


def list_end(text: str, start: int, end: int) -> int:
    """Where a list of names in a sentence stops: at the first lower-case word outside
    brackets that is no name particle or post-nominal ('... and Hurst were noted'), or at a
    capitalised word opening the next sentence ('Cllr Tennant With the absence of ...')."""
    keep = _kept_words()
    depth = depths(text)
    for m in _list_stop().finditer(text[start:end]):
        if m.group(1) in ("the", "for") and re.match(r"\w+\s+[A-Z]", text[start + m.start():end]):
            continue  # "... and the Police and Crime Commissioner for Fernley – X": an office
        if depth[start + m.start()] == 0 and (m.group(1) or "") not in keep:
            return start + m.start()
    return end


def run_on_sentence(text: str, start: int) -> bool:
    """Whether 'Councillors A, B and C' read as a label and its list goes on as a sentence."""
    if text[:start].strip().casefold().rstrip(".") not in _plural_words() or \
            text.rstrip()[-1:] != ".":
        return False
    stop = list_end(text, start, len(text))
    return len(text[stop:].split()) >= 4 and text[stop:stop + 1].islower()


@cache
def _plural_words() -> frozenset[str]:
    """Plural honorifics, folded, without a full stop ('councillors', 'cllrs')."""
    return frozenset(p.casefold().rstrip(".") for p in data("names")["plural_honorifics"])


@cache
def _kept_words() -> frozenset[str]:
    """Lower-case words a list of names goes on over: particles, post-nominals, 'and'."""
    v = vocab()
    return frozenset({w.casefold() for w in v["particles"] | v["post"]} | {"and", "from"})


@cache
def _list_stop() -> re.Pattern:
    """A lower-case word (group 1), or a capitalised word that opens the next sentence."""
    openers = alternation(data("cues")["sentence_openers"])
    return compile_cached(rf"(?<=\s)([a-z][\w'’-]*)|(?<=[a-z])\s+(?:{openers})\s+(?=[a-z])")


def sentences(document: Document, register: Register) -> None:
    """Apologies, substitutions and the chair as stated in sentences anywhere in the paper."""
    apologies = Section("apologies", allow_single=True, rule="apology_sentence")
    sent = replace(apologies, rule="sent_apologies")
    index = _cue_index()
    # the blocks that hold any cue's words, found by one search of the paper (a cue with
    # no words to look for passes every block)
    holding = blocks_holding(document, frozenset(index.strings) if all(index.needs)
                             else frozenset())
    for block, holds in zip(document.blocks, holding, strict=True):
        if not holds:
            continue  # no cue's words: all three would be turned away
        text = block.text
        # the three cues' words looked up at once: most blocks hold none of them
        apology, substituting, chairing = index.passing(text)
        # "Councillor X sent apologies"; a register's legend ("A = apology") is no sentence
        sent_cue = apology and pattern("apology_word").search(text) and \
            not (may_hold_legend(text) and pattern("legend").search(text))
        # an apology sentence holds the apology word: without it the block is not searched
        for m in pattern("apology_sentence").finditer(text) if sent_cue else ():
            # "the apologies of Councillors X, and Y were noted": the list stops at the verb.
            stop = sentence_end(text, m.end())
            opening = max(text.rfind(". ", 0, m.start()) + 1, 0)
            if pattern("minutes_amendment").search(text, opening, stop):
                continue  # "... agreed, subject to the inclusion of apologies from X": another day
            if pattern("substitution_words").search(text, m.start(), m.end()):
                continue  # "sent apologies and was substituted by X": X came
            begin: int | None = m.end()
            while begin is not None:
                end = list_end(text, begin, stop)
                if end < stop and (semi := text.rfind(";", begin, end)) >= 0 and \
                        depths(text)[semi] == 0:
                    end = semi  # "... Gale and Hope; Cllr Irwin would be late": a new clause
                persons = parse_list(text, begin, end, allow_single=True) or []
                if persons and (tail := _lower_surname(text, end)):
                    persons[-1].name += " " + text[end:tail]  # "... and Diane Neil mills"
                    persons[-1].end = tail
                for person in persons:
                    register.add("apologies", person, block, apologies)
                # "from A, whose substitute was B, and from C": the list resumes after the
                # clause about A
                resumes = pattern("apology_resumes").match(text, end, stop) if persons and (
                    text[begin:end].rstrip().endswith(",")
                    or re.match(r"\s*(?:with|who)\s", text[end:stop])) else None  # "A with B as"
                begin = resumes.end() if resumes else None
        # a table row's cells side by side are no sentence, unless a cell is prose (a
        # ModernGov item row: title, agenda note, 'Minutes:' and what was minuted)
        substitution = substituting and (block.kind is not BlockKind.TABLE_ROW or _prose(text)) \
            and pattern("substitution_words").search(text)
        chair = chairing and pattern("chair_words").search(text)
        # "X sent apologies" needs the verb phrase somewhere (sent_apologies, anchored, is
        # _sent_verb anchored at a name's end): without one, no name is asked about
        verbs = list(_sent_verb().finditer(text)) if sent_cue else []
        # the block's names are matched once, and only where a sentence may need them
        spans = name_spans(document, block) if verbs or substitution or chair else []
        if sent_cue:
            for k, (_, end, _) in enumerate(spans):
                if verb := pattern("sent_apologies").match(text[end:]):
                    # "Cllr A & Cllr B sent apologies": the names joined to it sent them too;
                    # "..., as did Councillor C (and D)" too; "Cllr A, who was represented by
                    # Cllr B, also sent apologies": A did.
                    subject = k - 1 if k and text[end:end + verb.end()].lstrip().startswith(
                        ",") and re.search(r",\s*who\b", text[spans[k - 1][1]:spans[k][0]]) else k
                    group = [*reversed(_joined(text, spans, subject, -1)), spans[subject]]
                    if k + 1 < len(spans) and re.fullmatch(
                            r"\s*,?\s*as\s+did\s+", text[end + verb.end():spans[k + 1][0]]):
                        group += [spans[k + 1], *_joined(text, spans, k + 1, 1)]
                    for a, b, joined in group:
                        register.add("apologies", Person(joined, a, b), block, sent)
            for verb in verbs:
                # "Councillors Gale and Hume tendered their apologies": a whole subject that
                # is a list of names (bare surnames under a plural honorific)
                # the subject opens after the sentence or the label before it ("2. Apologies:
                # 072/24: Cllrs A, B and C sent their apologies")
                cuts = [text.rfind(mark, 0, verb.start()) for mark in (". ", ": ")]
                opening = max((cut + 2 for cut in cuts if cut >= 0), default=0)
                if list_end(text, opening, verb.start()) < verb.start():
                    continue  # "X, who was represented by Y, sent apologies": no list subject
                for person in parse_list(text, opening, verb.start()) or ():
                    if not any(same_person(e.person.name, person.name)
                               for e in register.people["apologies"]):
                        register.add("apologies", person, block, sent)
        if substitution:
            _substitution_sentences(block, spans, register)
        if chair:
            _chair(block, spans, register)


@cache
def _cue_index() -> LiteralIndex:
    """The words of the apology, substitution and chair cues, looked up in a block at once."""
    return LiteralIndex(pattern(name) for name in ("apology_word", "substitution_words",
                                                   "chair_words"))


@cache
def _sent_verb() -> re.Pattern:
    """The sent-apologies verb phrase anywhere in a block (its pattern is anchored)."""
    return compile_cached(data("cues")["patterns"]["sent_apologies"].removeprefix("^"), re.I)


def _prose(text: str) -> bool:
    """Whether a table row holds sentences: twelve words or more, a full stop after a word."""
    return len(text.split()) >= 12 and re.search(r"[a-z)][.;]\s+[A-Z]", text) is not None


_LOWER_WORD = compile_cached(r"([a-z][a-z'’-]+)\.?\s*$")


def _lower_surname(text: str, at: int) -> int | None:
    """Where a surname printed in lower case ends, when the one word a list of names stopped
    at ends the paper's line after a forename and a surname ('... Rod Scott and Diane Neil
    mills'); None for a verb or an adverb ('... Councillor Ford received')."""
    m = _LOWER_WORD.match(text, at)
    word, stop = (m.group(1), data("cues")["not_lower_surnames"]) if m else ("", {})
    if not m or not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+ $", text[max(0, at - 80):at]) or \
            re.search(stop["endings"], word) or word in stop["words"]:
        return None
    return m.end(1)


def _substitution_sentences(block: Block, spans: list[tuple[int, int, str]],
                            register: Register) -> None:
    """'X attended as substitute for Y', 'Y was represented by X', '... X for Y and Z for W',
    'A and B attended as substitutes for C and D respectively', 'apologies from Y, for whom X
    was substituting', 'X was also present as a substitute' (`spans`: the block's names, from
    name_spans). A note between the substitute and the verb ('X, Fernley Police, attended
    ...', 'X from Fernley Council substituted for Y') is the substitute's organisation."""
    subs, text = data("substitution"), block.text
    orientation = None
    for (a_start, _, a), (_, b_end, b) in zip(spans, spans[1:], strict=False):
        # "Apologies from Councillor A, Chair. Councillor B, Vice-Chair, attended in her absence"
        if _regex(subs["absence"], re.I).match(text[b_end:]) and any(
                same_person(e.person.name, a) for e in register.people["apologies"]):
            register.pair(Pair(a, b, "", block, a_start, b_end, rule="absence"))
    for k, ((a_start, a_end, a), (b_start, b_end, b)) in enumerate(zip(spans, spans[1:],
                                                                       strict=False)):
        org, between = _between(text[a_end:b_start])
        if _matches(subs["between_for"], between):
            orientation = "for"
            for (s_start, _, s), (_, m_end, m) in _respectively(text, spans, k):
                register.pair(Pair(m, s, "", block, s_start, m_end, rule="respectively"))
            if not _respectively(text, spans, k):
                register.pair(Pair(b, a, org, block, a_start, b_end, rule="between_for"))
        elif orientation == "for" and _regex(subs["elliptic"]).match(between):
            register.pair(Pair(b, a, "", block, a_start, b_end, rule="elliptic"))
        elif (pronoun := _regex(subs["pronoun_after"], re.I).match(text[b_end:])) and \
                _regex(subs["for_this_meeting"], re.I).match(text[b_end + pronoun.end():]) and \
                not re.search(r"[.;]\s", text[a_end:b_start]):
            # "the resignation of Councillor A from the Panel ... had appointed Councillor B
            # to replace them for the purposes of this meeting"
            register.pair(Pair(a, b, "", block, a_start, b_end, rule="pronoun_after"))
        elif _regex(subs["replaced"]).match(between) and \
                _regex(subs["for_this_meeting"], re.I).match(text[b_end:]):
            # "Councillor A replaced Councillor B for this meeting" (not a change of membership)
            register.pair(Pair(b, a, org, block, a_start, b_end, rule="replaced"))
        elif _regex(subs["whom"]).search(between) and \
                _regex(subs["whom_after"], re.I).match(text[b_end:]):
            # "apologies from Councillor A, for whom Councillor B was substituting"
            register.pair(Pair(a, b, "", block, a_start, b_end, rule="whom"))
        elif between == "and" and _regex(subs["and_attended"], re.I).match(text[b_end:]):
            # "Apologies ... from Councillor A and Councillor B attended as substitute."
            register.pair(Pair(a, b, org, block, a_start, b_end, rule="and_attended"))
        elif _matches(subs["between_by"], between) or (
                _regex(subs["with_by"]).match(between)
                and _regex(subs["with_after"]).match(text[b_end:])):
            # "Apologies from Cllr A with Cllr B attending as his substitute"
            orientation = "by"
            rule = "between_by" if _matches(subs["between_by"], between) else "with_by"
            register.pair(Pair(a, b, org, block, a_start, b_end, rule=rule))
    for k, (start, end, name) in enumerate(spans):
        # "Councillor X was also present as a substitute.": no member named, an attendee
        nxt = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if _regex(subs["present_as_substitute"], re.I).match(text[end:nxt]):
            for s_start, s_end, s in [*reversed(_joined(text, spans, k, -1)), (start, end, name)]:
                if not any(same_person(p.substitute, s) or same_person(p.member, s)
                           for p in register.pairs):
                    register.add("attendees", Person(s, s_start, s_end, labels=["Substitute"]),
                                 block, Section("attendees", rule="present_as_substitute"))


def _between(raw: str) -> tuple[str, str]:
    """The organisation noted after a name, and the words that join it to the next name,
    folded: ', Fernley Police, attended as a substitute for' gives ('Fernley Police',
    'attended as a substitute for')."""
    note = pattern("between_note").match(raw)
    if note and (rest := raw[note.end():].strip(" ,").casefold()) and any(
            _matches(data("substitution")[key], rest) for key in ("between_for", "between_by")):
        org = note.group(1).strip(" ,")
        return ("" if classify(org) == "role" else org), rest
    return "", raw.strip(" ,").casefold()


def _matches(patterns: list[str], between: str) -> bool:
    return any(_regex(p, re.I).match(between) for p in patterns)


@cache
def _regex(regex: str, flags: int = 0) -> re.Pattern:
    """A substitution.json phrase compiled once (re's own cache costs a lookup per call,
    and the phrases are tried for every pair of names of a sentence)."""
    return compile_cached(regex, flags)


def _joined(text: str, spans: list[tuple[int, int, str]], k: int,
            step: int) -> list[tuple[int, int, str]]:
    """The names joined to spans[k] by commas and 'and' (before it for step -1, after it for
    step 1), nearest first: 'Councillors A, B and C'."""
    out, j = [], k
    while 0 <= j + step < len(spans):
        left, right = sorted((j, j + step))
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[spans[left][1]:spans[right][0]]):
            break
        j += step
        out.append(spans[j])
    return out


def _respectively(text: str, spans: list[tuple[int, int, str]],
                  k: int) -> list[tuple[tuple[int, int, str], tuple[int, int, str]]]:
    """'Councillors A and B attended as substitutes for Councillors C and D respectively':
    the (substitute, member) pairs in order, when both lists are as long; else none."""
    subs = [*reversed(_joined(text, spans, k, -1)), spans[k]]
    members = [spans[k + 1], *_joined(text, spans, k + 1, 1)]
    if len(subs) < 2 or len(subs) != len(members) or \
            not re.match(r"\s*,?\s*respectively\b", text[members[-1][1]:]):
        return []
    return list(zip(subs, members, strict=True))


def _chair(block: Block, spans: list[tuple[int, int, str]], register: Register) -> None:
    """'Mr G Ballantyne in the Chair'; 'RESOLVED that Councillor X be elected Chair'."""
    text = block.text
    short = len(text.split()) <= 10  # a line that only says who took the chair
    for start, end, name in spans:
        if presided := pattern("presided").match(text[end:]):  # "Councillor X, Convener, presided"
            role = presided.group(1) or "Chair"
            entry = next((e for e in register.people["attendees"]
                          if same_person(e.person.name, name)), None)
            if entry:
                entry.person.roles.insert(0, role)
            else:
                register.add("attendees", Person(name, start, end, roles=[role]), block,
                             Section("attendees", rule="presided"))
            continue
        # "With Councillor X in the Chair there were present:" opens a list of any length
        m = ((short or pattern("chair_with").search(text, max(0, start - 12), start))
             and pattern("chair_line").match(text[end:])) or \
            pattern("elected_chair").match(text[end:])
        if not m or (m.groups() and text[end:].split()[0] == "be"
                     and not pattern("resolution").search(text[:start])):
            continue  # "proposed that X be appointed Vice-Chair" is no appointment
        role = m.group(1) if m.groups() else "Chair"
        entry = next((e for e in register.people["attendees"]
                      if same_person(e.person.name, name)), None)
        if entry:
            entry.person.roles.insert(0, role)
        elif not m.groups():  # the person in the chair attended, listed or not
            register.add("attendees", Person(name, start, end, roles=[role]), block,
                         Section("attendees", rule="chair_line"))


def narrative(text: str) -> bool:
    """Whether a sentence opens after a list's full stop: a lower-case word, no name particle
    nor 'and', among its first three words outside brackets ('The meeting accepted ...',
    'Reasons for absence noted ...'; not 'Cllr C Dee (Clerk to Council).')."""
    words = re.sub(r"\([^()]*\)", " ", text).split()[:3]
    keep = vocab()["particles"] | {"and", "&"}
    return bool(words) and words[0][:1].isupper() and not vocab()["hon"].match(text) and any(
        w[:1].islower() and w.strip(".,;:") not in keep for w in words[1:])


def substitute_sentence(text: str) -> bool:
    """Whether a sentence after a list tells of a substitute with a verb ('Cllr C Dee
    attended as a substitute.'): the sentence readers pair it, or find no member named; it
    is no more of the list."""
    return bool(pattern("substitution_words").search(text)) and bool(
        pattern("substitute_verb").search(text))


#: an area heading a line of a forum's attendance ("Tullich and Strone: A Rutherford, ...")
AREA_LABEL = compile_cached(r"\s*((?:[A-Z][\w'’.-]*\s+(?:(?:and|&|of|on|the|upon)\s+)?){0,3}"
                            r"[A-Z][\w'’.-]*)\s*:\s+(?=\S)")


def area_line(register: Register, block: Block, section: Section, start: int, end: int) -> bool:
    """A forum's attendance one area a line ('Dalreoch: Colin Fraser, Apologies from
    Heather Gunn', 'Glenfruin: No rep'), from after the area: the members present, then
    those whose apologies the line gives. False when nobody is named after the area."""
    text = block.text
    cut = re.search(r"(?:^|[,;]\s*)(?=apolog)", text[start:end], re.I)
    stop = start + cut.start() if cut else end
    found = False
    for person in parse_list(text, start, stop) or () if text[start:stop].strip() else ():
        register.add("attendees", person, block, section)
        found = True
    if cut and (sent := pattern("apology_sentence").match(text, start + cut.end(), end)):
        apologies = Section("apologies", rule="area-apologies")
        for person in parse_list(text, sent.end(), end, True) or ():
            register.add("apologies", person, block, apologies)
            found = True
    return found
