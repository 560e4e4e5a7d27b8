"""The glyphs a list item opens with, whichever program wrote the paper.

Word's Symbol and Wingdings bullets come out of a PDF's text layer, an RTF file or a text
export as private-use characters; a page Word saved as HTML writes its Symbol bullet as
a middle dot ('·' and non-breaking spaces) and its second level as a letter 'o'; a
Wingdings square bullet copied as text is a section sign ('§ Huw Bebb'). A line
that opens with one of them is a list item whatever reader found it: read as a paragraph
'· Councillor A Lee', it was no attendee.
"""

from __future__ import annotations

#: private-use bullets, each with the glyph it shows
SYMBOL_BULLETS = {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u27a2",
                  "\uf076": "\u2756", "\uf0fc": "\u2713", "\uf0a8": "\u25a1",
                  "\uf06e": "\u25a0", "\uf0e0": "\u2794", "\uf0d7": "\u27a2"}
#: glyphs that are only ever bullets at the start of a line (not a hyphen, a dash or an
#: asterisk, which also open a legend, a minus sign or a range)
GLYPHS = frozenset("\u2022\u25aa\u25e6\u25a0\u25a1\u25cf\u25cb\u25c6\u25c7\u2756\u27a2\u27a4"
                   "\u25ba\u25b8\u2023\u2043\u2219\u00b7\u2713\u2714\u2794") | set(SYMBOL_BULLETS)


def split_bullet(text: str) -> tuple[str, str] | None:
    """(the glyph shown, the rest) of a line that opens with a bullet and a space; a
    letter 'o' counts only before a capital or a digit ('o Councillor A Lee')."""
    head = text[:1]
    if len(text) < 3 or not text[1].isspace():
        return None
    rest = text[1:].strip()
    if not rest:
        return None
    if head in GLYPHS:
        return SYMBOL_BULLETS.get(head, head), rest
    if head == "o" and (rest[0].isupper() or rest[0].isdigit()):
        return "\u25e6", rest
    if head == "\u00a7" and rest[0].isupper():
        return "\u25aa", rest  # Wingdings' square bullet copied as text: '§ Huw Bebb' (not
        # a section sign, which a number follows: '§ 5 of the Act')
    return None
