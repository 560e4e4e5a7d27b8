"""Bodies resolved once per run: every name and alias of a body becomes one stable key.

The extractors name bodies in four places: the `bodies` rows they list (a name and its
aliases), a paper's own body (`documents.body`, `parts.body`) and both ends of a
relation. When a run is written (`pipeline.batch.runner.write_outputs`) a `BodyRegistry`
sees every one of them, in the order of the papers, and gives each body a key:

- a listed body's key is its folded name (`body_key`), unless that name is already the
  name or a specific alias of a body seen before, whose key it then takes;
- a specific alias (more than one word, or an acronym: "CSP") names its body wherever
  it appears; a one-word alias ("the Board") means a different body in each paper and
  names nothing;
- a paper's body and a relation's ends that no listed body has are bodies of their own,
  except the source of `member_of`, which is an organisation ("the Police") unless a
  body has that name.

`bodies.csv` then has one row per key, and `documents.csv`, `parts.csv` and
`relations.csv` carry the keys of the bodies they name (`body_key`, `source_key`,
`target_key`), so the graph, Popolo, compare and the review site count and join bodies
the same way without matching names again.

Keys are scoped by the authority of the paper that names the body (`documents.authority`,
keyed by `authority_key`): two councils' "Cabinet" are two keys, while a body's other
names within one council still fold into one. A paper with no authority keys its bodies
unscoped.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.model.records import BODY_REFERENCES as KEY_COLUMNS
from pipeline.rules import read_json

HONORIFICS = {"councillor", "councillors", "cllr", "cllrs", "dr", "mr", "mrs", "ms", "miss",
              "sir", "dame", "professor", "prof", "rev", "revd", "lord", "lady", "alderman"}
SEPARATOR = " | "
#: The relation whose source may be an organisation rather than a body.
MAY_BE_ORGANISATION = "member_of"


@lru_cache(maxsize=1 << 16)  # a run folds each body's names many times over
def fold(text: str) -> str:
    """Case, accents' compatibility forms, punctuation and white space folded."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    text = re.sub("['\u2019]", "", text)
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


def body_key(name: str) -> str:
    """A body's name folded, without a trailing bracketed acronym or a leading 'the'."""
    words = fold(re.sub(r"\s*\([^()]*\)\s*$", "", name) or name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def person_key(name: str) -> str:
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


_TYPE_WORDS: frozenset[str] | None = None


def authority_key(name: str) -> str:
    """What tells one authority from another: its name folded, without the words of its
    type (`models/metadata/authority.json`), so that 'Kingsmere Borough Council' and
    'KINGSMERE COUNCIL' are one authority ('kingsmere')."""
    global _TYPE_WORDS
    if _TYPE_WORDS is None:
        _TYPE_WORDS = frozenset(read_json("metadata/authority.json")["type_words"])
    words = fold(name).split()
    kept = [w for w in words if w not in _TYPE_WORDS]
    return " ".join(kept or words)


def scoped(key: str, authority: str = "") -> str:
    """The run's key of a body whose folded name is `key`, within `authority` (a name).

    Folded names hold no '/' (punctuation is folded away), so 'authority/name' cannot
    meet a key of another authority."""
    return f"{authority_key(authority)}/{key}" if authority and key else key


def split_names(value: object) -> list[str]:
    """The ' | '-separated pieces of a cell (aliases, documents)."""
    return [piece.strip() for piece in str(value or "").split(SEPARATOR) if piece.strip()]


def specific(alias: str) -> bool:
    """Whether an alias names one body wherever it appears: more than one word, or an
    acronym ('CSP'); not a one-word reference such as 'the Board'."""
    folded = body_key(alias)
    return bool(folded) and (len(folded.split()) > 1 or alias.strip().isupper())


class BodyResolver:
    """Maps every name and specific alias of a body to one key, first come first kept."""

    def __init__(self) -> None:
        self.canonical: dict[tuple[str, str], str] = {}
        self.labels: dict[str, str] = {}

    def add(self, name: str, aliases: Iterable[str], authority: str = "",
            key: str = "") -> str:
        """Register a body: its key (`key` when given, as stored by a run; else its
        name's, or that of the body already known by this name)."""
        own, scope = body_key(name), authority_key(authority) if authority else ""
        if not own:
            return ""
        key = key or self.canonical.get((scope, own), scoped(own, authority))
        self.labels.setdefault(key, name)
        self.canonical.setdefault((scope, own), key)
        for alias in aliases:
            if specific(alias):
                self.canonical.setdefault((scope, body_key(alias)), key)
        return key

    def resolve(self, name: str, authority: str = "") -> str:
        """The key of the body called `name`: a known one's, or the name folded."""
        own, scope = body_key(name), authority_key(authority) if authority else ""
        if (scope, own) in self.canonical:
            return self.canonical[(scope, own)]
        inner = re.search(r"\(([^()]*)\)\s*$", name)
        if inner and (scope, body_key(inner.group(1))) in self.canonical:
            return self.canonical[(scope, body_key(inner.group(1)))]
        return scoped(own, authority)

    def label(self, key: str) -> str:
        return self.labels.get(key, key)


def _acronym(name: str) -> bool:
    words = name.split()
    return len(words) == 1 and words[0].isupper() and len(words[0]) > 1


@dataclass
class _Body:
    key: str
    first: dict[str, Any]
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


def mentions(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Any]:
    """What one paper's rows say about bodies: its `bodies` rows, and the names it refers
    to as [name, may_be_organisation]: small enough to keep beside the paper's rows, so
    that resolving the run's bodies never decodes the rows themselves.

    The store keeps this as it is: a change to what it holds bumps the store's
    STORE_VERSION (the rest of this module runs when a run is written, and is not part
    of the fingerprint that decides whether a paper is extracted again)."""
    names: list[list] = []
    for table in ("documents", "parts"):
        names += [[row["body"], False] for row in tables.get(table, ()) if row.get("body")]
    for row in tables.get("relations", ()):
        names += [[row[end], end == "source" and row.get("relation") == MAY_BE_ORGANISATION]
                  for end in ("source", "target") if row.get(end)]
    documents = list(tables.get("documents", ()))
    authority = str(documents[0].get("authority") or "") if documents else ""
    return {"bodies": [dict(row) for row in tables.get("bodies", ())], "names": names,
            "authority": authority}


class BodyRegistry:
    """The bodies of one run: `add` every paper's `mentions`, then `resolve` once; then
    `key` gives any name's key and `rows` the bodies.csv rows."""

    def __init__(self) -> None:
        self.resolver = BodyResolver()
        self._bodies: dict[str, _Body] = {}
        self._acronyms: list[tuple[Mapping[str, Any], list[str], str]] = []
        # (authority, name) -> the papers naming it, in the order first named; one dict for
        # names that are bodies, one for sources that may be organisations
        self._names: tuple[dict[tuple[str, str], list[str]], ...] = ({}, {})
        self._resolved = False

    def add(self, document: str, found: Mapping[str, Any], authority: str | None = None
            ) -> None:
        """One paper's `mentions` (`document` is where they are). `authority` is the
        paper's for this run (default: the one `found` read from it).

        A listed body is keyed at once (in paper order, as `resolve` would); one listed
        by an acronym alone, and the names papers refer to, wait for `resolve`, kept once
        per distinct name with the papers naming it, so that a run of 100,000 papers
        holds its distinct names, not every paper's rows."""
        if authority is None:
            authority = str(found.get("authority") or "")
        document = sys.intern(document)
        for row in found.get("bodies", ()):
            documents = [document] if document else split_names(row.get("documents"))
            if _acronym(str(row.get("body", ""))):
                self._acronyms.append((row, documents, authority))
            else:
                self.add_body(row, documents, authority)
        for name, may_be_org in found.get("names", ()):
            self._names[bool(may_be_org)].setdefault((authority, str(name)), []).append(
                document)
        self._resolved = False

    def add_body(self, row: Mapping[str, Any], documents: Iterable[str],
                 authority: str | None = None) -> str:
        """A body row (with `authority` its paper's; default: the row's own column)."""
        name = str(row.get("body", ""))
        aliases = split_names(row.get("aliases", ""))
        if authority is None:
            authority = str(row.get("authority") or "")
        key = self.resolver.add(name, aliases, authority, key=str(row.get("key") or ""))
        if not key:
            return ""
        body = self._bodies.get(key)
        if body is None:
            body = self._bodies[key] = _Body(key, {**row, "authority": authority})
        label = str(body.first.get("body", ""))
        extra = [name] if body_key(name) != body_key(label) else []
        body.aliases.update(a for a in (*aliases, *extra) if a != label)
        body.documents.update(documents)
        return key

    def resolve(self) -> None:
        """Key the bodies added since the last call: listed bodies first, those named by
        an acronym alone ("CSP") after the others, so that a paper read early that
        names a body only by its acronym joins the body another paper spells out; then
        the papers' own bodies and relations' ends; then the sources that may be
        organisations (bodies only if some paper makes them one)."""
        acronyms, self._acronyms = self._acronyms, []
        for row, documents, authority in acronyms:
            self.add_body(row, documents, authority)
        names, self._names = self._names, ({}, {})
        for may_be_org in (False, True):
            for (authority, name), documents in names[may_be_org].items():
                key = self.resolver.resolve(name, authority)
                if key in self._bodies:
                    self._bodies[key].documents.update(documents)
                elif not may_be_org:
                    self.add_body({"body": name, "aliases": ""}, documents, authority)
        self._resolved = True

    def key(self, name: str, authority: str = "") -> str:
        """The key of the body (or organisation) called `name` in a paper of `authority`;
        "" for no name."""
        if not self._resolved:
            self.resolve()
        return self.resolver.resolve(name, authority) if name and body_key(name) else ""

    def is_body(self, key: str) -> bool:
        return key in self._bodies

    def rows(self) -> list[dict[str, Any]]:
        """One bodies.csv row per key, sorted by key: the first row's cells, every other
        name and alias met and its papers (each sorted and ' | '-joined, so that adding
        a paper moves nothing it does not change)."""
        if not self._resolved:
            self.resolve()
        rows = []
        for key in sorted(self._bodies):
            body = self._bodies[key]
            rows.append({**body.first, "aliases": SEPARATOR.join(sorted(body.aliases)),
                         "documents": SEPARATOR.join(sorted(body.documents)), "key": key})
        return rows

    def fill(self, table: str, row: dict[str, Any], authority: str = "") -> dict[str, Any]:
        """`row` of `table`, from a paper of `authority`, with the key of each body it
        names (in place)."""
        for column, key_column in KEY_COLUMNS.get(table, {}).items():
            row[key_column] = self.key(str(row.get(column) or ""), authority)
        return row


def registry_of(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> BodyRegistry:
    """The registry of a whole run's rows (each row with its `document`; bodies rows with
    their `documents`), as `write_outputs` would build it from the store."""
    registry = BodyRegistry()
    for row in tables.get("bodies", ()):
        registry.add_body(row, split_names(row.get("documents", "")))
    by_document: dict[str, dict[str, list]] = {}
    for table in ("documents", "parts", "relations"):
        for row in tables.get(table, ()):
            by_document.setdefault(str(row.get("document", "")), {}).setdefault(
                table, []).append(row)
    for document, rows in by_document.items():
        found = mentions(rows)
        registry.add(document, {"names": found["names"]}, str(found["authority"]))
    registry.resolve()
    return registry
