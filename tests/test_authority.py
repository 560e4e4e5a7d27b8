"""Every paper belongs to an authority: read from the paper (`sections/authority.py`) or
given by the run (`--authority`, `--authority-map`); bodies are keyed within it."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest

from pipeline.batch.authorities import Authorities, AuthorityRule, load_map
from pipeline.batch.runner import run_extract
from pipeline.errors import RunError
from pipeline.extractors.sections.authority import authorities_in, find_authority, tidy
from pipeline.graph import authority_graph, build_graph
from pipeline.model.bodies import authority_key
from pipeline.readers.text import parse_text
from pipeline.settings import Settings


def authority(text: str, body: str = "") -> tuple[str, str]:
    return find_authority(parse_text(text, "t.txt"), body)


@pytest.mark.parametrize(("text", "body", "expected"), [
    ("ASHWORTH VALE DISTRICT COUNCIL\n\nPLANNING COMMITTEE\n\nMinutes of the meeting held on "
     "2 May 2024", "Planning Committee", ("Ashworth Vale District Council", "header")),
    ("Royal Borough of Kenley\n\nCabinet\n\nMinutes", "Cabinet", ("Royal Borough of Kenley",
                                                                  "header")),
    ("Brinsford Council - Licensing Committee - 4 June 2024\n\nPresent: Cllr A Lee",
     "Licensing Committee", ("Brinsford Council", "header")),
    ("Dunmore Fire and Rescue Authority\n\nMinutes", "Dunmore Fire and Rescue Authority",
     ("Dunmore Fire and Rescue Authority", "header")),
    # the members' councils in the attendance list are not the paper's
    ("POLICE AND CRIME PANEL\n\nPresent: Cllr A Lee (Harlow District Council)\n\n"
     "1. Minutes", "Police and Crime Panel", ("", "none")),
    ("REVENUES JOINT COMMITTEE\n\nPresent:\n\nA Lee, Head of Service, Kelby Borough Council "
     "(host)\n\nB Roe, Tarn District Council\n\nC Poe, Tarn District Council",
     "Revenues Joint Committee", ("Kelby Borough Council", "host")),
    ("Westmere Youth Justice Board\n\nReport of the Head of Service\n\nThe Board reports to "
     "Westmere Council and to Kelby Council.", "Westmere Youth Justice Board",
     ("Westmere Council", "body-place")),
    ("Safeguarding Board\n\nMinutes\n\nPresent: A Lee\n\nHarwick Borough Council has agreed "
     "the budget. Harwick Borough Council will host it. Tarn Council noted it.",
     "Safeguarding Board", ("Harwick Borough Council", "text")),
    ("Cabinet - Monday 9 June 2025\n\nContact: A Lee, Email: a.lee@eastmoor.gov.uk\n\n"
     "Present: Cllr B Roe", "Cabinet", ("Eastmoor", "domain")),
    ("AUDIT COMMITTEE\n\nMinutes\n\nThe Full Council and the County Council agreed. "
     "Budget Council meets in February.", "Audit Committee", ("", "none")),
])
def test_where_the_authority_comes_from(text: str, body: str,
                                        expected: tuple[str, str]) -> None:
    assert authority(text, body) == expected


def test_names_and_keys() -> None:
    assert tidy("WYVERN VALLEY DISTRICT COUNCIL") == "Wyvern Valley District Council"
    assert tidy("the London Borough of Fernley") == "London Borough of Fernley"
    assert [f.name for f in authorities_in("Newcastle upon Tyne City Council and Stoke-on-Trent "
                                           "City Council met Brighton & Hove City Council.")] \
        == ["Newcastle upon Tyne City Council", "Stoke-on-Trent City Council",
            "Brighton & Hove City Council"]
    assert authority_key("Kingsmere Borough Council") == authority_key("KINGSMERE COUNCIL") \
        == "kingsmere"
    assert authority_key("London Borough of Fernley") == "fernley"


# What a person reading each devset paper would say its authority is (""
# where the paper never names its council: the run must be told, --authority-map).
DEVSET = {
    "C01_police_crime_panel": "Wealdshire County Council",
    "C02_fire_authority": "Severnvale Fire and Rescue Authority",
    "C03_town_council": "Ashcombe Town Council",
    "C04_planning_committee": "Wyvern Valley District Council",
    "C05_licensing_subcommittee": "",
    "C06_health_wellbeing_board": "Thornbury Council",
    "C07_scottish_planning_applications": "",
    "C08_welsh_standards_committee": "",
    "C09_london_cabinet": "London Borough of Kelmscott",
    "C10_audit_governance_committee": "",
    "C11_revenues_joint_committee": "Kelsey Borough Council",
    "C12_metropolitan_pensions_committee": "Metropolitan Borough of Calderbrook",
    "D01_hwb_revised_tor": "Kingsmere Borough Council",
    "D02_csp_governance_cabinet": "Easterby District Council",
    "D03_yjmb_terms_of_reference": "Westbridge Council",
    "D04_lsp_review_leadership_board": "Oakhurst District Council",
    "D05_icp_joint_committee_cabinet": "Ravenholme Metropolitan Borough Council",
    "D06_childrens_trust_safeguarding": "Selbourne Council",
    "D07_combined_authority_committees": "North Vale Combined Authority",
    "D08_sab_minutes": "Northmere Council",
    "D09_csp_minutes": "Lowbridge Borough Council",
    "D10_csp_update_scrutiny": "Carrow City Council",
}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_devset_paper_has_the_authority_a_reader_would_give(
        shared_runs: dict[str, Path]) -> None:
    if "devset" not in shared_runs:
        pytest.skip("../shared/devset not present")
    got = {}
    for row in _rows(shared_runs["devset"] / "documents.csv"):
        stem = Path(row["document"]).stem
        assert got.setdefault(stem, row["authority"]) == row["authority"], row["document"]
    assert got == DEVSET


def test_no_body_joins_two_authorities(shared_runs: dict[str, Path]) -> None:
    if "devset" not in shared_runs:
        pytest.skip("../shared/devset not present")
    run = shared_runs["devset"]
    of = {row["document"]: row["authority"] for row in _rows(run / "documents.csv")}
    cabinets = set()
    for row in _rows(run / "bodies.csv"):
        papers = [d for d in row["documents"].split(" | ") if d]
        assert {authority_key(of[d]) if of[d] else "" for d in papers} == \
            {authority_key(row["authority"]) if row["authority"] else ""}, row["body"]
        if row["body"] == "Cabinet":
            cabinets.add(row["key"])
    assert len(cabinets) == 5  # five councils' cabinets, five nodes
    graph = build_graph(run)
    for _, data in graph.nodes(data=True):
        if data.get("kind") == "body":
            assert data["borough"] == data["authority"]
    kingsmere = authority_graph(graph, "Kingsmere Council")
    assert {d.get("authority") for _, d in kingsmere.nodes(data=True)
            if d.get("kind") in ("body", "meeting")} == {"Kingsmere Borough Council"}


def _papers(folder: Path) -> Path:
    old = time.time() - 3600
    for council, body in (("north", "Cabinet"), ("south", "Cabinet")):
        (folder / council).mkdir(parents=True)
        paper = folder / council / "cabinet.txt"
        paper.write_text(f"{body}\n\nMinutes of the meeting held on 2 May 2024\n\n"
                         "Present: Councillor A Lee\n\n1. Budget\n\nRESOLVED: noted.\n",
                         encoding="utf-8")
        os.utime(paper, (old, old))
    return folder


def test_the_run_gives_authorities_by_folder_and_bodies_stay_apart(tmp_path: Path) -> None:
    papers, out = _papers(tmp_path / "in"), tmp_path / "out"
    run_extract([papers], out, Settings(workers=0))
    assert {r["authority_source"] for r in _rows(out / "documents.csv")} == {"none"}
    assert len(_rows(out / "bodies.csv")) == 1  # no council named: one unscoped Cabinet
    mapping = tmp_path / "map.csv"
    mapping.write_text("pattern,authority\nnorth/,Northby Council\nsouth/*,Southby Council\n",
                       encoding="utf-8")
    run_extract([papers], out, Settings(workers=0, authority_map=mapping))
    got = {r["document"]: (r["authority"], r["authority_source"])
           for r in _rows(out / "documents.csv")}
    assert got == {"north/cabinet.txt": ("Northby Council", "map"),
                   "south/cabinet.txt": ("Southby Council", "map")}
    bodies = _rows(out / "bodies.csv")
    assert sorted((b["body"], b["authority"], b["key"]) for b in bodies) == [
        ("Cabinet", "Northby Council", "northby/cabinet"),
        ("Cabinet", "Southby Council", "southby/cabinet")]
    # the map is a setting of the outputs: changing it re-extracts nothing
    again = run_extract([papers], out, Settings(workers=0, authority="Westby Council"))
    assert again.processed == 0
    assert {r["authority"] for r in _rows(out / "documents.csv")} == {"Westby Council"}


def test_an_authority_map_must_have_its_columns(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("folder,council\nx/,Y\n", encoding="utf-8")
    with pytest.raises(RunError, match="pattern"):
        load_map(bad)
    rules = Authorities("Default Council", (AuthorityRule("*/2019/*", "Old Council"),))
    assert rules.resolve("a/2019/p.pdf", "Read Council", "header") == ("Old Council", "map")
    assert rules.resolve("a/2020/p.pdf", "Read Council", "header") == ("Default Council",
                                                                         "run")
    assert Authorities().resolve("p.pdf", "Read Council", "header") == ("Read Council", "header")


def test_shapes_are_read_line_by_line_only_when_no_match_can_leave_a_line() -> None:
    from re import _parser  # type: ignore[attr-defined]

    from pipeline.extractors.sections.authority import _in_line, _Lines, _one_line

    def one_line(regex: str) -> bool:
        return _in_line(list(_parser.parse(regex, 0)), 0)

    assert all(_one_line())  # every shape of the rules: no line break, no end of text
    assert one_line(r"(?<![\w'.-])[A-Z][\w.-]*+ +Council\b")
    for crossing in (r"A\sB", r"A[^x]B", r"A.B(?s:.)", r"Council$", r"A(?=\n)", r"A\Z", r"A\W"):
        assert not one_line(crossing)
    text = "Kelsey Borough Council\nthe Leader\nWestbridge Council (host)"
    assert list(_Lines(text).holding(frozenset({"council"}))) == [(0, 22), (34, 59)]
    assert [f.name for f in authorities_in(text)] == ["Kelsey Borough Council",
                                                      "Westbridge Council"]
