"""Where a token stands in a relation sentence: the sentence's columns and mentions
(`Context`) and the word-position tests the clause grammar asks ('a representative of X',
'the work of X', 'such as', whether only numbering opens the sentence). `clauses.py` reads
the slots of a cue with these."""

from __future__ import annotations

from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.names import Mention, vocabulary
from pipeline.extractors.bodies.relation_cues import WORDS
from pipeline.extractors.bodies.units import Stretch, Unit

__all__ = ["Context", "Positions", "members_at", "possessive_before"]


class Context:
    """One sentence: its unit, its mentions and the names they resolved to. (A class with
    slots, not a dataclass: one is made for every sentence read.)"""

    __slots__ = ("_colon", "_ends", "_starts", "doc", "lowers", "mentions", "names", "objects",
                 "punct", "sent", "texts")

    def __init__(self, doc: Unit, sent: Stretch, mentions: list[Mention]) -> None:
        self.doc, self.sent, self.mentions = doc, sent, mentions
        self.names: dict[int, list[str]] = {}  # mention start -> names
        self.objects: set[int] = set()  # starts of mentions read as cue objects
        # the unit's token columns (is_space, is_lower and is_alpha are the str methods of the
        # token's text, as spaCy's lexical attributes)
        self.texts: list[str] = doc.texts
        self.lowers: list[str] = doc.lowers
        self.punct: list[bool] = doc.punct
        self._starts = {m.start: m for m in reversed(mentions)}
        self._ends: dict[int, Mention] | None = None  # made when asked (a cue's slots ask)
        self._colon = -1

    def colon(self) -> int:
        """Where the sentence's first colon stands (its end when it has none), found once."""
        if self._colon < 0:
            self._colon = next((k for k in range(self.sent.start, self.sent.end)
                                if self.texts[k] == ":"), self.sent.end)
        return self._colon

    def at(self, i: int, ending: bool = False) -> Mention | None:
        """The mention starting (or ending) at token i."""
        if not ending:
            return self._starts.get(i)
        if self._ends is None:
            self._ends = {m.end - 1: m for m in reversed(self.mentions)}
        return self._ends.get(i)



class Positions:
    """The position tests of `ClauseReader` that read only the sentence."""

    @staticmethod
    def _demonstrative(ctx: Context, m: Mention) -> bool:
        """Whether 'this', 'these', 'that' or 'those' stands before m ('this new group')."""
        rules, i = anaphora_rules(), m.start - 1
        if i >= 0 and ctx.lowers[i] in rules.adjectives:
            i -= 1
        return i >= 0 and ctx.lowers[i] in rules.demonstratives

    @staticmethod
    def _unnamed_item(ctx: Context, i: int) -> int:
        """After a list item of one or two lower-case words and its separator ('health, '),
        where the next item starts; else 0."""
        end, k = ctx.sent.end, i
        while k < end and k - i < 2 and ctx.texts[k].isalpha() and ctx.texts[k].islower() and \
                ctx.lowers[k] not in WORDS.separators and not ctx.at(k):
            k += 1
        if k == i or k >= end or ctx.lowers[k] not in WORDS.separators:
            return 0
        k += 1
        if k < end and ctx.texts[k - 1] == "," and ctx.lowers[k] in ("and", "or"):
            k += 1
        return k if k < end else 0

    @staticmethod
    def _such_as(ctx: Context, i: int) -> int:
        """'partnership bodies such as the X Forum and the Y': where the examples start (after
        a few lower-case words ending in a plural head and 'such as'), else i."""
        end, k = ctx.sent.end, i
        while k < end and k - i < 4 and ctx.texts[k].islower() and ctx.lowers[k] != "such":
            k += 1
        if k > i and ctx.lowers[k - 1] in vocabulary().plural_heads:
            k += k < end and ctx.texts[k] == ","
            if k + 2 < end and ctx.lowers[k] == "such" and ctx.lowers[k + 1] == "as":
                return k + 2
        return i

    @staticmethod
    def _whole(ctx: Context, m: Mention) -> bool:
        """A list item is a whole noun phrase: 'North Wales councils' is not 'North Wales'."""
        nxt = ctx.lowers[m.end] if m.end < ctx.sent.end else ""
        vocab = vocabulary()
        if m.kind == "generic" and nxt in anaphora_rules().meeting_nouns:
            return True  # "represented at Board meetings": the Board
        return not ({nxt} & (vocab.modifier_nouns | vocab.plural_heads | WORDS.nouns_after_name))

    @staticmethod
    def _of_post(ctx: Context, m: Mention) -> bool:
        """Whether m follows a post and 'of' ('the Director of Adult Social Services')."""
        i = m.start - 1
        while i >= ctx.sent.start and ctx.lowers[i] in ("the", "a", "an"):
            i -= 1
        return i > ctx.sent.start and ctx.lowers[i] == "of" and \
            ctx.lowers[i - 1].rstrip("s") in vocabulary().post_words

    @staticmethod
    def _represented(ctx: Context, m: Mention) -> bool:
        """Whether m follows 'a representative of' / 'nominees from' (and an article)."""
        i = m.start - 1
        while i >= ctx.sent.start and ctx.lowers[i] in ("the", "a", "an"):
            i -= 1
        return i > ctx.sent.start and ctx.lowers[i] in ("of", "from") and \
            ctx.lowers[i - 1] in WORDS.representative_nouns

    @staticmethod
    def _work_of(ctx: Context, m: Mention) -> bool:
        """Whether m follows 'the work of' / 'the business of' (and an article), a subject
        that stands for the body itself: 'The work of the Board is supported by ...'."""
        i = m.start - 1
        while i >= ctx.sent.start and ctx.lowers[i] in ("the", "a", "an"):
            i -= 1
        return i > ctx.sent.start and ctx.lowers[i] == "of" and \
            ctx.lowers[i - 1] in WORDS.work_nouns

    @staticmethod
    def _complement(ctx: Context, m: Mention) -> bool:
        i = m.start - 1
        while i >= ctx.sent.start and ctx.lowers[i] in ("the", "a", "an"):
            i -= 1
        return i >= ctx.sent.start and ctx.lowers[i] in ("of", "on", "for", "from", "with")

    @staticmethod
    def _opens(ctx: Context, i: int) -> bool:
        """Whether only numbering stands before token i in its sentence."""
        return all(ctx.punct[k] or ctx.texts[k].isspace() or ctx.doc.like_num(k)
                   for k in range(ctx.sent.start, i))


def possessive_before(ctx: Context, i: int) -> int | None:
    """Where 'Its' / 'Their' stands before the 'members' at i, over a count and adjectives
    ('Its three core members')."""
    for k in range(i - 1, max(ctx.sent.start, i - 4) - 1, -1):
        if ctx.lowers[k] in ("its", "their"):
            return k
        if not (ctx.texts[k].islower() or ctx.doc.like_num(k)):
            return None
    return None


def members_at(ctx: Context, start: int) -> int | None:
    """'The statutory members of the Board are A, B and C', 'Its three core members are ...':
    where the 'members' stands whose verb is the cue at `start` (None when the verb's subject
    is not a body's members)."""
    k = start - 1
    if k >= ctx.sent.start and ctx.lowers[k] in ("members", "partners"):
        return k
    for k in range(start - 2, max(ctx.sent.start, start - 12) - 1, -1):
        if ctx.lowers[k] in ("members", "partners") and ctx.lowers[k + 1] == "of":
            m = ctx.at(k + 2) or ctx.at(k + 3)
            return k if m is not None and m.end == start else None
    return None
