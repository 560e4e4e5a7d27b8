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


GATE_PIECES = ["sub", "SUB", "Su", "b", "apolog", "APOLOGIES", "in the", " chair", "in\tthe chair",
               "x", " ", "\t", "\n", "İ", "ı", "ß", "é", "ﬁ"]
STRINGS = frozenset({"sub", "apolog", "in the chair"})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(GATE_PIECES), max_size=6).map("".join),
                          st.sampled_from(["", "\n", " "])), max_size=6),
       st.booleans(), st.integers(0, 5))
@example([("su", ""), ("b", "")], False, 9)  # a word across two blocks' spans: in neither
@example([("in the", "\n"), ("chair", "")], False, 9)
def test_blocks_holding_passes_every_block_that_holds_a_string(
        pieces: list[tuple[str, str]], tabs: bool, changed: int) -> None:
    """`blocks_holding` turns a block away only when its casefolded text holds none of the
    strings (and no letter that a gate passes every text for), whatever the paper's text
    around it, even when a block's text is not the paper's text at its span."""
    from pipeline.extractors.people.scanning import blocks_holding, blocks_holding_each
    from pipeline.model import Block, BlockKind, Document

    blocks, text = [], ""
    for piece, separator in pieces:
        text += separator
        blocks.append(Block(kind=BlockKind.PARAGRAPH, text=piece, page=1, start=len(text),
                            end=len(text) + len(piece)))
        text += piece
    if changed < len(blocks):
        blocks[changed].text = "apolog"  # no longer the paper's text at its span
    document = Document("x", "text", 1, blocks, [], text)
    holding = blocks_holding(document, STRINGS, tabs)
    other = frozenset({"chair", "x"})  # several sets at once: as each alone
    assert blocks_holding_each(document, [(STRINGS, tabs), (other, not tabs)]) == [
        holding, blocks_holding(document, other, not tabs)]
    for block, holds in zip(blocks, holding, strict=True):
        own = block.text.replace("\t", " ") if tabs else block.text
        if any(s in own.casefold() for s in STRINGS) or "İ" in own or "ı" in own:
            assert holds, block.text


NAME_PIECES = ["Cllr", "CLLR", "cllr.", "Mr", "Mrs", "Councillor", "County", "Councillors",
               "County\u00a0 Councillor", "Ann", "Bell", "A", "B.", "Dee", "Clerk", "Chair",
               "and", ",", ";", " - ", "/", "(Chair)", " ", "  ", "\t", "\u00a0", "Mr.Bell",
               "xMr", "the"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=10).map(" ".join), st.booleans())
@example("County\u00a0 Councillor Ann Bell", False)
@example("Ann Bell Mrs Cleo Dee", True)
@example("Bright/Mr Carver", False)
def test_a_list_no_honorific_search_finds_has_no_titled_person(text: str, single: bool) -> None:
    """`may_be_titled` is False only for a text in which parse_list finds nobody titled."""
    from pipeline.extractors.people.lists import parse_list
    from pipeline.extractors.people.scanning import may_be_titled

    if not may_be_titled(text, 0, len(text)):
        assert not any(p.titled for p in parse_list(text, 0, len(text), single) or ())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Ab", "c", "_", "1", "٣", "É", " ", ".", "\n", "-"]),
                max_size=10).map("".join), st.integers(0, 12))
def test_last_word_is_the_word_regex_s(text: str, end: int) -> None:
    import re

    from pipeline.extractors.people.attendance_sentences import last_word

    end = min(end, len(text))
    found = re.search(r"(\w+)$", text[:end])
    assert last_word(text, end) == (found.group(1) if found else "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["and", "&", "AB/", "A/", "IS-GAD/", "x", "And", " ", "\n",
                                 "\u00a0", "/", "’"]), max_size=8).map("".join))
@example("Mrs A Owain & ")
@example("R Bell IS-GADEIRYDD/ ")
def test_dangling_at_is_the_dangling_regex_s(seg: str) -> None:
    from pipeline.extractors.people.list_cuts import _DANGLING, dangling_at

    found = _DANGLING.search(seg)
    assert dangling_at(seg) == (found.start() if found else None)


CODE_LINE_PIECES = ["KO", "SR", "ABCDE", " Kerry", " Osei", " Sam", " Rendell", "Sgt ", "Dr. ",
                    "\n", " ", "\t", "(KO)", "Ab", "x", "É"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CODE_LINE_PIECES), max_size=14).map("".join))
@example("KO Kerry Osei\nSR Sgt Sam Rendell")
def test_code_columns_are_found_at_every_line_s_start(text: str) -> None:
    import re

    from pipeline.extractors.people.scanning import _CODE_LINE

    column = set()
    for m in re.finditer("(?m)^" + _CODE_LINE, text):  # what the lines' search stands for
        names = m.group("name").split()
        if m.group("code") in (names[0][0] + names[-1][0], "".join(n[0] for n in names)):
            column.add(m.group("code"))
    bracketed = {m.group("code") for m in PERSON_CODE.finditer(text)}
    assert person_codes(text) == frozenset(column | bracketed)


DECLARER_PIECES = ["A", "Cllr", "a", " ", "\n", "(", ":", ";", ",", "–", "—", "-", "x", "É", "1",
                   "re", " in ", "Personal", "personal", "non-", "by reason", "\u00a0", "AB"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DECLARER_PIECES), max_size=12).map("".join))
def test_declarers_names_open_and_stop_where_the_stated_patterns_say(text: str) -> None:
    import re

    from pipeline.extractors.people.declaration_parts import _NAME_OPENING, pattern

    opening = re.compile(r"(?:(?<=^)|(?<=[\s(:;,–—-]))(?=[A-Z])")  # what _NAME_OPENING is
    assert [m.start() for m in _NAME_OPENING.finditer(text)] == [
        m.start() for m in opening.finditer(text)]
    stop = pattern("name_stop")  # its look-ahead for the first character changes no match
    plain = re.compile(stop.pattern.removeprefix(r"(?=[\s(:;–—,]|$)"), stop.flags)
    assert plain.pattern != stop.pattern
    found, stated = stop.search(text), plain.search(text)
    assert (found and found.span()) == (stated and stated.span())
