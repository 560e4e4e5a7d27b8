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
    # minutebook's own, beyond the contract: the papers of an agenda pack
    "parts": ("document", "part", "kind", "body", "date", "first_page", "last_page"),
}
ERROR_COLUMNS = ("document", "severity", "stage", "error_type", "message")
DOCUMENT_KINDS = ("minutes", "report", "agenda", "other")
CAPACITIES = ("member", "officer", "other")
RELATIONS = ("reports_to", "replaces", "member_of", "linked_to")
