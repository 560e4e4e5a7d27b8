"""A literal gate's answer for every block of one paper at once.

`anchors.LiteralGate` and `anchors.PatternGate` turn away a text holding none of some strings
with one case-blind search of an alternation of them, which tries the alternation at every
character: asked of each block in turn, that is a pass over the whole paper's text. Looked
up one string at a time in the paper's blocks joined by newlines (a plain substring search,
a fraction of the alternation's cost), the few places a string occurs say which blocks hold
one: the gates' strings hold no newline, so no occurrence runs from one block into the next.
The answer is the gate's for each block, where folding the case keeps every character one
character long (offsets into the folded text are then offsets into the text); else each
block is asked.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate

from pipeline.extractors.anchors import LiteralGate, PatternGate
from pipeline.model import Document

#: the letters a LiteralGate passes a text for whatever its strings (`anchors.unfolded`)
UNFOLDED = ("\u0130", "\u0131")


def literal_blocks(gate: LiteralGate, document: Document) -> list[bool]:
    """For each block of the paper, in order: `gate.might_match(block.text)`."""
    texts = [block.text for block in document.blocks]
    if gate.always or not gate.strings:  # (no strings: its empty regex matches any text)
        return [True] * len(texts)
    return _holding(document, texts, gate.strings, str.casefold, UNFOLDED, gate.might_match)


def pattern_blocks(gate: PatternGate, document: Document) -> list[bool]:
    """For each block of the paper, in order: whether `gate`'s first search (`quick`) finds
    one of its words in the block. A block it turns away cannot match (`might_match` is
    False); one it passes still needs `gate.might_match`."""
    texts = [block.text for block in document.blocks]
    if gate.always:
        return [True] * len(texts)
    return _holding(document, texts, gate.words, str.lower, (),
                    lambda text: bool(gate.quick.search(text.lower())))


def _holding(document: Document, texts: list[str], strings: Sequence[str],
             fold: Callable[[str], str], letters: Sequence[str], alone: Callable[[str], bool]
             ) -> list[bool]:
    """Whether each text (the paper's blocks') in its folded form holds one of `strings`
    (none holding a newline), or the text one of `letters`; `alone` answers for one text,
    where the folded paper's offsets are not the paper's."""
    joined, folded, begins = _joined(document, texts, fold)
    if len(folded) != len(joined) or any("\n" in s for s in strings):
        return [alone(text) for text in texts]
    out = [False] * len(texts)
    # (an ASCII text holds none of the letters)
    for source, wanted in ((folded, _fewest(tuple(strings))),
                           (joined, () if joined.isascii() else letters)):
        for string in wanted:
            at = source.find(string)
            while at >= 0:
                k = bisect_right(begins, at) - 1
                out[k] = True
                at = source.find(string, begins[k + 1])  # (the block holds one: the next)
    return out


#: the last paper read (its blocks), its texts, joined, their starts in it, and the joined
#: text folded by each fold asked: a paper's gates (three literal, one pattern) ask of the
#: same texts in turn
_LAST: list = [None, None, "", [], {}]


def _joined(document: Document, texts: list[str], fold: Callable[[str], str]
            ) -> tuple[str, str, list[int]]:
    """The paper's texts joined by newlines, that folded, and where each text starts in it;
    made once a paper (its blocks the same list, holding the same texts: a list of the
    same strings compares at the cost of their identities)."""
    if _LAST[0] is not document.blocks or _LAST[1] != texts:
        _LAST[:] = [document.blocks, texts, "\n".join(texts),
                    list(accumulate((len(text) + 1 for text in texts), initial=0)), {}]
    folds = _LAST[4]
    if fold not in folds:
        folds[fold] = fold(_LAST[2])
    return _LAST[2], folds[fold], _LAST[3]


@cache
def _fewest(strings: tuple[str, ...]) -> tuple[str, ...]:
    """The strings but those holding another of them (a text holding "voted" holds "vote"):
    a text holds one of these exactly when it holds one of all (each is one pass over the
    paper's text)."""
    return tuple(s for s in strings if not any(o != s and o in s for o in strings))
