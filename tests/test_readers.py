"""Readers: the same words from every rendering, tables as whole rows, furniture out."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.model import BlockKind, Document
from pipeline.readers import read
from pipeline.readers.text import parse_text
from tests.conftest import SHARED, bag_f1, shared_or_skip, words

SHARED_PAPERS = sorted(p.stem for p in (SHARED / "corpus").glob("*.txt")) if SHARED.exists() \
    else []


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
@pytest.mark.parametrize("stem", SHARED_PAPERS or ["(none)"])
def test_renderings_give_the_words_of_the_text(stem: str, fmt: str) -> None:
    folder = shared_or_skip("corpus")
    reference = words((folder / f"{stem}.txt").read_text(encoding="utf-8"))
    document = read(folder / fmt / f"{stem}.{fmt}")
    assert bag_f1(reference, words(document.text)) >= 0.98


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_wrapped_table_cells_come_out_whole(fmt: str) -> None:
    folder = shared_or_skip("corpus", fmt)
    document = read(next(folder.glob(f"004_*.{fmt}")))
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    claydon = [r for r in rows if "Claydon" in r.text]
    assert len(claydon) == 1
    assert claydon[0].cells[0] == "Borough Commander Richard Claydon"
    assert "London Fire and Emergency Planning Authority" in claydon[0].cells


def test_text_reader_blocks() -> None:
    text = ("# Minutes\n\nHARROW PARTNERSHIP BOARD\n\n**Present:**\n"
            "Name\tRole\nJane Smith\tChair\n\n- first point\n* second point\n"
            "A sentence that wraps\nonto the next line.\n")
    doc = parse_text(text, "t.txt")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Minutes")
    assert kinds[1] == (BlockKind.HEADING, "HARROW PARTNERSHIP BOARD")
    assert kinds[2] == (BlockKind.PARAGRAPH, "Present:")
    assert doc.blocks[2].bold
    assert doc.blocks[4].cells == ("Jane Smith", "Chair")
    assert doc.blocks[3].table == doc.blocks[4].table
    assert [b.marker for b in doc.blocks[5:7]] == ["-", "*"]
    assert kinds[7] == (BlockKind.PARAGRAPH, "A sentence that wraps onto the next line.")


def test_spans_index_the_document_text() -> None:
    doc = parse_text("Title\n\nOne\tTwo\n\n- item\n", "t.txt")
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_document_json_round_trip() -> None:
    doc = parse_text("Heading\n\nA\tB\n- x\n", "t.txt")
    again = Document.from_json(doc.to_json())
    assert again.text == doc.text
    assert [b.to_dict() for b in again.blocks] == [b.to_dict() for b in doc.blocks]


def test_text_falls_back_to_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 minutes \u2013 held on 1 May 2020".encode("cp1252"))
    doc = read(path)
    assert "Caf\u00e9" in doc.text and "\u2013" in doc.text
    assert any("cp1252" in w for w in doc.warnings)


def test_html_drops_furniture_and_splits_on_br(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<div id='mgHeader'><a href='/'>Home</a> Menu</div>"
        "<div id='modgov'><div class='mgContent'><h2>Present</h2>"
        "<p>Councillor A<br>Councillor B</p><ul><li>one</li></ul>"
        "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ann</td><td>Chair</td></tr></table>"
        "<script>var x = 1;</script></div></div><div id='mgFooter'>Copyright</div>"
        "</body></html>", encoding="utf-8")
    doc = read(page)
    texts = [b.text for b in doc.blocks]
    assert texts == ["Present", "Councillor A", "Councillor B", "one", "Name\tRole", "Ann\tChair"]
    assert doc.blocks[0].kind is BlockKind.HEADING and doc.blocks[0].level == 2


def test_docx_styles_lists_tables_and_no_header(tmp_path: Path) -> None:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "Running header"
    word.add_heading("Minutes", level=1)
    word.add_paragraph("First point", style="List Bullet")
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Role and organisation"
    table.cell(1, 0).text = "Ann"
    table.cell(1, 1).text = "Chair"
    table.cell(1, 2).text = "Council"
    word.add_paragraph("After the table.")
    path = tmp_path / "m.docx"
    word.save(path)
    doc = read(path)
    assert "Running header" not in doc.text
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[1].kind is BlockKind.LIST_ITEM
    assert doc.blocks[2].cells == ("Name", "Role and organisation")
    assert doc.blocks[3].cells == ("Ann", "Chair", "Council")
    assert doc.blocks[4].text == "After the table."


def test_html_page_breaks_start_new_pages(tmp_path: Path) -> None:
    page = ('<html><body><p>Cover sheet</p>'
            '<br style="page-break-before:always"><p>Minutes, first page</p>'
            '<div style="margin:0; break-before: page"><p>Report</p></div>'
            '<div style="page-break-after: always"><p>Appendix</p></div><p>Back page</p>'
            '<p style="page-break-before: auto">Same page</p></body></html>')
    path = tmp_path / "pack.html"
    path.write_text(page, encoding="utf-8")
    document = read(path)
    assert [(b.text, b.page) for b in document.blocks] == [
        ("Cover sheet", 1), ("Minutes, first page", 2), ("Report", 3), ("Appendix", 3),
        ("Back page", 4), ("Same page", 4)]
    assert document.pages == 4


def test_html_paragraphs_in_one_cell_keep_a_space_between_them(tmp_path: Path) -> None:
    # a ModernGov attendance table puts each member in a <p> of the same cell
    page = tmp_path / "cell.html"
    page.write_text(
        "<html><body><table><tr><td>Present:</td><td><p>Councillor Ann Bell (Chair)</p>"
        "<p>Councillor Tom Reed</p><div>Councillor Sam Orr</div></td></tr></table>"
        "</body></html>", encoding="utf-8")
    row = read(page).blocks[0]
    assert row.cells[1] == "Councillor Ann Bell (Chair) Councillor Tom Reed Councillor Sam Orr"


def _wrap(element, tag: str):
    """Put `element`'s content (a paragraph's runs, or a body paragraph) inside w:TAG."""
    from docx.oxml import OxmlElement

    holder = OxmlElement(f"w:{tag}")
    element.addprevious(holder)
    holder.append(element)
    return holder


def test_docx_text_in_smart_tags_insertions_and_content_controls(tmp_path: Path) -> None:
    # Word shows this text, though python-docx's paragraph.text and iter_inner_content do not
    # read it: smart tags (Word 2003-2007 marked names and places), tracked insertions,
    # content controls (template boxes), simple fields; deleted text is not shown.
    from docx.oxml import OxmlElement

    document = docx.Document()
    present = document.add_paragraph("Present: Councillors ")
    tagged = present.add_run("Ann Bell")
    _wrap(tagged._r, "smartTag")
    present.add_run(" and ")
    inserted = present.add_run("Carl Dee")
    _wrap(inserted._r, "ins")
    removed = present.add_run(" and Eve Fox")
    text = removed._r.find(docx.oxml.ns.qn("w:t"))
    text.tag = docx.oxml.ns.qn("w:delText")
    _wrap(removed._r, "del")
    title = document.add_paragraph("Minutes of the Licensing Panel")
    content = _wrap(_wrap(title._p, "sdtContent"), "sdt")
    assert content.getparent() is document.element.body
    dated = document.add_paragraph("Held on ")
    field = OxmlElement("w:fldSimple")
    field.set(docx.oxml.ns.qn("w:instr"), "DATE")
    dated._p.append(field)
    field.append(dated.add_run("3 May 2024")._r)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Chair"
    _wrap(_wrap(table.cell(0, 1).add_paragraph("Gwen Hale")._p, "sdtContent"), "sdt")
    path = tmp_path / "controls.docx"
    document.save(str(path))
    blocks = read(path).blocks
    assert [b.text for b in blocks[:3]] == ["Present: Councillors Ann Bell and Carl Dee",
                                            "Minutes of the Licensing Panel",
                                            "Held on 3 May 2024"]
    assert tuple(blocks[3].cells) == ("Chair", "Gwen Hale")


def test_html_layout_tables_are_read_as_the_blocks_they_hold(tmp_path: Path) -> None:
    # An old council site lays the page out in a table, and ModernGov minutes put each item
    # in a row: its number in one cell, its title and minute in the next. Neither is data:
    # a cell holding a heading or a table is read block by block, the number leading the
    # title; a plain attendance table stays rows.
    page = tmp_path / "minutes.html"
    page.write_text(
        "<html><body><table><tr><td><p>Site links</p></td><td>"
        "<h1>Licensing Panel - 3 May 2024</h1>"
        "<table><tr><th>Member</th><th>Role</th></tr><tr><td>Cllr Ann Bell</td>"
        "<td>Chair</td></tr></table>"
        "<table class='mgItemTable'><tr><td>14.</td><td><h3>Apologies for absence</h3>"
        "<p>Apologies were received from Councillor Carl Dee.</p></td></tr>"
        "<tr><td>15.</td><td><h3>Street trading fees</h3><p>RESOLVED: That the fees be "
        "agreed.</p><p>The vote was unanimous.</p></td></tr></table>"
        "</td></tr></table></body></html>", encoding="utf-8")
    blocks = read(page).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Site links"),
        (BlockKind.HEADING, "Licensing Panel - 3 May 2024"),
        (BlockKind.TABLE_ROW, "Member\tRole"), (BlockKind.TABLE_ROW, "Cllr Ann Bell\tChair"),
        (BlockKind.HEADING, "14. Apologies for absence"),
        (BlockKind.PARAGRAPH, "Apologies were received from Councillor Carl Dee."),
        (BlockKind.HEADING, "15. Street trading fees"),
        (BlockKind.PARAGRAPH, "RESOLVED: That the fees be agreed."),
        (BlockKind.PARAGRAPH, "The vote was unanimous.")]


def test_html_item_rows_of_prose_are_read_as_blocks(tmp_path: Path) -> None:
    # ModernGov's item table with the title as a paragraph (no heading): prose in a cell
    # makes it a layout; a cell of short lines ("<p>Cllr A</p><p>Cllr B</p>") stays data.
    minute = ("The Panel considered the report of the Licensing Manager on the fees for "
              "street trading consents, which had not changed since 2019, and the costs of "
              "enforcement that the fees are meant to recover in full.")
    page = tmp_path / "items.html"
    page.write_text(
        "<html><body><table><tr><td>Present</td><td><p>Cllr Ann Bell</p><p>Cllr Carl Dee</p>"
        "</td></tr></table><table><tr><td>15.</td><td><p class='mgSubItemTitleTxt'>Street "
        f"trading fees</p><p>{minute}</p><p>RESOLVED: That the fees be agreed.</p></td></tr>"
        "</table></body></html>", encoding="utf-8")
    texts = [b.text for b in read(page).blocks]
    assert texts == ["Present\tCllr Ann Bell Cllr Carl Dee", "15. Street trading fees", minute,
                     "RESOLVED: That the fees be agreed."]


PAGE = ("<html><head>{meta}</head><body><h1>Kingsmere Board</h1>"
        "<p>Present: Councillor Si\u00e2n O\u2019Brien \u2013 Chair, \u00a35</p></body></html>")
WORDS = "Present: Councillor Si\u00e2n O\u2019Brien \u2013 Chair, \u00a35"


@pytest.mark.parametrize(("meta", "encoding", "warned"), [
    ("", "utf-8", ""),  # a page saved from the web: its charset was in the server's header
    ('<meta charset="utf-8">', "utf-8", ""),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252",
     ""),  # Word's "Save as Web Page": read as windows-1252, as browsers read it
    ('<meta charset="windows-1252">', "cp1252", ""),
    ("", "cp1252", "not valid UTF-8 and declares no charset"),
    ('<meta charset="utf-8">', "cp1252", "declares utf-8 but is not"),
])
def test_html_pages_are_read_in_the_encoding_they_are_in(tmp_path: Path, meta: str,
                                                         encoding: str, warned: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta=meta).encode(encoding))
    document = read(path)
    assert document.blocks[1].text == WORDS
    assert [w for w in document.warnings if w.startswith("encoding")] == (
        [f"encoding: page.html: {warned}; decoded as cp1252"] if warned else [])


def test_a_utf8_page_with_a_stray_byte_keeps_the_rest_of_its_letters(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta="").encode("utf-8").replace(b"</h1>", b"\xe9</h1>"))
    document = read(path)
    assert [b.text for b in document.blocks] == ["Kingsmere Board\ufffd", WORDS]
    assert document.warnings == ["encoding: page.html: 1 byte(s) that are not UTF-8 replaced"]


LIGATURES = ("Present: Councillor Ann Gri\ufb03ths (Chair), Dr Bo Roe (Chief O\ufb03cer), "
             "Coun\u00adcillor Cy Du\ufb00y\u200b and\u00a0Dee Fle\ufb01eld")


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
def test_ligatures_are_spelt_out_and_invisible_marks_dropped(tmp_path: Path, fmt: str) -> None:
    """A typesetter's 'ﬃ' is one character in many PDFs' text layers: 'Griﬃths' matched
    no 'Griffiths'; a soft hyphen split 'Councillor' in two."""
    path = tmp_path / f"paper.{'txt' if fmt == 'text' else fmt}"
    if fmt == "text":
        path.write_text(f"Kingsmere Board\n\n{LIGATURES}\n", encoding="utf-8")
    elif fmt == "html":
        path.write_text(f"<html><body><h1>Kingsmere Board</h1><p>{LIGATURES}</p></body>"
                        "</html>", encoding="utf-8")
    else:
        paper = docx.Document()
        paper.add_paragraph("Kingsmere Board")
        paper.add_paragraph(LIGATURES)
        paper.save(str(path))
    assert read(path).blocks[1].text == (
        "Present: Councillor Ann Griffiths (Chair), Dr Bo Roe (Chief Officer), Councillor Cy "
        "Duffy and Dee Flefield")


def test_an_action_columns_initials_do_not_run_the_next_heading_on() -> None:
    from pipeline.readers.text import parse_text

    filler = "The Board discussed the terms of reference of the committees at some length"
    lines = [f"{filler} {n}." for n in range(24)]
    text = "\n".join([*lines, "The Board APPROVED the revised Terms of Reference for the"
                      " Committee.                      SL", "ICB/2526/118: Estates Strategy",
                      "KB presented the strategy.", *lines]) + "\n"
    blocks = [b.text for b in parse_text(text, "icb.txt").blocks]
    assert "ICB/2526/118: Estates Strategy" in blocks
