"""The authority a run gives its papers, over what each paper says of itself.

Archives are usually one folder per council, and a paper does not always name its
council. A run can say it: `Settings.authority` gives every paper one authority (source
`run`), and `Settings.authority_map` a CSV of `pattern,authority` rows, tried in order,
whose first match gives a paper's (source `map`). A pattern is a glob on the paper's path
as the run names it ('haringey/*', '*/2019/cabinet-*.pdf') or a folder ('haringey/'
matches everything under it). A paper matched by neither keeps the authority read from
its text (`pipeline.extractors.sections.authority`).

These apply when the run's CSVs are written, so changing them re-extracts nothing.
"""

from __future__ import annotations

import csv
import fnmatch
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RunError


@dataclass(frozen=True)
class AuthorityRule:
    pattern: str
    authority: str

    def matches(self, document: str) -> bool:
        pattern = self.pattern.replace("\\", "/")
        if pattern.endswith("/"):
            return document.lower().startswith(pattern.lower())
        return fnmatch.fnmatch(document.lower(), pattern.lower())


def load_map(path: Path) -> tuple[AuthorityRule, ...]:
    """The rules of an authority map CSV (columns `pattern` and `authority`, a header row
    first). RunError for a file that cannot be read or lacks the columns."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"pattern", "authority"} - set(reader.fieldnames or ())
            if missing:
                raise RunError(f"authority map {path}: no {' or '.join(sorted(missing))} "
                               "column (it needs a header row: pattern,authority)")
            return tuple(AuthorityRule(row["pattern"].strip(), row["authority"].strip())
                         for row in reader
                         if (row.get("pattern") or "").strip()
                         and (row.get("authority") or "").strip())
    except OSError as error:
        raise RunError(f"authority map {path}: {error.strerror or error}") from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise RunError(f"authority map {path}: not a UTF-8 CSV ({error})") from None


@dataclass(frozen=True)
class Authorities:
    """What a run says of its papers' authorities."""

    authority: str = ""
    rules: tuple[AuthorityRule, ...] = ()

    @classmethod
    def of(cls, authority: str = "", map_path: Path | None = None) -> Authorities:
        return cls(authority.strip(), load_map(map_path) if map_path else ())

    def resolve(self, document: str, found: str, source: str) -> tuple[str, str]:
        """(authority, source) of `document`, whose text gave (`found`, `source`)."""
        for rule in self.rules:
            if rule.matches(document):
                return rule.authority, "map"
        if self.authority:
            return self.authority, "run"
        return found, source or ("none" if not found else "")

    def stamp(self) -> str:
        """What the run's outputs depend on here (part of the unchanged-outputs stamp)."""
        return repr((self.authority, self.rules))
