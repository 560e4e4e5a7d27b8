"""Character-level scans the people extractors share, each the exact result of a regular
expression found a cheaper way (the regex it stands for is kept beside it, and
tests/test_people_scanning.py compares the two on generated texts).

A regex search that has no literal to look for tries every position of its text; the
scans here start from the rare character a match must hold ('(' of an initials code) and
read back from it.
"""

from __future__ import annotations

from pipeline.regex_cache import compile_cached

#: "Bryony Keech (BK)": the code a paper gives a person it lists, to call them by later
PERSON_CODE = compile_cached(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z]\s*\((?P<code>[A-Z]{2,4})\)")
_CODE = compile_cached(r"\((?P<code>[A-Z]{2,4})\)")


def word_char(char: str) -> bool:
    """`[\\w'’-]` of a regular expression: a letter, digit or underscore, "-" or an
    apostrophe (re's \\w is str.isalnum() or '_')."""
    return char.isalnum() or char in "_'’-"


def person_codes(text: str) -> frozenset[str]:
    """The codes of PERSON_CODE's matches in a text: found from each bracketed code back
    to the word before it (PERSON_CODE's own search tries every capital of the paper,
    which holds few codes). A match's word is the whole run of word characters before
    the spaces and the bracket (nothing of that run may come before it), so the run
    decides: a capital first, a small letter last."""
    found = set()
    for m in _CODE.finditer(text):
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin and word_char(text[begin - 1]):
            begin -= 1
        if end - begin >= 2 and "A" <= text[begin] <= "Z" and "a" <= text[end - 1] <= "z":
            found.add(m.group("code"))
    return frozenset(found)
