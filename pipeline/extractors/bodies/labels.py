"""Terms-of-reference lines: whose a label line ('Reports to: Cabinet', 'Sub-groups: A; B',
'Membership:') is (the body a 'Name: X' line or a line naming one body set, else the
paper's), and the groups a plural label or subject lists ('Constituent authorities: A, B',
'The constituent councils are A, B and C') for 'each constituent council' below. The
relation reader (`relations.py`) is a `LabelReader`."""

from __future__ import annotations

from pipeline.extractors.bodies.clauses import ClauseReader
from pipeline.extractors.bodies.clauses import Context as _Context
from pipeline.extractors.bodies.names import Mention, singular_name
from pipeline.extractors.bodies.relation_cues import WORDS

__all__ = ["LabelReader"]


class LabelReader(ClauseReader):
    """The clause reader with what terms-of-reference label lines need."""

    def _label_owner(self) -> list[str]:
        """The body a terms-of-reference label line ('Reports to: Cabinet') is about: the one
        a 'Name: X' line of the section named, else the paper's."""
        return self.memory.section.owner or ([self.index.paper] if self.index.paper else [])

    def _name_label(self, ctx: _Context) -> None:
        """'Name: Adult Services Scrutiny Committee', or a line that names one body and no
        more ('Prevent Steering Group (meets monthly)'): the label lines below it are X's."""
        i = ctx.sent.start
        while i < ctx.sent.end and (ctx.punct[i] or ctx.texts[i].isspace()
                                    or ctx.texts[i][:1].isdigit()):
            i += 1
        if i + 2 < ctx.sent.end and ctx.lowers[i] in WORDS.name_labels and \
                ctx.texts[i + 1] == ":":
            i += 2
        elif len(ctx.mentions) != 1:
            return
        m = ctx.at(i) or ctx.at(i + 1)
        if m is None or m.kind not in ("body", "acronym") or m.possessive or (
                m is ctx.mentions[0] and not self._name_line(ctx, m)):
            return
        self.memory.section.owner = self.name(m, ctx)[:1]

    @staticmethod
    def _name_line(ctx: _Context, m: Mention) -> bool:
        """Whether the sentence is m and at most a bracketed note: 'X Group (meets monthly)'."""
        k = m.end
        if k < ctx.sent.end and ctx.texts[k] == "(":
            k = next((j + 1 for j in range(k, ctx.sent.end) if ctx.texts[j] == ")"), k)
        return all(ctx.punct[j] or ctx.texts[j].isspace() for j in range(k, ctx.sent.end))

    def _plural_listed(self, ctx: _Context) -> None:
        """'The constituent councils are A, B and C': 'each constituent council' below
        points back to them."""
        for m in ctx.mentions:
            if m.kind == "plural" and m.key and m.end + 1 < ctx.sent.end and \
                    ctx.lowers[m.end] in WORDS.listing_verbs:
                claimed = set(ctx.objects)
                listed = self._list(ctx, m.end + 1)
                ctx.objects = claimed
                if len(listed) > 1:
                    self.memory.groups[m.key] = listed

    def _label_group(self, ctx: _Context, colon: int, listed: list[str]) -> None:
        """'Constituent authorities: A, B, C': the plural label names the listed bodies, so
        that 'each constituent authority' below points back to them."""
        i = ctx.sent.start
        while i < colon and (ctx.punct[i] or ctx.texts[i].isspace() or ctx.doc.like_num(i)):
            i += 1
        words = ctx.lowers[i:colon]
        if 1 < len(words) <= 3 and all(w.isalpha() for w in words) and words[-1].endswith("s"):
            self.memory.groups[singular_name(" ".join(words))] = listed

