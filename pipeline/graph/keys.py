"""Stable keys for names: the run's body keys as its CSVs store them, and people's keys.

Bodies are resolved once, when a run is written (`pipeline.model.bodies`): bodies.csv has
a `key` per body and documents, parts and relations the keys of the bodies they name.
The graph and Popolo use those keys as they are; `keyed` resolves them with the same
`BodyRegistry` only for tables that lack them (a run folder of an older minutebook,
tables made by hand), so every reader counts the same bodies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.model.bodies import (
    HONORIFICS,
    KEY_COLUMNS,
    BodyRegistry,
    BodyResolver,
    body_key,
    fold,
    person_key,
    registry_of,
    split_names,
)

__all__ = ["HONORIFICS", "BodyResolver", "KeyedTables", "body_key", "fold", "keyed", "person_name",
           "person_key"]


@dataclass
class KeyedTables:
    """A run's rows with every body key filled, its bodies (one row per key) and the
    registry, for names no row keys (an attendee's organisation)."""

    rows: dict[str, list[dict[str, Any]]]
    bodies: list[dict[str, Any]]
    registry: BodyRegistry

    def is_body(self, key: str) -> bool:
        return self.registry.is_body(key)

    def key(self, name: str) -> str:
        return self.registry.key(name)


def _stored(rows: Mapping[str, list[dict[str, Any]]]) -> bool:
    """Whether the rows carry the keys a run resolved when it was written."""
    if not all(row.get("key") for row in rows.get("bodies", ())):
        return False
    return all(row.get(key_column) or not row.get(column)
               for table, columns in KEY_COLUMNS.items() for row in rows.get(table, ())
               for column, key_column in columns.items())


def keyed(rows: Mapping[str, list[dict[str, Any]]]) -> KeyedTables:
    """`rows` (a run's tables as dicts) with their body keys: those stored when there
    are, else resolved now as `write_outputs` resolves them."""
    tables = {name: [dict(row) for row in table] for name, table in rows.items()}
    if _stored(tables):
        registry = BodyRegistry()
        for row in tables.get("bodies", ()):
            registry.add_body(row, split_names(row.get("documents", "")))
        registry.resolve()
        return KeyedTables(tables, tables.get("bodies", []), registry)
    registry = registry_of(tables)
    for name in KEY_COLUMNS:
        for row in tables.get(name, ()):
            registry.fill(name, row)
    return KeyedTables(tables, registry.rows(), registry)


def person_name(written: str) -> tuple[str, str]:
    """(name without leading honorifics, the honorifics) as the paper writes them."""
    words = written.split()
    prefix = []
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        prefix.append(words.pop(0))
    return " ".join(words), " ".join(prefix)
