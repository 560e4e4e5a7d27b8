"""The tables a run derives from its extracted rows when it writes them: people linked
across papers and their attendance (`pipeline.people`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model.provenance import Provenance


@dataclass(slots=True)
class Person:
    """One person of an authority, linked across the run's papers (`pipeline.people`)."""

    person_id: str
    authority: str
    name: str
    variants: str = ""
    bodies: str = ""
    first_meeting: str = ""
    last_meeting: str = ""
    meetings: int | None = None
    #: from the register of members imported into the run (`pipeline.register`)
    party: str = ""
    ward: str = ""
    key_posts: str = ""
    register_id: str = ""
    note: str = ""
    provenance: Provenance = field(default_factory=Provenance)  # a run's, not one paper's


@dataclass(slots=True)
class AttendanceRecord:
    """A person at (or sending apologies to) one meeting: a paper, or a part of a pack."""

    person_id: str
    authority: str
    body: str
    date: str
    status: str
    name: str
    role: str = ""
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class AttendanceSummary:
    person_id: str
    name: str
    authority: str
    body: str
    year: str
    meetings_recorded: int | None = None
    present: int | None = None
    sent_apologies: int | None = None
    substituted: int | None = None
    substituting: int | None = None
    not_recorded: int | None = None
    provenance: Provenance = field(default_factory=Provenance)  # a run's, not one paper's
