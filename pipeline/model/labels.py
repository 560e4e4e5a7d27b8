"""Vocabularies shared by the CSV writer, the CLI and the extractors."""

from __future__ import annotations

# The contract columns of each table (../shared/eval/CONTRACT.md), in output order.
CONTRACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("document", "kind", "body", "date"),
    "attendees": ("document", "name", "role", "organisation", "capacity"),
    "apologies": ("document", "name", "role", "organisation"),
    "substitutes": ("document", "member", "substitute", "organisation"),
    "items": ("document", "number", "title"),
    "decisions": ("document", "item", "kind", "text"),
    "recommendations": ("document", "number", "text"),
    "bodies": ("body", "aliases"),
    "relations": ("document", "source", "relation", "target"),
    "declarations": ("document", "name", "item", "kind", "text"),
    # minutebook's own, beyond the contract: the papers of an agenda pack, recorded votes
    # and how each member voted in a named (recorded) vote
    "parts": ("document", "part", "kind", "body", "date", "first_page", "last_page"),
    "votes": ("document", "vote", "item", "motion", "for", "against", "abstained", "result"),
    "vote_members": ("document", "vote", "item", "name", "position"),
}
ERROR_COLUMNS = ("document", "severity", "stage", "error_type", "message")
DOCUMENT_KINDS = ("minutes", "report", "agenda", "other")
CAPACITIES = ("member", "officer", "other")
RELATIONS = ("reports_to", "replaces", "member_of", "linked_to")
#: Declaration categories (CONTRACT.md), "" when the minutes state none.
DECLARATION_KINDS = ("disclosable pecuniary", "other registrable", "non-registrable",
                     "prejudicial", "personal", "pecuniary", "non-pecuniary", "financial",
                     "non-financial", "other", "")
#: What a member did after declaring, when the minutes say it.
DECLARATION_ACTIONS = ("left the room", "took no part", "remained", "dispensation", "")
#: How a member voted in a named vote.
VOTE_POSITIONS = ("for", "against", "abstained")
