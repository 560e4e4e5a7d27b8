"""The DOCX reader reads a package's document, styles and numbering parts as python-docx
finds them, and gives the blocks python-docx's whole-package opening gives; a package of
another shape is opened by python-docx itself."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest

import pipeline.readers.docx as reader
from pipeline.readers.docx_package import parse_styles, read_parts

ROOT = Path(__file__).resolve().parents[1]


def _blocks(path: Path) -> list[tuple]:
    document = reader.read_docx(path, path.name)
    return [(b.kind, b.text, b.level, b.marker, b.cells, b.page, b.bold, b.table, b.start,
             b.end) for b in document.blocks]


def _whole_package(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setattr(reader, "read_parts", lambda package: None)
        return _blocks(path)


def _paper(tmp_path: Path, name: str = "m.docx") -> Path:
    word = docx.Document()
    word.add_heading("Minutes", level=1)
    word.add_paragraph("First point", style="List Number")
    word.add_paragraph("Second point", style="List Number")
    bold = word.add_paragraph().add_run("RESOLVED")
    bold.bold = True
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Apologies"
    path = tmp_path / name
    word.save(path)
    return path


def _rewrite(source: Path, target: Path, drop: str = "",
             replace: tuple[str, str, str] = ("", "", "")) -> Path:
    """A copy of a package without one member, or with a string replaced in one member."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == drop:
                continue
            data = old.read(info.filename)
            if info.filename == replace[0]:
                data = data.replace(replace[1].encode(), replace[2].encode())
            new.writestr(info, data)
    return target


def test_the_parts_are_python_docxs(tmp_path: Path) -> None:
    path = _paper(tmp_path)
    with zipfile.ZipFile(path) as package:
        parts = read_parts(package)
    whole = docx.Document(str(path))
    assert parts is not None
    assert parts.document.xml == whole.element.xml
    assert parse_styles(parts.styles_xml).xml == whole.styles.element.xml
    assert parts.numbering is not None
    assert parts.numbering.xml == whole.part.numbering_part.element.xml


def test_blocks_are_those_of_the_whole_package(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    papers = [_paper(tmp_path), *sorted((ROOT / "corpus" / "docx").glob("*.docx"))]
    for path in papers:
        assert _blocks(path) == _whole_package(monkeypatch, path), path


@pytest.mark.parametrize("change", [
    {"drop": "word/numbering.xml"},  # no numbering part: python-docx makes an empty one
    {"replace": ("word/_rels/document.xml.rels", "styles.xml", "missing.xml")},
    {"replace": ("[Content_Types].xml", "document.main+xml", "template.main+xml")},
])
def test_other_shapes_read_as_python_docx_reads_them(tmp_path: Path, change: dict,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _rewrite(_paper(tmp_path, "source.docx"), tmp_path / "changed.docx", **change)
    try:
        expected: object = _whole_package(monkeypatch, path)
    except Exception as error:  # noqa: BLE001 - the same refusal is expected
        expected = (type(error), str(error))
    try:
        found: object = _blocks(path)
    except Exception as error:  # noqa: BLE001
        found = (type(error), str(error))
    assert found == expected


def test_papers_of_one_template_read_its_styles_once(tmp_path: Path) -> None:
    first = _paper(tmp_path)
    second = shutil.copy(first, tmp_path / "again.docx")
    reader._Styles.of_xml.cache_clear()
    _blocks(first)
    _blocks(Path(second))
    info = reader._Styles.of_xml.cache_info()
    assert (info.misses, info.hits) == (1, 1)
