"""Stable keys for names, so that "the Community Safety Partnership (CSP)", "CSP" and
"Community Safety Partnership" become one node."""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = {"councillor", "councillors", "cllr", "cllrs", "dr", "mr", "mrs", "ms", "miss",
              "sir", "dame", "professor", "prof", "rev", "revd", "lord", "lady", "alderman"}


def fold(text: str) -> str:
    """Case, accents' compatibility forms, punctuation and white space folded."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    text = re.sub("['\u2019]", "", text)
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


def body_key(name: str) -> str:
    words = fold(re.sub(r"\s*\([^()]*\)\s*$", "", name) or name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def person_key(name: str) -> str:
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


class BodyResolver:
    """Maps every name and alias of a body to one canonical key."""

    def __init__(self) -> None:
        self.canonical: dict[str, str] = {}
        self.labels: dict[str, str] = {}

    def add(self, name: str, aliases: list[str]) -> str:
        key = self.canonical.get(body_key(name), body_key(name))
        self.labels.setdefault(key, name)
        self.canonical.setdefault(body_key(name), key)
        for alias in aliases:
            alias_key = body_key(alias)
            # A one-word alias ("the Board") means a different body in each paper.
            if alias_key and (len(alias_key.split()) > 1 or alias.strip().isupper()):
                self.canonical.setdefault(alias_key, key)
        return key

    def resolve(self, name: str) -> str:
        key = body_key(name)
        if key in self.canonical:
            return self.canonical[key]
        inner = re.search(r"\(([^()]*)\)\s*$", name)
        if inner and body_key(inner.group(1)) in self.canonical:
            return self.canonical[body_key(inner.group(1))]
        return key

    def label(self, key: str) -> str:
        return self.labels.get(key, key)
