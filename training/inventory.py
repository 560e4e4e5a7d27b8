"""Invented words for generated attendance lines: first names, surname and place syllables,
departments, portfolios and office shapes. Honorifics, ranks, chair markers and
organisation words come from models/attendance/*.json and models/structure/vocabulary.json
(see `make_attendance_data.vocabularies`); nothing here is taken from a paper.
"""

from __future__ import annotations


def _words(text: str, sep: str | None = None) -> list[str]:
    """A word list written as a block of text (split on whitespace, or on sep)."""
    return [w.strip() for w in text.strip().split(sep) if w.strip()]


FIRST_NAMES = _words("""
Abena Adeline Ailsa Alaric Alder Amara Anwen Arlo Astrid Aurelio Bashir Beatrix Bellamy Blessing
Bram Briony Caius Calla Cerys Chidi Cillian Clemmie Corin Dafydd Dalia Damaris Delphine Dinah
Eamon Edric Efua Eilidh Elspeth Emrys Esme Ezra Farah Fenna Ffion Florian Gethin Gideon Greer
Gulnar Hamza Hattie Idris Ilse Imani Ines Isolde Ivo Jaspal Jemima Joaquin Jory Juno Kasimir
Keturah Kit Lachlan Leofric Linnea Lowri Lucan Maelle Magnus Marisol Meera Merrick Mireille
Nadira Nell Niamh Nikhil Odile Olamide Orla Osric Pasco Perpetua Petroc Quill Rafferty Ravinder
Rhosyn Romilly Rufus Saoirse Selin Seren Silas Solveig Tamsin Taran Tegan Thaddeus Tobiah Ulric
Una Valentin Vesna Wren Xavi Yara Yestin Zainab Zephyr Ambrose Carys Dorcas Elowen Fergal
""")

NAME_SYLLABLES = _words("""
ka ri to mel an da vi lo sen ra be tha nor ya li ze ko mi do ra fen ul ja si ber no
""")

SURNAME_HEADS = _words("""
Ash Brack Brom Cal Carrow Dun Elder Fen Gar Glen Hal Heather Holm Kel Kirk Lang Lock Mar Mel
Moss Nor Oak Pen Quar Rad Ross Sel Stan Thorn Tre Wel Whit Wick Yar Bram Cran Ferr Hartle Lin
""")

SURNAME_TAILS = _words("""
by bury combe croft den dene field ford gate ham hurst ley lowe mere more ridge shaw stone ton
well wick worth wood thorpe garth
""")

SURNAMES = _words("""
Adebisi Agbaje Ahluwalia Andreou Arkwright Balasubramaniam Bellweather Bianchetti Brannigan
Castellane Chaudhury Cheung-Laird Ciobanu Coultard Dabrowska Delacourt Dimitriou Duquesne
Ekwensi Fairbrass Farquhar-Lyle Fitzgerald-Boyce Gallacher Ghoshal Gorecki Haddow Halvorsen
Ibekwe Iqbal Jankowska Kavanagh Kowalczyk Lamartine Lindahl MacInnes MacLachlan McCorquodale
McGlinchey Mbeki-Hart Nakamura Nwankwo O'Dwyer O'Halloran Okonjo-Reyes Papadakis Pellegrini
Quarshie Raffaelli Rasmussen Sadiq Santangelo Szabo Tanaka-Ross Teixeira Uddin Vasquez-Dunn
Venkataraman Wojcik Yeboah Zapata
""") + ["ap Rhys", "de Vere", "van Zyl", "St Aubyn-Hale"]

PLACE_HEADS = _words("""
Ash Brack Calder Dunmere Elm Fern Glas Hollin Ips Kes Lark March Nether Oaken Pel Quen Ravens
Sal Tam Ure Wend Wyn Alder Bryn Cold Hart Lyn Mor Stour Thistle
""")

PLACE_TAILS = _words("""
bridge brook bury by combe cott dale field ford ham holme ley mouth minster stead ton vale
wick worth moor
""")

DEPARTMENTS = _words("""
Housing
Planning
Public Health
Adult Social Care
Children's Services
Finance
Legal Services
Community Safety
Regeneration
Environment
Highways
Resources
Governance
Place
People
Democratic Services
Internal Audit
Pensions
Procurement
Licensing
Neighbourhoods
Commissioning
Education
Transport
Waste and Recycling
Customer Services
Economic Development
Safeguarding
Human Resources
Estates
""", "\n")

PORTFOLIOS = _words("""
Housing
Finance and Resources
Adult Social Care and Health
Children and Young People
Climate and Environment
Community Safety
Regeneration and Growth
Transport and Highways
Culture, Leisure and Tourism
Education and Skills
Planning and Development
Communities and Equalities
""", "\n")

OFFICE_NOUNS = _words("""
Officer
Manager
Adviser
Lead
Coordinator
Administrator
Analyst
Planner
Auditor
Solicitor
Engineer
Team Leader
Business Partner
Specialist
""", "\n")

OFFICE_ADJECTIVES = ["Senior", "Principal", "Assistant", "Lead", "Chief", "Deputy", ""]

FIXED_ROLES = _words("""
Chief Executive
Monitoring Officer
Section 151 Officer
Chief Finance Officer
Clerk
Town Clerk
Committee Clerk
Treasurer
Applicant
Agent for the Applicant
Interested Party
Independent Person
Co-opted Member
Independent Member
Parent Governor Representative
Youth Representative
Fund Actuary
External Auditor
Head of Paid Service
Leader of the Opposition
Station Commander
Borough Commander
District Commander
Group Manager
Designated Nurse
Clinical Lead
Medical Director
Chief Nurse
""", "\n")

ORG_SHAPES = _words("""
{p} Borough Council
{p} District Council
{p} County Council
{p} City Council
{p} Town Council
{p} Parish Council
{p} Council
London Borough of {p}
Royal Borough of {p}
Metropolitan Borough of {p}
City of {p} Council
{p} Police
{p} Constabulary
{p} Fire and Rescue Service
{p} Fire and Rescue Authority
{p} NHS Foundation Trust
{p} Hospitals NHS Trust
{p} Community Health NHS Trust
{p} Integrated Care Board
{p} and {q} Integrated Care Board
{p} Clinical Commissioning Group
{p} CCG
Healthwatch {p}
{p} Voluntary Action
{p} CVS
{p} Homes
{p} Housing Trust
{p} College
University of {p}
{p} Academies Trust
{p} Water
{p} Chamber of Commerce
{p} Safeguarding Adults Board
{p} Community Safety Partnership
{p} Youth Offending Service
{p} Drug and Alcohol Service
{s} {t} LLP
{s} and {t} Ltd
National Probation Service
Office of the Police and Crime Commissioner
Probation Service
Department for Work and Pensions
Environment Agency
Network Rail
OPCC
UNISON
GMB
Unite
""", "\n")

QUALIFIERS = _words("""
remote
attended remotely
via Teams
item 5 only
for item 7
from item 4
until item 9
left at 11.30 am
observing
minutes
""", "\n")
