"""People linked across meetings (`pipeline.people`): conservative, within an authority."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest

from pipeline.batch.runner import run_extract
from pipeline.people import PeopleLinker, parse_name
from pipeline.settings import Settings


@pytest.mark.parametrize(("name", "parsed"), [
    ("Jane P. Okafor", ("okafor", "jane", "JP")),
    ("J Okafor", ("okafor", "", "J")),
    ("Mrs J. P. Ellery-Ward", ("ellery-ward", "", "JP")),
    ("Okafor", ("okafor", "", "")),
    ("Gwilym ap Dafydd", ("ap dafydd", "gwilym", "G")),
    ("Ó Murchú", ("o murchu", "", "")),
    ("Cllr Sir Tom Lowe", ("lowe", "tom", "T")),
])
def test_names_are_read_as_surname_forename_and_initials(name: str, parsed: tuple) -> None:
    found = parse_name(name)
    assert found is not None and (found.surname, found.forename, found.initials) == parsed


def linked(mentions: list[tuple[str, str, str]]) -> dict[str, tuple[list[str], str]]:
    linker = PeopleLinker()
    for authority, body, name in mentions:
        linker.add(authority, body, name)
    linker.link()
    return {p.person_id: (sorted(p.variants), p.note) for p in linker.people}


def test_variants_of_one_person_join_and_conflicts_stay_apart() -> None:
    got = linked([("Fernley", "OSC", "Jane Okafor"), ("Fernley", "OSC", "J Okafor"),
                  ("Fernley", "Licensing", "Okafor"), ("Fernley", "OSC", "A Patel"),
                  ("Fernley", "OSC", "R Patel"), ("Kelmere", "Audit", "Jane Okafor")])
    assert got == {
        "fernley/okafor-jane": (["J Okafor", "Jane Okafor"], ""),
        # the bare surname is written at a meeting of another body, where no Okafor sits
        "fernley/okafor-x-unlinked": (["Okafor"], "not linked: no member of Licensing is "
                                                  "named Okafor"),
        "fernley/patel-a": (["A Patel"], ""), "fernley/patel-r": (["R Patel"], ""),
        "kelmere/okafor-jane": (["Jane Okafor"], "")}  # another council: another person


def test_a_bare_surname_joins_the_one_member_of_that_body_who_has_it() -> None:
    got = linked([("F", "OSC", "Tom Reid"), ("F", "Licensing", "Tessa Reid"),
                  ("F", "Licensing", "Reid"), ("F", "Audit", "Tom Reid"),
                  ("F", "Audit", "Tessa Reid"), ("F", "Audit", "Reid")])
    assert got["f/reid-tessa"] == (["Reid", "Tessa Reid"], "")
    assert got["f/reid-tom"] == (["Tom Reid"], "")
    assert got["f/reid-x-unlinked"] == (
        ["Reid"], "ambiguous: 2 members of Audit are named Reid")


def test_initials_that_fit_two_people_join_the_one_on_that_body() -> None:
    got = linked([("F", "OSC", "Tom Reid"), ("F", "Licensing", "Tessa Reid"),
                  ("F", "Licensing", "T Reid"), ("F", "Audit", "Tom Reid"),
                  ("F", "Audit", "Tessa Reid"), ("F", "Planning", "T Reid")])
    assert got["f/reid-tessa"][0] == ["T Reid", "Tessa Reid"]
    # on Planning neither sits, and "T" fits both: left apart, and said
    assert [v for v, note in got.values() if note.startswith("ambiguous")] == [["T Reid"]]


PAPER = ("KELMERE DISTRICT COUNCIL\n\nAUDIT COMMITTEE\n\nMinutes of the meeting held on "
         "{date}\n\nPresent: {present}\n\n1. Apologies for Absence\n\n{apologies}\n\n"
         "2. Accounts\n\nRESOLVED: That the accounts be noted.\n")


def _write(folder: Path, name: str, date: str, present: str, apologies: str) -> None:
    path = folder / name
    path.write_text(PAPER.format(date=date, present=present, apologies=apologies),
                    encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_attendance_and_its_summary_from_a_run(tmp_path: Path) -> None:
    papers = tmp_path / "in"
    papers.mkdir()
    _write(papers, "a.txt", "3 May 2024", "Councillors Jane Okafor (Chair), Tom Reid and "
           "Ann Lee", "Apologies were received from Councillor Ben Cole.")
    _write(papers, "b.txt", "5 July 2024", "Cllr J Okafor (Chair), Cllr Reid and Cllr "
           "Dev Shah", "Apologies were received from Cllr Ann Lee. Councillor Dev Shah "
           "attended as a substitute for Councillor Lee.")
    _write(papers, "c.txt", "9 September 2024", "Councillors Okafor, Lee and Cole", "None.")
    out = tmp_path / "out"
    summary = run_extract([papers], out, Settings(workers=0))
    people = {r["person_id"]: r for r in _rows(out / "people.csv")}
    assert summary.counts["people"] == len(people) == 5
    assert people["kelmere/okafor-jane"]["variants"] == "J Okafor | Jane Okafor | Okafor"
    assert people["kelmere/okafor-jane"]["meetings"] == "3"
    status = {(r["person_id"], r["date"]): r["status"] for r in _rows(out / "attendance.csv")}
    assert status[("kelmere/lee-ann", "2024-07-05")] == "substituted"
    assert status[("kelmere/shah-dev", "2024-07-05")] == "substitute"
    assert status[("kelmere/cole-ben", "2024-05-03")] == "apologies"
    assert status[("kelmere/reid-tom", "2024-07-05")] == "present"
    assert ("kelmere/cole-ben", "2024-07-05") not in status  # not recorded is not absent
    cole = [r for r in _rows(out / "attendance_summary.csv") if r["person_id"] ==
            "kelmere/cole-ben"]
    assert [(r["year"], r["meetings_recorded"], r["present"], r["sent_apologies"],
             r["not_recorded"]) for r in cole] == [("2024/25", "2", "1", "1", "1")]


SERIES_GOLD = Path(__file__).resolve().parent / "data" / "series_gold"
SERIES = Path(__file__).resolve().parents[1] / "corpus" / "series"


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("series")
    run_extract([SERIES], out, Settings(workers=2))
    return out


def _gold() -> list[dict]:
    import json

    return json.loads((SERIES_GOLD / "attendance.json").read_text(encoding="utf-8"))


def test_the_series_links_people_as_the_hand_made_answers_do(series: Path) -> None:
    """Pairwise: two gold rows of one person should share a person_id (recall), and two
    rows sharing a person_id should be one gold person (precision). The series prints each
    meeting in four formats: the attendance has one row per person per meeting."""
    ours = {(Path(r["document"]).stem, r["name"], r["status"]): r["person_id"]
            for r in _rows(series / "attendance.csv")}
    gold = {(Path(r["document"]).stem, r["name"], r["status"]): (r["authority"], r["person"])
            for r in _gold()}
    assert set(ours) == set(gold)  # the attendance rows, exactly
    keys = sorted(gold)
    same_gold = same_ours = both = 0
    for n, a in enumerate(keys):
        for b in keys[n + 1:]:
            g, o = gold[a] == gold[b], ours[a] == ours[b]
            same_gold += g
            same_ours += o
            both += g and o
    precision, recall = both / same_ours, both / same_gold
    assert precision == 1.0 and recall >= 0.95, (precision, recall)


def test_the_series_summary_counts_what_the_attendance_says(series: Path) -> None:
    from collections import Counter

    from pipeline.people import municipal_year

    attendance = _rows(series / "attendance.csv")
    expected: Counter = Counter()
    for row in attendance:
        expected[(row["person_id"], row["body"], municipal_year(row["date"]), row["status"])] += 1
    for row in _rows(series / "attendance_summary.csv"):
        key = (row["person_id"], row["body"], row["year"])
        assert int(row["present"]) == expected[(*key, "present")]
        assert int(row["sent_apologies"]) == expected[(*key, "apologies")]
        assert int(row["substituted"]) == expected[(*key, "substituted")]
        assert int(row["substituting"]) == expected[(*key, "substitute")]
    meetings = {(r["body"], r["date"]) for r in attendance}
    assert len(meetings) == 13  # thirteen meetings, each printed in four formats


def test_the_graph_has_a_node_per_linked_person(series: Path) -> None:
    from pipeline.graph import build_graph

    graph = build_graph(series)
    people = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == "person"}
    assert set(people) == {f"person:{r['person_id']}" for r in _rows(series / "people.csv")}
    okafor = [d for d in people.values() if d["label"] in ("Jane Okafor", "James Okafor")]
    assert sorted(d["authority"] for d in okafor) == ["Kelmere District Council",
                                                     "London Borough of Fernley"]
    jane = people["person:fernley/okafor-jane"]
    assert "J Okafor" in jane["variants"] and jane["attendance_count"] >= 5


def test_popolo_has_a_person_per_linked_person(series: Path, tmp_path: Path) -> None:
    import json

    from pipeline.cli import main

    out = tmp_path / "popolo.json"
    assert main(["export", str(series), "--to", "popolo", "--out", str(out)]) == 0
    persons = {p["id"]: p for p in json.loads(out.read_text(encoding="utf-8"))["persons"]}
    assert len(persons) == len(_rows(series / "people.csv"))
    assert persons["person/fernley/okafor-jane"]["name"] == "Jane Okafor"
    assert "person/kelmere/okafor-james" in persons
