"""Shapes met in a blind held-out round (set 22): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


SLASHED = ("Minutes of the meeting of the Ashby Standing Advisory Council for Religious "
           "Education\n\nHeld on Thursday 15 January 2026 at 4.15 pm\n\nPresent:\n"
           "Group A / Mr Harjinder Singh Bassi / Mrs Ruth Abelman\n"
           "Group B / Revd Canon Alan Pritchett\nCo-opted / Mr David Okafor (Humanists UK)\n"
           "In attendance / Mrs Fiona Crick (RE Adviser)\nItem / Action\n"
           "1. / Welcome and apologies\nApologies were received from Amanda Pryor.\n"
           "2. / Membership\nIt was agreed to write to the Free Churches Group. / TI\n")


def test_a_table_whose_cells_a_mirror_joined_with_slashes() -> None:
    rows = _rows(SLASHED)
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Welcome and apologies"), ("2", "Membership")]
    assert [(r["name"], r["capacity"]) for r in rows["attendees"]] == [
        ("Harjinder Singh Bassi", "member"), ("Ruth Abelman", "member"),
        ("Alan Pritchett", "member"), ("David Okafor", "member"), ("Fiona Crick", "officer")]


def test_a_lone_slash_in_prose_is_no_table() -> None:
    rows = _rows("PARISH COUNCIL\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "Present: Cllr A Bell, Cllr C Dean\n\n1. Footpaths / verges\n\nThe Clerk "
                 "reported on the verges.\n\n2. Finance\n\nNoted.\n")
    assert [r["title"] for r in rows["items"]] == ["Footpaths / verges", "Finance"]


def test_a_panels_code_a_space_then_year_and_number() -> None:
    rows = _rows("AREA 2 PLANNING COMMITTEE\n\nMinutes of the meeting held on 4 March 2026\n\n"
                 "AP2 26/01 Declarations of Interest\n\nNone.\n\nAP2 26/02 Minutes\n\n"
                 "RESOLVED: That the minutes be approved.\n\nAP2 26/03 Appeal Decisions\n\n"
                 "Noted.\n")
    assert [r["number"] for r in rows["items"]] == ["AP2 26/01", "AP2 26/02", "AP2 26/03"]


def test_declarers_called_by_their_initials() -> None:
    rows = _rows("GOVERNING BOARD\n\nMinutes of the meeting held on 4 March 2026\n\n"
                 "Present: Dr R Farrar [RF] (FTG); Mrs C Sutcliffe [CS] (PG)\n\n"
                 "1. Declarations of interest\n\nRF declared a business interest in item 2 as a "
                 "director of a supplier.\n\n2. Catering contract\n\nNoted.\n")
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [("RF", "2")]
    rows = _rows(SLASHED.replace("Apologies were received from Amanda Pryor.",
                                 "KL declared a personal interest in item 2.")
                 .replace("Mrs Ruth Abelman", "Mr Keith Lomas"))
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [("KL", "2")]


def test_an_advisory_council_named_by_its_subject() -> None:
    assert _rows(SLASHED.replace("Council for", "Council on"))["documents"][0]["body"] == (
        "Ashby Standing Advisory Council on Religious Education")


def test_a_joint_service_of_two_councils() -> None:
    rows = _rows("PLANNING COMMITTEE\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "1. Policy\n\n"
                 "The Chief Planning Officer reported that the Joint Planning Policy Unit, which "
                 "is a joint service of Ynys Gwylan County Council and Cyngor Gwynedd Uchaf, "
                 "would deliver training in April.\n")
    assert {(r["source"], r["relation"], r["target"]) for r in rows["relations"]} == {
        ("Ynys Gwylan County Council", "member_of", "Joint Planning Policy Unit"),
        ("Cyngor Gwynedd Uchaf", "member_of", "Joint Planning Policy Unit")}


def test_governors_with_codes_in_square_brackets() -> None:
    rows = _rows("A Meeting of the Aldercroft School Full Governing Board\n\nwas held on Tuesday "
                 "20th January 2026 at 5.00pm.\n\nPresent:\n\nMrs H Quarmby [HQ] Chair (FTG); "
                 "Mr D Ackroyd [DA] Headteacher (SG)\n\nIn attendance:\n\nMrs L Oyelaran [LO] "
                 "Deputy Headteacher\n\n1. Welcome\n\nNoted.\n")
    assert [(r["name"], r["role"]) for r in rows["attendees"]] == [
        ("H Quarmby", "Chair"), ("D Ackroyd", "Headteacher"),
        ("L Oyelaran", "Deputy Headteacher")]


def test_a_numbered_areas_committee() -> None:
    rows = _rows("DISTRICT COUNCIL\n\nMinutes of the meeting held on 3 March 2026\n\n1. Item\n\n"
                 "The Committee noted that the Planning Enforcement Working Group, which reports "
                 "to the Area 2 Planning Committee and to the Planning and Transportation "
                 "Advisory Board, had met on 21 January 2026.\n")
    assert {r["target"] for r in rows["relations"]} == {
        "Area 2 Planning Committee", "Planning and Transportation Advisory Board"}


def test_a_welsh_papers_bilingual_lines_are_no_table() -> None:
    rows = _rows("Cyngor Cymuned Llanfair Isaf / Llanfair Isaf Community Council\n\n"
                 "Cofnodion / Minutes of the meeting held on 6 February 2024\n\n"
                 "Presennol / Present: Cyng/Cllr A Bell, Cyng/Cllr C Dee\n\n"
                 "Ymddiheuriadau / Apologies: Cyng/Cllr E Ford\n\n12/24 Cofnodion / Minutes\n\n"
                 "PENDERFYNWYD / RESOLVED that the minutes be approved.\n")
    assert [r["name"] for r in rows["attendees"]] == ["A Bell", "C Dee"]
    assert [r["item"] for r in rows["decisions"]] == ["12/24"]
