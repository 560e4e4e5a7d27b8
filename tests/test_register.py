"""A register of members linked to the run's people (`pipeline.register`)."""

from __future__ import annotations

import csv
import os
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.batch.runner import run_extract
from pipeline.cli import main
from pipeline.errors import RunError
from pipeline.people import link_register as import_register
from pipeline.register import read_register
from pipeline.settings import Settings
from tests.conftest import SHARED

XML = """<?xml version="1.0" encoding="utf-8"?>
<councillorsbyward><wards>
 <ward><wardtitle>Abbey Fields</wardtitle><councillors>
  <councillor><councillorid>11</councillorid><fullusername>Cllr Ann Dewhurst MBE</fullusername>
   <politicalpartytitle>Green Party</politicalpartytitle><keyposts>Chair of Audit</keyposts>
  </councillor>
  <councillor><councillorid>12</councillorid><fullusername>Councillor Tom Burrell</fullusername>
   <politicalpartytitle>Independent</politicalpartytitle><keyposts></keyposts></councillor>
 </councillors></ward>
 <ward><wardtitle>Mill End</wardtitle><councillors>
  <councillor><councillorid>13</councillorid><fullusername>Cllr Rhys Patel</fullusername>
   <politicalpartytitle>Labour Party</politicalpartytitle></councillor>
  <councillor><councillorid>14</councillorid><fullusername>Cllr Asha Patel</fullusername>
   <politicalpartytitle>Conservative Party</politicalpartytitle></councillor>
 </councillors></ward>
</wards></councillorsbyward>
"""

PAPER = ("KELBY DISTRICT COUNCIL\n\nAUDIT COMMITTEE\n\nMinutes of the meeting held on "
         "4 June 2024\n\nPresent: Councillors Dewhurst (Chair), T Burrell and R Patel\n\n"
         "1. Apologies for Absence\n\nApologies were received from Councillor Patel.\n\n"
         "2. Accounts\n\nRESOLVED: That the accounts be noted.\n")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def run(tmp_path: Path) -> Path:
    papers = tmp_path / "in"
    papers.mkdir()
    paper = papers / "audit.txt"
    paper.write_text(PAPER, encoding="utf-8")
    old = time.time() - 3600
    os.utime(paper, (old, old))
    out = tmp_path / "out"
    run_extract([papers], out, Settings(workers=0))
    return out


def test_a_moderngov_register_gives_people_their_party_ward_and_posts(
        run: Path, tmp_path: Path) -> None:
    register = tmp_path / "CouncillorsByWard.xml"
    register.write_text(XML, encoding="utf-8")
    assert main(["register", "import", str(register), str(run)]) == 0  # the run's one council
    people = {r["name"]: r for r in _rows(run / "people.csv")}
    assert (people["Dewhurst"]["party"], people["Dewhurst"]["ward"],
            people["Dewhurst"]["key_posts"]) == ("Green Party", "Abbey Fields", "Chair of Audit")
    assert people["T Burrell"]["register_id"] == "12"
    assert people["R Patel"]["party"] == "Labour Party"  # R fits Rhys, not Asha
    # the bare "Patel" of the apologies is two members' surname: no entry is guessed
    assert not any(r["register_id"] for n, r in people.items() if n == "Patel")
    assert len(_rows(run / "register.csv")) == 4


def test_a_csv_register_and_what_is_not_a_register(run: Path, tmp_path: Path) -> None:
    register = tmp_path / "members.csv"
    register.write_text("name,party,ward\nCllr Tom Burrell,Independent,Mill End\n",
                        encoding="utf-8")
    import_register(register, run, "Kelby District Council")
    people = {r["name"]: r for r in _rows(run / "people.csv")}
    assert people["T Burrell"]["ward"] == "Mill End"
    bad = tmp_path / "bad.csv"
    bad.write_text("member,group\nA,B\n", encoding="utf-8")
    with pytest.raises(RunError, match="'name' column"):
        read_register(bad, "X")
    with pytest.raises(RunError, match="--authority"):
        import_register(register, tmp_path / "empty", "")


REAL = SHARED / "real" / "CouncillorData" / "data"


def test_a_real_register_links_the_people_of_an_invented_paper(tmp_path: Path) -> None:
    """An invented paper naming members of a real ModernGov register, read from the shared
    data at test time (nothing of it is copied into the project)."""
    path = REAL / "canterbury.gov.uk" / "CouncillorsByWard.xml"
    if not path.exists():
        pytest.skip(f"{path} not present")
    members = []
    for councillor in ET.parse(path).getroot().iter("councillor"):
        name = " ".join((councillor.findtext("fullusername") or "").split())
        words = re.sub(r"^(Cllr|Councillor)\s+", "", name).split()
        if len(words) == 2 and all(w.isalpha() and w[0].isupper() for w in words):
            members.append((words, councillor.findtext("politicalpartytitle") or ""))
    surnames = [w[1] for w, _ in members]
    chosen = [(w, party) for w, party in members if surnames.count(w[1]) == 1][:4]
    if len(chosen) < 4:
        pytest.skip("too few plainly named members")
    present = ", ".join(f"Councillor {w[0][0]} {w[1]}" for w, _ in chosen[:3])
    paper = (f"CANTERBURY CITY COUNCIL\n\nLICENSING COMMITTEE\n\nMinutes of the meeting held "
             f"on 4 June 2024\n\nPresent: {present}\n\n1. Apologies\n\nApologies were received "
             f"from Councillor {chosen[3][0][0]} {chosen[3][0][1]}.\n")
    papers = tmp_path / "in"
    papers.mkdir()
    (papers / "licensing.txt").write_text(paper, encoding="utf-8")
    out = tmp_path / "out"
    run_extract([papers], out, Settings(workers=0))
    import_register(path, out, "Canterbury City Council")
    people = {r["name"]: r for r in _rows(out / "people.csv")}
    for words, party in chosen[:3]:
        row = people[f"{words[0][0]} {words[1]}"]
        assert row["register_id"] and row["party"] == " ".join(party.split())
