"""Declarations of interest (issue 13): categories, actions, declarers, items, and what is
no declaration. Every sentence here is invented."""

from __future__ import annotations

import pytest

from pipeline.extractors import extract_document
from pipeline.extractors.people.declaration_items import item_refs, resolve
from pipeline.extractors.people.declaration_parts import action_of, declarers, kind_of
from pipeline.model.labels import DECLARATION_ACTIONS, DECLARATION_KINDS
from pipeline.readers.text import parse_text


def rows(body: str) -> list[tuple[str, str, str]]:
    text = "Committee\nMinutes of the meeting held on 2 May 2024\n\n" + body
    found = extract_document(parse_text(text, "t.txt"))["declarations"]
    return [(r["name"], r["item"], r["kind"]) for r in found]


@pytest.mark.parametrize(("phrase", "kind"), [
    ("a personal and prejudicial", "prejudicial"),
    ("a personal but not prejudicial", "personal"),
    ("a personal non prejudicial", "personal"),
    ("Disclosable Pecuniary", "disclosable pecuniary"),
    ("DPI", "disclosable pecuniary"),
    ("an other registerable", "other registrable"),
    ("a non-registerable", "non-registrable"),
    ("a non-pecuniary, professional", "non-pecuniary"),
    ("a local non pecuniary", "non-pecuniary"),
    ("a pecuniary", "pecuniary"),
    ("Non-Financial", "non-financial"),
    ("a financial", "financial"),
    ("an affected", "other"),
    ("a Significant Other", "other"),
    ("a close association", "other"),
    ("an", ""),
    ("a possible", ""),
])
def test_kinds_are_normalised(phrase: str, kind: str) -> None:
    assert kind_of(phrase) == kind
    assert kind in DECLARATION_KINDS


@pytest.mark.parametrize(("text", "action"), [
    ("and left the room during the discussion", "left the room"),
    ("and withdrew from the meeting", "left the room"),
    ("He did not speak or vote on the item", "took no part"),
    ("She remained in the meeting", "remained"),
    ("did not require him to leave the meeting and he chose to stay", "remained"),
    ("A dispensation had been granted to speak and vote", "dispensation"),
    ("as a member of the trust", ""),
])
def test_actions(text: str, action: str) -> None:
    assert action_of(text) == action
    assert action in DECLARATION_ACTIONS


@pytest.mark.parametrize(("pre", "names"), [
    ("Councillors Lamb, Osei and Pike ", ["Lamb", "Osei", "Pike"]),
    ("The Chair, Councillor Voss, ", ["Voss"]),
    ("The Vice Chair ", ["Vice Chair"]),
    ("Alderman Quinn and Councillors Dale and Ó Briain ", ["Quinn", "Dale", "Ó Briain"]),
    ("During consideration of application 24/0001/FUL Councillor T Ng ", ["T Ng"]),
    ("Wilma Strang ", ["Wilma Strang"]),
    ("Members ", []),
    ("All members of the Board ", []),
])
def test_declarers(pre: str, names: list[str]) -> None:
    assert [n for n, _, _ in declarers(pre)] == names


def test_item_references_and_their_numbering() -> None:
    items = [{"number": "5", "title": "Library Hours"}, {"number": "6.2", "title": "Fees"}]
    assert [n for n, _ in item_refs("in items 5 (Library Hours) and 6.2 (Fees)")] == ["5", "6.2"]
    assert resolve("5", "", items) == "5"
    assert resolve("6.2(b)", "", items) == "6.2(b)"
    assert resolve("12", "", items) == ""  # another numbering the page does not tie
    assert resolve("", "Library Hours", items) == "5"
    assert resolve("12", "", []) == "12"  # no numbered items: as printed
    lettered = [{"number": "7b", "title": "Hall"}, {"number": "72", "title": "Fees"}]
    assert resolve("7(b)", "", lettered) == "7b"
    assert resolve("7.2", "", lettered) == ""


def test_a_declaration_per_person_and_item() -> None:
    got = rows("3. Declarations of Interest\n\nCouncillors Lamb and Pike declared personal "
               "interests in items 5 and 6 as members of the library friends group.\n\n"
               "5. Library Hours\n\nNoted.\n\n6. Library Fees\n\nNoted.\n")
    assert sorted(got) == [("Lamb", "5", "personal"), ("Lamb", "6", "personal"),
                           ("Pike", "5", "personal"), ("Pike", "6", "personal")]


def test_the_chair_declared_gives_the_office() -> None:
    got = rows("2. Declarations of Interest\n\nThe Chair declared a personal interest as a "
               "trustee of the village hall.\n\n3. Minutes\n\nApproved.\n")
    assert got == [("Chair", "", "personal")]


@pytest.mark.parametrize("body", [
    "There were no declarations of interest.",
    "No declarations of interest were made.",
    "None.",
    "Members were reminded to declare any disclosable pecuniary interests.",
    "Councillor Hale declared that she had been lobbied by the applicant and would approach "
    "the application with an open mind.",
    "Councillor Roe advised that he had a connection as a board member; having applied the "
    "objective test he did not consider that he had an interest.",
    "Councillor Ince explained that his son was a police officer. He did not consider this to "
    "be a disclosable interest.",
    "Members noted the register of interests.",
    "Councillor Abel declared gifts and hospitality received from the contractor.",
])
def test_what_is_not_a_declaration(body: str) -> None:
    assert rows(f"2. Declarations of Interest\n\n{body}\n\n3. Minutes\n\nApproved.\n") == []


def test_a_reminder_at_the_item_is_not_another_row() -> None:
    got = rows("2. Declarations of Interest\n\nCllr Dunn declared a pecuniary interest in item 4 "
               "as the owner of an adjoining field.\n\n4. Land at Mill Lane\n\nHaving declared "
               "an interest, Cllr Dunn left the room.\n\nRESOLVED: To object.\n")
    assert got == [("Dunn", "4", "pecuniary")]


def test_rows_carry_text_action_rule_and_provenance() -> None:
    text = ("Committee\nMinutes of the meeting held on 2 May 2024\n\n2. Declarations of "
            "Interest\n\nCouncillor Moss declared a prejudicial interest in item 4 and left the "
            "room.\n\n4. Parking\n\nNoted.\n")
    document = parse_text(text, "t.txt")
    row = extract_document(document)["declarations"][0]
    assert row["action"] == "left the room" and row["rule"] == "declared"
    assert document.text[row["start"]:row["end"]] == row["text"]
    assert row["text"].startswith("Councillor Moss declared")


def test_the_word_gates_never_skip_a_match() -> None:
    from pathlib import Path

    from pipeline.extractors.people.declaration_parts import pattern, rules, sentences
    from pipeline.readers import read

    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [b.text for path in sorted(root.glob("*.txt")) for b in read(path).blocks]
    texts += ["Councillor Dee declared a personal interest in item 5.",
              "Cllr A declared a close association with the applicant.",
              "A declaration of a personal interest was made by Councillor X.",
              "A non-pecuniary interest in item 6 was declared by Cllr Y.", "Item 6.",
              "Minute 84: Councillor Z."]
    gate = pattern("declaration_noun")
    matched = 0
    for text in texts:
        hits = any(cue.verb.search(text) and any(
            cue.object.match(text[v.end():]) for v in cue.verb.finditer(text))
            for cue in rules()["cues"]) or any(p.search(text) for _, p in rules()["passive"])
        matched += bool(hits)
        if not gate.search(text):
            assert not hits, text
        if not pattern("interest_word").search(text):
            assert not pattern("kind_words").search(text), text
        if not pattern("item_word").search(text):
            for s, e in sentences(text):
                assert not pattern("item_only").match(text[s:e]), text
    assert matched >= 4


def test_a_member_called_by_the_initials_the_attendance_list_gave() -> None:
    text = ("Minutes of the Meeting of the Parish Council held on 4th March 2025\n\n"
            "Present: Ann Dewhurst (AD), Tom Burrell (TB)\n\n"
            "1. Declarations of Interest\n\n"
            "TB declared a pecuniary interest in item 3 as the contractor. "
            "AD and TB declared an interest in item 4.\n\n3. Grass Cutting\n\nNoted.\n\n"
            "4. Allotments\n\nNoted. The CSP declared an interest in item 3.\n")
    got = [(d["name"], d["item"], d["kind"])
           for d in extract_document(parse_text(text, "t.txt"))["declarations"]]
    assert got == [("TB", "3", "pecuniary"), ("AD", "4", ""), ("TB", "4", "")]


@pytest.mark.parametrize(("pre", "names"), [
    ("Councillors Mowat and Speirs, as members of the Board, each ", ["Mowat", "Speirs"]),
    ("Councillor Kerr, being a trustee of the hall, ", ["Kerr"]),
    ("Councillors Baillie and Dow ", ["Baillie", "Dow"]),  # a rank word as a surname
    ("3. Declarations of interest: Wendy Trickey ", ["Wendy Trickey"]),
    ("Declarations of Interest – Cllr Hathaway ", ["Hathaway"]),
    ("Planning matters ", []),
    ("Several Councillors ", []),
    ("Two Councillors ", []),
])
def test_declarers_past_a_capacity_clause_or_a_label(pre: str, names: list[str]) -> None:
    assert [n for n, _, _ in declarers(pre)] == names


def test_paragraphs_codes_and_titles_name_items() -> None:
    from pipeline.extractors.people.declaration_items import bare_codes

    assert item_refs("in respect of paragraph 4 - Grant Funding 2025/26.") == [
        ("4", "Grant Funding 2025/26")]
    assert item_refs("under paragraph 5.3 of the Councillors' Code of Conduct") == []
    assert item_refs("in respect of paragraph 12 of the Minute of the Area Committee") == []
    assert [n for n, _ in item_refs("an interest in item 04/06:05 as a member")] == ["04/06:05"]
    items = [{"number": "B24/031", "title": "Lease"}, {"number": "C 26/047", "title": "Trust"},
             {"number": "5", "title": "Budget"}]
    assert bare_codes("a personal interest in B24/031 on the grounds", items) == ["B24/031"]
    assert bare_codes("an interest in C 26/047 as a director", items) == ["C 26/047"]
    assert bare_codes("an interest in 5 of the grants", items) == []  # plain numbers need 'item'
    assert bare_codes("an interest in B24/0312", items) == []
    assert bare_codes("a personal interest in 23/107 on the grounds", [{"number": "23/107"}]) == [
        "23/107"]
    # agenda item 2 'Annual Budget Report' is the minutes' item 7 of that title
    items = [{"number": "2", "title": "Minutes"}, {"number": "7", "title": "Annual Budget Report"}]
    assert resolve("2", "Annual Budget Report", items) == "7"
    assert resolve("2", "Minutes", items) == "2"


@pytest.mark.parametrize("body", [
    "In terms of Standing Order 20 and the Councillors' Code of Conduct, there were no "
    "declarations from Group Leaders or Spokespersons in regard to any prior decisions taken on "
    "how Members will vote on any item on the agenda or any declarations of Member's interests "
    "in respect of any item on the agenda.",
    "The Chair stated that, as the motion at item 5 had been withdrawn, she would no longer be "
    "declaring an interest as a board member of the Health Board.",
    "Members are asked to declare any disclosable pecuniary interests in items on the agenda "
    "and to leave the room if required.",
    "To receive declarations of interest and requests for dispensations.",
    "The register of Members' interests was noted; Councillor Eade's membership of the "
    "allotment society is recorded in it.",
    "The following statements of transparency were noted:- in relation to item 5 (Parks), "
    "Councillor Blane advised that her husband worked for the agency, however she did not "
    "consider that this connection amounted to an interest.",
    "Members declared interests as undernoted:-\n\nCouncillor Aird:-",
])
def test_what_is_not_a_declaration_either(body: str) -> None:
    assert rows(f"2. Declarations of Interest\n\n{body}\n\n3. Minutes\n\nApproved.\n\n"
                "5. Parks\n\nNoted.\n") == []


def test_a_capitals_declarations_heading_ends_at_the_next_heading() -> None:
    got = rows("DECLARATIONS OF INTEREST IN TERMS OF THE ETHICAL STANDARDS IN PUBLIC LIFE ETC. "
               "(SCOTLAND) ACT 2000\n\n1. Declarations of interest were received from Members, "
               "details of which are set out below:-\n\nCouncillor Neale by reason of his "
               "employment with the contractor in respect of paragraph 3 - Road Repairs.\n\n"
               "ROAD REPAIRS\n\n3. There was submitted a report.\n\nCouncillor Orr (Mr Pike "
               "substituting).\n")
    assert got == [("Neale", "3", "")]


def test_a_dashed_category_label_and_a_rider_about_leaving() -> None:
    from pipeline.extractors.people.declaration_parts import label_kind

    assert label_kind("• Councillor A Lee - Personal - ") == "personal"
    assert label_kind("Item 5 – Personal Care Services – ") == ""
    assert action_of("She did not consider her interest required her to leave.") == "remained"
    got = rows("2. Declarations of Interest\n\nCllr Voss declared a personal interest in item 3 "
               "as a member of the club. He did not consider his interest required him to "
               "leave.\n\n3. Club Grant\n\nNoted.\n")
    assert got == [("Voss", "3", "personal")]


@pytest.mark.parametrize("body", [
    "Cllr Thorn confirmed that, as appointees from other tiers of local government, members "
    "did not need to declare any interests at this meeting.",
    "Councillor Ash noted there was no need to declare an interest in the budget item.",
    "Declarations of interest were received from Members, details of which are set out below.",
])
def test_no_need_to_declare_is_no_declaration(body: str) -> None:
    assert rows(f"2. Declarations of Interest\n\n{body}\n\n3. Minutes\n\nApproved.\n") == []


def test_declarations_received_from_named_members() -> None:
    got = rows("2. Declarations of Interest\n\nWith regard to item 3 declarations of interest "
               "were received from Cllr Ann Lee and Cllr Bo Roe.\n\n3. Hall Lease\n\nNoted.\n")
    assert got == [("Ann Lee", "3", ""), ("Bo Roe", "3", "")]


def test_a_member_line_in_capitals_is_an_entry_not_a_heading() -> None:
    got = rows("DECLARATIONS OF INTEREST\n\nCOUNCILLOR REID - ITEM 3 - PERSONAL INTEREST\n\n"
               "3. Hall Lease\n\nNoted.\n")
    assert [(n.casefold(), i, k) for n, i, k in got] == [("reid", "3", "personal")]


@pytest.mark.parametrize(("pre", "names"), [
    ("Bailie Anne Reid ", ["Anne Reid"]),
    ("Depute Provost Jim Dale and Councillor Ann Lee ", ["Jim Dale", "Ann Lee"]),
    ("The Provost ", ["Provost"]),
    ("The Chair Planning ", []),
])
def test_an_office_before_a_name_names_the_person(pre: str, names: list[str]) -> None:
    assert [n for n, _, _ in declarers(pre)] == names


def test_a_title_after_a_pair_of_numbers_belongs_to_the_pair() -> None:
    assert item_refs("in items 10.9 and 11.1 (Gallery Works) by virtue of") == [
        ("10.9", ""), ("11.1", "")]
    assert item_refs("in items 5 (Parks) and 6 (Fees)") == [("5", "Parks"), ("6", "Fees")]


@pytest.mark.parametrize(("body", "want"), [
    ("- Item 3: Cllr Pike, personal (hall committee)", [("Pike", "3", "personal")]),
    ("Cllr Pike - Item 3 - Non-pecuniary - Member of hall committee",
     [("Pike", "3", "non-pecuniary")]),
    ("Item 3 – Personal Care Review – Cllr Pike", [("Pike", "3", "")]),
])
def test_a_category_set_off_in_a_list_entry(body: str, want: list) -> None:
    assert rows(f"2. Declarations of Interest\n\n{body}\n\n3. Hall Lease\n\nNoted.\n") == want


def test_an_office_before_a_full_name_names_the_person():
    # "Leader of the Council Peter Johnston declared": the office is no name ("Leader")
    body = ("1. Declarations of Interest\nLeader of the Council Peter Johnston declared a "
            "personal interest in item 2 as a governor of Kingsmere College.\n2. Budget\n"
            "RESOLVED that the budget be approved.\n")
    assert rows(body) == [("Peter Johnston", "2", "personal")]
    alone = ("1. Declarations of Interest\nThe Leader of the Council declared an interest in "
             "item 2.\n2. Budget\nRESOLVED that the budget be approved.\n")
    assert [r[0] for r in rows(alone)] == ["Leader of the Council"]


def test_a_bare_coded_minute_keeps_its_sub_reference() -> None:
    # "in 24/046(b)" where the items are "24/046 | Planning: (a) ... (b) ...": kept as printed
    body = ("Minute | Item | Action\n"
            "24/043 | Declarations of interest: Cllr Rowe declared a pecuniary interest in "
            "24/046(b) as the owner of the adjoining field. |\n"
            "24/046 | Planning: (a) PA24/0101 Orchard House – porch. No objection. (b) PA24/0133 "
            "Land at Lower Lane – stable block. RESOLVED to object. | Clerk\n")
    assert rows(body) == [("Rowe", "24/046(b)", "pecuniary")]


def test_a_pack_s_person_codes_are_read_once_for_the_file(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """Each paper of a pack is a Document over the whole file's text: reading the codes
    ("Ann Lee (AL)") from that text again for each paper made a pack of 380 papers spend
    15 s there (its papers' number times its length)."""
    from pipeline.extractors.people import person_codes

    read: list[int] = []
    real = person_codes.person_codes
    monkeypatch.setattr(person_codes, "person_codes",
                        lambda text: read.append(len(text)) or real(text))
    papers = [f"Minutes of the meeting of the Kingsmere Board held on {day} May 2024\n"
              "Present: Councillor Ann Lee (AL) and Councillor Bo Roe (BR)\n"
              "1. Declarations of Interest\nAL declared a personal interest in item 2.\n"
              "2. Budget\nRESOLVED: That the report be noted.\n" for day in (1, 8, 15)]
    rows = extract_document(parse_text("\f".join(papers), "pack.txt"))
    assert len(rows["parts"]) == 3
    assert len(read) == 1
    assert [row["name"] for row in rows["declarations"]] == ["AL"] * 3  # as written


@pytest.mark.parametrize("lead", ["4.2.\t", "4.2 ", "12.3.1\t", "(ii) ", ""])
def test_a_dotted_paragraph_number_before_a_declarer_is_no_part_of_the_sentence(
        lead: str) -> None:
    name = "Ottilie Brackwood"
    # "4.2.\tX declared": the whole number is the paragraph's, so the untitled name after
    # it opens the sentence as it does with no number
    body = (f"4. Declarations of Interest\n\n{lead}{name} declared an interest in item 6 as a "
            "trustee of Pellbrook Hospice.\n\n6. Estates Strategy\n\nThe Board noted the report.\n")
    assert rows(body) == [(name, "6", "")]


def test_a_city_deputy_declares_by_name():
    from pipeline.extractors.people.declaration_parts import declarers

    assert declarers("Deputy Rupert Hanmer ") == [("Rupert Hanmer", 7, 20)]
    assert declarers("The Deputy Mayor ") == [("Deputy Mayor", 0, 16)]


def test_declared_that_she_was_a_trustee_is_a_declaration_without_a_kind():
    from pipeline.extractors.people.declarations import extract_declarations
    from pipeline.readers.text import parse_text

    text = ("Board\n\nMinutes of the meeting held on 3 May 2024\n\n1. Declarations of Interest"
            "\n\nCllr Maureen Solway declared that she was a trustee of the Coastal Towns Trust, "
            "which had contributed evidence.\n\nThe Chair declared that she was pleased with "
            "progress.\n\n2. Pilot\n\nRESOLVED: noted.\n")
    rows = extract_declarations(parse_text(text, "t.txt"), [{"number": "2", "title": "Pilot"}])
    assert [(r["name"], r["kind"]) for r in rows] == [("Maureen Solway", "")]


def test_a_declarations_table_with_a_footnote_mark_and_the_footnote_itself() -> None:
    # a London borough's ModernGov page: a table of who declared what, one name starred, and
    # the note under the table about that same declaration (no second row)
    body = ("1. Declarations of Interest\n\nMembers declared interests as set out below:\n\n"
            "Councillor\tItem\tType of interest\tReason\n"
            "Tomasz Wilk\t5\tOther registrable interest\tBoard member of a housing trust\n"
            "Abdul Qadir*\t5\tNon-registrable interest\tA relative works for the operator\n\n"
            "*Cllr Abdul Qadir declared this interest during the discussion and left the room."
            "\n\n5. Leisure Contract\n\nRESOLVED: That the report be noted.\n")
    assert rows(body) == [("Tomasz Wilk", "5", "other registrable"),
                          ("Abdul Qadir", "5", "non-registrable")]


def test_a_declarer_named_by_the_initials_a_code_column_gave_them() -> None:
    # partnership notes: a column of initials before each name, the people called by them
    text = ("Safer Ashdown Partnership meeting minutes - 3 February 2026\n\n"
            "HC Cllr. Hazel Crane (Chair)\nKO Kerry Osei (OPCC)\nSR Sgt Sam Rook (Police)\n\n"
            "Welcome and apologies\nHC welcomed everyone to the meeting.\n"
            "KO declared an interest in the CCTV bid as her partner manages the contractor.\n"
            "AB declared nothing.\n")
    found = extract_document(parse_text(text, "t.txt"))["declarations"]
    assert [r["name"] for r in found] == ["KO"]


def test_an_application_s_reference_gives_the_item_whose_title_holds_it() -> None:
    body = ("PLA88/25 DECLARATIONS OF INTEREST\n\nCouncillor Mrs Harcourt declared a 'significant "
            "other interest' with reference to application 25/03117/FULL as she was related to "
            "the agent.\n\nAPPLICATION FOR DECISION – 25/03117/FULL – 4 ORCHARD MEWS\n\n"
            "PLA93/25\n\nRESOLVED: That permission be granted.\n")
    found = extract_document(parse_text("Planning Committee\nMinutes of the meeting held on 2 "
                                        "May 2024\n\n" + body, "t.txt"))["declarations"]
    assert [(r["name"], r["item"]) for r in found] == [("Harcourt", "PLA93/25")]


def test_a_declarer_with_a_bracketed_role_and_a_welsh_councillor_title() -> None:
    body = ("1. Apologies\n\nAn apology of absence was received from County Borough "
            "Councillors H Bevan, C Madoc and R Tudur.\n\n2. Declarations of Interest\n\n"
            "Gethin Morse (Co-optee) declared an interest in Item 5 as a school governor.\n\n"
            "5. Schools\n\nNoted.\n")
    found = extract_document(parse_text("Scrutiny Committee\nMinutes of the meeting held on 2 "
                                        "May 2024\n\n" + body, "t.txt"))
    assert [(r["name"], r["item"]) for r in found["declarations"]] == [("Gethin Morse", "5")]
    assert [r["name"] for r in found["apologies"]] == ["H Bevan", "C Madoc", "R Tudur"]
