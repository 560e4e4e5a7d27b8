"""Attendance, apologies and substitutes: the layouts UK minutes use, one test each."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.extract.attendance import extract_attendance
from pipeline.extract.people import parse_list, same_person
from pipeline.readers.text import parse_text

SHARED = Path(__file__).resolve().parents[2] / "shared"


def run(*lines: str) -> dict[str, list[dict]]:
    return extract_attendance(parse_text("\n".join(lines) + "\n", "t.txt"))


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def person(rows: list[dict], name: str) -> dict:
    return next(row for row in rows if row["name"] == name)


def pairs(result: dict) -> list[tuple[str, str]]:
    return [(row["member"], row["substitute"]) for row in result["substitutes"]]


def test_present_paragraph_with_chair_and_authorities():
    result = run("Present:",
                 "Councillors Harjit Sandhu (Ashbury Borough Council), Fiona Grey (Chair) "
                 "(Wealdshire County Council) and Tom Okonedo (Kenford District Council)",
                 "", "1. Minutes")
    attendees = result["attendees"]
    assert names(attendees) == ["Harjit Sandhu", "Fiona Grey", "Tom Okonedo"]
    assert person(attendees, "Fiona Grey")["role"] == "Chair"
    assert person(attendees, "Fiona Grey")["organisation"] == "Wealdshire County Council"
    assert {row["capacity"] for row in attendees} == {"member"}


def test_rows_carry_provenance_into_the_document_text():
    document = parse_text("Present: Councillors A Smith and B Jones\n\n1. Minutes\n", "t.txt")
    row = extract_attendance(document)["attendees"][1]
    assert document.text[row["start"]:row["end"]] == "B Jones"
    assert row["page"] == 1 and "Present" in row["evidence"]
    assert "document" not in row


def test_one_per_line_with_name_role_and_organisation():
    result = run("PRESENT", "Councillor Niamh Okoro-Bennett, Leader (+ Regeneration)",
                 "Mr Ian Cardew, Chief Finance Officer, OPCC",
                 "Temporary Chief Constable Rachel Imrie, Wealdshire Constabulary", "",
                 "161. MINUTES")
    attendees = result["attendees"]
    assert names(attendees) == ["Niamh Okoro-Bennett", "Ian Cardew", "Rachel Imrie"]
    assert person(attendees, "Ian Cardew")["organisation"] == "OPCC"
    assert person(attendees, "Rachel Imrie")["role"] == "Temporary Chief Constable"


def test_name_dash_role_and_in_attendance_officers():
    result = run("In attendance:", "Grace Whitlam – Corporate Director, People, Thornbury Council",
                 "Simon Garvey (SG) - SAB Business Manager, Northmere Council", "", "1. Welcome")
    grace = person(result["attendees"], "Grace Whitlam")
    assert (grace["role"], grace["organisation"], grace["capacity"]) == (
        "Corporate Director, People", "Thornbury Council", "officer")
    assert person(result["attendees"], "Simon Garvey")["role"] == "SAB Business Manager"


def test_office_before_name_after_a_dash_or_in_brackets():
    result = run("Officers present:", "Chief Executive – Jane Doe", "", "ALSO PRESENT", "",
                 "Monitoring Officer (Gareth Tudor-Rees) and Committee Administrator "
                 "(Sioned Howells)", "", "1\tAPOLOGIES")
    roles = {row["name"]: (row["role"], row["capacity"]) for row in result["attendees"]}
    assert roles == {"Jane Doe": ("Chief Executive", "officer"),
                     "Gareth Tudor-Rees": ("Monitoring Officer", "officer"),
                     "Sioned Howells": ("Committee Administrator", "officer")}


def test_also_present_guests_are_other_and_staff_are_officers():
    result = run("Present: Cllr A Smith (Chair)",
                 "Also present: Inspector Jo Bloggs (Anytown Police), Monitoring Officer (Ann Lee) "
                 "and Councillor F Grey", "", "1. Minutes")
    capacity = {row["name"]: row["capacity"] for row in result["attendees"]}
    assert capacity == {"A Smith": "member", "Jo Bloggs": "other", "Ann Lee": "officer",
                        "F Grey": "other"}
    assert person(result["attendees"], "Jo Bloggs")["role"] == "Inspector"


def test_councillor_in_attendance_is_other_not_officer():
    result = run("2409.01 Present",
                 "Councillors: Mrs J. P. Ellery-Ward (JEW) (Town Mayor), R. Haslam (RH)",
                 "In Attendance: Mrs K. Dunmore (Town Clerk); County Councillor M. Abernethy; "
                 "4 members of the public", "2409.02 Declarations of Interest", "None.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["J. P. Ellery-Ward", "R. Haslam", "K. Dunmore", "M. Abernethy"]
    assert rows["J. P. Ellery-Ward"]["role"] == "Town Mayor"  # the initials code is dropped
    assert rows["K. Dunmore"]["capacity"] == "officer"
    assert (rows["M. Abernethy"]["capacity"], rows["M. Abernethy"]["role"]) == (
        "other", "County Councillor")


def test_qualifiers_in_brackets_are_dropped():
    result = run("Committee Members Present:",
                 "Mr G Farquharson (Chair), Mr D MacAulay (excluding item 5.2), Mr A Rennie "
                 "(remote) and Ms L Grant (attended remotely)", "", "1. Apologies for Absence")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("G Farquharson", "Chair"), ("D MacAulay", ""), ("A Rennie", ""), ("L Grant", "")]


def test_in_the_chair_marks_the_chair():
    result = run("Present:\tCouncillor Ruth Ashdown – in the Chair",
                 "\tCouncillor Kieran Doyle (Deputy Chair)", "", "Mr G Farquharson in the Chair",
                 "", "1. Minutes")
    assert person(result["attendees"], "Ruth Ashdown")["role"] == "Chair"
    assert person(result["attendees"], "Kieran Doyle")["role"] == "Deputy Chair"
    assert person(result["attendees"], "G Farquharson")["role"] == "Chair"


def test_table_with_header_and_wrapped_cells():
    result = run("Present:", "", "Name\tRole\tOrganisation",
                 "Cllr Richard Pennington (Chair)\tCabinet Member for Adult Social\tThornbury "
                 "Council",
                 "\tCare and Public Health",
                 "Superintendent Rhys\tDistrict Commander\tWyre Police", "Calloway",
                 "Martin O'Dowd (substitute for\tOperations Manager\tHealthwatch", "Lesley Kent)",
                 "Prof. Hannah Osei-Bonsu\tChief Executive\tThornbury Community Health",
                 "\t\tNHS Trust", "", "13. Welcome")
    attendees = result["attendees"]
    assert names(attendees) == ["Richard Pennington", "Rhys Calloway", "Martin O'Dowd",
                                "Hannah Osei-Bonsu"]
    assert person(attendees, "Richard Pennington")["role"] == (
        "Chair; Cabinet Member for Adult Social Care and Public Health")
    assert person(attendees, "Rhys Calloway")["role"] == "Superintendent; District Commander"
    assert person(attendees, "Hannah Osei-Bonsu")["organisation"] == (
        "Thornbury Community Health NHS Trust")
    assert pairs(result) == [("Lesley Kent", "Martin O'Dowd")]


def test_headerless_grid_with_rank_and_forename_wrapped():
    result = run("(1) Present:", "",
                 "Councillor Thaya Idaikkadar (Chairman)\tLeader of the Council\tHarrow Council",
                 "Jacqui Mace\tRepresentative\tFurther Education Sector",
                 "Borough Commander Richard\tBorough Commander, Harrow\tLondon Fire and Emergency",
                 "Claydon\tFire Authority\tPlanning Authority",
                 "Steve Porter\tRepresentative\tVoluntary and Community Sector", "", "110. Minutes")
    attendees = result["attendees"]
    assert names(attendees) == ["Thaya Idaikkadar", "Jacqui Mace", "Richard Claydon",
                                "Steve Porter"]
    claydon = person(attendees, "Richard Claydon")
    assert claydon["role"] == "Borough Commander, Harrow Fire Authority"
    assert claydon["organisation"] == "London Fire and Emergency Planning Authority"


def test_pipe_table_with_pad_legend():
    result = run("P = Present   A = Apologies   D = Deputy attended", "",
                 "Board member | Role | Organisation | P/A/D",
                 "Gillian Okafor (GO) - Chair | Independent Chair | Adults Board | P",
                 "Mark Delaney (MD) | Chief Superintendent | Northmere Police | A",
                 "Sana Qureshi (SQ) | Detective Chief Inspector, Public | Northmere Police "
                 "| D (for MD)",
                 "| Protection Unit | |", "Hilary Stott (HS) | Chief Nurse | Northmere CCG | A", "",
                 "1. Welcome")
    assert names(result["attendees"]) == ["Gillian Okafor", "Sana Qureshi"]
    assert person(result["attendees"], "Gillian Okafor")["role"] == "Chair; Independent Chair"
    assert person(result["attendees"], "Sana Qureshi")["role"] == (
        "Detective Chief Inspector, Public Protection Unit")
    assert names(result["apologies"]) == ["Mark Delaney", "Hilary Stott"]
    assert pairs(result) == [("Mark Delaney", "Sana Qureshi")]


def test_space_aligned_table_collapsed_by_the_reader():
    result = run("PRESENT:", "", "Name                  Organisation            Role",
                 "Councillor Bronwen Tate (Chair)    Lowbridge Borough Council   Cabinet Member",
                 "Superintendent Daniel     Lowbridge Police     Borough Commander", "Amankwah",
                 "Yusuf Hamdan              Lowbridge Voluntary Action     Chief Executive", "",
                 "1. APOLOGIES")
    attendees = result["attendees"]
    assert names(attendees) == ["Bronwen Tate", "Daniel Amankwah", "Yusuf Hamdan"]
    assert person(attendees, "Daniel Amankwah")["role"] == "Superintendent; Borough Commander"
    assert person(attendees, "Yusuf Hamdan")["organisation"] == "Lowbridge Voluntary Action"


def test_merged_column_of_initialled_names():
    result = run("Present:\tCouncillors D O'Hare (Chairman) R J Penfold (Vice-Chairman) "
                 "A Bhatt-Morris Mrs L C Okafor S Tidmarsh MBE",
                 "Apologies:\tCouncillors P Grint and N Szymanski", "", "1.\tApologies",
                 "Apologies for absence were received from Councillors Grint and Szymanski.")
    assert names(result["attendees"]) == ["D O'Hare", "R J Penfold", "A Bhatt-Morris",
                                          "L C Okafor", "S Tidmarsh"]
    assert names(result["apologies"]) == ["P Grint", "N Szymanski"]  # the repeat is listed once


def test_group_labels_become_roles():
    result = run("PRESENT", "",
                 "Independent Members Ann Prothero (Chair), Gwilym ap Dafydd and Rhiannon "
                 "Lloyd-Hughes (attended remotely); County Councillors Alun Bevan and Delyth "
                 "Morgan-Price, and Town and Community Council Member Councillor Eifion Pugh "
                 "(Llanfair Community Council)", "", "1\tAPOLOGIES")
    roles = {row["name"]: row["role"] for row in result["attendees"]}
    assert roles == {"Ann Prothero": "Chair; Independent Member",
                     "Gwilym ap Dafydd": "Independent Member",
                     "Rhiannon Lloyd-Hughes": "Independent Member",
                     "Alun Bevan": "County Councillor", "Delyth Morgan-Price": "County Councillor",
                     "Eifion Pugh": "Town and Community Council Member"}


def test_label_tables_with_roles_from_the_label():
    result = run("Present:\tCouncillor Yusuf Mirza (Chair)",
                 "\tCouncillors Brenda Hollingworth (Vice-Chair), Craig Dunleavy and Alderman "
                 "Norman Kettlewell", "",
                 "Employer Representatives:\tMr Piotr Zielinski (Calderbrook College)", "",
                 "Trade Union Observers:\tMs Tracey Holt (UNISON) and Mr Glyn Parry (GMB) (remote)",
                 "", "Officers:\tEuan Blackwood (Director of Pensions)", "",
                 "MINUTE 45 – DECLARATIONS")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["Yusuf Mirza", "Brenda Hollingworth", "Craig Dunleavy",
                          "Norman Kettlewell", "Piotr Zielinski", "Tracey Holt", "Glyn Parry",
                          "Euan Blackwood"]
    assert (rows["Piotr Zielinski"]["role"], rows["Piotr Zielinski"]["capacity"]) == (
        "Employer Representative", "member")
    assert (rows["Glyn Parry"]["organisation"], rows["Glyn Parry"]["capacity"]) == ("GMB", "other")
    assert rows["Euan Blackwood"]["capacity"] == "officer"


def test_scottish_sederunt_with_provost_and_bailie():
    result = run("Sederunt: Provost Jim Smith (Chair); Bailie Anne Brown; Councillors C Green "
                 "and D White.", "In Attendance: E Black (Chief Executive), F Grey (Clerk).",
                 "Apologies: Councillor G Pink.", "1. Minutes")
    roles = {row["name"]: (row["role"], row["capacity"]) for row in result["attendees"]}
    assert roles == {"Jim Smith": ("Provost; Chair", "member"), "Anne Brown": ("Bailie", "member"),
                     "C Green": ("", "member"), "D White": ("", "member"),
                     "E Black": ("Chief Executive", "officer"), "F Grey": ("Clerk", "officer")}
    assert names(result["apologies"]) == ["G Pink"]


def test_apologies_sentences_and_lists():
    result = run("Present: Councillor A Smith", "", "1. Apologies",
                 "Apologies for absence were received from Lesley Kent (Chief Executive, "
                 "Healthwatch Thornbury), Councillor Imogen Tate and Sir Anthony Rudge (Chair, "
                 "Thornbury Integrated Care Board).",
                 "Apologies for absence were intimated on behalf of Mrs I Campbell and Mr R Laing.",
                 "Apologies for lateness were received from Councillor B Late.",
                 "RESOLVED that the apologies of Councillor C Brown be accepted.")
    apologies = result["apologies"]
    assert names(apologies) == ["Lesley Kent", "Imogen Tate", "Anthony Rudge", "I Campbell",
                                "R Laing", "C Brown"]
    assert (apologies[0]["role"], apologies[0]["organisation"]) == (
        "Chief Executive", "Healthwatch Thornbury")


def test_apologies_label_with_bullets_and_following_list():
    result = run("Present: Councillor A Smith", "Apologies:",
                 "- Cllr Fran Lightfoot (North Rendle District Council)",
                 "- Ms Julie Ashworth (Chief Finance Officer, Eastmarch District Council)", "",
                 "1. APOLOGIES", "", "Apologies for absence were received from the following:", "",
                 "Peter Lomax (Lowbridge Homes) - Jennifer Quayle substituted",
                 "It was RESOLVED that the apologies be accepted.")
    assert names(result["apologies"]) == ["Fran Lightfoot", "Julie Ashworth", "Peter Lomax"]
    assert pairs(result) == [("Peter Lomax", "Jennifer Quayle")]
    assert "Jennifer Quayle" in names(result["attendees"])


def test_absent_with_apologies_heading_and_attendance_marks():
    result = run("PRESENT", "Councillor A Smith (Chairman)", "ABSENT WITH APOLOGIES",
                 "Councillor C Brown", "ABSENT", "Councillor G Green", "",
                 "Members\tAttendance", "Councillor D Grey\t✓",
                 "Councillor E Jones\tApologies", "Councillor F Black\tAbsent", "", "1 MINUTES")
    assert names(result["attendees"]) == ["A Smith", "D Grey"]
    assert names(result["apologies"]) == ["C Brown", "E Jones"]  # absent without apologies: out


def test_substitution_sentences():
    result = run("Present: Councillors A Smith and B Jones", "", "1. Apologies and substitutions",
                 "Councillor Gemma Loveday attended as substitute for Councillor Alan "
                 "Fenwick-Hart.",
                 "Councillor Ravi Thakrar substituted for Councillor Joan Aspinall.",
                 "It was noted that Councillor Hugh Penrose had been appointed as a substitute "
                 "member for Councillor Deborah Fitzwilliam and Councillor Malcolm Yeo for "
                 "Councillor Raj Patel.")
    assert pairs(result) == [("Alan Fenwick-Hart", "Gemma Loveday"),
                             ("Joan Aspinall", "Ravi Thakrar"),
                             ("Deborah Fitzwilliam", "Hugh Penrose"), ("Raj Patel", "Malcolm Yeo")]
    loveday = person(result["attendees"], "Gemma Loveday")
    assert (loveday["capacity"], loveday["role"]) == ("member", "Substitute")


def test_substitution_notes_in_lists_are_one_pair():
    result = run("Present:\tCouncillor Joanna Marsh (in place of Councillor Tim Brereton)", "",
                 "31/25 APOLOGIES FOR ABSENCE",
                 "Apologies for absence were received from Councillor Tim Brereton (Councillor "
                 "Joanna Marsh substituting) and from Councillor Eddie Reeves.")
    assert pairs(result) == [("Tim Brereton", "Joanna Marsh")]
    assert names(result["apologies"]) == ["Tim Brereton", "Eddie Reeves"]


def test_substitutes_tables_and_labels():
    result = run("Substitutes:", "", "Ordinary Member\tReserve Member\tOrganisation",
                 "Simon Ovens\tGary Warby\tHarrow Police", "",
                 "Substitutes: Councillor C Brown for Councillor D White", "", "1. Minutes")
    assert pairs(result) == [("Simon Ovens", "Gary Warby"), ("D White", "C Brown")]
    warby = person(result["attendees"], "Gary Warby")
    assert (warby["role"], warby["organisation"], warby["capacity"]) == (
        "Reserve Member", "Harrow Police", "member")


def test_present_and_absent_letters_with_legend():
    result = run("Councillors:", "", "P  Alan Westcott (Chairman)", "A  Deborah Fitzwilliam",
                 "P  Hugh Penrose (substitute for Deborah Fitzwilliam)",
                 "A  Oliver St John-Mildmay",
                 "", "P: Present", "A: Apologies for absence submitted", "", "PLA46/23",
                 "APOLOGIES", "",
                 "Apologies for absence were recorded from Councillors Fitzwilliam and "
                 "St John-Mildmay.")
    assert names(result["attendees"]) == ["Alan Westcott", "Hugh Penrose"]
    assert names(result["apologies"]) == ["Deborah Fitzwilliam", "Oliver St John-Mildmay"]
    assert pairs(result) == [("Deborah Fitzwilliam", "Hugh Penrose")]


def test_people_only_in_discussion_are_not_attendees():
    result = run("Present: Councillor A Smith (Chair)", "", "Minutes of the last meeting",
                 "The minutes of the meeting held on 1 May were agreed as a correct record by all.",
                 "Councillor Smith thanked Superintendent Marcus Lowe for his report.",
                 "John Brown", "Chairman", "", "2. Finance",
                 "Mr Colin Arbuthnot addressed the Committee.",
                 "The Chair proposed that Dr Genevieve Small be appointed as Vice-Chair.")
    assert names(result["attendees"]) == ["A Smith"]
    assert person(result["attendees"], "A Smith")["role"] == "Chair"


def test_report_header_fields_are_not_attendance():
    result = run("REPORT TO CABINET", "Contact officer: Jane Smith, Head of Policy",
                 "Accountable member: Councillor John Doe, Leader of the Council", "1. Purpose",
                 "Text.")
    assert result == {"attendees": [], "apologies": [], "substitutes": []}


def test_name_matching_for_repeats():
    assert same_person("Grint", "P Grint") and same_person("Councillor Tate", "Imogen Tate")
    assert same_person("St John-Mildmay", "Oliver St John-Mildmay")
    assert not same_person("A Smith", "B Smith")


def test_list_parser_reads_nested_brackets_and_ranks():
    text = ("Adam Lister (Public Protection Officer (Licensing)), "
            "PC Daniel Strand (Licensing Officer)")
    assert [(p.name, p.role) for p in parse_list(text, 0, len(text))] == [
        ("Adam Lister", "Public Protection Officer (Licensing)"),
        ("Daniel Strand", "PC; Licensing Officer")]
    assert parse_list("The Committee considered the reports", 0, 36) is None


def _score(gold_dir: Path, docs_dir: Path) -> dict[str, float]:
    """Run the extractor over every paper (all four formats) and score it with the shared
    scorer, as the CLI's CSVs would be scored."""
    from pipeline.readers import read, supported

    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    tables: dict[str, list[dict]] = {"attendees": [], "apologies": [], "substitutes": []}
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file() and supported(path) and path.suffix in (".txt", ".docx", ".pdf", ".html"):
            document = path.relative_to(docs_dir).as_posix()
            for table, rows in extract_attendance(read(path)).items():
                tables[table] += [{**row, "document": document} for row in rows]
    report = scorer.score(scorer.load_gold(str(gold_dir)), tables)
    return {field: report["fields"][field]["f1"] for field in tables}


@pytest.mark.parametrize("gold, docs", [("devset/gold", "devset/docs"), ("gold", "corpus")])
def test_scores_on_shared_papers(gold: str, docs: str):
    if not (SHARED / "eval" / "score.py").exists() or not (SHARED / docs).exists():
        pytest.skip("shared/ papers and scorer not present")
    scores = _score(SHARED / gold, SHARED / docs)
    assert all(f1 >= 0.97 for f1 in scores.values()), scores
