"""The CSVs' formula escaping: applied only when writing, and exactly reversible."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.export.csv import (
    ESCAPING_FORMULA,
    ESCAPING_NONE,
    escaping_name,
    safe_cell,
    unescape_cell,
    write_csv,
)

FORMULA = re.compile(r"[=+\-@\t\r]")
# text that leans towards the interesting cases: apostrophes before formula starts
TRICKY = st.text(alphabet=st.sampled_from("'=+-@\t\r\n\"a ,"), max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), TRICKY))
@example("'-budget.txt")
@example("''=SUM(A1)")
@example("'")
def test_escaping_round_trips_any_text(text: str) -> None:
    escaped = safe_cell(text)
    assert unescape_cell(escaped) == text
    # what a spreadsheet sees never starts a formula
    assert not FORMULA.match(escaped)
    # a cell is changed only when it (after apostrophes) starts like a formula
    if not re.match(r"'*[=+\-@\t\r]", text):
        assert escaped == text and unescape_cell(text) == text


@pytest.mark.parametrize("cell, written", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-budget.txt", "'-budget.txt"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'=1", "''=1"), ("''-x", "'''-x"),
    ("Jane", "Jane"), ("'quoted'", "'quoted'"), ("", ""), ("a=b", "a=b"), (" =x", " =x"),
])
def test_which_cells_are_escaped(cell: str, written: str) -> None:
    assert safe_cell(cell) == written
    assert unescape_cell(written) == cell


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(), TRICKY), min_size=1, max_size=4))
def test_written_csv_reads_back_unescaped(tmp_path_factory: pytest.TempPathFactory,
                                          cells: list[str]) -> None:
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_csv(path, [{"a": c, "b": c} for c in cells], ("a", "b"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [unescape_cell(r["a"]) for r in rows] == cells
    assert [r["b"] for r in rows] == [safe_cell(c) for c in cells]


def test_ordinary_cells_are_written_byte_for_byte(tmp_path: Path) -> None:
    write_csv(tmp_path / "t.csv", [{"a": "Cllr Jane Smith", "b": "1"}, {"a": "", "b": "x, y"}],
              ("a", "b"))
    assert (tmp_path / "t.csv").read_bytes() == (
        b'\xef\xbb\xbfa,b\r\nCllr Jane Smith,1\r\n,"x, y"\r\n')


def test_escaping_names() -> None:
    assert escaping_name(False) == ESCAPING_FORMULA == "formula-apostrophe"
    assert escaping_name(True) == ESCAPING_NONE == "none"
