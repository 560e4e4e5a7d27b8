"""Extraction as a pipeline of registered spaCy components over the paper's one Doc.

`extraction()` is a pipeline on the vocab of `language.language()` that never tokenises: it
runs over a Doc made by `language.doc_of`, once per paper of the file (`doc._.paper` says which
paper: the whole file, or one part of a pack, whose blocks are spans of the same Doc; the
caller sets it, and the stages add the paper's rows to it). Each stage declares what it reads
(`requires`) and what it sets (`assigns`):

    minutebook_metadata   the paper's documents row (kind, body, date), unless the caller gave it
    minutebook_sections   labels the paper's blocks once: decision keyword hits on every block
                          (`span._.labels`, `doc.spans["decision_keywords"]`), item headings
                          (`doc.spans["item_headings"]`), the blocks opening a recommendations
                          section, the meeting header
    minutebook_items      items and decisions, from those labels
    minutebook_people     attendees, apologies, substitutes and declarations (the people/
                          extractors, as they are)
    minutebook_structure  recommendations, bodies and relations
    minutebook_votes      votes and vote members
    minutebook_collect    the paper's rows into `doc._.rows` (part numbers; votes numbered
                          through the file)

`pipeline.extractors.extract_document` makes the Doc, splits the file into papers, sets
`doc._.paper` and runs the pipeline for each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from pipeline.extractors.bodies.structure import PAPER_BODY, extract_structure, paper_body_rules
from pipeline.extractors.items.decisions import paper_hits
from pipeline.extractors.items.headings import Item, extract_items, find_items
from pipeline.extractors.items.recommendations import label_sections
from pipeline.extractors.items.votes import extract_votes
from pipeline.extractors.language import labels, language, span_of
from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.declarations import extract_declarations
from pipeline.extractors.people.person_codes import name_initials
from pipeline.extractors.sections.metadata import extract_metadata
from pipeline.model import Document

STAGES = ("minutebook_metadata", "minutebook_sections", "minutebook_items", "minutebook_people",
          "minutebook_structure", "minutebook_votes", "minutebook_collect")
ITEM_HEADING = "item_heading"  # the label of an item's heading block: its number
#: the doc.spans groups the sections component fills
GROUPS = ("decision_keywords", "item_headings", "meeting_header", "recommendation_sections")


@dataclass
class Paper:
    """One paper the pipeline reads: the file itself, or one part of a pack."""

    document: Document
    number: int  # counts the parts from 1
    meta: dict[str, Any] | None = None  # its documents row
    items: list[Item] = field(default_factory=list)  # its item headings, labelled once
    found: dict[str, list[dict]] = field(default_factory=dict)  # rows per table


def register() -> None:
    """The Doc attribute naming the paper being read (the rest are `language.py`'s)."""
    if not Doc.has_extension("paper"):
        Doc.set_extension("paper", default=None)


def start(doc: Doc, tables: tuple[str, ...]) -> dict[str, list[dict]]:
    """Empty rows per table on the Doc, and no labels left from an earlier run over it."""
    for group in GROUPS:
        if group in doc.spans:
            del doc.spans[group]
    doc._.rows = {table: [] for table in tables}
    rows: dict[str, list[dict]] = doc._.rows
    return rows


def paper_of(doc: Doc) -> Paper:
    paper = doc._.paper
    assert isinstance(paper, Paper), "extract_document sets doc._.paper before the pipeline"
    return paper


@cache
def extraction() -> Language:
    """The extraction pipeline (on the one vocab; its own tokenizer is never used)."""
    register()
    # on the tokenizer's vocab, sharing the tokenizer: a second would load its rules again
    nlp = English(vocab=language().vocab, create_tokenizer=lambda _: language().tokenizer)
    for stage in STAGES:
        nlp.add_pipe(stage)
    return nlp


def _group(doc: Doc, name: str) -> SpanGroup:
    if name not in doc.spans:
        doc.spans[name] = SpanGroup(doc, name=name)
    group: SpanGroup = doc.spans[name]
    return group


@Language.factory("minutebook_metadata", assigns=["doc._.paper"])
def make_metadata(nlp: Language, name: str) -> Any:
    def metadata(doc: Doc) -> Doc:
        paper = paper_of(doc)
        if paper.meta is None:
            paper.meta = extract_metadata(paper.document)
        return doc
    return metadata


@Language.factory("minutebook_sections", requires=["doc._.paper"],
                  assigns=["span._.labels", "doc.spans"])
def make_sections(nlp: Language, name: str) -> Any:
    def sections(doc: Doc) -> Doc:
        paper = paper_of(doc)
        document = paper.document
        keywords = _group(doc, "decision_keywords")
        for block, hits in zip(document.blocks, paper_hits(document), strict=True):
            for hit, _ in hits:
                keywords.append(span_of(document, block, hit.start, hit.end))
        paper.items = find_items(document)
        headings = _group(doc, "item_headings")
        for item in paper.items:
            block = document.blocks[item.index]
            labels(document, block)[ITEM_HEADING] = item.number
            headings.append(span_of(document, block))
        sections = _group(doc, "recommendation_sections")
        for block in label_sections(document):
            sections.append(span_of(document, block))
        meta = paper.meta or {}
        start, end = meta.get("start"), meta.get("end")
        if isinstance(start, int) and isinstance(end, int):
            header = doc.char_span(start, end, alignment_mode="expand")
            if header is not None:
                _group(doc, "meeting_header").append(header)
        return doc
    return sections


@Language.factory("minutebook_items", requires=["span._.labels"], assigns=["doc._.paper"])
def make_items(nlp: Language, name: str) -> Any:
    def items(doc: Doc) -> Doc:
        paper = paper_of(doc)
        paper.found.update(extract_items(paper.document, paper.items))
        return doc
    return items


@Language.factory("minutebook_people", requires=["doc._.paper"], assigns=["doc._.paper"])
def make_people(nlp: Language, name: str) -> Any:
    def people(doc: Doc) -> Doc:
        paper = paper_of(doc)
        paper.found.update(extract_attendance(paper.document))
        listed = [r["name"] for table in ("attendees", "apologies") for r in paper.found[table]]
        paper.found["declarations"] = extract_declarations(
            paper.document, paper.found["items"], name_initials(listed))
        return doc
    return people


@Language.factory("minutebook_structure", requires=["doc._.paper"], assigns=["doc._.paper"],
                  default_config={"paper_body": PAPER_BODY})
def make_structure(nlp: Language, name: str, paper_body: str) -> Any:
    """`paper_body`: the rule file (under models/) saying where a paper names its body."""
    rules = paper_body_rules(paper_body)

    def structure(doc: Doc) -> Doc:
        paper = paper_of(doc)
        paper.found.update(extract_structure(paper.document, paper.meta or {}, rules))
        return doc
    return structure


@Language.factory("minutebook_votes", requires=["doc._.paper"], assigns=["doc._.paper"])
def make_votes(nlp: Language, name: str) -> Any:
    def votes(doc: Doc) -> Doc:
        paper = paper_of(doc)
        paper.found.update(extract_votes(paper.document, paper.found["items"]))
        return doc
    return votes


@Language.factory("minutebook_collect", requires=["doc._.paper"], assigns=["doc._.rows"])
def make_collect(nlp: Language, name: str) -> Any:
    def collect(doc: Doc) -> Doc:
        paper, rows = paper_of(doc), doc._.rows
        found = paper.found
        # votes are numbered through the file, not afresh in each paper of a pack
        for row in (*found.get("votes", ()), *found.get("vote_members", ())):
            row["vote"] += len(rows["votes"])
        for table, table_rows in found.items():
            if table != "bodies":
                for row in table_rows:
                    row["part"] = paper.number
            rows.setdefault(table, []).extend(table_rows)
        return doc
    return collect
