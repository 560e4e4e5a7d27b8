"""The initials codes a paper gives the people it lists ("Bryony Keech (BK)"), to call them
by later ("BK declared a personal interest", "MR and EW in relation to <an item's title>")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.extractors.people.declaration_parts import declarers
from pipeline.extractors.people.scanning import person_codes
from pipeline.regex_cache import compile_cached

if TYPE_CHECKING:
    from pipeline.model import Document

PERSON_CODES = "minutebook.person_codes"  # the doc.user_data key of a file's codes
#: an entry that opens with members' codes before words in lower case ('MR and EW in ...')
CODES_LEAD = compile_cached(r"[A-Z]{2,4}(?:\s*(?:,|and|&)\s*[A-Z]{2,4})*\s+(?=[a-z])")


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


def coded_declarers(text: str, codes: frozenset[str]) -> list[tuple[str, int, int]]:
    """The members an entry names by the codes the paper gave them, where it opens with
    them ('MR and EW in relation to ...'); none without codes."""
    lead = CODES_LEAD.match(text) if codes else None
    return declarers(lead.group(), codes) if lead else []


def name_initials(names: list[str]) -> frozenset[str]:
    """The initials that call exactly one of the people a paper lists by name ('KL' for
    'Keith Lomas'; 'HSB' and 'HB' for 'Harjinder Singh Bassi'), for minutes that call
    members so without printing their codes ('KL declared a personal interest')."""
    counts: dict[str, int] = {}
    for name in dict.fromkeys(names):
        words = [w for w in name.split() if w[:1].isupper() and len(w.rstrip(".")) > 1]
        if len(words) < 2:
            continue  # 'A Bell': an initial gives no initials to call the person by
        for code in {"".join(w[0] for w in words), words[0][0] + words[-1][0]}:
            counts[code] = counts.get(code, 0) + 1
    return frozenset(code for code, n in counts.items() if n == 1 and 2 <= len(code) <= 3)
