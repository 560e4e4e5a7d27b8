"""A cheap test that a text cannot match any of a set of token patterns.

spaCy's Matcher walks every token of every block; most blocks of a paper contain none of
the words a pattern must start with. The words of each pattern's first required token are
gathered once into one regular expression, and a text that does not contain any of them
is skipped before it is tokenised or matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def anchor_regex(patterns: Iterable[list[dict]]) -> re.Pattern[str] | None:
    """A regex that finds every text the patterns could match (None: no safe filter)."""
    words: set[str] = set()
    for pattern in patterns:
        first = next((spec for spec in pattern if spec.get("OP") not in ("?", "*")), None)
        lower = first.get("LOWER") if first else None
        if isinstance(lower, str):
            words.add(lower)
        elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
            words.update(lower["IN"])
        else:
            return None  # a pattern that starts with anything else can match anywhere
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.I)
