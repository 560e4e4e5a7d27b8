"""Token patterns matched over a Doc's token columns (`language.columns`), without a Matcher.

The relation cues are spaCy Matcher patterns (`models/structure/relation_cues.jsonl`) of the
kinds spaCy's Matcher documents for words: a token's `LOWER`, `ORTH` or `SHAPE` equal to a string,
`IN` or `NOT_IN` a list, optionally `IS_ALPHA`, with spaCy's operators (`?`, `*`, `+`,
`{n}`, `{n,m}`, `{n,}`, `{,m}`).
spaCy's Matcher calls Python for each token and pattern state; here each pattern is indexed
by the words it may start on, so only the few tokens that start a cue are followed, over the
lists of token texts and lower forms the paper's readers already share. The matches are the
Matcher's: every (pattern, start, end) the pattern can cover, each once, in token order and,
at one start, in the order the patterns were added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from typing import Any, NamedTuple

from spacy.lang.lex_attrs import word_shape

from pipeline.regex_cache import compile_cached

ATTRS = ("LOWER", "ORTH", "SHAPE")
FLAGS = ("IS_ALPHA",)
UNBOUNDED = 1 << 30
REPEAT = compile_cached(r"\{(\d*)(,?)(\d*)\}")  # spaCy's "{n}", "{n,m}", "{n,}", "{,m}"


class _Spec(NamedTuple):
    attr: str  # what of the token it compares: its text (ORTH), lower form or shape
    values: frozenset[str]
    negated: bool  # NOT_IN: any word but these
    alpha: bool  # IS_ALPHA: only letters
    least: int  # how many tokens it takes at least ...
    most: int  # ... and at most

    @property
    def orth(self) -> bool:
        return self.attr == "ORTH"

    def accepts(self, text: str, lower: str) -> bool:
        value = lower if self.attr == "LOWER" else text if self.attr == "ORTH" else \
            word_shape(text)  # spaCy's own: '2022' -> 'dddd'
        return (value in self.values) is not self.negated and (not self.alpha or text.isalpha())


class TokenPatterns:
    """Patterns with ids, matched over token texts and lower forms.

    Raises ValueError for a pattern using anything but LOWER or ORTH (a string, an IN or a
    NOT_IN list), IS_ALPHA and the operators ?, *, + and {n,m}, or one that could start on
    any word (a NOT_IN token first): those need spaCy's Matcher."""

    def __init__(self, patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]]) -> None:
        self._patterns: list[tuple[str, tuple[_Spec, ...]]] = []
        # the words a match may start on: (pattern number, the spec it starts with) for each
        self._starts: tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]
        self._starts = ({}, {})
        # the words a match cannot do without: for each pattern, the value sets of the specs
        # that take a token at least (LOWER or ORTH), one of whose words the tokens must hold
        self._required: list[tuple[tuple[bool, frozenset[str]], ...]] = []
        for number, (key, raw) in enumerate(patterns):
            specs = tuple(_spec(token) for token in raw)
            if not specs:
                raise ValueError(f"pattern {key!r} has no tokens")
            self._patterns.append((key, specs))
            # (an ORTH spec of letterless words, ':' or '-', is looked for among the lower forms:
            # no other text lowers to one, so the tokens' texts need no set of their own)
            # (the rarest-looking first, its shortest word longest: most patterns that cannot
            # match fail there, and the common word a match starts on is asked last)
            self._required.append(tuple(sorted(
                ((spec.orth and not _caseless(spec.values), spec.values) for spec in specs
                 if spec.least and not spec.negated and spec.attr != "SHAPE"),
                key=lambda required: -min(map(len, required[1])))))
            for at, spec in enumerate(specs):
                if spec.negated or spec.attr == "SHAPE":
                    raise ValueError(f"pattern {key!r} may start on any word (NOT_IN, SHAPE)")
                index = self._starts[1 if spec.orth else 0]
                for value in spec.values:
                    index.setdefault(value, []).append((number, at))
                if spec.least:
                    break  # a match starts on this token at the latest
        self._start_words = (frozenset(self._starts[0]), frozenset(self._starts[1]))
        self._by_text = bool(self._starts[1]) or any(orth for required in self._required
                                                     for orth, _ in required)

    def __call__(self, texts: Sequence[str], lowers: Sequence[str],
                 start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """The matches (pattern id, first token, token after the last) over tokens
        start..end, as spaCy's Matcher gives them over that stretch of a Doc."""
        stop = len(texts) if end is None else end
        by_lower, by_orth = self._starts
        found: list[tuple[str, int, int]] = []
        # Most cues start on common words ('is', 'are', 'will') but need rarer ones to follow:
        # a pattern whose required words are not all among the tokens matches nowhere, so
        # only the start words of the patterns that could match are looked for.
        present = (set(lowers[start:stop]),
                   set(texts[start:stop]) if self._by_text else set[str]())
        viable: dict[int, bool] = {}
        live_lower = self._live(False, present, viable)
        live_orth = self._live(True, present, viable) if by_orth else {}
        if not live_lower and not live_orth:
            return found
        # the tokens a match may start on, found by one set test each (most tokens start none)
        firsts = set(compress(range(start, stop), map(live_lower.__contains__,
                                                      lowers[start:stop])))  # (in C)
        if live_orth:
            firsts.update(i for i, text in enumerate(texts[start:stop], start)
                          if text in live_orth)
        for i in sorted(firsts):
            entries = live_lower.get(lowers[i], []) + live_orth.get(texts[i], [])
            ends: dict[int, set[int]] = {}
            for number, at in entries:
                specs = self._patterns[number][1]
                # the match takes token i with spec `at` (the specs before it take none)
                _follow(specs, at, i, 0, stop, texts, lowers, ends.setdefault(number, set()),
                        first=True)
            # the Matcher's order: by start, then end, then the order the patterns came in
            found += [(self._patterns[number][0], i, e) for e, number in
                      sorted((e, number) for number, stops in ends.items() for e in stops)]
        return found

    def _live(self, orth: bool, present: tuple[set[str], set[str]], viable: dict[int, bool]
              ) -> dict[str, list[tuple[int, int]]]:
        """The start entries (by lower form, or by text for `orth`) among the tokens
        (`present`: their lower forms and texts) whose patterns' required words are all there
        too (`viable` remembers each pattern's answer for this stretch)."""
        index = self._starts[orth]
        live: dict[str, list[tuple[int, int]]] = {}
        # a set with a set: the smaller is walked (with the dict, all its keys would be)
        for word in present[orth] & self._start_words[orth]:
            kept = []
            for number, at in index[word]:
                ok = viable.get(number)
                if ok is None:
                    ok = True  # (a loop, not all() of a generator: this runs a few times a unit)
                    for is_orth, values in self._required[number]:
                        if values.isdisjoint(present[is_orth]):
                            ok = False
                            break
                    viable[number] = ok
                if ok:
                    kept.append((number, at))
            if kept:
                live[word] = kept
        return live


def _caseless(values: frozenset[str]) -> bool:
    """Whether each value is ASCII without letters: a text is one of them exactly when its
    lower form is (str.lower changes letters only, and no letter lowers to ASCII that is
    not a letter)."""
    return all(value.isascii() and not any(c.isalpha() for c in value) for value in values)


def _spec(token: dict[str, Any]) -> _Spec:
    op = token.get("OP", "")
    keys = [k for k in token if k not in ("OP", *FLAGS)]
    if len(keys) != 1 or keys[0] not in ATTRS or any(token[f] is not True for f in FLAGS
                                                      if f in token):
        raise ValueError(f"token pattern {token!r}: only LOWER, ORTH or SHAPE (and IS_ALPHA)")
    least, most = _repeat(op, token)
    value = token[keys[0]]
    negated = False
    if isinstance(value, dict):
        if list(value) not in (["IN"], ["NOT_IN"]):
            raise ValueError(f"token pattern {token!r}: only a string, an IN or a NOT_IN list")
        negated = "NOT_IN" in value
        values = frozenset(value["NOT_IN" if negated else "IN"])
    else:
        values = frozenset([value])
    return _Spec(keys[0], values, negated, "IS_ALPHA" in token, least, most)


def _repeat(op: str, token: dict[str, Any]) -> tuple[int, int]:
    simple = {"": (1, 1), "?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}
    if op in simple:
        return simple[op]
    found = REPEAT.fullmatch(op)
    if found is None:
        raise ValueError(f"token pattern {token!r}: operator {op!r}")
    low, comma, high = found.groups()
    least = int(low) if low else 0
    most = int(high) if high else (UNBOUNDED if comma else least)
    return least, most


def _follow(specs: tuple[_Spec, ...], at: int, k: int, taken: int, stop: int,
            texts: Sequence[str], lowers: Sequence[str], ends: set[int],
            first: bool = False) -> None:
    """Every token a match may end after, spec `at` having taken `taken` tokens and token
    `k` next (depth-first); `first`: token k is known to be taken by spec `at`."""
    if at == len(specs):
        ends.add(k)
        return
    spec = specs[at]
    if not first and taken >= spec.least:
        _follow(specs, at + 1, k, 0, stop, texts, lowers, ends)  # spec `at` is done
    if taken < spec.most and k < stop and (first or spec.accepts(texts[k], lowers[k])):
        _follow(specs, at, k + 1, taken + 1, stop, texts, lowers, ends)
