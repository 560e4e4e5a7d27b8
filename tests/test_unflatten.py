"""A paper flattened into one paragraph is cut back into its lines (`readers/unflatten.py`)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import extract_document
from pipeline.readers import read
from pipeline.readers.text import parse_text
from pipeline.readers.unflatten import unflatten

FLAT = (
    "Wexcombe Levels Drainage Board Minutes of the meeting of the Board held at the Pump House, "
    "Sluice Road on Tuesday 3 March 2026 at 10.00am Present Mr H Trevail (Chairman) Cllr B "
    "Osei Mrs G Penrose Mr W Ladd In Attendance Ms R Quance (Clerk) 1. Apologies for absence "
    "Apologies were received from Cllr N Vosper. 2. Declarations of interest There were none. "
    "3. Minutes of the previous meeting RESOLVED that the minutes of the meeting held on 2 "
    "December 2025 be approved. 4. Questions from Members The Chairman answered a question on "
    "the weed cutting programme, which will start in June as in earlier years and run until "
    "the end of September if the weather allows. 5. Budget The Clerk presented the budget for "
    "the coming year and explained the rise in the cost of electricity at the pumping "
    "stations. RESOLVED that the budget be approved. 6. Date of next meeting The next meeting "
    "will be held on 9 June 2026 at the Pump House. The meeting closed at 11.40am.")


def _document(text: str = FLAT):
    return unflatten(parse_text(text + "\n", "flat.txt"))


def test_cut_at_labels_item_numbers_titles_and_decisions() -> None:
    lines = [block.text for block in _document().blocks]
    assert lines[:4] == [
        "Wexcombe Levels Drainage Board",
        "Minutes of the meeting of the Board held at the Pump House, Sluice Road on Tuesday 3 "
        "March 2026 at 10.00am",
        "Present Mr H Trevail (Chairman) Cllr B Osei Mrs G Penrose Mr W Ladd",
        "In Attendance Ms R Quance (Clerk)"]
    assert "1. Apologies for absence" in lines
    assert "Apologies were received from Cllr N Vosper." in lines
    assert "3. Minutes of the previous meeting" in lines
    assert "RESOLVED that the budget be approved." in lines
    # a title's own capitalised word ('from Members') does not end it
    assert "4. Questions from Members" in lines


def test_pieces_are_spans_of_the_text() -> None:
    document = _document()
    assert len(document.text) == len(FLAT)
    for block in document.blocks:
        assert document.text[block.start:block.end] == block.text


def test_a_flattened_paper_gives_its_rows() -> None:
    rows = extract_document(_document())
    assert rows["documents"][0]["kind"] == "minutes"
    assert rows["documents"][0]["date"] == "2026-03-03"
    assert [r["name"] for r in rows["attendees"]] == [
        "H Trevail", "B Osei", "G Penrose", "W Ladd", "R Quance"]
    assert [r["name"] for r in rows["apologies"]] == ["N Vosper"]
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Apologies for absence"), ("2", "Declarations of interest"),
        ("3", "Minutes of the previous meeting"), ("4", "Questions from Members"),
        ("5", "Budget"), ("6", "Date of next meeting")]
    assert [(r["item"], r["text"]) for r in rows["decisions"]] == [
        ("3", "that the minutes of the meeting held on 2 December 2025 be approved."),
        ("5", "that the budget be approved.")]


def test_minute_numbers_without_a_full_stop() -> None:
    text = ("Cabinet Minutes of a meeting of the Cabinet held on Wednesday, 14 January 2026 at "
            "10.00 am Present Councillor Ann Hale (Chair) Councillors Bo Frith and Cy Dent "
            "72 Apologies for Absence Apologies were received from Councillor Di Moss. "
            "73 Disclosable Interests None were declared. 74 Minutes RESOLVED: That the minutes "
            "of the meeting held on 10 December 2025 be approved as a correct record. "
            + "75 Highways Contract The Portfolio Holder presented the report at length. " * 8)
    lines = [block.text for block in _document(text).blocks]
    assert "72 Apologies for Absence" in lines
    assert "74 Minutes" in lines


def test_dates_counting_up_are_no_item_numbers() -> None:
    # '12 February', '13 November', '14 May' count up; a month after a number is a date
    text = ("The Board met on 12 February and again on 13 November, and it will meet on 14 May "
            "to consider the matters that the review raised. " * 12)
    document = _document(text)
    assert len(document.blocks) == 1


def test_a_long_report_paragraph_stays_whole() -> None:
    text = ("The report sets out the progress made against the priorities of the strategy. "
            "In 2024 the service saw 1,200 referrals, 3. more than the year before. " * 15)
    document = _document(text)
    assert [block.text for block in document.blocks] == [" ".join(text.split())]


def test_read_unflattens_every_format(tmp_path: Path) -> None:
    path = tmp_path / "flat.txt"
    path.write_text(FLAT + "\n", encoding="utf-8")
    assert len(read(path).blocks) > 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "1.", "2.", "3.", "4.", "12", "13", "Present", "Apologies", "In Attendance", "RESOLVED",
    "Mr", "Cllr", "A", "Smith", "The", "the", "minutes", "were", "approved.", "Minutes of the",
    "of", "May", "Budget", ":", "(Chair)"]), min_size=150, max_size=400))
def test_any_cut_keeps_every_offset(words: list[str]) -> None:
    text = " ".join(words)
    document = _document(text)
    joined = " ".join(" ".join(text.split()).split())
    assert document.text.replace("\n", " ") == joined
    previous = -1
    for block in document.blocks:
        assert document.text[block.start:block.end] == block.text
        assert block.start > previous
        previous = block.start


def test_a_run_of_numbers_goes_on_across_pages() -> None:
    # a mirror that keeps each PDF page as one line: two items a page, the run spans both
    filler = "The Clerk reported on the matter and members discussed it at some length. " * 5
    page_one = (f"Present Mr A Bell (Chair) Mrs C Dean 1. Apologies for absence {filler} "
                f"2. Minutes of the last meeting {filler}")
    page_two = f"3. Finance report {filler} 4. Any other business {filler}"
    document = _document(page_one + "\n\n" + page_two)
    lines = [block.text for block in document.blocks]
    assert {"1. Apologies for absence", "2. Minutes of the last meeting",
            "3. Finance report", "4. Any other business"} <= set(lines)
    assert {block.page for block in document.blocks} == {1}


def test_headings_glued_before_numbered_paragraphs_and_page_footers() -> None:
    filler = "The Board discussed the matter at some length and asked questions. " * 3
    text = (f"Present: Ann Bell (Convener) Carl Dean 1. The Convener welcomed members. {filler}"
            f"Minutes of Last Meeting 2. Agreed, subject to one change. {filler}"
            f"Page 1 of 3 Park Plan (Paper 1) 3. Members asked about the cost. {filler}"
            "Members asked about the cost 4. The Board noted the paper.")
    lines = [block.text for block in _document(text).blocks]
    assert "Minutes of Last Meeting" in lines
    assert "Page 1 of 3" in lines and "Park Plan (Paper 1)" in lines
    # a sentence's start left before a number is no heading
    assert "Members asked about the cost" not in lines


def test_a_word_files_path_in_the_footer_is_a_line_of_its_own() -> None:
    filler = "The Board discussed the matter at some length and asked questions. " * 4
    text = (r"Apologies: Ann Bell Carl Dean BOARD\Minutes\2026\Board minutes 6 May 2026.docx "
            f"12/05/26 1 Welcome 1. The Convener welcomed members. {filler} 2. The Board "
            f"noted the report. {filler} 3. The Board agreed. {filler}")
    lines = [block.text for block in _document(text).blocks]
    assert "Apologies: Ann Bell Carl Dean" in lines
    assert r"BOARD\Minutes\2026\Board minutes 6 May 2026.docx 12/05/26 1" in lines
