"""Each paper is tokenised once: every extractor reads the one Doc of `language.py`, made
from the paper's blocks, their words each tokenised once (`chunks.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.extractors import extract_document
from pipeline.extractors.chunks import pieces
from pipeline.extractors.language import chunks, language
from pipeline.readers import read

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAPERS = ["fernley_hwb_minutes_2024-03-14.txt", "fernley_hwb_report_2024-03-14.txt",
          "pdf/fernley_council_minutes_2024-05-22.pdf", "html/fernley_osc_minutes_2024-02-06.html",
          "docx/fernley_csp_minutes_2024-03-13.docx", "packs/fernley_hwb_pack_2024-07-11.txt",
          "packs/pdf/fernley_planning_pack_2024-04-09.pdf"]


class Counting:
    """The tokenizer, noting each text it is given."""

    def __init__(self, tokenizer, texts: list[str]) -> None:
        self.tokenizer, self.texts = tokenizer, texts

    def __call__(self, text: str):
        self.texts.append(text)
        return self.tokenizer(text)


@pytest.mark.parametrize("name", PAPERS)
def test_each_paper_is_tokenised_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = CORPUS / name
    extract_document(read(path))  # rules and patterns are loaded (and tokenised) once, here
    texts: list[str] = []
    nlp = language()
    monkeypatch.setattr(nlp, "tokenizer", Counting(nlp.tokenizer, texts))
    make_doc = Language.make_doc

    def other_make_doc(self: Language, text: str):
        if self is not nlp:  # any other spaCy pipeline making a Doc counts too
            texts.append(text)
        return make_doc(self, text)

    monkeypatch.setattr(Language, "make_doc", other_make_doc)
    for kept in ("known", "tails", "heads"):  # no word of the paper tokenised before
        monkeypatch.setattr(chunks(), kept, {})
    document = read(path)
    result = extract_document(document)
    assert result["documents"] and (result["items"] or result["recommendations"])
    # the paper's words (the chunks of its blocks), each once, in one text; runs of white
    # space in blocks, and blocks where an exception may match across a space, once each
    blocks = [block.text for block in document.blocks]
    words = [chunk for text in blocks for chunk, _ in pieces(text) if not chunk.isspace()]
    assert texts.count("\n".join(dict.fromkeys(words))) == 1
    others = [text for text in texts if text != "\n".join(dict.fromkeys(words))]
    assert len(set(others)) == len(others)
    assert all(text.isspace() or text in blocks for text in others)
