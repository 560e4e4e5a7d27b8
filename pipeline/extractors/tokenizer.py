"""The one tokenizer's making: spaCy's English rules with ours added, a suffix search that
does not re-read long words, and spaCy's exceptions added as the texts need them.
`pipeline.extractors.language` holds the one pipeline that uses it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pipeline.regex_cache import compile_cached
from pipeline.rules import read_json

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer


def make_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's English tokenizer (as `spacy.blank("en")` makes it) with the prefixes, suffixes
    and infixes of `models/language/tokenizer.json` added to its own."""
    from spacy.tokenizer import Tokenizer

    extra = read_json("language/tokenizer.json")
    defaults = nlp.Defaults
    # spacy.util's compile_prefix_regex, compile_suffix_regex and compile_infix_regex,
    # joined as they join them, compiled through the cache (a sixth of the rules' time)
    prefixes = [*(defaults.prefixes or ()), *(r["pattern"] for r in extra["prefixes"])]
    suffixes = [*(defaults.suffixes or ()), *(r["pattern"] for r in extra["suffixes"])]
    infixes = [*(defaults.infixes or ()), *(r["pattern"] for r in extra["infixes"])]
    return Tokenizer(
        nlp.vocab,
        rules=None,  # spaCy's exceptions are added as texts need them: `SpecialCases`
        prefix_search=compile_cached(
            "|".join(["^" + piece for piece in prefixes if piece.strip()])).search,
        suffix_search=TailSearch(compile_cached(
            "|".join([piece + "$" for piece in suffixes if piece.strip()]))),
        infix_finditer=compile_cached(
            "|".join([piece for piece in infixes if piece.strip()])).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


class TailSearch:
    """A suffix pattern's `search` that looks at the last `window` characters of a string.

    spaCy strips a word's suffixes one at a time, searching the whole remaining word for a
    pattern anchored at its end each time: a word of n closing brackets or commas costs n
    searches of up to n starting places (a 20,000-comma line took 45 s). No suffix is near
    `window` characters long, so the match, and the tokens, are the same for every word
    but one ending in a run of more than `window` dots. (`__self__` is the pattern because
    spaCy's serialisation reads `suffix_search.__self__.pattern`.)"""

    __slots__ = ("__self__", "window")

    def __init__(self, pattern: re.Pattern[str], window: int = 256) -> None:
        self.__self__ = pattern
        self.window = window

    def __call__(self, string: str) -> re.Match[str] | None:
        start = len(string) - self.window
        return self.__self__.search(string, start) if start > 0 else self.__self__.search(string)

    def __reduce__(self) -> tuple[Any, ...]:
        return (TailSearch, (self.__self__, self.window))


#: after this many papers every exception is in place (a long run pays the 0.06 s once and
#: no more look-ups)
EAGER_AFTER = 8


class SpecialCases:
    """spaCy's English tokenizer exceptions ("don't", "a.m.", "Mr.", ":)"), added to the
    tokenizer as the texts being tokenised need them.

    Loading all 1,300 of them cost 0.06 s of a one-paper run's start; a paper needs a few
    dozen. An exception applies only where its text occurs, so adding those that occur in
    a text before tokenising it gives the tokens the full set gives (a test compares the
    two); after `EAGER_AFTER` papers, or in a parent warming up forked workers, all are
    added at once.

    An exception without white space occurs only inside a word (a run of characters
    without white space), so only the words not seen in an earlier text are looked
    through for them (each exception looked for in a paper's whole text cost 10 ms a
    paper); those with white space are looked for in the whole text."""

    def __init__(self, tokenizer: Tokenizer, rules: dict[str, list[dict[int, str]]]) -> None:
        self.tokenizer = tokenizer
        self.waiting = dict(rules)
        self.keys = tuple(rules)
        self.papers = 0
        self.white = frozenset(key for key in rules if any(char.isspace() for char in key))
        self.seen: set[str] = set()  # the words looked through (no more once all are in)

    @property
    def stamp(self) -> int:
        """Changes whenever exceptions are added (how many wait)."""
        return len(self.waiting)

    def added(self) -> list[str]:
        """The exceptions in the tokenizer."""
        return [key for key in self.keys if key not in self.waiting]

    def ensure(self, text: str, paper: bool = True) -> None:
        """Add the exceptions that occur in `text`; `paper`: it is a whole paper's text."""
        if not self.waiting:
            return
        if paper:
            self.papers += 1
        if self.papers > EAGER_AFTER:
            found = list(self.waiting)
        else:
            words = set(text.split()).difference(self.seen)
            self.seen.update(words)
            # (a newline between two: an exception found across one is added for nothing)
            joined = "\n".join(words)
            found = [key for key in self.waiting
                     if (key in text if key in self.white else key in joined)]
        for key in found:
            self.tokenizer.add_special_case(key, self.waiting.pop(key))
        if not self.waiting:
            self.seen.clear()

    def load_all(self) -> None:
        self.papers = EAGER_AFTER
        self.ensure("")
