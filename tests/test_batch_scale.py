"""Large archives: the run's bodies resolved once, the single read of the store, the
store's look-ups."""

from __future__ import annotations

import csv
import random
import sqlite3
import time
from pathlib import Path

from pipeline.batch.runner import RunSettings, run_extract, write_outputs
from pipeline.batch.store import STORE_VERSION, Store
from pipeline.model.bodies import BodyRegistry, mentions
from pipeline.model.records import SCHEMA
from tests.test_batch import make_papers, outputs

NAMES = ["Cabinet", "cabinet", "CABINET ", "Planning  Committee", "Planning Committee",
         "Health and Wellbeing Board", "Audit | Governance", "Licensing Sub-Committee", "", "  "]
ALIASES = ["", "the Cabinet", "Executive", "Cabinet", "HWB | Health Board", "PC", " | x",
           "Planning", "a |", "| b", "Audit", "Z", "|", "q | | r"]


def generated(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """(document, bodies row) pairs as papers list them."""
    return [(f"dir/paper{rng.randint(0, count // 3 + 1):05}.txt",
             {"body": rng.choice(NAMES), "body_type": rng.choice(["cabinet", "committee", ""]),
              "page": rng.randint(1, 9), "aliases": " | ".join(rng.sample(ALIASES, 2))})
            for _ in range(count)]


def registry_of(pairs: list[tuple[str, dict]]) -> BodyRegistry:
    registry = BodyRegistry()
    for document, row in pairs:
        registry.add(document, mentions({"bodies": [row]}))
    return registry


def test_names_that_fold_alike_are_one_body_with_one_key() -> None:
    rows = registry_of([("a.txt", {"body": "Cabinet", "aliases": ""}),
                        ("b.txt", {"body": "CABINET ", "aliases": "the Cabinet"}),
                        ("c.txt", {"body": "the  cabinet", "aliases": "Executive"})]).rows()
    assert [(r["body"], r["key"], r["documents"]) for r in rows] == [
        ("Cabinet", "cabinet", "a.txt | b.txt | c.txt")]
    assert set(rows[0]["aliases"].split(" | ")) == {"the Cabinet", "Executive"}


def test_every_key_is_a_row_and_every_name_has_a_key() -> None:
    rng = random.Random(7)
    for _ in range(30):
        pairs = generated(rng, rng.randint(0, 300))
        registry = registry_of(pairs)
        rows = registry.rows()
        keys = [r["key"] for r in rows]
        assert keys == sorted(set(keys)) and all(keys)
        for _, row in pairs:
            if row["body"].strip() and "|" not in row["body"]:
                assert registry.key(row["body"]) in keys


def test_registry_is_linear() -> None:
    def seconds(count: int) -> float:
        pairs = generated(random.Random(1), count)
        started = time.perf_counter()
        registry_of(pairs).rows()
        return time.perf_counter() - started

    seconds(1000)
    assert seconds(40000) < 60 * max(seconds(2000), 0.002)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def test_headers_are_the_schema_and_bodies_resolve_across_papers(tmp_path: Path) -> None:
    out = tmp_path / "run"
    tables = {
        "a.txt": {"documents": [{"document": "a.txt", "kind": "minutes", "body": "CSP",
                                 "date": ""}]},
        "b.txt": {"bodies": [{"body": "Community Safety Partnership", "aliases": "CSP"}],
                  "relations": [{"document": "b.txt", "source": "the Police",
                                 "relation": "member_of", "target": "CSP"}]},
        "c.txt": {"bodies": [{"body": "community safety partnership", "aliases": "the CSP"}]},
    }
    with Store(out) as store:
        for document, rows in tables.items():
            store.save(document, "h", "p", "ok", tables=rows)
        assert [d for d, _ in store.mentions(["c.txt", "missing", "a.txt"])] == [
            "c.txt", "a.txt"]
        summary = write_outputs(store, list(tables), out, raw_csv=False)
    for name, table in SCHEMA.items():
        assert _header(out / f"{name}.csv") == list(table.columns)
    assert summary.counts["bodies"] == 1
    bodies = _rows(out / "bodies.csv")
    assert [(b["body"], b["key"], b["documents"]) for b in bodies] == [
        ("Community Safety Partnership", "community safety partnership",
         "a.txt | b.txt | c.txt")]
    # the paper read first names the body by an alias a later paper gives: same key
    assert _rows(out / "documents.csv")[0]["body_key"] == "community safety partnership"
    relation = _rows(out / "relations.csv")[0]
    assert (relation["source_key"], relation["target_key"]) == (
        "police", "community safety partnership")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_store_of_another_version_is_rebuilt(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 6)
    out = tmp_path / "out"
    run_extract([papers], out, RunSettings(workers=0))
    before = outputs(out)
    with sqlite3.connect(out / "state.sqlite") as db:
        db.execute(f"PRAGMA user_version = {STORE_VERSION - 1}")
    again = run_extract([papers], out, RunSettings(workers=0))
    assert again.processed == 6
    assert outputs(out) == before


def test_store_look_ups_use_the_primary_key(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        for query in ("SELECT status, pages, seconds, warnings, errors, tables FROM documents "
                      "WHERE document = ?", "SELECT bodies FROM documents WHERE document = ?",
                      "SELECT text FROM documents WHERE document = ?"):
            plan = " ".join(str(row[-1]) for row in
                            store.db.execute(f"EXPLAIN QUERY PLAN {query}", ("x",)))
            assert "USING INDEX" in plan and "SCAN" not in plan, plan


def test_a_result_packed_by_its_worker_is_stored_as_the_store_would_pack_it(
        tmp_path: Path) -> None:
    from pipeline.batch.store import pack

    rows = {"documents": [{"document": "a.txt", "kind": "minutes", "body": "Cabinet",
                           "authority": "Borough of Testing"}],
            "relations": [{"document": "a.txt", "source": "Forum", "target": "Cabinet",
                           "relation": "reports_to"}]}
    with Store(tmp_path / "one") as store:
        store.save("a.txt", "h", "p", "ok", tables=rows, text="Cabinet minutes")
        plain = (list(store.records(["a.txt"])), list(store.mentions(["a.txt"])),
                 store.text("a.txt"))
    with Store(tmp_path / "two") as store:
        store.save("a.txt", "h", "p", "ok", packed=pack(rows, "Cabinet minutes"))
        packed = (list(store.records(["a.txt"])), list(store.mentions(["a.txt"])),
                  store.text("a.txt"))
    assert packed == plain
    assert plain[0][0]["tables"]["relations"][0]["target"] == "Cabinet"
    assert plain[1][0][1]["authority"] == "Borough of Testing"
