"""What a run reads, what it says, and how it refuses: the points a new user meets first.

A run never reads its own outputs; Markdown is not a paper unless asked for; globs
ignore case; a mislabelled file is read by its content and reported; a run that finds
nothing, a bad scheduler, an output path that is a file and a folder that is not a run
are one line and exit status 2; the progress counts agree with the summary.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import pipeline
from pipeline.batch.runner import RunSettings, run_extract
from pipeline.batch.walk import walk
from pipeline.cli import main
from pipeline.progress import _Bar, _Lines
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

PAPER = ("WESTBRIDGE LICENSING COMMITTEE\n\nMinutes of the meeting held on 4 June 2024\n\n"
         "Present: Councillor Ruth Okafor (Chair), Councillor Sam Ley\n\n"
         "1. Apologies\n\nApologies were received from Councillor Dee Marsh.\n\n"
         "2. Street Trading\n\nRESOLVED: That the policy be approved.\n")
NOTES = ("# Notes on this folder\n\nPresent: Councillor Invented Person\n\n"
         "RESOLVED: That nothing here is a paper.\n\nThe Notes Group reports to the Board.\n")


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "licensing.txt").write_text(PAPER, encoding="utf-8")
    (folder / "README.md").write_text(NOTES, encoding="utf-8")
    return folder


def test_markdown_is_not_a_paper_unless_asked_for(papers: Path, tmp_path: Path) -> None:
    assert main(["extract", str(papers), "--out", str(tmp_path / "run"), "-q",
                 "--workers", "1"]) == 0
    assert [r["document"] for r in rows(tmp_path / "run" / "documents.csv")] == ["licensing.txt"]
    assert rows(tmp_path / "run" / "errors.csv") == []
    assert not any("Invented" in r["name"] for r in rows(tmp_path / "run" / "attendees.csv"))
    asked = tmp_path / "md"
    assert main(["extract", str(papers), "--out", str(asked), "-q", "--workers", "1",
                 "--formats", "text,markdown"]) == 0
    assert {r["document"] for r in rows(asked / "documents.csv")} == {"licensing.txt",
                                                                       "README.md"}


def test_a_run_folder_inside_its_input_is_never_read(papers: Path) -> None:
    out = papers / "run"
    args = ["extract", str(papers), "--out", str(out), "-q", "--workers", "1"]
    assert main(args) == 0
    first = csv_bytes(out)
    assert main(["review", str(out)]) == 0  # writes run/review/*.html beside the CSVs
    assert main(["graph", str(out)]) == 0
    assert main(args) == 0
    assert csv_bytes(out) == first
    assert len(rows(out / "documents.csv")) == 1


def test_other_minutebook_outputs_in_the_input_are_left_out(papers: Path, tmp_path: Path) -> None:
    elsewhere = papers / "old-run"
    assert main(["extract", str(papers), "--out", str(elsewhere), "-q", "--workers", "1"]) == 0
    assert main(["review", str(elsewhere), "--out", str(papers / "site")]) == 0
    found = [item.document for item in walk([papers], out=tmp_path / "new")]
    assert found == ["licensing.txt"]


def test_glob_ignores_case(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "MINUTES.TXT").write_text(PAPER, encoding="utf-8")
    (folder / "other.txt").write_text(PAPER, encoding="utf-8")
    assert [i.document for i in walk([folder], "*.txt")] == ["MINUTES.TXT", "other.txt"]
    assert [i.document for i in walk([folder], "minutes*")] == ["MINUTES.TXT"]
    assert [i.document for i in walk([folder], None, ("*.TXT",))] == []


@pytest.mark.parametrize("setup", ["empty", "glob", "only-markdown"])
def test_a_run_that_finds_no_paper_says_so_and_exits_2(
        setup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    args = ["extract", str(folder), "--out", str(tmp_path / "run")]
    if setup == "glob":
        (folder / "a.txt").write_text(PAPER, encoding="utf-8")
        args += ["--glob", "*.pdf"]
    if setup == "only-markdown":
        (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "no papers found" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()  # nothing written


@pytest.mark.parametrize("address", ["foo", "http://x", "tcp://"])
def test_a_bad_scheduler_address_is_one_line_and_exit_2(
        address: str, papers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(papers), "--out", str(tmp_path / "run"),
                 "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "scheduler" in err
    assert len(err.strip().splitlines()) == 1


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
        papers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from pipeline.batch import dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    assert main(["extract", str(papers), "--out", str(tmp_path / "run"),
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err
    assert not (tmp_path / "run" / "documents.csv").exists()


def test_an_output_path_that_is_a_file_is_one_line_and_exit_2(
        papers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "taken"
    target.write_text("not a folder")
    assert main(["extract", str(papers), "--out", str(target)]) == 2
    assert main(["extract", str(papers), "--out", str(target / "below")]) == 2
    err = capsys.readouterr().err
    assert err.count("is a file, not a folder") == 2 and "Traceback" not in err
    assert target.read_text() == "not a folder"


@pytest.mark.parametrize("command", [["graph"], ["review"], ["export", "--to", "sqlite"],
                                     ["export", "--to", "parquet"], ["compare", "SAME"]])
def test_commands_on_a_folder_that_is_not_a_run_exit_2(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "just-papers"
    folder.mkdir()
    (folder / "a.txt").write_text(PAPER, encoding="utf-8")
    args = [command[0], str(folder)] + [str(folder) if c == "SAME" else c for c in command[1:]]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not a minutebook run folder" in err and "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_an_html_page_named_pdf_is_read_and_reported_as_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    html = "<!DOCTYPE html><html><body>" + "".join(
        f"<p>{line}</p>" for line in PAPER.split("\n\n")) + "</body></html>"
    (folder / "agenda-item.pdf").write_text(html, encoding="utf-8")
    (folder / "minutes.txt").write_bytes(PAPER.replace("Okafor", "Ok\u00e9for").encode("cp1252"))
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "--workers", "1"]) == 0
    errors = rows(out / "errors.csv")
    by_document = {r["document"]: r for r in errors}
    assert by_document["agenda-item.pdf"]["severity"] == "warning"
    assert by_document["agenda-item.pdf"]["error_type"] == "mislabelled"
    assert "holds HTML" in by_document["agenda-item.pdf"]["message"]
    assert by_document["minutes.txt"]["error_type"] == "encoding"
    assert by_document["minutes.txt"]["severity"] == "warning"
    names = {(r["document"], r["name"]) for r in rows(out / "attendees.csv")}
    assert ("agenda-item.pdf", "Sam Ley") in names and ("minutes.txt", "Sam Ley") in names


def test_a_word_document_named_pdf_is_read_and_a_zip_of_papers_is_not(tmp_path: Path) -> None:
    """A download saved under its link's name ("report.pdf") may be a .docx; a zip of
    papers under the same name is not a paper (minutebook does not unpack archives)."""
    import zipfile

    import docx

    folder = tmp_path / "downloads"
    folder.mkdir()
    word = docx.Document()
    for line in PAPER.split("\n\n"):
        word.add_paragraph(line)
    word.save(str(folder / "report.pdf"))
    with zipfile.ZipFile(folder / "pack.pdf", "w") as archive:
        archive.writestr("minutes.txt", PAPER)
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "--workers", "1"]) == 1
    found = {r["document"]: (r["severity"], r["error_type"], r["message"])
             for r in rows(out / "errors.csv")}
    assert found == {
        "report.pdf": ("warning", "mislabelled", "report.pdf: named .pdf but holds DOCX; "
                                                 "read as docx"),
        "pack.pdf": ("error", "mislabelled", "file named .pdf is a zip package, not a Word "
                                             "document")}
    assert ("report.pdf", "Sam Ley") in {(r["document"], r["name"])
                                         for r in rows(out / "attendees.csv")}


def test_pages_saved_from_a_council_web_site_are_read_by_what_they_hold(tmp_path: Path
                                                                        ) -> None:
    """A mirror of a ModernGov site keeps the names of its links: 'mgAi.aspx?ID=77' is a
    page, 'mgConvert2PDF.aspx?ID=12' a PDF, 'Minutes.pdf?T=9' a PDF, a link without a
    suffix anything. Each is read by its bytes, without a warning; a web name holding
    no paper is skipped as before."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    html = "<!DOCTYPE html><html><body>" + "".join(
        f"<p>{line}</p>" for line in PAPER.split("\n\n")) + "</body></html>"
    for name in ("mgAi.aspx?ID=77", "Minutes", "Minutes.htm?T=9"):  # (not the same bytes)
        (folder / name).write_text(html.replace("</body>", f"<p>{name}</p></body>"),
                                   encoding="utf-8")
    (folder / "LICENSE").write_text("Free to use.\n", encoding="utf-8")
    (folder / "search.php").write_text("no results", encoding="utf-8")
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "--workers", "1"]) == 0
    assert {r["document"]: r["format"] for r in rows(out / "documents.csv")} == {
        "Minutes": "html", "Minutes.htm?T=9": "html", "mgAi.aspx?ID=77": "html"}
    assert {r["document"]: r["message"] for r in rows(out / "errors.csv")} == {
        "LICENSE": "unsupported file type '(none)'",
        "search.php": "unsupported file type '.php'"}


def test_error_rows_carry_a_severity(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(PAPER, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (folder / "budget.xls").write_bytes(b"\xd0\xcf\x11\xe0 a spreadsheet")
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "--workers", "1"]) == 1
    severity = {r["document"]: r["severity"] for r in rows(out / "errors.csv")}
    assert severity == {"broken.pdf": "error", "budget.xls": "skipped"}


def test_changing_formats_re_does_the_files_concerned(papers: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    run_extract([papers], out, RunSettings(workers=0))
    second = run_extract([papers], out, RunSettings(workers=0, formats=("text", "markdown")))
    assert (second.processed, second.reused) == (1, 1)
    assert len(rows(out / "documents.csv")) == 2
    third = run_extract([papers], out, RunSettings(workers=0))
    assert (third.processed, third.reused) == (0, 1)
    assert len(rows(out / "documents.csv")) == 1


@pytest.mark.parametrize(("bad", "says"), [
    ({"workers": -1}, "workers must be a whole number, 0 or more"),
    ({"workers": "2"}, "workers must be a whole number"),
    ({"workers": True}, "workers must be a whole number"),
    ({"timeout": 0}, "timeout must be a positive number of seconds"),
    ({"timeout": "10"}, "timeout must be a positive number of seconds"),
    ({"memory_mb": 0}, "memory_mb must be a whole number of MiB, at least 64"),
    ({"memory_mb": 2.5}, "memory_mb must be a whole number of MiB"),
    ({"formats": ("odt",)}, "unknown format(s) odt"),
    ({"formats": ()}, "unknown format(s) (none)"),
    ({"exclude": ["*.md", 3]}, "exclude must be strings"),
    ({"glob": 3}, "glob must be a pattern"),
    ({"raw_csv": "yes"}, "raw_csv must be True or False"),
    ({"scheduler": "not an address"}, "is not a Dask scheduler address"),
    ({"pdf_engine": "xpdf"}, "pdf_engine must be one of pdfium, pdfplumber, not 'xpdf'"),
])
def test_settings_are_checked_when_made(bad: dict, says: str) -> None:
    with pytest.raises(ValueError) as raised:
        Settings(**bad)
    assert says in str(raised.value)
    with pytest.raises(ValueError):  # a changed copy is checked again
        Settings().with_(**bad)


def test_settings_normalise_and_refuse_unknown_names() -> None:
    settings = Settings(workers=None, exclude="*.md", formats=["PDF", " text "], timeout=5)
    assert settings.workers >= 1 and settings.exclude == ("*.md",)
    assert settings.formats == ("pdf", "text") and settings.timeout == 5.0
    assert RunSettings is Settings
    with pytest.raises(TypeError, match="unknown setting.*wokers"):
        Settings().with_(wokers=2)
    with pytest.raises(TypeError, match="unknown setting"):
        pipeline.extract(".", wokers=2)


class _Captured(Exception):
    """Raised by a stand-in runner to hand back the settings a run was given."""


def _capture(monkeypatch: pytest.MonkeyPatch, module: object) -> list[Settings]:
    seen: list[Settings] = []

    def fake_run(paths: list[Path], out: Path, settings: Settings, **_: object) -> None:
        seen.append(settings)
        raise _Captured

    monkeypatch.setattr(module, "run_extract", fake_run)
    return seen


@pytest.mark.parametrize(("argv", "keywords"), [
    ([], {}),
    (["--workers", "3", "--glob", "*.PDF", "--exclude", "a*", "--exclude", "b*",
      "--formats", "pdf,markdown", "--raw-csv", "--force", "--timeout", "30",
      "--max-memory", "512", "--pdf-engine", "pdfplumber", "--scheduler", "tcp://h:8786"],
     {"workers": 3, "glob": "*.PDF", "exclude": ["a*", "b*"], "formats": ["pdf", "markdown"],
      "raw_csv": True, "force": True, "timeout": 30, "memory_mb": 512,
      "pdf_engine": "pdfplumber", "scheduler": "tcp://h:8786"}),
    (["-j", "0"], {"workers": 0}),
])
def test_cli_and_api_build_equal_settings(papers: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                          keywords: dict) -> None:
    import pipeline.api
    import pipeline.cli

    from_cli = _capture(monkeypatch, pipeline.cli)
    from_api = _capture(monkeypatch, pipeline.api)
    with pytest.raises(_Captured):
        main(["extract", str(papers), "--out", str(tmp_path / "run"), "-q", *argv])
    with pytest.raises(_Captured):
        pipeline.extract(papers, out=tmp_path / "run", **keywords)
    with pytest.raises(_Captured):  # the whole object, or a part of it and the rest as keywords
        pipeline.extract(papers, Settings(**keywords), out=tmp_path / "run")
    assert from_cli[0] == from_api[0] == from_api[1]
    assert isinstance(from_cli[0], pipeline.Settings)


def _pdf_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    shutil.copy(ROOT / "corpus" / "pdf" / "fernley_csp_minutes_2024-03-13.pdf", folder)
    return folder


def test_pdf_engine_setting_reaches_the_reader_in_a_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine travels with each paper to the worker process that reads it: with
    PDFium made to fail (before the workers fork), only a pdfplumber run succeeds."""
    import pipeline.readers.pdf

    def no_pdfium(path: Path) -> None:
        raise RuntimeError("PDFium was used")

    monkeypatch.setattr(pipeline.readers.pdf, "fast_pages", no_pdfium)
    folder = _pdf_folder(tmp_path)
    plumbed = run_extract([folder], tmp_path / "plumber", Settings(workers=2,
                                                                   pdf_engine="pdfplumber"))
    assert (plumbed.failed, plumbed.processed) == (0, 1)
    info = json.loads((tmp_path / "plumber" / "run.json").read_text(encoding="utf-8"))
    assert info["pdf_engine"] == "pdfplumber"
    fast = run_extract([folder], tmp_path / "pdfium", Settings(workers=2))
    assert fast.failed == 1
    assert "PDFium was used" in rows(tmp_path / "pdfium" / "errors.csv")[0]["message"]
    # Switching engine re-reads the PDF instead of reusing the other engine's result.
    again = run_extract([folder], tmp_path / "plumber", Settings(workers=2))
    assert (again.processed, again.failed) == (1, 1)


def test_progress_lines_count_to_the_total_the_summary_gives(
        papers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (papers / "second.txt").write_text(PAPER.replace("4 June", "5 June"), encoding="utf-8")
    (papers / "table.xlsx").write_bytes(b"PK\x03\x04 not a paper")
    out = tmp_path / "run"
    assert main(["extract", str(papers), "--out", str(out), "--workers", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    progress = [line for line in err if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == ["[1/3", "[2/3", "[3/3"]
    assert err[len(progress)].startswith("3 files: 2 papers (0 failed), 1 skipped;")
    (papers / "second.txt").write_text(PAPER.replace("4 June", "6 June"), encoding="utf-8")
    assert main(["extract", str(papers), "--out", str(out), "--workers", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "2 of 3 files unchanged since the last run"
    assert err[1].startswith("[3/3] ok      second.txt")
    assert "2 unchanged since the last run" in err[2]


def test_the_terminal_bar_shows_total_pages_errors_and_is_cleared(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch.task import DocumentResult, error_row

    screen = io.StringIO()
    monkeypatch.setattr("sys.stderr", screen)
    bar = _Bar(mininterval=0)
    bar.start(total=4, reused=1)
    bar.advance(DocumentResult("a.pdf", pages=3))
    failed = DocumentResult("b.pdf")
    failed.errors.append(error_row("b.pdf", "read", "corrupt", "broken"))
    bar.advance(failed)
    drawn = screen.getvalue()
    assert "3/4 files" in drawn and "3 pages read, 1 failed" in drawn
    bar.finish()
    assert screen.getvalue().rsplit("\r", 1)[-1].strip() == ""  # nothing left on screen


def test_lines_progress_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.batch.task import DocumentResult

    lines = _Lines()
    lines.start(total=2, reused=0)
    lines.advance(DocumentResult("x.txt", pages=1))
    assert capsys.readouterr().err == "[1/2] ok      x.txt (1 page)\n"


def test_explicitly_named_files_are_read(papers: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(papers / "licensing.txt", copy)
    assert [i.document for i in walk([copy])] == ["copy.txt"]
    assert [i.document for i in walk([papers / "README.md"])] == []
    assert [i.document for i in walk([papers / "README.md"], formats=("markdown",))] == \
        ["README.md"]
