"""A cheap test that a text cannot match any of a set of token patterns.

spaCy's Matcher walks every token of every block, and most blocks of a paper hold no cue
at all. A pattern can only match a text that contains, for each of its required tokens,
one of the words that token allows; checking that on a set of the text's words costs a
few set lookups, so texts that cannot match are skipped before the Matcher (and, where
the caller allows, before tokenising).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.regex_cache import compile_cached

WORDS = PLAIN = re.compile(r"[^\W_]+")


def _allowed(spec: dict) -> frozenset[str] | None:
    """Lower-case words one of which a text must hold for the token spec to match there, or
    None when the spec may match without any (other attributes, punctuation)."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        values = [value] if isinstance(value, str) else (
            value.get("IN") if isinstance(value, dict) else None)
        if isinstance(values, list):
            # a text holding "sub-groups" holds the word "sub": the first word of a value
            # stands for it; a value with no word (":") could be anything
            firsts = [PLAIN.search(str(v).lower()) for v in values]
            return frozenset(f.group() for f in firsts if f) if all(firsts) else None
    return None


class PatternGate:
    """Says whether a text might match any of the patterns (never wrongly says no)."""

    def __init__(self, patterns: Iterable[list[dict]]) -> None:
        self.requirements: list[tuple[frozenset[str], ...]] = []
        self.always = False
        for pattern in patterns:
            # "?", "*", "!" and "{0,n}" tokens need not be there; "+" and plain ones must
            required = tuple(words for spec in pattern if spec.get("OP") in (None, "+")
                             and (words := _allowed(spec)) is not None)
            if not required:
                self.always = True
            self.requirements.append(required)

    def might_match(self, text: str) -> bool:
        if self.always:
            return True
        words = set(WORDS.findall(text.lower()))
        return any(all(not allowed.isdisjoint(words) for allowed in required)
                   for required in self.requirements)


SEP = "\x1f"  # between tokens' lower forms: no token holds it
_ANY = f"[^{SEP}]*{SEP}"
_OPS = {None: "", "?": "?", "*": "*", "+": "+"}


def _token_regex(spec: dict) -> str:
    """A regex over one token's lower form and the separator after it, accepting every token
    the spec accepts (and maybe more: attributes other than the words are not tested)."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        values = [value] if isinstance(value, str) else (
            value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None)
        if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
            # longest first; equal lengths alphabetically, so the regex is the same text in
            # every process (its compiled form is cached by its text: pipeline.regex_cache)
            words = sorted({v.lower() for v in values}, key=lambda w: (-len(w), w))
            return f"(?:{'|'.join(map(re.escape, words))}){SEP}"
    return _ANY


class TokenGate:
    """Where in a Doc a set of token patterns could first match (never later than the first
    match): the patterns as one regex over the tokens' lower forms. A Doc the regex misses
    needs no Matcher, and one it finds needs matching only from there on."""

    def __init__(self, patterns: Iterable[list[dict]]) -> None:
        parts = []
        for pattern in patterns:
            tokens = []
            for spec in pattern:
                op = spec.get("OP")
                if op == "!" or op not in _OPS:  # a negated or counted token: any tokens
                    tokens.append(f"(?:{_ANY})*")
                else:
                    tokens.append(f"(?:{_token_regex(spec)}){_OPS[op]}")
            parts.append("".join(tokens))
        self.regex = compile_cached(f"{SEP}(?:{'|'.join(parts)})")

    def first(self, lowers: list[str]) -> int | None:
        """The first token at which a pattern could match, given the tokens' lower forms."""
        text = SEP + SEP.join(lowers) + SEP
        found = self.regex.search(text)
        return None if found is None else text.count(SEP, 0, found.start())
