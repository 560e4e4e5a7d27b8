"""The initials codes a paper gives the people it lists ("Bryony Keech (BK)"), to call them
by later ("BK declared a personal interest")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.regex_cache import compile_cached

if TYPE_CHECKING:
    from pipeline.model import Document

#: "Bryony Keech (BK)": the code a paper gives a person it lists, to call them by later
PERSON_CODE = compile_cached(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z]\s*\((?P<code>[A-Z]{2,4})\)")


def person_codes(text: str) -> frozenset[str]:
    """The initials codes a paper gives the people it lists."""
    return frozenset(m.group("code") for m in PERSON_CODE.finditer(text))


PERSON_CODES = "minutebook.person_codes"  # the doc.user_data key of a file's codes


def file_person_codes(document: Document) -> frozenset[str]:
    """The codes the whole file gives people, read once per file: each paper of a pack is
    a Document over the file's text, and reading that text again for each paper made a
    pack of a few hundred papers cost their number times its length."""
    doc = document.spacy_doc
    if doc is None:
        return person_codes(document.text)
    if PERSON_CODES not in doc.user_data:
        doc.user_data[PERSON_CODES] = person_codes(document.text)
    codes: frozenset[str] = doc.user_data[PERSON_CODES]
    return codes
