"""The three parts of a Word package the DOCX reader reads, without opening the whole package.

python-docx's `Document(path)` loads every part of the package (settings, fonts, theme, web
settings, headers, footers, comments ...) and parses each XML part it knows; the reader needs
the main document, its styles and its numbering. Here those are found as python-docx finds
them (the package's officeDocument relationship, then the document part's styles and
numbering relationships) and parsed with python-docx's own parser, so the elements are the
ones `Document(path)` would give. A package of any other shape (no styles part, a content
type other than a Word document's, a relationship given twice or pointing outside) gives
None, and the reader opens it with python-docx, which reads or refuses it as it always has.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml.parser import parse_xml

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(frozen=True)
class Parts:
    """The parts: python-docx's CT_Document and CT_Numbering (None when the package has no
    numbering: python-docx would make an empty one), and the styles part's XML, parsed
    (`parse_styles`) only when the reader has not read the same styles before."""

    document: Any
    styles_xml: bytes
    numbering: Any | None


def read_parts(package: zipfile.ZipFile) -> Parts | None:
    """The document, styles and numbering of an open package; None for any other shape."""
    try:
        main = _related(package, "", RELATIONSHIP_TYPE.OFFICE_DOCUMENT)
        if main is None or _content_type(package, main) != CONTENT_TYPE.WML_DOCUMENT_MAIN:
            return None
        styles = _related(package, main, RELATIONSHIP_TYPE.STYLES)
        numbering = _related(package, main, RELATIONSHIP_TYPE.NUMBERING, optional=True)
        if styles is None or numbering is None:
            return None
        return Parts(parse_xml(package.read(main)), package.read(styles),
                     parse_xml(package.read(numbering)) if numbering else None)
    except Exception:  # noqa: BLE001 - whatever fails here, python-docx judges the package
        return None


def parse_styles(xml: bytes) -> Any:
    """A styles part's XML as python-docx parses it (CT_Styles)."""
    return parse_xml(xml)


def _related(package: zipfile.ZipFile, source: str, kind: str, optional: bool = False
             ) -> str | None:
    """The member name of the one part `source` ("" for the package) relates to by `kind`:
    "" when there is none and that is allowed, None for a shape python-docx should judge."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    try:
        root = parse_xml(package.read(rels))
    except KeyError:
        return "" if optional else None
    found = [rel for rel in root.iter(_RELATIONSHIPS) if rel.get("Type") == kind]
    if not found:
        return "" if optional else None
    if len(found) > 1 or found[0].get("TargetMode") == "External":
        return None
    target = found[0].get("Target", "")
    member = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
    return member if member in package.NameToInfo else None


def _content_type(package: zipfile.ZipFile, member: str) -> str:
    """A part's content type as [Content_Types].xml gives it (an override, else the default
    of its extension; both matched ignoring case, as python-docx matches them)."""
    root = parse_xml(package.read("[Content_Types].xml"))
    partname = "/" + member.lower()
    for override in root.iter(f"{{{_TYPES}}}Override"):
        if override.get("PartName", "").lower() == partname:
            return str(override.get("ContentType", ""))
    extension = posixpath.splitext(member)[1].lstrip(".").lower()
    for default in root.iter(f"{{{_TYPES}}}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", ""))
    return ""
