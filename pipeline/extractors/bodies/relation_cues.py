"""The relation cues (`models/structure/relation_cues.jsonl`, Matcher patterns with ids, on
the one vocab of `language.py`) and the grammar word lists the relation reader walks by
(`models/structure/relation_words.json`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from spacy.matcher import Matcher

from pipeline.extractors.anchors import PatternGate, TokenGate
from pipeline.extractors.language import language
from pipeline.extractors.token_patterns import TokenPatterns
from pipeline.rules import read_json, read_jsonl


class _Words:
    """The grammar word lists of relation_words.json as attributes, read on first use."""

    @cached_property
    def _lists(self) -> dict[str, frozenset[str]]:
        raw = read_json("structure/relation_words.json")
        return {key: frozenset(value["words"]) for key, value in raw.items() if key != "_about"}

    def __getattr__(self, key: str) -> frozenset[str]:
        return self._lists[key]


WORDS = _Words()


@dataclass(frozen=True)
class Cue:
    id: str
    relation: str
    kind: str  # forward | reverse | membership | represents | link | subgroups | has_subgroups
    # | to_which
    first_only: bool = False
    not_followed_by: tuple[str, ...] = ()
    requires: str = ""
    not_preceded_by: tuple[str, ...] = ()  # "was reported to": a passive, not a line
    not_after_object: tuple[str, ...] = ()  # "reported to the Board that ...": speech
    sentence_subject: bool = False  # "set up in 2023 as a committee of the Board": the
    # sentence's opening body is the subject when none stands just before the cue


@cache
def cue_rules() -> dict[str, Cue]:
    """The cues by id, loaded once (what each match means; `cue_patterns` finds them)."""
    found = {}
    for raw in read_jsonl("structure/relation_cues.jsonl"):
        found[raw["id"]] = Cue(raw["id"], raw["relation"], raw["kind"],
                               raw.get("first_only", False),
                               tuple(raw.get("not_followed_by", ())), raw.get("requires", ""),
                               tuple(raw.get("not_preceded_by", ())),
                               tuple(raw.get("not_after_object", ())),
                               raw.get("sentence_subject", False))
    return found


@cache
def cues() -> tuple[dict[str, Cue], Matcher]:
    """The cues and the same patterns as one spaCy Matcher: the reference the token
    patterns are tested against (a run does not build it)."""
    matcher = Matcher(language().vocab)
    for raw in read_jsonl("structure/relation_cues.jsonl"):
        matcher.add(raw["id"], [raw["pattern"]])
    return cue_rules(), matcher


@cache
def cue_patterns() -> TokenPatterns:
    """The cue patterns matched over a unit's token columns: the Matcher's matches, each a
    (cue id, start, end), found without a Python call per token and pattern state."""
    return TokenPatterns((raw["id"], raw["pattern"])
                         for raw in read_jsonl("structure/relation_cues.jsonl"))


@cache
def cue_gate() -> PatternGate:
    """Passes every text that could hold a cue; most sentences need no matching at all."""
    return PatternGate(raw["pattern"] for raw in read_jsonl("structure/relation_cues.jsonl"))


@cache
def cue_start() -> TokenGate:
    """The first token of a Doc where a cue could match: the Matcher runs from there only."""
    return TokenGate(raw["pattern"] for raw in read_jsonl("structure/relation_cues.jsonl"))


@cache
def cue_end() -> TokenGate:
    """`cue_start` read backwards: over a Doc's tokens in reverse order, the first token where
    a reversed cue could match is the last token a cue could end on."""
    return TokenGate(list(reversed(raw["pattern"]))
                     for raw in read_jsonl("structure/relation_cues.jsonl"))
