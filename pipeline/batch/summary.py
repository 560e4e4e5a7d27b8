"""What a run did, as `run_extract` returns it and the CLI prints it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class RunSummary:
    """What a run did. `found` papers = `processed` + `reused`; of them `failed` failed
    and `skipped` were not papers (other file types, formats not asked for)."""

    out: Path
    documents: int  # papers found that are not skipped
    failed: int
    skipped: int
    counts: dict[str, int]
    seconds: float
    pages: int = 0
    reused: int = 0
    warnings: int = 0
    processed: int = 0
    pages_read: int = 0  # pages of the papers processed by this run (not reused)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0
