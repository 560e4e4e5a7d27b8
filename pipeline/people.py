"""People linked across a run's meetings, and their attendance (issue 14).

Within an authority the same person is written "Councillor J Smith", "Cllr Smith" and
"John Smith (Chair)"; the rows of attendees, apologies and substitutes give them as the
guidelines write names ("J Smith", "Smith", "John Smith"). `PeopleLinker` links them,
conservatively:

- names are compared within one authority, by surname (folded, particles kept: "ap
  Dafydd", "van der Berg");
- two forenames that differ, or initials that conflict ("A Patel", "R Patel"), are two
  people; initials join the one forename they fit ("J Smith" -> "John Smith") and are
  left apart when two fit (then each is its own, ambiguous, entry);
- a bare surname joins a person only when one member of that body has the surname;
  where two do, it is left unlinked and `note` says so.

`write_people` reads a run folder's documents, parts, attendees, apologies and
substitutes CSVs (streamed, so a large archive is read without holding its rows) and
writes `people.csv`, `attendance.csv` (one row per person per meeting: present,
apologies, substituted, substitute; one meeting printed in two files is one meeting) and
`attendance_summary.csv` (per person, body and municipal year, May to April, as councils
publish "councillor attendance"; meetings of the body that the papers record without the
person are counted apart, as not recorded, never as absences).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from contextlib import closing
from pathlib import Path

from pipeline.export.csv import CsvStream, write_csv
from pipeline.linking import ParsedName, PeopleLinker, _fold, _fullest, _Person, parse_name
from pipeline.meetings import Meeting, meetings_of, mentions_of
from pipeline.model.bodies import authority_key
from pipeline.model.records import SCHEMA
from pipeline.register import Member, bare_name, import_register, load_register

#: A meeting's status for a person, strongest first where a paper gives two.
STATUSES = ("substitute", "present", "substituted", "apologies")


def write_people(out: Path, raw_csv: bool = False) -> dict[str, int]:
    """Write people.csv, attendance.csv and attendance_summary.csv of the run folder `out`
    from its other CSVs; returns the row counts.

    Memory holds the meetings and the distinct names; each mention goes to a scratch
    SQLite table on disk, which keeps the strongest status per person per meeting and
    gives the counts, so a run of 100,000 papers is never held whole."""
    meetings = meetings_of(out, raw_csv)
    nowhere = Meeting(("",), "", "", "")

    def meeting(document: str, part: str) -> Meeting:
        return meetings.get((document, part or "1"), nowhere)

    sittings: dict[tuple[str, str], str] = {}

    def sitting(where: Meeting) -> str:
        # whom a bare surname can mean: the members of that body in that municipal year;
        # one string per sitting, however many names are written at it
        key = (where.body, where.date)
        if key not in sittings:
            sittings[key] = f"{_fold(where.body).strip()}\t{municipal_year(where.date)}"
        return sittings[key]

    linker = PeopleLinker()
    for document, part, name, _, _ in mentions_of(out, raw_csv):
        where = meeting(document, part)
        linker.add(where.authority, sitting(where), name)
    linker.link()
    with tempfile.TemporaryDirectory(dir=out, prefix=".people-") as scratch, \
            closing(sqlite3.connect(Path(scratch) / "seen.sqlite")) as db:
        db.execute("CREATE TABLE seen (person TEXT, meeting TEXT, extra TEXT, rank INT, "
                   "status TEXT, name TEXT, role TEXT, document TEXT, part TEXT, body TEXT, "
                   "date TEXT, year TEXT, authority TEXT, PRIMARY KEY (person, meeting, extra))")
        for document, part, name, status, role in mentions_of(out, raw_csv):
            where = meeting(document, part)
            person = linker.person(where.authority, sitting(where), name)
            if person is None:
                continue
            # one row per person per meeting (an unlinked name may be two people at one),
            # the strongest status any paper of the meeting gives, found where first named
            db.execute(
                "INSERT INTO seen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (person, meeting, extra) DO UPDATE SET rank = excluded.rank, "
                "status = excluded.status, name = excluded.name, role = CASE WHEN "
                "excluded.role <> '' THEN excluded.role ELSE seen.role END "
                "WHERE excluded.rank < seen.rank",
                (person.person_id, "\x1f".join(where.key),
                 f"{status}\t{name}" if person.note else "", STATUSES.index(status), status,
                 name, role, document, part or "1", where.body, where.date,
                 municipal_year(where.date), where.authority))
        # what the summary needs of the meetings: how many each body held each year
        held = _meetings_held(meetings)
        meetings.clear()  # one entry per paper: gone before the tables are written
        counts = {"attendance": _write_attendance(db, out, raw_csv)}
        people = _people_rows(db, linker)
        _link_register(people, {p.person_id: p for p in linker.people}, load_register(out))
        write_csv(out / "people.csv", people, SCHEMA["people"].columns, raw=raw_csv)
        counts["people"] = len(people)
        counts["attendance_summary"] = _write_summary(db, people, held, out, raw_csv)
    return counts


def _meetings_held(meetings: dict[tuple[str, str], Meeting]) -> Counter[tuple[str, str, str]]:
    """(authority, body, municipal year) -> the meetings the papers record (a meeting
    printed in two papers once)."""
    seen: set[tuple[str, ...]] = set()
    held: Counter[tuple[str, str, str]] = Counter()
    for meeting in meetings.values():
        if meeting.key not in seen:
            seen.add(meeting.key)
            held[(meeting.authority, meeting.body, municipal_year(meeting.date))] += 1
    return held


def _write_attendance(db: sqlite3.Connection, out: Path, raw_csv: bool) -> int:
    stream = CsvStream(out / "attendance.csv", SCHEMA["attendance"].columns, raw=raw_csv)
    count = 0
    for person, authority, body, date, status, name, role, document, part in db.execute(
            "SELECT person, authority, body, date, status, name, role, document, part FROM seen "
            "ORDER BY person, meeting, extra"):
        stream.write({"person_id": person, "authority": authority, "document": document,
                      "part": part, "body": body, "date": date, "status": status,
                      "name": name, "role": role})
        count += 1
    stream.close()
    return count


def _people_rows(db: sqlite3.Connection, linker: PeopleLinker) -> list[dict]:
    stats = {person: (first or "", last or "", meetings) for person, first, last, meetings in
             db.execute("SELECT person, MIN(NULLIF(date, '')), MAX(NULLIF(date, '')), "
                        "COUNT(*) FROM seen GROUP BY person")}
    bodies: dict[str, list[str]] = defaultdict(list)
    for person, body in db.execute("SELECT DISTINCT person, body FROM seen WHERE body <> '' "
                                   "ORDER BY person, body"):
        bodies[person].append(body)
    people = []
    for person in sorted(linker.people, key=lambda p: p.person_id):
        first, last, count = stats.get(person.person_id, ("", "", 0))
        people.append({"person_id": person.person_id, "authority": person.authority,
                       "name": _fullest(person.variants),
                       "variants": " | ".join(sorted(person.variants)),
                       "bodies": " | ".join(bodies.get(person.person_id, [])),
                       "first_meeting": first, "last_meeting": last, "meetings": count,
                       "note": person.note})
    return people


def link_register(path: Path, run_dir: Path, authority: str = "") -> int:
    """Import a register into a run folder and rewrite its people tables to match;
    returns the number of members read."""
    count = import_register(path, run_dir, authority)
    write_people(run_dir)
    return count


def _link_register(people: list[dict], persons: dict[str, _Person],
                   register: list[Member]) -> None:
    """Each person's party, ward and key posts from the one register entry that fits."""
    by_surname: dict[tuple[str, str], list[tuple[Member, ParsedName]]] = defaultdict(list)
    for member in register:
        parsed = parse_name(bare_name(member.name))
        if parsed is not None:
            by_surname[(authority_key(member.authority), parsed.surname)].append(
                (member, parsed))
    for row in people:
        person = persons[row["person_id"]]
        if person.note or not person.authority:
            continue
        entries = by_surname.get((authority_key(person.authority), person.parsed.surname), [])
        # the fullest name the papers give decides ("Jane Okafor" over "Okafor")
        parsed = parse_name(row["name"]) or person.parsed
        fits = [m for m, other in entries if other.fits(parsed)]
        if len(fits) == 1:
            member = fits[0]
            row.update(party=member.party, ward=member.ward, key_posts=member.key_posts,
                       register_id=member.id or member.name)


def municipal_year(date: str) -> str:
    """The council year a meeting falls in: from the annual meeting in May to April
    ('2024-03-19' -> '2023/24', '2024-06-25' -> '2024/25'); '' for no date."""
    if not re.match(r"\d{4}-\d{2}", date):
        return ""
    year, month = int(date[:4]), int(date[5:7])
    start = year if month >= 5 else year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _write_summary(db: sqlite3.Connection, people: list[dict],
                   held: Counter[tuple[str, str, str]], out: Path, raw_csv: bool) -> int:
    """Per person, body and municipal year: the meetings recorded and their statuses, and
    the meetings of that body that year the papers record without the person."""
    named = {p["person_id"]: p for p in people}
    stream = CsvStream(out / "attendance_summary.csv", SCHEMA["attendance_summary"].columns,
                       raw=raw_csv)
    rows: dict[tuple[str, str, str], Counter[str]] = {}
    count = 0

    def flush() -> None:
        nonlocal count
        for (person_id, body, year), statuses in rows.items():
            person = named.get(person_id, {})
            recorded = sum(statuses.values())
            authority = person.get("authority", "")
            stream.write({"person_id": person_id, "name": person.get("name", ""),
                          "authority": authority, "body": body, "year": year,
                          "meetings_recorded": recorded, "present": statuses["present"],
                          "sent_apologies": statuses["apologies"],
                          "substituted": statuses["substituted"],
                          "substituting": statuses["substitute"],
                          "not_recorded": max(0, held[(authority, body, year)] - recorded)})
            count += 1
        rows.clear()

    last = None
    for person, body, year, status, n in db.execute(
            "SELECT person, body, year, status, COUNT(*) FROM seen "
            "GROUP BY person, body, year, status ORDER BY person, body, year"):
        if person != last:
            flush()
            last = person
        rows.setdefault((person, body, year), Counter())[status] += n
    flush()
    stream.close()
    return count
