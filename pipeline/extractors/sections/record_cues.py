"""A paper's kind from what its body records, where its heading names none or only
'Agenda': a meeting page that records resolutions or apologies is minutes."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extractors.sections.cues import cues
from pipeline.model import Block

Blocks = Sequence[Block]


def recorded(blocks: Blocks) -> tuple[str, str]:
    """(kind, cue) of a paper whose heading names no kind, from its body lines: a meeting
    page that records resolutions or apologies is minutes; else ('other', '')."""
    for block in blocks:
        text = block.text.strip()
        for cue_id, kind, pattern in cues().record:
            if pattern.match(text):
                return kind, cue_id
    return "other", ""


def minuted_agenda(blocks: Blocks, agenda: list[str]) -> bool:
    """Whether a paper headed only 'Agenda' records its meeting under each item: a CMIS or
    ModernGov meeting page ('Agenda Items' / '3 Confirmation of Minutes' / 'To confirm
    ...' / 'RESOLVED that ...'). No other agenda cue (`agenda`: those its header shows)
    heads it (a notice, a summons, a date of meeting to come), and two lines or more open
    with a resolution recorded, or one does and apologies are recorded as received."""
    if set(agenda) != {"agenda-heading"}:
        return False
    found = [cue_id for block in blocks for cue_id, _, pattern in cues().record
             if pattern.match(block.text.strip())]
    return found.count("resolution-recorded") >= 2 or len(set(found)) == 2
