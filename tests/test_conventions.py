"""The conventions catalogue: one case per way real councils write a part of their minutes.

Each case in `tests/conventions/*.jsonl` is an invented example in exactly the shape
a real council publishes (never that council's text), the rows it must give, and where
the shape was seen (council, type, nation). See tests/conventions/README.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text

FOLDER = Path(__file__).parent / "conventions"
SECTIONS = ("meeting", "attendance", "apologies", "substitutes", "items", "decisions",
            "declarations", "votes", "packs")
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")
CHECKED = {"attendees", "apologies", "substitutes", "items", "decisions", "documents",
           "declarations", "votes", "vote_members"}

HONORIFICS = {"councillor", "councillors", "cllr", "cllrs", "dr", "mr", "mrs", "ms", "miss",
              "sir", "dame", "professor", "prof", "rev", "revd", "lord", "lady", "alderman",
              "alderwoman", "aldermen", "cynghorydd"}
COUNCIL_TIERS = {"county", "district", "borough", "city", "town", "parish", "community"}
POST_NOMINALS = {"mbe", "obe", "cbe", "jp"}


def fold(value: str) -> str:
    value = unicodedata.normalize("NFKC", str(value)).casefold().replace("&", " and ")
    value = re.sub("['\u2019\u02bc]", "", value)
    value = "".join(" " if unicodedata.category(c).startswith("P") else c for c in value)
    return " ".join(value.split())


def fold_name(value: str) -> str:
    words = fold(value).split()
    while len(words) > 1 and (words[0] in HONORIFICS or (
            words[0] in COUNCIL_TIERS and len(words) > 2 and words[1] in HONORIFICS)):
        words.pop(0)
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words.pop()
    return " ".join(words)


def fold_number(value: str) -> str:
    return " ".join(str(value).split()).rstrip(".:").strip().casefold()


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(FOLDER.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["_where"] = f"{path.name}:{number}"
                cases.append(case)
    return cases


CASES = load_cases()


def keys(table: str, rows: list) -> list:
    """Rows as comparable keys, from extracted dicts or from a case's expectations."""
    out = []
    for row in rows:
        if table in ("attendees", "apologies"):
            out.append(fold_name(row["name"] if isinstance(row, dict) else row))
        elif table == "substitutes":
            member, substitute = ((row["member"], row["substitute"]) if isinstance(row, dict)
                                  else row)
            out.append((fold_name(member), fold_name(substitute)))
        elif table == "items":
            number, title = (row["number"], row["title"]) if isinstance(row, dict) else row
            out.append((fold_number(number), fold(title)))
        elif table == "decisions":
            item, kind, text = ((row["item"], row["kind"], row["text"]) if isinstance(row, dict)
                                else row)
            out.append((fold_number(item), kind.upper(), fold(text)))
        elif table == "declarations":  # [name, item, kind]: "The Chair" = "Chair"
            name, item, kind = ((row["name"], row["item"], row["kind"]) if isinstance(row, dict)
                                else row)
            out.append((re.sub(r"^the ", "", fold_name(name)), fold_number(item), fold(kind)))
        elif table == "votes":  # [item, motion, for, against, abstained, result]
            values = ([row[c] for c in ("item", "motion", "for", "against", "abstained",
                                        "result")] if isinstance(row, dict) else row)
            item, motion, *counts, result = values
            out.append((fold_number(item), fold(motion),
                        *("" if c in (None, "") else str(int(c)) for c in counts), fold(result)))
        elif table == "vote_members":  # [name, position]
            name, position = (row["name"], row["position"]) if isinstance(row, dict) else row
            out.append((fold_name(name), fold(position)))
    return sorted(out)


def test_every_case_is_well_formed() -> None:
    assert CASES, "the catalogue is empty"
    ids = Counter(case["id"] for case in CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    for case in CASES:
        where = case["_where"]
        assert case["section"] in SECTIONS, where
        assert case["nation"] in NATIONS, where
        for key in ("council", "council_type", "convention", "text", "expect"):
            assert case.get(key), f"{where}: no {key}"
        # one council, one name: a committee in brackets would count a council twice
        assert "(" not in case["council"], f"{where}: council {case['council']!r}"
        assert set(case["expect"]) <= CHECKED, where
        assert set(case.get("absent", {})) <= CHECKED - {"documents"}, where


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_convention(case: dict) -> None:
    document = parse_text(case["text"], f"{case['id']}.txt")
    tables = extract_document(document)
    for table, expected in case["expect"].items():
        if table == "documents":
            got = tables["documents"][0]
            for field, value in expected.items():
                wanted = fold_name(value) if field == "body" else value
                have = fold_name(got[field]) if field == "body" else got[field]
                if field == "body":
                    wanted, have = (re.sub(r"^the ", "", x) for x in (wanted, have))
                assert have == wanted, f"{case['_where']}: documents.{field}"
            continue
        assert keys(table, tables[table]) == keys(table, expected), \
            f"{case['_where']}: {table} ({case['convention']})"
    for table, names in case.get("absent", {}).items():
        got = set(keys(table, tables[table]))
        assert not got & set(keys(table, names)), f"{case['_where']}: {table} must not hold"


#: What the catalogue covers at least; raise these as cases are added, never lower them.
MIN_COUNCILS = 271
MIN_CASES = 403


def test_the_catalogue_covers_many_councils_in_every_nation() -> None:
    councils = {case["council"] for case in CASES}
    assert len(councils) >= MIN_COUNCILS
    assert len(CASES) >= MIN_CASES
    assert {case["nation"] for case in CASES} == set(NATIONS)
    types = {case["council_type"] for case in CASES}
    assert {"parish council", "town council"} <= types
