"""The people extractors' cheaper scans find exactly what the regular expressions they
stand for find (pipeline/extractors/people/scanning.py and its callers)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.extractors.people.scanning import PERSON_CODE, person_codes

#: the characters the scans decide on: brackets, capitals and small letters, word
#: characters a regex counts that ASCII does not ('É', '٣'), apostrophes, spaces of all kinds
CODE_PIECES = ["(AB)", "(ABC)", "(ABCDE)", "(A)", "(ab)", "(", ")", "Ab", "Bo", "a", "B",
               "x", "É", "é", "٣", "1", "_", "-", "'", "’", " ", "  ", "\n", "\t", "\u00a0",
               "\u2003", ".", ",", "(AB)x"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(CODE_PIECES), max_size=14).map("".join))
@example("Bryony Keech (BK)")
@example("Keech(BK) and Ann Lee  (AL)")
@example("x-Keech (BK)")
@example("ÉKeech (BK)")
@example("Keech2 (BK)")
@example("Ab\u00a0(AB)")
@example("(AB)(CD)")
def test_person_codes_are_the_code_pattern_s(text: str) -> None:
    assert person_codes(text) == frozenset(m.group("code") for m in PERSON_CODE.finditer(text))
