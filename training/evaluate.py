"""Model against rules on held-out attendance lines from ../shared/devset.

Each gold attendee and apology of the devset papers is paired with its source line (the
first line holding the full name, else the surname), the line is prepared once
(`lines.prepare`) and both systems read that same text. Scores:

- person: names found on the line against every gold person the line names, exact after
  stripping honorifics and post-nominals and folding case and whitespace (P, R, F1);
- role, org: for each gold person on their source line, the value given to the person of
  that name, exact after case/whitespace folding (roles as a set of '; '-parts). "all"
  counts every gold value; "line" only values that are empty or spelled out in the line.

The rows: model alone, rules alone, and rules with the model as fallback on lines where
the rules find nobody. A second table scores invented lines from an unseen seed.

    python -m training.evaluate --model /tmp/attendance_ner [--errors 20]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy

from training.layouts import generate
from training.lines import GoldLine, GoldPerson, fold_name, fold_value, gold_lines, surname
from training.systems import Found, fallback, from_spans, model, rules

SHARED = Path(__file__).resolve().parents[2] / "shared" / "devset"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: str, pred: str) -> bool:
        g, p = fold_value(gold), fold_value(pred)
        if g and g == p:
            self.tp += 1
            return True
        self.fn += bool(g)
        self.fp += bool(p)
        return not g and not p

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def devset(root: Path = SHARED) -> list[GoldLine]:
    return gold_lines(root / "gold", root / "docs")


def generated(n: int, seed: int) -> list[GoldLine]:
    """Invented lines (a seed the model was not trained on) with gold read off their spans:
    in the model's own distribution, so a check on learning, not a verdict."""
    out = []
    for row in generate(n, seed):
        people = [GoldPerson(f.name, f.role, f.organisation)
                  for f in from_spans(row["text"], [tuple(s) for s in row["spans"]])]
        out.append(GoldLine("GEN", row["text"], row["text"], people, people))
    return out


def score(lines: list[GoldLine], predict: Callable[[str], list[Found]],
          errors: list[str] | None = None) -> dict[str, Tally]:
    t = {k: Tally() for k in ("person", "role", "role_line", "org", "org_line")}
    for line in lines:
        found = predict(line.text)
        gold = {fold_name(p.name) for p in line.mentioned}
        pred = {fold_name(f.name) for f in found if f.name.strip()}
        t["person"].tp += len(gold & pred)
        t["person"].fp += len(pred - gold)
        t["person"].fn += len(gold - pred)
        if errors is not None and gold != pred:
            errors.append(f"NAME {line.doc[:3]} {line.text!r}: missed {sorted(gold - pred)} "
                          f"extra {sorted(pred - gold)}")
        for person in line.sourced:
            match = _match(person, found) or Found("")
            for key, gold_value, value in (("role", person.role, match.role),
                                           ("org", person.organisation, match.organisation)):
                ok = t[key].add(gold_value, value)
                if _spelled(gold_value, line.text):
                    t[f"{key}_line"].add(gold_value, value)
                    if errors is not None and not ok:
                        errors.append(f"{key.upper()} {line.doc[:3]} {person.name}: gold "
                                      f"{gold_value!r} got {value!r} in {line.text[:90]!r}")
    return t


def _match(person: GoldPerson, found: list[Found]) -> Found | None:
    name = fold_name(person.name)
    exact = next((f for f in found if fold_name(f.name) == name), None)
    last = surname(person.name).casefold()
    return exact or next((f for f in found if fold_name(f.name).split()[-1:] == [last]), None)


def _spelled(value: str, text: str) -> bool:
    return all(part in text.casefold() for part in fold_value(value))


def table(results: dict[str, dict[str, Tally]], lines: list[GoldLine], title: str) -> str:
    persons = sum(len(line.sourced) for line in lines)
    head = (f"{title}: {len(lines)} lines, {persons} gold persons\n"
            f"{'system':<8} {'person P':>8} {'R':>6} {'F1':>6} | {'role F1':>7} {'(line)':>7}"
            f" | {'org F1':>6} {'(line)':>7}\n" + "-" * 68)
    rows = [f"{name:<8} {t['person'].p:8.3f} {t['person'].r:6.3f} {t['person'].f1:6.3f} | "
            f"{t['role'].f1:7.3f} {t['role_line'].f1:7.3f} | {t['org'].f1:6.3f} "
            f"{t['org_line'].f1:7.3f}" for name, t in results.items()]
    return "\n".join([head, *rows])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a saved pipeline folder")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold", help="gold JSON folder")
    parser.add_argument("--docs", type=Path, default=SHARED / "docs", help="papers as .txt")
    parser.add_argument("--errors", type=int, default=0, help="show this many errors each")
    parser.add_argument("--generated", type=int, default=500,
                        help="also score this many invented lines (seed 7919), 0 for none")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model)
    systems: dict[str, Callable[[str], list[Found]]] = {
        "model": lambda text: model(nlp, text), "rules": rules,
        "fallback": lambda text: fallback(nlp, text)}
    sets = [(f"held-out {args.gold}", gold_lines(args.gold, args.docs))]
    if args.generated:
        sets.append(("invented lines, unseen seed", generated(args.generated, 7919)))
    for title, lines in sets:
        shown: dict[str, list[str]] = {name: [] for name in systems}
        results = {name: score(lines, predict, shown[name])
                   for name, predict in systems.items()}
        print(table(results, lines, title) + "\n")
        for name, errors in shown.items():
            if args.errors and errors:
                print(f"{name}: {len(errors)} errors, first {args.errors}")
                print("\n".join(errors[:args.errors]) + "\n")


if __name__ == "__main__":
    main()
