"""Cheap tests that a text cannot match some token patterns or regexes.

spaCy's Matcher walks every token of every block, and most blocks of a paper hold no cue
at all. A pattern can only match a text that contains, for each of its required tokens,
one of the words that token allows; checking that on a set of the text's words costs a
few set lookups, so texts that cannot match are skipped before the Matcher (and, where
the caller allows, before tokenising).

Regexes likewise: a match contains the literal strings the regex's parse requires
(`required_sets`). `LiteralGate` says whether a text may match any of some regexes (one
search); `LiteralIndex` says which of many it may match (a substring test per string,
cheaper than one case-blind search); `AnySearch` asks whether any of some regexes matches,
trying each top-level alternative (`branches`) only where its strings are.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from importlib import import_module

from pipeline.regex_cache import compile_cached, derived, longest_first

WORDS = PLAIN = compile_cached(r"[^\W_]+")


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
        # A text holding a pattern's words holds them as strings too: one search for the
        # words of each pattern's rarest-looking token (its shortest word longest) turns
        # most texts away before their words are collected.
        firsts = {word for required in self.requirements if required
                  for word in max(required, key=lambda words: min(map(len, words)))}
        self.quick = compile_cached("|".join(map(re.escape, sorted(firsts, key=longest_first)))
                                    or "(?!)")
        self.words = tuple(sorted(firsts))  # the strings `quick` looks for (`block_gates`)

    def might_match(self, text: str) -> bool:
        if self.always:
            return True
        lowered = text.lower()
        if not self.quick.search(lowered):
            return False
        words = set(WORDS.findall(lowered))
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


# ---------------------------------------------------------------- literal gates for regexes

#: The only characters that Python's case-insensitive matching equates with an ASCII letter
#: and whose casefold is not that letter ('İ' and 'ı' match 'i'); a text holding one is
#: always passed by a LiteralGate.
_UNFOLDED = ("\u0130", "\u0131")


def unfolded(text: str) -> bool:
    """Whether a text holds one of the `_UNFOLDED` letters (two substring tests: a regex
    of the two stepped through a 3,000-character text in 12 us, these in 0.2 us)."""
    return _UNFOLDED[0] in text or _UNFOLDED[1] in text


def required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every text with a match of `pattern` holds, in
    the match or what it looks ahead or behind at (compared with the casefolded text), or
    None when the pattern's parse shows no such set. Worked out once per machine, like the
    patterns' programs (`regex_cache.derived`)."""
    return derived(pattern, "required_strings/2", _required_strings)


def _required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    parser = import_module("re._parser")  # the stdlib's own parse of the pattern (sre)
    return _required(list(parser.parse(pattern.pattern, pattern.flags)))


def required_sets(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """Sets of lower-case ASCII strings, every text with a match of `pattern` holding one
    string of each set (compared with the casefolded text); none when the parse shows no
    such set."""
    return derived(pattern, "required_sets/2", _required_sets)


def _required_sets(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    parser = import_module("re._parser")
    return _candidates(list(parser.parse(pattern.pattern, pattern.flags)))


def _required(items: list) -> frozenset[str] | None:
    """The best set of required strings of a sequence of parsed regex items."""
    candidates = _candidates(items)
    if not candidates:
        return None
    # the set that passes fewest texts: its shortest string longest, then fewest strings
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _telling(strings: frozenset[str]) -> tuple[int, int, list[str]]:
    """Sort key of required sets, the one that passes fewest texts first (as `_required`
    picks it; then by its strings, for one order in every process)."""
    return -min(map(len, strings)), len(strings), sorted(strings)


NEEDS_KEPT = 3  # the required sets a LiteralIndex looks up per regex
MAX_ANSWERS = 4096  # the answers a LiteralIndex keeps, by the strings a text holds


def starts_line(pattern: re.Pattern[str]) -> bool:
    """Whether every match of the regex starts at the start of the text (a leading '^'
    without MULTILINE, or '\\A', before any top-level alternative)."""
    return derived(pattern, "starts_line", _starts_line)


def _starts_line(pattern: re.Pattern[str]) -> bool:
    c = import_module("re._constants")
    items = list(import_module("re._parser").parse(pattern.pattern, pattern.flags))
    if not items or items[0][0] is not c.AT:
        return False
    # '^' parses as AT_BEGINNING whatever the flags; MULTILINE makes it any line's start
    return items[0][1] is c.AT_BEGINNING_STRING or (
        items[0][1] is c.AT_BEGINNING and not pattern.flags & re.MULTILINE)


def _candidates(items: list) -> list[frozenset[str]]:
    """The sets of required strings of a sequence of parsed regex items, each required: a
    run of literals, the sets of a group or repeat (one at least once), and the best set
    of each branch of an alternation, joined."""
    c = import_module("re._constants")
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is c.LITERAL and arg < 128:
            run += chr(arg).lower()
            continue
        if op is c.AT:  # a boundary consumes nothing: the run goes on over it
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if op is c.SUBPATTERN:
            candidates += _candidates(list(arg[3]))
        elif op is c.ATOMIC_GROUP:
            candidates += _candidates(list(arg))
        elif op is c.ASSERT:  # a look-ahead or look-behind: what it needs is in the text too
            candidates += _candidates(list(arg[1]))
        elif op is c.BRANCH:
            branches = [_required(list(branch)) for branch in arg[1]]
            if all(b is not None for b in branches):
                candidates.append(frozenset().union(*(b for b in branches if b is not None)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            candidates += _candidates(list(arg[2]))
    if run:
        candidates.append(frozenset({run}))
    return candidates


class LiteralGate:
    """Whether a text might match any of some regexes: False only when the casefolded text
    holds none of the strings one of which a match of each regex must contain (a substring
    test each; regexes with no such strings make it pass every text)."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        strings: set[str] = set()
        self.always = False
        for pattern in patterns:
            found = required_strings(pattern)
            if not found:
                self.always = True
                break
            strings |= found
        self.strings = tuple(sorted(strings))

    def might_match(self, text: str) -> bool:
        if self.always:
            return True
        # a substring test per string: a case-blind search of an alternation of them cost
        # 0.4-3 us a text on the bench papers, these 0.3-2 us (up to 30 strings)
        folded = text.casefold()
        for string in self.strings:
            if string in folded:
                return True
        # (an ASCII text holds neither of the _UNFOLDED letters: str.isascii costs nothing)
        return not self.strings or (not text.isascii() and unfolded(text))


class LiteralIndex:
    """Which of many regexes a text might match (never leaving out one that matches): each
    regex's required strings (`required_strings`) looked up in the casefolded text, every
    string once however many regexes need it. A plain substring test per string costs a
    fraction of one case-blind search, and most header lines, blocks and papers hold the
    strings of few of the regexes tried on them."""

    def __init__(self, patterns: Iterable[re.Pattern[str]], alone: Collection[int] = ()
                 ) -> None:
        # each regex's most telling sets, best first (a few sets turn away what all would);
        # none for a regex anchored at the start, whose search is one try at the start and
        # costs less than looking its strings up; `alone`: the indices of anchored regexes
        # whose try reads several words before the strings they need (looked up instead)
        patterns = list(patterns)
        anchored = [starts_line(p) and k not in alone for k, p in enumerate(patterns)]
        self.needs = [[] if start else sorted(set(required_sets(p)), key=_telling)
                      [:NEEDS_KEPT] for p, start in zip(patterns, anchored, strict=True)]
        self.strings = tuple(sorted({s for sets in self.needs for one in sets for s in one},
                                    key=longest_first))
        # the anchored regexes tried at once: a text none of them matches at its start (most
        # lines) turns them all away in one match
        self.starts = join_anchored([p for p, start in zip(patterns, anchored, strict=True)
                                     if start])
        self.anchored = anchored if self.starts is not None else [False] * len(patterns)
        self.answers: dict[tuple[frozenset[str], bool], tuple[bool, ...]] = {}

    def passing(self, text: str) -> tuple[bool, ...]:
        """For each regex, in order: False when the text cannot match it."""
        if not text.isascii() and unfolded(text):
            return (True,) * len(self.needs)
        folded = text.casefold()
        present = frozenset([s for s in self.strings if s in folded])
        opens = self.starts is None or self.starts.match(text) is not None
        # the answer depends on nothing else: most texts hold none or one of the strings,
        # so a few answers serve every text (kept by the strings found, never by the text)
        known = self.answers.get((present, opens))
        if known is None:
            if len(self.answers) >= MAX_ANSWERS:  # (a hostile text's every combination)
                self.answers.clear()
            known = self.answers[present, opens] = self._answer(present, opens)
        return known

    def _answer(self, present: frozenset[str], opens: bool) -> tuple[bool, ...]:
        out = []
        for sets, start in zip(self.needs, self.anchored, strict=True):
            if start:
                out.append(opens)
                continue
            for one in sets:
                if one.isdisjoint(present):
                    out.append(False)
                    break
            else:
                out.append(True)
        return tuple(out)


#: what keeps a regex out of an alternation with others: a group reference or name (two
#: regexes may name the same group), a conditional, a global or verbose flag
_UNJOINABLE = compile_cached(r"\\[0-9]|\(\?P|\(\?\(|\(\?[aiLmsux]+\)")


def join_anchored(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """Regexes anchored at the text's start (`starts_line`) as one alternation, which
    matches at the start exactly where one of them does (None when there are none, or they
    cannot be joined: differing flags, group names or references, global flags)."""
    if not patterns or len({p.flags for p in patterns}) != 1 or patterns[0].flags & re.VERBOSE \
            or any(_UNJOINABLE.search(p.pattern) for p in patterns):
        return None
    try:
        return compile_cached("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def any_of(patterns: Iterable[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """Patterns a caller asks only whether any matches (at a text's start, or anywhere), as
    one alternation where `join_anchored` can join them: a text has a match of it exactly
    where it has one of a pattern, and one call of it costs a fraction of one call each
    (else the patterns as they are)."""
    found = tuple(patterns)
    joined = join_anchored(list(found)) if len(found) > 1 else None
    return found if joined is None else (joined,)


def branches(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """A regex's top-level alternatives as regexes of their own (the regex itself when it
    has one, or when an alternative cannot stand alone: a global flag, a reference to a
    group of another alternative). A text has a match of the regex somewhere exactly when
    it has a match of one of them."""
    parts, depth, start, k, text = [], 0, 0, 0, pattern.pattern
    while k < len(text):
        char = text[k]
        if char == "\\":
            k += 2
            continue
        if char == "[":  # a class: its '|' and brackets are characters ('[]|]' too)
            k += 2 if text[k + 1:k + 2] == "^" else 1
            k += 1 if text[k:k + 1] == "]" else 0
            while k < len(text) and text[k] != "]":
                k += 2 if text[k] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:k])
            start = k + 1
        k += 1
    parts.append(text[start:])
    if len(parts) == 1:
        return [pattern]
    try:
        split = [compile_cached(part, pattern.flags) for part in parts]
    except re.error:
        return [pattern]
    top = import_module("re._parser").parse(text, pattern.flags)
    branch = import_module("re._constants").BRANCH
    if any(p.flags != pattern.flags for p in split) or len(top) != 1 or top[0][0] is not branch \
            or len(top[0][1][1]) != len(parts):
        return [pattern]  # not the alternatives sre parsed: no shortcut
    return split


class AnySearch:
    """Whether any of some regexes matches a text somewhere (a yes or no, no match): each
    regex's alternatives (`branches`) are tried alone, and only those whose required
    strings the text holds (`LiteralIndex`). An alternation with a costly alternative
    ('\\S.{0,200}\\bthe minutes of the\\b' backtracks at every character) costs its cheap
    lookups on a text that cannot match it."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.branches = [one for pattern in patterns for one in branches(pattern)]
        self.gate = LiteralGate(self.branches)  # one search turns most texts away
        self.index = LiteralIndex(self.branches)

    def search(self, text: str) -> bool:
        if not self.gate.might_match(text):
            return False
        return any(possible and branch.search(text) is not None
                   for branch, possible in zip(self.branches, self.index.passing(text),
                                               strict=True))
