"""Large archives: the bodies merge, the single read of the store, the store's look-ups."""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

from pipeline.batch.runner import BodyMerger, RunSettings, merge_bodies, run_extract, write_outputs
from pipeline.batch.store import Store, table_columns
from pipeline.model.labels import CONTRACT_COLUMNS
from tests.test_batch import make_papers, outputs


def legacy_merge_bodies(rows: list[dict]) -> list[dict]:
    """merge_bodies as it was before BodyMerger (quadratic): the reference."""
    merged: dict[str, dict] = {}
    for row in rows:
        key = " ".join(row.get("body", "").casefold().split())
        if not key:
            continue
        target = merged.setdefault(key, {**row, "aliases": "", "documents": ""})
        aliases = {a for a in target["aliases"].split(" | ") if a}
        aliases |= {a for a in str(row.get("aliases", "")).split(" | ") if a}
        target["aliases"] = " | ".join(sorted(aliases - {target["body"]}))
        documents = {d for d in target["documents"].split(" | ") if d}
        documents |= {d for d in str(row.get("documents", row.get("document", ""))).split(" | ")
                      if d}
        target["documents"] = " | ".join(sorted(documents))
    return [merged[k] for k in sorted(merged)]


NAMES = ["Cabinet", "cabinet", "CABINET ", "Planning  Committee", "Planning Committee",
         "Health and Wellbeing Board", "Audit | Governance", "Licensing Sub-Committee", "", "  "]
ALIASES = ["", "the Cabinet", "Executive", "Cabinet", "HWB | Health Board", "PC", " | x",
           "Planning", "a |", "| b", "Audit", "Z", "|", "q | | r"]


def generated_rows(rng: random.Random, count: int, awkward: bool) -> list[dict]:
    aliases = ALIASES if awkward else [a for a in ALIASES if "|" not in a]
    rows = []
    for n in range(count):
        row = {"body": rng.choice(NAMES), "body_type": rng.choice(["cabinet", "committee", ""]),
               "page": rng.randint(1, 9), "aliases": " | ".join(rng.sample(aliases, 2))}
        if rng.random() < 0.3:
            row["extra"] = f"x{n}"
        if rng.random() < 0.8:
            row["documents"] = f"dir/paper{rng.randint(0, count // 3):05}.txt"
            if awkward and rng.random() < 0.05:
                row["documents"] += rng.choice([" |", " | other.txt", ""])
        elif rng.random() < 0.5:
            row["document"] = f"single{n}.txt"
        rows.append(row)
    return rows


def test_incremental_merge_gives_what_the_old_merge_gave() -> None:
    rng = random.Random(7)
    for awkward in (False, True):
        for _ in range(40):
            rows = generated_rows(rng, rng.randint(0, 300), awkward)
            assert merge_bodies([dict(r) for r in rows]) == legacy_merge_bodies(
                [dict(r) for r in rows])


def test_bodies_csv_bytes_unchanged(tmp_path: Path) -> None:
    from pipeline.export.csv import write_csv

    rows = generated_rows(random.Random(3), 2000, awkward=True)
    columns = [*CONTRACT_COLUMNS["bodies"], "extra", "documents"]
    write_csv(tmp_path / "old.csv", legacy_merge_bodies([dict(r) for r in rows]), columns)
    merger = BodyMerger()
    for row in rows:
        merger.add(dict(row))
    write_csv(tmp_path / "new.csv", merger.rows(), columns)
    assert (tmp_path / "new.csv").read_bytes() == (tmp_path / "old.csv").read_bytes()


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def test_extra_columns_come_from_the_stored_column_lists(tmp_path: Path) -> None:
    out = tmp_path / "run"
    tables = {
        "a.txt": {"items": [{"document": "a.txt", "zeta": 1}], "brand_new": []},
        "b.txt": {"items": [{"document": "b.txt", "alpha": 2, "zeta": 3}],
                  "brand_new": [{"k": 1}, {"j": 2, "k": 3}],
                  "bodies": [{"body": "Cabinet", "colour": "red"}]},
        "c.txt": {"bodies": [{"body": "cabinet", "aliases": "Exec", "size": 3}]},
    }
    with Store(out) as store:
        for document, rows in tables.items():
            store.save(document, "h", "p", "ok", tables=rows)
        assert list(store.columns(["c.txt", "missing", "b.txt"])) == [
            table_columns(tables["c.txt"]), table_columns(tables["b.txt"])]
        summary = write_outputs(store, list(tables), out, raw_csv=False)
    assert _header(out / "items.csv") == [*CONTRACT_COLUMNS["items"], "zeta", "alpha"]
    assert _header(out / "brand_new.csv") == ["k", "j"]
    assert _header(out / "bodies.csv") == [*CONTRACT_COLUMNS["bodies"], "colour", "size",
                                           "documents"]
    assert summary.counts["brand_new"] == 2 and summary.counts["bodies"] == 1
    assert "Cabinet,Exec," in (out / "bodies.csv").read_text(encoding="utf-8-sig")


def test_a_store_without_column_lists_is_filled_in_place(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 6)
    out = tmp_path / "out"
    run_extract([papers], out, RunSettings(workers=0))
    before = outputs(out)
    with sqlite3.connect(out / "state.sqlite") as db:  # as minutebook <= 0.1.0 left it
        db.execute("ALTER TABLE documents DROP COLUMN columns")
    again = run_extract([papers], out, RunSettings(workers=0))
    assert again.reused == 6  # upgrading re-extracts nothing
    assert outputs(out) == before
    with sqlite3.connect(out / "state.sqlite") as db:
        assert db.execute("SELECT count(*) FROM documents WHERE columns IS NULL"
                          ).fetchone()[0] == 0


def test_store_look_ups_use_the_primary_key(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        for query in ("SELECT status, pages, seconds, warnings, errors, tables FROM documents "
                      "WHERE document = ?", "SELECT columns FROM documents WHERE document = ?",
                      "SELECT text FROM documents WHERE document = ?"):
            plan = " ".join(str(row[-1]) for row in
                            store.db.execute(f"EXPLAIN QUERY PLAN {query}", ("x",)))
            assert "USING INDEX" in plan and "SCAN" not in plan, plan
