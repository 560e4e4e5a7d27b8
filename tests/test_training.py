"""training/: labelled lines are generated, a tiny NER trains, saves, loads offline and
tags a line with the right label types. Checks plumbing, not accuracy."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from training.layouts import generate  # noqa: E402
from training.lines import fold_name, prepare  # noqa: E402
from training.make_attendance_data import corpus_examples  # noqa: E402
from training.systems import from_spans, rules  # noqa: E402
from training.train_attendance_ner import LABELS, train  # noqa: E402


def test_generated_spans_are_labelled_text():
    rows = generate(200, seed=3)
    assert rows == generate(200, seed=3)  # reproducible
    for row in rows:
        for start, end, label in row["spans"]:
            piece = row["text"][start:end]
            assert label in LABELS and piece == piece.strip() and piece
    assert {label for row in rows for _, _, label in row["spans"]} == set(LABELS)


def test_sample_papers_give_labelled_lines():
    rows = corpus_examples()
    assert rows and all(any(s[2] == "PERSON" for s in row["spans"]) for row in rows)


def test_prepare_and_fold():
    assert prepare("Apologies were received from Cllr A. Smith.") == "Cllr A. Smith"
    assert prepare("Jane Roe\tHead of Finance\tFernley Council") == \
        "Jane Roe, Head of Finance, Fernley Council"
    assert fold_name("Councillor  Jane Roe MBE") == "jane roe"
    found = from_spans("Chief Executive (Jane Roe), Fernley Council",
                       [(0, 15, "ROLE"), (17, 25, "PERSON"), (28, 43, "ORG")])
    assert (found[0].name, found[0].role, found[0].organisation) == \
        ("Jane Roe", "Chief Executive", "Fernley Council")
    assert rules("Jane Roe – Head of Finance, Fernley Borough Council")[0].name == "Jane Roe"


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network use in a test")
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_tiny_model_saves_loads_offline_and_tags(tmp_path, offline):
    rows = generate(150, seed=1) + corpus_examples()
    train(rows, tmp_path / "ner", epochs=4, seed=0, verbose=False)
    nlp = spacy.load(tmp_path / "ner")
    assert nlp.pipe_names == ["ner"] and set(nlp.get_pipe("ner").labels) == set(LABELS)
    doc = nlp("Councillor Maren Holt (Chair), Cabinet Member for Housing, Ashby Borough Council")
    assert doc.ents and {e.label_ for e in doc.ents} <= set(LABELS)


def test_devset_lines_pair_people_with_their_line():
    from training.evaluate import devset
    root = ROOT.parent / "shared" / "devset"
    if not root.exists():
        pytest.skip(f"{root} not present")
    lines = devset(root)
    assert lines and all(p.name.split()[-1] in line.raw for line in lines for p in line.sourced)
