"""A paper's tokens, as spaCy's tokenizer gives them block by block, put together from the
tokens of each of its chunks, kept per chunk as spaCy's own tokenizer cache keeps them.

spaCy's tokenizer splits a text at white space into chunks (a run of white space after a
chunk, less a first single space, is a chunk of its own), tokenises each chunk alone
(exceptions, prefixes, suffixes, infixes), then runs a matcher over the whole text for the
exceptions that prefixes or suffixes would otherwise hide (":(" is split ":", "(" without
its exception: that is its pattern), replacing a match whose text is an exception by that
exception's tokens. A chunk's tokens are therefore those of the chunk tokenised alone,
with one exception: a match of that matcher across a space (":" "(" of "Item: (a)"),
which changes nothing itself (its text holds a space) but may hide a shorter match inside
a chunk. Such a match needs two consecutive tokens of an exception's pattern on either
side of the space, as the chunks' tokens were before the matcher ran; a block where that
may be is tokenised whole, as before (`Chunks.check`; rare: no bench paper has one).

Making a Doc per block cost more than the tokenising (a Doc, its arrays, per block):
here the tokens of the chunks a paper holds that have not been seen are made in one call,
and a paper is put together from tuples. The cache is keyed on one chunk (a word with its
punctuation), like spaCy's, is emptied when an exception is added (as spaCy empties its
own) and when it grows past `LIMIT`.
"""

from __future__ import annotations

import hashlib
import re
from itertools import chain
from typing import TYPE_CHECKING, Any

from pipeline.regex_cache import derived

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokenizer import Tokenizer

#: a token: its text, lower form (spaCy's LOWER is str.lower), is_punct, ORTH, and whether
#: a space follows it
Record = tuple[str, str, bool, int, bool]

LIMIT = 50_000  # chunks kept; past it the cache starts again (a long, varied run)
MANY = 100  # exceptions added at once past which all their patterns are read from the cache


#: a run of white space: Python's `\s` is `str.isspace`, as spaCy's tokenizer splits (a test
#: compares the two over every character)
WHITE = re.compile(r"(\s+)")


def pieces(text: str) -> list[tuple[str, bool]]:
    """The chunks spaCy's tokenizer reads `text` as, each with whether a single space after
    it is eaten as its last token's trailing space (`Tokenizer._tokenize_affixes`): a run
    of white space after a chunk, less a first single space, is a chunk of its own, and so
    is a run the text starts with."""
    out: list[tuple[str, bool]] = []
    for n, piece in enumerate(WHITE.split(text)):  # (chunks at even places, runs at odd)
        if n % 2 and out and piece[0] == " ":
            out[-1] = (out[-1][0], True)
            piece = piece[1:]
        if piece:
            out.append((piece, False))
    return out


class Chunks:
    """Each chunk's tokens (`Record`s, the last one spaced), and a paper's tokens from them."""

    def __init__(self, tokenizer: Callable[[], Tokenizer],
                 exceptions: Callable[[], Iterable[str]], every: Iterable[str] = ()) -> None:
        """`tokenizer()`: the tokenizer; `exceptions()`: the exceptions it holds; `every`:
        all it may be given."""
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import Vocab

        self.tokenizer = tokenizer  # (looked up on each use: a test wraps the pipeline's)
        self.exceptions = exceptions
        self.every = tuple(every)
        self.known: dict[str, tuple[Record, ...]] = {}
        #: chunks that may end in the first of two consecutive tokens of an exception's
        #: pattern: the tokens they may end in (before the matcher ran)
        self.tails: dict[str, frozenset[str]] = {}
        self.heads: dict[str, frozenset[str]] = {}  # (and those that may start one)
        self.stamp: Any = None
        self.wholes: dict[str, list[Record]] = {}
        own = tokenizer()  # (the patterns' tokenizer: the same rules, no exceptions)
        self.bare = Tokenizer(Vocab(), rules=None, prefix_search=own.prefix_search,
                              suffix_search=own.suffix_search,
                              infix_finditer=own.infix_finditer, token_match=own.token_match,
                              url_match=own.url_match)
        self.first: dict[str, str] = {}  # exception -> its pattern's first token
        self.last: dict[str, str] = {}  # exception -> its pattern's last token
        self.pairs: set[tuple[str, str]] = set()  # consecutive tokens of a pattern
        self.left: frozenset[str] = frozenset()  # (their first ones)
        self.right: frozenset[str] = frozenset()  # (their second ones)
        self.longest = 0
        self.usable = True

    def _patterns(self) -> None:
        """The pattern of each exception added to the tokenizer since last time (its text
        tokenised without exceptions, as spaCy's `add_special_case` makes it; a few dozen
        in a paper, all of them once a run is warm), and the pairs of consecutive tokens
        in them."""
        keys = [key for key in self.exceptions() if key not in self.first]
        if not keys:
            return
        found = self._every_pattern() if len(keys) > MANY else {}
        found.update(self._tokenise([key for key in keys if key not in found]))
        for key in keys:
            words = found[key]
            self.first[key], self.last[key] = words[0], words[-1]
            self.pairs.update(zip(words, words[1:], strict=False))
        self.left = frozenset(a for a, _ in self.pairs)
        self.right = frozenset(b for _, b in self.pairs)
        self.longest = max(map(len, self.first), default=0)
        # a pair with white space in it could meet across a run of white space, which
        # `check` does not look at: then no block is put together from its chunks
        self.usable = not any(char.isspace() for pair in self.pairs for token in pair
                              for char in token)

    def _tokenise(self, keys: list[str]) -> dict[str, list[str]]:
        """Each exception's pattern, its tokens' texts."""
        def texts(text: str) -> list[str]:
            return [token.text for token in self.bare(text)]

        # all in one call, a newline between two (a Doc each cost 20 ms)
        plain = [key for key in keys if key and not any(char.isspace() for char in key)]
        patterns: list[list[str]] = [[]]
        for text in texts("\n".join(plain)) if plain else []:
            if text == "\n":
                patterns.append([])
            else:
                patterns[-1].append(text)
        if len(patterns) != len(plain) or not all(patterns):
            patterns = [texts(key) for key in plain]
        found = dict(zip(plain, patterns, strict=True))
        found.update((key, texts(key)) for key in keys if key not in found)
        return found

    def _every_pattern(self) -> dict[str, list[str]]:
        """The patterns of all the exceptions (`every`), kept for the machine beside the
        compiled rules (`regex_cache.derived`) under a digest of all they depend on:
        spaCy's version, the tokenizer's rules, the exceptions, sorted (their order changes
        with the hash seed). Made, they cost each run 25-40 ms: the affix rules searched a
        few thousand times."""
        from spacy.about import __version__

        own = self.tokenizer()
        parts = [__version__, *map(_rule_text, (own.prefix_search, own.suffix_search,
                                                own.infix_finditer, own.token_match,
                                                own.url_match)), *sorted(self.every)]
        digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        found: dict[str, list[str]] = derived(re.compile(f"(?#{digest})"), "patterns/1",
                                              lambda _: self._tokenise(list(self.every)))
        return dict(found)

    def paper(self, texts: list[str], stamp: Any, between: Record
              ) -> tuple[list[Record], list[tuple[int, int]]]:
        """The tokens of the texts (a paper's blocks), each text's as the tokenizer gives
        it alone, `between` two texts, and each text's token range; `stamp` changes
        whenever the tokenizer's exceptions do."""
        if stamp != self.stamp or len(self.known) > LIMIT:
            self.known.clear()
            self.tails.clear()
            self.heads.clear()
            self.stamp = stamp
            self._patterns()
        # the common block: words between single spaces, nothing else white (its chunks
        # are its words, each but the last spaced); any other, its `pieces`
        words: list[list[str] | None] = []
        others: list[list[tuple[str, bool]] | None] = []
        for text in texts:
            # (no white space but single spaces: every other white character is unprintable,
            # a test checks it)
            if text and text.isprintable() and "  " not in text and text[0] != " " != text[-1]:
                words.append(text.split(" "))
                others.append(None)
            else:
                words.append(None)
                others.append(pieces(text))
        self.wholes = {}  # (one paper's texts: emptied at the end)
        try:  # (most papers hold no chunk not seen before: no need to look for one first)
            return self._together(texts, words, others, between)
        except KeyError:
            self._learn(words, others)
            return self._together(texts, words, others, between)
        finally:
            self.wholes = {}

    def _together(self, texts: list[str], words: list[list[str] | None],
                  others: list[list[tuple[str, bool]] | None], between: Record
                  ) -> tuple[list[Record], list[tuple[int, int]]]:
        """`paper`'s tokens and ranges, once the chunks are known (KeyError where one is
        not)."""
        known, heads = self.known, self.heads
        records: list[Record] = []
        bounds: list[tuple[int, int]] = []
        for n, (text, parts, items) in enumerate(zip(texts, words, others, strict=True)):
            if n:
                records.append(between)
            start = len(records)
            if not self.usable or not text:
                records.extend(self._whole(text) if text else ())
            elif parts is not None and (not heads or heads.keys().isdisjoint(parts)
                                        or self._apart(parts)):
                records.extend(chain.from_iterable(map(known.__getitem__, parts)))
                records[-1] = (*records[-1][:4], False)
            elif items and self.check(items):
                for chunk, spaced in items:
                    records.extend(known[chunk])
                    if not spaced:
                        records[-1] = (*records[-1][:4], False)
            else:
                records.extend(self._whole(text))
            bounds.append((start, len(records)))
        return records, bounds

    def _learn(self, words: list[list[str] | None],
               others: list[list[tuple[str, bool]] | None]) -> None:
        """Tokenise the chunks not seen yet: those without white space in one call, a
        newline between two (a chunk's tokens there are its tokens alone: no pattern holds
        a newline, so no match reaches across one), runs of white space one by one."""
        every = list(chain.from_iterable(
            parts if parts is not None else [chunk for chunk, _ in items or ()]
            for parts, items in zip(words, others, strict=True)))
        unknown = set(every).difference(self.known)
        if not unknown or not self.usable:
            return
        # (in reading order, as the blocks would have been tokenised)
        new = [chunk for chunk in dict.fromkeys(every) if chunk in unknown]
        plain = [chunk for chunk in new if not chunk[0].isspace()]
        runs = [chunk for chunk in new if chunk[0].isspace()]
        tokenizer = self.tokenizer()
        groups = _split(_records(tokenizer("\n".join(plain)))) if plain else []
        if len(groups) != len(plain) or not all(groups):  # (cannot be: each newline is a
            groups = [_records(tokenizer(chunk)) for chunk in plain]  # token of its own)
        for chunk, records in zip(plain, groups, strict=True):
            self._keep(chunk, records)
        for run in runs:
            self._keep(run, _records(tokenizer(run)))

    def _keep(self, chunk: str, records: list[Record]) -> None:
        records[-1] = (*records[-1][:4], True)
        self.known[chunk] = tuple(records)
        if chunk[0].isspace():
            return
        # the tokens it ends in and starts with before the matcher ran: its last and first
        # ones, or, where an exception at its end or start was matched, the last or first
        # token of that exception's pattern; kept when a pattern may go on or start there
        sizes = range(1, min(len(chunk), self.longest) + 1)
        tail = {records[-1][0]}
        tail.update(self.last[chunk[-size:]] for size in sizes if chunk[-size:] in self.last)
        tail &= self.left
        if tail:
            self.tails[chunk] = frozenset(tail)
        head = {records[0][0]}
        head.update(self.first[chunk[:size]] for size in sizes if chunk[:size] in self.first)
        head &= self.right
        if head:
            self.heads[chunk] = frozenset(head)

    def _apart(self, words: list[str]) -> bool:
        """`check` of chunks between single spaces: only where a chunk may start a pattern's
        second token is the chunk before it looked at."""
        for chunk in self.heads.keys() & set(words):
            at = words.index(chunk)
            while True:
                if at and not self.check([(words[at - 1], True), (chunk, True)]):
                    return False
                try:
                    at = words.index(chunk, at + 1)
                except ValueError:
                    break
        return True

    def check(self, items: list[tuple[str, bool]]) -> bool:
        """Whether no exception's pattern may match across a space between two chunks of a
        block (two consecutive tokens of a pattern on either side): then the block's
        tokens are its chunks'."""
        for (chunk, spaced), (after, _) in zip(items, items[1:], strict=False):
            head = self.heads.get(after) if spaced else None
            tail = self.tails.get(chunk) if head else None
            if tail and any((a, b) in self.pairs for a in tail for b in head):  # type: ignore[union-attr]
                return False
        return True

    def _whole(self, text: str) -> list[Record]:
        """A text's tokens from the tokenizer (once a paper: `paper` may put it together
        twice, the second time once the chunks not seen are learnt)."""
        found = self.wholes.get(text)
        if found is None:
            found = self.wholes[text] = _records(self.tokenizer()(text), spaced=True)
        return found


def _rule_text(rule: Any) -> str:
    """What a tokenizer's rule is: its pattern's text (and a `TailSearch`'s window); a rule
    of another kind is named by `repr`, kept for one run only."""
    if rule is None:
        return ""
    pattern = getattr(getattr(rule, "__self__", None), "pattern", None)
    return f"{pattern}|{getattr(rule, 'window', '')}" if isinstance(pattern, str) else repr(rule)


def _records(doc: Any, spaced: bool = False) -> list[Record]:
    """A Doc's tokens as records (each token's trailing space when `spaced`, else none)."""
    return [(token.text, token.text.lower(), token.is_punct, token.orth,
             bool(token.whitespace_) if spaced else False) for token in doc]


def _split(records: list[Record]) -> list[list[Record]]:
    """Records of texts joined by newlines, text by text (each newline a token)."""
    groups: list[list[Record]] = [[]]
    for record in records:
        if record[0] == "\n":
            groups.append([])
        else:
            groups[-1].append(record)
    return groups
