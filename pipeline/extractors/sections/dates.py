"""British dates as committee papers write them, to ISO `YYYY-MM-DD`.

"Wednesday 13 March 2013", "13th March 2013", "Tuesday, 4th June, 2024", "13/03/2013",
"13.03.13", "2013-03-13", "March 13, 2013" and "27th June 2013" after markup is removed; an ordinal
split from its day by text extraction ("12 th October 2016"), the formal "14th day of March
2024", a date printed twice with no space between ("4 March 20254 March 2025": two dates)
and Welsh dates ("5 Chwefror 2019", "11eg Ebrill 2019", "5ed o Dachwedd 2013": Welsh
ordinals, "o" for "of", and the months' mutated forms). Day-first wherever it is
ambiguous, as in the UK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.regex_cache import compile_cached, longest_first

MONTHS = {name: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WELSH_MONTHS = {name: n for n, name in enumerate(
    ["ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
     "hydref", "tachwedd", "rhagfyr"], start=1)}
# after "o" ("of") or a weekday a Welsh month's first letter mutates ("5ed o Dachwedd")
WELSH_MUTATED = {"fawrth": 3, "fai": 5, "fehefin": 6, "orffennaf": 7, "fedi": 9,
                 "dachwedd": 11, "ragfyr": 12}
MONTHS.update({name: n for name, n in WELSH_MONTHS.items() if name not in MONTHS})
MONTHS.update(WELSH_MUTATED)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=longest_first)) + r")\.?"
# English and Welsh ordinals (1af, 2il, 3ydd, 5ed, 11eg, 20fed, 21ain), split from the day or not
_SUFFIX = r"(?:st|nd|rd|th|af|il|ydd|ed|eg|fed|ain)"
_ORDINAL = rf"(?:\s?{_SUFFIX}\b|{_SUFFIX})?"
_DAY = rf"(?P<day>[0-3]?\d){_ORDINAL}"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a year glued to the next date ("20254 March 2025") still ends there, and that date starts
_GLUED = r"(?=[0-3]?\d(?:st|nd|rd|th)?\s+[a-z]{3})"
_START = r"(?:\b|(?<=19\d\d|20\d\d))"
# the year ends the date: at a word boundary, before a glued word ("2025Tuesday") or a glued
# second date ("20254 March 2025", "202504/03/2025")
_END = rf"(?:\b|(?=[a-z])|{_GLUED})"
DAY_MONTH_YEAR = compile_cached(
    rf"{_START}{_DAY}(?:\s+day)?(?:\s+(?:of|o))?\s+{_MONTH},?\s+{_YEAR}{_END}", re.I)
MONTH_DAY_YEAR = compile_cached(
    rf"(?:\b|(?<=19\d\d|20\d\d)){_MONTH}\s+{_DAY},?\s+{_YEAR}{_END}", re.I)
NUMERIC = compile_cached(r"(?:\b|(?<=19\d\d|20\d\d))(?P<day>[0-3]?\d)[/.\-](?P<month>[01]?\d)[/.\-]"
                         r"(?P<year>(?:19|20)?\d\d)(?:\b|(?=[a-z])|(?=[0-3]?\d[/.\-][01]?\d[/.\-]))",
                         re.I)
ISO = compile_cached(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.value.isoformat()


def _make(year: str, month: int, day: str) -> date | None:
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    try:
        return date(full_year, month, int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order of appearance."""
    found: list[FoundDate] = []
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            value = _make(m["year"], MONTHS[m["month"].lower().rstrip(".")], m["day"])
            if value:
                found.append(FoundDate(value, m.start(), m.end()))
    for pattern in (ISO, NUMERIC):  # "2024-03-05" before "24-03-05" reads as day-first
        for m in pattern.finditer(text):
            if any(f.start <= m.start() < f.end or f.start < m.end() <= f.end for f in found):
                continue
            value = _make(m["year"], int(m["month"]), m["day"])
            if value:
                found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def first_date(text: str) -> FoundDate | None:
    dates = find_dates(text)
    return dates[0] if dates else None


#: a day and month with no year after them ('Tuesday 23 January @5.30pm')
DAY_MONTH = compile_cached(rf"{_START}{_DAY}(?:\s+(?:of|o))?\s+{_MONTH}(?!,?\s+(?:19|20)\d\d)\b",
                           re.I)
MONTH_YEAR = compile_cached(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)


def yearless_date(text: str, context: str) -> FoundDate | None:
    """The first day and month of `text` that has no year ('Date: Tuesday 23 January'), in
    the year `context` gives that month ('Town Centre BID Board – January 2024'); None when
    the context names no such month with its year."""
    day = DAY_MONTH.search(text)
    if day is None:
        return None
    month = MONTHS[day["month"].lower().rstrip(".")]
    year = next((m["year"] for m in MONTH_YEAR.finditer(context)
                 if MONTHS[m["month"].lower().rstrip(".")] == month), None)
    value = _make(year, month, day["day"]) if year else None
    return FoundDate(value, day.start(), day.end()) if value else None
