"""Token patterns matched over a Doc's token columns (`language.columns`), without a Matcher.

The relation cues are spaCy Matcher patterns (`models/structure/relation_cues.jsonl`) of the
few kinds spaCy's Matcher documents for exact words: a token's `LOWER` or `ORTH` equal to a
string or `IN` a list, each token once, optional (`"OP": "?"`) or repeated (`"OP": "*"`).
spaCy's Matcher calls Python for each token and pattern state; here each pattern is indexed
by the words it may start on, so only the few tokens that start a cue are followed, over the
lists of token texts and lower forms the paper's readers already share. The matches are the
Matcher's: every (pattern, start, end) the pattern can cover, each once, in token order and,
at one start, in the order the patterns were added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

ATTRS = ("LOWER", "ORTH")
OPS = ("", "?", "*")


class _Spec(NamedTuple):
    orth: bool  # compares the token's text (ORTH), else its lower form (LOWER)
    values: frozenset[str]
    op: str  # "" once, "?" optional, "*" any number of times


class TokenPatterns:
    """Patterns with ids, matched over token texts and lower forms.

    Raises ValueError for a pattern using anything but LOWER or ORTH (a string or an IN
    list) and the operators ? and *: those need spaCy's Matcher."""

    def __init__(self, patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]]) -> None:
        self._patterns: list[tuple[str, tuple[_Spec, ...]]] = []
        # the words a match may start on: (pattern number, the spec it starts with) for each
        self._starts: tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]
        self._starts = ({}, {})
        for number, (key, raw) in enumerate(patterns):
            specs = tuple(_spec(token) for token in raw)
            if not specs:
                raise ValueError(f"pattern {key!r} has no tokens")
            self._patterns.append((key, specs))
            for at, spec in enumerate(specs):
                index = self._starts[1 if spec.orth else 0]
                for value in spec.values:
                    index.setdefault(value, []).append((number, at))
                if not spec.op:
                    break  # a match starts on this token at the latest

    def __call__(self, texts: Sequence[str], lowers: Sequence[str],
                 start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """The matches (pattern id, first token, token after the last) over tokens
        start..end, as spaCy's Matcher gives them over that stretch of a Doc."""
        stop = len(texts) if end is None else end
        by_lower, by_orth = self._starts
        found: list[tuple[str, int, int]] = []
        # the tokens a match may start on, found by one set test each (most tokens start none)
        firsts = {i for i, lower in enumerate(lowers[start:stop], start) if lower in by_lower}
        if by_orth:
            firsts.update(i for i, text in enumerate(texts[start:stop], start) if text in by_orth)
        for i in sorted(firsts):
            entries = by_lower.get(lowers[i], []) + by_orth.get(texts[i], [])
            ends: dict[int, set[int]] = {}
            for number, at in entries:
                specs = self._patterns[number][1]
                _follow(specs, at if specs[at].op == "*" else at + 1, i + 1, stop, texts,
                        lowers, ends.setdefault(number, set()))
            # the Matcher's order: by start, then end, then the order the patterns came in
            found += [(self._patterns[number][0], i, e) for e, number in
                      sorted((e, number) for number, stops in ends.items() for e in stops)]
        return found


def _spec(token: dict[str, Any]) -> _Spec:
    op = token.get("OP", "")
    keys = [k for k in token if k != "OP"]
    if op not in OPS or len(keys) != 1 or keys[0] not in ATTRS:
        raise ValueError(f"token pattern {token!r}: only LOWER or ORTH, with OP ? or *")
    value = token[keys[0]]
    if isinstance(value, dict):
        if list(value) != ["IN"]:
            raise ValueError(f"token pattern {token!r}: only a string or an IN list")
        values = frozenset(value["IN"])
    else:
        values = frozenset([value])
    return _Spec(keys[0] == "ORTH", values, op)


def _follow(specs: tuple[_Spec, ...], at: int, k: int, stop: int, texts: Sequence[str],
            lowers: Sequence[str], ends: set[int]) -> None:
    """Every token a match may end after, from spec `at` on token `k` (depth-first)."""
    if at == len(specs):
        ends.add(k)
        return
    spec = specs[at]
    if spec.op:
        _follow(specs, at + 1, k, stop, texts, lowers, ends)  # the optional token left out
    if k < stop and (texts[k] if spec.orth else lowers[k]) in spec.values:
        _follow(specs, at if spec.op == "*" else at + 1, k + 1, stop, texts, lowers, ends)
