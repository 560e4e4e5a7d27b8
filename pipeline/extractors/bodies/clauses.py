"""The grammar a relation cue's slots are read by: which names a mention stands for ('the
Board', 'it', 'three sub-groups: A, B and C'), lists of names ('both the ICB and the HWB'),
and the subject a cue's clause has, walking left over auxiliaries, relative clauses and
apposition ('X, whose board reports to', 'the Y Group, chaired by the Director, reports to').
`relations.py` reads the cues with these."""

from __future__ import annotations

import re

from pipeline.extractors.bodies.adjuncts import (
    apposed_subject,
    before_adjunct,
    before_apposition,
    before_topic,
)
from pipeline.extractors.bodies.anaphora import anaphora_rules
from pipeline.extractors.bodies.discourse import Discourse
from pipeline.extractors.bodies.names import Mention, head_of, vocabulary
from pipeline.extractors.bodies.positions import Context, Positions
from pipeline.extractors.bodies.relation_cues import WORDS
from pipeline.extractors.bodies.units import Stretch
from pipeline.model import Block

__all__ = ["ClauseReader", "Context"]


class ClauseReader(Positions):
    """Names, lists and subjects in one sentence, with what the paper said before."""

    def __init__(self, memory: Discourse) -> None:
        self.memory, self.index = memory, memory.index
        self.edges: list[tuple[str, str, str, Block, Stretch]] = []
        self.block_mentions: list[Mention] = []
        self._starts: list[int] | None = []

    # ------------------------------------------------------------ references

    def name(self, m: Mention, ctx: Context, member: bool = False) -> list[str]:
        """The names a mention stands for ([] when it names nothing the paper identifies).
        A capitalised phrase without a head noun ('Safer Fernley', 'John Brown') names a body
        only where the paper defines it, it is three words or more, or it is a listed member."""
        if m.kind == "phrase" and (not member and len(m.text.split()) < 3 or head_of(
                m.text.split()[-1]) in vocabulary().post_words) and \
                not self.index.defines(self.index.canonical(m)):
            return []  # ("Chief Executive" is a post, "the Place Executive" a defined name)
        if m.kind == "phrase" and self._person(ctx, m):
            return []  # "Members: G Hart (Chair), H Quinn": people are not bodies
        if m.start not in ctx.names:
            if m.kind in ("body", "org", "acronym", "phrase"):
                ctx.names[m.start] = [self.index.canonical(m)]
            elif m.kind == "generic":
                here = [self.index.canonical(x) for x in ctx.mentions
                        if x.end <= m.start and x.kind in ("body", "acronym") and x.head == m.head]
                ctx.names[m.start] = [n for n in [self.memory.generic(
                    m, here, self._demonstrative(ctx, m))] if n]
            elif m.kind == "plural_name":  # "both Health and Wellbeing Boards"
                ctx.names[m.start] = self.memory.plural_name(m, [
                    ctx.lowers[i] for i in range(max(ctx.sent.start, m.start - 2), m.start)])
            else:
                ctx.names[m.start] = self._plural(m, ctx) if m.kind == "plural" else []
        return ctx.names[m.start]

    @staticmethod
    def _person(ctx: Context, m: Mention) -> bool:
        """Whether a capitalised phrase is a person's name: it opens with an initial ('G Hart',
        'J.R. Carr') or a post stands after it, in brackets ('Ann Lowe (Chair)') or in the
        next cell or after a comma or a dash ('Members: | Ann Lowe | Chair')."""
        words = m.text.split()
        if len(words) > 1 and re.fullmatch(r"(?:[A-Z]\.?){1,3}", words[0]):
            return True
        doc, end, posts = ctx.doc, m.end, vocabulary().post_words
        if end + 2 < len(doc) and ctx.texts[end] == "(" and ctx.texts[end + 2] == ")" and \
                ctx.lowers[end + 1] in posts:
            return True
        k = end
        while k < len(doc) and k - end < 3 and (ctx.texts[k].isspace() and "\n" not in
                                                ctx.texts[k] or ctx.texts[k] in ",-–—"):
            k += 1  # a cell's tab, a comma or a dash; not the end of the line
        return end < k < len(doc) and ctx.lowers[k] in posts

    def _plural(self, m: Mention, ctx: Context) -> list[str]:
        """'Three sub-groups ...: A, B and C', 'the three safeguarding partners (A, B and C)',
        'each constituent council', 'the remaining boards' (the bodies listed together just
        before), else nothing."""
        if m.end + 1 < ctx.sent.end and ctx.texts[m.end] == "(":
            colon: int | None = m.end  # the list in brackets after the plural
        else:
            colon = next((k for k in range(max(ctx.sent.start, m.end), ctx.sent.end)
                          if ctx.texts[k] == ":"), None)
        objects = set(ctx.objects)  # the listed bodies stand for the plural: not cue objects
        listed = self._list(ctx, colon + 1, skip_unnamed=True) if colon is not None else []
        ctx.objects = objects
        if listed:
            self.memory.groups[m.key] = listed
            return listed
        return self.memory.listed_before(m)

    def _antecedent(self, ctx: Context, before: int, bodies: bool = False) -> list[str]:
        """'It'/'This'/'Its': the first body named earlier in the sentence or in the last one
        (`bodies`: not an organisation, for 'Its membership')."""
        skip = ("plural", "org") if bodies else ("plural",)
        for m in ctx.mentions:
            if m.end <= before and m.kind not in skip and self.name(m, ctx):
                return self.name(m, ctx)[:1]
        return self.memory.antecedent(skip)

    # ------------------------------------------------------------ lists

    def _list(self, ctx: Context, i: int, first_only: bool = False, member: bool = False,
              skip_unnamed: bool = False) -> list[str]:
        """Names listed from token i: 'both the ICB and the HWB', 'A, B and the C'.
        `skip_unnamed` (a list after a colon): a lower-case item that names no body ('are:
        health, police and X') is stepped over, not the list's end."""
        items: list[tuple[Mention, list[str], bool]] = []  # (mention, names, after a comma)
        doc, end, comma, joined = ctx.doc, ctx.sent.end, False, -1
        # "accountable to the Board and to the Partnership": the preposition before the list
        # may stand again before a later item
        again = ctx.lowers[i - 1] if ctx.sent.start < i <= end and \
            ctx.lowers[i - 1] in WORDS.repeated_prepositions else ""
        i = self._such_as(ctx, i)
        while i < end:
            while i < end and (ctx.texts[i].isspace() or ctx.texts[i] in "-*\u2022"):
                i += 1  # a list that runs on in the blocks below its colon
            if items and again and i + 1 < end and ctx.lowers[i] == again:
                i += 1
            j = i
            while j < end and ctx.lowers[j] in WORDS.skip_before_name:
                j += 1
            k = j  # "a newly formed Joint Leadership Group": words between article and name
            while (k < end and k - j < 3 and j > i and ctx.lowers[j - 1] in ("the", "a", "an")
                   and ctx.texts[k].islower() and ctx.texts[k].isalpha()
                   and ctx.lowers[k] not in WORDS.not_adjectives and not ctx.at(k)):
                k += 1
            m = ctx.at(k) or ctx.at(j) or ctx.at(i)
            while m is not None and m.possessive:  # "the Council's Cabinet" names the Cabinet
                m = ctx.at(m.end)
            if m is None and skip_unnamed and (after := self._unnamed_item(ctx, i)):
                i, comma = after, True
                continue
            if m is None or not self._whole(ctx, m):
                break
            found = self.name(m, ctx, member)
            if not found and m.kind != "plural":
                break
            items.append((m, found, comma))
            i = m.end
            k = i + (i < end and ctx.texts[i] == ",")
            if m.kind == "plural" and not found and k + 2 < end and \
                    ctx.lowers[k] == "such" and ctx.lowers[k + 1] == "as":
                i = k + 2  # "partnership bodies such as the X Forum and the Y": the examples
                continue
            if first_only:
                break
            if i < end and ctx.texts[i] == "(":  # an acronym after the name
                i = next((k + 1 for k in range(i, end) if ctx.texts[k] == ")"), i)
            follower = ctx.at(i)
            if follower and follower.kind == "acronym" and follower.end == i + 1:
                i += 1  # "Offender Management Group IOM; ..."
            broken = False
            while i < end and ctx.texts[i].isspace():
                broken = broken or "\n" in ctx.texts[i]
                i += 1
            if again:  # "to the Cabinet annually and to the Board": words set after an item
                i = _aside(ctx, i, end, again)
            comma = i < end and ctx.texts[i] in ",;"
            if i + 2 < end and ctx.texts[i] in ",;" and ctx.lowers[i + 1] in ("and", "or") \
                    and ctx.lowers[i + 2] in WORDS.list_breaking_prepositions:
                break  # "the Board, and of the A and the B, which ...": a new phrase
            if i + 1 < end and ctx.texts[i] in ",;" and ctx.lowers[i + 1] in ("and", "or"):
                i, joined = i + 2, len(items)  # "A, B and C", "- the A;\n- the B; and\n- the C
            elif i + 2 < end and doc.text(i, i + 3).lower() == "as well as":
                i += 3
            elif i < end and ctx.lowers[i] in WORDS.separators:
                i += 1
            elif not (broken and i < end and ctx.colon() < i):
                break  # (a list under a colon may run on one name a line, with no separator:
                # 'representation from:' over bullets; a line break then parts its items)
        if i < end and ctx.lowers[i] in WORDS.clause_verbs and len(items) > 1 and \
                joined != len(items):  # (", and would hold ...": the list ended before it)
            # "... replaces the X, and A and B are represented on ...": A and B open a clause;
            # "reports to the Board and that the Hub is represented on": so does the Hub
            commas = [n for n, (_, _, c) in enumerate(items) if c and n]
            if commas:
                items = items[:max(commas)]
            elif ctx.lowers[i] not in ("all", "also", "both", "each") and all(
                    ctx.texts[k].isspace() for k in range(items[-1][0].end, i)):
                # a verb straight after the last name: not "accountable to A and B and will
                # report to", nor "meet with A and B each quarter"
                items = items[:-1]
        names: list[str] = []
        for m, found, _ in items:
            ctx.objects.add(m.start)
            names += [n for n in found if n not in names]
        return names

    def _subjects_left(self, ctx: Context, m: Mention) -> list[str]:
        """'A, B and C report to': the names listed up to and including mention m."""
        names, start, i = list(self.name(m, ctx)), ctx.sent.start, m.start - 1
        while True:
            while i >= start and ctx.lowers[i] in ("the", "both", "a", "an", "its", "their"):
                i -= 1  # "Its A Subgroup and its B Subgroup report to
            if i < start or ctx.lowers[i] not in WORDS.separators - {"or"}:
                return names
            i -= 2 if i - 1 >= start and ctx.texts[i - 1] == "," else 1
            if i >= start and ctx.texts[i] == ")":
                i = next((k for k in range(i - 1, start - 1, -1) if ctx.texts[k] == "("), start) - 1
            prev = ctx.at(i, ending=True) if i >= start else None
            if prev is None or prev.start in ctx.objects or prev.possessive:
                return names
            names = [n for n in self.name(prev, ctx) if n not in names] + names
            i = prev.start - 1

    # ------------------------------------------------------------ subject

    def _subject(self, ctx: Context, cue_start: int, done: list[list[str]]
                 ) -> tuple[list[str], bool]:
        """The names before a cue, and whether the cue is negated."""
        start = ctx.sent.start
        i, negated = cue_start - 1, False
        while i >= start:
            word = ctx.lowers[i]
            if word in WORDS.negations:
                negated = True
            elif ctx.texts[i] == ")":
                i = next((k for k in range(i - 1, start - 1, -1) if ctx.texts[k] == "("), start)
            elif ctx.at(i, ending=True) is not None or not (
                    word in WORDS.gap or ctx.texts[i].isspace() or word == "to" and (
                        i > start and ctx.lowers[i - 1] in WORDS.to_after
                        or ctx.lowers[i + 1] == "be")  # "the organisations to be"
                    or word in WORDS.to_after and ctx.lowers[i + 1] == "to"
                    or word == "and" and i > start
                    and ctx.lowers[i - 1] in WORDS.set_up_before_and):
                # "X is expected to report to", "X will be established to replace"
                break
            i -= 1
        if i < start:
            return [], negated
        word, m = ctx.lowers[i], ctx.at(i, ending=True)
        if m is not None and m.possessive and m.end == cue_start:
            return self.name(m, ctx), negated  # "the Forum's functions were taken over by"
        if word == "its" and i == cue_start - 1:  # "and its functions be taken over by": the
            return self._nearest(ctx, i), negated  # owner is the body named just before
        if m is not None and m.kind == "plural" and (named := self._before_copula(ctx, m)):
            return self._subjects_left(ctx, named), negated  # "A and B are the responsible
            # authorities represented on X": the bodies named before 'are'
        if m is not None and not m.possessive:
            if m.start in ctx.objects and done and not (
                    m.end == cue_start and ctx.lowers[cue_start].endswith("ing")):
                # "X replaces Y and reports to Z" is X's; but in "X be replaced by a Y
                # reporting to Z" the participle is the object's
                return done[-1], negated
            # "The Chair of the Board is a member of ...": the subject is the Chair
            if self._complement(ctx, m):  # "A representative of X sits on": X is seated
                # ("The work of the Board is supported by": the Board's)
                return (self.name(m, ctx) if self._represented(ctx, m)
                        or self._work_of(ctx, m) else []), negated
            return self._subjects_left(ctx, m), negated
        if word == "which" and i - 3 >= start and ctx.lowers[i - 1] == "of" and \
                ctx.lowers[i - 2] in ("both", "all", "each") and ctx.texts[i - 3] == ",":
            # "the A and the B, both of which report to": every body listed before
            m = ctx.at(i - 4, ending=True)
            return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
        if word in ("which", "who", "that"):  # "the Partnership, which is accountable to"
            m = ctx.at(i - 2 if ctx.texts[i - 1] in ",(" else i - 1, ending=True)
            if m is None and word == "which" and ctx.texts[i - 1] == ",":
                m = before_topic(ctx, i - 2, start)  # "a Group on damp and mould, which"
            elif m is None and word in ("which", "that"):  # "the X Group, an officer group
                m = before_apposition(ctx, i - 1, start)  # which reports to the Board"
            if m and not m.possessive and word == "which" and \
                    ctx.lowers[cue_start] in WORDS.plural_verbs:
                return self._subjects_left(ctx, m), negated  # "A, B and C, which report to"
            # "the Director of Adult Services, who sits on": the Director, not the Services
            # ('which' is never a person's: "by the Chair of the X Partnership, which reports")
            return (self.name(m, ctx) if m and (word == "which" or not self._of_post(ctx, m))
                    else []), negated
        whose = self._whose(ctx, i)
        if whose is not None:  # "the X Partnership, whose board reports to"
            return whose, negated
        if word == "(" and i > start:  # "the X Group (a sub-group of the Y Board)"
            m = ctx.at(i - 1, ending=True)
            return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
        if word == ",":  # "the X Group, chaired by the Director, reports to"
            commas = [j for j in range(i - 1, max(start - 1, i - 24), -1) if ctx.texts[j] == ","]
            # (the aside may hold a list: "the X Group, comprising the A, the B and the C,")
            opening = next((j for j in commas if j + 1 < i
                            and ctx.lowers[j + 1] in WORDS.relative_openers),
                           commas[0] if commas else None)
            if opening is not None and opening + 1 < i and \
                    ctx.lowers[opening + 1] in WORDS.relative_openers:
                # "the Pension Board, whose members are appointed by the Authority, reports to"
                m = ctx.at(opening - 1, ending=True)
                return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
            k = before_adjunct(ctx, i - 1, start)  # "... re-established for the year 2025/26,"
            while k > start and ctx.lowers[k] in WORDS.set_up_before_comma:
                k -= 1
            if k < i - 2 and ctx.lowers[cue_start].endswith("ing") and (
                    set_up := ctx.at(k, ending=True)) is not None and not set_up.possessive:
                return self.name(set_up, ctx), negated  # "X is established, reporting to"
            for j in range(i - 1, max(start - 1, i - 16), -1):
                m = ctx.at(j, ending=True)
                if m is not None and j == i - 1 and not m.possessive:
                    return self._subjects_left(ctx, m), negated
                if ctx.texts[j] == ",":
                    m = ctx.at(j - 1, ending=True)
                    return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
            if ctx.lowers[cue_start].endswith("ing") and "," not in ctx.texts[start:i]:
                # "(Members were reminded that) X was formed on 1 July 2022, taking on the
                # functions of Y": the body that was set up
                formed = [m for m in ctx.mentions if m.end + 1 < i and not m.possessive
                          and ctx.lowers[m.end] in WORDS.set_up_before_comma
                          and ctx.lowers[m.end + 1] in WORDS.set_up_before_comma]
                return (self.name(formed[-1], ctx) if formed else []), negated
            return [], negated
        if word == "and":  # "X is a sub-group of Y and reports to Z"
            if not done and (relative := self._relative_before(ctx, i)) is not None:
                return self._subjects_left(ctx, relative), negated  # "the X Group, which
                # continued to meet monthly and reports to the Board"
            if not done and not (found := self._sentence_subject(ctx)) and (
                    apposed := apposed_subject(ctx, i)) is not None:  # "The Director said that
                found = self._subjects_left(ctx, apposed)  # the X Board, made up of ..., meets
            return (done[-1] if done else found), negated  # monthly and reports to"
        if word in ("it", "this", "they") and (word != "this" or ctx.lowers[cue_start] in
                                               WORDS.pronoun_verbs or i + 1 < cue_start):
            if word == "they" and any(w.rstrip(".") in vocabulary().honorifics
                                      for w in ctx.lowers[start:i]):
                return [], negated  # "Councillors A and B declared that they had sat on"
            if word == "they" and self.memory.listed_last() and not any(
                    m.end <= i for m in ctx.mentions):
                return self.memory.listed_last(), negated  # "A, B and C ... . They will"
            return self._antecedent(ctx, i), negated
        return [], negated

    @staticmethod
    def _relative_before(ctx: Context, i: int) -> Mention | None:
        """The name before ', which' that opens the clause token i ('and') is in, when no
        other comma or name stands between them."""
        for k in range(i - 1, ctx.sent.start, -1):
            if ctx.texts[k] == "," or ctx.at(k, ending=True) is not None:
                return None
            if ctx.lowers[k] in ("which", "who") and ctx.texts[k - 1] == ",":
                named = ctx.at(k - 2, ending=True)
                return named if named is not None and not named.possessive else None
        return None

    @staticmethod
    def _before_copula(ctx: Context, m: Mention) -> Mention | None:
        """The name before 'are'/'is' that a plural reference restates ('A and B are the
        responsible authorities'), else None."""
        j = m.start - 1
        while j >= ctx.sent.start and ctx.lowers[j] in ("the", "all", "both"):
            j -= 1
        if j <= ctx.sent.start or ctx.lowers[j] not in ("are", "were", "is", "was"):
            return None
        named = ctx.at(j - 1, ending=True)
        return named if named is not None and not named.possessive and \
            named.kind != "plural" else None

    def _nearest(self, ctx: Context, before: int) -> list[str]:
        """The last body named before token `before` in the sentence, else the last one's."""
        for m in reversed(ctx.mentions):
            if m.end <= before and m.kind not in ("plural", "org") and self.name(m, ctx):
                return self.name(m, ctx)[:1]
        return self.memory.antecedent(("plural", "org"))

    def _whose(self, ctx: Context, i: int) -> list[str] | None:
        """'X, whose board reports to' / 'X, whose executive group is accountable to': the
        line is X's (the noun after 'whose' at most three words before token i), else None."""
        start = ctx.sent.start
        for k in range(i, max(start, i - 3) - 1, -1):
            if ctx.lowers[k] == "whose":
                j = k - 1 if k > start and ctx.texts[k - 1] in ",(" else k
                m = ctx.at(j - 1, ending=True) if j > start else None
                return self._subjects_left(ctx, m) if m and not m.possessive else []
        return None

    def _sentence_subject(self, ctx: Context) -> list[str]:
        """The mention a sentence opens with ('1.2 The Board meets ... and reports to')."""
        i = ctx.sent.start
        skip = {"the", "(", ")"} | anaphora_rules().demonstratives | anaphora_rules().adjectives
        while i < ctx.sent.end and (ctx.texts[i][:1].isdigit() or ctx.lowers[i] in skip
                                    or ctx.doc.like_num(i)):
            i += 1
        m = ctx.at(i)
        return self._subjects_left(ctx, m) if m and not m.possessive else []


def _aside(ctx: Context, i: int, end: int, again: str, most: int = 4) -> int:
    """Where the list goes on after a few lower-case words that qualify its last item
    ('reports to the Cabinet annually and to the Board', '... on its plan and to the
    Board'): at the 'and'/'or' when the list's preposition stands again after it, else i.
    Only the words up to it are looked at (at most `most`)."""
    k = i
    while k < end and k - i < most and ctx.texts[k].isalpha() and ctx.texts[k].islower() \
            and ctx.lowers[k] not in ("and", "or"):
        k += 1
    if k > i and k + 1 < end and ctx.lowers[k] in ("and", "or") and ctx.lowers[k + 1] == again:
        return k
    return i
