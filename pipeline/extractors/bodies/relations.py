"""Reading relations between bodies out of one sentence, with spaCy token patterns.

Cue phrases ("reports to", "sits under", "replaced by", "membership comprises representatives
of", "a link will be maintained with") are Matcher patterns with ids in
`models/structure/relation_cues.jsonl`. Around each cue the two slots are filled from the
mentions `names.py` found: the subject by walking left over auxiliaries ("will continue to"),
relative pronouns and apposition, the object by reading a list to the right ("both the ICB and
the HWB"), with the grammar of `clauses.py`. Lists give one edge per member; a negated cue
gives none; plural references ("three sub-groups ...: A, B and C", "the remaining boards")
resolve only to bodies the text lists. `structure.py` runs the reader over a paper's
sentences and writes the rows.
"""

from __future__ import annotations

from bisect import bisect_left

from pipeline.extractors.bodies.anaphora import anaphora_rules, opening_skip
from pipeline.extractors.bodies.clauses import Context as _Context
from pipeline.extractors.bodies.labels import LabelReader
from pipeline.extractors.bodies.names import Mention, fold, head_of, vocabulary
from pipeline.extractors.bodies.positions import members_at as _members_at
from pipeline.extractors.bodies.positions import possessive_before as _possessive_before
from pipeline.extractors.bodies.relation_cues import WORDS, Cue, cue_gate, cue_rules, cues
from pipeline.extractors.bodies.units import Stretch, Unit, opening_it
from pipeline.model import Block

__all__ = ["WORDS", "Cue", "RelationReader", "cue_gate", "cues"]

#: the kinds of mention a sentence's subject, opening body or body set up may be
SUBJECT_KINDS = frozenset(("body", "generic", "acronym"))


class RelationReader(LabelReader):
    """Reads a paper's sentences in order, keeping what later references need: the cues of
    each sentence and the edges they state (the grammar of their slots is `ClauseReader`'s)."""

    # ------------------------------------------------------------ cues

    def read_sentence(self, block: Block, sent: Stretch, matches: list[tuple[str, int, int]],
                      following: Stretch | None) -> None:
        doc = sent.unit
        ctx = _Context(doc, sent, self._mentions_in(sent))
        if not ctx.mentions:
            self.unnamed_sentence(ctx)
            return
        # each reading below looks for a mention of some kinds and does nothing without one:
        # most sentences have no plural ('three sub-groups'), a third only phrases and
        # organisations, so those readings are not started
        kinds = {m.kind for m in ctx.mentions}
        plural, subject = "plural" in kinds, not kinds.isdisjoint(SUBJECT_KINDS)
        if plural:
            self._these_are(ctx, following)
        if "body" in kinds or "acronym" in kinds:
            self._name_label(ctx)
        if plural:
            self._plural_listed(ctx)
        done: list[list[str]] = []  # the subjects of this sentence's cues so far
        for cue_id, start, end in matches:
            cue = cue_rules()[cue_id]
            if end < len(doc) and ctx.lowers[end] in cue.not_followed_by or (
                    start > sent.start and ctx.lowers[start - 1] in cue.not_preceded_by):
                continue
            if start == sent.start and end < len(doc) and ctx.texts[end] == ":" and \
                    ctx.lowers[start] in WORDS.front_sheet_fields:
                continue  # a cover sheet's "Report to: Cabinet": where the paper goes
            subjects, objects, negated = self._slots(cue, ctx, start, end, done)
            if negated or not subjects or not objects:
                continue
            done.append(subjects)
            for s in subjects:
                for o in objects:
                    source, target = (o, s) if cue.kind == "reverse" else (s, o)
                    if fold(source) and fold(target) and fold(source) != fold(target):
                        self.edges.append((source, cue.relation, target, block, sent))
        if subject:  # (an opening body, a clause's subject, a body set up: of these kinds)
            opening = self._opening(ctx)
            self.memory.subject(opening)
            if not opening:  # "it is proposed that a performance group be reinstated"
                self.memory.section.about(self._clause_subject(ctx))
            self.memory.section.set_up = self._set_up(ctx) or self.memory.section.set_up
        first = opening_it(ctx.doc, ctx.sent.start, ctx.sent.end)
        carried = self._antecedent(ctx, first, bodies=True) if first is not None else []
        # (before this one is remembered)
        self.memory.remember(ctx.doc, [(m, self.name(m, ctx)) for m in ctx.mentions])
        self.memory.carried = carried

    def unnamed_sentence(self, ctx: _Context) -> None:
        """A sentence that names no body: a cue in it has no name to fill its object (a list,
        a pronoun's object and a plural's bodies are all read from the sentence's mentions),
        and nothing else is remembered of it but what an opening 'It' meant."""
        it = opening_it(ctx.doc, ctx.sent.start, ctx.sent.end)
        carried = self.memory.antecedent(("plural", "org")) if it is not None else []
        self.memory.remember(ctx.doc, [])
        self.memory.carried = carried

    def unnamed_without_it(self, doc: Unit) -> None:
        """What `unnamed_sentence` leaves of a unit's sentences when no 'It' or 'Its' stands
        in it (nothing to carry), without reading them."""
        self.memory.remember(doc, [])
        self.memory.carried = []

    def _opening(self, ctx: _Context) -> list[str]:
        """The one body a sentence opens with ('4.4 The Joint Group will ...'), else []."""
        if not ctx.mentions:
            return []
        i, relational = ctx.sent.start, vocabulary().relational_nouns
        skip = opening_skip()
        while i < ctx.sent.end and (ctx.texts[i][:1].isdigit() or ctx.punct[i]
                                    or ctx.texts[i].isspace() or ctx.lowers[i] in skip
                                    or ctx.doc.like_num(i)):
            i += 1
        if i + 1 < ctx.sent.end and ctx.lowers[i] in relational and \
                ctx.lowers[i + 1] == "of":  # "The Chair of the Forum is ..."
            i += 2 + (i + 2 < ctx.sent.end and ctx.lowers[i + 2] == "the")
        m = ctx.at(i)
        names = self.name(m, ctx) if m and m.kind in ("body", "generic", "acronym") else []
        return names if len(names) == 1 else []

    def _clause_subject(self, ctx: _Context) -> list[str]:
        """The last body of the sentence that a verb follows ('that a X be reinstated',
        'the X will ...'): a clause's subject, what the section goes on about; else []."""
        followers = anaphora_rules().clause_subject_followers
        for m in reversed(ctx.mentions):
            if m.kind in ("body", "generic", "acronym") and not m.possessive and \
                    m.end < ctx.sent.end and ctx.lowers[m.end] in followers:
                names = self.name(m, ctx)
                return names if len(names) == 1 else []
        return []

    def _set_up(self, ctx: _Context) -> list[str]:
        """The one body the sentence sets up: 'that a X be established', 'to set up a X'."""
        rules = anaphora_rules()
        for m in reversed(ctx.mentions):
            if m.kind not in ("body", "generic", "acronym") or m.possessive:
                continue
            after = set(ctx.lowers[m.end: min(m.end + 3, ctx.sent.end)])
            i = m.start - 1
            while i > ctx.sent.start and ctx.lowers[i] in ("a", "an", "the", "new", "its"):
                i -= 1
            if (after & rules.set_up_after and after & rules.be) or (
                    i < m.start - 1 and ctx.lowers[i] in rules.set_up_before):
                names = self.name(m, ctx)
                return names if len(names) == 1 else []
        return []

    def _slots(self, cue: Cue, ctx: _Context, start: int, end: int, done: list[list[str]]
               ) -> tuple[list[str], list[str], bool]:
        """(subjects, objects, negated) around one cue."""
        sent_end = ctx.sent.end
        if cue.kind == "membership":
            return self._membership(cue, ctx, start, end, done)
        if end < sent_end and ctx.texts[end] == ":" and self._opens(ctx, start):
            # a terms-of-reference line: "Reports to: Cabinet"
            return self._label_owner(), self._list(ctx, end + 1), False
        if cue.kind == "has_subgroups":  # "The Board has three sub-groups: A, B and C"
            target, negated = self._subject(ctx, start, done)
            if not target and cue.requires == "owner":  # "The Partnership's delivery groups are"
                owner = next((m for m in reversed(ctx.mentions) if m.possessive
                              and start - 3 <= m.end <= start), None)
                target = self.name(owner, ctx) if owner else []
            if not target and self._opens(ctx, start):
                target = self._label_owner()  # a terms-of-reference line: "Sub-groups: A, B"
            return self._list(ctx, end), target[:1], negated
        if cue.kind == "represents":  # "the Chair represents the Committee on the Forum"
            source = self._list(ctx, end, first_only=True)
            on = max((m.end for m in ctx.mentions if m.start in ctx.objects), default=end)
            if not source or on >= sent_end or ctx.lowers[on] != "on":
                return [], [], False
            return source, self._list(ctx, on + 1, first_only=True), False
        if cue.kind == "constitutes":
            return self._constitutes(ctx, start, end)
        if cue.kind == "to_which":
            return self._to_which(ctx, start, end, cue.requires or "to")
        subjects, negated = self._subject(ctx, start, done)
        if not subjects and cue.sentence_subject:
            subjects = self._sentence_subject(ctx)
        if not subjects and self._opens(ctx, start) and \
                ctx.lowers[start] not in WORDS.front_sheet_fields:
            # "Accountable to the X." under a line that names the group (a cover sheet's
            # "Report to the Cabinet, 4 May" is where the paper goes)
            subjects = self.memory.section.owner
        if cue.kind == "subgroups" and not subjects:  # "Sub-groups of the Board include A, B"
            target = self._list(ctx, end, first_only=True)
            verb = next((k for k in range(end, min(end + 12, sent_end)) if ctx.lowers[k] in (
                "include", "includes", "are", "comprise", "comprises", "will")), None)
            if verb is None or verb + 1 >= sent_end:
                return [], [], False
            verb += 1 + (ctx.lowers[verb + 1] in ("be", ":", "include", "comprise"))
            return self._list(ctx, verb), target, False
        after = end
        while after < sent_end and ctx.lowers[after] in ("each", "all", "both", "of"):
            after += 1
        if after < sent_end and (ctx.lowers[after] in ("them", "it") or (
                after > end and not ctx.at(after) and not ctx.at(after - 1)
                and not self._list(ctx, end))):  # "report to both", "to each of them"
            objects = self._pronoun_object(ctx, start, done, subjects,
                                           singular=ctx.lowers[after] == "it")
        else:
            objects = self._list(ctx, end, first_only=cue.first_only)
            last = max((m.end for m in ctx.mentions if m.start in ctx.objects and m.start >= end),
                       default=end)
            if objects and last < sent_end and ctx.lowers[last] in cue.not_after_object:
                return [], [], False  # "reported to the Board that ...": an event, not a line
            if cue.relation == "reports_to" and cue.kind == "forward":
                if not objects:  # "feeds into the Partnership through the X Group", where
                    # "the Partnership" names nothing this paper identifies
                    first = ctx.at(end + (end < sent_end and ctx.lowers[end] == "the"))
                    last = first.end if first else sent_end
                objects = self._through(ctx, last) or objects
        if not subjects and cue.kind == "link":
            if ctx.lowers[end - 1] == "between" and len(objects) > 1:
                return objects[:1], objects[1:], negated
            # "A link would be maintained to X": the link is the section's body's
            subjects = self.memory.section.set_up or ([self.index.paper] if self.index.paper
                                                      else [])
        return subjects, objects, negated

    def _to_which(self, ctx: _Context, start: int, end: int, preposition: str
                  ) -> tuple[list[str], list[str], bool]:
        """'the Learning Group, to which the Case Panel reports,' and 'the Forum, of which the
        Council is a member': the name after '<preposition> which' (or 'whom') is the source,
        the name before it the target; the cue ends its clause ('on which the Council is
        represented by its Leader': who represents it is no body)."""
        first = ctx.sent.start
        if end < ctx.sent.end and not (ctx.punct[end] or ctx.lowers[end] in (
                "and", "by", "directly", "quarterly", "annually", "formally", "regularly")):
            return [], [], False  # "to which the Panel reports its findings": not a line
        i = start - 1
        while i >= first and ctx.lowers[i] in WORDS.gap:
            i -= 1  # "to which the Panel also reports", "to which it is accountable"
        source = ctx.at(i, ending=True) if i >= first else None
        if source is None or source.possessive:
            return [], [], False
        j = source.start - 1
        while j >= first and ctx.lowers[j] in ("the", "a", "an", "its", "their"):
            j -= 1
        if j - 1 < first or ctx.lowers[j] not in ("which", "whom") or \
                ctx.lowers[j - 1] != preposition:
            return [], [], False
        k = j - 2
        while k >= first and ctx.texts[k] in ",(":
            k -= 1
        target = ctx.at(k, ending=True) if k >= first else None
        if target is None or target.possessive:
            return [], [], False
        return self.name(source, ctx), self.name(target, ctx), False

    def _constitutes(self, ctx: _Context, start: int, end: int
                     ) -> tuple[list[str], list[str], bool]:
        """'The partners should meet with the Cabinet and the Leadership Team ... and this
        will constitute the Partnership Executive' / '... to form Z': the bodies met with
        (after 'meet with' earlier in the sentence) are members of Z; nothing without it."""
        first = ctx.sent.start
        meet = next((i for i in range(start - 1, first, -1) if ctx.lowers[i] == "with" and (
            ctx.lowers[i - 1] in WORDS.meet_words or i - 2 >= first
            and ctx.lowers[i - 2] in WORDS.meet_words)), None)
        if meet is None:  # "A and B will (together) constitute / make up Z": its subjects
            if ctx.lowers[end - 1].startswith("constitut") or ctx.lowers[end - 1] == "up":
                members, negated = self._subject(ctx, start, [])
                target = self._list(ctx, end, first_only=True)
                return members, target, negated
            return [], [], False
        target = self._list(ctx, end, first_only=True)
        if target:  # the section goes on about the body it constitutes ('This group will')
            self.memory.section.about(target)
            self.memory.section.set_up = target
        verb = meet - 1 if ctx.lowers[meet - 1] in WORDS.meet_words else meet - 2
        host, _ = self._subject(ctx, verb, [])  # "The IJB will meet with A and B": the IJB too
        return host + [n for n in self._list(ctx, meet + 1) if n not in host], target, False

    def _through(self, ctx: _Context, i: int) -> list[str]:
        """'reports to the Cabinet through the Communities Board': the body the line passes
        through is its first step, as in 'reports through B to C' (after the object at i)."""
        end = ctx.sent.end
        while i < end and (ctx.texts[i] == "," or ctx.lowers[i].endswith("ly")) and \
                not ctx.at(i):
            i += 1  # "to the Cabinet, annually, through ..."
        if i + 1 >= end or ctx.lowers[i] not in WORDS.through:
            return []
        return self._list(ctx, i + 1, first_only=True)

    def _pronoun_object(self, ctx: _Context, start: int, done: list, subjects: list[str],
                        singular: bool = False) -> list[str]:
        if done:
            # "sit below the PCSP and report into it": 'it' is the last object named before
            # it, not the bodies an earlier clause replaced
            objects = [m for m in ctx.mentions if m.start in ctx.objects and m.end <= start]
            earlier = [n for m in (objects[-1:] if singular else objects)
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
        sent = ctx.sent
        colon = end - 1 if ctx.texts[end - 1] == ":" else next(
            (k for k in range(end, min(sent.end, end + 12)) if ctx.texts[k] == ":"), None)
        before = set(ctx.lowers[sent.start: start])
        if (cue.requires == "colon" and colon is None) or ctx.lowers[sent.start].strip(
                ":") in WORDS.attendance_openers or (
                cue.requires == "membership_or_colon" and colon is None
                and not {"membership", "members"} & before
                and not self._lists_organisations(ctx, end)) or (
                cue.requires == "membership_verb" and not WORDS.membership_words & before) or (
                cue.requires == "members_subject" and _members_at(ctx, start) is None):
            return [], [], False
        claimed = set(ctx.objects)
        sources = self._list(ctx, colon + 1 if colon is not None else end, member=True)
        target: list[str] = []
        for i in range(start - 1, sent.start - 1, -1):
            if ctx.lowers[i] in ("membership", "members"):
                if i > sent.start and ctx.lowers[i - 1] == "with":  # "to establish a X, ...,
                    target = self._set_up(ctx)  # with membership drawn from A and B"
                elif i + 1 < start and ctx.lowers[i + 1] == "of":  # "Membership of the Board"
                    target = self._list(ctx, i + 2, first_only=True)
                elif (owner_at := _possessive_before(ctx, i)) is not None:
                    target = self._antecedent(ctx, owner_at, bodies=True)
                elif self._opens(ctx, i):  # "Membership includes ...": the body just described
                    # (a terms of reference's section: the body the last block was about)
                    target = self.memory.section.owner or self.memory.topic or \
                        self.memory.section.topic or self.memory.last_topic or \
                        self._label_owner()
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
        if not target and self._opens(ctx, start):
            target = self._label_owner()  # a terms-of-reference line: "Membership: A, B, C"
        if not target or set(target[:1]) & set(sources):  # ("represented on X will include:
            # A, B": the subject is the list itself, not a body it joins)
            ctx.objects = claimed  # a cue that states nothing leaves its list to the next cue
            return [], [], False
        if colon is not None and self._opens(ctx, start):
            self._label_group(ctx, colon, sources)
        return sources, target[:1], negated

    def _lists_organisations(self, ctx: _Context, i: int) -> bool:
        """'The Partnership comprises A Council, B Police and the C Health Board': a list
        after the verb that names an organisation is a membership ('The structure comprises
        two groups' is not)."""
        saved = set(ctx.objects)
        listed = self._list(ctx, i, member=True)
        ctx.objects.clear()
        ctx.objects.update(saved)
        return any(head_of(n.split()[-1]) in vocabulary().org_heads for n in listed)

    # ------------------------------------------------------------ memory

    def _these_are(self, ctx: _Context, following: Stretch | None) -> None:
        """'Three strategic boards sit below ... These are A; B and C.' names the boards."""
        plural = next((m for m in ctx.mentions if m.kind == "plural"), None)
        at = following.start if following is not None else 0
        if following is None or len(following) < 3 or plural is None or (
                f"{ctx.lowers[at]} {ctx.lowers[at + 1]}") not in WORDS.these_are:
            return
        listed = self._list(_Context(ctx.doc, following, self._mentions_in(following)),
                            following.start + 2)
        if len(listed) > 1:
            self.memory.groups[plural.key] = listed

    def heading(self, text: str, mentions: list[Mention]) -> None:
        """A heading states no relation, but a numbered one opens a section and the bodies
        it names are what 'this group' below it may point back to."""
        section = self.memory.section
        section.new_block(text)
        for m in mentions:
            if m.kind in ("body", "acronym") and not m.possessive:
                name = self.index.canonical(m)
                section.add(head_of(name.split()[-1]), name)

    def new_block(self, mentions: list[Mention], text: str = "") -> None:
        self.memory.new_block(text)
        self.block_mentions = mentions
        starts = [m.start for m in mentions]
        # in order (as find_mentions gives them), a sentence's mentions are a slice found by
        # bisection: filtering the block's list per sentence was quadratic on a long block
        ordered = starts == sorted(starts)
        self._starts = starts if ordered else None

    def _mentions_in(self, span: Stretch) -> list[Mention]:
        """The block's mentions that start inside span, in the block's order."""
        if self._starts is None:
            return [m for m in self.block_mentions if span.start <= m.start < span.end]
        return self.block_mentions[bisect_left(self._starts, span.start):
                                   bisect_left(self._starts, span.end)]

