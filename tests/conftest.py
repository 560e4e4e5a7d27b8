"""Shared fixtures: where the shared papers are, and small files made on the fly."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from pipeline.tables import INTEGER_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
#: The shared sets of papers with gold answers: name -> (papers, gold) under SHARED.
SETS = {"devset": ("devset/docs", "devset/gold"), "corpus": ("corpus", "gold")}


@pytest.fixture(scope="session")
def shared_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each shared set present, extracted once for the whole session (all four formats,
    through the runner the CLI uses): name -> run folder."""
    from pipeline.batch.runner import run_extract
    from pipeline.settings import Settings

    runs = {}
    for name, (docs, _) in SETS.items():
        if (SHARED / docs).is_dir():
            out = tmp_path_factory.mktemp(name)
            run_extract([SHARED / docs], out, Settings(workers=2, exclude=("*.md", "*.py")))
            runs[name] = out
    return runs


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


def words(text: str) -> Counter:
    """Bag of words as the renderers' check counts them: markup out, punctuation off."""
    text = re.sub(r"</?[a-zA-Z][^>]*>", " ", text).replace("**", " ").replace("#", " ")
    tokens = (re.sub(r"[^\w]", "", t.lower()) for t in text.split())
    return Counter(t for t in tokens if t)


def bag_f1(reference: Counter, got: Counter) -> float:
    common = sum((reference & got).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def check_types(frame: pd.DataFrame, name: str = "") -> None:
    """Every column has its one type: Int64 for the whole-number columns, text (never
    NaN) for the rest."""
    for column in frame.columns:
        if column in INTEGER_COLUMNS:
            assert frame[column].dtype == "Int64", (name, column)
        else:
            assert pd.api.types.is_string_dtype(frame[column]), (name, column)
            assert not frame[column].isna().any(), (name, column)


def read_mutant(tmp_path: Path, data: bytes, suffix: str, edits: list[tuple[int, int]],
                cut: float) -> None:
    """Read a copy of `data` cut to `cut` of its length with bytes overwritten by `edits`:
    a reader may read it or refuse it with its own error, nothing else."""
    from pipeline.errors import MinutebookError
    from pipeline.readers import read

    mutant = bytearray(data[: max(1, int(len(data) * cut))])
    for position, value in edits:
        mutant[position % len(mutant)] = value
    path = tmp_path / f"mutant{suffix}"
    path.write_bytes(bytes(mutant))
    with contextlib.suppress(MinutebookError):  # a clear error is the other good outcome
        read(path)
