"""Lists of thousands of names: every name comes back once, in order, from the list
readers whose searches are by bisection and by surname (list_cuts, Register). Speed itself
is measured by the benchmarks, not here."""

from __future__ import annotations

from test_name_spans import FORENAMES, surnames

from pipeline.extractors import extract_document
from pipeline.extractors.people.labels import Section
from pipeline.extractors.people.lists import parse_list
from pipeline.extractors.people.names import Person
from pipeline.extractors.people.register import Register
from pipeline.model import Block, BlockKind
from pipeline.readers.text import parse_text


def names(count: int) -> list[str]:
    return [f"{FORENAMES[k % len(FORENAMES)]} {surname}"
            for k, surname in enumerate(surnames(count))]


def test_a_present_list_of_four_thousand_names_gives_each_name_once():
    people = names(4000)
    line = "Present: " + ", ".join(f"Cllr {name}" for name in people) + "."
    rows = extract_document(parse_text(f"Big Town Council\n\nMinutes of the meeting held on "
                                       f"3 March 2024\n\n{line}\n\n1. Apologies\nNone.\n",
                                       "big.txt"))
    assert [row["name"] for row in rows["attendees"]] == people
    assert rows["apologies"] == [] and rows["votes"] == []


def test_a_long_list_with_a_council_after_every_name_is_cut_at_each_name():
    # the cuts found between names are looked up by bisection: each note stays its name's
    people = names(1500)
    councils = ["Fenbury Borough Council", "Marsh Vale and District Council"]
    text = " ".join(f"Cllr {name}, {councils[k % 2]}" for k, name in enumerate(people))
    found = parse_list(text, 0, len(text))
    assert found is not None
    assert [(p.name, p.organisation) for p in found] == [
        (name, councils[k % 2]) for k, name in enumerate(people)]


def test_the_register_joins_a_later_mention_to_the_entry_of_its_surname_only():
    # the register looks mentions up by surname: "A Belcor" in a later block joins "Ann
    # Belcor", not "Carys Belcor" nor anyone else; a mention in the same list stays apart
    register = Register()
    present = Block(BlockKind.PARAGRAPH, "list", start=0, end=4)
    later = Block(BlockKind.PARAGRAPH, "later", start=5, end=10)
    section = Section("attendees")
    for name in ("Ann Belcor", "Bryn Dunfen", "Carys Belcor", "Dev Belcor"):
        register.add("attendees", Person(name, 0, 1), present, section)
    register.add("attendees", Person("Bryn Dunfen Jones", 0, 1), present, section)
    register.add("attendees", Person("Carys Belcor", 0, 1), later, section)
    register.add("attendees", Person("Dunfen", 0, 1), later, section)
    register.add("apologies", Person("Ann Belcor", 0, 1), later, Section("apologies"))
    rows = register.rows()
    assert [row["name"] for row in rows["attendees"]] == [
        "Ann Belcor", "Bryn Dunfen", "Carys Belcor", "Dev Belcor", "Bryn Dunfen Jones"]
    assert [row["name"] for row in rows["apologies"]] == ["Ann Belcor"]
