"""Attendance as NHS, police and fire boards write it (one person a line with the person's
initials before the role, ranks abbreviated before names, apologies answered by 'for whom
X was substitute') and hard-wrapped text, whose names run over a line end (all text
invented)."""

from __future__ import annotations

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.coded_lines import coded_line
from pipeline.readers.text import parse_text, wrap_width


def coded(line: str) -> tuple[str, list[str], list[str], str] | None:
    person = coded_line(line, 0, len(line))
    return (person.name, person.roles, person.orgs, person.code) if person else None


def test_a_line_of_name_initials_and_role():
    assert coded("Dr Imran Sadiq IS Clinical Chair") == (
        "Imran Sadiq", ["Clinical Chair"], [], "IS")
    assert coded("Colin Ashworth CAs Chief Finance Officer") == (
        "Colin Ashworth", ["Chief Finance Officer"], [], "CAs")
    assert coded("Dr Helena Marsh HM Governing Body GP") == (
        "Helena Marsh", ["Governing Body GP"], [], "HM")
    assert coded("Dr Nadia Okafor NO Director of Public Health – Wexmoor County Council") == (
        "Nadia Okafor", ["Director of Public Health"], ["Wexmoor County Council"], "NO")
    assert coded("Laila Haddad LH Director of Primary Care (Item 093 only)")[1] == [
        "Director of Primary Care"]


def test_capitals_that_are_not_the_names_initials_make_no_coded_line():
    assert coded("Anna Bell GP Liaison Lead") is None
    assert coded("Councillors Bright, Dewar and Ford") is None
    assert coded("Present:") is None


def board(*lines: str) -> dict[str, list[dict]]:
    text = "Wexmoor ICB Board\nHeld on 9th October 2025\n" + "\n".join(lines) + \
        "\nICB/25/088: Welcome\nThe Chair welcomed members.\n"
    return extract_attendance(parse_text(text, "t.txt"))


def test_a_board_minuted_one_person_a_line_with_initials():
    result = board("Present:", "Dr Imran Sadiq IS Clinical Chair",
                   "Gareth Penhallow GP Lay Member / Vice Chair",
                   "Apologies:", "Dr Nadia Okafor NO Director of Public Health – Wexmoor Council",
                   "In attendance:", "Owen Bracewell OB Head of Corporate Governance")
    rows = [(r["name"], r["role"], r["capacity"]) for r in result["attendees"]]
    assert rows == [("Imran Sadiq", "Clinical Chair", "member"),
                    ("Gareth Penhallow", "Lay Member / Vice Chair", "member"),
                    ("Owen Bracewell", "Head of Corporate Governance", "officer")]
    assert [(r["name"], r["organisation"]) for r in result["apologies"]] == [
        ("Nadia Okafor", "Wexmoor Council")]


def test_abbreviated_ranks_go_to_the_role():
    result = board("Attendees:", "PFCC Harriet Ellwood (HE)", "DCC Amira Soltani (AS)",
                   "PS Rhiannon Tullock", "Apologies:", "ACC Dominic Farrer (DF)")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("Harriet Ellwood", "PFCC"), ("Amira Soltani", "DCC"), ("Rhiannon Tullock", "PS")]
    assert [(r["name"], r["role"]) for r in result["apologies"]] == [("Dominic Farrer", "ACC")]


def test_apologies_answered_by_for_whom_was_substitute():
    text = ("Fenmoor Fire Authority\n\nMinutes of the meeting held on 4 March 2025\n\n"
            "1. Apologies for absence\n\nApologies for absence were received from:\n\n"
            "Councillor Stella Hargreave, for whom Councillor Martin Pell was substitute;\n\n"
            "Councillor Bernard Lusk.\n\n2. Minutes\n\nRESOLVED: That the minutes be agreed.\n")
    result = extract_attendance(parse_text(text, "t.txt"))
    assert [r["name"] for r in result["apologies"]] == ["Stella Hargreave", "Bernard Lusk"]
    assert [(r["member"], r["substitute"]) for r in result["substitutes"]] == [
        ("Stella Hargreave", "Martin Pell")]


WRAPPED = """THE KINROSSMUIR COUNCIL - EAST BURGH AREA COMMITTEE
10th March, 2026
PRESENT:        Councillors Morag Tennant (Convener), Iain Balfour, Ruaridh Cowie,
                Elspeth Dunnachie, Graeme Fotheringham, Kirsty Lennox, Alasdair
                McCrone and Shona Wishart.

APOLOGIES:      Councillors Hamish Baird and Rhona Sutherland.

41.   DECLARATIONS OF INTEREST

      Councillor Kirsty Lennox declared an interest in paragraph 44 as a board
      member of Strathallan Community Trust, and left the meeting while the
      item was considered by the Committee and the Town Centre Working Group.

42.   TOWN CENTRE ACTION PLAN

      The Committee agreed that the Strathallan Town Centre Working Group would
      continue to report to the East Burgh Area Committee twice a year and that
      the Strathallan Business Forum would be represented on the Working Group.
      A progress report on the action plan is to come to the Committee in June.
      The Committee also asked officers for a note on footfall in the Burgh for
      the next meeting, with figures for the same months of the previous year.

43.   COMMUNITY GRANTS

      The Committee considered a report by the Community Manager on applications
      to the Community Grants Scheme for the period from January to March 2026.
      Members welcomed the number of applications from youth groups in the area.
"""


def test_a_hard_wrapped_text_joins_lines_a_name_runs_over():
    assert wrap_width(WRAPPED.split("\n")) is not None
    blocks = [b.text for b in parse_text(WRAPPED, "t.txt").blocks]
    assert any("Alasdair McCrone and Shona Wishart." in b for b in blocks)
    assert "APOLOGIES: Councillors Hamish Baird and Rhona Sutherland." in blocks
    assert "41. DECLARATIONS OF INTEREST" in blocks
    names = [r["name"] for r in extract_attendance(parse_text(WRAPPED, "t.txt"))["attendees"]]
    assert "Alasdair McCrone" in names and "Shona Wishart" in names


def test_a_list_one_name_a_line_is_not_joined():
    lines = ["Present:"] + [f"Councillor Name{i} Surname{i}, Member for Ward{i}" for i in range(24)]
    text = "\n".join(lines) + "\n"
    assert len(parse_text(text, "t.txt").blocks) == 25


def test_a_member_table_of_initialled_names_and_appointing_councils():
    from pipeline.extractors.people.coded_lines import member_and_council

    line = "T Pritchard (Chair) Aberwen County Borough Council"
    person = member_and_council(line, 0, len(line))
    assert person and (person.name, person.roles, person.orgs) == (
        "T Pritchard", ["Chair"], ["Aberwen County Borough Council"])
    line = "Councillor C Ll Edwards Dyffryn County Council"
    person = member_and_council(line, 0, len(line))
    assert person and (person.name, person.orgs) == ("C Ll Edwards", ["Dyffryn County Council"])
    for line in ("A Bell Chief Executive", "J Smith and K Jones Wessex Council"):
        assert member_and_council(line, 0, len(line)) is None
    text = ("GWYNANT FIRE AND RESCUE AUTHORITY\n\nMinutes of the meeting held on 15 December 2025"
            "\n\nPRESENT\n\nCouncillor\nT Pritchard (Chair) Aberwen County Borough Council\n"
            "H Bebb Dyffryn County Council\n\nAPOLOGIES\n\nCouncillor\n"
            "B Cadwaladr Ynys Wen County Council\n\n1 MINUTES\n\nRESOLVED to approve the "
            "minutes.\n")
    result = extract_attendance(parse_text(text, "t.txt"))
    assert [(r["name"], r["organisation"]) for r in result["attendees"]] == [
        ("T Pritchard", "Aberwen County Borough Council"), ("H Bebb", "Dyffryn County Council")]
    assert [r["name"] for r in result["apologies"]] == ["B Cadwaladr"]


def test_initials_before_each_name_of_an_unlabelled_list():
    text = ("Safer Wendlebury Partnership meeting minutes - 3 February 2026\n\n"
            "HC Cllr. Helen Carrow (Chair)\nPB Priya Bhandari (Wendlebury DC)\n"
            "SR Sgt Sam Rendell (Downland Police)\n\nWelcome and apologies\n"
            "HC welcomed everyone to the meeting.\n")
    result = extract_attendance(parse_text(text, "t.txt"))
    assert [r["name"] for r in result["attendees"]] == [
        "Helen Carrow", "Priya Bhandari", "Sam Rendell"]
    # capitals that are not the name's initials open no such line
    from pipeline.extractors.people.coded_lines import code_then_name
    assert code_then_name("NHS Wexmoor (commissioner)", 0, 26) is None


def test_names_with_an_organisation_go_on_an_unlabelled_coded_list():
    text = ("Safer Ashdown Partnership meeting minutes - 3 February 2026\n\n"
            "HC Cllr. Hazel Crane (Chair)\nPB Priya Bell (Ashdown DC)\n"
            "Martin Fairlie (Probation Service)\nRuth Ansty (Victim Support)\n\n"
            "Welcome and apologies\nHC welcomed everyone to the meeting.\n")
    rows = extract_attendance(parse_text(text, "t.txt"))["attendees"]
    assert [(r["name"], r["organisation"]) for r in rows] == [
        ("Hazel Crane", ""), ("Priya Bell", "Ashdown DC"),
        ("Martin Fairlie", "Probation Service"), ("Ruth Ansty", "Victim Support")]
