"""'The Trust' in a Trust's own minutes: the paper's body named by its last word where that
word is no body head of its own ('Trust', 'Association', 'Company' name organisations
elsewhere), so `find_mentions` makes no reference of it."""

from __future__ import annotations

from pipeline.extractors.bodies.units import Unit
from pipeline.extractors.bodies.words import Mention, head_of, vocabulary


def add_own_references(docs: list[Unit], mentions: list[list[Mention]], paper: str) -> None:
    """Add 'the <last word of the paper's body>' as a reference to it (in place), where that
    word is capitalised and not a head noun `find_mentions` already refers by ('the Board')."""
    words = paper.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return
    head = head_of(words[-1])
    if vocabulary().heads.get(head) == ():
        return  # a head everywhere: 'the Board' is already a reference
    for n, doc in enumerate(docs):
        if head not in doc.lowers:
            continue
        taken = {k for m in mentions[n] for k in range(m.start, m.end)}
        added = [Mention(n, k, k + 1, doc.texts[k], "generic", head=head)
                 for k in range(1, len(doc.texts))
                 if doc.lowers[k] == head and doc.caps[k] and doc.lowers[k - 1] == "the"
                 and k not in taken and not (k + 1 < len(doc.texts) and doc.caps[k + 1])]
        if added:
            mentions[n] = sorted(mentions[n] + added, key=lambda m: m.start)
