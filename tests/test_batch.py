"""Batch runs: resumable from the store, safe against hangs, crashes and SIGKILL."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.pool import run_pool
from pipeline.batch.runner import RunSettings, run_extract
from pipeline.batch.walk import Input

PAPER = ("{body}\n\nMinutes of the meeting held on {day} March 2024\n\nPresent:\n"
         "Councillor Jane Smith (Chair)\nCouncillor Omar Patel\n\n"
         "1. Apologies for Absence\n\nApologies were received from Councillor Ann Lee.\n\n"
         "2. Budget Monitoring\n\nRESOLVED: That the report be noted.\n")


def make_papers(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = f"Board Number {n} Committee"
        (folder / f"paper{n:03}.txt").write_text(PAPER.format(body=body, day=1 + n % 28),
                                                 encoding="utf-8")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_second_run_reuses_unchanged_documents(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 4)
    out = tmp_path / "out"
    first = run_extract([papers], out, RunSettings(workers=1))
    before = outputs(out)
    second = run_extract([papers], out, RunSettings(workers=1))
    assert (first.reused, second.reused) == (0, 4)
    assert outputs(out) == before
    (papers / "paper001.txt").write_text(PAPER.format(body="Changed Board", day=9))
    third = run_extract([papers], out, RunSettings(workers=1))
    assert third.reused == 3
    assert b"Changed Board" in (out / "documents.csv").read_bytes()
    forced = run_extract([papers], out, RunSettings(workers=1, force=True))
    assert forced.reused == 0


def test_a_paper_saved_twice_is_read_and_named_a_duplicate_of_the_first(tmp_path: Path
                                                                        ) -> None:
    """One paper under two names (and two files that are no papers, alike too): the later
    paper is a `duplicate` warning naming the first, also when it arrives in a later run;
    the files that are not read are never duplicates."""
    papers = make_papers(tmp_path / "in", 2)
    (papers / "copy.txt").write_bytes((papers / "paper000.txt").read_bytes())
    for name in ("a.xls", "b.xls"):
        (papers / name).write_bytes(b"not a paper")
    out = tmp_path / "out"
    run_extract([papers], out, RunSettings(workers=1))

    def duplicates() -> dict[str, str]:
        with (out / "errors.csv").open(encoding="utf-8-sig") as handle:
            return {r["document"]: r["message"] for r in csv.DictReader(handle)
                    if r["error_type"] == "duplicate"}

    assert duplicates() == {
        "paper000.txt": "the same bytes as copy.txt: its rows are that paper's again"}
    (papers / "paper001b.txt").write_bytes((papers / "paper001.txt").read_bytes())
    second = run_extract([papers], out, RunSettings(workers=1))
    assert second.processed == 1  # the new copy alone
    assert set(duplicates()) == {"paper000.txt", "paper001b.txt"}
    documents = (out / "documents.csv").read_text(encoding="utf-8-sig")
    assert "copy.txt" in documents and "paper000.txt" in documents  # both read


def _slow_or_broken(item: Input) -> str:
    if "hang" in item.document:
        time.sleep(60)
    if "crash" in item.document:
        os._exit(3)
    return f"done {item.document}"


def test_pool_survives_hangs_and_crashes() -> None:
    items = [Input(Path(name), name, True) for name in ("a", "hang", "b", "crash", "c")]
    started = time.monotonic()
    results = list(run_pool(items, _slow_or_broken, lambda i, kind, why: f"{kind} {i.document}",
                            workers=2, timeout=1.5, memory_mb=None))
    assert sorted(results) == ["crash crash", "done a", "done b", "done c", "timeout hang"]
    assert time.monotonic() - started < 30


def test_documents_in_a_dead_workers_hand_are_read_by_another() -> None:
    """A worker holds one document more than it works on: when it dies, that one is not
    lost nor reported as a crash, but read by the next worker."""
    names = ("crash", "a", "b", "c", "d", "e", "f", "g")
    items = [Input(Path(name), name, True) for name in names]
    results = list(run_pool(items, _slow_or_broken, lambda i, kind, why: f"{kind} {i.document}",
                            workers=2, timeout=None, memory_mb=None))
    assert sorted(results) == ["crash crash"] + [f"done {n}" for n in names[1:]]


def _count_stored(out: Path) -> int:
    try:
        with sqlite3.connect(out / "state.sqlite") as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_midway_then_rerun_gives_identical_outputs(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 60)
    reference = tmp_path / "reference"
    run_extract([papers], reference, RunSettings(workers=2))
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(papers), "--out", str(out),
               "--workers", "1", "--quiet"]
    proc = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 60
    while _count_stored(out) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be killed")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _count_stored(out) < 60
    summary = run_extract([papers], out, RunSettings(workers=2))
    assert summary.reused >= 5
    assert outputs(out) == outputs(reference)


def test_outputs_never_land_outside_out(tmp_path: Path) -> None:
    papers = make_papers(tmp_path / "in", 2)
    (papers / "-leading dash ünïcode name.txt").write_text(PAPER.format(body="X Board", day=3))
    before = set(tmp_path.rglob("*"))
    run_extract([papers], tmp_path / "out", RunSettings(workers=1))
    new = set(tmp_path.rglob("*")) - before
    assert all((tmp_path / "out") in p.parents or p == tmp_path / "out" for p in new)
    shutil.rmtree(tmp_path / "out")


def test_a_warm_up_that_fails_gives_each_paper_an_error_row_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A reader that cannot be imported or a rule that cannot be built fails the parent's
    # warm-up as it fails every paper: the run goes on and errors.csv says so per paper.
    import csv

    import pipeline.extractors as extractors

    def broken(document: object) -> dict:
        raise ValueError("token pattern {'POS': 'NOUN'}: only LOWER, ORTH or SHAPE")

    monkeypatch.setattr(extractors, "extract_document", broken)
    papers = make_papers(tmp_path / "papers", 3)
    summary = run_extract([papers], tmp_path / "out", RunSettings(workers=2))
    assert summary.processed == 3
    with (tmp_path / "out" / "errors.csv").open(encoding="utf-8-sig", newline="") as handle:
        errors = list(csv.DictReader(handle))
    assert sorted(r["document"] for r in errors) == ["paper000.txt", "paper001.txt",
                                                     "paper002.txt"]
    assert {r["error_type"] for r in errors} == {"internal_error"}
    assert all("only LOWER, ORTH or SHAPE" in r["message"] for r in errors)
