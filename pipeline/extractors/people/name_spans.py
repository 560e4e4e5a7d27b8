"""The people a block names, found in one pass over its tokens.

The name shapes are data (models/attendance/name_patterns.jsonl, in spaCy's token-pattern
form): a few fixed or optional tokens, then one token test repeated ('+'). spaCy's Matcher
returns every stretch such a pattern matches, so a run of N capitalised words gives about
N*N/2 matches (a run-on Present list of 1,000 names on one line took a minute), of which
filter_spans keeps only the longest. Here each start gives only its longest match (the
repeated test's run, precomputed right to left), plus the shortened match that
filter_spans could still keep when a longer match starting inside it wins, and the same
longest-first filter picks among them: the spans spaCy's Matcher + filter_spans give, in
time linear in the block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING

from pipeline.extractors.language import block_span
from pipeline.extractors.people.names import clean_name
from pipeline.extractors.people.vocabulary import data
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_jsonl

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipeline.model import Block, Document

Test = Callable[["Token"], bool]


def _lower_in(words: frozenset[str], token: Token) -> bool:
    return token.lower_ in words


def _orth(value: str, token: Token) -> bool:
    return token.text == value


def _regex(regex: re.Pattern[str], token: Token) -> bool:
    return regex.search(token.text) is not None


def _stop(value: bool, token: Token) -> bool:
    return token.is_stop == value


def _test(spec: dict) -> Test:
    """One token's test from its pattern dict (the keys the name patterns use)."""
    checks: list[Test] = []
    for key, value in spec.items():
        if key == "OP":
            continue
        if key == "LOWER" and isinstance(value, dict) and "IN" in value:
            checks.append(partial(_lower_in, frozenset(value["IN"])))
        elif key == "ORTH" and isinstance(value, str):
            checks.append(partial(_orth, value))
        elif key == "TEXT" and isinstance(value, dict) and "REGEX" in value:
            checks.append(partial(_regex, compile_cached(value["REGEX"])))
        elif key == "IS_STOP" and isinstance(value, bool):
            checks.append(partial(_stop, value))
        else:
            raise ValueError(f"name pattern key not supported: {key}={value!r}")
    return lambda token: all(check(token) for check in checks)


@cache
def _rules() -> list[tuple[str, list[tuple[Test, bool]], Test]]:
    """Each name shape as (label, prefix, last): the prefix tokens' tests, each with whether
    it is optional ('?'), and the test of the final repeated ('+') token."""
    honorifics = [h.casefold().rstrip(".") for h in data("names")["honorifics"] if " " not in h]
    rules = []
    for rule in read_jsonl("attendance/name_patterns.jsonl"):
        tokens = [{key: {"IN": honorifics} if value == {"IN": "@honorifics"} else value
                   for key, value in token.items()} for token in rule["pattern"]]
        if not tokens or tokens[-1].get("OP") != "+" or any(
                t.get("OP") not in (None, "?") for t in tokens[:-1]):
            raise ValueError(f"name pattern {rule['id']}: only '?' tokens then one '+' token")
        rules.append((rule["label"], [(_test(t), t.get("OP") == "?") for t in tokens[:-1]],
                      _test(tokens[-1])))
    return rules


def _prefix_ends(tokens: list[Token], start: int, prefix: list[tuple[Test, bool]]) -> set[int]:
    """Where the repeated token may begin after the prefix matched from `start`."""
    ends = {start}
    for test, optional in prefix:
        moved = {k + 1 for k in ends if k < len(tokens) and test(tokens[k])}
        ends = moved | ends if optional else moved
    return ends


def token_name_spans(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of the names among `tokens`, as spaCy's Matcher over
    the name patterns followed by filter_spans would give them; linear in the tokens."""
    n, candidates = len(tokens), []
    reach = max((len(prefix) for _, prefix, _ in _rules()), default=0) + 1
    for order, (label, prefix, last) in enumerate(_rules()):
        run = [n] * (n + 1)  # run[k]: where the run of `last` tokens from k ends
        for k in range(n - 1, -1, -1):
            run[k] = run[k + 1] if last(tokens[k]) else k
        for start in range(n):
            for j in _prefix_ends(tokens, start, prefix):
                if j < n and run[j] > j:
                    candidates.append((start, j, run[j], order, label))
    longest: dict[int, int] = {}
    for start, _, end, _, _ in candidates:
        longest[start] = max(longest.get(start, 0), end)
    spans = set()
    for start, j, end, order, label in candidates:
        spans.add((start, end, order, label))
        # a longer match starting inside this one, near its end, takes its last tokens:
        # filter_spans would then keep this match cut short before it
        for inner in range(max(start + 1, end - reach), end):
            if longest.get(inner, 0) > end and inner > j:
                spans.add((start, inner, order, label))
    # spaCy's order (start, end, pattern), then filter_spans: longest first, earliest first
    ordered = sorted(spans)
    ordered.sort(key=lambda s: (s[1] - s[0], -s[0]), reverse=True)
    seen: set[int] = set()
    kept = []
    for start, end, _, label in ordered:
        if start not in seen and end - 1 not in seen:
            kept.append((start, end, label))
            seen.update(range(start, end))
    return sorted(kept)


def name_spans(document: Document, block: Block) -> list[tuple[int, int, str]]:
    """(start, end in block.text, bare name) of each person a block names, in order: the
    tokens of the paper's one Doc, not the text tokenised again."""
    text, span = block.text, block_span(document, block)
    tokens = list(span)
    out = []
    for first, last, label in token_name_spans(tokens):
        start = tokens[first].idx - block.start
        end = tokens[last - 1].idx + len(tokens[last - 1].text) - block.start
        words = text[start:end]
        if words.endswith(("-", ".")) and not re.search(r"\b[A-Z]\.$", words):
            end -= 1  # a sentence's full stop, not an initial's
        titled = label == "HONORIFIC_NAME"
        if not titled and re.search(r"(?:^|\W)[Tt]he\s+$", text[max(0, start - 12):start]):
            continue  # "from the Fernley Corporation": a body, not a person
        if name := clean_name(text[start:end], titled):
            out.append((start, end, name))
    return out
