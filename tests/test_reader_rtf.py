"""The RTF reader (pipeline.readers.rtf) on invented papers written the way Word and
LibreOffice write RTF."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import EmptyDocument, ReadError
from pipeline.model.document import BlockKind
from pipeline.readers import read
from tests.conftest import read_mutant

PAPER = r"""{\rtf1\ansi\ansicpg1252\deff0\uc1
{\fonttbl{\f0\froman Times New Roman;}{\f1\fswiss Arial;}}
{\colortbl;\red0\green0\blue0;}
{\stylesheet{\ql Normal;}{\s1\ql\b heading 1;}{\s2\ql\b heading 2;}{\s15 Title;}
{\*\cs10 \additive Default Paragraph Font;}}
{\info{\title Draft}{\author Clerk}}
{\header \pard\plain Fernley Borough Council - page header\par}
{\footer \pard\plain Page 1\par}
\pard\plain\s15 FERNLEY BOROUGH COUNCIL\par
\pard\plain Minutes of the {\b Licensing Panel} held on 3 May 2024 at Caf\'e9 Rooms\par
\pard\plain\s2 Present:\par
\trowd\cellx3000\cellx6000
\pard\plain\intbl Councillor Ann Bell\cell (Chair)\cell\row
\trowd\cellx3000\cellx6000
\pard\plain\intbl Councillor Carl Dee\cell Fernley\par Ward\cell\row
\pard\plain\s1 1.\tab Apologies\par
\pard\plain{\listtext\pard\plain \u61623\'3f\tab}\ls1\ilvl0 Councillor Eve Fox\par
\pard\plain{\listtext\pard\plain (a)\tab}\ls2\ilvl1 Councillor Gwen Hale\par
\pard\plain {\*\bkmkstart item2}{\*\bkmkend item2}{\*\unknowndest secret}2. Fees\par
\pard\plain {\field{\*\fldinst HYPERLINK "http://example.invalid"}{\fldrslt The report}}
 was noted \endash{} RESOLVED: that the fees be agreed.\par
\pard\plain {\pict\wmetafile8 0102030405}\page
\pard\plain {\b Chair\u8217's signature}\par
}"""


def write(tmp_path: Path, text: str, name: str = "paper.rtf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    return path


def test_blocks_of_an_rtf_paper(tmp_path: Path) -> None:
    document = read(write(tmp_path, PAPER))
    got = [(b.kind, b.text, b.level, b.marker, b.page, b.bold) for b in document.blocks]
    assert got == [
        (BlockKind.HEADING, "FERNLEY BOROUGH COUNCIL", 1, "", 1, False),
        (BlockKind.PARAGRAPH, "Minutes of the Licensing Panel held on 3 May 2024 at Café Rooms",
         0, "", 1, False),
        (BlockKind.HEADING, "Present:", 2, "", 1, False),
        (BlockKind.TABLE_ROW, "Councillor Ann Bell\t(Chair)", 0, "", 1, False),
        (BlockKind.TABLE_ROW, "Councillor Carl Dee\tFernley Ward", 0, "", 1, False),
        (BlockKind.HEADING, "1. Apologies", 1, "", 1, False),
        (BlockKind.LIST_ITEM, "Councillor Eve Fox", 1, "\u2022", 1, False),
        (BlockKind.LIST_ITEM, "(a) Councillor Gwen Hale", 2, "(a)", 1, False),
        (BlockKind.PARAGRAPH, "2. Fees", 0, "", 1, False),
        (BlockKind.PARAGRAPH, "The report was noted \u2013 RESOLVED: that the fees be agreed.",
         0, "", 1, False),
        (BlockKind.PARAGRAPH, "Chair\u2019s signature", 0, "", 2, True)]
    assert document.format == "rtf" and document.pages == 2
    assert {b.table for b in document.blocks if b.kind is BlockKind.TABLE_ROW} == {0}
    assert "header" not in document.text and "secret" not in document.text


def test_the_bytes_decide_an_rtf_paper(tmp_path: Path) -> None:
    document = read(write(tmp_path, PAPER, "minutes.txt"))  # an RTF saved as .txt
    assert document.format == "rtf"
    assert any("holds RTF" in warning for warning in document.warnings)


@pytest.mark.parametrize(("text", "error"), [
    ("", EmptyDocument),
    (r"{\rtf1\ansi {\fonttbl{\f0 Arial;}}}", EmptyDocument),
    ("{\\rtf1 " + "{" * 5000 + "deep" + "}" * 5000 + "}", ReadError),
])
def test_bad_rtf_is_a_clear_error(tmp_path: Path, text: str, error: type) -> None:
    with pytest.raises(error):
        read(write(tmp_path, text))


def test_unbalanced_and_cut_rtf_reads_what_is_there(tmp_path: Path) -> None:
    cut = PAPER[:PAPER.index("RESOLVED")]  # a download cut short, braces left open
    texts = [b.text for b in read(write(tmp_path, cut + "}}}}}")).blocks]
    assert texts[0] == "FERNLEY BOROUGH COUNCIL" and texts[-1].startswith("The report was")


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=40),
       cut=st.floats(0.05, 1.0))
def test_mutated_rtf_is_read_or_refused(tmp_path: Path, edits: list[tuple[int, int]],
                                        cut: float) -> None:
    read_mutant(tmp_path, PAPER.encode("latin-1"), ".rtf", edits, cut)


def test_raw_binary_data_is_skipped_whatever_bytes_it_holds(tmp_path: Path) -> None:
    blob = b"{\\}}{{\\par junk"
    data = (b"{\\rtf1\\ansi {\\pict\\wmetafile8\\bin" + str(len(blob)).encode() + b" " + blob +
            b"}\\pard\\plain Minutes of the meeting\\par}")
    path = tmp_path / "bin.rtf"
    path.write_bytes(data)
    assert [b.text for b in read(path).blocks] == ["Minutes of the meeting"]
