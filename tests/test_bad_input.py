"""Bad input is data: one clear errors.csv row per bad file, and the batch goes on."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.batch.walk import walk
from pipeline.cli import main

GOOD = ("HARROW PARTNERSHIP BOARD\n\nMinutes of the meeting held on 13 March 2013\n\n"
        "Present: Councillor Jane Smith (Chair)\n")


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def make_pdf(path: Path, *, encrypt: str | None = None, image_only: bool = False) -> None:
    page = canvas.Canvas(str(path), encrypt=encrypt, invariant=1)
    if image_only:
        from PIL import Image

        picture = Image.new("RGB", (200, 100), "white")
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        buffer.seek(0)
        page.drawImage(ImageReader(buffer), 50, 600, width=400, height=200)
    else:
        page.drawString(72, 720, "Minutes of the meeting held on 1 May 2020")
    page.showPage()
    page.save()


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    make_pdf(folder / "full.pdf")
    data = (folder / "full.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "full.pdf").unlink()
    make_pdf(folder / "locked.pdf", encrypt="secret")
    make_pdf(folder / "scanned.pdf", image_only=True)
    (folder / "fake.docx").write_bytes(b"this is not a word document")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    return folder


EXPECTED = {
    "empty.pdf": "empty",
    "corrupt.pdf": "unreadable",
    "truncated.pdf": "unreadable",
    "locked.pdf": "encrypted",
    "scanned.pdf": "no_text_layer",
    "fake.docx": "not_docx",
    "binary.txt": "not_text",
    "sheet.xls": "skipped",
    "gone.txt": "unreadable",
}


def test_each_bad_file_gives_one_error_row_and_the_run_goes_on(bad_folder: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "run"
    status = main(["extract", str(bad_folder), "--out", str(out), "--workers", "1", "--quiet"])
    assert status == 1  # some documents failed
    errors = {row["document"]: row for row in rows(out / "errors.csv")}
    assert {name: errors[name]["error_type"] for name in EXPECTED} == EXPECTED
    assert all(row["message"] and "Traceback" not in row["message"] for row in errors.values())
    assert "OCR" in errors["scanned.pdf"]["message"]
    documents = rows(out / "documents.csv")
    assert [d["document"] for d in documents] == ["good.txt"]
    assert documents[0]["kind"] == "minutes" and documents[0]["date"] == "2013-03-13"
    run = json.loads((out / "run.json").read_text())
    assert run["failed"] == len(EXPECTED) - 1 and run["skipped"] == 1


def test_a_clean_run_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(tmp_path / "good.txt"), "--out", str(tmp_path / "o"), "-q"]) == 0
    assert not [r for r in rows(tmp_path / "o" / "errors.csv")]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "paper.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b" / "loop").symlink_to(folder)
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "-j", "1"]) == 0
    assert [d["document"] for d in rows(out / "documents.csv")] == ["b/paper.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                    reason="named pipes and /dev/zero are POSIX")
def test_pipes_and_devices_are_skipped_not_read(tmp_path: Path) -> None:
    """A named pipe would block the run for ever and /dev/zero never ends: whatever their
    names say, they are listed as skipped, and the papers beside them are read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.doc")  # a .doc's first bytes are looked at: not these
    (folder / "zero.pdf").symlink_to("/dev/zero")
    # first the walk alone, so that a regression fails here rather than hang the run below
    assert [(i.document, i.supported) for i in walk([folder])] == [
        ("good.txt", True), ("pipe.doc", False), ("pipe.txt", False), ("zero.pdf", False)]
    out = tmp_path / "run"
    assert main(["extract", str(folder), "--out", str(out), "-q", "-j", "1"]) == 0
    assert [d["document"] for d in rows(out / "documents.csv")] == ["good.txt"]
    skipped = {r["document"]: r["message"] for r in rows(out / "errors.csv")}
    assert skipped == {"pipe.doc": "a named pipe, not a file: not read",
                       "pipe.txt": "a named pipe, not a file: not read",
                       "zero.pdf": "a character device, not a file: not read"}
    assert main(["extract", str(folder / "pipe.txt"), "--out", str(tmp_path / "one"),
                 "-q"]) == 2  # named alone: no paper to read, a usage error, no hang


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("=HYPERLINK(\"x\")\n\nMinutes of the Board\n",
                                    encoding="utf-8")
    out = tmp_path / "run"
    main(["extract", str(tmp_path), "--out", str(out), "-q"])
    from pipeline.export.csv import safe_cell

    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM") == "'@SUM"
    assert safe_cell("Jane") == "Jane"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2


def test_inspect_shows_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.txt").write_text(GOOD, encoding="utf-8")
    assert main(["inspect", str(tmp_path / "p.txt")]) == 0
    shown = capsys.readouterr().out
    assert "heading" in shown and "Minutes of the meeting" in shown


def test_an_unwritable_output_folder_is_one_line_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    status = main(["extract", str(tmp_path / "good.txt"), "--out", str(blocker / "run"), "-q"])
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("minutebook: error:") and "Traceback" not in err


def test_word_files_under_other_names_are_read_or_named_for_what_they_are(
        tmp_path: Path) -> None:
    # Word saves RTF and .docx under a .doc name, a Word 97 file may be named .docx, and a
    # password locks a .docx into a Compound File: each is read as what it holds, or given
    # the error that says what it is.
    import docx

    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "saved_as.doc").write_bytes(
        b"{\\rtf1\\ansi \\pard Minutes of the meeting held on 1 May 2020\\par "
        b"\\pard Present: Councillor Jane Smith (Chair)\\par}")
    document = docx.Document()
    for line in GOOD.split("\n\n"):
        document.add_paragraph(line.strip())
    document.save(str(papers / "word.doc"))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (papers / "locked.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le"))
    (papers / "damaged.doc").write_bytes(ole + b"WordDocument")
    word97 = Path(__file__).parent / "data" / "word97" / "wyre_licensing_minutes.doc"
    (papers / "word97.docx").write_bytes(word97.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(papers), "--out", str(out), "-q"]) == 1
    formats = {r["document"]: r["format"] for r in rows(out / "documents.csv")}
    assert formats == {"saved_as.doc": "rtf", "word.doc": "docx", "word97.docx": "doc"}
    errors = {(r["document"], r["error_type"]) for r in rows(out / "errors.csv")}
    assert errors == {("saved_as.doc", "mislabelled"), ("word.doc", "mislabelled"),
                      ("locked.docx", "encrypted"),
                      ("damaged.doc", "corrupt"), ("word97.docx", "mislabelled")}
