"""Extraction: the paper's one spaCy Doc (`language.py`, tokenised once) run through a
pipeline of registered components (`components.py`: metadata, sections, items, people,
structure, votes), once per paper of the file; each stage returns contract rows with
provenance.

Every row is a dict holding the contract columns of its table (CONTRACT.md) plus the
provenance columns `page`, `start`, `end` (character span in `Document.text`) and
`evidence` (the source line), so each row can be checked against the paper.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.extractors.components import Paper, extraction, start
from pipeline.extractors.language import doc_of
from pipeline.extractors.sections.authority import find_authority
from pipeline.extractors.sections.metadata import extract_metadata
from pipeline.extractors.sections.parts import Part, segment
from pipeline.model import Document
from pipeline.model.records import PAPER_TABLES as TABLES


def extract_document(document: Document) -> dict[str, list[dict]]:
    """Run every stage on one document; returns rows per table (documents has one row,
    parts one per paper of a pack, and every row of the other tables but bodies says
    which part it came from).

    Each paper of a pack is extracted on its own, as the paper it is: the agenda's
    membership list is not attendance, the minutes' items are numbered afresh, and "the
    Board" of a report means that report's board. The stages are the components of
    `components.extraction()`, run over the file's one Doc once per paper."""
    doc = doc_of(document)
    result = start(doc, TABLES)
    parts = segment(document)
    cover = parts[0].blocks(document) if parts else document.blocks
    result["documents"] = [extract_metadata(document, cover)]
    row = result["documents"][0]
    row["authority"], row["authority_source"] = find_authority(document, row["body"], cover)
    papers = [document] if len(parts) <= 1 else [part_document(document, p) for p in parts]
    nlp = extraction()
    for number, paper in enumerate(papers, 1):
        doc._.paper = Paper(paper, number, result["documents"][0] if paper is document else None)
        for _, component in nlp.pipeline:
            doc = component(doc)
    doc._.paper = None
    for table in PEOPLE_TABLES:
        result[table] = once_per_paper(result[table])
    result["parts"] = [part_row(part) for part in parts]
    return result


def part_document(document: Document, part: Part) -> Document:
    """One paper of a pack as a Document of its own: its blocks, with their pages and
    spans into the whole file's text unchanged, so provenance still points into the file.
    It shares the file's one Doc: the file is tokenised once, not once per part."""
    return Document(document.source, document.format, document.pages, part.blocks(document),
                    [], document.text, doc_of(document))


def part_row(part: Part) -> dict:
    """The parts.csv row of one part (without the `document` column)."""
    return {"part": part.number, "kind": part.kind, "body": part.body, "date": part.date,
            "first_page": part.first_page, "last_page": part.last_page}


#: Tables of people that list each person once per paper: a pack repeats its attendance
#: list (the minutes of the meeting, then the note of a joint session with the same
#: members), and a person is at a meeting once.
PEOPLE_TABLES = ("attendees", "apologies")


def person_key(name: str) -> str:
    """A name folded for comparison: case, accents' forms, punctuation and spacing."""
    name = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def once_per_paper(rows: list[dict]) -> list[dict]:
    """The rows with each person once, at their first mention; a later mention fills in
    a role or organisation the first one lacked."""
    kept: dict[str, dict] = {}
    for row in rows:
        key = person_key(row.get("name", ""))
        if not key:
            continue
        first = kept.get(key)
        if first is None:
            kept[key] = row
            continue
        for column in ("role", "organisation"):
            if not first.get(column) and row.get(column):
                first[column] = row[column]
    return list(kept.values())
