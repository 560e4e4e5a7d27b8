"""The one Doc of a paper: blocks as spans with their layout, shared by the parts of a pack."""

import pickle
from pathlib import Path

from pipeline.extractors.language import (
    block_span,
    cell_spans,
    doc_of,
    language,
    sentences,
    span_of,
    tokenize,
)
from pipeline.extractors.tokenizer import SpecialCases, make_tokenizer
from pipeline.model import BlockKind, DocumentBuilder
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]


def _document():
    builder = DocumentBuilder("paper.pdf", "pdf")
    builder.add(BlockKind.HEADING, "Minutes", level=1, bold=True)
    builder.add(BlockKind.PARAGRAPH, "RESOLVED:-That the Board noted.The report", page=2)
    builder.add(BlockKind.TABLE_ROW, "", cells=["Cllr A Smith", "Present"],
                table=builder.new_table())
    return builder.build(pages=2)


def test_blocks_are_spans_with_their_layout():
    document = _document()
    doc = doc_of(document)
    assert doc_of(document) is doc
    spans = list(doc.spans["blocks"])
    assert [s.text for s in spans] == [b.text for b in document.blocks]
    assert spans[0]._.kind is BlockKind.HEADING and spans[0]._.level == 1 and spans[0]._.bold
    assert spans[1]._.page == 2
    assert spans[2]._.cells == ("Cllr A Smith", "Present") and spans[2]._.table == 0
    assert [span._.block for span in spans] == document.blocks


def test_glued_punctuation_is_split():
    document = _document()
    words = [t.text for t in block_span(document, document.blocks[1])]
    assert words[:3] == ["RESOLVED", ":-", "That"]
    assert [s.text for s in sentences(block_span(document, document.blocks[1]))] == [
        "RESOLVED:-That the Board noted.", "The report"]


def test_spans_of_parts_of_a_block():
    document = _document()
    block = document.blocks[1]
    assert span_of(document, block, 3, 12).text == "RESOLVED:-That"
    assert [c.text for c in cell_spans(document, document.blocks[2])] == ["Cllr A Smith", "Present"]


def test_the_doc_is_not_pickled_nor_compared():
    document = _document()
    doc_of(document)
    copy = pickle.loads(pickle.dumps(document))
    assert copy.spacy_doc is None and copy == document


def test_a_block_has_the_tokens_of_its_text_alone():
    builder = DocumentBuilder("paper.pdf", "pdf")
    table = builder.new_table()
    builder.add(BlockKind.TABLE_ROW, "", cells=["Item", "Locality", ""], table=table)
    builder.add(BlockKind.TABLE_ROW, "", cells=["", "Locality", "Care Board"], table=table)
    document = builder.build()
    for block in document.blocks:
        span = block_span(document, block)
        assert span.text == block.text
        assert [t.text for t in span] == [t.text for t in tokenize(block.text)]


def test_extraction_is_a_pipeline_of_components_over_the_one_doc():
    from pipeline.extractors import extract_document
    from pipeline.extractors.components import STAGES, extraction
    from pipeline.readers import read

    nlp = extraction()
    assert nlp.pipe_names == list(STAGES) and nlp.vocab is language().vocab
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())
    assert nlp.get_pipe_config("minutebook_structure")["paper_body"] == "structure/paper_body.json"
    document = read(Path(__file__).resolve().parents[1] / "corpus"
                    / "fernley_hwb_minutes_2024-03-14.txt")
    result = extract_document(document)
    doc = document.spacy_doc
    assert doc._.rows is result
    headings = [span.text for span in doc.spans["item_headings"]]
    assert len(headings) == len(result["items"]) and headings
    assert len(doc.spans["decision_keywords"]) >= len(result["decisions"]) // 2
    assert [span.text for span in doc.spans["recommendation_sections"]] == []  # minutes
    assert extract_document(document) == result  # labels of the first run are not doubled
    assert len(doc.spans["item_headings"]) == len(headings)


def test_a_report_s_recommendations_section_is_labelled_once():
    from pipeline.extractors import extract_document
    from pipeline.readers import read

    document = read(Path(__file__).resolve().parents[1] / "corpus"
                    / "fernley_hwb_report_2024-03-14.txt")
    result = extract_document(document)
    sections = list(document.spacy_doc.spans["recommendation_sections"])
    assert result["recommendations"] and sections
    assert all(span._.labels["recommendations_section"] for span in sections)


def test_the_parts_of_a_pack_share_the_file_s_doc():
    from pipeline.extractors import part_document
    from pipeline.extractors.sections.parts import segment
    from pipeline.readers import read

    document = read(Path(__file__).resolve().parents[1] / "corpus" / "packs"
                    / "fernley_hwb_pack_2024-07-11.txt")
    parts = segment(document)
    assert len(parts) > 1
    for part in parts:
        paper = part_document(document, part)
        assert paper.spacy_doc is doc_of(document)
        first = paper.blocks[0]
        assert block_span(paper, first).text == first.text


def test_sentences_split_as_spacy_s_sentencizer():
    """`sentences` marks sentence starts from the paper's token columns without running
    the sentencizer; it must agree with it on every block of the sample papers and on
    made-up runs of sentence-final punctuation."""
    from spacy.pipeline import Sentencizer

    sentencizer = Sentencizer()
    texts = [block.text for path in sorted((ROOT / "corpus").glob("*.txt"))
             for block in read(path).blocks]
    texts += ["Noted. (See above.) The Board agreed!! Next?", ".. a ... b .) c", "?!", "x"]
    for text in texts:
        span = language().make_doc(f"{text}\n{text}")[:]
        expected = [s.text for s in sentencizer(language().make_doc(span.text)).sents]
        assert [s.text for s in sentences(span)] == expected


def test_block_spans_from_token_ranges_are_the_spans_their_characters_give():
    """The Doc made block by block keeps each block's token range; the span it gives must
    be the one a character search gives (`span_of`), for every block of the sample papers
    and for blocks that start or end with white space, are empty or are table rows."""
    builder = DocumentBuilder("odd.html", "html")
    builder.add(BlockKind.PARAGRAPH, "  indented, then a tab\t")
    builder.add(BlockKind.PARAGRAPH, "")
    builder.add(BlockKind.TABLE_ROW, "\tCllr B\t", cells=["", "Cllr B", ""],
                table=builder.new_table())
    builder.add(BlockKind.LIST_ITEM, "(a) Mr. Jones's report, e.g. p.m. ")
    documents = [builder.build(pages=1)] + [read(path) for path in sorted(
        (ROOT / "corpus").glob("*.txt"))]
    for document in documents:
        doc = doc_of(document)
        assert len(doc.spans["blocks"]) == sum(1 for b in document.blocks if b.text)
        for block in document.blocks:
            found = block_span(document, block)
            expected = span_of(document, block, 0, len(block.text))
            assert (found.start, found.end) == (expected.start, expected.end), block.text


def test_exceptions_added_as_texts_need_them_tokenise_as_all_of_them():
    # A fresh tokenizer without spaCy's exceptions, given them text by text, must split
    # every text as the tokenizer holding all 1,300 of them does.
    from spacy.lang.en import English

    rules = English.Defaults.tokenizer_exceptions
    full = English(vocab=language().vocab, create_tokenizer=make_tokenizer).tokenizer
    for key, value in rules.items():
        full.add_special_case(key, value)
    lazy = English(vocab=language().vocab, create_tokenizer=make_tokenizer).tokenizer
    cases = SpecialCases(lazy, rules)
    texts = ["Mr. Bell can't attend; he'll send apologies :) at 7p.m. (i.e. later)",
             "Councillors didn't vote. We're there 'cause it's the 1st.",
             "a.m. p.m. Feb. e.g. etc. o'clock Y'all gonna ain't ma'am",
             "RESOLVED:-That the Board's report (Appendix A) be noted.",
             " ".join(list(rules)[::7])]
    for n, text in enumerate(texts):
        cases.ensure(text, paper=n % 2 == 0)
        assert [t.text for t in lazy(text)] == [t.text for t in full(text)], text
    assert cases.waiting  # only what the texts held was added ...
    cases.load_all()
    assert not cases.waiting  # ... until a warm-up adds the rest
    assert [t.text for t in tokenize("It's 7a.m.")] == [t.text for t in full("It's 7a.m.")]


def test_span_text_from_the_columns_is_the_span_s_text():
    from pipeline.extractors.language import span_text

    texts = [block.text for path in sorted((ROOT / "corpus").glob("*.txt"))
             for block in read(path).blocks][:200]
    texts += ["The  Board\t(HWB) met , and   then.\nNext ", " ", ""]
    for text in texts:
        doc = language().make_doc(text)
        for start in range(0, len(doc) + 1, 3):
            for end in range(start, len(doc) + 2, 2):
                assert span_text(doc, start, end) == doc[start:end].text, (text, start, end)
