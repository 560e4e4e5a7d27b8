"""Typed records: the one schema, and a row that does not fit its table failing loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.extractors
from pipeline.batch.task import process
from pipeline.batch.walk import walk
from pipeline.model.labels import CONTRACT_COLUMNS
from pipeline.model.records import (
    DERIVED,
    SCHEMA,
    Item,
    Provenance,
    RecordError,
    Vote,
    record_of,
    row_of,
)
from pipeline.tables import TABLE_COLUMNS, TABLES

ITEM = {"document": "a.txt", "number": "3", "title": "Budget", "page": 2, "start": 10,
        "end": 16, "evidence": "3. Budget", "rule": "heading", "text_source": "text",
        "ocr_confidence": None, "part": 1}


def test_a_row_becomes_its_record_and_back() -> None:
    record = record_of("items", ITEM)
    assert record == Item("3", "Budget", Provenance("a.txt", 1, 2, 10, 16, "3. Budget",
                                                    "heading", "text"))
    assert row_of("items", record) == ITEM
    assert list(row_of("items", record)) == list(SCHEMA["items"].columns)


def test_the_for_column_and_empty_counts() -> None:
    row = {"document": "a.txt", "vote": 1, "item": "4", "motion": "amendment", "for": 23,
           "against": "", "abstained": "2", "result": "lost"}
    record = record_of("votes", row)
    assert isinstance(record, Vote) and (record.for_, record.against, record.abstained) == (
        23, None, 2)
    assert row_of("votes", record)["for"] == 23


def test_a_misspelt_key_fails_loudly() -> None:
    with pytest.raises(RecordError, match="titel"):
        record_of("items", {**{k: v for k, v in ITEM.items() if k != "title"}, "title": "x",
                            "titel": "Budget"})
    with pytest.raises(RecordError, match="'title'"):
        record_of("items", {k: v for k, v in ITEM.items() if k != "title"})
    with pytest.raises(RecordError, match="whole number"):
        record_of("items", {**ITEM, "page": "two"})
    with pytest.raises(RecordError, match="no table"):
        record_of("itmes", ITEM)


def test_a_paper_whose_extractor_misspells_a_key_fails(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    paper = tmp_path / "m.txt"
    paper.write_text("CABINET\n\nMinutes of the meeting held on 1 May 2024\n", encoding="utf-8")
    real = pipeline.extractors.extract_document

    def misspelt(document: object) -> dict[str, list[dict]]:
        tables = real(document)  # type: ignore[arg-type]
        tables["items"] = [{"number": "1", "titel": "Minutes"}]
        return tables

    monkeypatch.setattr(pipeline.extractors, "extract_document", misspelt)
    item = next(iter(walk([paper])))
    result = process(item)
    assert result.failed and not result.tables
    assert "titel" in result.errors[0]["message"]
    with pytest.raises(RecordError, match="titel"):
        process(item, debug=True)


def test_every_table_is_defined_once() -> None:
    assert tuple(SCHEMA) == TABLES
    for name, table in SCHEMA.items():
        assert TABLE_COLUMNS[name] == table.columns
        assert table.columns[:len(table.contract)] == table.contract
        assert len(set(table.columns)) == len(table.columns)
    assert {n: t.contract for n, t in SCHEMA.items() if n != "errors"} == CONTRACT_COLUMNS
    # the tables each paper's stages fill (documents and parts are the file's)
    paper_tables = set(SCHEMA) - {"documents", "parts", "errors", *DERIVED}
    assert paper_tables == set(pipeline.extractors.TABLES)


def test_the_api_has_a_frame_per_table() -> None:
    from dataclasses import fields

    from pipeline.api import Extraction

    assert tuple(f.name for f in fields(Extraction))[:len(TABLES)] == TABLES
