"""Notes on a person in a list: 'Chief Executive' is a role, 'Fernley Police' an
organisation, and 'Corporate Director, Place, Fernley Borough Council' both (names.py reads
the name they follow). The words that decide live in models/attendance/*.json."""

from __future__ import annotations

from pipeline.extractors.people.scanning import split_top
from pipeline.extractors.people.vocabulary import pattern, vocab
from pipeline.regex_cache import compile_cached

_NOTE_WORD = compile_cached(r"[\w&'’\-]+")
_BRACKETED = compile_cached(r"\([^()]*\)")
_ROLE_THEN_ORG = compile_cached(r"(.+?)\s*\(([A-Z][^()]*)\)")
_SMALL_NOTE = compile_cached(r"\s*\([a-z][^()]*\)$")


def classify(piece: str) -> str | None:
    """'role' or 'org' for a note such as 'Chief Executive' or 'Fernley Police'; None when no
    word tells."""
    v = vocab()
    words = _NOTE_WORD.findall(_BRACKETED.sub(" ", piece) if "(" in piece else piece)
    if not words:
        return None
    first = words[0]
    if first in v["org_words"] and len(words) > 2 and words[1] == "of":
        return "org"  # "Office of the Police and Crime Commissioner"
    # "Clinical Lead for Older People": the words before 'of'/'for' decide.
    words = words[:next((i for i, w in enumerate(words) if w in ("of", "for") and i), None)]
    last = words[-1]
    if first in v["role_heads"] or piece.casefold().strip() in v["chair"]:
        return "role"
    if last in v["org_words"] or (last.isupper() and len(last) > 1 and last not in v["role_nouns"]):
        return "org"
    if any(w in v["role_nouns"] for w in words):
        return "role"
    return "org" if any(w in v["org_words"] for w in words) else None


def attributes(text: str) -> tuple[list[str], list[str]]:
    """Split 'Corporate Director, Place, Fernley Borough Council' into roles and organisations.
    A piece no word explains takes its neighbour's side ('Place' continues the role); an
    unexplained name of capitalised words is an organisation ('Kestrel Waterways')."""
    text = text.strip(" ,;.")
    if pattern("chair_note").fullmatch(text):
        return ["Chair"], []
    pieces = []
    for piece in split_top(text, ","):
        # "Principal Committee Officer (Administering Authority)": a role, then its employer.
        m = _ROLE_THEN_ORG.fullmatch(piece) if "(" in piece else None
        if m and classify(m.group(1)) == "role" and classify(m.group(2)) == "org":
            pieces += [m.group(1), m.group(2)]
        else:
            pieces.append(piece)
    if len(pieces) > 1:  # "Convener, in the Chair": the office says it
        pieces = [p for p in pieces if not pattern("chair_note").fullmatch(p.strip())] or pieces
    kinds = [classify(p) for p in pieces]
    for i, piece in enumerate(pieces):
        bare = (_BRACKETED.sub("", piece) if "(" in piece else piece).split()
        if i and len(bare) == 1 and not piece.isupper() and piece not in vocab()["org_words"]:
            kinds[i] = None  # "Assistant Director, Procurement": a department word continues
        elif kinds[i] is None and len(bare) > 1 and all(w[:1].isupper() for w in bare):
            kinds[i] = "org"
    for i in range(len(kinds)):
        kinds[i] = kinds[i] or (kinds[i - 1] if i else next((k for k in kinds if k), "role"))
    roles: list[str] = []
    orgs: list[str] = []
    for i, (piece, kind) in enumerate(zip(pieces, kinds, strict=True)):
        target = roles if kind == "role" else orgs
        if kind == "org":  # "Kestrel Waterways (item 4.1 only)": the note is not the name
            piece = _SMALL_NOTE.sub("", piece)
        if i and kinds[i - 1] == kind and target:
            target[-1] += ", " + piece
        else:
            target.append(piece)
    return roles, orgs
