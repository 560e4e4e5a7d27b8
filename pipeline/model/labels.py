"""Vocabularies shared by the CSV writer, the CLI and the extractors."""

from __future__ import annotations

from pipeline.model.records import SCHEMA

# The contract columns of each table (../shared/eval/CONTRACT.md), in output order, as the
# one schema (`pipeline.model.records`) defines them; errors.csv is the run's, not a table
# of the contract.
CONTRACT_COLUMNS: dict[str, tuple[str, ...]] = {
    name: table.contract for name, table in SCHEMA.items() if name != "errors"}
ERROR_COLUMNS = SCHEMA["errors"].contract
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
