"""The Word 97-2003 reader (pipeline.readers.doc) on an invented paper that LibreOffice saved
as .doc (tests/data/word97/), and on damaged copies of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import EncryptedDocument, ReadError
from pipeline.model.document import BlockKind
from pipeline.readers import read
from tests.conftest import read_mutant

PAPER = Path(__file__).parent / "data" / "word97" / "wyre_licensing_minutes.doc"


def test_paragraphs_and_table_rows_of_a_word_97_paper() -> None:
    document = read(PAPER)
    assert document.format == "doc"
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "WYRE VALLEY DISTRICT COUNCIL"),
        (BlockKind.PARAGRAPH, "Minutes of the meeting of the Licensing Panel held on 3 May 2024 "
                              "at 6.30 pm"),
        (BlockKind.PARAGRAPH, "Present:"),
        (BlockKind.TABLE_ROW, "Councillor Ann Bell\tChair"),
        (BlockKind.TABLE_ROW, "Councillor Carl Dee\t"),  # an empty cell, not a row's end
        (BlockKind.TABLE_ROW, "Mr Ed Fox\tLicensing Officer"),
        (BlockKind.PARAGRAPH, "Apologies were received from Councillor Gwen Hale."),
        (BlockKind.PARAGRAPH, "1. Street trading fees"),
        (BlockKind.PARAGRAPH, "RESOLVED: That the fees set out in the report be agreed."),
        (BlockKind.PARAGRAPH, "(Unanimous)"),  # after a line break
        (BlockKind.PARAGRAPH, "The meeting closed at 7.40 pm.")]
    assert {b.table for b in document.blocks if b.kind is BlockKind.TABLE_ROW} == {0}


def test_field_instructions_are_dropped_and_results_kept() -> None:
    from pipeline.readers.doc import _without_field_codes

    text = ("See \x13 HYPERLINK \"http://example.invalid\" \x14the report\x15 of "
            "\x13 DATE \\@ \"d MMMM yyyy\" \x14\x13 NESTED \x14\x153 May 2024\x15.")
    assert _without_field_codes(text) == "See the report of 3 May 2024."


def test_a_locked_or_older_word_file_is_a_clear_error(tmp_path: Path) -> None:
    data = PAPER.read_bytes()
    locked = tmp_path / "locked.doc"
    locked.write_bytes(data[:512] + "EncryptionInfo".encode("utf-16-le") + data[540:])
    with pytest.raises(EncryptedDocument):
        read(locked)
    at = data.index(b"\xec\xa5")  # the FIB's ident; its version follows
    older = tmp_path / "word95.doc"
    older.write_bytes(data[:at + 2] + (0x65).to_bytes(2, "little") + data[at + 4:])
    with pytest.raises(ReadError, match="Word 6/95"):
        read(older)
    cut = tmp_path / "cut.doc"
    cut.write_bytes(data[:3000])
    with pytest.raises(ReadError):
        read(cut)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=40),
       cut=st.floats(0.05, 1.0))
def test_mutated_word_97_files_are_read_or_refused(tmp_path: Path, edits: list[tuple[int, int]],
                                                   cut: float) -> None:
    read_mutant(tmp_path, PAPER.read_bytes(), ".doc", edits, cut)
