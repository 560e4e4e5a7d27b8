"""A body named under its new and its old name in one sentence: the old name is an alias.

"The Safer Fernley Partnership, formerly known as the Fernley Community Safety
Partnership, reports to ..." and "The Adult Learning Group was renamed the Skills Board"
name one body twice. The guidelines make the old name an alias of the new one ('Y
(formerly X)'), so the paper's rows count one body, and a relation written with either
name is the body's. The words between the two names are the rules
(`models/structure/renaming.json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pipeline.extractors.bodies.names import clean_name
from pipeline.rules import read_json

if TYPE_CHECKING:
    from pipeline.extractors.bodies.discourse import BodyIndex
    from pipeline.extractors.bodies.units import Unit
    from pipeline.extractors.bodies.words import Mention

__all__ = ["renaming_alias"]


@dataclass(frozen=True, slots=True)
class _Rules:
    new_then_old: frozenset[tuple[str, ...]]
    old_then_new: frozenset[tuple[str, ...]]


@cache
def _rules() -> _Rules:
    raw = read_json("structure/renaming.json")
    return _Rules(*(frozenset(tuple(words) for words in raw[key]["between"])
                    for key in ("new_then_old", "old_then_new")))


def renaming_alias(doc: Unit, a: Mention, b: Mention, index: BodyIndex) -> None:
    """Record the old name of two neighbouring mentions as an alias of the new one."""
    if a.kind not in ("body", "org") or b.kind not in ("body", "org"):
        return
    words = tuple(doc.lowers[a.end: b.start])
    if words[-1:] == ("the",):
        words = words[:-1]
    rules = _rules()
    if words in rules.new_then_old:
        index.add_alias(clean_name(b.text), clean_name(a.text))
    elif words in rules.old_then_new:
        index.add_alias(clean_name(a.text), clean_name(b.text))
