"""A covering letter before the paper it sends: ModernGov's supplementary packs open with
'Public Document Pack', a letter ('Dear Councillor ... I am now able to enclose ...') dated
the day it was sent and naming the coming meeting, then the paper under an 'Agenda Item 5'
stamp. The paper's own header (its body, its meeting's date) is the one under the stamp."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extractors.sections.cues import cues
from pipeline.model import Block

#: blocks a covering letter and its stamp are looked for in
LETTER_REACH = 60


def after_cover_letter(blocks: Sequence[Block]) -> Sequence[Block]:
    """The blocks after an 'Agenda Item N' stamp that follows a letter's salutation near the
    start, else the blocks as given."""
    found = cues()
    salutation = next((n for n, b in enumerate(blocks[:LETTER_REACH])
                       if found.letter_salutation.match(b.text)), None)
    if salutation is None:
        return blocks
    stamp = next((n for n in range(salutation + 1, min(len(blocks), LETTER_REACH))
                  if found.item_stamp.match(blocks[n].text)), None)
    if stamp is None or stamp + 1 >= len(blocks):
        return blocks
    return blocks[stamp + 1:]
