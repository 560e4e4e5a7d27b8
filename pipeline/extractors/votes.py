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
from dataclasses import dataclass, field
from functools import cache

from pipeline.extractors.people_lists import parse_list
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.rules import read_json

COUNT_SLOTS = ("for", "against", "abstained")
ARTICLES = ("the", "this", "that", "his", "her", "their")
MOVER = re.compile(r"\s+(?:moved|proposed|standing\s+in\s+the\s+name\s+of|in\s+the\s+name\s+of)"
                   r"\b", re.I)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
STRONG_CONTEXT = re.compile(r"\b(?:vot\w*|division)\b", re.I)
WEAK_RESULTS = frozenset({"agreed"})  # "the recommendations were agreed" is no vote alone


@dataclass(frozen=True)
class Cue:
    id: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class VoteRules:
    numbers: dict[str, int]
    results: dict[str, str]
    positions: dict[str, str]
    context: re.Pattern[str]
    count_items: tuple[Cue, ...]
    count_pairs: tuple[Cue, ...]
    result_cues: tuple[Cue, ...]
    opens: tuple[Cue, ...]
    label: Cue
    skip: Cue
    named: tuple[Cue, ...]
    header_cells: frozenset[str]
    no_names: frozenset[str]
    trailing_count: re.Pattern[str]


@cache
def rules() -> VoteRules:
    raw = read_json("votes/cues.json")
    numbers = dict(raw["units"])
    for ten, value in raw["tens"].items():
        numbers[ten] = value
        for unit, extra in raw["units"].items():
            if 1 <= extra <= 9:
                numbers[f"{ten}-{unit}"] = numbers[f"{ten} {unit}"] = value + extra
    words = sorted(numbers, key=len, reverse=True)
    number = r"\d+|" + "|".join(w.replace(" ", r"\s") for w in words)
    results = raw["results"]
    result = "|".join(sorted((r.replace(" ", r"\s+") for r in results), key=len, reverse=True))

    def compile_(pattern: str) -> re.Pattern[str]:
        pattern = (pattern.replace("{N}", f"(?:{number})").replace("{MOTION}", raw["motion"])
                   .replace("{RESULT}", f"(?:{result})"))
        return re.compile(pattern, re.I)

    def cues(key: str) -> tuple[Cue, ...]:
        return tuple(Cue(c["id"], compile_(c["pattern"])) for c in raw[key])

    labels = cues("labels")
    return VoteRules(
        numbers=numbers, results=results, positions=raw["positions"],
        context=re.compile(raw["context"], re.I), count_items=cues("count_items"),
        count_pairs=cues("count_pairs"), result_cues=cues("results_patterns"),
        opens=cues("opens"), label=labels[0], skip=labels[1], named=cues("named"),
        header_cells=frozenset(raw["header_cells"]), no_names=frozenset(raw["no_names"]),
        trailing_count=re.compile(raw["trailing_count"]))


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
    heads = {row["start"] for row in items}
    votes: list[Vote] = []
    current: Vote | None = None
    pending = ""  # a label whose names follow on the next block: "position|rule"
    for block in document.blocks:
        if block.start in heads or (block.kind == BlockKind.HEADING and _item(starts, block)
                                    != (current.item if current else None)):
            current, pending = None, ""
        item = _item(starts, block)
        open_vote = current is not None and current.item == item
        facts = _facts(block, open_vote)
        if pending and not facts and block.kind != BlockKind.HEADING and open_vote:
            position, rule = pending.split("|")
            names = _names(block.text)
            if names is not None:
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


def _item(starts: list[tuple[int, str]], block: Block) -> str:
    number = ""
    for start, value in starts:
        if start > block.start:
            break
        number = value
    return number


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


def _facts(block: Block, open_vote: bool) -> list[Fact]:
    """The vote facts of one block, in order of position."""
    r = rules()
    text = block.text
    if block.kind == BlockKind.TABLE_ROW and len(block.cells) >= 2:
        fact = _table_row(block.cells, open_vote)
        return [fact] if fact else []
    facts: list[Fact] = []
    label = _label(text, open_vote)
    if label is not None:
        return [label]
    for sentence_start, sentence in _sentences(text):
        found: list[Fact] = []
        strong = bool(STRONG_CONTEXT.search(sentence))
        for cue in r.opens:
            for m in cue.pattern.finditer(sentence):
                found.append(Fact("open", m.start(), m.end(), cue.id,
                                  motion=_motion(m.groupdict().get("mot"))))
        for cue in r.result_cues:
            for m in cue.pattern.finditer(sentence):
                result = _result(m.group("res"))
                if cue.id in ("result-declared",) and not strong:
                    continue
                if result in WEAK_RESULTS and not strong:
                    continue
                found.append(Fact("result", m.start(), m.end(), cue.id, result=result,
                                  motion=_motion(m.groupdict().get("mot"))))
        counts = _counts(sentence)
        if counts:
            found.append(counts)
        for cue in r.named:
            for m in cue.pattern.finditer(sentence):
                names = _names(m.group("names"))
                if names:
                    found.append(Fact("members", m.start(), m.end(), cue.id,
                                      position=_position(m.group("pos")), names=names))
        for fact in _dedupe(found):
            fact.start += sentence_start
            fact.end += sentence_start
            facts.append(fact)
    return facts


def _sentences(text: str) -> list[tuple[int, str]]:
    out, begin = [], 0
    for m in SENTENCE.finditer(text):
        out.append((begin, text[begin:m.start()]))
        begin = m.end()
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


def _counts(sentence: str) -> Fact | None:
    r = rules()
    counts: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    motion, rule = "", ""
    for cue in r.count_pairs:
        for m in cue.pattern.finditer(sentence):
            counts.setdefault("for", _number(m.group("for")))
            counts.setdefault("against", _number(m.group("against")))
            spans.append(m.span())
            rule = rule or cue.id
    items = 0
    for cue in r.count_items:
        for m in cue.pattern.finditer(sentence):
            if any(s <= m.start() < e for s, e in spans):
                continue
            slot = _position(m.group("pos"))
            if slot in counts:
                continue
            counts[slot] = _number(m.group("n"))
            spans.append(m.span())
            items += 1
            motion = motion or _motion(m.groupdict().get("mot"))
            rule = rule or cue.id
    if not counts:
        return None
    if items == 1 and len(counts) == 1:  # "5 for" alone: only where the sentence votes
        rest = "".join(" " if any(s <= i < e for s, e in spans) else c
                       for i, c in enumerate(sentence))
        if not r.context.search(rest):
            return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Fact("counts", start, end, rule, motion=motion, counts=counts)


def _label(text: str, open_vote: bool) -> Fact | None:
    """A members label at the start of a block: 'For the Motion', 'Against (13) - ...'."""
    r = rules()
    m = r.skip.pattern.match(text)
    if m and open_vote:
        return Fact("skip", 0, len(text), r.skip.id)
    m = r.label.pattern.match(text)
    if not m:
        return None
    motion = _motion(m.group("mot"))
    if not (open_vote or motion):
        return None
    position = _position(m.group("pos"))
    rest = text[m.end():].strip()
    count = m.group("n") or m.group("bare")
    if re.fullmatch(r"\d+\.?", rest):
        count, rest = rest.rstrip("."), ""
    names: list[str] = []
    if rest:
        trailing = r.trailing_count.search(rest)
        if trailing and not count:
            count = trailing.group("n") or trailing.group("m")
        parsed = _names(rest)
        if parsed is None:
            return None
        names = parsed
    fact = Fact("label", 0, len(text), r.label.id, motion=motion, position=position,
                names=names)
    if count:
        fact.counts = {position: int(count)}
    return fact


def _table_row(cells: tuple[str, ...], open_vote: bool) -> Fact | None:
    r = rules()
    head = cells[0].strip().rstrip(":")
    if not open_vote or head.casefold() in r.header_cells:
        return None
    m = r.label.pattern.fullmatch(head)
    if not m:
        return None
    position = _position(m.group("pos"))
    names = _names(cells[1]) or []
    fact = Fact("label", 0, 0, "members-table", position=position, names=names)
    count = next((c.strip() for c in cells[2:] if re.fullmatch(r"\s*\d+\s*", c)), "")
    if count:
        fact.counts = {position: int(count)}
    return fact


def _names(text: str) -> list[str] | None:
    """The names of a members list; [] for 'None'; None when the text is no list."""
    r = rules()
    text = r.trailing_count.sub("", text.strip()).strip(" .;:")
    if text.casefold() in r.no_names:
        return []
    names: list[str] = []
    for segment in re.split(r"\s*;\s*(?:and\s+)?", text):
        segment = segment.strip(" ,.")
        if not segment:
            continue
        persons = parse_list(segment, 0, len(segment), allow_single=True)
        if persons:
            names.extend(p.name for p in persons if p.name)
            continue
        office = re.sub(r"^(?:and\s+)?(?:the\s+)?", "", segment, flags=re.I)
        words = office.split()
        if 0 < len(words) <= 4 and all(w[0].isupper() for w in words if w.isalpha()):
            names.append(office)  # an office standing for its holder: "Lord Provost"
        else:
            return None
    return names


def _motion(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    mover = MOVER.search(text)
    head, tail = (text[:mover.start()], text[mover.start():]) if mover else (text, "")
    if head.split()[0].casefold() in ARTICLES:
        head = head.casefold()
    if tail:
        tail = re.sub(r"^\s+(\w+(?:\s+\w+)*?)(?=\s+(?:the\s+)?(?-i:[A-Z]))",
                      lambda m: " " + m.group(1).casefold(), tail, flags=re.I)
    return head + tail


def _result(text: str) -> str:
    return rules().results[" ".join(text.casefold().split())]


def _position(text: str) -> str:
    return rules().positions[" ".join(text.casefold().replace("voted ", "").replace(
        "voting ", "").split())]


def _number(text: str) -> int:
    text = " ".join(text.casefold().split())
    return int(text) if text.isdigit() else rules().numbers[text]


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
