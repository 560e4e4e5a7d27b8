"""Build labelled attendance lines (PERSON, ROLE, ORG character spans) as JSONL.

Two sources: invented lines from `layouts.generate`, and the project's own sample papers
(corpus/*.txt with tests/data/corpus_gold/*.json), each gold attendee or apology labelled
in its source line. Nothing is read from ../shared, which is kept for evaluation.

    python -m training.make_attendance_data --n 4000 --seed 0 --out /tmp/attendance.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from training.generator import Example
from training.layouts import generate
from training.lines import GoldLine, GoldPerson, gold_lines

ROOT = Path(__file__).resolve().parents[1]
CORPUS, CORPUS_GOLD = ROOT / "corpus", ROOT / "tests" / "data" / "corpus_gold"


def corpus_examples(gold_dir: Path = CORPUS_GOLD, docs_dir: Path = CORPUS) -> list[Example]:
    """Each source line of the sample papers, its gold people labelled where found."""
    return [ex for line in gold_lines(gold_dir, docs_dir) if (ex := label_line(line))]


def label_line(line: GoldLine) -> Example | None:
    """PERSON spans for every gold person the line names; ROLE and ORG spans for the parts
    of their gold values the line spells out, the occurrence nearest after the name."""
    text, spans = line.text, []
    for person in line.mentioned:
        found = _find(text, person.name, 0)
        if found is None:
            return None  # a name the line spells otherwise: leave the line out
        spans.append([*found, "PERSON"])
    for person in line.mentioned:
        anchor = _find(text, person.name, 0)[0]  # type: ignore[index]
        spans += _values(text, person, anchor)
    kept: list[list] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not any(a < span[1] and span[0] < b for a, b, _ in kept):
            kept.append(span)
    return {"text": text, "spans": kept}


def _values(text: str, person: GoldPerson, anchor: int) -> list[list]:
    out = []
    for value, label in ((person.role, "ROLE"), (person.organisation, "ORG")):
        for part in filter(None, (p.strip() for p in value.split(";"))):
            hits = _hits(text, part)
            if hits:
                best = min(hits, key=lambda h: (h[0] < anchor, abs(h[0] - anchor)))
                out.append([*best, label])
    return out


def _hits(text: str, part: str) -> list[tuple[int, int]]:
    """Where a gold value stands in the line; a table cell that wrapped keeps only its
    first words ('Cabinet Member for Adult Social'), matched up to the cell's end."""
    hits = [m.span() for m in re.finditer(_word(part), text, re.I)]
    words = part.split()
    for size in range(len(words) - 1, 1, -1):
        if hits:
            break
        head = re.escape(" ".join(words[:size]))
        hits = [m.span(1) for m in re.finditer(rf"(?<![\w-])({head})(?:,|$)", text, re.I)]
    return hits


def _find(text: str, name: str, start: int) -> tuple[int, int] | None:
    m = re.compile(_word(name)).search(text, start)
    return m.span() if m else None


def _word(phrase: str) -> str:
    return rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"


def build(n: int, seed: int, corpus_repeat: int = 3) -> list[Example]:
    return generate(n, seed) + corpus_examples() * corpus_repeat


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=4000, help="invented lines")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus-repeat", type=int, default=3,
                        help="copies of each sample-paper line")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    examples = build(args.n, args.seed, args.corpus_repeat)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for example in examples:
            f.write(json.dumps(example, ensure_ascii=False) + "\n")
    print(f"{len(examples)} lines -> {args.out}")


if __name__ == "__main__":
    main()
