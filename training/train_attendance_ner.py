"""Train a small spaCy NER (PERSON, ROLE, ORG) for attendance lines, from spacy.blank("en").

CPU only, no pretrained vectors, nothing downloaded. The model is a narrow hash-embedding
CNN (`MODEL_CONFIG`) under a transition-based NER; it is saved with `nlp.to_disk`.

    python -m training.train_attendance_ner --out /tmp/attendance_ner
    python -m training.train_attendance_ner --data /tmp/attendance.jsonl --out DIR
"""

from __future__ import annotations

import argparse
import json
import random
import time
import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import compounding, minibatch

from training.make_attendance_data import build

LABELS = ("PERSON", "ROLE", "ORG")
MODEL_CONFIG = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 64,
        "depth": 4,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    },
}


def blank_pipeline() -> Language:
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config={"model": MODEL_CONFIG})
    for label in LABELS:
        ner.add_label(label)
    return nlp


def to_examples(nlp: Language, rows: list[dict]) -> list[Example]:
    """Examples from {"text", "spans"}; tokens of a span off token boundaries are left
    unknown ('-'), every other token outside a span is O."""
    out = []
    for row in rows:
        doc = nlp.make_doc(row["text"])
        ents = [(a, b, label) for a, b, label in row["spans"]]
        out.append(Example.from_dict(doc, {"entities": _biluo(doc, ents)}))
    return out


def _biluo(doc: Doc, ents: list[tuple[int, int, str]]) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W030: misaligned spans, counted by the caller
        return offsets_to_biluo_tags(doc, ents)


def train(rows: list[dict], out: Path | None, epochs: int = 12, seed: int = 0,
          dropout: float = 0.2, verbose: bool = True) -> Language:
    """Train on rows and save to out (when given); returns the trained pipeline."""
    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = blank_pipeline()
    examples = to_examples(nlp, rows)
    optimizer = nlp.initialize(lambda: examples)
    started = time.perf_counter()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        if verbose:
            print(f"epoch {epoch + 1:2d}  ner loss {losses.get('ner', 0.0):9.1f}  "
                  f"{time.perf_counter() - started:5.1f}s")
    nlp.meta.update({"name": "attendance_ner", "version": "0.0.1",
                     "description": "PERSON/ROLE/ORG in attendance lines (training/)"})
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out)
    return nlp


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="JSONL from make_attendance_data "
                        "(default: build 4000 invented lines + sample papers in memory)")
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    rows = read_jsonl(args.data) if args.data else build(args.n, args.seed)
    train(rows, args.out, args.epochs, args.seed)
    print(f"saved {len(rows)}-line model -> {args.out}")


if __name__ == "__main__":
    main()
