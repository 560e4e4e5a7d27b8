"""A council's register of members, to link the run's people to (issue 14).

`minutebook register import FILE RUN` reads a ModernGov `GetCouncillorsByWard` XML
export (`<councillorsbyward><wards><ward><wardtitle>` ... `<councillor>` with
`fullusername`, `politicalpartytitle`, `keyposts`, `councillorid`) or a CSV with `name`
and any of `party`, `ward`, `key_posts`, `id`, `authority` columns, and keeps it in the
run folder as `register.csv`. `people.csv` then carries each linked person's `party`,
`ward`, `key_posts` and `register_id`.

A person joins a register entry of their authority when the names fit as people's names
fit each other (`pipeline.people`: same surname, forenames equal or initials that fit)
and exactly one entry fits; a person the papers call only by surname joins the one entry
with that surname, if there is one. Everything else stays unlinked.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RunError
from pipeline.export.csv import write_csv
from pipeline.model.bodies import authority_key

REGISTER = "register.csv"
COLUMNS = ("authority", "name", "party", "ward", "key_posts", "id")
#: Letters after a name that are no part of it ("Cllr Ann Lee MBE", "Ann Lee, JP").
POST_NOMINALS = re.compile(r"(?:,?\s+(?:MBE|OBE|CBE|BEM|JP|DL|KC|QC|MP|MSP|MS|AM|CC|PhD))+$")


@dataclass(frozen=True)
class Member:
    authority: str
    name: str
    party: str = ""
    ward: str = ""
    key_posts: str = ""
    id: str = ""


def _text(element: ET.Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def read_register(path: Path, authority: str) -> list[Member]:
    """The members a register file lists (XML or CSV), each of `authority` unless a CSV
    row names its own. RunError for a file that is neither."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RunError(f"register {path}: {error.strerror or error}") from None
    if data.lstrip()[:1] == b"<":
        return _from_xml(path, data, authority)
    return _from_csv(path, data, authority)


def _from_xml(path: Path, data: bytes, authority: str) -> list[Member]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise RunError(f"register {path}: not well-formed XML ({error})") from None
    members = []
    for ward in root.iter("ward"):
        title = _text(ward.find("wardtitle"))
        for councillor in ward.iter("councillor"):
            name = _text(councillor.find("fullusername"))
            if name:
                members.append(Member(authority, name, _text(councillor.find(
                    "politicalpartytitle")), title, _text(councillor.find("keyposts")),
                    _text(councillor.find("councillorid"))))
    if not members:
        raise RunError(f"register {path}: no <councillor> with a <fullusername> (is it a "
                       "ModernGov GetCouncillorsByWard export?)")
    return members


def _from_csv(path: Path, data: bytes, authority: str) -> list[Member]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RunError(f"register {path}: neither XML nor a UTF-8 CSV") from None
    reader = csv.DictReader(text.splitlines())
    if "name" not in (reader.fieldnames or ()):
        raise RunError(f"register {path}: a CSV register needs a 'name' column "
                       f"(and any of party, ward, key_posts, id, authority)")
    return [Member(row.get("authority") or authority, row["name"].strip(),
                   (row.get("party") or "").strip(), (row.get("ward") or "").strip(),
                   (row.get("key_posts") or "").strip(), (row.get("id") or "").strip())
            for row in reader if (row.get("name") or "").strip()]


def import_register(path: Path, run_dir: Path, authority: str = "") -> int:
    """Add a register file to the run folder's register (replacing that authority's
    entries); returns the number of members read. `pipeline.people.link_register` also
    relinks the run's people to it."""
    if not authority:
        found = {r.get("authority", "") for r in _csv_rows(run_dir / "documents.csv")} - {""}
        if len(found) != 1:
            raise RunError("say whose register it is with --authority NAME (the run's "
                           f"authorities: {', '.join(sorted(found)) or 'none'})")
        authority = found.pop()
    members = read_register(path, authority)
    replaced = {authority_key(m.authority) for m in members}
    kept = [row for row in _csv_rows(run_dir / REGISTER)
            if authority_key(row.get("authority", "")) not in replaced]
    rows = kept + [{c: getattr(m, c) for c in COLUMNS} for m in members]
    write_csv(run_dir / REGISTER, rows, COLUMNS)
    return len(members)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    from pipeline.export.csv import allow_long_cells, unescape_cell

    allow_long_cells()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: unescape_cell(v or "") for k, v in row.items()}
                for row in csv.DictReader(handle)]


def load_register(run_dir: Path) -> list[Member]:
    """The run folder's register ([] when none was imported)."""
    return [Member(**{c: row.get(c, "") for c in COLUMNS})
            for row in _csv_rows(run_dir / REGISTER)]


def bare_name(name: str) -> str:
    """A register's name without its post-nominals ('Cllr Ann Lee MBE' -> 'Cllr Ann Lee';
    honorifics go when the name is parsed)."""
    return POST_NOMINALS.sub("", " ".join(name.split()))
