"""What the paper's reader knows of its bodies: the names and aliases the paper gives
(`BodyIndex`) and what it remembers between sentences (`Discourse`), to tell which body
"the Board", "It" and "the two standing partnerships" point back to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.extractors.bodies.anaphora import Section
from pipeline.extractors.bodies.names import (
    NUMERALS,
    Mention,
    body_type,
    clean_name,
    fold,
    head_of,
    initials,
    shared_head_names,
    singular_name,
    vocabulary,
)
from pipeline.extractors.bodies.relation_cues import WORDS
from pipeline.extractors.bodies.units import Unit
from pipeline.extractors.bodies.words import body_types


@cache
def _linking() -> frozenset[str]:
    """The words between names listed together ('and', ',', 'as well as' ...)."""
    return WORDS.separators | WORDS.linking


@dataclass
class BodyIndex:
    """The paper's names: aliases (folded) -> canonical name, and the paper's own body."""

    paper: str = ""
    aliases: dict[str, str] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)  # full names by folded name
    spelled: dict[str, str] = field(default_factory=dict)  # folded alias -> as written
    named: set[str] = field(default_factory=set)  # folded names that aliases point to
    _memo: dict[tuple[str, str], str] = field(default_factory=dict)
    # the known names by their last folded word, made when asked (and again if one was added)
    _by_last: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _by_last_size: int = -1
    _initials_of: dict[str, str] = field(default_factory=dict)  # (`_initials`)

    def defines(self, name: str) -> bool:
        """Whether the paper gives the name as an alias or names something by it."""
        return fold(name) in self.aliases or fold(name) in self.named

    def add_alias(self, alias: str, name: str) -> None:
        key = fold(alias)
        if key and key != fold(name) and key not in self.aliases:
            self.aliases[key] = name
            self.spelled[key] = alias
            self.named.add(fold(name))

    def canonical(self, mention: Mention) -> str:
        """The fullest name the paper gives the mentioned body."""
        memo = (mention.text, mention.kind)
        if memo not in self._memo:
            text, seen = clean_name(mention.text), set()
            while fold(text) in self.aliases and fold(text) not in seen:
                seen.add(fold(text))
                text = self.aliases[fold(text)]
            if not seen and mention.kind in ("body", "phrase", "org") and len(text.split()) > 1:
                text = self._by_suffix(text) or text
            elif not seen and mention.kind == "body" and self._is_paper_head(text):
                text = self.paper  # "Cabinet" in the minutes of the "X Combined Authority Cabinet"
            elif mention.kind == "acronym" and not seen:
                text = self._by_initials(text) or text
            self._memo[memo] = text
        return self._memo[memo]

    def _by_suffix(self, text: str) -> str | None:
        """'Leadership Board' -> 'Fernley Leadership Board' when only one name ends so."""
        key = " " + fold(text)
        if self.paper and (" " + fold(self.paper)).endswith(key):
            return self.paper
        if key[1:] in body_types() and key[1:] == body_type(text):
            # (a name that is no type's name is no type: most, asked without a search)
            return None  # "the statutory Community Safety Partnership" may be anyone's
        # (a name that ends so ends in the same last word: only those are compared)
        found = {n for k, n in self._ending_in(key.rsplit(" ", 1)[-1])
                 if (" " + k).endswith(key) and k != key[1:]}
        if len(found) != 1:
            return None
        name = found.pop()
        extra = name.split()[: len(name.split()) - len(text.split())]
        if extra and extra[-1].lower() in ("and", "&"):
            return None  # "Skills Committee" beside "Growth and Skills Committee": two bodies
        if extra and all(w.lower() in vocabulary().distinct_prefixes for w in extra):
            return None  # "Moorside Place Partnership" beside "North Moorside Place Partnership"
        return None if self._owner_prefixed(name, text) else name

    def _ending_in(self, word: str) -> list[tuple[str, str]]:
        """The known names (folded, as written) whose folded form ends in `word`."""
        if self._by_last_size != len(self.known):
            self._by_last = {}
            for k, n in self.known.items():
                self._by_last.setdefault(k.rsplit(" ", 1)[-1], []).append((k, n))
            self._by_last_size = len(self.known)
        return self._by_last.get(word, [])

    def _owner_prefixed(self, name: str, text: str) -> bool:
        """Whether `name` is `text` under its owner's acronym in a capitals heading
        ("NPCA TRANSPORT COMMITTEE - TERMS OF REFERENCE" in the North Pennine Combined
        Authority's papers): no fuller name for the body the text calls "Transport Committee"."""
        extra = name.split()[:len(name.split()) - len(text.split())]
        if not name.isupper() or text.isupper() or len(extra) != 1:
            return False
        owners = [self.paper, *self.known.values()]
        return any(initials(owner).upper().startswith(extra[0]) and len(extra[0]) >= 2
                   and initials(owner).upper() != initials(name).upper() for owner in owners)

    def _is_paper_head(self, text: str) -> bool:
        """Whether a lone head word ("Cabinet") is the last word of the paper's own body."""
        words = self.paper.split()
        return (len(text.split()) == 1 and len(words) > 1
                and fold(words[-1]) == fold(text)
                and head_of(fold(text)) in vocabulary().proper_single_heads)

    def _by_initials(self, text: str) -> str | None:
        """An undefined acronym ('CSP') that the initials of one known name end with."""
        letters = re.sub(r"[^A-Z]", "", text.split()[-1])
        if len(letters) < 2:
            return None
        names = ([self.paper] if self.paper else []) + list(self.known.values())
        found = {n for n in names if (capitals := self._initials(n)).endswith(letters)
                 and len(capitals) - len(letters) <= 2}
        return found.pop() if len(found) == 1 else None

    def _initials(self, name: str) -> str:
        """`initials(name).upper()`, made once per name of this paper (each acronym asks for
        those of all the known names)."""
        found = self._initials_of.get(name)
        if found is None:
            found = self._initials_of[name] = initials(name).upper()
        return found


@dataclass
class Discourse:
    """What a reader remembers between sentences, to tell which body 'the Board', 'It' and
    'the two standing partnerships' point back to."""

    index: BodyIndex
    groups: dict[str, list[str]] = field(default_factory=dict)  # "constituent council" -> ...
    coordinated: list[list[str]] = field(default_factory=list)  # bodies named together
    previous: list[tuple[Mention, list[str]]] = field(default_factory=list)  # last sentence
    block_names: list[tuple[str, str]] = field(default_factory=list)  # (head noun, name)
    last_block: list[tuple[str, str]] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)  # the body the block's last subject named
    last_topic: list[str] = field(default_factory=list)  # the last block's that had one
    last_groups: list[list[str]] = field(default_factory=list)  # listed in the last sentence
    section: Section = field(default_factory=Section)  # what the section has named
    carried: list[str] = field(default_factory=list)  # what the last sentence's 'It' meant

    def generic(self, m: Mention, here: list[str], demonstrative: bool = False) -> str:
        """'the Board': the paper's own body when it is a board, else the board just named
        (`here`: same-head names earlier in the sentence); 'the group': the group just named;
        'this group', 'these meetings' (`demonstrative`): the body named earlier in the
        section with that head, else the body the section is about."""
        recent = here[::-1] + [n for h, n in self.block_names[::-1] + self.last_block[::-1]
                               if h == m.head]
        if m.key:  # "the steering group": the body named before whose name ends so
            tail = " " + m.key
            pool = recent + [n for h, n, _ in reversed(self.section.named) if h == m.head] + [
                self.index.paper]
            return next((n for n in pool if n and (" " + fold(n)).endswith(tail)), "")
        if demonstrative and not recent:
            recent = [n for n in [self.section.resolve(m.head, demonstrative)] if n]
        if m.head in self._paper_heads() and not (m.text[:1].islower() and recent):
            return self.index.paper  # "the Board", "this Board": the paper's own
        if not recent:
            recent = [n for n in [self.section.resolve(m.head, demonstrative)] if n]
        if len(recent) > 1 and self.section.topic and self.section.topic[0] in recent:
            # "The X Board is affiliated to the Y Board. The Board oversees ...": the body
            # the section is about (the last subject) before one only named since
            return self.section.topic[0]
        if len(recent) > 1 and not self.section.topic and self.last_topic and \
                self.last_topic[0] in recent:
            # "1. The WSAB was set up ... Its members are the X Council and the Y Care Board.
            # 2. The Board is supported by ...": a report's numbered paragraph opens a section,
            # and before it names a subject of its own 'the Board' is the one the paragraphs
            # before were about, not the board last listed among its members
            return self.last_topic[0]
        return recent[0] if recent else ""

    def _paper_heads(self) -> set[str]:
        """The head nouns 'the X' may use for the paper's body: its last word's, and for a
        name of the shape 'Association of Westbridge Community Councils', 'Parish Council
        of Ashcombe' or 'Combined Fire Authority for X and Y', the head before its first
        'of' or 'for'."""
        words = self.index.paper.split()
        if not words:
            return set()
        heads = {head_of(words[-1])}
        lowered = [w.lower() for w in words]
        for joint in ("of", "for"):
            if joint in lowered[1:]:
                before = lowered.index(joint, 1) - 1
                if head_of(lowered[before]) in vocabulary().heads:
                    heads.add(head_of(lowered[before]))
        return heads

    def plural_name(self, m: Mention, before: list[str]) -> list[str]:
        """'the Eastwick and Hollowmere Health and Wellbeing Boards' (the bodies it lists);
        'both Health and Wellbeing Boards', 'the three Area Committees' (`before`: the two
        words before it): the bodies the paper names that end so, when there are exactly
        that many; else nothing."""
        listed = shared_head_names(m.text)
        if listed:
            return listed
        count = next((NUMERALS[w] for w in reversed(before) if w in NUMERALS), None)
        if count is None:
            return []
        key = " " + fold(singular_name(m.text))
        names = [n for k, n in self.index.known.items() if (" " + k).endswith(key)
                 and k != key[1:]]
        return names if len(names) == count else []

    def listed_before(self, m: Mention) -> list[str]:
        """'each constituent council' (a group the paper listed), 'the remaining boards' and
        'the two standing partnerships' (the last bodies named together, two of them)."""
        if m.key in self.groups:
            return self.groups[m.key]
        words = m.text.lower().split()
        if words[0] in ("the", "both", "these", "those") and (m.count or "remaining" in words):
            for group in reversed(self.coordinated):
                if len(group) == m.count or (m.count is None and len(group) >= 2):
                    return group
        return []

    def antecedent(self, skip: tuple[str, ...] = ("plural",)) -> list[str]:
        """'It' at the start of a sentence: the body the last sentence's own 'It' stood for
        ('A Board will be set up. It will report to X. Its members ...'), else the first
        single body the last sentence named (of a kind not in `skip`)."""
        if self.carried:
            return self.carried
        return next((names for m, names in self.previous
                     if m.kind not in skip and len(names) == 1), [])

    def listed_last(self) -> list[str]:
        """'They' at the start of a sentence: the bodies the last sentence listed together
        ('A, B and C agreed to merge. They will be replaced by X.'), when it listed one group."""
        return self.last_groups[0] if len(self.last_groups) == 1 else []

    def remember(self, doc: Unit, named: list[tuple[Mention, list[str]]]) -> None:
        """Keep a read sentence's names: for pronouns, 'the Board', and lists named together."""
        self.previous = named
        groups_before = len(self.coordinated)
        bodies = [(head_of(names[0].split()[-1]), names[0]) for m, names in named
                  if names and m.kind in ("body", "generic", "acronym")]
        self.block_names += bodies
        for head, name in bodies:
            self.section.add(head, name)
        linking = _linking()
        group: list[str] = []
        last_end = None
        lowers = doc.lowers
        for m, names in named:
            # "the Enterprise and Integrated Housing Boards" is one name, not a list to refer
            # back to as "the remaining boards"
            if not names or m.possessive or m.kind == "plural_name":
                continue
            between: set[str] = set(lowers[last_end: m.start]) if last_end else set()
            if between and between <= linking:
                group += [n for n in names if n not in group]
            else:
                if len(group) > 1:
                    self.coordinated.append(group)
                group = list(names)
            last_end = m.end
        if len(group) > 1:
            self.coordinated.append(group)
        self.last_groups = self.coordinated[groups_before:]

    def subject(self, names: list[str]) -> None:
        """A sentence of the block opened with the body `names` ([]: with none, or with 'It'):
        what a bare 'Membership includes ...' later in the block is about."""
        if names:
            self.topic = names
            self.section.about(names)

    def new_block(self, text: str = "") -> None:
        self.last_block, self.block_names = self.block_names, []
        self.last_topic = self.topic or self.last_topic
        self.topic = []
        self.section.new_block(text)
