"""Recommendations, bodies and relations: the structure a paper states.

The paper's one Doc (`language.py`) is read in units (a block, or blocks a sentence runs on
over), each a view of its tokens' columns (`units.py`). `names.py` finds the names in each
unit; this module collects the aliases the paper defines into a `BodyIndex` (acronyms, former
names, "Safer Fernley, the local Community Safety Partnership"), keeps what a reader remembers
between sentences (`Discourse`), runs the `relations.py` sentence reader over the paper for
its reporting lines, replacements, memberships and links, and writes the bodies rows;
`recommendations.py` reads the recommendations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.bodies.clauses import Context as _Context
from pipeline.extractors.bodies.descriptive import add_descriptive_bodies
from pipeline.extractors.bodies.discourse import BodyIndex, Discourse
from pipeline.extractors.bodies.names import (
    Mention,
    acronym_like,
    body_type,
    clean_name,
    fold,
    head_of,
    is_head,
    paper_mentions,
    shared_head_names,
    vocabulary,
)
from pipeline.extractors.bodies.own_name import add_own_references
from pipeline.extractors.bodies.relation_cues import cue_patterns
from pipeline.extractors.bodies.relations import RelationReader
from pipeline.extractors.bodies.renaming import renaming_alias
from pipeline.extractors.bodies.tables import TableReader
from pipeline.extractors.bodies.units import PaperColumns, Unit
from pipeline.extractors.items.recommendations import extract_recommendations
from pipeline.extractors.language import BLOCK_TOKENS, doc_of
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

__all__ = ["BodyIndex", "Discourse", "extract_structure", "reading_units"]

PAPER_BODY = "structure/paper_body.json"
RUN_ON = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
INNER_ACRONYM = compile_cached(r"\(([^()]+)\)\s*(.*)$")  # "Partnership (DAAT) Board"


@dataclass(frozen=True)
class PaperBodyRules:
    """Where a paper names the body it belongs to (`models/structure/paper_body.json`)."""

    header_blocks: int
    labels: tuple[tuple[str, re.Pattern[str]], ...]  # (id, pattern with a `body` group)


@cache
def paper_body_rules(path: str = PAPER_BODY) -> PaperBodyRules:
    raw = read_json(path)
    return PaperBodyRules(raw["header_blocks"], tuple(
        (r["id"], compile_cached(r["pattern"], re.I if "i" in r.get("flags", "") else 0))
        for r in raw["body_labels"]))


def extract_structure(document: Document, meta: dict, rules: PaperBodyRules | None = None
                      ) -> dict[str, list[dict]]:
    """Rows for the recommendations, bodies and relations tables of one paper.

    `meta` is the paper's documents row (kind, body, date; any may be empty): its body is what
    "the Board" refers back to. `rules` say where the paper names its body (by default those
    of `models/structure/paper_body.json`).
    """
    units = reading_units(document)
    paper = PaperColumns(doc_of(document))
    ranges = paper.doc.user_data.get(BLOCK_TOKENS, {})  # (`block_tokens`, read once a paper)
    docs = [_unit_doc(paper, ranges, block, last, text) for block, last, text in units]
    mentions = paper_mentions(docs)  # (each unit's `find_mentions`, in one pass)
    add_descriptive_bodies(docs, mentions)  # "a joint resilience group": lower-case names
    paper_body = _paper_body(document, mentions, (meta or {}).get("body"),
                             rules or paper_body_rules())
    add_own_references(docs, mentions, paper_body)  # "the Trust" in the Trust's minutes
    index = build_index(docs, mentions, paper_body)
    blocks = [block for block, _, _ in units]
    relations = _relation_rows(blocks, docs, mentions, Discourse(index))
    return {
        "recommendations": extract_recommendations(document),
        "bodies": _body_rows(blocks, docs, mentions, index, relations),
        "relations": relations,
    }


def reading_units(document: Document) -> list[tuple[Block, Block, str]]:
    """Blocks joined where a sentence runs on: 'sit under the CSP:' and the list below it, or a
    paragraph that a PDF broke mid-sentence. A unit is its first and last blocks and its text,
    a slice of Document.text, so offsets from the first block's start stay true."""
    units: list[tuple[Block, Block, str]] = []
    blocks, k = document.blocks, 0
    while k < len(blocks):
        first = last = blocks[k]
        k += 1
        while first.kind in RUN_ON and k < len(blocks) and blocks[k].kind in RUN_ON:
            ends, nxt = last.text.rstrip()[-1:], blocks[k]
            colon_list = first.text.rstrip().endswith(":") and (
                last is first or last.kind is nxt.kind is BlockKind.LIST_ITEM
                or _name_line(last) and _name_line(nxt))
            if not (colon_list or (ends not in ".:;!?" and nxt.text[:1].islower())):
                break
            last, k = nxt, k + 1
        units.append((first, last,
                      document.text[first.start: last.end] if document.text else first.text))
    return units


#: the longest line read as one name of a list laid out a name a line
NAME_LINE_CHARS = 80


def _name_line(block: Block) -> bool:
    """A paragraph that is one line of a list without bullets ('Membership:' over 'Lanrick
    District Council' a line): short, capitalised, no sentence's end."""
    text = block.text.strip()
    return block.kind is BlockKind.PARAGRAPH and 0 < len(text) <= NAME_LINE_CHARS and \
        text[:1].isupper() and text[-1:] not in ".:;!?" and "\n" not in text


def _unit_doc(paper: PaperColumns, ranges: dict[tuple[int, int], tuple[int, int]],
              first: Block, last: Block, text: str) -> Unit:
    """A reading unit's tokens, from the paper's one Doc (`ranges`: its blocks' token ranges
    by their place, as `language.block_tokens` reads them)."""
    begin, finish = ranges.get((first.start, len(first.text))), \
        ranges.get((last.start, len(last.text)))
    if begin is not None and finish is not None:
        return Unit(paper, begin[0], finish[1])
    # a Doc made from the whole text: find the unit's tokens by its characters
    found = paper.doc.char_span(first.start, first.start + len(text), alignment_mode="expand")
    assert found is not None
    return Unit(paper, found.start, found.end)


def _relation_rows(blocks: list[Block], docs: list[Unit], mentions: list[list[Mention]],
                   memory: Discourse) -> list[dict]:
    """Relation rows (source, relation, target, and the sentence as evidence with provenance)
    from reading every sentence in order; each stated relation once. Headings state none."""
    reader = RelationReader(memory)
    tables = TableReader(reader)
    for block, doc, found in zip(blocks, docs, mentions, strict=True):
        if block.kind is BlockKind.HEADING:
            reader.heading(block.text, found)  # no relations, but names a later 'this
            continue  # group' may point back to
        reader.new_block(found, block.text)
        if block.kind is BlockKind.TABLE_ROW:
            tables.row(block, doc, found)  # a structure table's columns (`tables.py`)
        if not found:  # a unit that names no body states no relation (`unnamed_sentence`)
            if "it" in doc.lowers or "its" in doc.lowers:
                for sent in doc.sentences():
                    reader.unnamed_sentence(_Context(doc, sent, []))
            elif doc.texts:  # (each of its sentences would leave the same: no 'It' to carry)
                reader.unnamed_without_it(doc)
            continue
        sentences = doc.sentences()
        matches = sorted(_longest(_cue_matches(doc)), key=lambda m: m[1])
        at = 0  # the sentences and the matches both run in order: one pass over each
        for n, sent in enumerate(sentences):
            while at < len(matches) and matches[at][1] < sent.start:
                at += 1
            here = at
            while here < len(matches) and matches[here][1] < sent.end:
                here += 1
            reader.read_sentence(block, sent, matches[at:here],
                                 sentences[n + 1] if n + 1 < len(sentences) else None)
            at = here
    rows, seen = [], set()
    for source, relation, target, block, sent in reader.edges:
        ends = [fold(source), fold(target)]
        if relation == "linked_to":  # a link has no direction
            ends.sort()
        if (ends[0], relation, ends[1]) not in seen:
            seen.add((ends[0], relation, ends[1]))
            rows.append({"source": source, "relation": relation, "target": target,
                         **provenance(block, sent.start_char, sent.end_char),
                         "evidence": " ".join(sent.text.split())})
    return rows


def _cue_matches(doc: Unit) -> list[tuple[str, int, int]]:
    """The relation cues in a unit, (cue id, start, end), as spaCy's Matcher finds them over
    the whole unit, read from its token columns (`token_patterns.py`)."""
    return cue_patterns()(doc.texts, doc.lowers)


def _longest(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Overlapping cues: keep the longest ('replaced by' over 'replaced')."""
    kept: list[tuple[str, int, int]] = []
    taken: set[int] = set()  # tokens of the cues kept (a cue is a few tokens: no pairwise test)
    for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        tokens = range(match[1], match[2])
        if taken.isdisjoint(tokens):
            kept.append(match)
            taken.update(tokens)
    return kept


def _paper_body(document: Document, mentions: list[list[Mention]], given: str | None,
                rules: PaperBodyRules) -> str:
    """The body the paper is about: the caller's, else its header's; in the paper's own case."""
    given = given or ""
    vocab = vocabulary()
    if not any(head_of(w) in vocab.heads or w.lower() in vocab.org_heads for w in given.split()):
        given = ""  # not a body's name: read the paper's header instead
    if not given:
        for block in document.blocks[:rules.header_blocks]:
            label = next((found for _, p in rules.labels
                          if (found := p.match(block.text.replace("\t", " ")))), None)
            if label:
                given = label.group("body")
                break
        else:
            first = [m.text for found in mentions[:rules.header_blocks] for m in found
                     if m.kind == "body" and len(m.text.split()) > 1]
            given = first[0] if first else ""
    given = clean_name(given.strip())
    # metadata may give the name in capitals; the paper usually also writes it in mixed case
    same = [m.text for found in mentions for m in found
            if m.kind in ("body", "org") and fold(m.text) == fold(given) and not m.text.isupper()]
    return same[0] if same else given


def build_index(docs: list[Unit], mentions: list[list[Mention]], paper: str) -> BodyIndex:
    """Aliases the paper defines, collected over the whole paper before anything is resolved."""
    index = BodyIndex(paper=paper)
    for doc, found in zip(docs, mentions, strict=True):
        for m in found:
            if m.kind == "plural_name":  # "the Eastwick and Hollowmere Health and Wellbeing Boards"
                for name in shared_head_names(m.text):
                    index.known.setdefault(fold(name), name)
        named = [m for m in found if m.kind in ("body", "org", "phrase", "acronym")]
        for m in named:
            if m.kind in ("body", "org") and len(m.text.split()) > 1:
                index.known.setdefault(fold(clean_name(m.text)), clean_name(m.text))
            inner = INNER_ACRONYM.search(m.text) if "(" in m.text else None  # "(DAAT) Board"
            if inner and inner.group(1).isupper():
                index.add_alias(f"{inner.group(1)} {inner.group(2)}".strip(), clean_name(m.text))
            _bracket_alias(doc, m, index)
        for a, b in zip(named, named[1:], strict=False):
            _apposition_alias(doc, a, b, index)
            renaming_alias(doc, a, b, index)
    if (short := _short_name(paper)) and any(m.kind == "phrase" and fold(m.text) == fold(short)
                                             for found in mentions for m in found):
        index.add_alias(short, paper)  # "X Transport" for "X Transport Joint Committee"
    return index


def _short_name(paper: str) -> str:
    """The paper's body without its head noun and the words that go with it ('Joint'):
    a name of two capitalised words or more that is no organisation's, else ''."""
    words, vocab = paper.split(), vocabulary()
    end = len(words)
    while end and (head_of(words[end - 1].lower()) in vocab.heads
                   or words[end - 1].lower() in vocab.short_name_modifiers):
        end -= 1
    short = words[:end]
    if end == len(words) or len(short) < 2 or not all(w[:1].isupper() for w in short) or \
            head_of(short[-1].lower()) in vocab.org_heads or short[-1].lower() in ("and", "of"):
        return ""
    return " ".join(short)


def _bracket_alias(doc: Unit, m: Mention, index: BodyIndex) -> None:
    """'Health and Wellbeing Board (HWB)', 'SEND Board (formerly the Inclusion Board)'."""
    texts = doc.texts
    if m.end >= len(texts) or texts[m.end] != "(" or m.kind not in ("body", "org", "phrase"):
        return
    close = next((k for k in range(m.end + 1, min(len(texts), m.end + 9)) if texts[k] == ")"),
                 None)
    if close is None:
        return
    inner = re.sub(r"^(formerly|previously|now|also known as|known as|the)\s+(the\s+)?", "",
                   doc.text(m.end + 1, close).strip(), flags=re.I)
    words = inner.split()
    # a person's initials after their name are not an alias: a phrase needs "of"/"for" words
    acronym = any(acronym_like(w) for w in words) and len(words) <= 3 and (
        m.kind != "phrase" or len(m.text.split()) > 2 and any(w.islower() for w in m.text.split()))
    # a shorter name with the body's own last word: "X Place Partnership Executive (the Place
    # Executive)", where 'Executive' alone need not be a head noun
    titled = words and all(w[:1].isupper() or w.lower() in ("and", "of", "&") for w in words) \
        and (is_head(words, len(words) - 1) or m.kind == "body" and len(words) > 1
             and words[-1].lower() == m.text.split()[-1].lower())
    if acronym or titled:
        index.add_alias(inner, clean_name(m.text))


def _apposition_alias(doc: Unit, a: Mention, b: Mention, index: BodyIndex) -> None:
    """'Safer Fernley, the local Community Safety Partnership' names one body twice; a list
    ('the X Group, the Y Group and ...') does not, so the second name needs a qualifier or the
    first must be a name without a head noun."""
    words = doc.lowers[a.end: b.start]
    if not words or words[0] != "," or b.kind != "body":
        return
    rest = words[1:]
    if rest[:3] == ["which", "is", "the"]:
        rest = rest[2:]
    if not rest or rest[0] != "the":
        return
    qualifiers = rest[1:]
    if all(w.isalpha() or w in ("'s", "\u2019s") for w in qualifiers) and (
            a.kind == "phrase" or (qualifiers and a.kind == "body")):
        index.add_alias(clean_name(b.text), clean_name(a.text))


def _body_rows(blocks: list[Block], docs: list[Unit], mentions: list[list[Mention]],
               index: BodyIndex, relations: list[dict]) -> list[dict]:
    """One row per body the paper names (organisations only where a relation or alias needs
    them), with the other names the paper gives it and where it is first named."""
    needed = {fold(r[end]) for r in relations for end in ("source", "target")} | {
        fold(v) for v in index.aliases.values()}
    rows: dict[str, dict] = {}
    aliases: dict[str, set[str]] = {}
    for block, doc, found in zip(blocks, docs, mentions, strict=True):
        for m in found:
            if m.kind == "generic" and index.paper and fold(index.paper).endswith(m.head):
                aliases.setdefault(fold(index.paper), set()).add(f"the {m.text}")
            if m.kind not in ("body", "org", "phrase", "acronym"):
                continue
            name = index.canonical(m)
            if (m.kind == "acronym" and name == clean_name(m.text)) or (
                    m.kind in ("org", "phrase") and fold(name) not in needed):
                continue
            key = fold(name)
            if key not in rows:
                rows[key] = {"body": name, "body_type": body_type(name),
                             **provenance(block, doc.start_char(m.start),
                                          doc.end_char(m.end - 1))}
            elif rows[key]["body"].isupper() and not name.isupper():
                rows[key]["body"] = name  # a heading's capitals are not how the body is spelt
            aliases.setdefault(key, set()).add(clean_name(m.text))
    for alias, name in index.aliases.items():
        aliases.setdefault(fold(name), set()).add(index.spelled.get(alias, alias))
    return [{**row, "aliases": " | ".join(sorted(a for a in aliases.get(key, ())
                                                  if fold(a) != key))}
            for key, row in rows.items()]
