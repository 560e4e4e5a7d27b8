"""A unit's words (`bodies/words._words`): tokens regrouped as a reader sees them, taken a
stretch at a time between the joining tokens; they must be the words a plain token-by-token
reading gives."""

import random

from spacy.tokens import Doc

from pipeline.extractors.bodies.units import capitalised, unit_of
from pipeline.extractors.bodies.words import APOSTROPHES, _words, acronym_like
from pipeline.extractors.language import language

POOL = ["Sub", "-", "/", "-/", "'s", "'", "\u2019s", "\u2019", "Committee", "group", "s",
        "Boards", "x", "\u216b", "1", "(", ")", ",", "\n", "Children", "CSPs", "\u00c9"]


def _one_by_one(texts: list[str], spaced: list[bool]) -> list[tuple]:
    """The reading of one token at a time: a possessive ending joins the word before it, and
    '-' or '/' between two words with no space joins them ('Sub-Committee')."""
    words: list[list] = []  # text, start, end, possessive, plural possessive
    i = 0
    while i < len(texts):
        token = texts[i]
        if (token in APOSTROPHES and words and i and not spaced[i - 1]
                and words[-1][0][-1:].isalpha()
                and (token.endswith("s") or words[-1][0].endswith("s"))):
            words[-1][3] = True
            words[-1][4] = token in ("'", "\u2019") and words[-1][0].endswith("s")
            words[-1][2] = i + 1
            i += 1
            continue
        j, text = i + 1, token
        while (j + 1 < len(texts) and not spaced[j - 1] and texts[j] in "-/"
               and not spaced[j] and texts[j + 1][:1].isalpha()):
            text += texts[j] + texts[j + 1]
            j += 2
        words.append([text, i, j, False, False])
        i = j
    return [(text, text.lower(), capitalised(text), start, end, possessive, plural,
             acronym_like(text)) for text, start, end, possessive, plural in words]


def test_words_are_the_token_by_token_reading() -> None:
    chance = random.Random(11)
    for _ in range(4000):
        count = chance.randint(0, 12)
        texts = [chance.choice(POOL) for _ in range(count)]
        spaced = [chance.random() < 0.4 for _ in range(count)]
        found = _words(unit_of(Doc(language().vocab, words=texts, spaces=spaced)))
        assert [(found.text[i], found.lower[i], found.cap[i], found.start[i], found.end[i],
                 found.possessive[i], found.plural_possessive[i], found.upper(i))
                for i in range(len(found))] == _one_by_one(texts, spaced), (texts, spaced)


NAME_POOL = ["The", "the", "Board", "board", "Kelsey", "Health", "and", "of", "Wellbeing",
             "Committee", "CSPs", "CSP", "two", "three", "both", "each", "every", "new", "this",
             "these", "meetings", "group", "groups", "steering", "(", ")", "DAAT", ",", "for",
             "Council", "police", "Police", "reports", "to", "into", "annually", "Sub", "-",
             "'s", "'", "Members", "Mr", "Partnership", "NHS", "Trust", "Cabinet", ":", "\n",
             "a", "at", "remaining", "Boards", "IOM", "Group", "Communities", "Housing", "1"]


def test_mentions_of_units_read_in_one_pass_are_each_unit_s_own() -> None:
    """`paper_mentions` reads a paper's units end to end; every rule that looks before or
    after a word must see at a unit's edge what it sees at the end of the unit alone."""
    from pipeline.extractors.bodies.names import find_mentions, paper_mentions
    from pipeline.extractors.bodies.units import PaperColumns, Unit

    chance = random.Random(5)
    for _ in range(600):
        texts = [chance.choice(NAME_POOL) for _ in range(chance.randint(0, 40))]
        doc = Doc(language().vocab, words=texts, spaces=[chance.random() < 0.7 for _ in texts])
        paper = PaperColumns(doc)
        cuts = sorted(chance.sample(range(len(texts) + 1), min(len(texts) + 1, 6)))
        units = [Unit(paper, a, b) for a, b in zip([0, *cuts], [*cuts, len(texts)], strict=True)]
        assert paper_mentions(units) == [find_mentions(unit, n) for n, unit in enumerate(units)]


def test_no_word_list_holds_the_empty_word_between_units() -> None:
    """The empty words `paper_mentions` puts between units must be in no list a rule reads."""
    from pipeline.extractors.bodies.anaphora import anaphora_rules
    from pipeline.extractors.bodies.words import vocabulary

    vocab, rules = vocabulary(), anaphora_rules()
    lists = [value for value in vars(vocab).values() if isinstance(value, frozenset | dict)]
    lists += [value for value in vars(rules).values() if isinstance(value, frozenset)]
    assert len(lists) > 20
    assert all("" not in words for words in lists)
