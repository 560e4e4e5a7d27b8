"""Bullets: a line opening with any program's bullet glyph is a list item in every reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extractors import extract_document
from pipeline.model import BlockKind, DocumentBuilder
from pipeline.model.bullets import split_bullet
from pipeline.readers import read

# Word's Symbol bullet saved as HTML ('·'), its second level ('o'), a PDF text layer's or
# an RTF's private-use Symbol and Wingdings glyphs, and the shapes other programs draw
GLYPHS = ["\u00b7", "o", "\uf0b7", "\uf0a7", "\uf0d8", "\u27a2", "\u25cb", "\u25aa", "\u2022"]


@pytest.mark.parametrize("glyph", GLYPHS)
@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_attendees_listed_under_any_bullet_are_read(tmp_path: Path, glyph: str, fmt: str
                                                   ) -> None:
    lines = ["Kingsmere Board", "Minutes of the meeting held on 3 May 2024", "Present:",
             f"{glyph}\u00a0\u00a0 Councillor Ann Lee (Chair)", f"{glyph}\u00a0\u00a0 Dr Bo Roe",
             "Apologies:", f"{glyph}\u00a0\u00a0 Councillor Di Fox"]
    path = tmp_path / f"paper.{fmt}"
    if fmt == "txt":  # one list line under another, as a text export writes them
        path.write_text("\n\n".join(lines[:3]) + "\n" + "\n".join(lines[3:5]) + "\n\n"
                        + "\n".join(lines[5:]) + "\n", encoding="utf-8")
    else:
        path.write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in lines)
                        + "</body></html>", encoding="utf-8")
    document = read(path)
    assert [b.kind for b in document.blocks[3:]] == [
        BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM]
    rows = extract_document(document)
    assert [r["name"] for r in rows["attendees"]] == ["Ann Lee", "Bo Roe"]
    assert [r["name"] for r in rows["apologies"]] == ["Di Fox"]


@pytest.mark.parametrize(("text", "found"), [
    ("\uf0b7 Councillor A Lee", ("\u2022", "Councillor A Lee")),
    ("\u00b7\u00a0\u00a0\u00a0 The Board noted", ("\u00b7", "The Board noted")),
    ("o Councillor B Roe", ("\u25e6", "Councillor B Roe")),
    ("o 12 members present", ("\u25e6", "12 members present")),
    ("o and so on", None),  # a letter, not a bullet, before a word in lower case
    ("* denotes a substitute", None),  # a legend: the readers judge these in context
    ("- 5 against", None),
    ("\u2022", None),
    ("\u2022Councillor", None),
    ("Officer present", None),
])
def test_split_bullet(text: str, found: tuple[str, str] | None) -> None:
    assert split_bullet(text) == found


def test_the_builder_makes_a_bulleted_paragraph_a_list_item() -> None:
    builder = DocumentBuilder("p.docx", "docx")
    builder.add(BlockKind.PARAGRAPH, "\uf0a7\tCouncillor A Lee")
    builder.add(BlockKind.PARAGRAPH, "Councillor B Roe")
    builder.add(BlockKind.HEADING, "\u2022 A heading stays a heading")
    blocks = builder.build(pages=1).blocks
    assert [(b.kind, b.marker, b.text) for b in blocks] == [
        (BlockKind.LIST_ITEM, "\u25aa", "Councillor A Lee"),
        (BlockKind.PARAGRAPH, "", "Councillor B Roe"),
        (BlockKind.HEADING, "", "\u2022 A heading stays a heading")]
