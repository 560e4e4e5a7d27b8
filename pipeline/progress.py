"""What `minutebook extract` shows while it runs and when it ends: a bar on a terminal,
one line per paper otherwise, and the run in one line."""

from __future__ import annotations

import sys
from typing import Any

import click

from pipeline.batch.runner import DocumentResult, RunSummary

__all__ = ["_Bar", "_Lines", "_progress", "summary_line"]


def summary_line(summary: RunSummary) -> str:
    """The run in one line, with the counts the progress showed."""
    found = summary.documents + summary.skipped
    parts = [f"{found} files: {summary.documents} papers ({summary.failed} failed)"]
    if summary.skipped:
        parts.append(f"{summary.skipped} skipped")
    if summary.warnings:
        parts.append(f"{summary.warnings} warnings")
    if summary.reused:
        parts.append(f"{summary.reused} unchanged since the last run")
    return (f"{', '.join(parts)}; {_pages(summary.pages_read)} read in {summary.seconds:.1f}s "
            f"-> {summary.out}/")


def _pages(count: int) -> str:
    return f"{count} page" + ("" if count == 1 else "s")


class _Bar:
    """Progress on a terminal: files done of total, pages, errors and time left.
    The bar is cleared when the run ends, before the summary is printed."""

    def __init__(self, mininterval: float = 0.1) -> None:
        self.bar: Any = None  # a tqdm bar between start() and finish()
        self.mininterval = mininterval
        self.pages = self.errors = 0

    def start(self, total: int, reused: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, initial=reused, unit="file", file=sys.stderr,
                        leave=False, dynamic_ncols=True, mininterval=self.mininterval,
                        bar_format="{n_fmt}/{total_fmt} files |{bar}| {desc} "
                                   "[{elapsed}<{remaining}]")
        self._describe()

    def _describe(self) -> None:
        self.bar.set_description_str(f"{_pages(self.pages)} read, {self.errors} failed",
                                     refresh=False)

    def advance(self, result: DocumentResult) -> None:
        self.pages += result.pages
        self.errors += result.failed
        self._describe()
        self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _Lines:
    """Progress when stderr is not a terminal: one plain line per paper processed."""

    def __init__(self) -> None:
        self.done = self.total = 0

    def start(self, total: int, reused: int) -> None:
        self.done, self.total = reused, total
        if reused:
            click.echo(f"{reused} of {total} files unchanged since the last run", err=True)

    def advance(self, result: DocumentResult) -> None:
        self.done += 1
        width = len(str(self.total))
        click.echo(f"[{self.done:>{width}}/{self.total}] {result.status:7} {result.document}"
                   + (f" ({_pages(result.pages)})" if result.pages else ""), err=True)

    def finish(self) -> None:
        pass


def _progress(quiet: bool) -> _Bar | _Lines | None:
    if quiet:
        return None
    return _Bar() if sys.stderr.isatty() else _Lines()
