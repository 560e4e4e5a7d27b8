"""Reading relations between bodies out of one sentence, with spaCy token patterns.

Cue phrases ("reports to", "sits under", "replaced by", "membership comprises representatives
of", "a link will be maintained with") are Matcher patterns with ids in
`models/structure/relation_cues.jsonl`. Around each cue the two slots are filled from the
mentions `bodies.py` found: the subject by walking left over auxiliaries ("will continue to"),
relative pronouns and apposition; the object by reading a list to the right ("both the ICB and
the HWB"). Lists give one edge per member; a negated cue gives none; plural references
("three sub-groups ...: A, B and C", "the remaining boards") resolve only to bodies the text
lists. `structure.py` runs the reader over a paper's sentences and writes the rows.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.extractors.bodies.discourse import Discourse
from pipeline.extractors.bodies.names import Mention, fold, vocabulary
from pipeline.extractors.bodies.relation_cues import WORDS, Cue, cue_gate, cues
from pipeline.model import Block

__all__ = ["WORDS", "Cue", "RelationReader", "cue_gate", "cues"]

@dataclass
class _Context:
    """One sentence: its Doc, its mentions and the names they resolved to."""

    doc: Doc
    sent: Span
    mentions: list[Mention]
    names: dict[int, list[str]] = field(default_factory=dict)  # mention start -> names
    objects: set[int] = field(default_factory=set)  # starts of mentions read as cue objects

    def __post_init__(self) -> None:
        self._starts = {m.start: m for m in reversed(self.mentions)}
        self._ends = {m.end - 1: m for m in reversed(self.mentions)}

    def at(self, i: int, ending: bool = False) -> Mention | None:
        """The mention starting (or ending) at token i."""
        return (self._ends if ending else self._starts).get(i)


class RelationReader:
    """Reads a paper's sentences in order, keeping what later references need."""

    def __init__(self, memory: Discourse) -> None:
        self.memory, self.index = memory, memory.index
        self.edges: list[tuple[str, str, str, Block, Span]] = []
        self.block_mentions: list[Mention] = []
        self._starts: list[int] | None = []

    # ------------------------------------------------------------ references

    def name(self, m: Mention, ctx: _Context, member: bool = False) -> list[str]:
        """The names a mention stands for ([] when it names nothing the paper identifies).
        A capitalised phrase without a head noun ('Safer Fernley', 'John Brown') names a body
        only where the paper defines it, it is three words or more, or it is a listed member."""
        if m.kind == "phrase" and not member and len(m.text.split()) < 3 and \
                not self.index.defines(self.index.canonical(m)):
            return []
        if m.start not in ctx.names:
            if m.kind in ("body", "org", "acronym", "phrase"):
                ctx.names[m.start] = [self.index.canonical(m)]
            elif m.kind == "generic":
                here = [self.index.canonical(x) for x in ctx.mentions
                        if x.end <= m.start and x.kind in ("body", "acronym") and x.head == m.head]
                ctx.names[m.start] = [n for n in [self.memory.generic(m, here)] if n]
            elif m.kind == "plural_name":  # "both Health and Wellbeing Boards"
                ctx.names[m.start] = self.memory.plural_name(m, [
                    ctx.doc[i].lower_ for i in range(max(ctx.sent.start, m.start - 2), m.start)])
            else:
                ctx.names[m.start] = self._plural(m, ctx) if m.kind == "plural" else []
        return ctx.names[m.start]

    def _plural(self, m: Mention, ctx: _Context) -> list[str]:
        """'Three sub-groups ...: A, B and C', 'each constituent council', 'the remaining boards'
        (the bodies listed together just before), else nothing."""
        colon = next((t.i for t in ctx.sent if t.i >= m.end and t.text == ":"), None)
        objects = set(ctx.objects)  # the listed bodies stand for the plural: not cue objects
        listed = self._list(ctx, colon + 1) if colon is not None else []
        ctx.objects = objects
        if listed:
            self.memory.groups[m.key] = listed
            return listed
        return self.memory.listed_before(m)

    def _antecedent(self, ctx: _Context, before: int, bodies: bool = False) -> list[str]:
        """'It'/'This'/'Its': the first body named earlier in the sentence or in the last one
        (`bodies`: not an organisation, for 'Its membership')."""
        skip = ("plural", "org") if bodies else ("plural",)
        for m in ctx.mentions:
            if m.end <= before and m.kind not in skip and self.name(m, ctx):
                return self.name(m, ctx)[:1]
        return self.memory.antecedent(skip)

    # ------------------------------------------------------------ lists

    def _list(self, ctx: _Context, i: int, first_only: bool = False, member: bool = False
              ) -> list[str]:
        """Names listed from token i: 'both the ICB and the HWB', 'A, B and the C'."""
        items: list[tuple[Mention, list[str], bool]] = []  # (mention, names, after a comma)
        doc, end, comma = ctx.doc, ctx.sent.end, False
        while i < end:
            while i < end and (doc[i].is_space or doc[i].text in "-*\u2022"):
                i += 1  # a list that runs on in the blocks below its colon
            j = i
            while j < end and doc[j].lower_ in WORDS.skip_before_name:
                j += 1
            k = j  # "a newly formed Joint Leadership Group": words between article and name
            while (k < end and k - j < 3 and j > i and doc[j - 1].lower_ in ("the", "a", "an")
                   and doc[k].is_lower and doc[k].is_alpha
                   and doc[k].lower_ not in WORDS.not_adjectives and not ctx.at(k)):
                k += 1
            m = ctx.at(k) or ctx.at(j) or ctx.at(i)
            while m is not None and m.possessive:  # "the Council's Cabinet" names the Cabinet
                m = ctx.at(m.end)
            if m is None or not self._whole(ctx, m):
                break
            found = self.name(m, ctx, member)
            if not found and m.kind != "plural":
                break
            items.append((m, found, comma))
            i = m.end
            if first_only:
                break
            if i < end and doc[i].text == "(":  # an acronym after the name
                i = next((t.i + 1 for t in doc[i:end] if t.text == ")"), i)
            follower = ctx.at(i)
            if follower and follower.kind == "acronym" and follower.end == i + 1:
                i += 1  # "Offender Management Group IOM; ..."
            while i < end and doc[i].is_space:
                i += 1
            comma = i < end and doc[i].text in ",;"
            if i + 1 < end and doc[i].text == "," and doc[i + 1].lower_ in ("and", "or"):
                i += 2
            elif i + 2 < end and doc[i: i + 3].text.lower() == "as well as":
                i += 3
            elif i < end and doc[i].lower_ in WORDS.separators:
                i += 1
            else:
                break
        if i < end and doc[i].lower_ in WORDS.clause_verbs and any(c for _, _, c in items[1:]):
            # "... replaces the X, and A and B are represented on ...": A and B open a clause
            items = items[:max(n for n, (_, _, c) in enumerate(items) if c and n)]
        names: list[str] = []
        for m, found, _ in items:
            ctx.objects.add(m.start)
            names += [n for n in found if n not in names]
        return names

    @staticmethod
    def _whole(ctx: _Context, m: Mention) -> bool:
        """A list item is a whole noun phrase: 'North Wales councils' is not 'North Wales'."""
        nxt = ctx.doc[m.end].lower_ if m.end < ctx.sent.end else ""
        vocab = vocabulary()
        return not ({nxt} & (vocab.modifier_nouns | vocab.plural_heads | WORDS.nouns_after_name))

    def _subjects_left(self, ctx: _Context, m: Mention) -> list[str]:
        """'A, B and C report to': the names listed up to and including mention m."""
        names, doc, start, i = list(self.name(m, ctx)), ctx.doc, ctx.sent.start, m.start - 1
        while True:
            while i >= start and doc[i].lower_ in ("the", "both", "a", "an"):
                i -= 1
            if i < start or doc[i].lower_ not in WORDS.separators - {"or"}:
                return names
            i -= 2 if i - 1 >= start and doc[i - 1].text == "," else 1
            if i >= start and doc[i].text == ")":
                i = next((t.i for t in reversed(doc[start:i]) if t.text == "("), start) - 1
            prev = ctx.at(i, ending=True) if i >= start else None
            if prev is None or prev.start in ctx.objects or prev.possessive:
                return names
            names = [n for n in self.name(prev, ctx) if n not in names] + names
            i = prev.start - 1

    # ------------------------------------------------------------ subject

    def _subject(self, ctx: _Context, cue_start: int, done: list[list[str]]
                 ) -> tuple[list[str], bool]:
        """The names before a cue, and whether the cue is negated."""
        doc, start = ctx.doc, ctx.sent.start
        i, negated = cue_start - 1, False
        while i >= start:
            word = doc[i].lower_
            if word in WORDS.negations:
                negated = True
            elif doc[i].text == ")":
                i = next((t.i for t in reversed(doc[start:i]) if t.text == "("), start)
            elif not (word in WORDS.gap or doc[i].is_space or (
                    word == "to" and i > start and doc[i - 1].lower_ in WORDS.to_after)):
                break
            i -= 1
        if i < start:
            return [], negated
        word, m = doc[i].lower_, ctx.at(i, ending=True)
        if m is not None and not m.possessive:
            if m.start in ctx.objects and done:
                return done[-1], negated
            # "The Chair of the Board is a member of ...": the subject is the Chair
            return ([] if self._complement(ctx, m) else self._subjects_left(ctx, m)), negated
        if word in ("which", "who", "that"):  # "the Partnership, which is accountable to"
            m = ctx.at(i - 2 if doc[i - 1].text in ",(" else i - 1, ending=True)
            return (self.name(m, ctx) if m else []), negated
        whose = self._whose(ctx, i)
        if whose is not None:  # "the X Partnership, whose board reports to"
            return whose, negated
        if word == ",":  # "the X Group, chaired by the Director, reports to"
            opening = next((j for j in range(i - 1, max(start - 1, i - 24), -1)
                            if doc[j].text == ","), None)
            if opening is not None and opening + 1 < i and \
                    doc[opening + 1].lower_ in WORDS.relative_openers:
                # "the Pension Board, whose members are appointed by the Authority, reports to"
                m = ctx.at(opening - 1, ending=True)
                return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
            for j in range(i - 1, max(start - 1, i - 16), -1):
                m = ctx.at(j, ending=True)
                if m is not None and j == i - 1 and not m.possessive:
                    return self._subjects_left(ctx, m), negated
                if doc[j].text == ",":
                    m = ctx.at(j - 1, ending=True)
                    return (self._subjects_left(ctx, m) if m and not m.possessive else []), negated
            return [], negated
        if word == "and":  # "X is a sub-group of Y and reports to Z"
            return (done[-1] if done else self._sentence_subject(ctx)), negated
        if word in ("it", "this", "they") and (word != "this" or doc[cue_start].lower_ in
                                               WORDS.pronoun_verbs or i + 1 < cue_start):
            return self._antecedent(ctx, i), negated
        return [], negated

    def _whose(self, ctx: _Context, i: int) -> list[str] | None:
        """'X, whose board reports to' / 'X, whose executive group is accountable to': the
        line is X's (the noun after 'whose' at most three words before token i), else None."""
        start = ctx.sent.start
        for k in range(i, max(start, i - 3) - 1, -1):
            if ctx.doc[k].lower_ == "whose":
                j = k - 1 if k > start and ctx.doc[k - 1].text in ",(" else k
                m = ctx.at(j - 1, ending=True) if j > start else None
                return self._subjects_left(ctx, m) if m and not m.possessive else []
        return None

    @staticmethod
    def _complement(ctx: _Context, m: Mention) -> bool:
        i = m.start - 1
        while i >= ctx.sent.start and ctx.doc[i].lower_ in ("the", "a", "an"):
            i -= 1
        return i >= ctx.sent.start and ctx.doc[i].lower_ in ("of", "on", "for", "from", "with")

    @staticmethod
    def _opens(ctx: _Context, i: int) -> bool:
        """Whether only numbering stands before token i in its sentence."""
        return all(t.like_num or t.is_punct or t.is_space for t in ctx.doc[ctx.sent.start: i])

    def _sentence_subject(self, ctx: _Context) -> list[str]:
        """The mention a sentence opens with ('1.2 The Board meets ... and reports to')."""
        i = ctx.sent.start
        while i < ctx.sent.end and (ctx.doc[i].like_num or ctx.doc[i].text[:1].isdigit()
                                    or ctx.doc[i].lower_ in ("the", "(", ")")):
            i += 1
        m = ctx.at(i)
        return self._subjects_left(ctx, m) if m and not m.possessive else []

    # ------------------------------------------------------------ cues

    def read_sentence(self, block: Block, sent: Span, matches: list[tuple[str, int, int]],
                      following: Span | None) -> None:
        doc = sent.doc
        ctx = _Context(doc, sent, self._mentions_in(sent))
        self._these_are(ctx, following)
        done: list[list[str]] = []  # the subjects of this sentence's cues so far
        for cue_id, start, end in matches:
            cue = cues()[0][cue_id]
            if end < len(doc) and doc[end].lower_ in cue.not_followed_by or (
                    start > sent.start and doc[start - 1].lower_ in cue.not_preceded_by):
                continue
            subjects, objects, negated = self._slots(cue, ctx, start, end, done)
            if negated or not subjects or not objects:
                continue
            done.append(subjects)
            for s in subjects:
                for o in objects:
                    source, target = (o, s) if cue.kind == "reverse" else (s, o)
                    if fold(source) and fold(target) and fold(source) != fold(target):
                        self.edges.append((source, cue.relation, target, block, sent))
        self.memory.subject(self._opening(ctx))
        self.memory.remember(ctx.doc, [(m, self.name(m, ctx)) for m in ctx.mentions])

    def _opening(self, ctx: _Context) -> list[str]:
        """The one body a sentence opens with ('4.4 The Joint Group will ...'), else []."""
        i, relational = ctx.sent.start, vocabulary().relational_nouns
        while i < ctx.sent.end and ((token := ctx.doc[i]).like_num or token.text[:1].isdigit()
                                    or token.is_punct or token.is_space
                                    or token.lower_ == "the"):
            i += 1
        if i + 1 < ctx.sent.end and ctx.doc[i].lower_ in relational and \
                ctx.doc[i + 1].lower_ == "of":  # "The Chair of the Forum is ..."
            i += 2 + (i + 2 < ctx.sent.end and ctx.doc[i + 2].lower_ == "the")
        m = ctx.at(i)
        names = self.name(m, ctx) if m and m.kind in ("body", "generic", "acronym") else []
        return names if len(names) == 1 else []

    def _slots(self, cue: Cue, ctx: _Context, start: int, end: int, done: list[list[str]]
               ) -> tuple[list[str], list[str], bool]:
        """(subjects, objects, negated) around one cue."""
        doc, sent_end = ctx.doc, ctx.sent.end
        if cue.kind == "membership":
            return self._membership(cue, ctx, start, end, done)
        if end < sent_end and doc[end].text == ":" and self._opens(ctx, start):
            # a terms-of-reference line: "Reports to: Cabinet"
            return [self.index.paper] if self.index.paper else [], self._list(ctx, end + 1), False
        if cue.kind == "has_subgroups":  # "The Board has three sub-groups: A, B and C"
            target, negated = self._subject(ctx, start, done)
            if not target and self._opens(ctx, start) and self.index.paper:
                target = [self.index.paper]  # a terms-of-reference line: "Sub-groups: A, B"
            return self._list(ctx, end), target[:1], negated
        if cue.kind == "represents":  # "the Chair represents the Committee on the Forum"
            source = self._list(ctx, end, first_only=True)
            on = max((m.end for m in ctx.mentions if m.start in ctx.objects), default=end)
            if not source or on >= sent_end or doc[on].lower_ != "on":
                return [], [], False
            return source, self._list(ctx, on + 1, first_only=True), False
        if cue.kind == "to_which":
            return self._to_which(ctx, start, end)
        subjects, negated = self._subject(ctx, start, done)
        if not subjects and cue.sentence_subject:
            subjects = self._sentence_subject(ctx)
        if cue.kind == "subgroups" and not subjects:  # "Sub-groups of the Board include A, B"
            target = self._list(ctx, end, first_only=True)
            verb = next((t.i for t in doc[end: min(end + 12, sent_end)] if t.lower_ in (
                "include", "includes", "are", "comprise", "comprises", "will")), None)
            if verb is None or verb + 1 >= sent_end:
                return [], [], False
            verb += 1 + (doc[verb + 1].lower_ in ("be", ":", "include", "comprise"))
            return self._list(ctx, verb), target, False
        after = end
        while after < sent_end and doc[after].lower_ in ("each", "all", "both", "of"):
            after += 1
        if after < sent_end and (doc[after].lower_ in ("them", "it") or (
                after > end and not ctx.at(after) and not ctx.at(after - 1)
                and not self._list(ctx, end))):  # "report to both", "to each of them"
            objects = self._pronoun_object(ctx, start, done, subjects)
        else:
            objects = self._list(ctx, end, first_only=cue.first_only)
            last = max((m.end for m in ctx.mentions if m.start in ctx.objects and m.start >= end),
                       default=end)
            if objects and last < sent_end and doc[last].lower_ in cue.not_after_object:
                return [], [], False  # "reported to the Board that ...": an event, not a line
            if cue.relation == "reports_to" and cue.kind == "forward":
                if not objects:  # "feeds into the Partnership through the X Group", where
                    # "the Partnership" names nothing this paper identifies
                    first = ctx.at(end + (end < sent_end and doc[end].lower_ == "the"))
                    last = first.end if first else sent_end
                objects = self._through(ctx, last) or objects
        if not subjects and cue.kind == "link":
            if doc[end - 1].lower_ == "between" and len(objects) > 1:
                return objects[:1], objects[1:], negated
            subjects = [self.index.paper] if self.index.paper else []
        return subjects, objects, negated

    def _to_which(self, ctx: _Context, start: int, end: int
                  ) -> tuple[list[str], list[str], bool]:
        """'the Learning Group, to which the Case Panel reports,': the name after 'to which'
        (or 'to whom') reports to the name before it; the verb ends its clause."""
        doc, first = ctx.doc, ctx.sent.start
        if end < ctx.sent.end and not (doc[end].is_punct or doc[end].lower_ in (
                "and", "directly", "quarterly", "annually", "formally", "regularly")):
            return [], [], False  # "to which the Panel reports its findings": not a line
        i = start - 1
        while i >= first and doc[i].lower_ in WORDS.gap:
            i -= 1  # "to which the Panel also reports", "to which it is accountable"
        source = ctx.at(i, ending=True) if i >= first else None
        if source is None or source.possessive:
            return [], [], False
        j = source.start - 1
        while j >= first and doc[j].lower_ in ("the", "a", "an", "its", "their"):
            j -= 1
        if j - 1 < first or doc[j].lower_ not in ("which", "whom") or doc[j - 1].lower_ != "to":
            return [], [], False
        k = j - 2
        while k >= first and doc[k].text in ",(":
            k -= 1
        target = ctx.at(k, ending=True) if k >= first else None
        if target is None or target.possessive:
            return [], [], False
        return self.name(source, ctx), self.name(target, ctx), False

    def _through(self, ctx: _Context, i: int) -> list[str]:
        """'reports to the Cabinet through the Communities Board': the body the line passes
        through is its first step, as in 'reports through B to C' (after the object at i)."""
        doc, end = ctx.doc, ctx.sent.end
        while i < end and (doc[i].text == "," or doc[i].lower_.endswith("ly")) and \
                not ctx.at(i):
            i += 1  # "to the Cabinet, annually, through ..."
        if i + 1 >= end or doc[i].lower_ not in WORDS.through:
            return []
        return self._list(ctx, i + 1, first_only=True)

    def _pronoun_object(self, ctx: _Context, start: int, done: list, subjects: list[str]
                        ) -> list[str]:
        if done:
            earlier = [n for m in ctx.mentions if m.start in ctx.objects
                       for n in ctx.names.get(m.start, []) if n not in subjects]
            if earlier:
                return earlier
        for m in reversed(ctx.mentions):
            names = [n for n in self.name(m, ctx) if n not in subjects] if m.end <= start else []
            if names:
                return names
        return []

    def _membership(self, cue: Cue, ctx: _Context, start: int, end: int, done: list
                    ) -> tuple[list[str], list[str], bool]:
        """'Membership of X comprises representatives of A, B and C': A, B, C member_of X."""
        doc, sent = ctx.doc, ctx.sent
        colon = end - 1 if doc[end - 1].text == ":" else next(
            (t.i for t in doc[end: min(sent.end, end + 12)] if t.text == ":"), None)
        before = {t.lower_ for t in doc[sent.start: start]}
        if (cue.requires == "colon" and colon is None) or (
                cue.requires == "membership_or_colon" and colon is None
                and not {"membership", "members"} & before) or (
                cue.requires == "membership_verb" and not WORDS.membership_words & before):
            return [], [], False
        sources = self._list(ctx, colon + 1 if colon is not None else end, member=True)
        target: list[str] = []
        for i in range(start - 1, sent.start - 1, -1):
            if doc[i].lower_ in ("membership", "members"):
                if i + 1 < start and doc[i + 1].lower_ == "of":  # "Membership of the Board"
                    target = self._list(ctx, i + 2, first_only=True)
                elif i > sent.start and doc[i - 1].lower_ in ("its", "their"):
                    target = self._antecedent(ctx, i - 1, bodies=True)
                elif self._opens(ctx, i):  # "Membership includes ...": the body just described
                    target = self.memory.topic or ([self.index.paper] if self.index.paper else [])
                else:  # "the Board's membership"
                    owner = ctx.at(i - 1, ending=True)
                    target = self.name(owner, ctx) if owner and owner.possessive else []
                break
        negated = False
        if not target:
            target, negated = self._subject(ctx, start, done)
        if not target:
            named = [m for m in ctx.mentions
                     if m.end <= start and m.kind in ("body", "generic", "acronym")]
            target = self.name(named[-1], ctx) if named else []
        if not target and self._opens(ctx, start) and self.index.paper:
            target = [self.index.paper]  # a terms-of-reference line: "Membership: A, B, C"
        return sources, target[:1], negated

    # ------------------------------------------------------------ memory

    def _these_are(self, ctx: _Context, following: Span | None) -> None:
        """'Three strategic boards sit below ... These are A; B and C.' names the boards."""
        plural = next((m for m in ctx.mentions if m.kind == "plural"), None)
        if following is None or len(following) < 3 or plural is None or (
                f"{following[0].lower_} {following[1].lower_}") not in WORDS.these_are:
            return
        listed = self._list(_Context(ctx.doc, following, self._mentions_in(following)),
                            following.start + 2)
        if len(listed) > 1:
            self.memory.groups[plural.key] = listed

    def new_block(self, mentions: list[Mention]) -> None:
        self.memory.new_block()
        self.block_mentions = mentions
        starts = [m.start for m in mentions]
        # in order (as find_mentions gives them), a sentence's mentions are a slice found by
        # bisection: filtering the block's list per sentence was quadratic on a long block
        ordered = all(starts[i] <= starts[i + 1] for i in range(len(starts) - 1))
        self._starts = starts if ordered else None

    def _mentions_in(self, span: Span) -> list[Mention]:
        """The block's mentions that start inside span, in the block's order."""
        if self._starts is None:
            return [m for m in self.block_mentions if span.start <= m.start < span.end]
        return self.block_mentions[bisect_left(self._starts, span.start):
                                   bisect_left(self._starts, span.end)]
