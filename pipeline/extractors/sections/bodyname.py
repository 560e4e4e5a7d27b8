"""A body's name as a header line gives it: whether a line names a body ("Planning
Committee", "Parish Council of Ashford", "Committee for Rural Affairs"), and the body a
title line names once its furniture is cleaned off (dates, "Minutes of the meeting of",
meeting types, the council's name before the committee's, the Welsh side of a bilingual
heading, venue words). Cue phrases are data in `models/metadata/cues.json`."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extractors.sections import dates
from pipeline.extractors.sections.cues import WEEKDAY, cues
from pipeline.extractors.sections.dates import MONTHS, find_dates
from pipeline.regex_cache import compile_cached

# the number or letter that tells apart sub-committees of one name ("Licensing
# Sub-Committee (2)"), or the area one sits for ("Area Planning Sub-Committee (West)",
# "Planning Committee (North East)"), which the body name keeps
_BODY_NUMBER = (r"\s*\((?:\d{1,2}|[A-Z]|No\.?\s*\d{1,2}|(?i:(?:north|south)(?:[\s-]?(?:east|west))?"
                r"|east|west|central|mid|inner|outer))\)\s*$")


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def is_body_name(text: str) -> bool:
    text = re.sub(_BODY_NUMBER, "", text)
    words = re.findall(r"[\w'-]+", text.lower())
    if not words or len(words) > 14 or (len(words) > 2 and words[0] in cues().person_first_words):
        return False
    if words[-1] == "meeting" and all(w in cues().meeting_kinds for w in words[:-1]):
        return False  # "Meeting held on ...", "Virtual Meeting", "Extraordinary Meeting"
    if any(re.search(rf"\b{re.escape(phrase)}", text, re.I) for phrase in cues().not_body):
        return False
    if any(" ".join(words).endswith(phrase) for phrase in cues().head_phrases):
        return True
    if any(p.match(text) for p in cues().body_patterns):  # "Parish Council of Ashford"
        return True
    return words[-1] in cues().head_nouns or (len(words) > 1 and words[-2] in cues().head_nouns
                                             and words[-1] in ("board", "meeting"))


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def _not_body_line(text: str) -> bool:
    return any(p.search(text) for p in cues().not_body_lines)


_ENGLISH_MONTHS = "|".join(name for name in MONTHS if (len(name) > 3 or name == "may")
                           and name.isascii() and name not in dates.WELSH_MONTHS
                           and name not in dates.WELSH_MUTATED)
_TRAILING_MONTH = compile_cached(rf"\s+(?:{_ENGLISH_MONTHS})(?:\s+(?:19|20)\d\d)?$", re.I)


#: a line that is only a meeting's date and time ("Thursday, 16th October, 2014 6.30 pm")
_DATE_LINE = compile_cached(
    r"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?\s*$", re.I)
_DASH = compile_cached(r"\s+[-\u2013\u2014]\s+")
#: a lower-case word no body's name holds: the line is a sentence ('The Chairman welcomed
#: Members to the X Board meeting.'), not a heading ('Safe in Fernley Partnership')
_SENTENCE_WORD = compile_cached(
    r"(?<![\w'’-])(?!(?:and|of|for|the|in|on|upon|at|with|to|de|y|a|an|or)\b)[a-z][a-z'’]*\b")


def page_title_body(text: str, following: str) -> str:
    """The committee a meeting page's title line names ('Cabinet - Friday, 16th January, 2026
    10.00 am', or over a date line): the body its name cleans to, or, when no head noun
    tells it is one ('Finance and Resources'), as written, an authority's name before it
    kept ('X Fire Authority - Audit'). Empty when the line holds no date and no date line
    follows, or it cannot be a committee's name (a sentence, furniture, a meeting's kind)."""
    cut = next((m.start() for m in _DASH.finditer(text) if _DATE_LINE.match(text[m.end():])),
               None)
    if cut is None and not _DATE_LINE.match(following):
        return ""
    title = text[:cut].strip(" :-\u2013\u2014,.#*")
    if not title or _not_body_line(text):
        return ""
    if is_body_name(_clean_body(_DASH.split(title)[-1])):
        return _clean_body(title)  # "Cabinet", "X District Council - Planning Committee"
    words = re.findall(r"[\w'-]+", title.lower())
    if not words or len(words) > 14 or not title[0].isupper():
        return ""
    if _SENTENCE_WORD.search(title) or re.search(r"\d", title) \
            or words[-1] in ("meeting", "meetings", "hearing", "session") \
            or all(w in cues().meeting_kinds for w in words):
        return ""
    if any(re.search(rf"\b{re.escape(phrase)}", title, re.I) for phrase in cues().not_body):
        return ""
    return title


def _bilingual(text: str) -> str:
    """The English side of a Welsh / English heading ("Cyngor Cymuned X / X Community
    Council", "Cyngor Cymuned X Community Council")."""
    if cues().welsh_words.search(text):
        sides = re.split(r"\s+/\s+|\s+\|\s+", text)
        english = [side for side in sides[1:] + sides[:1] if not cues().welsh_words.search(side)
                   and is_body_name(_clean_body(side))]
        if len(sides) > 1 and english:
            text = english[0]
        m = cues().welsh_council_prefix.match(text)
        if m and m["rest"].strip():
            text = m["rest"]
    return text


def _before_meeting_words(text: str) -> str:
    """"X Parish Council Special Planning Meeting", "X PARISH COUNCIL ANNUAL PARISH
    COUNCIL MEETING": the body named before the words that say which of its meetings;
    those words may repeat the body's own head noun but name no other body."""
    words = text.split()
    if len(words) < 3 or len(words) > 24 or words[-1].lower() != "meeting":
        return text
    for end in range(1, len(words) - 1):
        named = " ".join(words[:end])
        between = [w.lower() for w in words[end:-1]]
        head = words[end - 1].lower()
        if head in cues().head_nouns and len(between) <= 4 and is_body_name(named) and all(
                w == head or w in cues().meeting_words for w in between):
            return named
    return text


def _without_council_prefix(text: str) -> str:
    """"X BOROUGH COUNCIL CABINET", "ROYAL BOROUGH OF X & Y PLANNING COMMITTEE": the body
    after the council's name, trying the longest council name first ("London Borough of
    Tower Hamlets Cabinet") but not leaving a bare "Committee" ("Borough of Poole Planning
    Committee" is Poole's Planning Committee)."""
    words = text.split()
    if len(words) > 24:  # no title is this long; and each try below joins the words again
        return text
    for end in range(len(words) - 1, 1, -1):
        if end == len(words) - 1 and words[end].lower() not in cues().single_word_bodies:
            continue
        if words[end - 1].lower() in ("and", "&", "of") or words[end].lower() in ("and", "&",
                                                                                  "of"):
            continue
        rest = " ".join(words[end:]).strip(" :-\u2013,.#*")
        if cues().council_name.match(" ".join(words[:end])) and is_body_name(rest):
            return rest
    return text


_OF_THE_COUNCIL = compile_cached(
    r"\s+of\s+(?:the\s+)?(?:[\w'&-]+\s+){0,4}?(?:council|authority|corporation)$", re.I)


def _without_council_suffix(text: str) -> str:
    """"Finance Committee of the Council", "Planning Committee of X District Council": the
    committee, without the council it belongs to."""
    m = _OF_THE_COUNCIL.search(text)
    if m:
        rest = text[:m.start()]
        words = rest.lower().split()
        if words in (["full", "council"], ["council"]):  # "Full Council of Llangarran Town
            return re.sub(r"^\s+of\s+(?:the\s+)?", "", text[m.start():], flags=re.I)  # Council"
        if words and words[-1] in cues().head_nouns and words[-1] not in (
                "council", "authority", "meeting") and is_body_name(rest):
            return rest
    return text


_NEXT_LABEL = compile_cached(
    r"\s+(?:(?:date|time)(?:\s+of\s+(?:the\s+)?meeting)?|venue|location|place|report(?:\s+of)?"
    r"|subject|title|contact|author)\s*:",
    re.I)
_TITLE_WORD = compile_cached(  # "Minutes - X", "Concise Minutes - X", "Notes of meeting: X"
    r"^(?:(?:draft|supplementary|concise|summary|unconfirmed|confirmed|approved|signed)\s+)?(?:minutes?|agenda|(?:action\s+|meeting\s+)?notes?)"
    r"(?:\s+of\s+(?:the\s+)?meeting)?\s*[-\u2013\u2014:|]\s+", re.I)


#: an agenda pack's item stamp before the body's name on the first line of minutes it sends
_ITEM_STAMP = compile_cached(
    r"^(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*[-\u2013\u2014:.]?\s+(?=[A-Z])", re.I)


@lru_cache(maxsize=65536)  # segment reads each header line once per run it tries
def _clean_body(text: str) -> str:
    text = text.strip(" :-\u2013,.#*")
    text = _ITEM_STAMP.sub("", text)  # "Item 2 National Park Authority Planning Committee"
    text = cues().meeting_type_prefix.sub("", text)
    text = re.split(r"\s+cofnodion\b", text, flags=re.I)[0]  # "Cyngor Cymuned X ... Cofnodion o"
    text = _bilingual(text)
    # a leading date ("07/03/2022 - Planning Committee", "Tuesday 4 May 2021: Cabinet")
    dates = find_dates(text)
    if dates and re.fullmatch(rf"\W*(?:{WEEKDAY}\W*)?", text[:dates[0].start], re.I):
        rest = text[dates[0].end:]
        if re.match(r"\s*[-\u2013\u2014:,|]", rest):
            text = rest.strip(" :-\u2013\u2014,|")
    text = _NEXT_LABEL.split(text)[0]  # "Cabinet   Date: 5 March 2024"
    text = _TITLE_WORD.sub("", text)  # "Minutes - Planning Committee - ...", "Agenda - Cabinet"
    # "X - 5 March 2025", "X, Tuesday ...", a page header "X | 9 January 2025 | Page 1 of 2"
    segments = re.split(rf"\s+[-\u2013\u2014,|]\s+|\s*,\s*(?={WEEKDAY}\b)", text, flags=re.I)
    text = segments[0]
    if len(segments) > 1 and cues().council_name.match(text) and is_body_name(
            _clean_body(segments[1])):
        text = segments[1]  # "X District Council - Planning Committee - 13 March 2024"
    dates = find_dates(text)
    if dates:
        text = text[:dates[0].start]
    text = re.sub(rf"(?:\s+(?:on|held|the|{WEEKDAY}))+\W*$", "", text, flags=re.I)
    for _ in range(2):  # a note in brackets goes ("(Special)"), a sub-committee's number stays
        if not re.search(_BODY_NUMBER, text.strip(" :-\u2013,.#*")):
            text = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", text.strip(" :-\u2013,.#*"))
    text = cues().meeting_prefix.sub("", text.strip(" :-\u2013,.#*"))
    text = cues().meeting_type_prefix.sub("", text)  # "Meeting of Adjourned Meeting, Council"
    text = _TRAILING_MONTH.sub("", text)
    text = _before_meeting_words(text)
    suffixed = cues().meeting_suffix.sub("", text)
    if suffixed != text:  # "Special National Park Authority Meeting": the body, not its kind
        words = suffixed.split()
        while len(words) > 1 and words[0].lower() in cues().meeting_kinds:
            words = words[1:]
        text = " ".join(words) if is_body_name(" ".join(words)) else suffixed
    else:
        text = suffixed
    if not re.search(_BODY_NUMBER, text):  # "X (XSAB) Meeting": the note the suffix hid
        text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    owner = re.match(r"^(.+?)['\u2019]s\s+(\S.*)$", text)
    if owner and cues().council_name.match(owner[1]) and is_body_name(owner[2]):
        text = owner[2]  # "Kelbrook Town Council's Planning Committee"
    text = _without_council_prefix(text)
    text = _without_council_suffix(text)
    return text.strip(" :-\u2013,.#*")
