"""The rule files: the one place that knows where they are.

The rules are edited in `models/` at the top of the source checkout. An installed
minutebook carries them as package data, the subpackage `pipeline._rules` (pyproject.toml
maps `models/` to it), so a wheel or `pip install .` works from any directory. Every
module reads them through this one, by a path relative to `models/`:

    >>> read_json("structure/vocabulary.json")["body_heads"]  # doctest: +SKIP

Where they are found, in order:
1. `_rules/` inside the imported `pipeline` package: a wheel or `pip install .` (and
   never a namespace merge of several copies: the rules always go with the code);
2. `models/` beside the imported `pipeline` folder: a source checkout, installed
   editable (`pip install -e .`) or not installed at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

SHIPPED = "_rules"  # the subpackage pipeline._rules: models/ as pyproject.toml ships it
NOT_RULES = {"__pycache__", "__init__.py"}  # what an import may leave beside the rules


@cache
def root() -> Traversable:
    """The folder of rule files (found once per process)."""
    package = resources.files("pipeline")
    shipped = package.joinpath(SHIPPED)
    if shipped.is_dir():
        return shipped
    checkout = Path(str(package)).parent / "models"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"minutebook's rule files are missing (neither {shipped} nor "
                            f"{checkout} exists): reinstall minutebook")


def rule_file(relpath: str) -> Traversable:
    """One rule file, by its path under models/ ('structure/vocabulary.json')."""
    return root().joinpath(*relpath.split("/"))


def read_text(relpath: str) -> str:
    return rule_file(relpath).read_text(encoding="utf-8")


def read_json(relpath: str):
    """A JSON rule file, parsed (a fresh object on every call: callers cache)."""
    return json.loads(read_text(relpath))


def read_jsonl(relpath: str) -> list[dict]:
    """A JSON-lines rule file: one object per non-blank line."""
    return [json.loads(line) for line in read_text(relpath).splitlines() if line.strip()]


def iter_rule_files(folder: Traversable | None = None) -> Iterator[tuple[str, Traversable]]:
    """Every rule file as (path under models/ with '/', file), sorted by path.
    `folder` is the root to walk (by default the rules in use)."""
    found = _walk(root() if folder is None else folder, "", NOT_RULES)
    yield from sorted(found, key=lambda pair: pair[0])


def iter_files(folder: Traversable) -> Iterator[tuple[str, Traversable]]:
    """Every file under `folder` but caches, as (path under it with '/', file), sorted."""
    yield from sorted(_walk(folder, "", {"__pycache__"}), key=lambda pair: pair[0])


def _walk(folder: Traversable, prefix: str, skip: set[str]) -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        if entry.name in skip or entry.name.endswith(".pyc"):
            continue
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            yield from _walk(entry, relative + "/", skip)
        elif entry.is_file():
            yield relative, entry
