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

import json
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pipeline.extractors.language import block_span, columns, language
from pipeline.extractors.people.names import clean_name
from pipeline.extractors.people.vocabulary import data
from pipeline.regex_cache import compile_cached
from pipeline.rules import read_jsonl

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipeline.model import Block, Document

#: a token test over a run of tokens, given their texts and lower forms: a flag per token
Test = Callable[[list[str], list[str]], list[bool]]


@lru_cache(maxsize=4096)
def _is_stop(text: str) -> bool:
    """A token's is_stop: its lexeme's, as Token.is_stop reads it (a flag of the vocab's
    entry for the text), without a Token object."""
    return bool(language().vocab[text].is_stop)


#: one attribute's test of a run of tokens (their texts and lower forms), asked only where
#: `flags` (the earlier attributes' results) are true, or everywhere when flags is None
Column = Callable[[list[str], list[str], "list[bool] | None"], list[bool]]


def _check(key: str, value: object) -> Column:
    """One attribute's test, run over all the tokens in one list comprehension (a function
    called per token cost as much as the test)."""
    if key == "LOWER" and isinstance(value, dict) and "IN" in value:
        words = frozenset(value["IN"])

        def lower_in(texts: list[str], lowers: list[str], flags: list[bool] | None) -> list[bool]:
            if flags is None:
                return [lower in words for lower in lowers]
            return [f and lower in words for f, lower in zip(flags, lowers, strict=True)]
        return lower_in
    if key == "ORTH" and isinstance(value, str):

        def orth(texts: list[str], lowers: list[str], flags: list[bool] | None) -> list[bool]:
            if flags is None:
                return [text == value for text in texts]
            return [f and text == value for f, text in zip(flags, texts, strict=True)]
        return orth
    if key == "TEXT" and isinstance(value, dict) and "REGEX" in value:
        search = compile_cached(value["REGEX"]).search

        def regex(texts: list[str], lowers: list[str], flags: list[bool] | None) -> list[bool]:
            if flags is None:
                return [search(text) is not None for text in texts]
            return [f and search(text) is not None for f, text in zip(flags, texts, strict=True)]
        return regex
    if key == "IS_STOP" and isinstance(value, bool):

        def stop(texts: list[str], lowers: list[str], flags: list[bool] | None) -> list[bool]:
            if flags is None:
                return [_is_stop(text) == value for text in texts]
            return [f and _is_stop(text) == value for f, text in zip(flags, texts, strict=True)]
        return stop
    raise ValueError(f"name pattern key not supported: {key}={value!r}")


def _test(spec: dict) -> Test:
    """One token's test from its pattern dict (the keys the name patterns use), run over
    all the tokens at once; a later attribute is only tested where the earlier passed."""
    checks = [_check(key, value) for key, value in spec.items() if key != "OP"]

    def test(texts: list[str], lowers: list[str]) -> list[bool]:
        flags: list[bool] | None = None
        for check in checks:
            flags = check(texts, lowers, flags)
        return [True] * len(texts) if flags is None else flags
    return test


@cache
def _rules() -> list[tuple[str, list[tuple[Test, bool]], Test]]:
    """Each name shape as (label, prefix, last): the prefix tokens' tests, each with whether
    it is optional ('?'), and the test of the final repeated ('+') token."""
    honorifics = [h.casefold().rstrip(".") for h in data("names")["honorifics"] if " " not in h]
    rules = []
    tests: dict[str, Test] = {}  # one test per token spec: shapes that share one share it

    def test_of(token: dict) -> Test:
        key = json.dumps({k: v for k, v in token.items() if k != "OP"}, sort_keys=True)
        return tests.setdefault(key, _test(token))
    for rule in read_jsonl("attendance/name_patterns.jsonl"):
        tokens = [{key: {"IN": honorifics} if value == {"IN": "@honorifics"} else value
                   for key, value in token.items()} for token in rule["pattern"]]
        if not tokens or tokens[-1].get("OP") != "+" or any(
                t.get("OP") not in (None, "?") for t in tokens[:-1]):
            raise ValueError(f"name pattern {rule['id']}: only '?' tokens then one '+' token")
        rules.append((rule["label"], [(test_of(t), t.get("OP") == "?") for t in tokens[:-1]],
                      test_of(tokens[-1])))
    return rules


def _prefix_ends(passes: list[list[bool]], start: int, prefix: list[tuple[Test, bool]]
                 ) -> set[int]:
    """Where the repeated token may begin after the prefix matched from `start`
    (`passes[p][k]`: whether token k passes the test of prefix token p)."""
    ends = {start}
    n = len(passes[0]) if passes else 0
    for (_, optional), passed in zip(prefix, passes, strict=True):
        moved = {k + 1 for k in ends if k < n and passed[k]}
        ends = moved | ends if optional else moved
    return ends


def token_name_spans(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of the names among `tokens`, as spaCy's Matcher over
    the name patterns followed by filter_spans would give them; linear in the tokens."""
    texts = [token.text for token in tokens]
    return column_name_spans(texts, [token.lower_ for token in tokens])


def column_name_spans(texts: list[str], lowers: list[str]) -> list[tuple[int, int, str]]:
    """`token_name_spans` of tokens given by their texts and lower forms (a Doc's columns:
    no Token object is made)."""
    n, candidates = len(texts), []
    reach = max((len(prefix) for _, prefix, _ in _rules()), default=0) + 1
    runs: dict[int, list[int]] = {}  # by test: shapes ending in the same token share a run
    for order, (label, prefix, last) in enumerate(_rules()):
        run = runs.get(id(last), [])
        if not run:
            lasts = last(texts, lowers)
            run = runs[id(last)] = [n] * (n + 1)  # run[k]: where the run of `last` tokens
            for k in range(n - 1, -1, -1):  # from k ends
                run[k] = run[k + 1] if lasts[k] else k
        # each prefix token's test on every token, once (a start tries them at the tokens
        # after it: the same token is asked by several starts)
        passes = [test(texts, lowers) for test, _ in prefix]
        # a start whose token fails a first prefix token that must be there starts nothing
        # (most tokens: no honorific, no capital)
        must = passes[0] if prefix and not prefix[0][1] else None
        fixed = not any(optional for _, optional in prefix)  # one way through the prefix
        for start in range(n):
            if must is not None and not must[start]:
                continue
            if fixed:  # _prefix_ends without its sets: every prefix token at its place
                j = start + len(prefix)
                if j < n and run[j] > j and all(passed[start + p] for p, passed in
                                                enumerate(passes)):
                    candidates.append((start, j, run[j], order, label))
                continue
            for j in _prefix_ends(passes, start, prefix):
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
    whole = columns(span.doc)
    texts = whole.texts[span.start:span.end]
    # each token's offset in the block: the texts and spaces before it, from the span's start
    offsets, at = [], span.start_char - block.start
    for token_text, space in zip(texts, whole.spaces[span.start:span.end], strict=True):
        offsets.append(at)
        at += len(token_text) + space
    out = []
    for first, last, label in column_name_spans(texts, whole.lowers[span.start:span.end]):
        start = offsets[first]
        end = offsets[last - 1] + len(texts[last - 1])
        words = text[start:end]
        if words.endswith(("-", ".")) and not re.search(r"\b[A-Z]\.$", words):
            end -= 1  # a sentence's full stop, not an initial's
        titled = label == "HONORIFIC_NAME"
        if not titled and re.search(r"(?:^|\W)[Tt]he\s+$", text[max(0, start - 12):start]):
            continue  # "from the Fernley Corporation": a body, not a person
        if name := clean_name(text[start:end], titled):
            out.append((start, end, name))
    return out
