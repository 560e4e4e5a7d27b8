"""Attendance line layouts over `generator.Generator`, and `generate` for a labelled set."""

from __future__ import annotations

from training.generator import Example, Generator, Piece
from training.inventory import QUALIFIERS


class Layouts(Generator):
    """One method per way minutes write a person; each returns labelled pieces."""

    def honorific(self, p: float = 0.6) -> list[Piece]:
        return [(self.pick(self.v["honorifics"]) + " ", None)] if self.rng.random() < p else []

    def person(self, p: float = 0.6, post: bool = True) -> list[Piece]:
        pieces = [*self.honorific(p), (self.name(), "PERSON")]
        if post and self.rng.random() < 0.04:
            pieces.append((" " + self.pick(self.v["post"]), None))
        if self.rng.random() < 0.08:
            name = pieces[-1][0] if pieces[-1][1] == "PERSON" else pieces[-2][0]
            code = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())
            pieces.append((f" ({code})", None))
        return pieces

    def tail(self) -> list[Piece]:
        """A qualifier or a substitution note after a mention, or nothing."""
        r = self.rng.random()
        if r < 0.08:
            return [(f" ({self.pick(QUALIFIERS)})", None)]
        if r < 0.12:
            lead = self.pick(["substitute for ", "in place of ", "substituting for "])
            return [(f" ({lead}", None), *self.person(0.7, False), (")", None)]
        return []

    def chair(self) -> list[Piece]:
        return [(" (", None), (self.pick(self.v["chair"]), "ROLE"), (")", None)]

    def mention(self) -> list[Piece]:
        """One person with what the line says about them."""
        role, org, r = self.role(), self.org(), self.rng.random()
        shapes = [
            lambda: [*self.person(), (", ", None), (role, "ROLE"), (", ", None), (org, "ORG")],
            lambda: [*self.person(), (", ", None), (role, "ROLE")],
            lambda: [*self.person(), (self.dash(), None), (role, "ROLE"), (", ", None),
                     (org, "ORG")],
            lambda: [*self.person(), (" (", None), (role, "ROLE"), (")", None)],
            lambda: [*self.person(), (" (", None), (role, "ROLE"), (") (", None), (org, "ORG"),
                     (")", None)],
            lambda: [*self.person(), (" (", None), (role, "ROLE"), (", ", None), (org, "ORG"),
                     (")", None)],
            lambda: [*self.person(), (" (", None), (org, "ORG"), (")", None)],
            lambda: [*self.person(), *self.chair(), (" (", None), (org, "ORG"), (")", None)],
            lambda: [(self.rank() + " ", "ROLE"), *self.person(0.0), (", ", None), (org, "ORG")],
            lambda: [(self.rank() + " ", "ROLE"), *self.person(0.0), (" (", None),
                     (role, "ROLE"), (") (", None), (org, "ORG"), (")", None)],
            lambda: [(role, "ROLE"), (" (", None), *self.person(0.3), (")", None)],
            lambda: [(role, "ROLE"), (self.dash(), None), *self.person(0.3)],
            lambda: [*self.person(), (", ", None), (org, "ORG"), (", ", None), (role, "ROLE")],
            lambda: [*self.person(), *self.chair(), (", ", None), (role, "ROLE"), (", ", None),
                     (org, "ORG")],
            lambda: [(self.pick(self.v["tiers"]) + " ", "ROLE"), *self.person(0.0)],
            lambda: [*self.person(0.9)],
        ]
        pieces = shapes[int(r * len(shapes))]()
        return _strip_roles(pieces) + self.tail()

    def member(self) -> list[Piece]:
        """A member in a list of councillors: a name, maybe a chair marker or a council."""
        pieces, r = self.person(0.2), self.rng.random()
        if r < 0.2:
            pieces += self.chair()
        if 0.15 < r < 0.5:
            pieces += [(" (", None), (self.org(), "ORG"), (")", None)]
        return pieces + self.tail()

    def line(self) -> list[Piece]:
        r = self.rng.random()
        if r < 0.6:
            return self.mention()
        if r < 0.9:
            members = [self.member() for _ in range(self.rng.randint(2, 6))]
            lead = [(self.pick(self.v["plural"]) + " ", None)] if self.rng.random() < 0.6 else []
            return lead + _join(members, self.pick([" and ", " & ", ", "]))
        return _join([self.mention() for _ in range(self.rng.randint(2, 3))],
                     self.pick([" and ", ", "]), self.pick(["; ", ", "]))


def _strip_roles(pieces: list[Piece]) -> list[Piece]:
    """A rank piece ends in a space that is no part of the ROLE span."""
    out: list[Piece] = []
    for text, label in pieces:
        if label and text.endswith(" "):
            out += [(text.rstrip(), label), (" ", None)]
        else:
            out.append((text, label))
    return out


def _join(parts: list[list[Piece]], last: str, sep: str = ", ") -> list[Piece]:
    out: list[Piece] = []
    for i, part in enumerate(parts):
        if i:
            out.append((last if i == len(parts) - 1 else sep, None))
        out += part
    return out


def assemble(pieces: list[Piece]) -> Example:
    text, spans = "", []
    for piece, label in pieces:
        if label:
            spans.append([len(text), len(text) + len(piece), label])
        text += piece
    return {"text": text, "spans": spans}


def generate(n: int, seed: int = 0) -> list[Example]:
    """n invented labelled lines, the same for the same seed."""
    layouts = Layouts(seed)
    return [assemble(layouts.line()) for _ in range(n)]
