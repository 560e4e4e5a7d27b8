"""Attendance, apologies and substitutes: the layouts UK minutes use, one test each."""

from __future__ import annotations

from pipeline.extractors.people.attendance import extract_attendance, same_person
from pipeline.extractors.people.lists import parse_list
from pipeline.readers.text import parse_text


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
                 "Councillors Petra Varley (Hollinmoor Borough Council), Jane Tindall (Chair) "
                 "(Fernley County Council) and Kiran Okwuosa (Thistlewood District Council)",
                 "", "1. Minutes")
    attendees = result["attendees"]
    assert names(attendees) == ["Petra Varley", "Jane Tindall", "Kiran Okwuosa"]
    assert person(attendees, "Jane Tindall")["role"] == "Chair"
    assert person(attendees, "Jane Tindall")["organisation"] == "Fernley County Council"
    assert {row["capacity"] for row in attendees} == {"member"}


def test_rows_carry_provenance_into_the_document_text():
    document = parse_text("Present: Councillors A Smith and B Jones\n\n1. Minutes\n", "t.txt")
    row = extract_attendance(document)["attendees"][1]
    assert document.text[row["start"]:row["end"]] == "B Jones"
    assert row["page"] == 1 and "Present" in row["evidence"]
    assert "document" not in row


def test_one_per_line_with_name_role_and_organisation():
    result = run("PRESENT", "Councillor Saoirse Egerton-Moyo, Leader (+ Housing)",
                 "Mr Rufus Wadsworth, Chief Finance Officer, OPCC",
                 "Temporary Chief Constable Hester Garside, Fernley Constabulary", "",
                 "72. MINUTES")
    attendees = result["attendees"]
    assert names(attendees) == ["Saoirse Egerton-Moyo", "Rufus Wadsworth", "Hester Garside"]
    assert person(attendees, "Rufus Wadsworth")["organisation"] == "OPCC"
    assert person(attendees, "Hester Garside")["role"] == "Temporary Chief Constable"


def test_list_line_with_a_full_stop_keeps_the_label_open():
    # Eight words or more ending in a full stop would read as narrative, were they not names.
    result = run("Present:", "", "Amy Smith, Ben Jones, Cal Brown, Dee White and Eve Green.", "",
                 "Frank Black (Vice-Chair)", "", "1. Minutes")
    assert names(result["attendees"]) == ["Amy Smith", "Ben Jones", "Cal Brown", "Dee White",
                                          "Eve Green", "Frank Black"]


def test_name_dash_role_and_in_attendance_officers():
    result = run("In attendance:",
                 "Maya Quarrie – Corporate Director, Place, Fernley Borough Council",
                 "Leon Hartigan (LH) - SAB Business Manager, Sallowmere Council", "", "1. Welcome")
    maya = person(result["attendees"], "Maya Quarrie")
    assert (maya["role"], maya["organisation"], maya["capacity"]) == (
        "Corporate Director, Place", "Fernley Borough Council", "officer")
    assert person(result["attendees"], "Leon Hartigan")["role"] == "SAB Business Manager"


def test_office_before_name_after_a_dash_or_in_brackets():
    result = run("Officers present:", "Chief Executive – Jane Doe", "", "ALSO PRESENT", "",
                 "Monitoring Officer (Osian Treharne) and Committee Administrator "
                 "(Ffion Pilling)", "", "1\tAPOLOGIES")
    roles = {row["name"]: (row["role"], row["capacity"]) for row in result["attendees"]}
    assert roles == {"Jane Doe": ("Chief Executive", "officer"),
                     "Osian Treharne": ("Monitoring Officer", "officer"),
                     "Ffion Pilling": ("Committee Administrator", "officer")}


def test_also_present_guests_are_other_and_staff_are_officers():
    result = run("Present: Cllr A Smith (Chair)",
                 "Also present: Inspector Jo Bloggs (Anytown Police), Monitoring Officer (Ann Lee) "
                 "and Councillor F Hollis", "", "1. Minutes")
    capacity = {row["name"]: row["capacity"] for row in result["attendees"]}
    assert capacity == {"A Smith": "member", "Jo Bloggs": "other", "Ann Lee": "officer",
                        "F Hollis": "other"}
    assert person(result["attendees"], "Jo Bloggs")["role"] == "Inspector"


def test_councillor_in_attendance_is_other_not_officer():
    result = run("2503.01 Present",
                 "Councillors: Mrs T. K. Bancroft-Lyle (TKL) (Town Mayor), R. Sowerby (RS)",
                 "In Attendance: Mrs L. Ingleby (Town Clerk); County Councillor M. Vickers; "
                 "3 members of the public", "2503.02 Declarations of Interest", "None.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["T. K. Bancroft-Lyle", "R. Sowerby", "L. Ingleby", "M. Vickers"]
    assert rows["T. K. Bancroft-Lyle"]["role"] == "Town Mayor"  # the initials code is dropped
    assert rows["L. Ingleby"]["capacity"] == "officer"
    assert (rows["M. Vickers"]["capacity"], rows["M. Vickers"]["role"]) == (
        "other", "County Councillor")


def test_qualifiers_in_brackets_are_dropped():
    result = run("Committee Members Present:",
                 "Mr G Ballantyne (Chair), Mr D Kilbride (excluding item 4.1), Mr A Tollemache "
                 "(remote) and Ms L Yardley (attended remotely)", "", "1. Apologies for Absence")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("G Ballantyne", "Chair"), ("D Kilbride", ""), ("A Tollemache", ""), ("L Yardley", "")]


def test_in_the_chair_marks_the_chair():
    result = run("Present:\tCouncillor Saoirse Fennimore – in the Chair",
                 "\tCouncillor Declan Orme (Deputy Chair)", "", "Mr G Ballantyne in the Chair",
                 "", "1. Minutes")
    assert person(result["attendees"], "Saoirse Fennimore")["role"] == "Chair"
    assert person(result["attendees"], "Declan Orme")["role"] == "Deputy Chair"
    assert person(result["attendees"], "G Ballantyne")["role"] == "Chair"


def test_table_with_header_and_wrapped_cells():
    result = run("Present:", "", "Name\tRole\tOrganisation",
                 "Cllr Edmund Rowntree (Chair)\tCabinet Member for Environment\tFernley "
                 "Council",
                 "\tand Climate Change",
                 "Superintendent Osian\tDistrict Commander\tFernley Police", "Merriweather",
                 "Colm Devlin (substitute for\tOperations Manager\tHealthwatch", "Tessa Ruskin)",
                 "Prof. Amara Fairclough\tChief Executive\tFernley Community Health",
                 "\t\tNHS Trust", "", "9. Welcome")
    attendees = result["attendees"]
    assert names(attendees) == ["Edmund Rowntree", "Osian Merriweather", "Colm Devlin",
                                "Amara Fairclough"]
    assert person(attendees, "Edmund Rowntree")["role"] == (
        "Chair; Cabinet Member for Environment and Climate Change")
    assert person(attendees, "Osian Merriweather")["role"] == "Superintendent; District Commander"
    assert person(attendees, "Amara Fairclough")["organisation"] == (
        "Fernley Community Health NHS Trust")
    assert pairs(result) == [("Tessa Ruskin", "Colm Devlin")]


def test_headerless_grid_with_rank_and_forename_wrapped():
    result = run("(1) Present:", "",
                 "Councillor Anil Hartigan (Chairman)\tLeader of the Council\tFernley Council",
                 "Moira Stenhouse\tRepresentative\tFurther Education Sector",
                 "Borough Commander Kofi\tBorough Commander, Fernley\tFernley Fire and Rescue",
                 "Ferrante\tFire Authority\tService Authority",
                 "Irfan Castellan\tRepresentative\tVoluntary and Community Sector", "",
                 "87. Minutes")
    attendees = result["attendees"]
    assert names(attendees) == ["Anil Hartigan", "Moira Stenhouse", "Kofi Ferrante",
                                "Irfan Castellan"]
    ferrante = person(attendees, "Kofi Ferrante")
    assert ferrante["role"] == "Borough Commander, Fernley Fire Authority"
    assert ferrante["organisation"] == "Fernley Fire and Rescue Service Authority"


def test_pipe_table_with_pad_legend():
    result = run("P = Present   A = Apologies   D = Deputy", "",
                 "Committee member | Role | Organisation | P/A/D",
                 "Carys Lamont (CL) - Chair | Independent Chair | Adults Board | P",
                 "Radek Kowalczyk (RK) | Chief Superintendent | Sallowmere Police | A",
                 "Hana Iqbal (HI) | Detective Chief Inspector, Major | Sallowmere Police "
                 "| D (for RK)",
                 "| Investigation Team | |", "Brigid Upton (BU) | Chief Nurse | Sallowmere ICB | A",
                 "", "1. Welcome")
    assert names(result["attendees"]) == ["Carys Lamont", "Hana Iqbal"]
    assert person(result["attendees"], "Carys Lamont")["role"] == "Chair; Independent Chair"
    assert person(result["attendees"], "Hana Iqbal")["role"] == (
        "Detective Chief Inspector, Major Investigation Team")
    assert names(result["apologies"]) == ["Radek Kowalczyk", "Brigid Upton"]
    assert pairs(result) == [("Radek Kowalczyk", "Hana Iqbal")]


def test_space_aligned_table_collapsed_by_the_reader():
    result = run("PRESENT:", "", "Name                  Organisation            Role",
                 "Councillor Bryony Thistlewood (Chair)    Sallowmere Borough Council   "
                 "Cabinet Member",
                 "Superintendent Kofi     Sallowmere Police     Borough Commander", "Oduwole",
                 "Ilyas Castellan              Sallowmere Voluntary Action     Chief Executive",
                 "", "1. APOLOGIES")
    attendees = result["attendees"]
    assert names(attendees) == ["Bryony Thistlewood", "Kofi Oduwole", "Ilyas Castellan"]
    assert person(attendees, "Kofi Oduwole")["role"] == "Superintendent; Borough Commander"
    assert person(attendees, "Ilyas Castellan")["organisation"] == "Sallowmere Voluntary Action"


def test_merged_column_of_initialled_names():
    result = run("Present:\tCouncillors D Halloran (Chairman) K L Winslade (Vice-Chairman) "
                 "A Oduwole-Marsh Mrs L C Ingleby S Mwangi MBE",
                 "Apologies:\tCouncillors P Kilbride and N Sorensen", "", "1.\tApologies",
                 "Apologies for absence were received from Councillors Kilbride and Sorensen.")
    assert names(result["attendees"]) == ["D Halloran", "K L Winslade", "A Oduwole-Marsh",
                                          "L C Ingleby", "S Mwangi"]
    assert names(result["apologies"]) == ["P Kilbride", "N Sorensen"]  # the repeat is listed once


def test_group_labels_become_roles():
    result = run("PRESENT", "",
                 "Independent Members Nell Quennell (Chair), Huw ap Gwynfor and Mererid "
                 "Llewelyn-Treharne (attended remotely); County Councillors Idwal Pilling and "
                 "Carys Vaughan-Hollis, and Town and Community Council Member Councillor Bryn "
                 "Treharne (Penhafod Community Council)", "", "1\tAPOLOGIES")
    roles = {row["name"]: row["role"] for row in result["attendees"]}
    assert roles == {"Nell Quennell": "Chair; Independent Member",
                     "Huw ap Gwynfor": "Independent Member",
                     "Mererid Llewelyn-Treharne": "Independent Member",
                     "Idwal Pilling": "County Councillor",
                     "Carys Vaughan-Hollis": "County Councillor",
                     "Bryn Treharne": "Town and Community Council Member"}


def test_label_tables_with_roles_from_the_label():
    result = run("Present:\tCouncillor Irfan Delacroix (Chair)",
                 "\tCouncillors Beverley Ingleby (Vice-Chair), Gavin Nolan and Alderman "
                 "Norris Cuthbertson", "",
                 "Employer Representatives:\tMr Pawel Kowalczyk (Hollinmoor College)", "",
                 "Trade Union Observers:\tMs Tanya Jessop (UNISON) and Mr Gethin Orme (GMB) "
                 "(remote)",
                 "", "Officers:\tAlasdair Lockyer (Director of Pensions)", "",
                 "MINUTE 52 – DECLARATIONS")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["Irfan Delacroix", "Beverley Ingleby", "Gavin Nolan",
                          "Norris Cuthbertson", "Pawel Kowalczyk", "Tanya Jessop", "Gethin Orme",
                          "Alasdair Lockyer"]
    assert (rows["Pawel Kowalczyk"]["role"], rows["Pawel Kowalczyk"]["capacity"]) == (
        "Employer Representative", "member")
    assert (rows["Gethin Orme"]["organisation"], rows["Gethin Orme"]["capacity"]) == (
        "GMB", "other")
    assert rows["Alasdair Lockyer"]["capacity"] == "officer"


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
                 "Apologies for absence were received from Tessa Ruskin (Chief Executive, "
                 "Healthwatch Fernley), Councillor Imelda Sowerby and Sir Nigel Farrant (Chair, "
                 "Fernley Integrated Care Board).",
                 "Apologies for absence were intimated on behalf of Mrs I Dunbar and Mr R Strang.",
                 "Apologies for lateness were received from Councillor B Late.",
                 "RESOLVED that the apologies of Councillor C Brown be accepted.")
    apologies = result["apologies"]
    assert names(apologies) == ["Tessa Ruskin", "Imelda Sowerby", "Nigel Farrant", "I Dunbar",
                                "R Strang", "C Brown"]
    assert (apologies[0]["role"], apologies[0]["organisation"]) == (
        "Chief Executive", "Healthwatch Fernley")


def test_apologies_label_with_bullets_and_following_list():
    result = run("Present: Councillor A Smith", "Apologies:",
                 "- Cllr Freya Winslade (South Hollin District Council)",
                 "- Ms Judith Garside (Chief Finance Officer, Westmere District Council)", "",
                 "1. APOLOGIES", "", "Apologies for absence were received from the following:", "",
                 "Piers Egerton (Sallowmere Homes) - Keira Vickers substituted",
                 "It was RESOLVED that the apologies be accepted.")
    assert names(result["apologies"]) == ["Freya Winslade", "Judith Garside", "Piers Egerton"]
    assert pairs(result) == [("Piers Egerton", "Keira Vickers")]
    assert "Keira Vickers" in names(result["attendees"])


def test_absent_with_apologies_heading_and_attendance_marks():
    result = run("PRESENT", "Councillor A Smith (Chairman)", "ABSENT WITH APOLOGIES",
                 "Councillor C Brown", "ABSENT", "Councillor G Green", "",
                 "Members\tAttendance", "Councillor D Grey\t✓",
                 "Councillor E Jones\tApologies", "Councillor F Black\tAbsent", "", "1 MINUTES")
    assert names(result["attendees"]) == ["A Smith", "D Grey"]
    assert names(result["apologies"]) == ["C Brown", "E Jones"]  # absent without apologies: out


def test_substitution_sentences():
    result = run("Present: Councillors A Smith and B Jones", "", "1. Apologies and substitutions",
                 "Councillor Greta Osgood attended as substitute for Councillor Alec "
                 "Farrant-Hale.",
                 "Councillor Rohan Iqbal substituted for Councillor Joanne Whitford.",
                 "It was noted that Councillor Hugo Prendergast had been appointed as a substitute "
                 "member for Councillor Delia Fennimore and Councillor Malik Nakamura for "
                 "Councillor Rajan Castellan.")
    assert pairs(result) == [("Alec Farrant-Hale", "Greta Osgood"),
                             ("Joanne Whitford", "Rohan Iqbal"),
                             ("Delia Fennimore", "Hugo Prendergast"),
                             ("Rajan Castellan", "Malik Nakamura")]
    osgood = person(result["attendees"], "Greta Osgood")
    assert (osgood["capacity"], osgood["role"]) == ("member", "Substitute")


def test_substitution_notes_in_lists_are_one_pair():
    result = run("Present:\tCouncillor Joanne Tollemache (in place of Councillor Ivo Rainford)",
                 "", "58/25 APOLOGIES FOR ABSENCE",
                 "Apologies for absence were received from Councillor Ivo Rainford (Councillor "
                 "Joanne Tollemache substituting) and from Councillor Eddie Grimsdale.")
    assert pairs(result) == [("Ivo Rainford", "Joanne Tollemache")]
    assert names(result["apologies"]) == ["Ivo Rainford", "Eddie Grimsdale"]


def test_substitutes_tables_and_labels():
    result = run("Substitutes:", "", "Member absent\tSubstitute member\tOrganisation",
                 "Moss Havelock\tGareth Lockyer\tFernley Police", "",
                 "Substitutes: Councillor C Brown for Councillor D White", "", "1. Minutes")
    assert pairs(result) == [("Moss Havelock", "Gareth Lockyer"), ("D White", "C Brown")]
    lockyer = person(result["attendees"], "Gareth Lockyer")
    assert (lockyer["role"], lockyer["organisation"], lockyer["capacity"]) == (
        "Substitute member", "Fernley Police", "member")


def test_present_and_absent_letters_with_legend():
    result = run("Councillors:", "", "P  Rufus Whitford (Chairman)", "A  Marian Ellingham",
                 "P  Lewis Jessop (substitute for Marian Ellingham)",
                 "A  Oliver St Leger-Vane",
                 "", "P: Present", "A: Apologies for absence given", "", "DEV12/24",
                 "APOLOGIES", "",
                 "Apologies for absence were recorded from Councillors Ellingham and "
                 "St Leger-Vane.")
    assert names(result["attendees"]) == ["Rufus Whitford", "Lewis Jessop"]
    assert names(result["apologies"]) == ["Marian Ellingham", "Oliver St Leger-Vane"]
    assert pairs(result) == [("Marian Ellingham", "Lewis Jessop")]


def test_people_only_in_discussion_are_not_attendees():
    result = run("Present: Councillor A Smith (Chair)", "", "Minutes of the last meeting",
                 "The minutes of the meeting held on 1 May were agreed as a correct record by all.",
                 "Councillor Smith thanked Superintendent Lorcan Osgood for his report.",
                 "John Brown", "Chairman", "", "2. Finance",
                 "Mr Kiran Treadwell addressed the Committee.",
                 "The Chair proposed that Dr Gwendolen Hollis be appointed as Vice-Chair.")
    assert names(result["attendees"]) == ["A Smith"]
    assert person(result["attendees"], "A Smith")["role"] == "Chair"


def test_report_header_fields_are_not_attendance():
    result = run("REPORT TO CABINET", "Contact officer: Jane Smith, Head of Policy",
                 "Accountable member: Councillor John Doe, Leader of the Council", "1. Purpose",
                 "Text.")
    assert result == {"attendees": [], "apologies": [], "substitutes": []}


def test_name_matching_for_repeats():
    assert same_person("Kilbride", "P Kilbride")
    assert same_person("Councillor Sowerby", "Imelda Sowerby")
    assert same_person("St Leger-Vane", "Oliver St Leger-Vane")
    assert not same_person("A Smith", "B Smith")


def test_list_parser_reads_nested_brackets_and_ranks():
    text = ("Petra Rainford (Environmental Health Officer (Licensing)), "
            "PC Osian Quarrie (Licensing Officer)")
    assert [(p.name, p.role) for p in parse_list(text, 0, len(text))] == [
        ("Petra Rainford", "Environmental Health Officer (Licensing)"),
        ("Osian Quarrie", "PC; Licensing Officer")]
    assert parse_list("The Committee considered the reports", 0, 36) is None


def test_plural_honorific_before_another_is_no_person():
    text = "Councillors Ms D. J. Welwick and R Amos"
    assert [p.name for p in parse_list(text, 0, len(text))] == ["D. J. Welwick", "R Amos"]
    text = "Messrs M Gideon and L Ibekwe"
    assert [p.name for p in parse_list(text, 0, len(text))] == ["M Gideon", "L Ibekwe"]


# Shapes that real archives use and the rules first missed (issue 12): invented examples.
HEAD = ("Audit Committee", "Minutes of the meeting held on 14 March 2024", "")


def test_unlabelled_lists_under_the_header():
    assert names(run(*HEAD, "Ann Rudd (AR), Ian Kerr (IK), Paul Dean (PD)", "1. Apologies",
                     "None.")["attendees"]) == ["Ann Rudd", "Ian Kerr", "Paul Dean"]
    rows = run(*HEAD, "Cllr Anne Hollis Chair", "Cllr Tom Baird Vice-Chair", "Cllr Rhys Owen",
               "1. Apologies")["attendees"]
    assert [(r["name"], r["role"]) for r in rows] == [
        ("Anne Hollis", "Chair"), ("Tom Baird", "Vice-Chair"), ("Rhys Owen", "")]
    result = run(*HEAD, "Councillor Reid, Convener, presided.", "1. Apologies")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [("Reid", "Convener")]


def test_codes_roles_and_run_on_names():
    rows = run(*HEAD, "Present: Councillors A Bell (AB) Chair, C Dunn (CD) vice-chair, "
               "E Fox (EF) G Hay (GH)", "1. Apologies")["attendees"]
    assert [(r["name"], r["role"]) for r in rows] == [
        ("A Bell", "Chair"), ("C Dunn", "vice-chair"), ("E Fox", ""), ("G Hay", "")]
    assert names(run(*HEAD, "Present: Councillors R Moss (Chair), T Lane",
                     "Other Members Present P J Bateson J Campbell K Doyle",
                     "1. Apologies")["attendees"]) == [
        "R Moss", "T Lane", "P J Bateson", "J Campbell", "K Doyle"]
    rows = run(*HEAD, "In attendance: Mr T Lowe Clerk and Executive Officer to the Board",
               "1. Apologies")["attendees"]
    assert [(r["name"], r["role"], r["capacity"]) for r in rows] == [
        ("T Lowe", "Clerk and Executive Officer to the Board", "officer")]


def test_labels_in_other_shapes():
    assert names(run(*HEAD, "THOSE ATTENDING: Cllr M Rowe (Mayor), Cllr S Pym",
                     "1. Apologies")["attendees"]) == ["M Rowe", "S Pym"]
    assert names(run(*HEAD, "City Cllrs: | Cllr Jo Hart, Cllr Ben Roe",
                     "1. Apologies")["attendees"]) == ["Jo Hart", "Ben Roe"]
    result = run(*HEAD, "4. Attendance",
                 "4.1 Present at the meeting were Cllr D Wyn, Cllr E Parry and Cllr F Hughes.",
                 "4.2 Apologies were received from Cllr G Lloyd.")
    assert names(result["attendees"]) == ["D Wyn", "E Parry", "F Hughes"]
    assert names(result["apologies"]) == ["G Lloyd"]


def test_officer_lists_with_shared_brackets_dashes_and_double_barrels():
    rows = run(*HEAD, "Officers: Jane Moss, Tom Ryan and Lee Park (all Finance)",
               "1. Apologies")["attendees"]
    assert [(r["name"], r["role"]) for r in rows] == [
        ("Jane Moss", "Finance"), ("Tom Ryan", "Finance"), ("Lee Park", "Finance")]
    rows = run(*HEAD, "Officers: Ann Bell – Head of Law, Carl Dee – Clerk",
               "1. Apologies")["attendees"]
    assert [(r["name"], r["role"]) for r in rows] == [("Ann Bell", "Head of Law"),
                                                      ("Carl Dee", "Clerk")]
    assert names(run(*HEAD, "Present: Cllr J Steed (Chair), Cllr Ela Morgan – Jones, Cllr K Oakes",
                     "1. Apologies")["attendees"]) == ["J Steed", "Ela Morgan-Jones", "K Oakes"]
    rows = run(*HEAD, "Officers: Ann Bell – Finance, Carl Dee – Legal", "1. Apologies")
    assert names(rows["attendees"]) == ["Ann Bell", "Carl Dee"]


def test_apologies_in_other_shapes():
    result = run(*HEAD, "1. Apologies for absence",
                 "These were received from Cllr A Dale and Cllr B Fenn.", "Cllr C Gale attended.")
    assert names(result["apologies"]) == ["A Dale", "B Fenn"]
    result = run(*HEAD, "1. Apologies", "Apologies were received from Cllr A Dale (work), "
                 "Cllr B Fenn (joining the meeting virtually) and Cllr D Hume, who was "
                 "joining the meeting virtually.")
    assert names(result["apologies"]) == ["A Dale", "B Fenn", "D Hume"]
    result = run(*HEAD, "1. Apologies", "Apologies were reported on behalf of the High "
                 "Sheriff (Councillor Gray), Aldermen Bell, T. Orr and Kyle.")
    assert names(result["apologies"]) == ["Gray", "Bell", "T. Orr", "Kyle"]


def test_substitutes_in_other_shapes():
    result = run(*HEAD, "1. Apologies", "Apologies were received from Councillor Dale. "
                 "Councillor Ewing was attending in place of Councillor Dale.")
    assert pairs(result) == [("Dale", "Ewing")]
    assert [(r["name"], r["capacity"]) for r in result["attendees"]] == [("Ewing", "member")]
    result = run(*HEAD, "1. Substitutes", "(i) Cllr A Frost for Cllr B Gill; and",
                 "(ii) Cllr C Hart for Cllr D Ives.")
    assert pairs(result) == [("B Gill", "A Frost"), ("D Ives", "C Hart")]
    result = run(*HEAD, "1. Apologies", "Apologies were received from Councillor Mona Dale, "
                 "Chair. Councillor Paul Ewing, Vice-Chair, attended in her absence.")
    assert pairs(result) == [("Mona Dale", "Paul Ewing")]


def test_labels_run_together_split_names_into_pairs_only_there():
    result = run("PRESENT Ann Bell Carl Dee Mrs Eve Ford In Attendance: Gus Hale Apologies: "
                 "Ian Jones Kim Lowe", "", "1. Minutes")
    assert names(result["attendees"]) == ["Ann Bell", "Carl Dee", "Eve Ford", "Gus Hale"]
    assert person(result["attendees"], "Gus Hale")["capacity"] == "officer"
    assert names(result["apologies"]) == ["Ian Jones", "Kim Lowe"]
    # On a line of its own a four-word name stays one person; 'Chair:' inside brackets
    # and a 'Councillors:' sub-label open no section.
    result = run("Apologies: Mary Anne Lloyd Jones", "", "1. Minutes")
    assert names(result["apologies"]) == ["Mary Anne Lloyd Jones"]
    result = run("Present: Councillors: Ann Bell (Chair: Audit), Carl Dee", "", "1. Minutes")
    assert names(result["attendees"]) == ["Ann Bell", "Carl Dee"]


def test_a_name_wrapped_after_an_honorific_or_initial_continues_on_the_next_line():
    result = run("Present: Cllr A Bell (Chair), Cllr C Dee, Cllr Mrs V",
                 "Penrose, Cllr E Ford and Cllr Mrs", "J Tonkin", "", "1. Apologies", "None.")
    assert names(result["attendees"]) == ["A Bell", "C Dee", "V Penrose", "E Ford", "J Tonkin"]
    # A line ending on an initial before a label or an item heading is not joined to it.
    result = run("Present: Cllr A Bell, Cllr C Dee and Cllr V", "Apologies: Cllr E Ford",
                 "", "1. Minutes")
    assert names(result["apologies"]) == ["E Ford"]


def test_sentences_read_the_papers_one_doc(monkeypatch):
    """Names in sentences come from the paper's one Doc: attendance tokenises nothing
    itself, so the paper is tokenised once however many sentences name people."""
    import spacy

    from pipeline.extractors.language import chunks, language, special_cases

    nlp, made = language(), []
    special_cases()  # bound to the real tokenizer before it is wrapped here
    for name in ("known", "tails", "heads"):  # no word of the paper tokenised before
        monkeypatch.setattr(chunks(), name, {})
    tokenizer = nlp.tokenizer
    monkeypatch.setattr(nlp, "tokenizer", lambda text: made.append(text) or tokenizer(text))
    monkeypatch.setattr(spacy, "blank", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    lines = ("Present: Councillors A Bell and C Dee", "",
             "Councillor Eve Ford sent apologies.",
             "Councillor Gail Hale attended as substitute for Councillor Eve Ford.",
             "Councillor A Bell in the Chair.", "", "1. Minutes")
    result = run(*lines)
    assert names(result["apologies"]) == ["Eve Ford"]
    assert pairs(result) == [("Eve Ford", "Gail Hale")]
    # the paper's words (its blocks' chunks), each once, in one call: nothing more
    assert made == ["\n".join(dict.fromkeys(" ".join(lines).split()))]


def test_rows_carry_the_id_of_the_rule_that_found_them():
    result = run("Present: Councillors A Bell and C Dee", "", "1. Minutes", "",
                 "Apologies were received from Councillor Eve Ford.",
                 "Councillor Hal Ince sent apologies.",
                 "Councillor Gail Hale attended as substitute for Councillor Eve Ford.")
    assert {row["name"]: row["rule"] for row in result["attendees"]} == {
        "A Bell": "label-present", "C Dee": "label-present", "Gail Hale": "between_for"}
    assert {row["name"]: row["rule"] for row in result["apologies"]} == {
        "Eve Ford": "apology_sentence", "Hal Ince": "sent_apologies"}
    assert [row["rule"] for row in result["substitutes"]] == ["between_for"]


def test_rule_ids_name_an_entry_of_the_rule_files():
    from pipeline.extractors.people.vocabulary import data

    cues = data("cues")
    labels = [rule["id"] for rule in cues["rules"]]
    assert len(labels) == len(set(labels))
    known = {*labels, *cues["patterns"], *data("substitution"),
             *(f"item-{kind}" for kind in cues["item_titles"]),
             "table-grid", "substitutes-table", "unlabelled-list"}
    result = run("Present: Councillors A Bell and C Dee", "Officers: E Fox (Clerk)", "",
                 "1. Apologies", "", "Apologies were received from Councillor Gail Hale.",
                 "Councillor Ian Jones attended as substitute for Councillor Gail Hale.",
                 "Councillor A Bell in the Chair.")
    rules = {row["rule"] for rows in result.values() for row in rows}
    assert rules and rules <= known


def test_the_apology_word_gate_never_skips_an_apology_sentence():
    from pathlib import Path

    from pipeline.extractors.people.vocabulary import pattern
    from pipeline.readers import read

    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [b.text for path in sorted(root.glob("*.txt")) for b in read(path).blocks]
    texts += ["Apologies were received from Councillors A and B.", "APOLOGY from Cllr C"]
    found = 0
    for text in texts:
        hit = pattern("apology_sentence").search(text)
        found += bool(hit)
        if not pattern("apology_word").search(text):
            assert not hit, text
    assert found >= 2


def test_a_first_letter_lookahead_changes_no_match():
    import re
    from pathlib import Path

    from pipeline.extractors.people.vocabulary import data, pattern
    from pipeline.readers import read

    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [b.text for path in sorted(root.glob("*.txt")) for b in read(path).blocks]
    texts += ["Cllr A attended as substitute for Cllr B", "Cllr C (Sub)", "RESERVE: D"]
    patterns = data("cues")["patterns"]
    ahead = [n for n, p in patterns.items() if re.match(r"\(\?=\[\w+\]\)", p)]
    assert "substitution_words" in ahead
    for name in ahead:
        bare = re.compile(re.sub(r"^\(\?=\[\w+\]\)", "", patterns[name]), pattern(name).flags)
        for text in texts:
            assert bool(pattern(name).search(text)) == bool(bare.search(text)), (name, text)


def test_in_the_chair_between_and_and_the_name_goes_to_the_name_after_it():
    # parish minutes that name the chair last: "... Mr C and, in the Chair, Mrs D"
    text = "Mrs Ansell, Mr Byatt, Mr Corley and, in the Chair, Mrs Jane Darnell"
    assert [(p.name, p.role) for p in parse_list(text, 0, len(text))] == [
        ("Ansell", ""), ("Byatt", ""), ("Corley", ""), ("Jane Darnell", "Chair")]


def test_a_run_on_list_with_a_council_after_every_name_gives_each_name():
    # police and crime panels: "Cllr A, Council Cllr B, Council ..." with no separator
    text = ("Cllr T Oakes, Fenbury Borough Council Cllr Mrs D Lyle, Marsh Vale and District "
            "Council Mr S Ravel, Co-opted Member")
    people = parse_list(text, 0, len(text))
    assert [(p.name, p.organisation) for p in people] == [
        ("T Oakes", "Fenbury Borough Council"), ("D Lyle", "Marsh Vale and District Council"),
        ("S Ravel", "")]
    text = "R Hume, Brackenshire Police Authority P Greer, Fenbury Borough Council"
    assert [p.name for p in parse_list(text, 0, len(text))] == ["R Hume", "P Greer"]


def test_a_member_line_styled_as_a_heading_stays_in_the_list():
    # Word documents style a short stand-alone line as a heading; a line of titled names is
    # still the Present list, and a real heading after it still closes the list.
    result = run("PRESENT: Councillor R Amble (Chair)", "",
                 "## The Deputy Mayor Councillor B Croft", "",
                 "Aldermen C Dunmore and E Fenwick", "", "## Grants to community groups", "",
                 "Councillor G Hale thanked officers for the report.")
    assert names(result["attendees"]) == ["R Amble", "B Croft", "C Dunmore", "E Fenwick"]
    assert person(result["attendees"], "B Croft")["role"] == "Deputy Mayor"


def test_one_a_line_members_with_their_ward_after_a_comma():
    # "Cllr A B (Mayor), Riverside Ward": the ward after the comma is no person
    result = run("Councillors present:",
                 "Cllr Hannah Oakover (Mayor), Riverside Ward",
                 "Cllr Paul Brassfield, Castle Ward",
                 "Cllr Nadia Cotes, Riverside Ward",
                 "", "1. Apologies", "None.")
    assert names(result["attendees"]) == ["Hannah Oakover", "Paul Brassfield", "Nadia Cotes"]
    assert person(result["attendees"], "Hannah Oakover")["role"] == "Mayor"


def test_minute_number_cell_before_a_labelled_list():
    # "24/041 | Apologies for absence: Cllr A (reason), Cllr B. |": tabular minutes as text
    result = run("Present: Cllrs D Penhale (Chairman), F Rowe", "",
                 "Minute | Item | Action",
                 "24/041 | Apologies for absence: Cllr G Treloar (holiday), Cllr H Vosper. "
                 "Apologies were accepted. |",
                 "24/042 | Minutes: the minutes of 8 April 2024 were signed. |")
    assert names(result["apologies"]) == ["G Treloar", "H Vosper"]


def test_grid_role_cell_naming_whom_a_deputy_stands_in_for():
    # "Name | Organisation | Role" with "Inspector (deputising for Chief Inspector X)" as the role
    result = run("Present", "Name | Organisation | Role |",
                 "Cllr Mina Hollis | Ormbury Council | Chair |",
                 "Jon Tarrant | Ormbury Police | Inspector (deputising for Chief Inspector "
                 "Kay Beddow) |",
                 "", "1. Minutes")
    assert names(result["attendees"]) == ["Mina Hollis", "Jon Tarrant"]
    assert person(result["attendees"], "Jon Tarrant")["role"] == "Inspector"
    assert pairs(result) == [("Kay Beddow", "Jon Tarrant")]


def test_a_county_councillor_s_cc_after_the_name_is_dropped() -> None:
    """'Mr P J Rendall CC': county councils write 'CC' (County Councillor) after members'
    names as other post-nominals ('MBE') are written; it is no part of the name."""
    from pipeline.extractors import extract_document

    text = ("Scrutiny Commission\n\nMinutes of a meeting held on 3 May 2025\n\n"
            "Present: Mr P J Rendall CC (in the Chair), Mrs J Pennock MBE CC, Dr K Feltham "
            "CC\n\nApologies: Mr T Oduya CC\n")
    rows = extract_document(parse_text(text, "t.txt"))
    assert [r["name"] for r in rows["attendees"]] == ["P J Rendall", "J Pennock", "K Feltham"]
    assert [r["name"] for r in rows["apologies"]] == ["T Oduya"]


def test_a_moderngov_items_table_header_is_no_officer() -> None:
    """'Officers: ...' then the items table of a ModernGov page, headed 'No. | Item' or
    'Note No. | Item': the header is no person listed under the label."""
    from pipeline.extractors import extract_document

    for header in ("No. Item", "Note No. Item"):
        text = ("Planning Committee\n\nMinutes of a meeting held on 3 May 2025\n\n"
                "Present: Councillor A Hale (Chair)\n\nOfficers:\n"
                "N Brand (Planning Manager) and G Tull (Solicitor)\n\n"
                f"Items\n{header}\n\n61.\n\nMinutes\n\nRESOLVED: That the minutes be agreed.\n")
        rows = extract_document(parse_text(text, "t.txt"))
        assert [r["name"] for r in rows["attendees"]] == ["A Hale", "N Brand", "G Tull"], header
