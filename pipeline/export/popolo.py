"""Popolo JSON: a run's bodies, people, memberships, meetings and decisions.

The mapping (https://www.popoloproject.com/specs/):

- organizations: every body, one per key of bodies.csv (`body/<key>`: name, its aliases
  as other_names, body_type as classification, the body it `reports_to` as parent_id),
  reached from documents and relations by the keys their rows carry (the run resolved
  them once: `pipeline.model.bodies`), and every other organisation named in relations
  or attendance (`org/...`);
- persons: attendees, apologies and substitutes, one per person the run linked across
  its meetings (people.csv's `person_id`), else one per folded name;
- memberships: a person on the body of the paper that lists them, with their role and
  the organisation they represent as `on_behalf_of_id`; an organisation that is
  `member_of` a body as a membership with an Organization `member`;
- events: one meeting per paper of kind minutes (attendees with status present or
  apologies) and its agenda items as sub-events;
- motions: one per decision, in the item's event;
- vote_events: one per recorded vote (votes.csv), in the item's event, with its counts
  (yes / no / abstain, as printed), its result as stated and, for a named vote, each
  member's vote (vote_members.csv).

`replaces` and `linked_to` have no Popolo field (they stay in relations.csv and the
graph). Every record's `sources` point back to its papers; schemas: models/popolo/.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from pipeline.export.popolo_schema import (
    ROOT_SCHEMA,
    SCHEMA_FOLDER,
    PopoloInvalid,
    reference_problems,
    validate_popolo,
)
from pipeline.fsio import atomic_write_text
from pipeline.graph.keys import fold, keyed, person_key, person_name
from pipeline.tables import TABLE_COLUMNS, records, typed
from pipeline.version import __version__

__all__ = ["ROOT_SCHEMA", "SCHEMA_FOLDER", "PopoloInvalid", "build_popolo",
           "reference_problems", "source", "validate_popolo", "write_popolo"]

DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")
# People listed with these capacities sit on the body; guests ("other") do not.
MEMBERSHIP_DEFAULT_ROLE = {"member": "member", "": "member", "officer": "officer"}


#: votes.csv count columns and vote_members.csv positions as Popolo vote options.
VOTE_OPTIONS = {"for": "yes", "against": "no", "abstained": "abstain"}


def _rows(tables: Mapping[str, pd.DataFrame], name: str) -> list[dict]:
    """The table's rows with every value as text ("" for empty, a page as "3")."""
    frame = tables.get(name)
    if frame is None:
        return []
    return [{k: "" if v is None else str(v) for k, v in row.items()}
            for row in records(typed(frame, TABLE_COLUMNS.get(name, ())))]


def _split(value: str) -> list[str]:
    return [part.strip() for part in str(value).split(" | ") if part.strip()]


def _slug(key: str) -> str:
    return "-".join(key.split())


def source(document: str, page: str = "", note: str = "") -> dict:
    """A Popolo Link to a paper: its path (relative to the run's input) and page."""
    url = quote(document, safe="/")
    if page and page != "0":
        url += f"#page={page}"
    link = {"url": url}
    if note:
        link["note"] = " ".join(note.split())[:300]
    return link


def _row_source(row: dict) -> dict:
    return source(row.get("document", ""), row.get("page", ""), row.get("evidence", ""))


def _add_sources(record: dict, links: Iterable[dict]) -> None:
    have = {link["url"] for link in record.setdefault("sources", [])}
    for link in links:
        if link["url"] and link["url"] not in have:
            record["sources"].append(link)
            have.add(link["url"])


class _Builder:
    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self.run = keyed({name: _rows(tables, name) for name in tables})
        self.tables = self.run.rows
        self.organizations: dict[str, dict] = {}
        self.persons: dict[str, dict] = {}
        self.memberships: dict[str, dict] = {}
        self.events: dict[str, dict] = {}
        self.motions: list[dict] = []
        self.vote_events: list[dict] = []
        self.documents = {row["document"]: row for row in self.tables.get("documents", [])}
        # people linked across meetings (people.csv): (authority, body, date, name) -> person
        self.people = {row["person_id"]: row for row in self.tables.get("people", [])}
        self.linked = {(fold(row.get("authority", "")), fold(row.get("body", "")),
                        row.get("date", ""), row.get("name", "")): row["person_id"]
                       for row in self.tables.get("attendance", [])}

    def _table(self, name: str) -> list[dict]:
        return self.tables.get(name, [])

    # organizations ---------------------------------------------------------------
    def bodies(self) -> None:
        """One organization per body of the run (a key of bodies.csv)."""
        for row in self.run.bodies:
            aliases = _split(row.get("aliases", ""))
            key = row["key"]
            record = self.organizations.setdefault(f"body/{_slug(key)}", {
                "id": f"body/{_slug(key)}", "name": row["body"]})
            names = [{"name": a} for a in aliases if a != record["name"]]
            if names:
                known = {n["name"] for n in record.get("other_names", [])}
                record.setdefault("other_names", []).extend(
                    n for n in names if n["name"] not in known)
            if row.get("body_type"):
                record.setdefault("classification", row["body_type"])
            _add_sources(record, (source(d) for d in _split(row.get("documents", ""))))

    def organization(self, key: str, name: str, link: dict) -> str:
        """The id of the body keyed `key` (the run's key), or of the organisation called
        `name` when no body has that key."""
        if not key:
            return ""
        kind = "body" if self.run.is_body(key) else "org"
        record = self.organizations.setdefault(f"{kind}/{_slug(key)}", {
            "id": f"{kind}/{_slug(key)}", "name": name})
        _add_sources(record, [link])
        return str(record["id"])

    def relations(self) -> None:
        for row in self.tables.get("relations", []):
            link = _row_source(row)
            relation = row.get("relation", "")
            source_id = self.organization(row["source_key"], row["source"], link)
            target_id = self.organization(row["target_key"], row["target"], link)
            if not source_id or not target_id or source_id == target_id:
                continue
            if relation == "reports_to":
                self.organizations[source_id].setdefault("parent_id", target_id)
            elif relation == "member_of":
                self._membership({"member": {"@type": "Organization", "id": source_id},
                                  "organization_id": target_id, "role": "member"}, link)

    def body_of(self, document: str) -> str:
        row = self.documents.get(document)
        if not row or not row.get("body_key"):
            return ""
        return self.organization(row["body_key"], row["body"], source(document))

    # people ----------------------------------------------------------------------
    def linked_person(self, document: str, written: str) -> str:
        paper = self.documents.get(document, {})  # the run's person_id, where people are linked
        return self.linked.get((fold(paper.get("authority", "")), fold(paper.get("body", "")),
                                paper.get("date", ""), written), "")

    def person(self, written: str, link: dict, linked: str = "") -> str:
        key = person_key(written)
        if not key:
            return ""
        person_id = f"person/{_slug(linked or key)}"
        name, prefix = person_name(written.strip())
        if linked and self.people.get(linked, {}).get("name"):
            name = self.people[linked]["name"]  # the fullest name the papers give
        record = self.persons.get(person_id)
        if record is None:
            record = self.persons[person_id] = {"id": person_id, "name": name}
            if prefix:
                record["honorific_prefix"] = prefix
        elif name != record["name"] and name not in {
                n["name"] for n in record.get("other_names", [])}:
            record.setdefault("other_names", []).append({"name": name})
        _add_sources(record, [link])
        return person_id

    def _membership(self, fields: dict, link: dict) -> None:
        fields = {k: v for k, v in fields.items() if v}
        key = json.dumps(fields, sort_keys=True)
        membership_id = "membership/" + hashlib.sha1(key.encode()).hexdigest()[:12]
        record = self.memberships.setdefault(membership_id, {"id": membership_id, **fields})
        _add_sources(record, [link])

    def attendance(self) -> None:
        for table, status in (("attendees", "present"), ("apologies", "apologies")):
            for row in self._table(table):
                link = _row_source(row)
                written = row.get("name", "")
                person_id = self.person(written, link,
                                        self.linked_person(row["document"], written))
                if not person_id:
                    continue
                body_id = self.body_of(row["document"])
                capacity = row.get("capacity", "")
                if body_id and capacity in MEMBERSHIP_DEFAULT_ROLE:
                    represents = row.get("organisation", "")
                    on_behalf = self.organization(self.run.key(represents), represents, link)
                    self._membership({"person_id": person_id, "organization_id": body_id,
                                      "role": row.get("role") or MEMBERSHIP_DEFAULT_ROLE[capacity],
                                      "on_behalf_of_id": on_behalf}, link)
                event = self.meeting(row["document"])
                if event:
                    attendee = {"id": person_id, "name": self.persons[person_id]["name"],
                                "status": status}
                    if row.get("role"):
                        attendee["role"] = row["role"]
                    seen = {(a["id"], a["status"]) for a in event["attendees"]}
                    if (person_id, status) not in seen:
                        event["attendees"].append(attendee)
        for row in self._table("substitutes"):
            for column in ("member", "substitute"):
                if row.get(column):
                    self.person(row[column], _row_source(row),
                                self.linked_person(row["document"], row[column]))

    # meetings and decisions --------------------------------------------------------
    def meeting(self, document: str) -> dict | None:
        row = self.documents.get(document)
        if not row or row.get("kind") != "minutes":
            return None
        event_id = f"event/{document}"
        if event_id not in self.events:
            body = row.get("body", "")
            date = row.get("date", "")
            name = f"{body or document} meeting" + (f", {date}" if date else "")
            event: dict[str, Any] = {"id": event_id, "name": name, "classification": "meeting"}
            if DATE.match(date):
                event["start_date"] = date
            body_id = self.body_of(document)
            if body_id:
                event["organization_id"] = body_id
            event["attendees"] = []
            event["sources"] = [source(document, row.get("page", ""))]
            self.events[event_id] = event
        return self.events[event_id]

    def item(self, document: str, number: str, title: str, link: dict) -> str:
        """The id of the agenda item's event (made when new); "" outside minutes."""
        meeting = self.meeting(document)
        if meeting is None:
            return ""
        base = f"{meeting['id']}#item-{number}" if number else f"{meeting['id']}#item"
        if number and base in self.events:
            return base
        event_id, n = base, 1
        while event_id in self.events:
            n += 1
            event_id = f"{base}-{n}"
        event: dict[str, Any] = {
            "id": event_id, "name": ". ".join(p for p in (number, title) if p) or "Item",
            "classification": "agenda item", "parent_id": meeting["id"]}
        for field in ("start_date", "organization_id"):
            if field in meeting:
                event[field] = meeting[field]
        if number:
            event["identifiers"] = [{"identifier": number, "scheme": "item"}]
        event["sources"] = [link]
        self.events[event_id] = event
        return event_id

    def items(self) -> None:
        for row in self._table("items"):
            self.item(row["document"], row.get("number", ""), row.get("title", ""),
                      _row_source(row))

    def decisions(self) -> None:
        counts: dict[str, int] = {}
        for row in self._table("decisions"):
            if not row.get("text", "").strip():
                continue
            document = row["document"]
            counts[document] = counts.get(document, 0) + 1
            link = _row_source(row)
            motion: dict[str, Any] = {"id": f"motion/{document}#{counts[document]}"}
            body_id = self.body_of(document)
            if body_id:
                motion["organization_id"] = body_id
            session = ""
            if row.get("item"):
                session = self.item(document, row["item"], "", link)
            if not session and self.meeting(document):
                session = f"event/{document}"
            if session:
                motion["legislative_session_id"] = session
            motion["text"] = row["text"]
            if row.get("kind"):
                motion["classification"] = row["kind"].lower()
            date = self.documents.get(document, {}).get("date", "")
            if DATE.match(date):
                motion["date"] = date
            motion["sources"] = [link]
            self.motions.append(motion)

    def votes(self) -> None:
        """One VoteEvent per recorded vote: counts as printed, the result as stated, and
        each member's vote in a named vote."""
        members: dict[tuple[str, str], list[dict]] = {}
        for row in self._table("vote_members"):
            members.setdefault((row["document"], row.get("vote", "")), []).append(row)
        for row in self._table("votes"):
            document, number = row["document"], row.get("vote", "")
            link = _row_source(row)
            event: dict[str, Any] = {
                "id": f"vote_event/{document}#{number or len(self.vote_events) + 1}"}
            body_id = self.body_of(document)
            if body_id:
                event["organization_id"] = body_id
            session = self.item(document, row["item"], "", link) if row.get("item") else ""
            if not session and self.meeting(document):
                session = f"event/{document}"
            if session:
                event["legislative_session_id"] = session
            if number:
                event["identifier"] = number
            if row.get("motion"):
                event["classification"] = row["motion"]
            date = self.documents.get(document, {}).get("date", "")
            if DATE.match(date):
                event["start_date"] = date
            if row.get("result"):
                event["result"] = row["result"]
            counts = [{"option": option, "value": int(row[column])}
                      for column, option in VOTE_OPTIONS.items() if row.get(column)]
            if counts:
                event["counts"] = counts
            votes = []
            for member in members.get((document, number), []):
                voter = self.person(member.get("name", ""), _row_source(member))
                option = VOTE_OPTIONS.get(member.get("position", ""))
                if voter and option:
                    votes.append({"vote_event_id": event["id"], "voter_id": voter,
                                  "option": option})
            if votes:
                event["votes"] = votes
            event["sources"] = [link]
            self.vote_events.append(event)

    def build(self) -> dict:
        self.bodies()
        self.relations()
        for document in self.documents:
            self.meeting(document)
        self.items()
        self.attendance()
        self.decisions()
        self.votes()
        return {
            "meta": {"generator": f"minutebook {__version__}",
                     "schema": "models/popolo/popolo.json"},
            "persons": sorted(self.persons.values(), key=lambda r: r["id"]),
            "organizations": sorted(self.organizations.values(), key=lambda r: r["id"]),
            "memberships": sorted(self.memberships.values(), key=lambda r: r["id"]),
            "events": list(self.events.values()),
            "motions": self.motions,
            "vote_events": self.vote_events,
        }


def build_popolo(tables: Mapping[str, pd.DataFrame]) -> dict:
    """The Popolo collections (persons, organizations, memberships, events, motions,
    vote_events) of a run's tables, as a JSON-ready dict."""
    return _Builder(tables).build()


def write_popolo(tables: Mapping[str, pd.DataFrame], path: Path | str, *,
                 validate: bool = True, run: str = "") -> Path:
    """Build the Popolo JSON of `tables`, validate it (unless `validate=False`) and
    write it to `path` atomically."""
    data = build_popolo(tables)
    if run:
        data["meta"]["run"] = run
    if validate:
        validate_popolo(data)
    path = Path(path)
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path
