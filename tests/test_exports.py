"""Exports of a run folder: Parquet, Popolo JSON (validated), SQLite, and the CLI command."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from pipeline import Extraction, extract, load
from pipeline.cli import main
from pipeline.export.csv import write_csv
from pipeline.export.popolo import PopoloInvalid, build_popolo, validate_popolo
from pipeline.export.sqlite import INDEXES
from pipeline.model.labels import CONTRACT_COLUMNS, ERROR_COLUMNS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SUBSET = ("fernley_hwb_minutes_2024-03-14.txt", "fernley_csp_minutes_2024-03-13.txt")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    papers = tmp_path_factory.mktemp("papers")
    for name in SUBSET:
        shutil.copy(CORPUS / name, papers / name)
    return extract(papers, out=tmp_path_factory.mktemp("run"), workers=0)


def write_run(folder: Path, tables: dict[str, list[dict]]) -> Path:
    for table, columns in {**CONTRACT_COLUMNS, "errors": ERROR_COLUMNS}.items():
        write_csv(folder / f"{table}.csv", tables.get(table, []), columns)
    return folder


def provenance(page: str, evidence: str) -> dict:
    return {"page": page, "start": "10", "end": "20", "evidence": evidence}


@pytest.fixture()
def structured(tmp_path: Path) -> Extraction:
    """A small run with bodies and relations, as the structure extractor writes them."""
    m1, m2, report = "hwb/2024-03-14.txt", "hwb/2024-06-20.pdf", "sab report.txt"
    return load(write_run(tmp_path / "run", {
        "documents": [
            {"document": m1, "kind": "minutes", "body": "Health and Wellbeing Board",
             "date": "2024-03-14", **provenance("1", "Minutes")},
            {"document": m2, "kind": "minutes", "body": "HWB", "date": "2024-06-20",
             **provenance("1", "Minutes")},
            {"document": report, "kind": "report", "body": "Safeguarding Adults Board",
             "date": "", **provenance("1", "Report")}],
        "attendees": [
            {"document": m1, "name": "Cllr Ann Lee", "role": "Chair",
             "organisation": "London Borough of Fernley", "capacity": "member",
             **provenance("1", "Cllr Ann Lee (Chair)")},
            {"document": m1, "name": "Dr Tom Reid", "role": "",
             "organisation": "Integrated Care Board", "capacity": "member",
             **provenance("1", "Dr Tom Reid (ICB)")},
            {"document": m1, "name": "Jo Park", "role": "Head of Governance",
             "organisation": "", "capacity": "officer", **provenance("2", "Jo Park")},
            {"document": m1, "name": "Sam Guest", "role": "", "organisation": "",
             "capacity": "other", **provenance("2", "Sam Guest")},
            {"document": m2, "name": "ANN LEE", "role": "Chair",
             "organisation": "London Borough of Fernley", "capacity": "member",
             **provenance("1", "ANN LEE (Chair)")}],
        "apologies": [
            {"document": m2, "name": "Dr. Tom Reid", "role": "", "organisation": "",
             **provenance("1", "Apologies: Dr. Tom Reid")}],
        "substitutes": [
            {"document": m2, "member": "Dr Tom Reid", "substitute": "Priya Shah",
             "organisation": "Integrated Care Board", **provenance("1", "Priya Shah for")}],
        "items": [
            {"document": m1, "number": "1", "title": "Apologies", **provenance("1", "1.")},
            {"document": m1, "number": "5a", "title": "Strategy", **provenance("2", "5a.")}],
        "decisions": [
            {"document": m1, "item": "5a", "kind": "RESOLVED",
             "text": "That the strategy be approved.", **provenance("2", "RESOLVED: That")},
            {"document": m2, "item": "7", "kind": "NOTED", "text": "The update.",
             **provenance("3", "NOTED: The update.")},
            {"document": report, "item": "", "kind": "AGREED", "text": "To consult.",
             **provenance("1", "AGREED")}],
        "bodies": [
            {"body": "Health and Wellbeing Board", "aliases": "HWB | the Board",
             "body_type": "health_and_wellbeing_board", "documents": f"{m1} | {m2}"},
            {"body": "Safeguarding Adults Board", "aliases": "SAB",
             "body_type": "", "documents": report}],
        "relations": [
            {"document": report, "source": "SAB", "relation": "reports_to",
             "target": "the Health and Wellbeing Board", **provenance("4", "SAB reports to")},
            {"document": report, "source": "the Police", "relation": "member_of",
             "target": "Safeguarding Adults Board", **provenance("4", "the Police")},
            {"document": report, "source": "SAB", "relation": "linked_to",
             "target": "Community Safety Partnership", **provenance("5", "link")}],
    }))


# --- Popolo -----------------------------------------------------------------------------

def by_id(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records}


def test_popolo_of_an_extracted_run_validates(run: Extraction, tmp_path: Path) -> None:
    pytest.importorskip("jsonschema")
    path = run.to_popolo(tmp_path / "popolo.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    validate_popolo(data)
    meetings = [e for e in data["events"] if e["classification"] == "meeting"]
    assert {m["id"] for m in meetings} == {f"event/{d}" for d in SUBSET}
    assert len(data["motions"]) == len(run.decisions)
    people = {p["id"] for p in data["persons"]}
    assert all(a["id"] in people for m in meetings for a in m["attendees"])
    statuses = {a["status"] for m in meetings for a in m["attendees"]}
    assert statuses <= {"present", "apologies"}
    assert all(r["sources"] for kind in ("persons", "organizations", "memberships", "events",
                                         "motions") for r in data[kind])


def test_popolo_maps_bodies_people_meetings_and_decisions(structured: Extraction) -> None:
    pytest.importorskip("jsonschema")
    data = build_popolo(structured.tables)
    validate_popolo(data)
    orgs = by_id(data["organizations"])
    hwb, sab = orgs["body/health-and-wellbeing-board"], orgs["body/safeguarding-adults-board"]
    assert {n["name"] for n in hwb["other_names"]} == {"HWB", "the Board"}
    assert hwb["classification"] == "health_and_wellbeing_board"
    assert "classification" not in sab
    assert sab["parent_id"] == hwb["id"]  # SAB reports_to the HWB, named by an alias
    assert "org/police" in orgs and "org/london-borough-of-fernley" in orgs
    assert "body/community-safety-partnership" in orgs  # named only in a relation
    assert orgs["org/police"]["sources"][0] == {"url": "sab%20report.txt#page=4",
                                                "note": "the Police"}

    persons = by_id(data["persons"])
    assert set(persons) == {"person/ann-lee", "person/tom-reid", "person/jo-park",
                            "person/sam-guest", "person/priya-shah"}
    assert persons["person/ann-lee"]["name"] == "Ann Lee"
    assert persons["person/ann-lee"]["honorific_prefix"] == "Cllr"
    assert persons["person/ann-lee"]["other_names"] == [{"name": "ANN LEE"}]
    assert {s["url"] for s in persons["person/ann-lee"]["sources"]} == {
        "hwb/2024-03-14.txt#page=1", "hwb/2024-06-20.pdf#page=1"}

    memberships = data["memberships"]
    ann = [m for m in memberships if m.get("person_id") == "person/ann-lee"]
    assert len(ann) == 1  # both meetings: one membership, two sources
    assert ann[0]["organization_id"] == hwb["id"] and ann[0]["role"] == "Chair"
    assert ann[0]["on_behalf_of_id"] == "org/london-borough-of-fernley"
    assert len(ann[0]["sources"]) == 2
    jo = next(m for m in memberships if m.get("person_id") == "person/jo-park")
    assert jo["role"] == "Head of Governance" and "on_behalf_of_id" not in jo
    assert not [m for m in memberships if m.get("person_id") == "person/sam-guest"]  # a guest
    police = next(m for m in memberships if "member" in m)
    assert police["member"] == {"@type": "Organization", "id": "org/police"}
    assert police["organization_id"] == sab["id"]

    events = by_id(data["events"])
    first, second = events["event/hwb/2024-03-14.txt"], events["event/hwb/2024-06-20.pdf"]
    assert first["start_date"] == "2024-03-14" and first["organization_id"] == hwb["id"]
    assert second["organization_id"] == hwb["id"]  # "HWB" is the board's alias
    assert {(a["id"], a["status"]) for a in second["attendees"]} == {
        ("person/ann-lee", "present"), ("person/tom-reid", "apologies")}
    item = events["event/hwb/2024-03-14.txt#item-5a"]
    assert item["parent_id"] == first["id"] and item["classification"] == "agenda item"
    assert item["identifiers"] == [{"identifier": "5a", "scheme": "item"}]
    assert "event/sab report.txt" not in events  # a report is not a meeting

    motions = {m["text"]: m for m in data["motions"]}
    approved = motions["That the strategy be approved."]
    assert approved["legislative_session_id"] == item["id"]
    assert approved["classification"] == "resolved" and approved["date"] == "2024-03-14"
    assert approved["sources"] == [{"url": "hwb/2024-03-14.txt#page=2",
                                    "note": "RESOLVED: That"}]
    assert motions["The update."]["legislative_session_id"] == "event/hwb/2024-06-20.pdf#item-7"
    assert "legislative_session_id" not in motions["To consult."]
    assert motions["To consult."]["organization_id"] == sab["id"]


def test_popolo_validation_catches_bad_records(structured: Extraction) -> None:
    pytest.importorskip("jsonschema")
    data = build_popolo(structured.tables)
    broken = json.loads(json.dumps(data))
    del broken["persons"][0]["name"]
    with pytest.raises(PopoloInvalid, match="'name' is a required property"):
        validate_popolo(broken)
    broken = json.loads(json.dumps(data))
    broken["events"][0]["attendees"].append({"id": "person/ann-lee", "name": "Ann Lee",
                                             "status": "late"})
    with pytest.raises(PopoloInvalid, match="late"):
        validate_popolo(broken)
    broken = json.loads(json.dumps(data))
    broken["motions"][0]["legislative_session_id"] = "event/nowhere"
    with pytest.raises(PopoloInvalid, match="is not in events"):
        validate_popolo(broken)


def test_popolo_schemas_are_valid_schemas() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    folder = Path(__file__).resolve().parents[1] / "models" / "popolo"
    names = {p.name for p in folder.glob("*.json")}
    assert {"person.json", "organization.json", "membership.json", "event.json",
            "motion.json", "popolo.json"} <= names
    for path in folder.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)


# --- Parquet ----------------------------------------------------------------------------

def test_parquet_columns_are_typed_with_the_table_named(run: Extraction,
                                                        tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    run.to_parquet(tmp_path)
    table = pq.read_table(tmp_path / "decisions.parquet")
    assert table.num_rows == len(run.decisions)
    assert table.column_names == list(run.decisions.columns)
    types = dict(zip(table.column_names, map(str, table.schema.types), strict=True))
    integers = ("page", "start", "end", "ocr_confidence", "part")
    assert types == {c: "int64" if c in integers else "string" for c in table.column_names}
    assert table.schema.metadata[b"minutebook.table"] == b"decisions"


# --- SQLite -----------------------------------------------------------------------------

def test_sqlite_has_every_table_indexed_with_matching_counts(run: Extraction,
                                                             tmp_path: Path) -> None:
    path = run.to_sqlite(tmp_path / "run.db")
    db = sqlite3.connect(path)
    names = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    assert set(run.tables) | {"run_info"} <= names
    for table, frame in run.tables.items():
        assert db.execute(f'select count(*) from "{table}"').fetchone()[0] == len(frame)
        columns = [r[1] for r in db.execute(f'pragma table_info("{table}")')]
        assert columns == list(frame.columns)
        indexed = {tuple(r[2] for r in db.execute(f'pragma index_info("{i[1]}")'))
                   for i in db.execute(f'pragma index_list("{table}")')}
        if "document" in frame.columns:
            assert ("document",) in indexed, table
        for key in INDEXES[table]:
            assert key in indexed, (table, key)
    page = db.execute("select typeof(page) from decisions limit 1").fetchone()
    assert page is None or page[0] in ("integer", "null")
    assert json.loads(db.execute("select value from run_info where key = 'documents'")
                      .fetchone()[0]) == len(SUBSET)
    plan = " ".join(str(r) for r in db.execute(
        "explain query plan select * from attendees where name = 'x'"))
    assert "idx_attendees_name" in plan


def test_sqlite_full_text_search_finds_decisions(run: Extraction, tmp_path: Path) -> None:
    db = sqlite3.connect(run.to_sqlite(tmp_path / "run.db"))
    word = run.decisions["text"].iloc[0].split()[-1].strip(".,;:()")
    hits = db.execute("select count(*) from decisions_fts where decisions_fts match ?",
                      (f'"{word}"',)).fetchone()[0]
    assert hits >= 1


def test_sqlite_of_a_structured_run(structured: Extraction, tmp_path: Path) -> None:
    db = sqlite3.connect(structured.to_sqlite(tmp_path / "s.db"))
    rows = db.execute("select source, target from relations where relation = 'reports_to'")
    assert rows.fetchall() == [("SAB", "the Health and Wellbeing Board")]
    assert db.execute("select count(*) from bodies").fetchone()[0] == 2


# --- CLI --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, default", [("parquet", "parquet/decisions.parquet"),
                                          ("popolo", "popolo.json"),
                                          ("sqlite", "minutebook.db")])
def test_export_command_writes_each_format(run: Extraction, fmt: str, default: str,
                                           tmp_path: Path,
                                           capsys: pytest.CaptureFixture) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if fmt == "popolo":
        pytest.importorskip("jsonschema")
    folder = tmp_path / "run"
    shutil.copytree(run.run_dir, folder)
    assert main(["export", str(folder), "--to", fmt]) == 0
    assert (folder / default).exists()
    assert str(folder / default.split("/")[0]) in capsys.readouterr().out
    target = tmp_path / "elsewhere" / f"out.{fmt}"
    assert main(["export", str(folder), "--to", fmt, "--out", str(target)]) == 0
    assert target.exists()


def test_export_command_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(tmp_path), "--to", "sqlite"]) == 2  # one line, as usage errors
    assert "not a minutebook run folder" in capsys.readouterr().err
    assert main(["export", str(tmp_path), "--to", "xlsx"]) == 2
    assert main(["export", str(tmp_path / "missing"), "--to", "sqlite"]) == 2


def test_export_command_help_ends_with_an_example(capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--help"]) == 0
    assert "Example: minutebook export" in capsys.readouterr().out


def _vote_tables() -> dict[str, pd.DataFrame]:
    from pipeline.tables import TABLE_COLUMNS

    tables = {name: pd.DataFrame(columns=list(cols)) for name, cols in TABLE_COLUMNS.items()}
    tables["documents"] = pd.DataFrame([{"document": "c.txt", "kind": "minutes",
                                         "body": "Full Council", "date": "2024-05-22"}])
    tables["items"] = pd.DataFrame([{"document": "c.txt", "number": "9", "title": "Motions",
                                     "page": 2}])
    tables["votes"] = pd.DataFrame([
        {"document": "c.txt", "vote": 1, "item": "9", "motion": "the amendment", "for": 11,
         "against": 19, "abstained": 2, "result": "lost", "page": 2},
        {"document": "c.txt", "vote": 2, "item": "9", "motion": "the motion", "for": None,
         "against": None, "abstained": None, "result": "", "page": 2}])
    tables["vote_members"] = pd.DataFrame([
        {"document": "c.txt", "vote": 1, "item": "9", "name": "Ann Bell", "position": "for",
         "page": 2},
        {"document": "c.txt", "vote": 1, "item": "9", "name": "Carl Dee", "position": "against",
         "page": 2},
        {"document": "c.txt", "vote": 1, "item": "9", "name": "Eve Ford",
         "position": "abstained", "page": 2}])
    return tables


def test_popolo_vote_events_carry_counts_results_and_named_votes() -> None:
    data = build_popolo(_vote_tables())
    validate_popolo(data)  # the schemas in models/popolo and the ids between records
    first, second = data["vote_events"]
    assert first["classification"] == "the amendment" and first["result"] == "lost"
    assert first["counts"] == [{"option": "yes", "value": 11}, {"option": "no", "value": 19},
                               {"option": "abstain", "value": 2}]
    assert [(v["voter_id"], v["option"]) for v in first["votes"]] == [
        ("person/ann-bell", "yes"), ("person/carl-dee", "no"), ("person/eve-ford", "abstain")]
    assert first["legislative_session_id"] in {e["id"] for e in data["events"]}
    # counts and a result the minutes do not state are left out, never derived
    assert "counts" not in second and "result" not in second and "votes" not in second


def test_popolo_schema_refuses_a_vote_option_popolo_does_not_know() -> None:
    data = build_popolo(_vote_tables())
    data["vote_events"][0]["votes"][0]["option"] = "maybe"
    with pytest.raises(PopoloInvalid):
        validate_popolo(data)
