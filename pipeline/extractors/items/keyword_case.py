"""How a decision keyword is written, and whether that spelling records a decision where
it stands (`keyword_case`): the case rules of `pipeline.extractors.items.decisions`."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.extractors.items.decision_rules import PatternInfo, rules
from pipeline.model import Block
from pipeline.regex_cache import compile_cached

KEYWORD_PUNCT = frozenset({":", "-", "\u2013", "\u2014", ":-", "\u2012"})
SENTENCE_END = (".", "!", "?")


def keyword_case(token: Token, after: Token | None, leading: bool, info: PatternInfo,
                 line: Span, numbered: bool = False) -> str | None:
    """How the keyword is written, if that spelling can record a decision here: upper case
    anywhere; title case only leading its sentence alone or before a colon or dash
    ("Resolved:", "Resolved - that", "Resolved, that"; after a paragraph's number, `numbered`,
    also "Agreed to" and "Agreed, subject to"); lower case only in formal phrasings
    that a lead-in must then introduce ("The Council resolved:-", "it was resolved that");
    "run-in": title case with its colon where a numbered heading runs into its decision."""
    r = rules()
    if token.text.isupper():
        return "upper"
    if token.text.istitle():
        if leading and (after is None or after.text in KEYWORD_PUNCT
                        or after.text == "("  # "Resolved (by 6 votes to 1) to grant ..."
                        or _whole_sentence(after, line)
                        or _whole_sentence(after, line, KEYWORD_PUNCT)  # "Resolved unanimously:"
                        or resolution_number(after, line) is not None  # "Resolved 25/087:"
                        or _comma_phrase(after, line)  # "Resolved, in terms of delegated powers:"
                        or (after.lower_ == "that" and info.label in r.title_case_that)
                        or (after.lower_ == "to" and info.label in r.title_case_to)
                        or (after.text == "," and info.label in r.title_case_that
                            and after.doc[after.i + 1:after.i + 2].text.lower() == "that")):
            return "title"
        if leading and numbered and after is not None and after.text in ("to", ",") and \
                info.label in r.numbered_title_case:
            return "numbered"  # "12. Agreed to award", "2. Agreed, subject to"
        if not leading and after is not None and after.text in (":", ":-"):
            # "2. Minutes of the meeting held on 9th December 2025 Resolved: The Board ...": a
            # flattened item's title run into its decision; else, as "it was agreed:", where a
            # lead-in introduces it ("In the absence of the Chair, it was Agreed:- That ...")
            following = after.doc[after.i + 1:after.i + 2]
            return "run-in" if _NUMBERED_LINE.match(line.text) and following and \
                following[0].text[:1].isupper() else "lower"
        return None
    if token.text.islower() and after is not None and (
            after.text in (":", ":-") or after.lower_ in r.lower_formal.get(info.label, ())):
        return "lower"
    if token.text.islower() and after is not None and after.lower_ in r.lower_led.get(
            info.label, ()) and not any(not t.is_space for t in after.doc[after.i + 1:line.end]):
        # "Seconded by Councillor B and agreed that" ending its line over the decision: only
        # after that lead-in (run on into the decision, "and agreed that the minutes ...", it
        # is narrative, as set 9's and 11's Northern Irish minutes are annotated)
        return "lower-led"
    return None


def _whole_sentence(after: Token, line: Span, ends: frozenset[str] | tuple[str, ...] | None = None
                    ) -> bool:
    """Whether the keyword ends its line as a sentence of its own: "Noted.", "Agreed
    unanimously." (the tokens after it are a full stop, after words allowed there); with
    `ends` the keyword's punctuation, whether it labels what follows: "Resolved
    unanimously:" over a numbered list."""
    rest = [t for t in after.doc[after.i:line.end] if not t.is_space]
    return bool(rest) and rest[-1].text in (ends or SENTENCE_END) and all(
        t.lower_ in rules().bare_sentence_words for t in rest[:-1])


#: a resolution's own number between its keyword and its colon or dash ('Resolved 25/087:',
#: 'Resolved No. 14 -', as parish councils number their resolutions)
_RESOLUTION_NUMBER = compile_cached(r"(?:no\.?\s*)?[A-Z]{0,4}\d{1,4}(?:[/.-]\d{1,4}){0,3}",
                                    re.I)


def resolution_number(after: Token, line: Span) -> Token | None:
    """The colon or dash that ends a resolution's number standing after its keyword
    ('Resolved 25/087: that ...': `after` is the number's first token), or None."""
    tokens: list[str] = []
    for token in after.doc[after.i:min(line.end, after.i + 4)]:
        if token.text in KEYWORD_PUNCT:
            joined = "".join(tokens).strip()
            return token if joined and _RESOLUTION_NUMBER.fullmatch(joined) else None
        tokens.append(token.text_with_ws)
    return None


def _comma_phrase(after: Token, line: Span, most: int = 8) -> bool:
    """Whether a comma after the keyword opens a phrase that ends in its colon ('Resolved,
    in terms of delegated powers:'), as Scottish minutes qualify a resolution."""
    if after.text != ",":
        return False
    for token in after.doc[after.i + 1:min(line.end, after.i + 2 + most)]:
        if token.text in (":", ":-"):
            return True
        if token.text in SENTENCE_END or token.text in (",", ";"):
            return False
    return False


_NUMBERED_LINE = compile_cached(r"\s*\d{1,3}[.)]?\s+[A-Z]")  # an item's heading line


#: a numbered part of a decision above it ('1. Noted the contents of the report.')
_PART = compile_cached(r"^\s*\(?\d{1,3}[.)]?\s+(?P<verb>[A-Z][a-z]+)\b")


def part_of_decision_above(blocks: list[Block], index: int) -> bool:
    """Whether a numbered paragraph opening with a title-case keyword ('2. Agreed to
    receive a further update') is a part of the decision above it: under a bare
    'Decision' heading or a line ending in a colon, or after a part that opens with a
    decision's verb ('1. Noted the contents of the report.'). Else ('11. Ewan McAskill
    left the room.' above it) the paragraph records a decision of its own."""
    if index == 0:
        return False
    above = blocks[index - 1].text.strip()
    part = _PART.match(above)
    return above.endswith(":") or bool(rules().decision_label.match(above)) and len(
        above.split()) <= 2 or bool(part and part.group("verb").casefold() in rules().part_verbs)
