"""Recorded votes: counts and results of votes on motions and amendments, and how each
member voted in a named (recorded) vote (issue 13).

The cue phrases are data (`models/votes/cues.json`). Each block is read for facts, in
order of position:

- an *opening*: "a vote was taken on the amendment", "On a recorded vote", "On a
  division, there voted:-", "the motion was put to the vote", "The recorded vote was as
  follows:";
- *counts*: "5 for, 1 against", "by 22 votes to one, with two abstentions", "For: 26
  Against: 32 Abstention: 0", "eighteen Members voted for the amendment, and thirty-nine
  against" (digits or number words, as printed; "unanimously" gives none);
- a *result*: "the amendment was lost", "declared to be carried", "which was not
  carried", "Motion status: Carried" (normalised to carried / lost / agreed / fell;
  never derived from the counts);
- *members*: a label ("For the Motion", "Against the proposal:", "There abstained from
  voting:", "Declined to vote (1) -", a table row "For | names | 19") with the names after
  it or on the next block, and "Councillors A and B abstained from voting".

Facts of one vote are gathered into one row while they fit (a slot still empty, the same
motion or none named); a new opening, a second result or a different motion starts the
next vote, and an item heading closes it. Rows carry the item the vote falls under.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from pipeline.extractors.block_gates import literal_blocks
from pipeline.extractors.first_chars import FirstChars
from pipeline.extractors.items.vote_rules import (
    ARTICLES,
    motion_of,
    names_of,
    number_of,
    position_of,
    result_of,
    rules,
)
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached

COUNT_SLOTS = ("for", "against", "abstained")
# the space between sentences (group 1), after the full stop: the stop first, so a search
# skips to the next one instead of looking behind at every character
SENTENCE = compile_cached(r"[.!?](\s+)(?=[A-Z(])")
DIGIT = compile_cached(r"\d")
STRONG_CONTEXT = compile_cached(r"\b(?:vot\w*|division)\b", re.I)
WEAK_RESULTS = frozenset({"agreed"})  # "the recommendations were agreed" is no vote alone


@dataclass
class Fact:
    kind: str  # "open", "counts", "result", "members", "label"
    start: int
    end: int
    rule: str
    motion: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    result: str = ""
    position: str = ""
    names: list[str] = field(default_factory=list)


@dataclass
class Vote:
    item: str
    block: Block
    start: int
    end: int
    rule: str
    motion: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    result: str = ""
    members: list[tuple[str, str, Block, int, int, str]] = field(default_factory=list)
    facts: int = 0


def extract_votes(document: Document, items: list[dict]) -> dict[str, list[dict]]:
    """votes.csv and vote_members.csv rows of one paper; `items` are its items rows."""
    starts = sorted((row["start"], row["number"]) for row in items)
    keys = [start for start, _ in starts]  # (bisected for each block)
    heads = {row["start"] for row in items}
    votes: list[Vote] = []
    current: Vote | None = None
    pending = ""  # a label whose names follow on the next block: "position|rule"
    # the cue and count gates of every block, from one search each of the paper's text
    r = rules()
    cued, counted = literal_blocks(r.cue_gate, document), literal_blocks(r.count_gate, document)
    for index, block in enumerate(document.blocks):
        if block.start in heads or (block.kind == BlockKind.HEADING and _item(starts, keys, block)
                                    != (current.item if current else None)):
            current, pending = None, ""
        item = _item(starts, keys, block)
        open_vote = current is not None and current.item == item
        facts = _facts(block, open_vote, cued[index], counted[index])
        if pending and not facts and block.kind != BlockKind.HEADING and open_vote:
            position, rule = pending.split("|")
            names = names_of(block.text)
            if names is not None and current is not None:
                _add_members(current, names, position, block, 0, len(block.text), rule)
                pending = ""
                continue
        pending = ""
        for fact in facts:
            if fact.kind == "skip":
                continue
            current = _apply(votes, current, fact, block, item)
            if fact.kind == "label" and fact.position and not fact.names:
                pending = f"{fact.position}|{fact.rule}"
    return _rows(votes)


def _item(starts: list[tuple[int, str]], keys: list[int], block: Block) -> str:
    """The number of the last item starting at or before the block (`starts` in order,
    `keys` their starts)."""
    at = bisect_right(keys, block.start)
    return starts[at - 1][1] if at else ""


def _apply(votes: list[Vote], current: Vote | None, fact: Fact, block: Block,
           item: str) -> Vote:
    """Adds a fact to the current vote, or starts the next vote with it."""
    if current is None or current.item != item or not _fits(current, fact):
        current = Vote(item, block, fact.start, fact.end, fact.rule)
        votes.append(current)
    current.facts += 1
    if block is current.block:
        current.end = max(current.end, fact.end)
    if fact.motion and len(fact.motion) > len(current.motion):
        current.motion = fact.motion
    for slot, value in fact.counts.items():
        current.counts.setdefault(slot, value)
    if fact.result:
        current.result = fact.result
    if fact.position and fact.names:
        _add_members(current, fact.names, fact.position, block, fact.start, fact.end, fact.rule)
    return current


def _fits(vote: Vote, fact: Fact) -> bool:
    if fact.motion and vote.motion and not _same_motion(vote.motion, fact.motion):
        return False
    if fact.kind == "open":  # a status line heads its voting record: "Motion status: Carried"
        return not (vote.counts or vote.members) and (not vote.result
                                                      or vote.rule == "result-status")
    if fact.kind == "counts":
        return not any(slot in vote.counts for slot in fact.counts) or all(
            vote.counts.get(slot) == value for slot, value in fact.counts.items())
    if fact.kind == "result":
        return not vote.result
    if fact.kind == "label" and fact.counts:
        return all(vote.counts.get(s, v) == v for s, v in fact.counts.items())
    return True


def _same_motion(a: str, b: str) -> bool:
    a, b = (_motion_key(x) for x in (a, b))
    return a.startswith(b) or b.startswith(a)


def _motion_key(motion: str) -> str:
    words = motion.casefold().split()
    if words and words[0] in ARTICLES:
        words.pop(0)
    return " ".join(words)


def _add_members(vote: Vote, names: list[str], position: str, block: Block, start: int,
                 end: int, rule: str) -> None:
    for name in names:
        vote.members.append((name, position, block, start, end, rule))


def _facts(block: Block, open_vote: bool, cued: bool | None = None,
           counted: bool | None = None) -> list[Fact]:
    """The vote facts of one block, in order of position; `cued`, `counted`: whether the
    cue gate, and the count gate, pass the block's text, when known (`block_gates`)."""
    r = rules()
    text = block.text
    if block.kind == BlockKind.TABLE_ROW and len(block.cells) >= 2:
        fact = _table_row(block.cells, open_vote)
        return [fact] if fact else []
    facts: list[Fact] = []
    label = _label(text, open_vote)
    if label is not None:
        return [label]
    # the gates hold for the block as for its sentences (they look for strings, and a
    # sentence's are the block's): most blocks hold no cue's strings and no count's
    cued_block = r.cue_gate.might_match(text) if cued is None else cued
    if cued_block and not r.cue_index.starts and not any(r.cue_index.passing(text)):
        # no cue whose words the block holds (a sentence holds no string its block lacks,
        # and no cue is tried at a text's start alone): none in any of its sentences
        cued_block = False
    counted_block = _may_count(text, counted)
    if not cued_block and not counted_block:
        return facts
    sentences = _sentences(text)
    for sentence_start, sentence in sentences:
        found: list[Fact] = []
        # no opening, result or members cue else (a lone sentence is the block's text; a
        # sentence holds no string its block lacks)
        cued = cued_block and (len(sentences) == 1 or r.cue_gate.might_match(sentence))
        strong = cued and bool(STRONG_CONTEXT.search(sentence))
        needed: dict[re.Pattern[str], bool] = {}
        # which cues the sentence holds the words of, in the index's order: opens, results,
        # named (none when the gate turned it away)
        possible = r.cue_index.passing(sentence) if cued else ()
        opens, results = len(r.opens), len(r.opens) + len(r.result_cues)
        for cue, maybe in zip(r.opens if cued else (), possible[:opens], strict=True):
            for m in cue.finditer(sentence, needed) if maybe else ():
                found.append(Fact("open", m.start(), m.end(), cue.id,
                                  motion=motion_of(m.groupdict().get("mot"))))
        for cue, maybe in zip(r.result_cues if cued else (), possible[opens:results],
                              strict=True):
            for m in cue.finditer(sentence, needed) if maybe else ():
                result = result_of(m.group("res"))
                if cue.id in ("result-declared",) and not strong:
                    continue
                if result in WEAK_RESULTS and not strong:
                    continue
                found.append(Fact("result", m.start(), m.end(), cue.id, result=result,
                                  motion=motion_of(m.groupdict().get("mot"))))
        counts = _counts(sentence, None if len(sentences) > 1 and counted_block
                         else counted_block)
        if counts:
            found.append(counts)
        for cue, maybe in zip(r.named if cued else (), possible[results:], strict=True):
            for m in cue.pattern.finditer(sentence) if maybe else ():
                names = names_of(m.group("names"))
                if names:
                    found.append(Fact("members", m.start(), m.end(), cue.id,
                                      position=position_of(m.group("pos")), names=names))
        for fact in _dedupe(found):
            fact.start += sentence_start
            fact.end += sentence_start
            facts.append(fact)
    return facts


def _sentences(text: str) -> list[tuple[int, str]]:
    out, begin = [], 0
    for m in SENTENCE.finditer(text):
        out.append((begin, text[begin:m.start(1)]))
        begin = m.end(1)
    out.append((begin, text[begin:]))
    return out


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per kind and span: the earliest, longest match wins; a result whose
    span lies inside another result's is the same result."""
    rank = {"open": 0, "counts": 1, "result": 2, "members": 3}
    facts.sort(key=lambda f: (f.start, rank.get(f.kind, 4), -(f.end - f.start)))
    kept: list[Fact] = []
    for fact in facts:
        if any(k.kind == fact.kind and k.start <= fact.start and fact.end <= k.end
               for k in kept):
            continue
        if fact.kind == "result" and any(k.kind == "result" and fact.start < k.end
                                         for k in kept):
            continue
        kept.append(fact)
    return kept


def _counts(sentence: str, may_count: bool | None = None) -> Fact | None:
    """The counts of one sentence; `may_count`: `_may_count(sentence)`, when known."""
    r = rules()
    # the gate first: a fifth of sentences pass it, and it costs a seventh of the number's
    # case-blind search
    if not (_may_count(sentence) if may_count is None else may_count):
        return None
    # the number's case-blind search tries every character; it matches any digit, which
    # most sentences past the gate hold and a plain search finds at once
    if not (DIGIT.search(sentence) or r.number.search(sentence)):
        return None
    counts: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    motion, rule = "", ""
    possible = r.count_index.passing(sentence)  # count items, then count pairs
    for cue, maybe in zip(r.count_pairs, possible[len(r.count_items):], strict=True):
        for m in cue.pattern.finditer(sentence) if maybe else ():
            counts.setdefault("for", number_of(m.group("for")))
            counts.setdefault("against", number_of(m.group("against")))
            spans.append(m.span())
            rule = rule or cue.id
    items = 0
    matches = sorted(((m, cue) for cue, maybe in zip(r.count_items,
                                                      possible[:len(r.count_items)], strict=True)
                      for m in (cue.pattern.finditer(sentence) if maybe else ())),
                     key=lambda pair: (pair[0].start(), -pair[0].end()))
    for m, cue in matches:  # leftmost first; a match overlapping a taken one is not a count
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        slot = position_of(m.group("pos"))
        if slot in counts:
            continue
        counts[slot] = number_of(m.group("n"))
        spans.append(m.span())
        items += 1
        motion = motion or motion_of(m.groupdict().get("mot"))
        rule = rule or cue.id
    if not counts:
        return None
    if items == 1 and len(counts) == 1:  # "5 for" alone: only where the sentence votes
        rest = sentence
        for s, e in spans:
            rest = f"{rest[:s]}{' ' * (e - s)}{rest[e:]}"
        if not r.context.search(rest):
            return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Fact("counts", start, end, rule, motion=motion, counts=counts)


def _may_count(text: str, gated: bool | None = None) -> bool:
    """Whether the text holds a count cue's words and a number's digit or word (every count
    cue reads a number and one of the gate's words); `gated`: whether the count gate passes
    the text, when known."""
    r = rules()
    return (r.count_gate.might_match(text) if gated is None else gated) and bool(
        DIGIT.search(text) or r.number_words.might_match(text))


def _label(text: str, open_vote: bool) -> Fact | None:
    """A members label at the start of a block: 'For the Motion', 'Against (13) - ...'."""
    r = rules()
    if open_vote and r.skip.pattern.match(text):
        return Fact("skip", 0, len(text), r.skip.id)
    # most blocks open with a character no label opens with: a lookup, not a match
    m = r.label.pattern.match(text) if _label_start().which(text) else None
    if not m:
        return None
    motion = motion_of(m.group("mot"))
    if not (open_vote or motion):
        return None
    position = position_of(m.group("pos"))
    rest = text[m.end():].strip()
    count = m.group("n") or m.group("bare")
    if re.fullmatch(r"\d+\.?", rest):
        count, rest = rest.rstrip("."), ""
    names: list[str] = []
    if rest:
        trailing = r.trailing_count.search(rest)
        if trailing and not count:
            count = trailing.group("n") or trailing.group("m")
        parsed = names_of(rest)
        if parsed is None:
            return None
        names = parsed
    fact = Fact("label", 0, len(text), r.label.id, motion=motion, position=position,
                names=names)
    if count:
        fact.counts = {position: int(count)}
    return fact


@cache
def _label_start() -> FirstChars:
    return FirstChars([rules().label.pattern])  # (anchored at the block's start)


def _table_row(cells: tuple[str, ...], open_vote: bool) -> Fact | None:
    r = rules()
    head = cells[0].strip().rstrip(":")
    if not open_vote or head.casefold() in r.header_cells:
        return None
    m = r.label.pattern.fullmatch(head)
    if not m:
        return None
    position = position_of(m.group("pos"))
    names = names_of(cells[1]) or []
    fact = Fact("label", 0, 0, "members-table", position=position, names=names)
    count = next((c.strip() for c in cells[2:] if re.fullmatch(r"\s*\d+\s*", c)), "")
    if count:
        fact.counts = {position: int(count)}
    return fact


def _rows(votes: list[Vote]) -> dict[str, list[dict]]:
    vote_rows: list[dict] = []
    member_rows: list[dict] = []
    for number, vote in enumerate(votes, 1):
        row = {"vote": number, "item": vote.item, "motion": vote.motion,
               **{slot: vote.counts.get(slot, "") for slot in COUNT_SLOTS},
               "result": vote.result}
        row.update(provenance(vote.block, vote.start, vote.end))
        row["rule"] = vote.rule
        vote_rows.append(row)
        for name, position, block, start, end, rule in vote.members:
            member = {"vote": number, "item": vote.item, "name": name, "position": position}
            member.update(provenance(block, start, end or len(block.text)))
            member["rule"] = rule
            member_rows.append(member)
    return {"votes": vote_rows, "vote_members": member_rows}
