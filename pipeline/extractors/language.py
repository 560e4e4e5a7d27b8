"""One spaCy Doc per paper: the tokenizer every extractor shares, and the Doc of a Document.

A paper is tokenised once. `language()` is the one blank English pipeline (no statistical
model) whose tokenizer adds the splits of `models/language/tokenizer.json` to spaCy's rules;
every Matcher and PhraseMatcher is built on its vocab. `doc_of(document)` gives the paper's
Doc, made on first use and cached on the Document (a part of a pack shares its file's Doc:
offsets are into the whole file's text, and so are token offsets).

    doc = doc_of(document)
    doc.spans["blocks"]            # one span per block of the file, in reading order
    span._.block                   # that block (kind, level, marker, cells, page, bold, table)
    span._.labels / labels(document, block)  # what the block was found to be, by label name
    span._.kind / ._.level / ._.marker / ._.cells / ._.page / ._.bold / ._.table
    block_span(document, block)    # the span of one block
    span_of(document, block, start, end)  # the tokens over chars start..end of the block
                                   # (offsets into block.text; expanded to whole tokens)
    cell_spans(document, block)    # a table row's cells as spans (cells are tab-separated)
    sentences(span)                # the sentencizer's sentences of a span, as spans
    span_text(doc, start, end)     # doc[start:end].text from the token columns
    doc._.rows                     # rows per table, filled by the extraction components

Blocks are joined by newlines and a newline is a token of its own, so a block's tokens are
exactly those of its text tokenised alone: slicing the one Doc changes no match.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from pipeline.extractors.chunks import Chunks, Record
from pipeline.extractors.tokenizer import SpecialCases, make_tokenizer
from pipeline.regex_cache import compile_cached

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from pipeline.model import Block, Document

BLOCKS = "blocks"  # the doc.spans group of the blocks
LABELS = "minutebook.labels"  # the doc.user_data key of a block's labels, with its place
#: the doc.user_data key of each block's token range, {(block.start, len(text)): (start, end)}
BLOCK_TOKENS = "minutebook.block_tokens"
LAYOUT = ("kind", "level", "marker", "cells", "page", "bold", "table")
NEWLINE_RUN = compile_cached(r"\s*\n\s*")
NEWLINE = compile_cached(r"(\n)")


@cache
def language() -> Language:
    """The one blank English pipeline: tokens only; the extraction components are added by
    `pipeline.extractors.components`, not here."""
    from spacy.lang.en import English

    register_extensions()
    # The tokenizer is made once with every rule in place: spacy.blank's would load its
    # thousands of special cases, then load them again each time an affix rule is set.
    nlp = English(create_tokenizer=make_tokenizer)
    # spaCy's max_length guards the parser's and NER's memory; this pipeline only tokenises,
    # and an agenda pack of a few hundred pages is well over the default million characters
    nlp.max_length = sys.maxsize
    return nlp


@cache
def special_cases() -> SpecialCases:
    """The exceptions of the one tokenizer (`language()`)."""
    from spacy.lang.en import English

    return SpecialCases(language().tokenizer, English.Defaults.tokenizer_exceptions)


def tokenize(text: str, paper: bool = False) -> Doc:
    """`text` as a Doc of the one pipeline's tokenizer, its exceptions in place."""
    special_cases().ensure(text, paper)
    return language().make_doc(text)


@cache
def register_extensions() -> None:
    """The Doc and Span attributes the extractors share (registered once per process)."""
    from spacy.tokens import Doc, Span

    Doc.set_extension("rows", default=None, force=True)
    Span.set_extension("block", default=None, force=True)
    Span.set_extension("labels", getter=_labels_of, force=True)
    for name in LAYOUT:
        Span.set_extension(name, getter=_layout(name), force=True)


def _layout(name: str) -> Any:
    def get(span: Span) -> Any:
        block = span._.block
        return getattr(block, name) if block is not None else None
    return get


def doc_of(document: Document) -> Doc:
    """The paper's one Doc (tokenised on first use, then cached on the Document)."""
    doc = document.spacy_doc
    if doc is None:
        doc = make_doc(document)
        document.spacy_doc = doc
    return doc


def make_doc(document: Document) -> Doc:
    """Tokenise the paper's text and mark its blocks as spans carrying their layout."""
    from spacy.tokens import Span, SpanGroup

    made = _doc_of_blocks(document)
    spans = []
    if made is not None:  # each block's tokens are known: no character search
        doc, bounds = made
        ranges = doc.user_data[BLOCK_TOKENS] = {}
        remembered: dict[Any, Any] = doc.user_data
        for block, (start, end) in zip(document.blocks, bounds, strict=True):
            if start < end:  # an empty block has no span, as char_span gives none
                span = Span(doc, start, end)
                # `span._.block = block` without an Underscore object a block: spaCy keeps
                # a span's attribute in the Doc's user data by name and characters
                # (`Underscore._get_key`; a test reads each block back through `span._`)
                remembered["._.", "block", span.start_char, span.end_char] = block
                spans.append(span)
                ranges[block.start, len(block.text)] = (start, end)
    else:  # a text that is not its blocks joined by newlines
        doc = tokenize(document.text, paper=True)
        _split_at_newlines(doc, document.text)
        for block in document.blocks:
            found = doc.char_span(block.start, block.end, alignment_mode="expand")
            if found is not None:
                found._.block = block
                spans.append(found)
    doc.spans[BLOCKS] = SpanGroup(doc, name=BLOCKS, spans=spans)
    return doc


def _doc_of_blocks(document: Document) -> tuple[Doc, list[tuple[int, int]]] | None:
    """The paper's Doc from its blocks tokenised one by one, with a newline token between
    two blocks (the tokens the whole text gives: a block's tokens are those of its text
    alone), and each block's token range. About six times faster than tokenising the
    whole text: spaCy's tokenizer keeps the pieces it has split in a cache, but stops
    adding to it for the rest of a text once a special case ("Mr.", "a.m.") has matched,
    which in a whole paper is at once. The blocks' tokens are put together from their
    chunks' (`chunks.Chunks`: the tokenizer's tokens of each text, without a Doc per
    block), and the token columns (`columns`) are kept on the Doc as it is made."""
    from spacy.tokens import Doc

    texts = [block.text for block in document.blocks]
    if not texts or "\n".join(texts) != document.text:
        return None
    cases = special_cases()
    cases.ensure(document.text, paper=True)
    records, bounds = chunks().paper(texts, cases.stamp, _newline())
    # (a comprehension a column: `zip(*records)` makes a tuple of a paper's tokens at each
    # step, and the collector walks them: four times the cost, 0.4 ms a paper)
    words = [record[0] for record in records]
    lowers = [record[1] for record in records]
    punct = [record[2] for record in records]
    orths = [record[3] for record in records]
    spaces = [record[4] for record in records]
    # (the tokens make the text: each token's text, a space where it has one)
    if sum(map(len, words)) + spaces.count(True) != len(document.text):
        return None
    # the words by their ORTH ids: Doc(words=strings) hashes each string again to find its
    # lexeme, which the tokenizer has just made (the same tokens, made in a little over half
    # the time; spaCy's stubs say strings, its code takes the ids)
    doc = Doc(language().vocab, words=orths, spaces=spaces)  # type: ignore[arg-type]
    doc.user_data[COLUMNS] = Columns(words, spaces, lowers, punct, orths)
    return doc, bounds


@cache
def chunks() -> Chunks:
    """The tokens of the chunks papers have held (`chunks.Chunks`), for the one tokenizer."""
    return Chunks(lambda: language().tokenizer, special_cases().added, special_cases().keys)


@cache
def _newline() -> Record:
    """The token between two blocks, as a record."""
    lexeme = language().vocab["\n"]
    return ("\n", "\n", lexeme.is_punct, lexeme.orth, False)


def _split_at_newlines(doc: Doc, text: str) -> None:
    """Give the newline between two blocks a token of its own where white space touches it
    (a table row ending or starting with an empty cell: "\t\n" would be one token), so a
    block's tokens are always exactly those of its text alone."""
    runs = [m for m in NEWLINE_RUN.finditer(text) if m.end() - m.start() > 1]
    if not runs:
        return
    with doc.retokenize() as retokenizer:
        for run in runs:
            span = doc.char_span(run.start(), run.end(), alignment_mode="expand")
            for token in span if span is not None else ():
                if token.is_space and "\n" in token.text and token.text != "\n":
                    parts = [p for p in NEWLINE.split(token.text) if p]
                    retokenizer.split(token, parts, heads=[(token, 0)] * len(parts))


def block_span(document: Document, block: Block) -> Span:
    """The tokens of one block of the document."""
    found = block_tokens(document, block)
    if found is not None:
        return doc_of(document)[found[0]:found[1]]
    return span_of(document, block, 0, len(block.text))


def block_tokens(document: Document, block: Block) -> tuple[int, int] | None:
    """The token range of a block of the document, as the Doc was made from its blocks
    (None for an empty block, or a Doc made from the whole text)."""
    ranges: dict[tuple[int, int], tuple[int, int]] = doc_of(document).user_data.get(
        BLOCK_TOKENS, {})
    return ranges.get((block.start, len(block.text)))


def span_of(document: Document, block: Block, start: int = 0, end: int | None = None) -> Span:
    """The tokens over chars `start`..`end` of a block's text, widened to whole tokens.

    An empty stretch gives an empty span at its place."""
    doc = doc_of(document)
    begin = block.start + start
    finish = block.start + (len(block.text) if end is None else end)
    span = doc.char_span(begin, finish, alignment_mode="expand")
    if span is None:  # nothing but white space: an empty span where it would start
        at = _token_at(doc, begin)
        return doc[at:at]
    return span


def hand_on(document: Document, name: str, value: Any) -> None:
    """Keep something worked out for one paper's blocks on the Doc for a later stage to
    `take` (a part of a pack shares the file's Doc: kept by where its blocks start, and how
    many there are)."""
    remembered: dict[Any, Any] = doc_of(document).user_data
    remembered[_paper_key(document, name)] = value


def take(document: Document, name: str) -> Any:
    """What an earlier stage handed on for the paper under `name` (None when nothing), once."""
    remembered: dict[Any, Any] = doc_of(document).user_data
    return remembered.pop(_paper_key(document, name), None)


def _paper_key(document: Document, name: str) -> tuple[str, int, int]:
    return name, document.blocks[0].start if document.blocks else -1, len(document.blocks)


def labels(document: Document, block: Block) -> dict[str, Any]:
    """What the sections component found a block to be, by label name, worked out once per
    paper and read by every extractor; `span._.labels` of the block's span reads them too."""
    # kept in the Doc's user data by the block's place: asked for each block by every stage,
    # a span and its extension object cost more than the lookup (0.65 ms a paper); the Doc
    # read without a call to `doc_of` when it is made (a few hundred asks a paper)
    doc = document.spacy_doc
    remembered: dict[Any, Any] = (doc if doc is not None else doc_of(document)).user_data
    key = (LABELS, block.start, len(block.text))
    found = remembered.get(key)
    if found is None:
        found = remembered[key] = {}
    return found


def _labels_of(span: Span) -> dict[str, Any] | None:
    block = span._.block
    if block is None:
        return None
    remembered: dict[Any, Any] = span.doc.user_data
    found: dict[str, Any] | None = remembered.get((LABELS, block.start, len(block.text)))
    return found


def cell_spans(document: Document, block: Block) -> list[Span]:
    """A table row's cells as spans, in order (a row's text is its cells joined by tabs)."""
    spans, offset = [], 0
    for cell in block.cells:
        spans.append(span_of(document, block, offset, offset + len(cell)))
        offset += len(cell) + 1
    return spans


class Columns(NamedTuple):
    """A Doc's tokens as plain lists, read once: text, trailing space, lower form, is_punct,
    ORTH id."""

    texts: list[str]
    spaces: list[bool]
    lowers: list[str]
    punct: list[bool]
    orths: list[int]


COLUMNS = "minutebook.columns"  # the doc.user_data key of a Doc's Columns


def columns(doc: Doc) -> Columns:
    """The Doc's token columns, made on first use and kept in `doc.user_data` (a token's
    attributes cost a Token object each time they are read; lists cost an index)."""
    found = doc.user_data.get(COLUMNS)
    if found is None or len(found.texts) != len(doc):
        texts: list[str] = []
        spaces: list[bool] = []
        punct: list[bool] = []
        orths: list[int] = []
        for token in doc:
            texts.append(token.text)
            spaces.append(bool(token.whitespace_))
            punct.append(token.is_punct)
            orths.append(token.orth)
        # a token's lower form is its text's (spaCy's LOWER is str.lower), without a lookup
        lowers = [text.lower() for text in texts]
        found = doc.user_data[COLUMNS] = Columns(texts, spaces, lowers, punct, orths)
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, read from the Doc's token columns: the tokens' texts with the
    space after each but the last (no Span or Token objects made)."""
    found = columns(doc)
    start, end = max(start, 0), min(end, len(found.texts))
    if start >= end:
        return ""
    texts, spaces = found.texts, found.spaces
    return "".join([texts[k] + " " if spaces[k] else texts[k] for k in range(start, end - 1)]
                   ) + texts[end - 1]


def _token_at(doc: Doc, char: int) -> int:
    for token in doc:
        if token.idx >= char:
            return token.i
    return len(doc)


@cache
def _sentence_punct() -> frozenset[str]:
    from spacy.pipeline import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


def sentences(span: Span) -> list[Span]:
    """The span's sentences as spaCy's sentencizer would find them in the span alone: a new
    sentence at the first token after sentence-final punctuation that is not punctuation."""
    starts = [i for i, start in enumerate(_sentence_starts(span)) if start]
    if not len(span):
        return []
    return [span[a:b] for a, b in zip(starts, [*starts[1:], len(span)], strict=True)]


def _sentence_starts(span: Span) -> list[bool]:
    """Whether each token of the span starts a sentence (the first one does)."""
    whole = columns(span.doc)
    return _starts(whole.texts[span.start:span.end], whole.punct[span.start:span.end])


def _starts(texts: list[str], punct: list[bool]) -> list[bool]:
    """Whether each of the tokens (their texts and is_punct) starts a sentence, as spaCy's
    sentencizer decides: the first does, and so does the first token after sentence-final
    punctuation that is neither punctuation nor sentence-final itself."""
    final_chars = _sentence_punct()
    count = len(texts)
    starts = [False] * count
    if not count:
        return starts
    starts[0] = True
    # only the few sentence-final tokens need a look: from each, the next token that is not
    # punctuation starts a sentence (the finals passed on the way belong to the same end)
    settled = 0
    for final in [i for i, text in enumerate(texts) if text in final_chars]:
        if final < settled:
            continue
        k = final + 1
        while k < count and (punct[k] or texts[k] in final_chars):
            k += 1
        if k < count:
            starts[k] = True
        settled = k
    return starts
