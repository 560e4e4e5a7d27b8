"""Apologies and attendance in shapes found on real councils' pages, and what stays out."""

from __future__ import annotations

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.readers.text import parse_text


def run(*paragraphs: str) -> dict[str, list[dict]]:
    text = "Board\n\nMinutes of the meeting held on 3 May 2024\n\n" + "\n\n".join(paragraphs)
    return extract_attendance(parse_text(text + "\n", "t.txt"))


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


AGENDA_NOTE = ("Members are reminded that a constituent authority may nominate a substitute "
               "member when its representative cannot attend.")


def test_minutes_marker_reopens_the_item_its_agenda_note_closed():
    result = run("84.", "Apologies", AGENDA_NOTE, "Minutes:", "Cllr D Renshaw.")
    assert names(result["apologies"]) == ["D Renshaw"]


def test_minutes_marker_of_the_next_item_opens_nothing():
    result = run("84.", "Apologies", AGENDA_NOTE, "85.", "Chair's Announcements", "Minutes:",
                 "Cllr D Renshaw.")
    assert names(result["apologies"]) == []


def test_apologised_after_the_names_is_an_apology_and_lateness_is_not():
    result = run("1. Apologies", "Councillors Ann Bell and Carl Dee apologised for their "
                 "inability to attend the meeting.",
                 "Councillor Eve Ford apologised for arriving late.")
    assert names(result["apologies"]) == ["Ann Bell", "Carl Dee"]
    assert names(result["attendees"]) == []


def test_parish_councillors_sublabel_with_a_comma_and_also_label():
    result = run("Present: Councillors, Mr A Hurst (Chair), Mrs B Lowe & Mr C Dyer (Clerk). "
                 "Also: District Councillor P Marsh and 3 members of the public.", "1. Minutes")
    assert names(result["attendees"]) == ["A Hurst", "B Lowe", "C Dyer", "P Marsh"]
    marsh = result["attendees"][-1]
    assert (marsh["role"], marsh["capacity"]) == ("District Councillor", "other")


def test_names_separated_by_slashes():
    result = run("Present: Cllrs A Bright / T Carver / J Dunmore", "Apologies: Cllrs Fenn/Grey",
                 "Also present: Mrs K Ellis (Chair/RFO)", "1. Minutes")
    assert names(result["attendees"]) == ["A Bright", "T Carver", "J Dunmore", "K Ellis"]
    assert names(result["apologies"]) == ["Fenn", "Grey"]


def test_a_ward_after_each_member_is_no_part_of_the_name():
    result = run("Present:", "Councillor Anne Bright - Hillside",
                 "Councillor Tom Carver - Northgate", "Councillor Jill Dunmore - Abbey",
                 "Apologies:", "Councillor Lee Fenn - Riverside", "1. Minutes")
    assert names(result["attendees"]) == ["Anne Bright", "Tom Carver", "Jill Dunmore"]
    assert names(result["apologies"]) == ["Lee Fenn"]
    result = run("Present: Cllr Anne Bright - Hillside, Cllr Tom Carver - Northgate and "
                 "Cllr Jill Dunmore - Abbey", "1. Minutes")
    assert names(result["attendees"]) == ["Anne Bright", "Tom Carver", "Jill Dunmore"]


def test_a_double_barrelled_name_with_a_spaced_dash_stays_whole():
    result = run("Present: Cllr Wendy Morris – Twiddy", "Cllr Brenda Haynes",
                 "Cllr Sue Jones – Davies", "Cllr Kevin Pryce", "1. Minutes")
    assert names(result["attendees"]) == ["Wendy Morris-Twiddy", "Brenda Haynes",
                                          "Sue Jones-Davies", "Kevin Pryce"]
    result = run("Present: Cllr Wendy Morris – Twiddy, Cllr Tom Carver and Cllr Sue Jones – "
                 "Davies", "1. Minutes")
    assert names(result["attendees"]) == ["Wendy Morris-Twiddy", "Tom Carver", "Sue Jones-Davies"]


def test_an_office_after_the_dash_stays_the_role():
    result = run("Present:", "Anne Bright - Chair", "Tom Carver - Clerk",
                 "Jill Dunmore - Treasurer", "1. Minutes")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("Anne Bright", "Chair"), ("Tom Carver", "Clerk"), ("Jill Dunmore", "Treasurer")]


def test_a_surname_printed_in_lower_case_ends_an_apologies_line():
    result = run("2. Apologies for absence",
                 "Apologies for absence were received from Councillors Rod Scott and Diane Neil "
                 "mills")
    assert names(result["apologies"]) == ["Rod Scott", "Diane Neil mills"]


def test_a_verb_or_adverb_after_the_last_name_is_no_surname():
    for tail in ("received", "respectively", "earlier", "also", "today", "tendered"):
        result = run("2. Apologies", "Apologies were received from Councillors Rod Scott and "
                     f"Diane Neil {tail}")
        assert names(result["apologies"]) == ["Rod Scott", "Diane Neil"], tail
    result = run("2. Apologies", "Apologies were received from Councillor Scott and Neil mills")
    assert names(result["apologies"]) == ["Scott", "Neil"]  # no forename and surname before it


def test_were_present_sentences_count_before_the_first_item_and_a_roll_in_an_item():
    # in an item only a roll counts ('was in attendance', 'Present were'): a councillor
    # attending for that item is there; 'was present at the site visit' is discussion
    result = run("Present: Cllrs C Barlow and C Brodie.", "District Cllrs Burridge and Corrie were "
                 "present", "Councillor Dee was not present.", "1. Minutes",
                 "Councillor Ewart was present at the site visit.",
                 "Councillor Ford was in attendance.")
    assert names(result["attendees"]) == ["C Barlow", "C Brodie", "Burridge", "Corrie", "Ford"]
    assert {r["capacity"] for r in result["attendees"][2:]} == {"other"}


def test_an_apology_word_in_a_label_outweighs_a_longer_attendance_word():
    result = run("7. Apologies", "Apologies had been received from Councillors: DJ Bentham and "
                 "NL Vaughton.", "8. Minutes")
    assert names(result["apologies"]) == ["DJ Bentham", "NL Vaughton"]
    assert names(result["attendees"]) == []


def test_a_narrative_sentence_after_a_list_is_no_note_of_its_last_name():
    result = run("1. Apologies", "Cllr L Watt and Cllr J Fordyce (family), Cllr A Hartley (work) "
                 "and Cllr H Allonby (leave). The meeting accepted these as proper reasons.")
    assert names(result["apologies"]) == ["L Watt", "J Fordyce", "A Hartley", "H Allonby"]
    assert {r["role"] for r in result["apologies"]} == {""}


def test_a_slash_between_office_words_is_no_separator():
    result = run("In attendance: Mr D Iveson Admin/Finance Officer", "1. Minutes")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("D Iveson", "Admin/Finance Officer")]


def test_a_forename_and_surname_after_an_office_and_and_stays_the_office():
    result = run("In attendance: Ms T Varga, Head of Planning and Building Control; Mr A Bell, "
                 "Director of Finance and Resources", "1. Minutes")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("T Varga", "Head of Planning and Building Control"),
        ("A Bell", "Director of Finance and Resources")]


def test_absent_without_apologies_is_neither_present_nor_an_apology():
    result = run("Present: Cllrs A Ash and B Birch", "Absent without apologies: Cllr J Juniper",
                 "No apologies: Cllr K Kale", "1. Minutes")
    assert names(result["apologies"]) == []
    assert names(result["attendees"]) == ["A Ash", "B Birch"]


def test_a_moderngov_item_row_reads_what_its_minutes_marker_records():
    result = run("84.\tApologies Members are reminded that a constituent authority may nominate "
                 "a substitute. Minutes: Cllr A Kingsley.\n"
                 "85.\tChair's Announcements Minutes: Cllr B Lowe thanked the officers.")
    assert names(result["apologies"]) == ["A Kingsley"]
    assert names(result["attendees"]) == []


def test_a_clause_after_a_semicolon_ends_an_apologies_list():
    result = run("1. Apologies", "Apologies for absence were submitted by Cllrs Fane, Gale and "
                 "Hope; Cllr Irwin would be late.", "Councillor Dunn sent her apologies, as did "
                 "Councillor Eden.")
    assert names(result["apologies"]) == ["Fane", "Gale", "Hope", "Dunn", "Eden"]


def test_abbreviated_tier_honorifics_before_names():
    result = run("Also present: Dist Cllr G Hale, Cty Cllr I Jones, CC K Lowe, DC M Neal and "
                 "2 members of the public", "1. Minutes")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("G Hale", "Dist Cllr"), ("I Jones", ""), ("K Lowe", "CC"), ("M Neal", "DC")]


def test_apologies_added_to_earlier_minutes_are_not_this_meetings():
    result = run("1. Apologies", "Apologies were received from Councillor Ash, who had also been "
                 "absent at the last meeting.", "2. Minutes",
                 "The minutes of the meeting held on 4 April were agreed as a correct record, "
                 "subject to the inclusion of apologies from Councillor Birch.",
                 "The minutes of the last meeting were amended to record the apologies of "
                 "Councillor Cedar.")
    assert names(result["apologies"]) == ["Ash"]


def test_apologising_for_something_else_is_no_apology_for_absence():
    result = run("1. Apologies", "Councillor Ann Bell apologised for the delay in circulating the "
                 "papers.", "Councillor Carl Dee apologised.")
    assert names(result["apologies"]) == ["Carl Dee"]


def test_a_list_of_surnames_that_tendered_apologies():
    result = run("1. Apologies", "Councillors Gale and Hume tendered their apologies.",
                 "Apologies: Councillor Jay (Chair) – Councillor Kerr (Vice-Chair) took the Chair.")
    assert sorted(names(result["apologies"])) == ["Gale", "Hume", "Jay"]


def test_attended_apologies_absent_groups_of_an_attendance_tab():
    result = run("Attended", "Councillor A Bellamy", "Councillor C Deane", "Apologies",
                 "Councillor E Foxley", "Absent", "Councillor G Haley", "1. Minutes")
    assert names(result["attendees"]) == ["A Bellamy", "C Deane"]
    assert names(result["apologies"]) == ["E Foxley"]


def test_offices_with_names_in_brackets_and_a_plural_honorific_mid_list():
    result = run("Present: The Mayor (Councillor A Bellamy), the Deputy Mayor (Councillor C "
                 "Deane) and Councillors E Foxley, G Haley and Smith, together with Mr K Lowry "
                 "(Town Clerk)", "In attendance: the Clerk (Mrs J Smithers) and the RFO (Ms P "
                 "Quinn)", "1. Minutes")
    assert [(r["name"], r["role"]) for r in result["attendees"]] == [
        ("A Bellamy", "Mayor"), ("C Deane", "Deputy Mayor"), ("E Foxley", ""), ("G Haley", ""),
        ("Smith", ""), ("K Lowry", "Town Clerk"), ("J Smithers", "Clerk"), ("P Quinn", "RFO")]


def test_a_titled_name_before_a_dash_is_no_label():
    result = run("1. Apologies for absence", "- Cllr A Bellamy – holiday\n- Mrs E Foxley (Clerk) – "
                 "unwell", "2. Declarations of interest")
    assert names(result["apologies"]) == ["A Bellamy", "E Foxley"]
    assert names(result["attendees"]) == []


def test_a_name_with_an_office_in_brackets_before_a_dash_is_no_label():
    result = run("Present:", "Jane Smithson (Chair) – Fernley Council", "Tom Carver – Westshire "
                 "Police", "1. Minutes")
    assert [(r["name"], r["role"], r["organisation"]) for r in result["attendees"]] == [
        ("Jane Smithson", "Chair", "Fernley Council"), ("Tom Carver", "", "Westshire Police")]


def test_also_under_apologies_goes_on_with_them():
    result = run("2. Apologies", "Apologies for absence were received from: Councillors Mrs "
                 "Arianwen Owen & ALSO: County Councillor Mr Peter Rodger.", "3. Welcome")
    assert names(result["apologies"]) == ["Arianwen Owen", "Peter Rodger"]
    assert names(result["attendees"]) == []


def test_officer_and_secretary_labels_but_no_contact_officer():
    result = run("Present: Cllr A Bell (Chair)", "Democratic Services Officer: Ms C Dee",
                 "Secretary: Mr E Fox", "Contact Officer: Jane Smith", "1. Minutes")
    assert [(r["name"], r["capacity"]) for r in result["attendees"]] == [
        ("A Bell", "member"), ("C Dee", "officer"), ("E Fox", "officer")]


def test_bilingual_slash_labels_read_their_english_half():
    result = run("PRESENOLDEB/ATTENDANCE Presennol yn y Cyfarfod/Present at Meeting: GADEIRYDD/ "
                 "CHAIR: R Llewelyn IS-GADEIRYDD/ DEPUTY CHAIR: G Tomos",
                 "AELODAU/MEMBERS: Cyng/Cllrs: J Baylis, K W Curran, A Woolcott "
                 "YMDDIHEURIADAU/APOLOGIES: Cyng/Cllrs: C J Crowe, K Pearce",
                 "YN BRESENNOL /IN ATTENDANCE: R Smithson, P Bateson", "Apologies/Substitutes: "
                 "Cllr D Dunn", "1 APOLOGIES FOR ABSENCE")
    assert [(r["name"], r["role"], r["capacity"]) for r in result["attendees"]] == [
        ("R Llewelyn", "Chair", "member"), ("G Tomos", "Deputy Chair", "member"),
        ("J Baylis", "", "member"), ("K W Curran", "", "member"), ("A Woolcott", "", "member"),
        ("R Smithson", "", "officer"), ("P Bateson", "", "officer")]
    assert names(result["apologies"]) == ["C J Crowe", "K Pearce", "D Dunn"]


def test_apology_list_resumes_after_a_clause_about_one_member():
    result = run("1. Apologies", "Apologies were received from Councillor Ann Bell, whose "
                 "substitute was Councillor Tom Reed, and from Councillor Jo Hart.")
    assert names(result["apologies"]) == ["Ann Bell", "Jo Hart"]
    assert [(r["member"], r["substitute"]) for r in result["substitutes"]] == [
        ("Ann Bell", "Tom Reed")]


def test_apology_list_resumes_after_a_reason_clause():
    result = run("1. Apologies", "Apologies were received from Councillor Ann Bell, who was on "
                 "holiday, and also from Councillors Jo Hart and Bo Hill.")
    assert names(result["apologies"]) == ["Ann Bell", "Jo Hart", "Bo Hill"]


def test_a_name_and_its_office_then_comma_and_a_name_and_its_office_are_two_apologies():
    result = run("1. Apologies for Absence",
                 "1.1. The Chair noted apologies from Hester Quarrington, Non-Executive Director, "
                 "and Lionel Fawkesby, Chief Operating Officer.")
    assert [(row["name"], row["role"]) for row in result["apologies"]] == [
        ("Hester Quarrington", "Non-Executive Director"),
        ("Lionel Fawkesby", "Chief Operating Officer")]


def test_comma_and_an_organisation_after_an_office_stays_a_note():
    # no office after it: the words after ', and' are read as before (a note on the person)
    result = run("1. Apologies for Absence",
                 "Apologies were received from Ms Wren Ashdown, Project Officer, and Tarn Valley "
                 "Waterways.")
    assert names(result["apologies"]) == ["Wren Ashdown"]


def test_the_next_item_s_minutes_marker_under_a_title_ending_in_a_full_stop_opens_nothing():
    # a ModernGov page: number, title in capitals with a full stop, "Minutes:", what was
    # minuted; the declarations table under item 2 is no list of apologies
    result = run("1.", "APOLOGIES FOR ABSENCE.", "Minutes:",
                 "Apologies for absence were received from County Councillor B Ravensworth who "
                 "was on other Council business.",
                 "2.", "DECLARATIONS OF PERSONAL INTEREST.", "Minutes:",
                 "Councillor\tMinute Number\tNature of Interest\n"
                 "T.J. Morwenna\t6 – Coastal Paths Review\tSister is a ranger\n"
                 "C. Isfryn\t6 – Coastal Paths Review\tMember of the Coast Trust")
    assert names(result["apologies"]) == ["B Ravensworth"]
