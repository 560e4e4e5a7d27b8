"""A person's roles or organisations once each (names.Person.role, .organisation): a
typo'd repeat or a value a fuller one starts with goes."""

from __future__ import annotations

import difflib
from functools import lru_cache


@lru_cache(maxsize=4096)
def unique_values(given: tuple[str, ...]) -> tuple[str, ...]:
    """Values once each: a typo'd repeat ('Chiar' after 'Chair') or a value that a
    fuller one starts with ('Station Manager' beside 'Station Manager, Fernley') goes.
    Cached: the register reads a person's role more than once, each a fuzzy comparison."""
    values = [v.strip(" ,;") for v in given if v.strip(" ,;")]
    kept: list[str] = []
    for i, value in enumerate(values):
        low = value.casefold()
        if any(_similar(low, k.casefold()) for k in kept):
            continue
        if not any(o.casefold().startswith(low + ",") for j, o in enumerate(values) if j != i):
            kept.append(value)
    return tuple(kept)


def _similar(a: str, b: str) -> bool:
    """difflib's ratio() > 0.85, its upper bounds (real_quick_ratio from the lengths, as
    difflib computes it, then quick_ratio) asked first: the full comparison costs most."""
    if (total := len(a) + len(b)) and 2.0 * min(len(a), len(b)) / total <= 0.85:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() > 0.85 and matcher.ratio() > 0.85
