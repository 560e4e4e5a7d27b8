"""The tables of a run, defined once: each table's row as a typed record, its columns in
output order and their types.

Everything that writes or reads a table takes its columns from `SCHEMA` here: the CSVs
(`pipeline.batch.runner.write_outputs`), the store, the typed loader (`pipeline.tables`),
the Python API, Parquet, SQLite and Popolo. The extractors still hand over plain dicts;
`record_of` turns each into its table's record at the boundary (the per-paper task) and
raises `RecordError` for a key the table does not have or a required one it lacks, so a
misspelt key fails the paper loudly instead of becoming a new CSV column.

A record holds what its row says plus a shared `Provenance`: which document and part of
a pack it came from, the page, the character span into the document's text, the
evidence line and the id of the rule that made it. Where in the CSV each field goes is
the table's `columns`: contract columns first (../shared/eval/CONTRACT.md), then the
table's own extras, then provenance, then the body keys the run resolves at write time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from pipeline.model.derived import AttendanceRecord, AttendanceSummary, Person
from pipeline.model.provenance import PROVENANCE_FIELDS, Provenance

ColumnType = Literal["text", "integer"]


@dataclass(slots=True)
class DocumentRecord:
    kind: str
    body: str
    date: str
    format: str = ""
    pages: int | None = None
    blocks: int | None = None
    kind_cue: str = ""
    #: the council (or lead council, or authority) whose paper it is, and where that came
    #: from: header, body, host, body-place, text, domain or none (read from the paper),
    #: or run / map (given for the run: `Settings.authority`, `Settings.authority_map`)
    authority: str = ""
    authority_source: str = ""
    #: the run's key of `body` (`pipeline.model.bodies`), filled when the run is written
    body_key: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Attendee:
    name: str
    role: str
    organisation: str
    capacity: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Apology:
    name: str
    role: str
    organisation: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Substitute:
    member: str
    substitute: str
    organisation: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Item:
    number: str
    title: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Decision:
    item: str
    kind: str
    text: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Recommendation:
    number: str
    text: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Body:
    body: str
    aliases: str = ""
    body_type: str = ""
    #: the authority of the papers naming it (bodies of two authorities are two rows)
    authority: str = ""
    #: the papers naming the body, " | "-joined; filled when the run's bodies are merged
    documents: str = ""
    key: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Relation:
    source: str
    relation: str
    target: str
    source_key: str = ""
    target_key: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Declaration:
    name: str
    item: str
    kind: str
    text: str
    action: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class PartRecord:
    """One paper of an agenda pack; its number is `provenance.part`."""

    kind: str
    body: str
    date: str
    first_page: int | None = None
    last_page: int | None = None
    body_key: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Vote:
    vote: int | None
    item: str
    motion: str
    for_: int | None = None  # the column is `for`, a Python keyword
    against: int | None = None
    abstained: int | None = None
    result: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class VoteMember:
    vote: int | None
    item: str
    name: str
    position: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class ErrorRecord:
    severity: str
    stage: str
    error_type: str
    message: str
    provenance: Provenance = field(default_factory=Provenance)


Record = (DocumentRecord | Attendee | Apology | Substitute | Item | Decision | Recommendation
          | Body | Relation | Declaration | PartRecord | Vote | VoteMember | ErrorRecord
          | Person | AttendanceRecord | AttendanceSummary)

#: Column names that are not the record's attribute of the same name.
_ATTRIBUTE = {"for": "for_"}
_INTEGER_FIELDS = {"part", "page", "start", "end", "pages", "blocks", "first_page",
                   "last_page", "vote", "for", "against", "abstained", "meetings",
                   "meetings_recorded", "present", "sent_apologies", "substituted",
                   "substituting", "not_recorded", "ocr_confidence"}
_SPAN = ("page", "start", "end", "evidence", "rule", "text_source", "ocr_confidence")


class RecordError(ValueError):
    """A row does not fit its table: an unknown key, a missing one, or a value of the
    wrong type (an extractor bug)."""


@dataclass(frozen=True)
class Table:
    """One table: its record type and its columns in output order."""

    name: str
    record: type
    #: the contract's columns (CONTRACT.md), first in every output
    contract: tuple[str, ...]
    #: every column, in output order
    columns: tuple[str, ...]
    #: columns people filter on, indexed in SQLite (besides `document`)
    indexes: tuple[tuple[str, ...], ...] = ()
    #: columns searched as full text in SQLite
    full_text: tuple[str, ...] = ()

    @property
    def integers(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if column_type(c) == "integer")

    @property
    def required(self) -> tuple[str, ...]:
        """The keys an extractor's row must have (`document` is the task's to add)."""
        return tuple(c for c in self.contract if c != "document")

    @property
    def has_spans(self) -> bool:
        return "start" in self.columns


def column_type(column: str) -> ColumnType:
    """The type of `column`, the same in every table that has it."""
    return "integer" if column in _INTEGER_FIELDS else "text"


def _table(name: str, record: type, contract: tuple[str, ...], extra: tuple[str, ...] = (),
           tail: tuple[str, ...] = (*_SPAN, "part"), keys: tuple[str, ...] = (),
           indexes: tuple[tuple[str, ...], ...] = (),
           full_text: tuple[str, ...] = ()) -> Table:
    return Table(name, record, contract, (*contract, *extra, *tail, *keys), indexes, full_text)


#: Every table, in output order: the contract's, minutebook's own, then errors.
SCHEMA: dict[str, Table] = {t.name: t for t in (
    _table("documents", DocumentRecord, ("document", "kind", "body", "date"),
           ("format", "pages", "blocks", "kind_cue", "authority", "authority_source"), _SPAN,
           ("body_key",), indexes=(("kind",), ("body",), ("date",), ("body_key",),
                                   ("authority",))),
    _table("attendees", Attendee, ("document", "name", "role", "organisation", "capacity"),
           indexes=(("name",), ("organisation",), ("capacity",))),
    _table("apologies", Apology, ("document", "name", "role", "organisation"),
           indexes=(("name",), ("organisation",))),
    _table("substitutes", Substitute, ("document", "member", "substitute", "organisation"),
           indexes=(("member",), ("substitute",))),
    _table("items", Item, ("document", "number", "title"),
           indexes=(("document", "number"),), full_text=("title",)),
    _table("decisions", Decision, ("document", "item", "kind", "text"),
           indexes=(("document", "item"), ("kind",)), full_text=("text",)),
    _table("recommendations", Recommendation, ("document", "number", "text"),
           indexes=(("document", "number"),), full_text=("text",)),
    # no `document`: a body is one row for the whole run, `documents` lists its papers
    _table("bodies", Body, ("body", "aliases"), ("body_type", "authority"), _SPAN,
           ("documents", "key"), indexes=(("body",), ("key",), ("authority",))),
    _table("relations", Relation, ("document", "source", "relation", "target"),
           keys=("source_key", "target_key"),
           indexes=(("source",), ("target",), ("relation",), ("source_key",),
                    ("target_key",))),
    _table("declarations", Declaration, ("document", "name", "item", "kind", "text"),
           ("action",), indexes=(("name",), ("document", "item"), ("kind",))),
    # minutebook's own, beyond the contract: the papers of an agenda pack, recorded votes
    # and how each member voted in a named (recorded) vote
    _table("parts", PartRecord, ("document", "part", "kind", "body", "date", "first_page",
                                 "last_page"), tail=(), keys=("body_key",),
           indexes=(("document", "part"), ("kind",), ("body",), ("date",))),
    _table("votes", Vote, ("document", "vote", "item", "motion", "for", "against",
                           "abstained", "result"),
           indexes=(("document", "item"), ("result",))),
    _table("vote_members", VoteMember, ("document", "vote", "item", "name", "position"),
           indexes=(("document", "vote"), ("name",), ("position",))),
    # the run's people, linked across its papers, and their attendance (`pipeline.people`)
    _table("people", Person, ("person_id", "authority", "name"),
           ("variants", "bodies", "first_meeting", "last_meeting", "meetings", "party", "ward",
            "key_posts", "register_id", "note"), tail=(),
           indexes=(("person_id",), ("authority",), ("name",))),
    _table("attendance", AttendanceRecord, ("person_id", "authority", "document", "part",
                                            "body", "date", "status", "name"), ("role",),
           tail=(), indexes=(("person_id",), ("document",), ("status",))),
    _table("attendance_summary", AttendanceSummary,
           ("person_id", "name", "authority", "body", "year"),
           ("meetings_recorded", "present", "sent_apologies", "substituted", "substituting",
            "not_recorded"), tail=(), indexes=(("person_id",), ("body",))),
    _table("errors", ErrorRecord, ("document", "severity", "stage", "error_type", "message"),
           tail=(), indexes=(("error_type",), ("stage",), ("severity",))),
)}
#: Tables the run derives from the others when it writes them, not extracted per paper.
DERIVED = ("people", "attendance", "attendance_summary")
#: The tables extract_document gives rows of (errors are the run's, not the extractors').
EXTRACTED = tuple(name for name in SCHEMA if name != "errors" and name not in DERIVED)
#: The tables each paper of a file fills (documents and parts are the file's).
PAPER_TABLES = tuple(name for name in EXTRACTED if name not in ("documents", "parts"))
#: The tables whose rows resolve body names to the run's keys: column -> its key column.
BODY_REFERENCES: dict[str, dict[str, str]] = {
    "documents": {"body": "body_key"},
    "parts": {"body": "body_key"},
    "relations": {"source": "source_key", "target": "target_key"},
}


def _check_schema() -> None:
    """Each record field is a column of its table and the other way round."""
    for table in SCHEMA.values():
        own = {f.name for f in fields(table.record)} - {"provenance"}
        named = {_ATTRIBUTE.get(c, c) for c in table.columns} - set(PROVENANCE_FIELDS)
        if own != named:
            raise AssertionError(f"{table.name}: fields {sorted(own)} != columns {sorted(named)}")


_check_schema()
#: each table's columns as a set, and its required keys (looked up for every row)
_COLUMNS = {name: frozenset(table.columns) for name, table in SCHEMA.items()}
_REQUIRED = {name: table.required for name, table in SCHEMA.items()}
_PROVENANCE = frozenset(PROVENANCE_FIELDS)


def _value(table: str, column: str, value: object) -> object:
    if column in _INTEGER_FIELDS:  # (column_type's answer)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                return int(value)
            raise RecordError(f"{table}.{column}: {value!r} is not a whole number")
        return value
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{table}.{column}: {value!r} is not text")
    return value


def record_of(table: str, row: Mapping[str, Any], document: str | None = None) -> Record:
    """The record of one row of `table` (as an extractor or a store gives it).

    Raises RecordError for a key `table` has no column for, a required column (the
    contract's) that is missing, or a value of the wrong type. `document`, when given,
    is where the row came from (rows of most tables carry it as a column already)."""
    schema = SCHEMA.get(table)
    if schema is None:
        raise RecordError(f"no table {table!r}; the tables are {', '.join(SCHEMA)}")
    columns = _COLUMNS[table]
    unknown = [key for key in row if key not in columns]
    if unknown:
        raise RecordError(f"{table}: unknown column(s) {', '.join(map(repr, unknown))}; "
                          f"the columns are {', '.join(schema.columns)}")
    missing = [c for c in _REQUIRED[table] if c not in row]
    if missing:
        raise RecordError(f"{table}: missing column(s) {', '.join(map(repr, missing))}")
    own: dict[str, object] = {}
    provenance = Provenance()
    if document is not None:
        provenance.document = document
    for column, value in row.items():
        if column in _INTEGER_FIELDS or not isinstance(value, str):  # (text is kept as it is)
            value = _value(table, column, value)
        if column in _PROVENANCE:
            setattr(provenance, column, value)
        else:
            own[_ATTRIBUTE.get(column, column)] = value
    record: Record = schema.record(**own, provenance=provenance)
    return record


def row_of(table: str, record: Record) -> dict[str, Any]:
    """The row of `record` as a dict of every column of `table`, in output order (None
    for a missing number)."""
    provenance = record.provenance
    return {column: getattr(provenance, column) if column in PROVENANCE_FIELDS
            else getattr(record, _ATTRIBUTE.get(column, column))
            for column in SCHEMA[table].columns}


def records_of(tables: Mapping[str, Iterable[Mapping[str, Any]]],
               document: str | None = None) -> dict[str, list[Record]]:
    """`record_of` for every row of every table (an extractor's result)."""
    return {table: [record_of(table, row, document) for row in rows]
            for table, rows in tables.items()}
