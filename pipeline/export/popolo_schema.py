"""Checking Popolo JSON: against the schemas in models/popolo/, and its ids against each
other (what JSON Schema cannot see)."""

from __future__ import annotations

from functools import lru_cache

from pipeline.errors import MinutebookError
from pipeline.rules import read_json, rule_file

SCHEMA_FOLDER = "popolo"  # under models/, read through pipeline.rules
ROOT_SCHEMA = "popolo.json"


class PopoloInvalid(MinutebookError):
    """The Popolo data does not meet the schemas in models/popolo/ (a minutebook bug)."""

    stage = "export"
    kind = "popolo_invalid"


@lru_cache(maxsize=1)
def _validator():
    try:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
    except ImportError as error:
        raise ImportError("Popolo validation needs jsonschema: pip install jsonschema") from error
    schemas = {name: read_json(f"{SCHEMA_FOLDER}/{name}")
               for name in sorted(p.name for p in rule_file(SCHEMA_FOLDER).iterdir()
                                  if p.name.endswith(".json"))}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    root = schemas[ROOT_SCHEMA]
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root, registry=registry)


def reference_problems(data: dict) -> list[str]:
    """Ids that records point to but that are not in the file (JSON Schema cannot see these)."""
    ids = {kind: {r["id"] for r in data.get(kind, [])}
           for kind in ("persons", "organizations", "events")}
    problems = []
    checks = (("organizations", "parent_id", "organizations"),
              ("memberships", "person_id", "persons"),
              ("memberships", "organization_id", "organizations"),
              ("memberships", "on_behalf_of_id", "organizations"),
              ("events", "organization_id", "organizations"),
              ("events", "parent_id", "events"),
              ("motions", "organization_id", "organizations"),
              ("motions", "legislative_session_id", "events"),
              ("vote_events", "organization_id", "organizations"),
              ("vote_events", "legislative_session_id", "events"))
    for kind, field, target in checks:
        for record in data.get(kind, []):
            if field in record and record[field] not in ids[target]:
                problems.append(f"{record['id']}: {field} {record[field]!r} is not in {target}")
    for record in data.get("memberships", []):
        member = record.get("member")
        if member and member["id"] not in ids["organizations" if member["@type"] ==
                                                  "Organization" else "persons"]:
            problems.append(f"{record['id']}: member {member['id']!r} is not in the file")
    for event in data.get("events", []):
        for attendee in event.get("attendees", []):
            if attendee["id"] not in ids["persons"]:
                problems.append(f"{event['id']}: attendee {attendee['id']!r} is not in persons")
    for event in data.get("vote_events", []):
        for vote in event.get("votes", []):
            if vote["voter_id"] not in ids["persons"]:
                problems.append(f"{event['id']}: voter {vote['voter_id']!r} is not in persons")
    for kind in ("persons", "organizations", "memberships", "events", "motions", "vote_events"):
        seen: set[str] = set()
        for record in data.get(kind, []):
            if record["id"] in seen:
                problems.append(f"{record['id']}: more than one {kind[:-1]} with this id")
            seen.add(record["id"])
    return problems


def validate_popolo(data: dict) -> None:
    """Check `data` against the schemas in models/popolo/ and its ids against each other;
    raises PopoloInvalid listing the first problems."""
    problems = [f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
                for error in _validator().iter_errors(data)]
    problems += reference_problems(data)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise PopoloInvalid("Popolo export does not validate: " + "; ".join(problems[:5]) + more)
