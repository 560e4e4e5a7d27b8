"""How a run goes: one validated settings object for the CLI and the Python API.

`minutebook extract` and `pipeline.extract` both build a `Settings` and hand it to the
runner, so equal options make equal settings, checked in one place: a bad value raises
ValueError naming the setting and what it accepts. The object is frozen; `replace` (or
`Settings.with_`) gives a changed copy, checked again.

    >>> Settings(workers=2, glob="*.pdf").workers
    2
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.batch.walk import DEFAULT_FORMATS, check_formats
from pipeline.readers import PDF_ENGINES
from pipeline.readers.ocr import OCR_MODES

__all__ = ["MIN_MEMORY_MB", "OCR_MODES", "PDF_ENGINES", "RunSettings", "Settings",
           "default_workers"]

MIN_MEMORY_MB = 64  # below this a worker cannot even import the extractors


def default_workers() -> int:
    """The machine's cores, at most 8 (more workers than that only add memory)."""
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True)
class Settings:
    """Everything a run is told, each checked when the object is made.

    - `workers`: processes reading the papers; 0 reads them in this process; None (the
      default) is the machine's cores, at most 8.
    - `glob`, `exclude`, `formats`: which files under the paths are inputs
      (`pipeline.batch.walk`; Markdown is read only when named).
    - `raw_csv`: write cells as they are, without the apostrophe that keeps a
      spreadsheet from running them as formulas.
    - `force`: re-do every paper, even those unchanged since the last run.
    - `debug`: read in this process and let exceptions through, with their tracebacks.
    - `timeout` (seconds) and `memory_mb` (MiB): limits per paper and per worker; None
      for none.
    - `scheduler`: a Dask address, `distributed.Client` or cluster; None runs locally.
    - `pdf_engine`: "pdfium" (fast, the default) or "pdfplumber" (the slower reference).
    - `ocr`: which PDF pages are read by OCR (Tesseract): "auto" (the default) those
      without a text layer, "always" every page, "never" none.
    - `authority`: the authority (council) of every paper of the run, over what the papers
      say; `authority_map`: a CSV of `pattern,authority` rows giving papers matched by a
      path pattern or folder theirs (`pipeline.batch.authorities`).
    """

    workers: int | None = None
    glob: str | None = None
    exclude: tuple[str, ...] = ()
    formats: tuple[str, ...] = DEFAULT_FORMATS
    raw_csv: bool = False
    force: bool = False
    debug: bool = False
    timeout: float | None = 600.0
    memory_mb: int | None = 4096
    scheduler: Any = None
    pdf_engine: str = "pdfium"
    ocr: str = "auto"
    authority: str = ""
    authority_map: Path | None = None

    def __post_init__(self) -> None:
        workers = default_workers() if self.workers is None else self.workers
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
            raise ValueError(f"workers must be a whole number, 0 or more, not {self.workers!r}")
        _set(self, "workers", workers)
        if self.glob is not None and not isinstance(self.glob, str):
            raise ValueError(f"glob must be a pattern such as '*.pdf', not {self.glob!r}")
        _set(self, "exclude", _strings("exclude", self.exclude))
        _set(self, "formats", check_formats(_strings("formats", self.formats)))
        for name in ("raw_csv", "force", "debug"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be True or False, not {getattr(self, name)!r}")
        if self.timeout is not None:
            if isinstance(self.timeout, bool) or not isinstance(self.timeout, int | float) \
                    or not self.timeout > 0:
                raise ValueError(f"timeout must be a positive number of seconds or None, "
                                 f"not {self.timeout!r}")
            _set(self, "timeout", float(self.timeout))
        if self.memory_mb is not None and (
                isinstance(self.memory_mb, bool) or not isinstance(self.memory_mb, int)
                or self.memory_mb < MIN_MEMORY_MB):
            raise ValueError(f"memory_mb must be a whole number of MiB, at least "
                             f"{MIN_MEMORY_MB}, or None, not {self.memory_mb!r}")
        if not isinstance(self.authority, str):
            raise ValueError(f"authority must be a name such as 'Kingsmere Borough Council', "
                             f"not {self.authority!r}")
        _set(self, "authority", " ".join(self.authority.split()))
        if self.authority_map is not None:
            if not isinstance(self.authority_map, str | os.PathLike):
                raise ValueError(f"authority_map must be the path of a CSV file, "
                                 f"not {self.authority_map!r}")
            _set(self, "authority_map", Path(self.authority_map))
        if self.pdf_engine not in PDF_ENGINES:
            raise ValueError(f"pdf_engine must be one of {', '.join(PDF_ENGINES)}, "
                             f"not {self.pdf_engine!r}")
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")
        if isinstance(self.scheduler, str):
            from pipeline.batch.dask_executor import check_address
            from pipeline.errors import RunError

            try:
                _set(self, "scheduler", check_address(self.scheduler))
            except RunError as error:
                raise ValueError(str(error)) from None

    @property
    def in_process(self) -> bool:
        """Whether papers are read in this process (no worker processes, no Dask)."""
        return self.scheduler is None and (self.workers == 0 or self.debug)

    def with_(self, **changes: Any) -> Settings:
        """A copy with `changes`, checked again; TypeError names an unknown setting."""
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            raise TypeError(f"unknown setting(s) {', '.join(unknown)}; the settings are "
                            f"{', '.join(f.name for f in dataclasses.fields(self))}")
        return dataclasses.replace(self, **changes)


def _set(settings: Settings, name: str, value: object) -> None:
    # Normalising a field of a frozen dataclass while it is made, as dataclasses document.
    object.__setattr__(settings, name, value)


def _strings(name: str, value: str | Iterable[str]) -> tuple[str, ...]:
    """One string or an iterable of strings as a tuple (a lone str is one pattern, not
    its characters)."""
    values = (value,) if isinstance(value, str) else tuple(value)
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{name} must be strings, not {bad[0]!r}")
    return values


#: The name the runner and the tests have used; the same class.
RunSettings = Settings
