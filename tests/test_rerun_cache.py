"""An unchanged re-run touches nothing but the store's index: no paper is read again when
its size and modification time are those its hash was taken at, and the CSVs are not
rewritten when nothing they follow from has changed (issue 16). Anything changed, a
paper or an output someone edited or deleted, is noticed."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import pipeline.batch.rerun as rerun
from pipeline.batch.runner import run_extract
from pipeline.settings import Settings

PAPER = ("{body}\n\nMinutes of the meeting held on {day} March 2024\n\nPresent:\n"
         "Councillor Jane Smith (Chair)\nCouncillor Omar Patel\n\n"
         "1. Apologies for Absence\n\nApologies were received from Councillor Ann Lee.\n\n"
         "2. Budget Monitoring\n\nRESOLVED: That the report be noted.\n")
IN_PROCESS = Settings(workers=0)
AN_HOUR_AGO = time.time() - 3600


def make_papers(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        path = folder / f"paper{n}.txt"
        path.write_text(PAPER.format(body=f"Board Number {n} Committee", day=1 + n),
                        encoding="utf-8")
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))  # not "racy": its stat can be trusted
    return folder


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(out.glob("*.csv"))}


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The papers whose bytes the run hashes."""
    seen: list[Path] = []
    real = rerun.content_hash

    def counting(path: Path) -> str:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(rerun, "content_hash", counting)
    return seen


def test_unchanged_rerun_reads_no_paper_and_rewrites_no_csv(tmp_path: Path,
                                                             hashed: list[Path]) -> None:
    papers, out = make_papers(tmp_path / "in", 3), tmp_path / "out"
    first = run_extract([papers], out, IN_PROCESS)
    assert len(hashed) == 3
    written, content = stamps(out), {p.name: p.read_bytes() for p in out.glob("*.csv")}
    hashed.clear()
    again = run_extract([papers], out, IN_PROCESS)
    assert hashed == []
    assert stamps(out) == written
    assert (again.reused, again.processed) == (3, 0)
    # the summary of outputs kept is the one they were written with
    assert (again.documents, again.counts, again.pages) == \
        (first.documents, first.counts, first.pages)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == content


def test_a_changed_paper_is_noticed(tmp_path: Path, hashed: list[Path]) -> None:
    papers, out = make_papers(tmp_path / "in", 3), tmp_path / "out"
    run_extract([papers], out, IN_PROCESS)
    (papers / "paper1.txt").write_text(PAPER.format(body="Renamed Board", day=9),
                                       encoding="utf-8")
    hashed.clear()
    again = run_extract([papers], out, IN_PROCESS)
    assert [p.name for p in hashed] == ["paper1.txt"]
    assert (again.reused, again.processed) == (2, 1)
    assert b"Renamed Board" in (out / "documents.csv").read_bytes()


def test_a_touched_but_unchanged_paper_is_hashed_not_extracted(tmp_path: Path,
                                                               hashed: list[Path]) -> None:
    papers, out = make_papers(tmp_path / "in", 2), tmp_path / "out"
    run_extract([papers], out, IN_PROCESS)
    later = AN_HOUR_AGO + 60
    os.utime(papers / "paper0.txt", (later, later))
    hashed.clear()
    again = run_extract([papers], out, IN_PROCESS)
    assert [p.name for p in hashed] == ["paper0.txt"] and again.processed == 0
    hashed.clear()  # its new stat was kept: the next run reads nothing
    run_extract([papers], out, IN_PROCESS)
    assert hashed == []


def test_a_just_written_paper_is_hashed_until_its_stat_is_safe(tmp_path: Path,
                                                               hashed: list[Path]) -> None:
    papers, out = tmp_path / "in", tmp_path / "out"
    papers.mkdir()
    (papers / "new.txt").write_text(PAPER.format(body="New Board", day=3), encoding="utf-8")
    run_extract([papers], out, IN_PROCESS)
    with sqlite3.connect(out / "state.sqlite") as db:
        assert db.execute("SELECT file_stat FROM documents").fetchone()[0] == ""
    hashed.clear()
    again = run_extract([papers], out, IN_PROCESS)
    assert len(hashed) == 1 and again.processed == 0


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_an_output_deleted_or_edited_is_written_again(tmp_path: Path, damage: str) -> None:
    papers, out = make_papers(tmp_path / "in", 2), tmp_path / "out"
    run_extract([papers], out, IN_PROCESS)
    items = out / "items.csv"
    before = items.read_bytes()
    if damage == "delete":
        items.unlink()
    else:
        items.write_bytes(before + b"x,y\r\n")
    run_extract([papers], out, IN_PROCESS)
    assert items.read_bytes() == before


def test_a_paper_removed_from_the_archive_leaves_the_outputs(tmp_path: Path) -> None:
    papers, out = make_papers(tmp_path / "in", 3), tmp_path / "out"
    run_extract([papers], out, IN_PROCESS)
    (papers / "paper2.txt").unlink()
    again = run_extract([papers], out, IN_PROCESS)
    assert again.documents == 2
    assert b"paper2.txt" not in (out / "documents.csv").read_bytes()


def test_other_csv_escaping_writes_the_outputs_again(tmp_path: Path) -> None:
    papers, out = make_papers(tmp_path / "in", 1), tmp_path / "out"
    (papers / "paper0.txt").write_text(PAPER.format(body="=SUM(A1) Board", day=2))
    os.utime(papers / "paper0.txt", (AN_HOUR_AGO, AN_HOUR_AGO))
    run_extract([papers], out, IN_PROCESS)
    assert b"'=SUM" in (out / "documents.csv").read_bytes()
    run_extract([papers], out, IN_PROCESS.with_(raw_csv=True))
    assert b"'=SUM" not in (out / "documents.csv").read_bytes()
